/**
 * API tokens in the browser, on the real server with the demo data in Chromium: the admin of Kota
 * Pangkalpinang opens Token API, sees the demo's screen token in use and the revoked trial token,
 * creates a token for a command-centre screen (shown once, copied with the button), the token reads
 * the dashboard of the region over HTTP, the admin revokes it and the next read is refused. axe-core
 * checks the page on a desktop and a phone screen; screenshots land in test-results/token-api-*.png.
 *
 * Needs `npm run build` first and Debian's chromium at /usr/bin/chromium.
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserFlow, DEMO_PASSWORD, DESKTOP, logIn, PHONE } from './support.ts';

const NAME = 'Layar Uji Command Center Lantai 2';

const flow = browserFlow('token-api');
const { check, server } = flow;

/** A context whose pages may use the clipboard, since the admin copies the new token with a button. */
async function openContext(size: { width: number; height: number }): Promise<BrowserContext> {
  const context = await flow.openContext(size);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server().baseUrl });
  return context;
}

/** Reads a dashboard route of the region as a command centre would: no cookie, only the bearer token. */
async function readDashboard(token: string, periodId: string): Promise<number> {
  const res = await fetch(`${server().baseUrl}/api/v1/regions/19.71/periods/${periodId}/dashboard`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return res.status;
}

describe('a command-centre token from creation to revocation', () => {
  it('is created, shown once and copied, reads the dashboard, and is refused once revoked', async () => {
    const context = await openContext(DESKTOP);
    const page = await context.newPage();
    await page.goto('/pengaturan/token-api');
    await logIn(page, 'admin.demo', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Token API', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Token layar command center' });
    await table.getByText('Layar command center Diskominfo').waitFor();
    await expect(table.getByText('Dicabut', { exact: false }).count()).resolves.toBeGreaterThan(0);
    await check(page, 'desktop', 'list');

    await page.getByRole('button', { name: 'Buat token' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Nama token/).fill(NAME);
    await dialog.getByRole('button', { name: 'Buat token' }).click();
    await dialog.getByText('Salin sekarang: token hanya ditampilkan sekali').waitFor();
    const token = await dialog.getByLabel('Token API').inputValue();
    expect(token).toMatch(/^snrg_[0-9a-f]{12}_/);
    await dialog.getByRole('button', { name: 'Salin token' }).click();
    await dialog.getByRole('button', { name: 'Tersalin' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await check(page, 'desktop', 'created');
    await dialog.getByRole('button', { name: 'Sudah saya simpan' }).click();
    await table.getByText(NAME).waitFor();
    // The list names the token by its start only, never the whole token.
    await expect(page.getByText(token).count()).resolves.toBe(0);

    const periods = (await page.evaluate(async () => (await fetch('/api/v1/regions/19.71/periods')).json())) as
      | { items?: { id: string }[] }
      | { id: string }[];
    const list = Array.isArray(periods) ? periods : (periods.items ?? []);
    const periodId = list[0]?.id;
    expect(periodId).toBeDefined();
    expect(await readDashboard(token, periodId ?? '')).toBe(200);

    await page.getByRole('button', { name: `Cabut token ${NAME}` }).click();
    await page.getByRole('dialog').getByText('Cabut token API?').waitFor();
    await check(page, 'desktop', 'revoke');
    await page.getByRole('dialog').getByRole('button', { name: 'Cabut token' }).click();
    await page.getByText(`Token ${NAME} dicabut.`).waitFor();
    expect(await readDashboard(token, periodId ?? '')).toBe(401);
    await context.close();
  });

  it('reads well on a phone', async () => {
    const context = await openContext(PHONE);
    const page = await context.newPage();
    await page.goto('/pengaturan/token-api');
    await logIn(page, 'admin.demo', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Token API', level: 1 }).waitFor();
    await page.getByText('Layar command center Diskominfo').waitFor();
    await check(page, 'phone', 'list');
    await page.getByRole('button', { name: 'Buat token' }).first().click();
    await page
      .getByRole('dialog')
      .getByLabel(/^Nama token/)
      .waitFor();
    await check(page, 'phone', 'create');
    await context.close();
  });
});
