/**
 * Kompetisi inovasi in the browser, on the real server with the demo data in Chromium: the admin of
 * Kota Pangkalpinang sets up a competition and opens registration, the Diskominfo operator enters the
 * unit's verified innovation and submits its proposal, two judges score every assigned entry on their
 * score sheets, the admin locks the stage and sees the ranking, sets the decree and publishes, and the
 * public results page shows the ranking to anyone. axe-core checks every page on a desktop and a phone
 * screen, and screenshots land in test-results/kompetisi-*.png for a person to look at.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserFlow, choose, DEMO_PASSWORD, logIn } from './support.ts';

const REGION = '19.71';
const API = `/api/v1/regions/${REGION}/competitions`;
const NAME = 'Lomba Inovasi Uji Peramban';

const VIEWPORTS = [
  { name: 'desktop', size: { width: 1280, height: 800 } },
  { name: 'phone', size: { width: 390, height: 844 } },
] as const;

const { openContext, check, server } = browserFlow('kompetisi');
let competitionId = '';
const entryIds: string[] = [];
const sheetIds: Record<string, string[]> = {};

async function signedIn(username: string, size?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await openContext(size);
  const page = await context.newPage();
  await page.goto('/masuk');
  await logIn(page, username, DEMO_PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
  return { context, page };
}

/** Presses the confirming button of the open dialog and waits until the dialog is gone. */
async function confirmIn(page: Page, name: string): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

