/**
 * The units' side of complaints in a real browser, on the real server with the demo data (about 60
 * complaints of Kota Pangkalpinang in every state): the region admin narrows the inbox to the late
 * ones, verifies a newly received complaint with a note the citizen will read, sees it in the history,
 * and moves the complaint to Diskominfo; Diskominfo's operator then finds it in an inbox holding only
 * Diskominfo's complaints and cannot open another unit's. On the settings page the admin issues an
 * Open311 API key, which is shown once and never again. axe-core checks the three pages (and the step
 * dialog) on a desktop and a phone screen, with screenshots in test-results/complaints-*.png.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserFlow, choose, DEMO_PASSWORD, logIn, logOut, SCREENSHOTS } from './support.ts';

const DISKOMINFO = 'Dinas Komunikasi dan Informatika';
const VERIFY_NOTE = 'Laporan sudah kami periksa di lokasi; petugas akan datang dalam tiga hari kerja.';
const MOVE_NOTE = 'Jaringan internet kelurahan adalah urusan Diskominfo.';
const CLIENT_NAME = 'Aplikasi Kota Cerdas Uji';

const { openContext, check } = browserFlow('complaints');

const inboxTable = (page: Page) => page.getByRole('table', { name: 'Daftar pengaduan masuk' });
const inboxRows = (page: Page) => inboxTable(page).locator('tbody tr');
/** The unit column of every row shown (the third cell). */
const unitCells = (page: Page) => inboxRows(page).locator('td:nth-child(3)').allTextContents();
const history = (page: Page) => page.locator('.mantine-Timeline-root');

/** A table on a desktop, a list of cards on a phone: either way, links to the complaints. */
const complaintLinks = (page: Page) => page.locator('main a[href^="/pengaduan-masuk/"]');

