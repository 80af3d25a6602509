/**
 * The foundation's browser flow, on the real server (built web app, fresh embedded database with the
 * demo data) in Chromium: the regional admin creates a unit and an operator for it; the operator
 * logs in, sees only their own region, and logs out.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WEB_INDEX = path.join(ROOT, 'dist/web/index.html');
const SCREENSHOTS = path.join(ROOT, 'test-results');
const CHROMIUM = '/usr/bin/chromium';
const DEMO_PASSWORD = 'sinergi-demo';

const UNIT = { name: 'Dinas Uji Coba Peramban', shortName: 'DUCP' };
const OPERATOR = { username: 'operator.ujicoba', displayName: 'Operator Uji Coba', password: 'kata-sandi-uji-2026' };

let server: ChildProcess | undefined;
let serverOutput = '';
let dataDir: string | undefined;
let baseUrl = '';
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Polls the health endpoint; the first start creates the database and loads the demo data. */
async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${serverOutput}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer /api/health within ${timeoutMs / 1000} s:\n${serverOutput}`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function logIn(username: string, password: string) {
  await page.getByRole('heading', { name: 'Masuk ke Sinergi' }).waitFor();
  await page.getByLabel('Nama pengguna atau surel').fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

async function logOut() {
  await page.getByRole('button', { name: /^Menu akun/ }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await page.getByRole('heading', { name: 'Masuk ke Sinergi' }).waitFor();
}

/** Picks an option of a Mantine Select (its list renders outside the dialog, in a portal). */
async function choose(input: ReturnType<Page['getByLabel']>, option: string, search?: string) {
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

beforeAll(async () => {
  if (!existsSync(WEB_INDEX)) {
    throw new Error(`${path.relative(ROOT, WEB_INDEX)} is missing: run \`npm run build\` before the browser tests.`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium).`);

  dataDir = await mkdtemp(path.join(tmpdir(), 'sinergi-e2e-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['bin/sinergi.js', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SINERGI_DATA_DIR: dataDir, SINERGI_DEMO: 'true', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => {
    serverOutput += chunk.toString();
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    serverOutput += chunk.toString();
  });
  await waitForHealth(baseUrl, server, 90_000);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (server) await stopServer(server);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
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
    await mkdir(SCREENSHOTS, { recursive: true });
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