async function api<T>(page: Page, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(url, { method, ...(data === undefined ? {} : { data }), headers: { origin: server().baseUrl } });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

describe('a competition from set-up to published results', () => {
  it('the admin sets up a competition and opens registration', async () => {
    const { context, page } = await signedIn('admin.demo');
    await page.goto('/kompetisi');
    await page.getByRole('heading', { name: 'Kompetisi Inovasi', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Buat kompetisi' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama kompetisi').fill(NAME);
    await check(page, 'desktop', 'form');
    await dialog.getByRole('checkbox', { name: 'Pakai tahap ini: Seleksi administrasi' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Pakai tahap ini: Presentasi' }).uncheck();
    await dialog.getByLabel('Bobot akhir (%)').fill('100');
    await dialog.getByLabel('Juri per peserta').fill('2');
    await dialog.getByRole('button', { name: 'Simpan kompetisi' }).click();
    await page.waitForURL(/\/kompetisi\/[0-9a-f-]{36}$/);
    competitionId = page.url().split('/').at(-1) ?? '';
    await page.getByRole('button', { name: 'Buka pendaftaran' }).click();
    await confirmIn(page, 'Buka pendaftaran');
    await page.getByRole('button', { name: 'Kunci tahap Pendaftaran' }).waitFor();
    const detail = await api<{ currentStage: string; stages: { code: string }[] }>(page, 'GET', `${API}/${competitionId}`);
    expect(detail.currentStage).toBe('pendaftaran');
    expect(detail.stages.map((s) => s.code)).toEqual(['pendaftaran', 'penilaian_proposal', 'penetapan']);
    await context.close();
  });

  it("the operator enters the unit's verified innovation and submits the proposal", async () => {
    const { context, page } = await signedIn('operator.demo');
    await page.goto(`/kompetisi/${competitionId}?tab=peserta`);
    await page.getByRole('button', { name: 'Daftarkan inovasi' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Memenuhi syarat').first().waitFor();
    // The 2025 innovation and its 2026 carry-over share the name; only the verified one may enter.
    await dialog
      // The demo also holds a draft carry-over of the same name, listed in no fixed order beside it: pick the eligible one.
      .getByRole('radio', { name: /Pangkalpinang Satu Data/, disabled: false })
      .first()
      .check();
    await dialog.getByRole('button', { name: 'Daftarkan', exact: true }).click();
    await page.waitForURL(/\/peserta\/[0-9a-f-]{36}$/);
    entryIds.push(page.url().split('/').at(-1) ?? '');
    await page.getByLabel('Ringkasan').fill('Portal data terpadu dengan wali data di setiap perangkat daerah.');
    await page.getByLabel('Latar belakang masalah').fill('Data sektoral tersebar di banyak perangkat daerah dan sering berbeda.');
    await page.getByLabel('Hasil dan manfaat').fill('Satu angka resmi untuk perencanaan; permintaan data dilayani dalam sehari.');
    await page.getByText('10 dari 250 kata').waitFor();
    await page.getByRole('button', { name: 'Ajukan proposal' }).click();
    await confirmIn(page, 'Ajukan proposal');
    await page.getByText('Proposal ini sudah diajukan dan tidak dapat diubah.').waitFor();
    await context.close();
  });

  it('a second unit enters too (through the API), the admin closes registration, forms the panel and assigns', async () => {
    const { context, page } = await signedIn('admin.demo');
    const candidates = await api<{ items: { id: string; eligible: boolean; alreadyEntered: boolean; name: string }[] }>(
      page,
      'GET',
      `${API}/${competitionId}/candidates?category=opd`,
    );
    const other = candidates.items.find((c) => c.eligible && !c.alreadyEntered && !c.name.includes('Satu Data'));
    if (!other) throw new Error('no second eligible innovation in the demo');
    const entry = await api<{ id: string; version: number }>(page, 'POST', `${API}/${competitionId}/entries`, {
      innovationId: other.id,
      category: 'opd',
    });
    entryIds.push(entry.id);
    const saved = await api<{ version: number }>(page, 'PUT', `${API}/${competitionId}/entries/${entry.id}`, {
      sections: { ringkasan: 'Ringkasan.', latar_belakang: 'Latar belakang.', hasil: 'Hasil.' },
      version: entry.version,
    });
    expect(saved.version).toBeGreaterThan(entry.version);
    await api(page, 'POST', `${API}/${competitionId}/entries/${entry.id}/submit`);

    await page.goto(`/kompetisi/${competitionId}`);
    await page.getByRole('button', { name: 'Kunci tahap Pendaftaran' }).click();
    await confirmIn(page, 'Kunci tahap Pendaftaran');
    await page.getByRole('button', { name: 'Kunci tahap Penilaian proposal' }).waitFor();

    await page.goto(`/kompetisi/${competitionId}?tab=juri`);
    for (const [judge, username] of [
      ['Juri Kompetisi (Demo)', 'juri.demo'],
      ['Dr. Rina Marlina, akademisi UBB (Demo)', 'juri2.demo'],
    ] as const) {
      await choose(page, page.getByRole('combobox', { name: 'Pilih juri' }), `${judge} (${username})`, username);
      await page.getByRole('button', { name: 'Tambah juri' }).click();
      await page.getByRole('cell', { name: judge }).waitFor();
    }
    await page.getByRole('button', { name: 'Tugaskan juri' }).click();
    await page.getByRole('heading', { name: 'Lembar nilai' }).waitFor();
    await expect.poll(async () => page.getByRole('row').filter({ hasText: 'Belum dikirim' }).count()).toBe(4);
    await context.close();
  });

  it('two judges score every assigned entry (autosaved drafts), blind to each other', async () => {
    for (const username of ['juri.demo', 'juri2.demo']) {
      const { context, page } = await signedIn(username);
      const home = await api<{ items: { sheetId: string; competitionName: string }[] }>(page, 'GET', `/api/v1/regions/${REGION}/judging`);
      const mine = home.items.filter((i) => i.competitionName === NAME).map((i) => i.sheetId);
      expect(mine).toHaveLength(2);
      sheetIds[username] = mine;
      await page.goto('/penjurian');
      await page.getByRole('heading', { name: 'Penjurian', level: 1 }).waitFor();
      for (const [n, sheetId] of mine.entries()) {
        await page.goto(`/penjurian/${sheetId}`);
        const scores = page.getByRole('textbox', { name: /^Nilai — / });
        await scores.first().waitFor();
        const count = await scores.count();
        for (let i = 0; i < count; i++) await scores.nth(i).fill(String(70 + n * 8 + (username === 'juri2.demo' ? 3 : 0) + (i % 3)));
        await page.getByText('Draf tersimpan').waitFor();
        await page.getByRole('button', { name: 'Kirim lembar nilai' }).click();
        await confirmIn(page, 'Kirim lembar nilai');
        await page.getByText('Lembar nilai ini sudah dikirim.').waitFor();
      }
      await context.close();
    }
    // Blind: one judge's sheet is not there for the other.
    const { context, page } = await signedIn('juri.demo');
    const other = await page.request.get(`/api/v1/regions/${REGION}/judging/sheets/${sheetIds['juri2.demo']?.[0]}`);
    expect(other.status()).toBe(404);
    await context.close();
  });

  it('the admin locks the stage, sees the ranking, sets the decree and publishes; the public page shows it', async () => {
    const { context, page } = await signedIn('admin.demo');
    await page.goto(`/kompetisi/${competitionId}`);
    await page.getByRole('button', { name: 'Kunci tahap Penilaian proposal' }).click();
    await confirmIn(page, 'Kunci tahap Penilaian proposal');
    await page
      .getByRole('button', { name: 'Nilai juri (XLSX)' })
      .or(page.getByRole('link', { name: 'Nilai juri (XLSX)' }))
      .waitFor();
    await page.goto(`/kompetisi/${competitionId}?tab=hasil`);
    const detail = await api<{ stages: { id: string; code: string }[] }>(page, 'GET', `${API}/${competitionId}`);
    const stageId = detail.stages.find((s) => s.code === 'penilaian_proposal')?.id ?? '';
    const results = await api<{ items: { innovationName: string; rank: number }[] }>(
      page,
      'GET',
      `${API}/${competitionId}/stages/${stageId}/results`,
    );
    expect(results.items.map((i) => i.rank)).toEqual([1, 2]);
    const firstRow = page
      .getByRole('row')
      .filter({ hasText: results.items[0]?.innovationName ?? '?' })
      .first();
    await expect.poll(async () => (await firstRow.getByRole('cell').first().textContent())?.trim()).toMatch(/^1/);

    await page.getByText('Peringkat akhir').click();
    await page.getByLabel('Nomor keputusan').fill('100.3.3.2/77/BAPPERIDA/2026');
    await page.getByRole('button', { name: 'Tetapkan peringkat akhir' }).click();
    await page.getByRole('button', { name: 'Umumkan hasil' }).click();
    await confirmIn(page, 'Umumkan hasil');
    await page.getByText(/Keputusan 100\.3\.3\.2\/77/).waitFor();
    await context.close();

    const visitor = await openContext();
    const pub = await visitor.newPage();
    await pub.goto(`/hasil-kompetisi/${competitionId}`);
    await pub.getByRole('heading', { name: `Hasil ${NAME}` }).waitFor();
    for (const item of results.items) await pub.getByRole('link', { name: item.innovationName }).first().waitFor();
    await visitor.close();
  });
});

describe('every competition page on a desktop and a phone screen', () => {
  for (const viewport of VIEWPORTS) {
    it(`passes axe and is screenshot [${viewport.name}]`, async () => {
      const admin = await signedIn('admin.demo', viewport.size);
      const pages: [string, string][] = [
        ['list', '/kompetisi'],
        ['overview', `/kompetisi/${competitionId}`],
        ['entries', `/kompetisi/${competitionId}?tab=peserta`],
        ['judges', `/kompetisi/${competitionId}?tab=juri`],
        ['results', `/kompetisi/${competitionId}?tab=hasil`],
        ['entry', `/kompetisi/${competitionId}/peserta/${entryIds[0]}`],
      ];
      for (const [name, url] of pages) {
        await admin.page.goto(url);
        await admin.page.getByRole('heading', { level: 1 }).first().waitFor();
        await check(admin.page, viewport.name, name);
      }
      await admin.context.close();
      const juri = await signedIn('juri.demo', viewport.size);
      await juri.page.goto('/penjurian');
      await juri.page.getByRole('heading', { name: 'Penjurian', level: 1 }).waitFor();
      await check(juri.page, viewport.name, 'judging');
      const home = await api<{ items: { sheetId: string; competitionName: string; status: string }[] }>(
        juri.page,
        'GET',
        `/api/v1/regions/${REGION}/judging`,
      );
      const draft = home.items.find((i) => i.competitionName === 'Praseleksi KIPP 2026' && i.status === 'draft');
      await juri.page.goto(`/penjurian/${draft?.sheetId}`);
      await juri.page.getByRole('heading', { level: 1 }).waitFor();
      await check(juri.page, viewport.name, 'sheet');
      await juri.context.close();
      const visitor = await openContext(viewport.size);
      const pub = await visitor.newPage();
      await pub.goto(`/hasil-kompetisi/${competitionId}`);
      await pub.getByRole('heading', { level: 1 }).waitFor();
      await check(pub, viewport.name, 'public');
      await visitor.close();
    });
  }
});
