/**
 * Notifications in the browser, on the real server with the demo data: the operator of Diskominfo
 * proposes and submits an innovation; the verifier returns it; the operator's bell then counts one more
 * unread ("Notifikasi, N belum dibaca"), the centre lists the return first and marks it read, and the
 * account page offers the e-mail choices per kind. axe-core checks each view at desktop and phone size;
 * screenshots land in test-results/notifications-*.png.
 *
 * Needs `npm run build` first and Debian's chromium at /usr/bin/chromium.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { browserFlow, DEMO_PASSWORD, DESKTOP, logIn, PHONE } from './support.ts';

const REGION = '19.71';
const NAME = 'Sistem Peringatan Dini Banjir Berbasis Sensor (SIPEDAS)';

const { openContext, check } = browserFlow('notifications');
const contexts: BrowserContext[] = [];
// Each test leaves its people signed in; their contexts close once all have run, before the browser does.
afterAll(async () => {
  for (const c of contexts) await c.close();
});

async function signedIn(username: string, viewport = DESKTOP): Promise<Page> {
  const context = await openContext(viewport);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto('/masuk');
  await logIn(page, username, DEMO_PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
  return page;
}

/** The bell's accessible name carries the count; returns it. */
async function bellCount(page: Page): Promise<number> {
  const bell = page.getByRole('link', { name: /^Notifikasi, / });
  await bell.waitFor();
  const name = (await bell.getAttribute('aria-label')) ?? '';
  const m = /^Notifikasi, (\d+) belum dibaca$/.exec(name);
  return m ? Number(m[1]) : 0;
}

async function api(page: Page, method: 'GET' | 'POST', url: string, data?: unknown) {
  const res = method === 'GET' ? await page.request.get(url) : await page.request.post(url, { data: data ?? {} });
  expect(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.json();
}

describe('notifications', () => {
  it('a returned innovation shows in the operator’s bell and centre, which marks it read', async () => {
    const operator = await signedIn('operator.demo');
    const before = await bellCount(operator);

    // The operator proposes and submits (through the API the form uses; the form itself has its own flow test).
    const periods = (await api(operator, 'GET', `/api/v1/regions/${REGION}/periods`)) as { items: { id: string; year: number }[] };
    const period = periods.items.find((p) => p.year === 2026);
    const words = Array.from({ length: 330 }, (_, i) => `langkah${i}`).join(' ');
    const created = (await api(operator, 'POST', `/api/v1/regions/${REGION}/innovations`, {
      periodId: period?.id,
      name: NAME,
      tahapan: 'penerapan',
      inisiator: 'opd',
      jenis: 'digital',
      bentuk: 'pelayanan_publik',
      urusanUtama: 'kominfo',
      urusanIrisan: [],
      tematik: 'digitalisasi_layanan',
      waktuUjiCoba: '2025-02-01',
      waktuPenerapan: '2025-07-01',
      rancangBangun: words,
      tujuan: 'Memberi peringatan banjir kepada warga bantaran sungai paling lambat satu jam sebelumnya.',
      manfaat: 'Warga sempat mengungsikan barang dan keluarga sebelum air naik.',
      hasil: 'Sepuluh sensor terpasang di tiga sungai; 4.000 warga menerima peringatan lewat pesan singkat.',
      latitude: null,
      longitude: null,
      contactName: 'Andi Pranata',
      contactPhone: '081234567890',
      contactEmail: 'andi@example.go.id',
    })) as { id: string; version: number };
    const submitted = (await api(operator, 'POST', `/api/v1/regions/${REGION}/innovations/${created.id}/transition`, {
      action: 'submit',
      version: created.version,
    })) as { version?: number };

    const verifier = await signedIn('verifikator.demo');
    const current = (await api(verifier, 'GET', `/api/v1/regions/${REGION}/innovations/${created.id}`)) as { version: number };
    await api(verifier, 'POST', `/api/v1/regions/${REGION}/innovations/${created.id}/transition`, {
      action: 'return',
      version: submitted.version ?? current.version,
      notes: { tujuan: 'Sebutkan jumlah warga sasaran per tahun.' },
    });

    // The bell asks again when the page comes back; a reload is the same question.
    await operator.reload();
    await expect.poll(() => bellCount(operator), { timeout: 10_000 }).toBe(before + 1);

    await operator.getByRole('link', { name: `Notifikasi, ${before + 1} belum dibaca` }).click();
    await operator.getByRole('heading', { name: 'Notifikasi', level: 1 }).waitFor();
    const list = operator.getByRole('list', { name: 'Daftar notifikasi' });
    const first = list.getByRole('listitem').first();
    await expect.poll(() => first.textContent()).toContain(`Inovasi dikembalikan: ${NAME}`);
    await expect.poll(() => first.textContent()).toContain('Belum dibaca');
    await check(operator, 'desktop', 'centre');

    await first.getByRole('button', { name: `Tandai dibaca: Inovasi dikembalikan: ${NAME}` }).click();
    await expect.poll(() => bellCount(operator), { timeout: 10_000 }).toBe(before);
    // Read, it moves below the unread ones and opens its innovation.
    const row = list.getByRole('listitem').filter({ hasText: `Inovasi dikembalikan: ${NAME}` });
    await expect.poll(() => row.textContent()).not.toContain('Belum dibaca');
    await row.getByRole('button', { name: `Inovasi dikembalikan: ${NAME}` }).click();
    await operator.waitForURL(`**/inovasi/${created.id}`);
  });

  it('the centre and the settings on a phone, and marking all read', async () => {
    const phone = await signedIn('operator.demo', PHONE);
    await phone.goto('/notifikasi');
    await phone.getByRole('heading', { name: 'Notifikasi', level: 1 }).waitFor();
    await check(phone, 'phone', 'centre');
    const markAll = phone.getByRole('button', { name: 'Tandai semua dibaca' });
    if (await markAll.isEnabled()) await markAll.click();
    await expect.poll(() => bellCount(phone), { timeout: 10_000 }).toBe(0);
    await phone.locator('label', { hasText: /^Belum dibaca$/ }).click();
    await phone.getByText('Semua sudah dibaca').waitFor();

    await phone.getByRole('link', { name: 'Atur notifikasi' }).click();
    await phone.getByRole('heading', { name: 'Notifikasi', level: 2 }).waitFor();
    await phone.getByRole('checkbox', { name: 'Kirim surel: Inovasi dikembalikan untuk diperbaiki' }).waitFor();
    await check(phone, 'phone', 'settings');
  });

  it('saves the e-mail choices on the account page', async () => {
    const page = await signedIn('verifikator.demo');
    await page.goto('/akun');
    const email = page.getByRole('checkbox', { name: 'Kirim surel: Pengaduan melewati batas waktu' });
    await email.waitFor();
    await email.uncheck();
    await page.getByRole('button', { name: 'Simpan pengaturan notifikasi' }).click();
    await page.getByText('Pengaturan notifikasi disimpan').waitFor();
    await page.reload();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Kirim surel: Pengaduan melewati batas waktu' }).isChecked()).toBe(false);
    await check(page, 'desktop', 'settings');
  });
});
