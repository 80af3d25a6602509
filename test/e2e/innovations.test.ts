/**
 * The innovation module's browser flow, on the real server with the demo data in Chromium:
 * the operator of Diskominfo proposes an innovation in the 2026 period with its full profile (the word
 * counter turns green, drafts save as they go) and a PDF as evidence, and submits it; the verifier
 * returns it with a note on one field; the operator sees the note, fixes the field and submits again;
 * the verifier verifies it. Then a citizen finds it in the public catalogue, and the admin's target
 * dashboard counts one more verified innovation for 2026.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFlow, choose, DEMO_PASSWORD, logIn, logOut, PHONE, SCREENSHOTS } from './support.ts';

const NAME = 'Layanan Pengaduan Nelayan Terpadu (LAPOR NELAYAN)';
const SEARCH_WORD = 'nelayan';
const CONTACT = 'Rahmat Narahubung';
const RETURN_NOTE = 'Sebutkan sasaran yang terukur, misalnya jumlah nelayan yang dilayani setiap bulan.';
const FIXED_TUJUAN = 'Menjawab pengaduan 1.200 nelayan setiap bulan dalam waktu paling lama tiga hari kerja.';

/** About 400 words of plausible rancang bangun: well over the national minimum of 300. */
const RANCANG_BANGUN = Array.from(
  { length: 22 },
  (_, i) =>
    `Tahap ${i + 1}: nelayan melaporkan kendala di pelabuhan melalui aplikasi, petugas memverifikasi laporan, lalu dinas menindaklanjuti bersama pihak terkait.`,
).join(' ');

const { openContext } = browserFlow('e2e-innovation');
let context: BrowserContext | undefined;
let page: Page;
let innovationPath = '';

/** A small but well-formed PDF (header, one empty page, cross-reference table, trailer). */
function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * The input or text area labelled `label`, with or without the required asterisk (a select's option
 * list carries the same label, hence the element filter).
 */
