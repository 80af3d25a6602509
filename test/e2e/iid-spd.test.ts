/**
 * The IID SPD sheet in the browser, on the real server with the demo data in Chromium: the Bapperida
 * admin of Kota Pangkalpinang opens the SPD tab of the 2025 period, enters the poverty rate (10b) with
 * an Indonesian decimal comma and its source, sees the parameter the server chose from the thresholds
 * (no level to pick), has a figure outside the rules refused at the field, adds an evidence link to
 * the indicator and sees it back at "belum diverifikasi" (pending). The what-if levers list is captured too. axe-core
 * checks each view on a desktop and a phone; screenshots land in test-results/iid-spd-*.png.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserFlow, PHONE, SCREENSHOTS } from './support.ts';

const { openContext, check, logInAs } = browserFlow('iid-spd');

async function period2025(page: Page): Promise<string> {
  const response = await page.request.get('/api/v1/regions/19.71/periods');
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { items: { id: string; year: number }[] };
  const period = body.items.find((p) => p.year === 2025);
  if (!period) throw new Error('The demo has no 2025 period');
  return period.id;
}

describe('IID SPD sheet', () => {
  it('the admin enters a figure with its source, sees the chosen parameter, adds evidence; the levers list shows', async () => {
    for (const [viewport, size] of [
      ['desktop', undefined],
      ['phone', PHONE],
    ] as const) {
      const context = await openContext(size);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      try {
        await logInAs(page, 'admin.demo', '/');
        const periodId = await period2025(page);
        await page.goto(`/iid?periodId=${periodId}&tab=spd`);
        await page.getByRole('heading', { name: 'Indikator SPD daerah' }).waitFor();

        const card = page.locator('[data-iid-indicator="10b"]');
        await card.waitFor();
        // A figure indicator has no level to pick: the thresholds and the figure's fields instead.
        await expect.poll(() => card.getByRole('radio').count()).toBe(0);
        const thresholds = card.getByRole('region', { name: /Ambang Persentase penduduk miskin/ });
        await expect.poll(() => thresholds.getByRole('row').count()).toBe(4);

        // Three decimals: the server refuses it, at the field, in Indonesian.
        const value = card.getByRole('textbox', { name: /^Persentase penduduk miskin/ });
        await value.fill('5,123');
        await card.getByRole('textbox', { name: /^Sumber angka/ }).fill('BPS, Berita Resmi Statistik Maret 2025');
        await card.getByRole('button', { name: 'Simpan angka' }).click();
        await card.getByText(/paling banyak 2 angka di belakang koma/).waitFor();

        // 9,54 % lies in 4,81 s.d. 13,11: parameter 2, chosen by the server.
        const figure = viewport === 'desktop' ? '9,54' : '3,20';
        const level = viewport === 'desktop' ? 2 : 3;
        await value.fill(figure);
        await card.getByRole('textbox', { name: /^Tautan sumber/ }).fill('https://www.bps.go.id/id/pressrelease');
        await card.getByRole('button', { name: 'Simpan angka' }).click();
        await card.getByText(`Server memilih parameter ${level} dari angka ini.`).waitFor();
        await card.getByText(new RegExp(`Angka tersimpan: ${figure} % → parameter ${level}`)).waitFor();
        await expect.poll(() => card.locator('tr[aria-current="true"]').textContent()).toContain(String(level));
        await card.getByText('Belum diverifikasi').first().waitFor();

        // Evidence: a link, listed on the indicator, and the indicator is back at pending.
        await card.getByRole('button', { name: 'Tautan', exact: true }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel(/Judul/).fill(`BRS kemiskinan ${viewport}`);
        await dialog.getByLabel(/Alamat \(URL\)/).fill(`https://www.bps.go.id/id/pressrelease/2025/07/25/kemiskinan-${viewport}.html`);
        await dialog.getByRole('button', { name: 'Tautan', exact: true }).click();
        await card.locator(`[data-evidence="BRS kemiskinan ${viewport}"]`).waitFor();
        await card.getByText('Belum diverifikasi').first().waitFor();
        await card.scrollIntoViewIfNeeded();
        await check(page, viewport, 'spd');
        // The whole sheet is long: the indicator itself, for a person to look at.
        await card.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72));
        await page.screenshot({ path: path.join(SCREENSHOTS, `iid-spd-10b-${viewport}.png`) });

        // The category figure (8, Opini BPK) is a select, not a number.
        const opinion = page.locator('[data-iid-indicator="8"]');
        await expect.poll(() => opinion.getByRole('radio').count()).toBe(0);
        await expect.poll(() => opinion.getByLabel(/^Opini BPK atas LKPD/).count()).toBe(1);

        await page.getByRole('tab', { name: /Langkah terbaik/ }).click();
        await page.getByText('Tuas terbesar').waitFor();
        await check(page, viewport, 'levers', { fromTop: true });
      } finally {
        await context.close();
      }
    }
  });
});
