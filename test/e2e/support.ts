/**
 * Shared helpers of the browser flows: a real server on a free port (built web app, fresh embedded
 * database with the demo data, in a temporary data directory), Debian's Chromium, and the steps every
 * flow repeats (logging in and out, picking an option of a Mantine select).
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = path.join(ROOT, 'test-results');
export const DEMO_PASSWORD = 'sinergi-demo';
const WEB_INDEX = path.join(ROOT, 'dist/web/index.html');
const CHROMIUM = '/usr/bin/chromium';

export interface TestServer {
  baseUrl: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

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
async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer /api/health within ${timeoutMs / 1000} s:\n${output()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Starts `sinergi serve` with the demo data in a fresh data directory; `stop()` removes it again. */
export async function startServer(): Promise<TestServer> {
  if (!existsSync(WEB_INDEX)) {
    throw new Error(`${path.relative(ROOT, WEB_INDEX)} is missing: run \`npm run build\` before the browser tests.`);
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sinergi-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['bin/sinergi.js', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SINERGI_DATA_DIR: dataDir, SINERGI_DEMO: 'true', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const stop = async () => {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, () => output, 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, output: () => output, stop };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser profile (no cookies, no storage) in Indonesian, on a desktop screen unless told otherwise. */
export async function newContext(browser: Browser, baseUrl: string, viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseUrl, viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
}

export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('heading', { name: 'Masuk ke Sinergi' }).waitFor();
  await page.getByLabel('Nama pengguna atau surel').fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Menu akun/ }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await page.getByRole('heading', { name: 'Masuk ke Sinergi' }).waitFor();
}

/** Picks an option of a Mantine Select (its list renders outside the dialog, in a portal). */
export async function choose(page: Page, input: Locator, option: string, search?: string): Promise<void> {
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A small but well-formed PDF (header, one empty page, cross-reference table, trailer). */
export function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A decimal as the interface shows it ("2,31"), as a number for comparing; null for "—". */
export function shownDecimal(text: string | null): number | null {
  const cleaned = (text ?? '').trim().replace(/\./g, '').replace(',', '.');
  return cleaned === '' || cleaned === '—' ? null : Number(cleaned);
}

const AXE_SOURCE = readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');
/** The app's Content-Security-Policy refuses inline scripts, so axe-core is served under the app's own origin. */
const AXE_PATH = '/__axe-core.min.js';
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/** Lets `expectAccessible` load axe-core into the pages of this context. */
export async function serveAxe(context: BrowserContext): Promise<void> {
  await context.route(`**${AXE_PATH}`, (route) => route.fulfill({ body: AXE_SOURCE, contentType: 'text/javascript' }));
}

/** Runs axe-core on the page as it is and fails with every serious or critical violation (WCAG 2.1 AA). */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  if ((await page.evaluate(() => 'axe' in window)) === false) await page.addScriptTag({ url: AXE_PATH });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  );
  const failures: string[] = [];
  for (const violation of results.violations) {
    if (!BLOCKING_IMPACTS.has(violation.impact ?? '')) continue;
    for (const node of violation.nodes)
      failures.push(`${violation.id} (${violation.impact}) ${node.target.join(' ')}: ${node.failureSummary ?? violation.help}`);
  }
  if (failures.length > 0) throw new Error(`axe-core violations on ${label}:\n${failures.join('\n')}`);
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/**
 * Indonesian words the interface uses on its own controls and never in an English one. Whole words,
 * matched case-sensitively as the interface writes them, so "Pangkalpinang" or a unit's name never match.
 */
const INDONESIAN_UI_WORDS = [
  'Simpan',
  'Batal',
  'Tambah',
  'Hapus',
  'Unduh',
  'Ubah',
  'Cari',
  'Belum',
  'Tidak ada',
  'Sebelumnya',
  'Berikutnya',
  'Halaman',
  'Terlambat',
  'Tahun',
  'Kembali',
  'Keluar',
  'Pilih',
  'Semua',
  'Impor',
  'Ekspor',
  'Nama',
  'Jumlah',
];
/**
 * The bands the frameworks name in Indonesian (data), which an English page shows by their English
 * name wherever they appear, badges and sentences included.
 */
export const INDONESIAN_PREDICATES = ['Tidak Dapat Dinilai', 'Sangat Inovatif', 'Kurang Inovatif', 'Memuaskan'];

const WORD = new RegExp(`(^|[^\\p{L}])(${INDONESIAN_UI_WORDS.join('|')})($|[^\\p{L}])`, 'u');

/** The interface's own text on the page: controls, headers, labels and the navigation. */
function interfaceTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    // Controls: their visible text, unless they wrap data (a table, a card of records).
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('button, [role="tab"], thead th, label, nav a, [role="menuitem"], legend'))) {
      if (el.closest('tbody') || el.querySelector('table, [data-record]')) continue;
      const text = (el.textContent || '').trim();
      if (text) texts.push(text);
    }
    // Names given to assistive technology are the interface's own words too.
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[aria-label]'))) {
      if (el.closest('tbody')) continue;
      const label = el.getAttribute('aria-label');
      if (label) texts.push(label);
    }
    return texts;
  });
}

