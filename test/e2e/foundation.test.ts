/**
 * The foundation's browser flow, on the real server (built web app, fresh embedded database with the
 * demo data) in Chromium: the regional admin creates a unit and an operator for it; the operator
 * logs in, sees only their own region, and logs out.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFlow, choose as chooseIn, DEMO_PASSWORD, logIn as logInOn, logOut as logOutOf, SCREENSHOTS } from './support.ts';

const UNIT = { name: 'Dinas Uji Coba Peramban', shortName: 'DUCP' };
const OPERATOR = { username: 'operator.ujicoba', displayName: 'Operator Uji Coba', password: 'kata-sandi-uji-2026' };

const { openContext } = browserFlow('e2e');
let context: BrowserContext | undefined;
let page: Page;

const logIn = (username: string, password: string) => logInOn(page, username, password);
const logOut = () => logOutOf(page);
const choose = (input: ReturnType<Page['getByLabel']>, option: string, search?: string) => chooseIn(page, input, option, search);

// One page for the whole flow, each test going on from where the last one left it (after browserFlow's
// beforeAll has started the server and the browser).
beforeAll(async () => {
  context = await openContext();
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await context?.close();
});

describe('Sinergi foundation in the browser', () => {
  it('sends an anonymous visitor to the login page, in Indonesian by default', async () => {
    await page.goto('/perangkat-daerah');
    await page.getByRole('heading', { name: 'Masuk ke Sinergi' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/masuk');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
  });

  it('lets the regional admin log in and create a unit', async () => {
    await logIn('admin.demo', DEMO_PASSWORD);
    // Back to the page that was asked for before logging in.
    await page.getByRole('heading', { name: 'Perangkat Daerah', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    await nav.getByRole('link', { name: 'Beranda' }).click();
    await page.getByRole('heading', { name: 'Kota Pangkal Pinang', level: 1 }).waitFor();
    await nav.getByRole('link', { name: 'Perangkat Daerah' }).click();
    await page.getByRole('heading', { name: 'Perangkat Daerah', level: 1 }).waitFor();
    await page.getByRole('cell', { name: 'Diskominfo', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Tambah unit' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Tambah unit' });
    await dialog.waitFor();
    // Saving an empty form shows Indonesian messages next to the fields.
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.getByText('Jenis unit wajib dipilih').waitFor();
    await dialog.getByText('Nama unit wajib diisi').waitFor();

    await choose(dialog.getByLabel('Jenis unit'), 'Dinas');
    await dialog.getByLabel('Nama unit').fill(UNIT.name);
    await dialog.getByLabel('Singkatan').fill(UNIT.shortName);
    await dialog.getByLabel('Nama kepala').fill('Budi Santoso');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`Unit "${UNIT.name}" ditambahkan.`).waitFor();

    await page.getByLabel('Cari unit').fill('Uji Coba');
    await page.getByText('Menampilkan 1–1 dari 1').waitFor();
    expect(await page.getByRole('row').nth(1).textContent()).toContain(UNIT.shortName);
    await page.getByLabel('Cari unit').fill('');
    await page.getByRole('cell', { name: 'Diskominfo', exact: true }).waitFor();
    // A picture only: the accessibility flow runs axe on the units page.
    await page.screenshot({ path: path.join(SCREENSHOTS, 'e2e-units-page.png'), fullPage: true });
  });

  it('lets the regional admin create an operator for that unit', async () => {
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pengguna' }).click();
    await page.getByRole('heading', { name: 'Pengguna', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah pengguna' });
    await dialog.waitFor();

    await dialog.getByLabel('Nama pengguna').fill(OPERATOR.username);
    await dialog.getByLabel('Nama lengkap').fill(OPERATOR.displayName);
    await choose(dialog.getByLabel('Peran'), 'Operator');
    await dialog.getByLabel('Kata sandi awal').fill(OPERATOR.password);
    // An operator without a unit is refused before anything is sent.
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.getByText('Operator wajib terikat pada satu unit', { exact: true }).waitFor();

    await choose(dialog.getByLabel('Unit'), `${UNIT.name} (${UNIT.shortName})`, 'Uji Coba');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`Akun ${OPERATOR.username} dibuat.`).waitFor();
    const row = page.getByRole('row').filter({ hasText: OPERATOR.username });
    await row.waitFor();
    expect(await row.textContent()).toContain(UNIT.name);

    await logOut();
  });

  it('shows the operator only their own region', async () => {
    await logIn(OPERATOR.username, OPERATOR.password);
    await page.getByRole('heading', { name: 'Kota Pangkal Pinang', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    await nav.getByText('Kota Pangkal Pinang').waitFor();

    // No region switcher, and no navigation to what an operator may not open.
    expect(await page.getByRole('combobox', { name: 'Daerah aktif' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Perangkat Daerah' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Pengguna' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Log Audit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Tambah unit' }).count()).toBe(0);

    // The server refuses another region's data, whatever the page asks.
    const statuses = await page.evaluate(async () => {
      const own = await fetch('/api/v1/regions/19.71/units');
      const other = await fetch('/api/v1/regions/62.71/units');
      return { own: own.status, other: other.status };
    });
    expect(statuses).toEqual({ own: 200, other: 403 });

    // Opening an admin page by its address says there is no access.
    await page.goto('/pengguna');
    await page.getByRole('heading', { name: 'Tidak ada akses' }).waitFor();

    await logOut();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Masuk ke Sinergi' }).waitFor();
  });

  it('lets the national admin switch regions, and remembers the choice', async () => {
    await logIn('nasional.demo', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Kota Pangkal Pinang', level: 1 }).waitFor();
    const switcher = page.getByRole('combobox', { name: 'Daerah aktif' });
    await switcher.click();
    await switcher.fill('62.71');
    await page.getByRole('option', { name: 'Kota Palangkaraya (62.71)' }).click();
    await page.getByRole('heading', { name: 'Kota Palangkaraya', level: 1 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Kota Palangkaraya', level: 1 }).waitFor();
    await logOut();
  });

  it('switches to English and remembers the choice', async () => {
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Log in to Sinergi' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Log in to Sinergi' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText('ID', { exact: true }).click();
    await page.getByRole('heading', { name: 'Masuk ke Sinergi' }).waitFor();
  });
});
