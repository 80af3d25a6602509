/**
 * A counter kiosk that restarts while the office connection is down: after one visit online, the
 * kiosk page opens again with no network at all (its service worker keeps the page, the device keeps the
 * questionnaire), takes an answer into its outbox, and sends it once the connection is back.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserFlow, SCREENSHOTS } from './support.ts';

const REGION = '19.71';
const YEAR = 2026;
const SERVICE = 'Penerbitan Kartu Keluarga';

const { openContext, server } = browserFlow('portal-kiosk');

async function json<T>(pathname: string): Promise<T> {
  const response = await fetch(`${server().baseUrl}${pathname}`);
  if (!response.ok) throw new Error(`GET ${pathname}: ${response.status}`);
  return (await response.json()) as T;
}

const responses = async (id: string) => {
  const response = await fetch(`${server().baseUrl}/api/v1/public/services/${id}/ikm?year=${YEAR}`);
  return response.status === 404 ? 0 : ((await response.json()) as { responses: number }).responses;
};

describe('the kiosk without a connection', () => {
  it('opens again offline after a restart, keeps the answer, and sends it once back online', async () => {
    const list = await json<{ items: Array<{ id: string; name: string }> }>(
      `/api/v1/public/regions/${REGION}/services?q=${encodeURIComponent(SERVICE)}&pageSize=100`,
    );
    const id = list.items.find((s) => s.name === SERVICE)?.id;
    if (!id) throw new Error(`The demo service ${SERVICE} is missing`);
    const before = await responses(id);

    const context = await openContext({ width: 1024, height: 768 });
    try {
      const page = await context.newPage();
      await page.goto(`/kiosk/${id}`);
      await page.getByRole('button', { name: 'Mulai survei' }).waitFor();
      // The worker has the page and its assets once it is active.
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        if (!registration.active) throw new Error('no active service worker');
      });

      await context.setOffline(true);
      await page.reload();
      await page.getByRole('button', { name: 'Mulai survei' }).waitFor();
      await page.getByText(SERVICE).first().waitFor();
      await page.getByText('Luring', { exact: true }).waitFor();
      // A picture only: the portal flow runs axe on the kiosk, online and offline.
      await page.screenshot({ path: path.join(SCREENSHOTS, 'portal-kiosk-restarted-offline.png') });

      await page.getByRole('button', { name: 'Mulai survei' }).click();
      for (let i = 0; i < 9; i += 1) {
        await page.getByText(`Pertanyaan ${i + 1} dari 9`).waitFor();
        await page.locator('button[data-score="4"]').click();
      }
      await page.getByRole('button', { name: 'Kirim jawaban' }).click();
      await page.getByText('1 jawaban menunggu dikirim').waitFor();
      expect(await responses(id)).toBe(before);

      await context.setOffline(false);
      await page.getByText(/jawaban menunggu dikirim/).waitFor({ state: 'detached', timeout: 40_000 });
      expect(await responses(id)).toBe(before + 1);
    } finally {
      await context.close();
    }
  }, 120_000);
});
