/**
 * The national evaluation and the action plan in the browser, on the real server with the demo data:
 * the Bapperida admin of Kota Pangkalpinang opens SPBE 2025's "Hasil nasional" (stages at hasil, the
 * national index below the region's own, the LHE decree, the assessor sheet with gap bars), its
 * "Rencana aksi" (reports progress on a task, opens the delete confirmation and cancels, adds a task by
 * hand after the empty form named what was missing, then deletes it), sees the open tasks carried into
 * SPBE 2026, and the region's list with the overdue task marked and its own "Tambah tugas". The admin of
 * Kota Banjarmasin opens the national evaluation of its final SPBE 2025 and downloads the assessor
 * sheet's template from the import dialog (every indicator, its verified value as a hint); the template
 * as downloaded is read as not filled yet. axe checks each view on a desktop and a phone; screenshots
 * land in test-results/lhe-*.png.
 *
 * Needs `npm run build` first and Debian's chromium at /usr/bin/chromium.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserFlow, choose, PHONE, shownDecimal } from './support.ts';

const { openContext, check, logInAs } = browserFlow('lhe');

async function spbeIds(page: Page, regionCode = '19.71'): Promise<{ y2025: string; y2026: string }> {
  const list = await page.evaluate(async (region) => {
    const res = await fetch(`/api/v1/regions/${region}/assessments`, { credentials: 'same-origin' });
    return (await res.json()) as { items: { id: string; frameworkId: string; year: number }[] };
  }, regionCode);
  const find = (year: number) => list.items.find((i) => i.frameworkId === 'spbe-2020' && i.year === year)?.id ?? '';
  return { y2025: find(2025), y2026: find(2026) };
}

describe('hasil nasional and rencana aksi', () => {
  it('the admin reads the national result and LHE, reports on a task, and sees tasks carried into 2026', async () => {
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logInAs(page, 'admin.demo', '/penilaian');
    const ids = await spbeIds(page);
    expect(ids.y2025).not.toBe('');

    await page.goto(`/penilaian/${ids.y2025}?tab=nasional`);
    await page.getByRole('tab', { name: 'Hasil nasional' }).waitFor();
    await page.getByTestId('lhe-decree').waitFor();
    await expect.poll(() => page.getByTestId('lhe-decree').textContent()).toMatch(/KepmenPANRB Nomor 52 Tahun 2026/);
    const national = shownDecimal(await page.getByTestId('national-index').textContent());
    expect(national).not.toBeNull();
    expect(await page.getByTestId('national-gap').textContent()).toMatch(/nasional − klaim -/);
    await page.getByRole('table', { name: 'Lembar asesor per indikator' }).waitFor();
    await page.getByText('Terlambat').first().waitFor();
    await check(page, 'desktop', 'nasional');

    await page.getByRole('tab', { name: 'Rencana aksi' }).click();
    await page.getByRole('table', { name: 'Rencana aksi' }).waitFor();
    const row = page.getByRole('row', { name: /Uji kerentanan/ });
    await row.getByRole('button', { name: /^Ubah/ }).click();
    await page.getByRole('dialog').waitFor();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Progres' }).fill('55');
    await check(page, 'desktop', 'tugas');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toContain('55%');
    await row.getByRole('button', { name: /^Hapus/ }).click();
    await page
      .getByRole('dialog')
      .getByText(/akan dihapus/)
      .waitFor();
    await check(page, 'desktop', 'hapus');
    await page.getByRole('button', { name: 'Batal' }).click();
    await check(page, 'desktop', 'rencana');

    // A task by hand: the empty form says beside each field what is missing; the filled one is added.
    await page.getByRole('button', { name: 'Tambah tugas' }).click();
    const form = page.getByRole('dialog', { name: 'Tambah tugas rencana aksi' });
    await form.waitFor();
    await form.getByRole('button', { name: 'Tambah tugas' }).click();
    await form.getByText('Pilih indikator yang ditindaklanjuti').waitFor();
    await form.getByText('Judul tugas wajib diisi').waitFor();
    await check(page, 'desktop', 'tambah-galat');
    await choose(page, form.getByRole('combobox', { name: /^Indikator/ }), '29. Pelaksanaan Audit Infrastruktur SPBE', '29');
    // The assessor's recommendation for 29 and a title follow the indicator.
    await expect.poll(() => form.getByRole('textbox', { name: 'Rekomendasi' }).inputValue()).toMatch(/auditor bersertifikat/);
    await form.getByRole('textbox', { name: /^Tugas/ }).fill('Pengadaan jasa audit infrastruktur SPBE');
    await choose(page, form.getByRole('combobox', { name: 'Unit' }), 'Dinas Komunikasi dan Informatika (Diskominfo)', 'Diskominfo');
    await form.getByLabel('Tenggat').fill('2027-03-31');
    await check(page, 'desktop', 'tambah');
    await form.getByRole('button', { name: 'Tambah tugas' }).click();
    await form.waitFor({ state: 'detached' });
    const added = page.getByRole('row', { name: /Pengadaan jasa audit/ });
    await expect.poll(() => added.textContent()).toContain('Dinas Komunikasi dan Informatika');
    // Deleted again after the confirmation, so the carried tasks below stay the demo's.
    await added.getByRole('button', { name: /^Hapus/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hapus' }).click();
    await added.waitFor({ state: 'detached' });

    await page.goto(`/penilaian/${ids.y2026}?tab=rencana`);
    await page.getByRole('heading', { name: 'Terbawa dari tahun sebelumnya' }).waitFor();
    await expect.poll(() => page.getByRole('table', { name: 'Terbawa dari tahun sebelumnya' }).locator('tbody tr').count()).toBe(4);
    await check(page, 'desktop', 'terbawa');

    // The carried task shows on its indicator too, where the unit fills it.
    await page.goto(`/penilaian/${ids.y2026}?indikator=25`);
    await page
      .getByTestId('carried-note')
      .getByText(/Peta kompetensi SDM TIK/)
      .waitFor();

    await page.goto('/rencana-aksi');
    await page.getByRole('heading', { name: 'Rencana aksi', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Rencana aksi' }).waitFor();
    await page.getByRole('table', { name: 'Rencana aksi' }).getByText('Terlambat').first().waitFor();
    await page.getByLabel('Cari tugas atau rekomendasi').fill('kompetensi');
    await expect.poll(() => page.getByRole('table', { name: 'Rencana aksi' }).locator('tbody tr').count()).toBe(1);
    await check(page, 'desktop', 'daerah');
    // The region's page adds a task too, on an assessment chosen first.
    await page.getByRole('button', { name: 'Tambah tugas' }).click();
    const regionForm = page.getByRole('dialog', { name: 'Tambah tugas rencana aksi' });
    await regionForm.getByRole('button', { name: 'Tambah tugas' }).click();
    await regionForm.getByText('Pilih penilaian tempat tugas ini').waitFor();
    await choose(page, regionForm.getByRole('combobox', { name: /^Penilaian/ }), 'Evaluasi SPBE (PermenPANRB 59/2020) 2025');
    await regionForm.getByRole('combobox', { name: /^Indikator/ }).click();
    await page.getByRole('option', { name: /^25\. / }).waitFor();
    await page.keyboard.press('Escape');
    await check(page, 'desktop', 'daerah-tambah');
    await context.close();
  });

  it('another city opens its national evaluation and downloads the assessor sheet template from the import dialog', async () => {
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logInAs(page, 'admin.banjarmasin.demo', '/penilaian');
    const ids = await spbeIds(page, '63.71');
    expect(ids.y2025).not.toBe('');
    await page.goto(`/penilaian/${ids.y2025}?tab=nasional`);
    await page.getByRole('button', { name: 'Buka evaluasi nasional' }).click();
    await page.getByRole('button', { name: 'Impor XLSX' }).click();
    const dialog = page.getByRole('dialog', { name: 'Impor hasil nasional' });
    await dialog.waitFor();
    await check(page, 'desktop', 'impor');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: 'Unduh templat' }).click()]);
    expect(download.suggestedFilename()).toBe('templat-hasil-nasional-spbe-2020-63.71-2025.xlsx');
    const template = await readFile(await download.path());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(4).text).toBe('Nilai asesor');
    expect(sheet?.rowCount).toBe(48);
    expect(sheet?.getRow(2).getCell(3).text).toMatch(/^[1-5]$/);

    // The template as downloaded: nothing filled yet, so nothing to import, and it says why.
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'templat.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: template });
    await dialog.getByText(/Belum ada baris yang diisi: 47 indikator/).waitFor();
    await expect.poll(() => dialog.getByRole('button', { name: 'Impor', exact: true }).isDisabled()).toBe(true);
    await check(page, 'desktop', 'impor-kosong');
    await context.close();
  });

  it('a phone shows the assessor sheet and the tasks as cards', async () => {
    const phone = await openContext(PHONE);
    const page = await phone.newPage();
    page.setDefaultTimeout(20_000);
    await logInAs(page, 'admin.demo', '/penilaian');
    const ids = await spbeIds(page);
    await page.goto(`/penilaian/${ids.y2025}?tab=nasional`);
    await page.getByTestId('national-index').waitFor();
    await page.getByRole('button', { name: 'Ubah 21' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('table', { name: 'Lembar asesor per indikator' }).count()).toBe(0);
    await check(page, 'phone', 'nasional');
    await page.goto('/rencana-aksi');
    await page.getByTestId('task-card').first().waitFor();
    await check(page, 'phone', 'daerah');
    await page.getByRole('button', { name: 'Tambah tugas' }).click();
    const form = page.getByRole('dialog', { name: 'Tambah tugas rencana aksi' });
    await form.getByRole('button', { name: 'Tambah tugas' }).click();
    await form.getByText('Judul tugas wajib diisi').waitFor();
    await check(page, 'phone', 'tambah-galat');
    await phone.close();
  });
});
