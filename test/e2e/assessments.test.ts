/**
 * The self-assessment's browser flow, on the real server with the demo data in Chromium: the
 * SPBE 2026 assessment of Kota Pangkalpinang is in penilaian mandiri with indicators 21–31 assigned to
 * Diskominfo, about half filled. The operator of Diskominfo fills two unfilled indicators (22 and 24) by
 * clicking the criteria of a level, with an explanation and a PDF; the admin starts verification; the
 * assessor accepts one and corrects the other to a lower level with a note, and the verified index
 * moves while the claimed one stays; the PDF report downloads and the XLSX report carries the
 * correction. Last, the pages as a desktop and a phone show them (screenshots in test-results/).
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFlow, DEMO_PASSWORD, logIn, logOut, minimalPdf, SCREENSHOTS, shownDecimal } from './support.ts';

const ASSESSMENT = 'Evaluasi SPBE (PermenPANRB 59/2020) · 2026';
const KEAMANAN = { id: '22', name: 'Penerapan Manajemen Keamanan Informasi', level: 4 };
const ASET = { id: '24', name: 'Penerapan Manajemen Aset TIK', level: 3, corrected: 2 };
const CORRECTION_NOTE = 'Daftar aset TIK belum mencakup seluruh perangkat daerah; tingkat 3 belum terpenuhi.';

const { openContext } = browserFlow('e2e-assessment');
let context: BrowserContext | undefined;
let page: Page;
let assessmentPath = '';

const drawer = (indicator: { id: string; name: string }) => page.getByRole('dialog', { name: `Indikator ${indicator.id}: ${indicator.name}` });
const scoreText = (label: string) => page.getByRole('group', { name: label, exact: true }).locator('[data-score-value]').textContent();

async function openAssessment() {
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Penilaian Mandiri' }).click();
  await page.getByRole('heading', { name: 'Penilaian', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Buka penilaian Evaluasi SPBE (PermenPANRB 59/2020) tahun 2026' }).click();
  await page.getByRole('heading', { name: ASSESSMENT, level: 1 }).waitFor();
  assessmentPath = new URL(page.url()).pathname;
}

async function openIndicator(indicator: { id: string; name: string }): Promise<Locator> {
  await page.getByRole('button', { name: new RegExp(`^${indicator.id}\\s*${indicator.name}`) }).click();
  const dialog = drawer(indicator);
  await dialog.waitFor();
  return dialog;
}

async function closeIndicator(dialog: Locator) {
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

/** Fills one indicator as the operator: a level by its criteria card, an explanation, a PDF. */
async function fillIndicator(indicator: { id: string; name: string; level: number }, explanation: string, fileName: string) {
  const dialog = await openIndicator(indicator);
  // The criteria of every level are beside the choice; the card of a level is the choice.
  const cards = dialog.getByRole('radio', { name: /^Tingkat \d · / });
  expect(await cards.count()).toBe(5);
  const card = dialog.getByRole('radio', { name: new RegExp(`^Tingkat ${indicator.level} · `) });
  await card.click();
  expect(await card.getAttribute('aria-checked')).toBe('true');
  await dialog.getByLabel('Penjelasan').fill(explanation);
  await dialog.getByRole('status').filter({ hasText: 'Belum disimpan' }).waitFor();
  await dialog.getByRole('button', { name: 'Simpan', exact: true }).click();
  await page.getByText(`Indikator ${indicator.id} disimpan.`).waitFor();
  await dialog.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();

  const evidence = dialog.getByRole('region', { name: 'Bukti dukung' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), evidence.getByRole('button', { name: 'Unggah' }).click()]);
  await chooser.setFiles({ name: fileName, mimeType: 'application/pdf', buffer: minimalPdf() });
  await evidence.getByRole('link', { name: fileName }).waitFor();
  await page.getByText(`"${fileName}" diunggah.`).waitFor();
  return dialog;
}

// One page for the steps of the stages, each test going on from where the last one left it (after
// browserFlow's beforeAll has started the server and the browser).
beforeAll(async () => {
  context = await openContext();
  page = await context.newPage();
  // Generous: the flow saves, uploads and scores on an embedded database that shares two cores.
  page.setDefaultTimeout(30_000);
});

afterAll(async () => {
  await context?.close();
});

