/**
 * Acara in the browser, on the real server with the demo data in Chromium: the admin of Kota
 * Pangkalpinang creates a bimtek, registers a civil servant and a guest from outside, the guest opens
 * their personal check-in link on a phone and confirms once (opened again, it says they are already
 * recorded and the count stays), the organiser records the other at the check-in desk by their code,
 * and the attendance list PDF downloads with both names. axe-core checks every page on a desktop and a
 * phone screen; screenshots land in test-results/acara-*.png for a person to look at.
 *
 * Needs `npm run build` first and Debian's chromium at /usr/bin/chromium.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.ts';
import { browserFlow, choose, DEMO_PASSWORD, DESKTOP, logIn, PHONE } from './support.ts';

const TITLE = 'Uji Bimtek Profil Inovasi Daerah';
const INTERNAL = 'Rahmawati Uji Internal';
const GUEST = 'Bagus Uji Tamu';

const { openContext, check, server } = browserFlow('acara');

const control = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`)).and(scope.locator('input, textarea'));

const wibToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

interface ParticipantView {
  id: string;
  name: string;
  code: string;
  checkinPath: string;
}

describe('an event from creation to the attendance list', () => {
  let admin: BrowserContext | undefined;
  let page: Page;
  let eventUrl = '';

  beforeAll(async () => {
    admin = await openContext(DESKTOP);
    page = await admin.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto('/acara');
    await logIn(page, 'admin.demo', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Acara', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await admin?.close();
  });

  it('lists the demo events and shows the calendar of April 2025 with the rakor', async () => {
    await page.getByRole('link', { name: 'Rapat Koordinasi Inovasi Daerah Kota Pangkalpinang 2025' }).waitFor();
    await check(page, 'desktop', 'list');
    await page.goto('/acara?tampilan=kalender&bulan=2025-04');
    await page.getByRole('heading', { name: 'April 2025' }).waitFor();
    const chip = page.getByRole('link', { name: /Rapat Koordinasi Inovasi Daerah/ });
    await chip.waitFor();
    expect(await chip.textContent()).toContain('08:30');
    await check(page, 'desktop', 'calendar');
  });

  it('creates a bimtek, registers a civil servant and a guest, and shows them counted by unit and organisation', async () => {
    await page.goto('/acara');
    await page.getByRole('button', { name: 'Buat acara' }).first().click();
    const form = page.getByRole('dialog', { name: 'Buat acara' });
    await control(form, 'Judul acara').fill(TITLE);
    await choose(page, control(form, 'Jenis'), 'Bimtek');
    await choose(page, control(form, 'Unit penyelenggara'), 'Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah (Bapperida)', 'Bapperida');
    // The whole of today in WIB, so the participant's own check-in is open whenever the test runs.
    await control(form, 'Tanggal mulai').fill(wibToday());
    await control(form, 'Jam mulai (WIB)').fill('00:01');
    await control(form, 'Tanggal selesai').fill(wibToday());
    await control(form, 'Jam selesai (WIB)').fill('23:59');
    // Neither place nor link: the form says which is missing, at its field.
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByText('Isi tempat acara atau tautan daring (salah satu wajib)').waitFor();
    await control(form, 'Tempat').fill('Ruang Rapat Bapperida');
    await check(page, 'desktop', 'create-dialog');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    eventUrl = new URL(page.url()).pathname;
    await check(page, 'desktop', 'event');

    await page.getByRole('tab', { name: /^Peserta/ }).click();
    await page.getByRole('heading', { name: 'Belum ada peserta' }).waitFor();
    await page.getByRole('button', { name: 'Tambah peserta' }).click();
    let dialog = page.getByRole('dialog', { name: 'Tambah peserta' });
    await control(dialog, 'Nama').fill(INTERNAL);
    await choose(page, control(dialog, 'Unit'), 'Dinas Komunikasi dan Informatika (Diskominfo)', 'Diskominfo');
    await check(page, 'desktop', 'register-dialog');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Tambah peserta' }).click();
    dialog = page.getByRole('dialog', { name: 'Tambah peserta' });
    await dialog.getByRole('radio', { name: 'Dari luar (instansi/organisasi lain)' }).check();
    await control(dialog, 'Nama').fill(GUEST);
    await control(dialog, 'Instansi/organisasi').fill('Universitas Bangka Belitung');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: GUEST, exact: true }).waitFor();
    await check(page, 'desktop', 'participants');

    await page.getByRole('tab', { name: 'Ringkasan' }).click();
    await page.getByRole('table', { name: 'Per instansi/organisasi' }).getByRole('cell', { name: 'Universitas Bangka Belitung' }).waitFor();
    await page.getByRole('table', { name: 'Per unit' }).getByRole('cell', { name: 'Dinas Komunikasi dan Informatika' }).waitFor();
  });

  it('checks the guest in once by their QR link on a phone, and the internal participant at the desk by code', async () => {
    const eventId = eventUrl.split('/').pop() ?? '';
    const list = await (await page.request.get(`/api/v1/regions/19.71/events/${eventId}/participants`)).json();
    const guest = (list.items as ParticipantView[]).find((p) => p.name === GUEST);
    const internal = (list.items as ParticipantView[]).find((p) => p.name === INTERNAL);
    expect(guest?.checkinPath).toMatch(/^\/hadir\/[A-Za-z0-9_-]{32}$/);
    if (!guest || !internal) return;

    // The page as a laptop shows it (a participant may open the link from an e-mail), before anything is confirmed.
    await page.goto(guest.checkinPath);
    await page.getByRole('button', { name: 'Saya hadir' }).waitFor();
    await check(page, 'desktop', 'checkin');

    // The guest's own phone: no login, the link is the authorisation.
    const phone = await openContext(PHONE);
    const mobile = await phone.newPage();
    mobile.setDefaultTimeout(15_000);
    await mobile.goto(guest.checkinPath);
    await mobile.getByRole('heading', { name: 'Konfirmasi kehadiran' }).waitFor();
    await mobile.getByText(GUEST).waitFor();
    await mobile.getByText(TITLE).waitFor();
    await check(mobile, 'phone', 'checkin');
    await mobile.getByRole('button', { name: 'Saya hadir' }).click();
    await mobile.getByText('Terima kasih, kehadiran Anda tercatat.').waitFor();
    await check(mobile, 'phone', 'checkin-done');
    // Scanned again (or the page reloaded): already recorded, nothing counted twice.
    await mobile.reload();
    await mobile.getByText('Anda sudah tercatat hadir.').waitFor();
    expect(await mobile.getByRole('button', { name: 'Saya hadir' }).count()).toBe(0);
    const again = await mobile.request.post(`/api/v1/public/event-checkin/${guest.checkinPath.split('/').pop()}`);
    expect((await again.json()).status).toBe('already');
    await phone.close();

    let detail = await (await page.request.get(`/api/v1/regions/19.71/events/${eventId}`)).json();
    expect(detail.attended).toBe(1);

    await page.goto(`${eventUrl}/presensi`);
    await page.getByRole('heading', { name: 'Meja presensi' }).waitFor();
    await check(page, 'desktop', 'desk');
    await page.getByLabel('Kode atau tautan peserta').fill(internal.code.toLowerCase());
    await page.getByRole('button', { name: 'Catat hadir' }).click();
    await page.getByText(`${INTERNAL} tercatat hadir.`).waitFor();
    await page.getByLabel('Kode atau tautan peserta').fill(`${server().baseUrl}${guest.checkinPath}`);
    await page.getByRole('button', { name: 'Catat hadir' }).click();
    await page.getByText(new RegExp(`${GUEST} sudah tercatat hadir sebelumnya`)).waitFor();
    await check(page, 'desktop', 'desk-scanned');
    detail = await (await page.request.get(`/api/v1/regions/19.71/events/${eventId}`)).json();
    expect(detail.attended).toBe(2);
  });

  it('downloads the attendance list with both names', async () => {
    await page.goto(`${eventUrl}?tab=materi`);
    await page.getByRole('heading', { name: 'Notulen' }).waitFor();
    await check(page, 'desktop', 'materials');
    await page.goto(eventUrl);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Daftar hadir (PDF)' }).click()]);
    const file = await download.path();
    const text = pdfText(await readFile(file));
    expect(text).toContain('DAFTAR HADIR');
    expect(text).toContain(INTERNAL);
    expect(text).toContain(GUEST);
    expect(text).toContain('Universitas Bangka Belitung');
  });
});

describe('the pages on a phone', () => {
  it('shows the list, the agenda, an event, its participants and the certificate check at phone size', async () => {
    const context = await openContext(PHONE);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto('/acara');
    await logIn(page, 'admin.demo', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Acara', level: 1 }).waitFor();
    await check(page, 'phone', 'list');
    await page.goto('/acara?tampilan=kalender&bulan=2022-06');
    await page.getByRole('link', { name: /Bimtek Penyusunan Masterplan Kota Cerdas/ }).waitFor();
    await check(page, 'phone', 'calendar');
    await page.getByRole('link', { name: /Bimtek Penyusunan Masterplan Kota Cerdas/ }).click();
    await page.getByRole('heading', { name: /Bimtek Penyusunan Masterplan Kota Cerdas/, level: 1 }).waitFor();
    await check(page, 'phone', 'event');
    await page.getByRole('tab', { name: /^Peserta/ }).click();
    await page.getByText('Universitas Bangka Belitung').first().waitFor();
    await check(page, 'phone', 'participants');
    await page.getByRole('tab', { name: 'Tindak lanjut (2)' }).click();
    await page.getByText('Menyusun rancangan quick win per dimensi smart city').waitFor();
    await check(page, 'phone', 'follow-ups');

    const eventId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.goto(`/acara/${eventId}/presensi`);
    await page.getByRole('heading', { name: 'Meja presensi' }).waitFor();
    await check(page, 'phone', 'desk');
    const list = await (await page.request.get(`/api/v1/regions/19.71/events/${eventId}/participants?attendance=hadir&pageSize=1`)).json();
    const code = (list.items as ParticipantView[])[0]?.code ?? '';
    await page.goto(`/sertifikat/${code}`);
    await page.getByText('Sertifikat ini sah.').waitFor();
    await check(page, 'phone', 'certificate-check');
    await context.close();

    const desktop = await openContext(DESKTOP);
    const wide = await desktop.newPage();
    await wide.goto(`/sertifikat/${code}`);
    await wide.getByText('Sertifikat ini sah.').waitFor();
    await check(wide, 'desktop', 'certificate-check');
    await desktop.close();
  });
});
