/**
 * The region's dashboard in the browser, on the real server with the demo data in Chromium: the Sekda
 * (pimpinan) of Kota Pangkalpinang finds "Dasbor daerah" first in the navigation, opens 2025, sees the
 * KPI cards with the API's numbers and the charts, follows a card to its source page, and downloads the
 * PDF brief; a phone shows the same page in one column. axe-core checks each view; screenshots land in
 * test-results/dasbor-*.png (and SINERGI_SHOTS_DIR when set) for a person to look at.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RegionDashboard } from '#shared/api/dasbor.ts';
import { browserFlow, PHONE, shownDecimal } from './support.ts';

const { openContext, check, logInAs } = browserFlow('dasbor');
const SHOTS_COPY = process.env.SINERGI_SHOTS_DIR;

async function dashboardOf(page: Page, year: number): Promise<RegionDashboard> {
  const res = await page.request.get(`/api/v1/regions/19.71/dashboard?year=${year}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as RegionDashboard;
}

describe('dasbor daerah', () => {
  it('the Sekda opens the dashboard from the navigation, sees the figures and charts, and downloads the PDF brief', async () => {
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logInAs(page, 'pimpinan.demo', '/');
    const navigation = page.getByRole('navigation', { name: /navigasi/i });
    const firstLink = navigation.getByRole('link').first();
    await expect.poll(() => firstLink.textContent(), { timeout: 10_000 }).toBe('Dasbor daerah');
    await firstLink.click();
    // Away from the link just clicked, so the check sees the page as it rests, not a hovered link.
    await page.mouse.move(900, 700);
    await page.getByRole('heading', { name: 'Dasbor daerah', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Tahun' }).selectOption('2025');
    await expect.poll(() => page.url()).toContain('tahun=2025');

    const d = await dashboardOf(page, 2025);
    const innovations = page.getByTestId('kpi-innovations-value');
    await expect.poll(() => innovations.textContent(), { timeout: 15_000 }).toBe(`${d.innovations.proposed} / ${d.innovations.target}`);
    expect(shownDecimal(await page.getByTestId('kpi-iid-value').textContent())).toBe(Number(d.iid?.verified));
    expect(shownDecimal(await page.getByTestId('kpi-ikm-value').textContent())).toBe(Number(d.ikm?.index));
    expect(shownDecimal(await page.getByTestId('kpi-assessment-value').textContent())).toBe(Number(d.assessment?.index));
    await page.getByText(`Terverifikasi: ${d.innovations.verified}`).waitFor();

    // The charts are drawn (recharts' SVG surfaces), each with its numbers beside it.
    await page
      .getByRole('img', { name: /inovasi kumulatif per minggu/ })
      .locator('svg.recharts-surface')
      .first()
      .waitFor();
    await page
      .getByRole('img', { name: /IID dan IKM per tahun/ })
      .locator('svg.recharts-surface')
      .first()
      .waitFor();
    expect(await page.locator('.recharts-line').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await page.getByRole('region', { name: 'Indeks dari tahun ke tahun' }).getByRole('cell', { name: '2025' }).waitFor();
    await check(page, 'desktop', '2025');

    // The PDF brief: a PDF named for the region and year.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh ringkasan PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('ringkasan-dasbor-19.71-2025.pdf');
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (SHOTS_COPY) await copyFile(await download.path(), path.join(SHOTS_COPY, 'dasbor-brief-2025.pdf'));

    // Each card leads to its source page.
    await page.getByTestId('kpi-iid').getByRole('link', { name: 'Lihat sumber' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/iid');
    await context.close();
  });

  it('a phone shows the cards in one column with the charts, readable and accessible', async () => {
    const phone = await openContext(PHONE);
    const page = await phone.newPage();
    page.setDefaultTimeout(20_000);
    await logInAs(page, 'pimpinan.demo', '/dasbor?tahun=2025');
    await page.getByRole('heading', { name: 'Dasbor daerah', level: 1 }).waitFor();
    await page.getByTestId('kpi-complaints').waitFor();
    await page
      .getByRole('img', { name: /inovasi kumulatif per minggu/ })
      .locator('svg.recharts-surface')
      .first()
      .waitFor();
    const first = await page.getByTestId('kpi-innovations').boundingBox();
    const second = await page.getByTestId('kpi-iid').boundingBox();
    expect(second && first ? second.y > first.y + first.height - 1 : false).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await check(page, 'phone', '2025');
    await phone.close();
  });
});