describe('Penilaian mandiri SPBE in the browser', () => {
  let claimedAfterFilling = '';

  it('lets the operator fill two indicators of their unit with a level, an explanation and a PDF', async () => {
    await page.goto('/');
    await logIn(page, 'operator.demo', DEMO_PASSWORD);
    await openAssessment();
    // Operators see their unit's indicators only, and no step of the stages.
    await page.getByRole('button', { name: /^21\s*Penerapan Manajemen Risiko SPBE/ }).waitFor();
    expect(await page.getByRole('button', { name: /^1\s*Kebijakan Internal Arsitektur SPBE/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Mulai verifikasi' }).count()).toBe(0);
    const claimedBefore = await scoreText('Indeks klaim');

    await page.getByText('Belum diisi (', { exact: false }).click();
    const keamanan = await fillIndicator(
      KEAMANAN,
      'Kebijakan keamanan informasi ditetapkan dan dilaksanakan di seluruh perangkat daerah.',
      'sk-keamanan-informasi.pdf',
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-assessment-criteria.png') });
    await closeIndicator(keamanan);
    // Filled: it leaves the "not filled" list, and says its level in the full list.
    expect(await page.getByRole('button', { name: new RegExp(`^${KEAMANAN.id}\\s*${KEAMANAN.name}`) }).count()).toBe(0);

    const aset = await fillIndicator(ASET, 'Daftar aset TIK dikelola dengan aplikasi inventaris di perangkat daerah.', 'daftar-aset-tik.pdf');
    await closeIndicator(aset);
    await page.getByText('Semua (', { exact: false }).click();
    const row = page.getByRole('button', { name: new RegExp(`^${ASET.id}\\s*${ASET.name}`) });
    await row.getByText('Tingkat 3 · ').waitFor();
    await row.getByText('1 bukti').waitFor();

    // The claimed index follows the units' values live.
    claimedAfterFilling = (await scoreText('Indeks klaim')) ?? '';
    expect(shownDecimal(claimedAfterFilling)).toBeGreaterThan(shownDecimal(claimedBefore) ?? 0);
    await logOut(page);
  });

  it('lets the admin start verification', async () => {
    await logIn(page, 'admin.demo', DEMO_PASSWORD);
    await openAssessment();
    expect(await scoreText('Indeks klaim')).toBe(claimedAfterFilling);
    await page.getByRole('button', { name: 'Mulai verifikasi' }).click();
    const confirm = page.getByRole('dialog', { name: 'Mulai verifikasi?' });
    await confirm.getByRole('button', { name: 'Mulai verifikasi' }).click();
    await page.getByText('Penilaian kini pada tahap Verifikasi.').waitFor();
    await page.locator('[data-stage="verifikasi"]').waitFor();
    await page.getByRole('button', { name: 'Tetapkan final' }).waitFor();
    await logOut(page);
  });

  it('lets the assessor accept one value and correct the other, moving the verified index only', async () => {
    await logIn(page, 'verifikator.demo', DEMO_PASSWORD);
    await openAssessment();
    expect(await scoreText('Indeks terverifikasi')).toBe('—');
    expect(await scoreText('Indeks klaim')).toBe(claimedAfterFilling);
    await page.getByText('Menunggu verifikasi (', { exact: false }).click();

    const keamanan = await openIndicator(KEAMANAN);
    await keamanan.getByRole('link', { name: 'sk-keamanan-informasi.pdf' }).waitFor();
    await keamanan.getByText('Kebijakan keamanan informasi ditetapkan').waitFor();
    await keamanan.getByRole('button', { name: 'Simpan: terima' }).click();
    await page.getByText(`Nilai indikator ${KEAMANAN.id} diterima.`).waitFor();
    await keamanan.getByRole('note').filter({ hasText: 'Diterima' }).waitFor();
    await closeIndicator(keamanan);
    const verifiedAfterAccept = await scoreText('Indeks terverifikasi');
    expect(shownDecimal(verifiedAfterAccept)).not.toBeNull();

    const aset = await openIndicator(ASET);
    await aset.getByText('Koreksi nilai', { exact: true }).click();
    // A correction needs its note.
    await aset.getByRole('radio', { name: new RegExp(`^Tingkat ${ASET.corrected} · `) }).click();
    await aset.getByRole('button', { name: 'Simpan koreksi' }).click();
    await aset.getByText('Catatan koreksi wajib diisi').waitFor();
    await aset.getByLabel('Catatan koreksi').fill(CORRECTION_NOTE);
    await aset.getByRole('button', { name: 'Simpan koreksi' }).click();
    await page.getByText(`Nilai indikator ${ASET.id} dikoreksi.`).waitFor();
    const summary = aset.getByRole('note').filter({ hasText: 'Dikoreksi' });
    await summary.getByText(`Nilai terverifikasi: Tingkat ${ASET.corrected} · `).waitFor();
    await summary.getByText(CORRECTION_NOTE).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-assessment-verify.png') });
    await closeIndicator(aset);

    // The corrected value counts in the verified index; the claim is the units' and does not move.
    const verifiedAfterCorrection = await scoreText('Indeks terverifikasi');
    expect(verifiedAfterCorrection).not.toBe(verifiedAfterAccept);
    expect(shownDecimal(verifiedAfterCorrection)).toBeGreaterThan(shownDecimal(verifiedAfterAccept) ?? 0);
    expect(await scoreText('Indeks klaim')).toBe(claimedAfterFilling);
  });

  it('downloads the PDF report and puts the correction in the XLSX report', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Laporan PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('penilaian-spbe-2020-19.71-2026.pdf');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    expect(Buffer.concat(chunks).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const pdfHref = (await page.getByRole('link', { name: 'Laporan PDF' }).getAttribute('href')) ?? '';
    const pdf = await page.evaluate(async (href) => {
      const response = await fetch(href);
      return { status: response.status, type: response.headers.get('content-type') };
    }, pdfHref);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf' });

    const xlsxHref = (await page.getByRole('link', { name: 'Laporan XLSX' }).getAttribute('href')) ?? '';
    const xlsx = await page.evaluate(async (href) => {
      const response = await fetch(href);
      return { status: response.status, type: response.headers.get('content-type'), bytes: [...new Uint8Array(await response.arrayBuffer())] };
    }, xlsxHref);
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = Buffer.from(xlsx.bytes);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Indikator');
    if (!sheet) throw new Error('the report has no Indikator sheet');
    const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const col = (name: string) => header.indexOf(name);
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (String(r.getCell(1).value) === ASET.id) found = r;
    });
    if (!found) throw new Error(`indicator ${ASET.id} is not in the report`);
    expect(Number(found.getCell(col('Nilai klaim')).value)).toBe(ASET.level);
    expect(Number(found.getCell(col('Nilai terverifikasi')).value)).toBe(ASET.corrected);
    expect(String(found.getCell(col('Catatan verifikator')).value)).toBe(CORRECTION_NOTE);
    await logOut(page);
  });

  it('shows the criteria, the gaps and the IID on a desktop and on a phone', async () => {
    for (const [name, viewport] of [
      ['desktop', { width: 1280, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      const visitor = await openContext(viewport);
      try {
        const admin = await visitor.newPage();
        admin.setDefaultTimeout(30_000);
        await admin.goto('/');
        await logIn(admin, 'admin.demo', DEMO_PASSWORD);
        await admin.getByText('Selamat datang', { exact: false }).waitFor();

        await admin.goto(`${assessmentPath}?indikator=${ASET.id}`);
        const criteria = admin.getByRole('dialog', { name: `Indikator ${ASET.id}: ${ASET.name}` });
        await criteria.getByRole('note').getByText(CORRECTION_NOTE).waitFor();
        // The criteria of all five levels, the claimed and the corrected one marked.
        expect(await criteria.locator('[data-level]').count()).toBe(5);
        await criteria.locator('[data-level="3"]').getByText('Klaim', { exact: true }).waitFor();
        await criteria.locator('[data-level="2"]').scrollIntoViewIfNeeded();
        await admin.screenshot({ path: path.join(SCREENSHOTS, `e2e-assessment-criteria-${name}.png`) });
        await admin.keyboard.press('Escape');
        await criteria.waitFor({ state: 'hidden' });

        await admin.getByRole('tab', { name: 'Kesenjangan' }).click();
        // A table on a desktop, a list of cards on a phone.
        const gaps = admin.getByRole(name === 'phone' ? 'list' : 'table', { name: 'Analisis kesenjangan' });
        await gaps.waitFor();
        expect(await gaps.locator('[data-gap]').count()).toBeGreaterThan(10);
        await admin.getByRole('heading', { name: 'Dibanding tahun 2025' }).waitFor();
        // The tabs at the top of the screen, under the app's header: the gap table as one reads it.
        await admin.getByRole('tablist').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72));
        await admin.screenshot({ path: path.join(SCREENSHOTS, `e2e-assessment-gaps-${name}.png`) });

        await admin.goto('/iid');
        await admin.getByRole('heading', { name: 'Indeks Inovasi Daerah', level: 1 }).waitFor();
        await admin.getByRole('group', { name: 'IID klaim' }).locator('[data-score-value]').waitFor();
        await admin.getByRole('group', { name: 'IID terverifikasi' }).locator('[data-score-value]').waitFor();
        await admin.getByRole('tab', { name: /Peringatan/ }).click();
        await admin.getByText('Kursi kosong di bawah pembagi').waitFor();
        // A full-page capture of a scrolled page draws the fixed header mid-page.
        await admin.evaluate(() => window.scrollTo(0, 0));
        await admin.screenshot({ path: path.join(SCREENSHOTS, `e2e-iid-${name}.png`), fullPage: true });
      } finally {
        await visitor.close();
      }
    }
  });
});
