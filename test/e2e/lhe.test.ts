/**
 * The national evaluation and the action plan in the browser, on the real server with the demo data:
 * the Bapperida admin of Kota Pangkalpinang opens SPBE 2025's "Hasil nasional" (stages at hasil, the
 * national index below the region's own, the LHE decree, the assessor sheet with gap bars), its
 * "Rencana aksi" (reports progress on a task, opens the delete confirmation and cancels), sees the
 * open tasks carried into SPBE 2026, and the region's list with the overdue task marked. axe checks
 * each view on a desktop and a phone; screenshots land in test-results/lhe-*.png.
 *
 * Needs `npm run build` first and Debian's chromium at /usr/bin/chromium.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserFlow, PHONE, shownDecimal } from './support.ts';

const { openContext, check, logInAs } = browserFlow('lhe');

async function spbeIds(page: Page): Promise<{ y2025: string; y2026: string }> {
  const list = await page.evaluate(async () => {
    const res = await fetch('/api/v1/regions/19.71/assessments', { credentials: 'same-origin' });
    return (await res.json()) as { items: { id: string; frameworkId: string; year: number }[] };
  });
  const find = (year: number) => list.items.find((i) => i.frameworkId === 'spbe-2020' && i.year === year)?.id ?? '';
  return { y2025: find(2025), y2026: find(2026) };
}

describe('hasil nasional and rencana aksi', () => {
  it('the admin reads the national result and LHE, reports on a task, and sees tasks carried into 2026', async () => {
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logInAs(page, 'admin.demo', '/penilaian');
    const ids = await spbeIds(page);
    expect(ids.y2025).not.toBe('');

    await page.goto(`/penilaian/${ids.y2025}?tab=nasional`);
    await page.getByRole('tab', { name: 'Hasil nasional' }).waitFor();
    await page.getByTestId('lhe-decree').waitFor();
    await expect.poll(() => page.getByTestId('lhe-decree').textContent()).toMatch(/KepmenPANRB Nomor 52 Tahun 2026/);
    const national = shownDecimal(await page.getByTestId('national-index').textContent());
    expect(national).not.toBeNull();
    expect(await page.getByTestId('national-gap').textContent()).toMatch(/nasional − klaim -/);
    await page.getByRole('table', { name: 'Lembar asesor per indikator' }).waitFor();
    await page.getByText('Terlambat').first().waitFor();
    await check(page, 'desktop', 'nasional');

    await page.getByRole('tab', { name: 'Rencana aksi' }).click();
    await page.getByRole('table', { name: 'Rencana aksi' }).waitFor();
    const row = page.getByRole('row', { name: /Uji kerentanan/ });
    await row.getByRole('button', { name: /^Ubah/ }).click();
    await page.getByRole('dialog').waitFor();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Progres' }).fill('55');
    await check(page, 'desktop', 'tugas');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toContain('55%');
    await row.getByRole('button', { name: /^Hapus/ }).click();
    await page
      .getByRole('dialog')
      .getByText(/akan dihapus/)
      .waitFor();
    await check(page, 'desktop', 'hapus');
    await page.getByRole('button', { name: 'Batal' }).click();
    await check(page, 'desktop', 'rencana');

    await page.goto(`/penilaian/${ids.y2026}?tab=rencana`);
    await page.getByRole('heading', { name: 'Terbawa dari tahun sebelumnya' }).waitFor();
    await expect.poll(() => page.getByRole('table', { name: 'Terbawa dari tahun sebelumnya' }).locator('tbody tr').count()).toBe(4);
    await check(page, 'desktop', 'terbawa');

    // The carried task shows on its indicator too, where the unit fills it.
    await page.goto(`/penilaian/${ids.y2026}?indikator=25`);
    await page
      .getByTestId('carried-note')
      .getByText(/Peta kompetensi SDM TIK/)
      .waitFor();

    await page.goto('/rencana-aksi');
    await page.getByRole('heading', { name: 'Rencana aksi', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Rencana aksi' }).waitFor();
    await page.getByRole('table', { name: 'Rencana aksi' }).getByText('Terlambat').first().waitFor();
    await page.getByLabel('Cari tugas atau rekomendasi').fill('kompetensi');
    await expect.poll(() => page.getByRole('table', { name: 'Rencana aksi' }).locator('tbody tr').count()).toBe(1);
    await check(page, 'desktop', 'daerah');
    await context.close();
  });

  it('a phone shows the assessor sheet and the tasks as cards', async () => {
    const phone = await openContext(PHONE);
    const page = await phone.newPage();
    page.setDefaultTimeout(20_000);
    await logInAs(page, 'admin.demo', '/penilaian');
    const ids = await spbeIds(page);
    await page.goto(`/penilaian/${ids.y2025}?tab=nasional`);
    await page.getByTestId('national-index').waitFor();
    await page.getByRole('button', { name: 'Ubah 21' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('table', { name: 'Lembar asesor per indikator' }).count()).toBe(0);
    await check(page, 'phone', 'nasional');
    await page.goto('/rencana-aksi');
    await page.getByTestId('task-card').first().waitFor();
    await check(page, 'phone', 'daerah');
    await phone.close();
  });
});
