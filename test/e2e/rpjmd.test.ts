/**
 * The RPJMD cascade in the browser, on the real server with the demo data in Chromium: the admin
 * (Bapperida) opens the demo RPJMD 2018–2023 with its link counts and searches it, adds an RPJMD
 * 2024–2026, imports a sheet whose dry run shows the bad rows (nothing saved), then a clean sheet whose
 * dry run says what will be added, confirms, and sees the new tree; the smart-city programme form finds a
 * programme code by its name. axe-core checks each view on a desktop and a phone; screenshots land in
 * test-results/rpjmd-*.png (and SINERGI_SHOTS_DIR when set) for a person to look at.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectAccessible, launchBrowser, logIn, newContext, SCREENSHOTS, serveAxe, startServer, type TestServer } from './support.ts';

const PHONE = { width: 390, height: 844 };
const SHOTS_COPY = process.env.SINERGI_SHOTS_DIR;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: TestServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openContext(size = { width: 1280, height: 800 }): Promise<BrowserContext> {
  if (!server || !browser) throw new Error('The server or the browser did not start');
  const context = await newContext(browser, server.baseUrl, size);
  await serveAxe(context);
  return context;
}

async function check(page: Page, viewport: string, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const hasDialog = (await page.getByRole('dialog').count()) > 0;
  const file = path.join(SCREENSHOTS, `rpjmd-${name}-${viewport}.png`);
  await page.screenshot({ path: file, fullPage: !hasDialog });
  if (SHOTS_COPY) await copyFile(file, path.join(SHOTS_COPY, path.basename(file)));
  await expectAccessible(page, `${name} [${viewport}]`);
}

async function logInAs(page: Page, username: string, to: string): Promise<void> {
  await page.goto(to);
  await logIn(page, username, DEMO_PASSWORD);
  await page.getByRole('button', { name: /^Menu akun/ }).waitFor();
}

async function sheet(rows: (string | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('RPJMD');
  ws.addRow(['Tingkat', 'Kode', 'Nama', 'Kode induk']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const tree = (page: Page) => page.getByRole('list', { name: 'Cascade RPJMD' });

describe('RPJMD', () => {
  it('the admin reads the demo RPJMD, adds a period and imports its cascade via a dry run, then confirms', async () => {
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logInAs(page, 'admin.demo', '/rpjmd');
    await page.getByRole('heading', { name: 'RPJMD', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'RPJMD Kota Pangkalpinang 2018–2023' }).waitFor();
    // The demo's programme codes carry the demo programmes and innovations.
    const aplikasi = tree(page).getByRole('listitem').filter({ hasText: 'Program Aplikasi Informatika' }).last();
    await expect.poll(() => aplikasi.textContent()).toContain('1 program kota cerdas');
    await check(page, 'desktop', 'demo');

    // Search keeps the path down to each match.
    await page.getByLabel('Cari kode atau nama').fill('persampahan');
    await expect.poll(() => tree(page).getByText('2.11.11').count()).toBe(1);
    expect(await tree(page).getByText('2.16.02').count()).toBe(0);
    expect(await tree(page).getByText('M3', { exact: true }).count()).toBe(1);
    await page.getByLabel('Cari kode atau nama').fill('');
    // Collapsing a misi hides what is under it.
    await page.getByRole('button', { name: 'Tutup M1' }).click();
    expect(await tree(page).getByText('2.16.02').count()).toBe(0);
    await page.getByRole('button', { name: 'Buka M1' }).click();
    await tree(page).getByText('2.16.02').waitFor();

    // A new period: RPD 2024–2026, empty.
    await page.getByRole('button', { name: 'Tambah RPJMD' }).first().click();
    const periodDialog = page.getByRole('dialog', { name: 'Tambah RPJMD' });
    await periodDialog.getByLabel('Judul').fill('RPD Kota Pangkalpinang 2024–2026');
    await periodDialog.getByLabel('Tahun awal').fill('2024');
    await periodDialog.getByLabel('Tahun akhir').fill('2026');
    await periodDialog.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('heading', { name: 'RPD Kota Pangkalpinang 2024–2026' }).waitFor();
    await page.getByRole('heading', { name: 'Cascade masih kosong' }).waitFor();
    await check(page, 'desktop', 'empty');

    // A sheet with bad rows: the dry run names them, Impor stays off, nothing is saved.
    await page.getByRole('button', { name: 'Impor XLSX' }).first().click();
    const importDialog = page.getByRole('dialog', { name: 'Impor cascade RPJMD dari XLSX' });
    const fileInput = importDialog.locator('input[type="file"]');
    await fileInput.setInputFiles({
      name: 'rpd-salah.xlsx',
      mimeType: XLSX,
      buffer: await sheet([
        ['misi', 'M1', 'Pangkalpinang maju dan melayani', null],
        ['program', 'P-1', 'Program tanpa induk yang benar', 'S9'],
        ['sasaran', 'S1', '', 'M1'],
      ]),
    });
    await importDialog.getByText('Kode induk "S9" tidak ditemukan di berkas maupun di RPJMD ini').waitFor();
    await importDialog.getByText('Nama wajib diisi').waitFor();
    expect(await importDialog.getByRole('button', { name: 'Impor', exact: true }).isDisabled()).toBe(true);
    await check(page, 'desktop', 'dry-run-errors');

    // The corrected sheet: the dry run counts what will be added; Impor writes it.
    await importDialog.getByRole('button', { name: 'Hapus pilihan berkas' }).click();
    await fileInput.setInputFiles({
      name: 'rpd.xlsx',
      mimeType: XLSX,
      buffer: await sheet([
        ['misi', 'M1', 'Pangkalpinang maju dan melayani', null],
        ['tujuan', 'T1', 'Pemerintahan digital yang terpadu', 'M1'],
        ['sasaran', 'S1', 'Meningkatnya indeks SPBE dan Pemdi', 'T1'],
        ['program', '2.16.03', 'Program Aplikasi Informatika', 'S1'],
        ['program', '2.16.02', 'Program Informasi dan Komunikasi Publik', 'S1'],
      ]),
    });
    await importDialog.getByText('5 butir baru').waitFor();
    await importDialog.getByText('Semua baris benar. Tekan Impor untuk menyimpan.').waitFor();
    await check(page, 'desktop', 'dry-run-ok');
    await importDialog.getByRole('button', { name: 'Impor', exact: true }).click();
    await importDialog.waitFor({ state: 'hidden' });
    await tree(page).getByText('Meningkatnya indeks SPBE dan Pemdi').waitFor();
    expect(await tree(page).getByRole('listitem').count()).toBe(5);
    await page.getByText('5 butir, 2 kode program').waitFor();
    await check(page, 'desktop', 'imported');
    await context.close();
  });

  it('on a phone the tree reads, and the pickers find a programme code by name', async () => {
    const context = await openContext(PHONE);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logInAs(page, 'admin.demo', '/rpjmd');
    await page.getByRole('heading', { name: 'RPJMD', level: 1 }).waitFor();
    await tree(page).getByText('2.16.02').first().waitFor();
    await check(page, 'phone', 'tree');

    const options = await page.evaluate(async () => {
      const res = await fetch('/api/v1/regions/19.71/rpjmd/programmes?q=persampahan');
      return (await res.json()) as { items: { code: string }[] };
    });
    expect(options.items.map((i) => i.code)).toEqual(['2.11.11']);

    // The smart-city programme form picks the code by searching its name.
    await page.goto('/kota-cerdas');
    await page.getByRole('button', { name: 'Tambah program' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah program' });
    const picker = dialog.getByRole('combobox', { name: /^Kode program RPJMD/ });
    await dialog.getByLabel(/^Nama program/).waitFor();
    await picker.scrollIntoViewIfNeeded();
    await picker.fill('sampah');
    await page.getByRole('option', { name: '2.11.11 · Program Pengelolaan Persampahan' }).click();
    await expect.poll(() => picker.inputValue()).toBe('2.11.11 · Program Pengelolaan Persampahan');
    await check(page, 'phone', 'programme-picker');
    await context.close();
  });
});