async function waitForInbox(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Pengaduan Masuk', level: 1 }).waitFor();
  await complaintLinks(page).first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe('handling complaints', () => {
  let context: BrowserContext | undefined;
  let page: Page;
  let trackingCode = '';
  let otherUnitComplaintPath = '';

  beforeAll(async () => {
    context = await openContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto('/');
    await logIn(page, 'admin.demo', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Kota Pangkal Pinang', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await context?.close();
  });

  // What the browser showed when a step failed, for whoever reads the failure.
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await page.screenshot({ path: path.join(SCREENSHOTS, 'complaints-failure.png'), fullPage: true });
  });

  it('narrows the inbox to the overdue complaints', async () => {
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pengaduan', exact: true }).click();
    await waitForInbox(page);
    const allShown = (await page.getByText(/^Menampilkan/).textContent()) ?? '';

    // The box follows the address, which the router updates in a transition: click, then wait for it.
    await page.getByRole('checkbox', { name: 'Hanya yang terlambat' }).click();
    await expect.poll(() => page.url()).toContain('overdue=ya');
    // The list is replaced once the narrower answer arrives.
    await expect.poll(async () => (await page.getByText(/^Menampilkan/).textContent()) ?? '').not.toBe(allShown);
    const rows = await inboxRows(page).count();
    expect(rows).toBeGreaterThan(0);
    // Every row shown says it is late, in words beside its due date.
    expect(
      await inboxRows(page)
        .filter({ has: page.getByText('Terlambat', { exact: true }) })
        .count(),
    ).toBe(rows);
    await page.getByRole('button', { name: 'Hapus filter' }).click();
    await expect.poll(() => page.url()).not.toContain('overdue=ya');
  });

  it('verifies a received complaint with a note for the citizen and shows it in the history', async () => {
    await choose(page, page.getByRole('combobox', { name: 'Status', exact: true }), 'Diterima');
    await expect.poll(() => page.url()).toContain('status=diterima');
    // The filters cleared before stay cleared, and the list shown is the new one: every row is received.
    expect(page.url()).not.toContain('overdue=ya');
    await expect
      .poll(async () => {
        const rows = await inboxRows(page).count();
        const received = await inboxRows(page)
          .filter({ has: page.getByText('Diterima', { exact: true }) })
          .count();
        return rows > 0 && rows === received;
      })
      .toBe(true);
    // One that is not Diskominfo's yet, to move it there afterwards.
    const units = await unitCells(page);
    const index = units.findIndex((u) => u.trim() !== DISKOMINFO);
    expect(index, `a received complaint of another unit than ${DISKOMINFO}: ${units.join(', ')}`).toBeGreaterThanOrEqual(0);
    const row = inboxRows(page).nth(index);
    expect(await row.getByText('Diterima', { exact: true }).count()).toBe(1);
    const link = row.getByRole('link').first();
    trackingCode = ((await link.textContent()) ?? '').trim();
    expect(trackingCode).toMatch(/^ADU-[2-9A-HJ-NP-Z]{6}$/);
    await link.click();
    await page.getByRole('heading', { name: `Pengaduan ${trackingCode}`, level: 1 }).waitFor();

    // Only the steps the workflow allows from diterima.
    const actions = page.locator('main');
    for (const name of ['Verifikasi', 'Tolak', 'Tandai duplikat']) await actions.getByRole('button', { name, exact: true }).waitFor();
    expect(await actions.getByRole('button', { name: 'Selesaikan' }).count()).toBe(0);

    await actions.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ubah status menjadi Diverifikasi' });
    await dialog.getByRole('textbox', { name: /^Catatan untuk warga/ }).fill(VERIFY_NOTE);
    await dialog.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    await page.getByText('Status pengaduan diubah menjadi Diverifikasi.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    const entry = history(page).locator('.mantine-Timeline-item').filter({ hasText: VERIFY_NOTE });
    await entry.waitFor();
    expect(await entry.getByText('Diterima → Diverifikasi').count()).toBe(1);
    expect(await entry.getByText('Publik', { exact: true }).count()).toBe(1);
    // The next steps follow the new status.
    await actions.getByRole('button', { name: 'Mulai tindak lanjut' }).waitFor();
    expect(await actions.getByRole('button', { name: 'Verifikasi', exact: true }).count()).toBe(0);
  });

  it('moves the complaint to another unit', async () => {
    await page.getByRole('button', { name: 'Alihkan ke unit lain' }).click();
    const dialog = page.getByRole('dialog', { name: 'Alihkan ke perangkat daerah lain' });
    await choose(page, dialog.getByRole('combobox', { name: /^Unit tujuan/ }), `${DISKOMINFO} (Diskominfo)`, 'Diskominfo');
    await dialog.getByRole('textbox', { name: /^Catatan/ }).fill(MOVE_NOTE);
    await dialog.getByRole('button', { name: 'Alihkan', exact: true }).click();
    await page.getByText('Pengaduan dialihkan.').waitFor();
    const entry = history(page).locator('.mantine-Timeline-item').filter({ hasText: MOVE_NOTE });
    await entry.waitFor();
    expect(await entry.getByText('Internal', { exact: true }).count()).toBe(1);
    await expect.poll(async () => (await page.getByRole('heading', { level: 1 }).locator('..').textContent()) ?? '').toContain(DISKOMINFO);
  });

  it("shows a unit's operator only that unit's complaints", async () => {
    // Another received complaint, of a unit other than Diskominfo, to try to open as the operator.
    await page.goto('/pengaduan-masuk?status=diterima');
    await waitForInbox(page);
    const units = await unitCells(page);
    const other = units.findIndex((u) => u.trim() !== DISKOMINFO);
    expect(other).toBeGreaterThanOrEqual(0);
    await inboxRows(page).nth(other).getByRole('link').first().click();
    await page.getByRole('heading', { name: /^Pengaduan ADU-/, level: 1 }).waitFor();
    otherUnitComplaintPath = new URL(page.url()).pathname;

    await logOut(page);
    await logIn(page, 'operator.demo', DEMO_PASSWORD);
    // Signed in (the sign-in page has a heading of its own, so a heading proves nothing).
    await page.getByRole('button', { name: /^Menu akun/ }).waitFor();
    await page.goto('/pengaduan-masuk');
    await waitForInbox(page);
    expect(await page.getByText(`diteruskan ke ${DISKOMINFO}`, { exact: false }).count()).toBe(1);
    // No unit filter: an operator has only one unit.
    expect(await page.getByRole('combobox', { name: 'Perangkat daerah', exact: true }).count()).toBe(0);
    const shown = await unitCells(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown.map((u) => u.trim()))).toEqual(new Set([DISKOMINFO]));

    await page.getByRole('searchbox', { name: 'Cari pengaduan' }).fill(trackingCode);
    await expect.poll(() => inboxRows(page).count()).toBe(1);
    await inboxRows(page).getByRole('link', { name: trackingCode }).waitFor();

    await page.goto(otherUnitComplaintPath);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByRole('heading', { name: /^Pengaduan ADU-/, level: 1 }).count()).toBe(0);

    await logOut(page);
    await logIn(page, 'admin.demo', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Kota Pangkal Pinang', level: 1 }).waitFor();
  });

  it('issues an Open311 API key and shows it only once', async () => {
    await page.goto('/pengaturan-pengaduan');
    await page.getByRole('heading', { name: 'Pengaturan Pengaduan', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Kategori pengaduan' }).locator('tbody tr').first().waitFor();
    expect(await page.getByText('/open311/v2').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Buat kunci API' }).click();
    const dialog = page.getByRole('dialog', { name: 'Buat kunci API' });
    await dialog.getByRole('textbox', { name: /^Nama aplikasi/ }).fill(CLIENT_NAME);
    await dialog.getByRole('button', { name: 'Buat kunci API' }).click();

    const shown = page.getByRole('dialog', { name: 'Kunci API dibuat' });
    await shown.getByText('Salin sekarang: kunci hanya ditampilkan sekali').waitFor();
    const key = await shown.getByRole('textbox', { name: 'Kunci API' }).inputValue();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'complaints-settings-key-desktop.png') });
    expect(key.length).toBeGreaterThanOrEqual(20);
    await shown.getByRole('button', { name: 'Salin kunci' }).click();
    await shown.getByRole('button', { name: 'Tersalin' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await shown.getByRole('button', { name: 'Sudah saya simpan' }).click();
    await shown.waitFor({ state: 'detached' });

    const row = page.getByRole('table', { name: 'Kunci API Open311' }).locator('tbody tr').filter({ hasText: CLIENT_NAME });
    await row.waitFor();
    const prefix = ((await row.locator('code').textContent()) ?? '').replace('…', '').trim();
    expect(prefix.length).toBeGreaterThan(0);
    expect(key.startsWith(prefix)).toBe(true);
    expect(await row.getByText('Aktif', { exact: true }).count()).toBe(1);
    // Never again: not on the page, and a fresh dialog asks for a new name.
    expect(await page.content()).not.toContain(key);
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(key);
    await page.getByRole('button', { name: 'Buat kunci API' }).click();
    await page
      .getByRole('dialog', { name: 'Buat kunci API' })
      .getByRole('textbox', { name: /^Nama aplikasi/ })
      .waitFor();
    expect(await page.getByRole('textbox', { name: 'Kunci API' }).count()).toBe(0);
  });
});

const VIEWPORTS = [
  { name: 'desktop', size: { width: 1280, height: 800 } },
  { name: 'phone', size: { width: 390, height: 844 } },
] as const;

for (const viewport of VIEWPORTS) {
  describe(`complaint pages on a ${viewport.name} screen`, () => {
    let context: BrowserContext | undefined;
    let page: Page;
    const main = () => page.locator('main');
    const button = (scope: Locator, name: string) => scope.getByRole('button', { name, exact: true });

    beforeAll(async () => {
      context = await openContext(viewport.size);
      page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto('/');
      await logIn(page, 'admin.demo', DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'Kota Pangkal Pinang', level: 1 }).waitFor();
    });

    afterAll(async () => {
      await context?.close();
    });

    it('inbox', async () => {
      await page.goto('/pengaduan-masuk');
      await waitForInbox(page);
      await check(page, viewport.name, 'inbox');
    });

    it('statistics', async () => {
      await page.goto('/pengaduan-masuk?tab=statistik');
      // A table on a desktop, a list on a phone.
      await page.locator('[aria-label="Per perangkat daerah"]').getByText('Dinas Sosial', { exact: true }).waitFor();
      await check(page, viewport.name, 'stats');
      // The same figures as a PDF, downloaded with the session.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh PDF' }).click()]);
      expect(download.suggestedFilename()).toBe('statistik-pengaduan-semua.pdf');
    });

    it('one complaint, and its step dialog', async () => {
      await page.goto('/pengaduan-masuk?status=ditindaklanjuti');
      await waitForInbox(page);
      await complaintLinks(page).first().click();
      await page.getByRole('heading', { name: /^Pengaduan ADU-/, level: 1 }).waitFor();
      await history(page).waitFor();
      await check(page, viewport.name, 'detail');
      await button(main(), 'Selesaikan').click();
      await page.getByRole('dialog', { name: 'Ubah status menjadi Selesai' }).waitFor();
      await check(page, viewport.name, 'detail-dialog');
      await page.keyboard.press('Escape');
    });

    it('settings', async () => {
      await page.goto('/pengaturan-pengaduan');
      await page.locator('[aria-label="Kategori pengaduan"]').getByText('Bantuan sosial', { exact: true }).waitFor();
      await check(page, viewport.name, 'settings');
      await button(main(), 'Tambah kategori').click();
      await page.getByRole('dialog', { name: 'Kategori baru' }).waitFor();
      await check(page, viewport.name, 'settings-category');
      await page.keyboard.press('Escape');
    });
  });
}
