import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserFlow, PHONE } from './support.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const { openContext, check, logInAs } = browserFlow('rpjmd');

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
    await importDialog.getByText('Semua baris valid. Tekan Impor untuk menyimpan.').waitFor();
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
