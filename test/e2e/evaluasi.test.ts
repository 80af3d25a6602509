import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserFlow, minimalPdf, PHONE } from './support.ts';

const flow = browserFlow('evaluasi');
const { openContext, logInAs } = flow;
const check = (page: Page, viewport: string, name: string) => flow.check(page, viewport, name, { fromTop: true });

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
