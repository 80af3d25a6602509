/**
 * The IID page's Nasional tab in the browser, on the real server with the demo data in Chromium: the admin of
 * Kota Pangkalpinang opens the tab (claimed and verified beside an empty national column), downloads the
 * template, uploads a sheet with a bad row (the dry run lists it and the import stays disabled), then the
 * filled template (no errors), imports it and sees the national index, rank and predicate beside the
 * region's own, with the gap. The demo's 2025 period shows its national result without an import. axe-core
 * checks each view on a desktop and a phone; screenshots land in test-results/iid-nasional-*.png.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { browserFlow, PHONE } from './support.ts';

const { openContext, check, logInAs } = browserFlow('iid-nasional');

async function fill(template: Buffer, index: string, status: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    if (row.getCell(1).value === 'DAERAH') {
      row.getCell(7).value = index;
      row.getCell(8).value = 87;
      row.getCell(9).value = 'Inovatif';
    } else {
      row.getCell(4).value = 30 + n;
      row.getCell(5).value = status;
    }
  });
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('IID nasional', () => {
  it('the admin imports the national validation result after a dry run and sees claimed, verified and national side by side', async () => {
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logInAs(page, 'admin.demo', '/iid?tab=nasional');
    await page.getByRole('heading', { name: 'Hasil validasi nasional' }).waitFor();
    await page.getByText('Belum ada hasil validasi nasional').waitFor();
    await check(page, 'desktop', 'empty');

    await page.getByRole('button', { name: 'Impor hasil nasional' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: 'Unduh templat' }).click()]);
    const template = await readFile(await download.path());

    // A bad sheet: the dry run lists the row, nothing can be imported.
    const bad = await fill(template, '140', 'mungkin');
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'hasil-salah.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
    await dialog.getByText(/harus angka 0 sampai 100/).waitFor();
    await expect.poll(() => dialog.getByRole('button', { name: 'Impor', exact: true }).isDisabled()).toBe(true);
    await check(page, 'desktop', 'dry-run-errors');

    const good = await fill(template, '48,25', 'Valid');
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'hasil-nasional.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
    await dialog.getByText(/^Semua baris valid/).waitFor();
    await expect.poll(() => dialog.getByRole('button', { name: 'Impor', exact: true }).isEnabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Impor', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByText(/Diimpor .* hasil-nasional\.xlsx/).waitFor();
    await page.getByText('48,25').first().waitFor();
    await page.getByText('Inovatif · peringkat 87').waitFor();
    const nationalCells = await page.getByRole('region', { name: 'Skor inovasi: klaim, terverifikasi dan nasional' }).locator('tbody tr').count();
    expect(nationalCells).toBeGreaterThan(0);
    await check(page, 'desktop', 'imported');

    const phone = await openContext(PHONE);
    const small = await phone.newPage();
    small.setDefaultTimeout(20_000);
    await logInAs(small, 'admin.demo', '/iid?tab=nasional');
    await small.getByText('Inovatif · peringkat 87').waitFor();
    await check(small, 'phone', 'imported');
    await phone.close();
    await context.close();
  });

  it('the demo’s 2025 period shows its national validation result beside claimed and verified, without an import', async () => {
    for (const [size, viewport] of [
      [undefined, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const context = await openContext(size);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await logInAs(page, 'admin.demo', '/iid');
      const periodId = await page.evaluate(async () => {
        const res = await fetch('/api/v1/regions/19.71/periods', { credentials: 'same-origin' });
        const body = (await res.json()) as { items: { id: string; year: number }[] };
        return body.items.find((p) => p.year === 2025)?.id ?? '';
      });
      expect(periodId).not.toBe('');
      await page.goto(`/iid?tab=nasional&periodId=${periodId}`);
      await page.getByText(/Diimpor .* Contoh: hasil-validasi-nasional-iid-2025\.xlsx/).waitFor();
      await page.getByText(/peringkat 96/).waitFor();
      await page.getByText('Tidak valid').first().waitFor();
      await check(page, viewport, 'demo-2025');
      await context.close();
    }
  });
});