const control = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`)).and(scope.locator('input, textarea'));
const editor = () => page.locator('[data-innovation-editor]');
const field = (label: string) => control(editor(), label);
const saved = () =>
  editor()
    .getByRole('status')
    .filter({ hasText: /^Tersimpan/ });

async function uploadTo(section: Locator, file: { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), section.getByRole('button', { name: 'Unggah' }).click()]);
  await chooser.setFiles(file);
}

async function openInnovation() {
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Daftar Inovasi' }).click();
  await page.getByRole('heading', { name: 'Inovasi Daerah', level: 1 }).waitFor();
  await page.getByLabel('Cari inovasi').fill(SEARCH_WORD);
  await page.waitForURL((url) => url.searchParams.get('q') === SEARCH_WORD);
  await page.locator('table[aria-busy="false"]').waitFor();
  await page.getByRole('link', { name: NAME }).click();
  await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
}

/** The verified count on the 2026 target dashboard, as the admin sees it. */
async function verifiedOnDashboard(): Promise<number> {
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Capaian Target' }).click();
  await page.getByRole('heading', { name: 'Capaian Target', level: 1 }).waitFor();
  expect(await control(page, 'Periode').inputValue()).toBe('Tahun 2026');
  const card = page.getByRole('group', { name: 'Terverifikasi', exact: true });
  const text = await card.locator('[data-stat-value]').textContent();
  return Number((text ?? '').replace(/\D/g, ''));
}

// One page for the whole proposal, each test going on from where the last one left it (after
// browserFlow's beforeAll has started the server and the browser).
beforeAll(async () => {
  context = await openContext();
  page = await context.newPage();
  // Generous: the flow saves, uploads and searches on an embedded database that shares two cores.
  page.setDefaultTimeout(30_000);
});

afterAll(async () => {
  await context?.close();
});

describe('Inovasi daerah in the browser', () => {
  let verifiedBefore = 0;

  it('shows the admin the 2026 target dashboard', async () => {
    await page.goto('/');
    await logIn(page, 'admin.demo', DEMO_PASSWORD);
    verifiedBefore = await verifiedOnDashboard();
    await page.getByRole('group', { name: 'Cakupan urusan wajib pelayanan dasar' }).waitFor();
    await page.getByRole('table', { name: 'Capaian per unit' }).waitFor();
    await logOut(page);
  });

  it('lets the operator propose an innovation with its full profile, saved as they type', async () => {
    await logIn(page, 'operator.demo', DEMO_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    await nav.getByRole('link', { name: 'Daftar Inovasi' }).click();
    await page.getByRole('heading', { name: 'Inovasi Daerah', level: 1 }).waitFor();
    // Operators neither review, import nor manage periods.
    expect(await nav.getByRole('link', { name: 'Periode' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Impor XLSX' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Usulkan inovasi' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Usulkan inovasi' });
    await dialog.waitFor();
    expect(await control(dialog, 'Periode').inputValue()).toBe('Tahun 2026');
    expect(await control(dialog, 'Unit pengusul').inputValue()).toBe('Dinas Komunikasi dan Informatika');
    await dialog.getByLabel('Nama inovasi').fill(NAME);
    await dialog.getByRole('button', { name: 'Buat draf' }).click();
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    innovationPath = new URL(page.url()).pathname;
    expect(innovationPath).toMatch(/^\/inovasi\/[0-9a-f-]{36}$/);
    await saved().waitFor();

    // Submitting too early names what is missing, next to the fields too.
    await field('Rancang bangun').fill('Nelayan melapor lewat aplikasi.');
    await editor().getByText('4 kata · minimal 300, kurang 296 kata').waitFor();
    await page.getByRole('button', { name: 'Ajukan' }).click();
    const submit = page.getByRole('dialog', { name: 'Ajukan untuk diverifikasi?' });
    await submit.getByRole('button', { name: 'Ajukan' }).click();
    await submit.getByText('Lengkapi dulu isian berikut, lalu ajukan lagi').waitFor();
    await submit.getByText('Rancang bangun minimal 300 kata (sekarang 4)').waitFor();
    await page.keyboard.press('Escape');
    await submit.waitFor({ state: 'hidden' });
    await editor().getByText('Rancang bangun minimal 300 kata (sekarang 4)').waitFor();

    await choose(page, field('Tahapan'), 'Penerapan');
    await choose(page, field('Inisiator'), 'OPD');
    await choose(page, field('Jenis'), 'Digital');
    await choose(page, field('Bentuk'), 'Inovasi pelayanan publik');
    await choose(page, field('Urusan utama'), 'Kelautan dan Perikanan', 'kelautan');
    await choose(page, field('Urusan irisan'), 'Komunikasi dan Informatika', 'komunikasi');
    await page.keyboard.press('Escape');
    await choose(page, field('Tematik'), 'Digitalisasi layanan pemerintahan');
    await field('Waktu uji coba').fill('2025-06-02');
    await field('Waktu penerapan').fill('2026-01-05');

    // The counter turns green at 300 words, counted as the server counts them.
    const counter = editor().getByText(/kata · memenuhi minimal 300 kata$/);
    expect(await counter.count()).toBe(0);
    await field('Rancang bangun').fill(RANCANG_BANGUN);
    await counter.waitFor();
    expect(await counter.textContent()).toMatch(/^3\d\d kata/);
    const color = await counter.evaluate((el) => getComputedStyle(el).color);
    const [red = 0, green = 0] = (color.match(/\d+/g) ?? []).map(Number);
    expect(green).toBeGreaterThan(red);

    await field('Tujuan').fill('Mempercepat penanganan pengaduan nelayan.');
    await field('Manfaat').fill('Nelayan tidak perlu datang ke kantor dinas untuk melapor.');
    await field('Hasil').fill('Waktu tindak lanjut pengaduan turun dari dua minggu menjadi tiga hari.');
    await field('Nama narahubung').fill(CONTACT);
    await field('Telepon narahubung').fill('0717 123456');

    // Drafts save as they go: after a pause the indicator says so, and a reload shows the text.
    await editor().getByRole('status').filter({ hasText: 'Menyimpan…' }).waitFor();
    await saved().waitFor();
    await page.reload();
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    expect(await field('Hasil').inputValue()).toBe('Waktu tindak lanjut pengaduan turun dari dua minggu menjadi tiga hari.');
    expect(await field('Tahapan').inputValue()).toBe('Penerapan');
    await counter.waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-innovation-form.png'), fullPage: true });
  });

  it('lets the operator attach a PDF, refusing a file that only pretends to be one', async () => {
    const evidence = page.getByRole('region', { name: 'Bukti dukung lainnya' });
    await uploadTo(evidence, { name: 'bukan-pdf.pdf', mimeType: 'application/pdf', buffer: Buffer.from('ini hanya teks biasa') });
    await evidence.getByRole('alert').filter({ hasText: 'Jenis berkas tidak didukung' }).waitFor();

    await uploadTo(evidence, { name: 'laporan-uji-coba.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await evidence.getByRole('link', { name: 'laporan-uji-coba.pdf' }).waitFor();
    await page.getByText('"laporan-uji-coba.pdf" diunggah.').waitFor();
  });

  it('lets the operator submit it', async () => {
    await page.getByRole('button', { name: 'Ajukan' }).click();
    const submit = page.getByRole('dialog', { name: 'Ajukan untuk diverifikasi?' });
    await submit.getByRole('button', { name: 'Ajukan' }).click();
    await page.getByText('Inovasi diajukan untuk diverifikasi.').waitFor();
    await page.getByText('Diajukan', { exact: true }).first().waitFor();
    // Submitted: the profile is read-only and the operator has no workflow button left.
    expect(await editor().count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ajukan' }).count()).toBe(0);
    await logOut(page);
  });

  it('lets the verifier return it with a note on one field', async () => {
    await logIn(page, 'verifikator.demo', DEMO_PASSWORD);
    await openInnovation();
    await page.getByRole('link', { name: 'laporan-uji-coba.pdf' }).waitFor();
    await page.getByRole('button', { name: 'Kembalikan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kembalikan untuk diperbaiki' });
    await choose(page, control(dialog, 'Isian yang perlu diperbaiki'), 'Tujuan');
    await page.keyboard.press('Escape');
    await dialog.getByLabel('Catatan untuk Tujuan').fill(RETURN_NOTE);
    await dialog.getByRole('button', { name: 'Kembalikan' }).click();
    await page.getByText('Inovasi dikembalikan dengan catatan.').waitFor();
    await page.getByText('Dikembalikan', { exact: true }).first().waitFor();
    await logOut(page);
  });

  it('shows the operator the note next to the field, and lets them fix it and submit again', async () => {
    await logIn(page, 'operator.demo', DEMO_PASSWORD);
    await openInnovation();
    await page.getByText('Dikembalikan untuk diperbaiki').waitFor();
    const tujuan = field('Tujuan');
    const note = editor().getByRole('note').filter({ hasText: 'Catatan verifikator' });
    await note.filter({ hasText: RETURN_NOTE }).waitFor();
    await tujuan.fill(FIXED_TUJUAN);
    await editor().getByRole('status').filter({ hasText: 'Menyimpan…' }).waitFor();
    await saved().waitFor();

    await page.getByRole('button', { name: 'Ajukan' }).click();
    await page.getByRole('dialog', { name: 'Ajukan untuk diverifikasi?' }).getByRole('button', { name: 'Ajukan' }).click();
    await page.getByText('Inovasi diajukan untuk diverifikasi.').waitFor();
    await page.getByText(FIXED_TUJUAN).waitFor();
    await logOut(page);
  });

  it('lets the verifier verify it', async () => {
    await logIn(page, 'verifikator.demo', DEMO_PASSWORD);
    await openInnovation();
    await page.getByText(FIXED_TUJUAN).waitFor();
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.getByRole('dialog', { name: 'Verifikasi inovasi ini?' }).getByRole('button', { name: 'Verifikasi' }).click();
    await page.getByText('Inovasi terverifikasi.').waitFor();
    await page.getByText('Terverifikasi', { exact: true }).first().waitFor();
    // The timeline tells the whole story, newest first.
    const timeline = page.getByRole('heading', { name: 'Linimasa' }).locator('..');
    await timeline.getByText('Dikembalikan dengan catatan').waitFor();
    await timeline.getByText(RETURN_NOTE).waitFor();
    await timeline.getByText('Diverifikasi', { exact: true }).waitFor();
    await logOut(page);
  });

  it('shows it to anybody in the public catalogue, without its private fields', async () => {
    const visitor = await openContext(PHONE);
    try {
      const citizen = await visitor.newPage();
      citizen.setDefaultTimeout(30_000);
      await citizen.goto('/masuk');
      await citizen.getByRole('link', { name: 'Buka katalog inovasi publik' }).click();
      await citizen.getByRole('heading', { name: 'Katalog Inovasi Daerah', level: 1 }).waitFor();
      await citizen.getByLabel('Cari inovasi').fill(SEARCH_WORD);
      // Pick a result once the search has been applied, as a reader would: while the unfiltered list
      // is still on screen the card can move under the pointer when the matches arrive.
      await citizen.waitForURL((url) => url.searchParams.get('q') === SEARCH_WORD);
      await citizen.locator('section[aria-busy="false"]').waitFor();
      const card = citizen.getByRole('article').filter({ hasText: NAME });
      await card.waitFor();
      expect(await card.textContent()).toContain('Kota Pangkal Pinang');
      await citizen.screenshot({ path: path.join(SCREENSHOTS, 'e2e-catalogue-phone.png'), fullPage: true });
      await card.getByRole('link', { name: NAME }).click();
      await citizen.getByRole('heading', { name: NAME, level: 1 }).waitFor();
      expect(new URL(citizen.url()).pathname).toMatch(/^\/katalog\/[0-9a-f-]{36}$/);
      await citizen.getByText(FIXED_TUJUAN).waitFor();
      const content = (await citizen.locator('main').textContent()) ?? '';
      expect(content).not.toContain(CONTACT);
      expect(content).not.toContain(RETURN_NOTE);
      // The address is shareable: opened afresh, it shows the same innovation.
      await citizen.reload();
      await citizen.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    } finally {
      await visitor.close();
    }
  });

  it('counts it on the target dashboard', async () => {
    await logIn(page, 'admin.demo', DEMO_PASSWORD);
    expect(await verifiedOnDashboard()).toBe(verifiedBefore + 1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-dashboard.png'), fullPage: true });
  });
});
