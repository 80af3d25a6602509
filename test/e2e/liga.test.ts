/**
 * Liga OPD in the browser, on the real server with the demo data in Chromium: the Sekda (pimpinan) of
 * Kota Pangkalpinang opens the league of 2026 and of 2025, sorts by IKM with the keyboard (aria-sort says
 * so), searches a unit, and downloads the XLSX whose composites equal the page; the admin opens the
 * weights dialog. axe-core checks each view on a desktop and a phone; screenshots land in
 * test-results/liga-*.png (and /tmp/shots-liga when it exists) for a person to look at.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserFlow, PHONE, shownDecimal } from './support.ts';

const { openContext, check, logInAs } = browserFlow('liga');

/** The composite of each row as the table shows it. */
async function composites(page: Page): Promise<Array<number | null>> {
  const rows = page.locator('table tbody tr');
  const n = await rows.count();
  const out: Array<number | null> = [];
  for (let i = 0; i < n; i++) {
    const text = (await rows.nth(i).locator('td').nth(2).textContent()) ?? '';
    out.push(text.includes('tanpa data') ? null : shownDecimal(text));
  }
  return out;
}

describe('liga OPD', () => {
  it('the Sekda sees every unit ranked for 2026 and 2025, sorts by IKM by keyboard, searches and downloads the XLSX', async () => {
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logInAs(page, 'pimpinan.demo', '/liga-opd?year=2026');
    await page.getByRole('heading', { name: 'Liga OPD', level: 1 }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    const ranked = await composites(page);
    expect(ranked.filter((c) => c !== null).length).toBeGreaterThan(5);
    // Rank order: composites never rise down the table.
    const known = ranked.filter((c): c is number => c !== null);
    expect([...known].sort((a, b) => b - a)).toEqual(known);
    await check(page, 'desktop', '2026');

    // Sort by IKM with the keyboard: the header says descending, the column's values fall.
    const ikmHeader = page.getByRole('columnheader', { name: /IKM/ });
    await ikmHeader.getByRole('button').press('Enter');
    await expect.poll(() => ikmHeader.getAttribute('aria-sort'), { timeout: 10_000 }).toBe('descending');
    const ikmColumn = async () => {
      const texts = await page
        .locator('table tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[4]?.querySelector('p')?.textContent ?? ''));
      return texts.filter((v) => v !== 'tanpa data').map((v) => Number(v.replace(/\./g, '').replace(',', '.')));
    };
    // The server's order arrives after the header turns: wait until the column falls from top to bottom.
    await expect
      .poll(
        async () => {
          const values = await ikmColumn();
          return values.length > 1 && values.every((v, i) => i === 0 || (values[i - 1] ?? 0) >= v);
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await ikmHeader.getByRole('button').press('Enter');
    await expect.poll(() => ikmHeader.getAttribute('aria-sort'), { timeout: 10_000 }).toBe('ascending');

    // Back to rank order, 2025: the XLSX holds the page's composites as numbers.
    await page.goto('/liga-opd?year=2025');
    await page.locator('table tbody tr').first().waitFor();
    await page
      .getByLabel('Baris per halaman')
      .selectOption('100')
      .catch(() => undefined);
    const shown = await composites(page);
    expect(shown.filter((c) => c !== null).length).toBeGreaterThan(5);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh XLSX' }).click()]);
    const file = await download.path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(String(sheet?.getCell('A2').value)).toMatch(/^Bobot: Inovasi 35/);
    const fromSheet: Array<number | null> = [];
    sheet?.eachRow((row, n) => {
      if (n > 5) fromSheet.push((row.getCell(4).value as number | null) ?? null);
    });
    expect(fromSheet.slice(0, shown.length)).toEqual(shown);
    expect(fromSheet.every((v) => v === null || typeof v === 'number')).toBe(true);
    await check(page, 'desktop', '2025');

    // Search narrows the table to the matching unit.
    await page.getByLabel('Cari unit').fill('Kesehatan');
    await expect.poll(() => page.locator('table tbody tr').count()).toBeGreaterThan(0);
    const names = await page.locator('table tbody tr td:nth-child(2)').allInnerTexts();
    expect(names.every((n) => n.toLowerCase().includes('kesehatan'))).toBe(true);
    await page.getByLabel('Cari unit').fill('tidak ada unit seperti ini');
    await page.getByText('Tidak ada unit yang cocok').waitFor();
    await context.close();
  });

  it('the admin opens the weights dialog; a phone shows each unit as a card', async () => {
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logInAs(page, 'admin.demo', '/liga-opd?year=2026');
    await page.getByRole('button', { name: 'Ubah bobot' }).click();
    await page.getByRole('dialog').waitFor();
    await page.getByText('Jumlah bobot aktif: 100 dari 100').waitFor();
    await check(page, 'desktop', 'weights');
    await page.getByRole('button', { name: 'Batal' }).click();
    await context.close();

    const phone = await openContext(PHONE);
    const phonePage = await phone.newPage();
    phonePage.setDefaultTimeout(20_000);
    await logInAs(phonePage, 'pimpinan.demo', '/liga-opd?year=2026');
    await phonePage.getByRole('heading', { name: 'Liga OPD', level: 1 }).waitFor();
    // Cards appear once the table has loaded (the desktop table is hidden on a phone).
    await phonePage.locator('.mantine-Card-root').first().waitFor();
    await check(phonePage, 'phone', '2026');
    await phone.close();
  });
});
