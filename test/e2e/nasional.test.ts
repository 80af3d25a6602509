/**
 * The national pages in the browser, on the real server with the demo data in Chromium: the national
 * admin opens the 2025 roll-up of the kota cluster sorted by the SPBE/Pemdi index, sees the demo cities
 * ranked with their movement, and drills into Kota Pangkalpinang's dashboard; on a phone each region is a
 * card; the province's admin sees its kabupaten/kota; anyone opens the public national page, where an
 * unpublished figure says so. axe-core checks each view; screenshots land in test-results/nasional-*.png.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import { describe, expect, it } from 'vitest';
import { browserFlow, PHONE } from './support.ts';

const { openContext, check, logInAs } = browserFlow('nasional');

describe('national roll-up', () => {
  it('the national admin ranks the cities by SPBE and drills into a region', async () => {
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await logInAs(page, 'nasional.demo', '/rekap-nasional?tahun=2025&klaster=kota&sort=government');
    await page.getByRole('heading', { name: 'Rekap nasional', level: 1 }).waitFor();
    const table = page.getByRole('region', { name: 'Rekap nasional', exact: true });
    await table.locator('tbody tr').first().waitFor();
    const firstRows = await table.locator('tbody tr').evaluateAll((rows) => rows.slice(0, 3).map((r) => r.textContent ?? ''));
    // The three demo cities have an SPBE index in 2025: they lead the kota cluster, each with a rank.
    expect(firstRows.join(' ')).toMatch(/Pangkal Pinang/i);
    expect(firstRows.join(' ')).toMatch(/Banjarmasin/i);
    expect(firstRows.join(' ')).toMatch(/#1/);
    const header = page.getByRole('columnheader', { name: /SPBE\/Pemdi/ });
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    await check(page, 'desktop', 'rollup');

    await page.getByRole('button', { name: /Dasbor daerah .*Pangkal Pinang/i }).click();
    await page.waitForURL(/\/dasbor\?tahun=2025/);
    await page
      .getByText(/Pangkal Pinang/i)
      .first()
      .waitFor();
    await context.close();
  });

  it('a phone shows each region as a card', async () => {
    const phone = await openContext(PHONE);
    const page = await phone.newPage();
    page.setDefaultTimeout(30_000);
    await logInAs(page, 'nasional.demo', '/rekap-nasional?tahun=2025&klaster=kota&sort=government&per=10');
    await page.getByRole('article', { name: /Pangkal Pinang/i }).waitFor();
    await check(page, 'phone', 'rollup');
    await phone.close();
  });

  it("the province's admin sees its kabupaten/kota", async () => {
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await logInAs(page, 'provinsi.demo', '/provinsi?tahun=2025');
    await page.getByRole('heading', { name: /Kabupaten\/kota di/, level: 1 }).waitFor();
    const table = page.getByRole('region', { name: /^Kabupaten\/kota di/ });
    await table.locator('tbody tr').first().waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(7);
    await check(page, 'desktop', 'province');
    await context.close();
  });

  it('anyone opens the public national page; unpublished figures say so', async () => {
    for (const [size, name] of [
      [undefined, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const context = await openContext(size);
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      await page.goto('/nasional?tahun=2025');
      await page.getByRole('heading', { name: 'Angka inovasi dan pemerintahan digital daerah', level: 1 }).waitFor();
      await page.getByText('3 daerah mempublikasikan angkanya').waitFor();
      expect(await page.getByText('tidak dipublikasikan').count()).toBeGreaterThan(0);
      await check(page, name, 'public');
      await context.close();
    }
  });
});
