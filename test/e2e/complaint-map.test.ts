/**
 * A citizen pins the place of a complaint on the map of the complaint form (phone size): the map opens
 * where the region's reports are, a tap drops the pin, the keyboard can mark the map's centre, and the
 * filed complaint carries the pinned point (read back through Open311). The tiles are answered by the
 * test, since the machine has no internet; the server's policy must allow their origin. axe-core checks
 * the form with its map; its screenshot lands in test-results/portal-complaint-map-phone.png.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import { describe, expect, it } from 'vitest';
import { browserFlow, choose, PHONE } from './support.ts';

const REGION = '19.71';
/** A 1×1 PNG stands for every map tile. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const DESCRIPTION = 'Trotoar di depan pasar amblas sepanjang dua meter, pejalan kaki terpaksa turun ke jalan.';

const { openContext, check, server } = browserFlow('portal-complaint');

describe('the complaint map', () => {
  it('drops a pin where the citizen taps, and the complaint carries it', async () => {
    const context = await openContext(PHONE);
    let tiles = 0;
    await context.route('https://tile.openstreetmap.org/**', (route) => {
      tiles += 1;
      return route.fulfill({ body: PNG, contentType: 'image/png' });
    });
    const refusedImages: string[] = [];
    try {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/.test(message.text())) refusedImages.push(message.text());
      });
      await page.goto(`/portal/${REGION}/pengaduan`);
      await page.getByRole('heading', { name: 'Sampaikan pengaduan', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Tandai di peta' }).click();
      const map = page.getByRole('region', { name: 'Peta untuk menandai lokasi pengaduan' });
      await map.waitFor();
      await expect.poll(() => tiles).toBeGreaterThan(0);

      const box = await map.boundingBox();
      if (!box) throw new Error('the map has no size');
      await map.click({ position: { x: box.width / 2 + 40, y: box.height / 2 - 30 } });
      const status = page.getByText(/^Titik lokasi: /);
      await status.waitFor();
      const tapped = await status.textContent();
      // Pangkalpinang lies near 2°S 106°E: the map opened over the region's own reports.
      expect(tapped).toMatch(/^Titik lokasi: -2,\d+, 106,\d+$/);
      await check(page, 'phone', 'map');

      // From the keyboard: mark the centre of the map instead.
      await page.getByRole('button', { name: 'Tandai tengah peta' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => status.textContent()).not.toBe(tapped);
      const shown = (await status.textContent()) ?? '';
      const [lat, lng] = shown
        .replace('Titik lokasi: ', '')
        .split(', ')
        .map((n) => Number(n.replace(/\./g, '').replace(',', '.')));

      const categories = (await (await fetch(`${server().baseUrl}/api/v1/public/regions/${REGION}/complaint-categories`)).json()) as {
        items: Array<{ name: string }>;
      };
      await choose(page, page.locator('input').and(page.getByLabel(/^Kategori pengaduan/)), categories.items[0]?.name ?? '');
      await page.getByLabel('Uraian pengaduan').fill(DESCRIPTION);
      await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
      await page.getByRole('heading', { name: 'Pengaduan terkirim' }).waitFor();
      const trackingCode = (await page.locator('[data-tracking-code]').getAttribute('data-tracking-code')) ?? '';
      expect(trackingCode).toMatch(/^ADU-[2-9A-HJ-NP-Z]{6}$/);

      const response = await fetch(`${server().baseUrl}/open311/v2/requests/${trackingCode}.json?jurisdiction_id=${REGION}`);
      const [request] = (await response.json()) as Array<{ lat: number; long: number; description: string }>;
      expect(request?.description).toBe(DESCRIPTION);
      expect(request?.lat).toBeCloseTo(lat ?? Number.NaN, 5);
      expect(request?.long).toBeCloseTo(lng ?? Number.NaN, 5);
      expect(refusedImages).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
