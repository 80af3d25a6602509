/**
 * Accessibility of the pages a regional admin and a citizen see, on the real server with the demo data
 * in Chromium: axe-core runs on each page (with the dialog, password meter or error alert it is
 * about open) and no violation of impact serious or critical may remain. Every page is checked on a
 * desktop screen and on a phone, where the layout differs (navigation in a drawer, full-screen
 * dialogs), and a screenshot of each lands in test-results/ for a person to look at.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFlow, DEMO_PASSWORD, logIn } from './support.ts';

const VIEWPORTS = [
  { name: 'desktop', size: { width: 1366, height: 900 } },
  { name: 'phone', size: { width: 390, height: 844 } },
] as const;

const { openContext, check } = browserFlow('a11y');

for (const viewport of VIEWPORTS) {
  describe(`accessibility on a ${viewport.name} screen`, () => {
    let context: BrowserContext | undefined;
    let page: Page;
    const heading = (name: string | RegExp) => page.getByRole('heading', { name, level: 1 }).waitFor();

    beforeAll(async () => {
      context = await openContext(viewport.size);
      page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto('/');
      await logIn(page, 'admin.demo', DEMO_PASSWORD);
      await heading('Kota Pangkal Pinang');
    });

    afterAll(async () => {
      await context?.close();
    });

    it('home page', async () => {
      await page.goto('/');
      await heading('Kota Pangkal Pinang');
      await check(page, viewport.name, 'home');
    });

    it('units list', async () => {
      await page.goto('/perangkat-daerah');
      await heading('Perangkat Daerah');
      await page.getByRole('cell', { name: 'Diskominfo', exact: true }).waitFor();
      await check(page, viewport.name, 'units');
    });

    it('users list with the new-user form and its password strength', async () => {
      await page.goto('/pengguna');
      await heading('Pengguna');
      await page.getByRole('button', { name: 'Tambah pengguna' }).click();
      const dialog = page.getByRole('dialog', { name: 'Tambah pengguna' });
      await dialog.getByLabel('Nama pengguna').fill('staf.bapperida');
      await dialog.getByLabel('Kata sandi awal').fill('mangga-pisang');
      await dialog.getByText(/^Kekuatan: /).waitFor();
      await check(page, viewport.name, 'users-new');
    });

    it('account page with the change-password form and its password strength', async () => {
      await page.goto('/akun');
      await heading('Akun Saya');
      // A weak one: the meter then says, in red, what to do about it.
      await page.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill('bapperida2026');
      await page.getByText(/^Kekuatan: Lemah/).waitFor();
      await check(page, viewport.name, 'account');
    });

    it('periods page with the edit dialog and its IID framework', async () => {
      await page.goto('/periode');
      await heading('Periode');
      await page.getByRole('button', { name: 'Ubah periode 2026' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ubah periode 2026' });
      const framework = dialog.locator('input:enabled').and(dialog.getByLabel('Kerangka IID'));
      await framework.waitFor();
      await check(page, viewport.name, 'period-edit');
      // Its options name whole framework versions: they must stay readable on a narrow screen.
      await framework.click();
      await page.getByRole('option', { name: /^Indeks Inovasi Daerah 2026/ }).waitFor();
      await check(page, viewport.name, 'period-edit-iid-options');
      await page.keyboard.press('Escape');
    });

    it('innovations list', async () => {
      await page.goto('/inovasi');
      await heading('Inovasi Daerah');
      // A table on a desktop, a list of cards on a phone: both are named after the period.
      await page
        .getByLabel(/^Inovasi tahun \d{4}$/)
        .getByRole('link')
        .first()
        .waitFor();
      await check(page, viewport.name, 'innovations');
    });

    it('one innovation with its evidence', async () => {
      await page.goto('/inovasi');
      await heading('Inovasi Daerah');
      const link = page
        .getByLabel(/^Inovasi tahun \d{4}$/)
        .getByRole('link')
        .first();
      const name = (await link.textContent()) ?? '';
      await link.click();
      await heading(name);
      await page.getByRole('heading', { name: 'Bukti dukung' }).waitFor();
      await check(page, viewport.name, 'innovation');
    });

    it('IID page', async () => {
      await page.goto('/iid');
      await heading('Indeks Inovasi Daerah');
      await check(page, viewport.name, 'iid');
    });

    it('SPBE 2026 assessment', async () => {
      await page.goto('/penilaian');
      await heading('Penilaian');
      await page.getByRole('link', { name: 'Buka penilaian Evaluasi SPBE (PermenPANRB 59/2020) tahun 2026' }).click();
      await heading('Evaluasi SPBE (PermenPANRB 59/2020) · 2026');
      await check(page, viewport.name, 'assessment');
    });

    it('an error alert with its technical details folded', async () => {
      // Diskominfo has accounts, so deleting it is refused with a message that says what to do.
      await page.goto('/perangkat-daerah');
      await heading('Perangkat Daerah');
      await page
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: 'Diskominfo', exact: true }) })
        .getByRole('button', { name: /^Hapus / })
        .click();
      const dialog = page.getByRole('dialog', { name: 'Hapus unit?' });
      await dialog.getByRole('button', { name: 'Hapus', exact: true }).click();
      await dialog.getByRole('alert').waitFor();
      const details = dialog.getByRole('button', { name: 'Detail teknis' });
      expect(await details.getAttribute('aria-expanded')).toBe('false');
      await check(page, viewport.name, 'error-alert');
      await details.click();
      await dialog.getByText(/^Kode: /).waitFor();
      await check(page, viewport.name, 'error-alert-open');
    });

    it('public catalogue, logged out', async () => {
      const anonymous = await openContext(viewport.size);
      try {
        const visitor = await anonymous.newPage();
        visitor.setDefaultTimeout(15_000);
        await visitor.goto('/katalog');
        await visitor.getByRole('heading', { name: 'Katalog Inovasi Daerah', level: 1 }).waitFor();
        await check(visitor, viewport.name, 'catalogue');
      } finally {
        await anonymous.close();
      }
    });
  });
}