/**
 * The interface texts of an English page that still hold an Indonesian interface word, each with the
 * word found (data such as innovation and unit names is not read).
 */
export async function indonesianLeftovers(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const text of await interfaceTexts(page)) {
    const word = WORD.exec(text);
    if (word) found.push(`"${text.slice(0, 80)}" (${word[2]})`);
  }
  return found;
}

/** Signs a demo account in from the English login page (the context already chose English). */
export async function logInInEnglish(page: Page, username: string, to = '/'): Promise<void> {
  await page.goto(to);
  await page.getByRole('heading', { name: 'Log in to Sinergi' }).waitFor();
  await page.getByLabel('Username or email').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByRole('button', { name: /^Account menu/ }).waitFor();
}

/**
 * The frame of one browser flow file: the server with the demo data and Chromium start before its tests
 * and stop after them. `openContext` opens a browser context that can run axe; `check` takes the
 * screenshot a person looks at (test-results/<prefix>-<name>-<viewport>.png, copied to
 * $SINERGI_SHOTS_DIR when set; the whole page unless a dialog is open) and fails on any serious axe
 * finding; `logInAs` signs a demo account in on the page it opens.
 */
export function browserFlow(prefix: string) {
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
  const shotsCopy = process.env.SINERGI_SHOTS_DIR;
  return {
    server(): TestServer {
      if (!server) throw new Error('The server did not start');
      return server;
    },
    async openContext(size = DESKTOP): Promise<BrowserContext> {
      if (!server || !browser) throw new Error('The server or the browser did not start');
      const context = await newContext(browser, server.baseUrl, size);
      await serveAxe(context);
      return context;
    },
    async check(page: Page, viewport: string, name: string, options: { fromTop?: boolean } = {}): Promise<void> {
      await page.waitForLoadState('networkidle');
      // Charts and transitions settle.
      await page.waitForTimeout(500);
      if (options.fromTop) {
        // A full-page picture from the top, with no focus ring left on the skip link.
        await page.evaluate(() => {
          window.scrollTo(0, 0);
          if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        });
      }
      const hasDialog = (await page.getByRole('dialog').count()) > 0;
      const file = path.join(SCREENSHOTS, `${prefix}-${name}-${viewport}.png`);
      await page.screenshot({ path: file, fullPage: !hasDialog });
      if (shotsCopy) await copyFile(file, path.join(shotsCopy, path.basename(file)));
      await expectAccessible(page, `${name} [${viewport}]`);
    },
    async logInAs(page: Page, username: string, to = '/'): Promise<void> {
      await page.goto(to);
      await logIn(page, username, DEMO_PASSWORD);
      await page.getByRole('button', { name: /^Menu akun/ }).waitFor();
    },
  };
}
