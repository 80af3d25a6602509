/**
 * Evaluasi tahunan in the browser, on the real server with the demo data in Chromium: the admin of Kota
 * Pangkalpinang sees the latest smart-city evaluation on the masterplan page (3,13, up 0,19 since 2024,
 * per pillar, beside programme progress), opens the assessment's "Hasil evaluasi" tab, which shows the
 * same figure, records the assessor's findings and the letter's number and date and uploads the letter;
 * the masterplan page then names the new letter. axe-core checks each view on a desktop and a phone;
 * screenshots land in test-results/evaluasi-*.png (and SINERGI_SHOTS_DIR when set) for a person to look at.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  launchBrowser,
  logIn,
  minimalPdf,
  newContext,
  SCREENSHOTS,
  serveAxe,
  startServer,
  type TestServer,
} from './support.ts';

const PHONE = { width: 390, height: 844 };
const SHOTS_COPY = process.env.SINERGI_SHOTS_DIR;

let server: TestServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openContext(size = { width: 1280, height: 800 }): Promise<BrowserContext> {
  if (!server || !browser) throw new Error('The server or the browser did not start');
  const context = await newContext(browser, server.baseUrl, size);
  await serveAxe(context);
  return context;
}

async function check(page: Page, viewport: string, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
  // A full-page picture from the top, with no focus ring left on the skip link.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  const file = path.join(SCREENSHOTS, `evaluasi-${name}-${viewport}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (SHOTS_COPY) await copyFile(file, path.join(SHOTS_COPY, path.basename(file)));
  await expectAccessible(page, `${name} [${viewport}]`);
}

async function logInAs(page: Page, username: string, to: string): Promise<void> {
  await page.goto(to);
  await logIn(page, username, DEMO_PASSWORD);
  await page.getByRole('button', { name: /^Menu akun/ }).waitFor();
}

describe('evaluasi tahunan', () => {
  it('the admin sees the evaluation on the masterplan page, records the findings and the letter, and the masterplan page shows it', async () => {
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logInAs(page, 'admin.demo', '/kota-cerdas');
    const section = page.getByTestId('evaluation-section');
    await section.getByRole('heading', { name: 'Evaluasi tahunan' }).waitFor();
    await expect.poll(() => section.getByTestId('masterplan-evaluation-index').textContent()).toBe('3,13');
    await expect.poll(() => section.locator('[data-delta]').first().textContent()).toBe('+0,19');
    const rows = section.locator('[data-testid="evaluation-pillars"] tbody tr');
    expect(await rows.count()).toBe(6);
    expect(await section.locator('tr[data-pillar="overall"] td[data-index]').textContent()).toBe('3,13');
    await expect.poll(() => section.getByTestId('masterplan-programme-progress').textContent()).toMatch(/dari \d+ program selesai/);
    await section.locator('svg.recharts-surface').first().waitFor();
    await check(page, 'desktop', 'masterplan');

    // The assessment's own tab shows the same figure.
    await section.getByRole('link', { name: 'Buka hasil evaluasi 2025' }).click();
    await page.getByRole('tab', { name: 'Hasil evaluasi', selected: true }).waitFor();
    await expect.poll(() => page.getByTestId('evaluation-index').textContent()).toBe('3,13');
    expect(await page.locator('tr[data-pillar="output"] td[data-index]').textContent()).toBe('3,25');
    // The assessors corrected the city's claim of 3,40; both stand side by side.
    expect(await page.locator('tr[data-pillar="output"] td[data-claimed]').textContent()).toBe('3,40');

    // Record the assessor's findings and the letter.
    await page.getByRole('button', { name: 'Ubah hasil evaluasi' }).click();
    await page.getByLabel('Nomor surat').fill('B-1400/DJAI/AI.01.02/12/2025');
    await page.getByLabel('Tanggal surat').fill('2025-12-01');
    await page.getByLabel('Catatan pilar Outcome').fill('Program terhambat pengadaan perlu dipercepat pada 2026.');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Hasil evaluasi disimpan').waitFor();
    await expect.poll(() => page.getByTestId('evaluation-letter').textContent()).toMatch(/B-1400\/DJAI\/AI\.01\.02\/12\/2025/);
    expect(await page.locator('tr[data-pillar="outcome"]').textContent()).toContain('Program terhambat pengadaan');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Ganti surat' }).click();
    await (await chooser).setFiles({ name: 'surat-hasil-evaluasi-2025.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await page.getByText('Surat hasil evaluasi diunggah').waitFor();
    await page.getByRole('link', { name: 'Surat: surat-hasil-evaluasi-2025.pdf' }).waitFor();
    await check(page, 'desktop', 'hasil');

    // The masterplan page names the new letter, with the same index.
    await page.goto('/kota-cerdas');
    await section.getByText('Surat B-1400/DJAI/AI.01.02/12/2025').waitFor();
    expect(await section.getByTestId('masterplan-evaluation-index').textContent()).toBe('3,13');
    await context.close();
  });

  it('reads well on a phone', async () => {
    const context = await openContext(PHONE);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logInAs(page, 'pimpinan.demo', '/kota-cerdas');
    const section = page.getByTestId('evaluation-section');
    await expect.poll(() => section.getByTestId('masterplan-evaluation-index').textContent()).toBe('3,13');
    await section.locator('svg.recharts-surface').first().waitFor();
    await check(page, 'phone', 'masterplan');
    await section.getByRole('link', { name: 'Buka hasil evaluasi 2025' }).click();
    await expect.poll(() => page.getByTestId('evaluation-index').textContent()).toBe('3,13');
    // Leaders read; only those who verify record.
    expect(await page.getByRole('button', { name: /hasil evaluasi$/ }).count()).toBe(0);
    await page.locator('svg.recharts-surface').first().waitFor();
    await check(page, 'phone', 'hasil');
    await context.close();
  });
});
