/**
 * Start-up benchmark: time from spawning the server to the first `200` of `GET /api/health`, with the
 * embedded database (PGlite) and demo data, as a user gets it:
 *
 * - first start:            `npm start` on a new data directory, with the migrated database template
 *                           that `npm ci` leaves under node_modules/.cache/sinergi (what a fresh install
 *                           does: load the template, demo data, listen);
 * - first start, no template: the same with `SINERGI_DB_TEMPLATE=skip` (PGlite's initdb, every migration,
 *                           the region list and the frameworks, demo data): an install made with
 *                           `--ignore-scripts`, or a start after a pull that added a migration;
 * - restart:                `npm start` again on the data directory the first start left (stopped cleanly);
 * - restart, sinergi serve: `node bin/sinergi.js serve` on the same directory (no npm, no web-build check):
 *                           what a service manager or a container runs.
 *
 * The web app must be built (dist/web): a missing build is built once beforehand, not timed. A missing
 * template is made beforehand too (timed and reported apart: that cost is paid by `npm ci`). Each run
 * uses its own data directory and port, waits for the server (and npm) to exit before the next, and
 * deletes the directory. Reported: min / median / max in seconds, and the median CPU time the start's
 * processes used until the first answer (user + system, all threads; Linux only), which moves less than
 * wall time when other work shares the machine.
 *
 * Run by scripts/bench.mjs (`--suite startup`), or alone: `node bench/startup.mjs [runs]`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');
const HEALTH_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** This environment without what would point the server elsewhere: the benchmark is of the embedded database. */
function embeddedEnv() {
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'SINERGI_DB_TEMPLATE', 'SINERGI_DATA_DIR', 'SINERGI_STORAGE_DIR', 'SINERGI_STORAGE', 'SINERGI_DEMO'])
    delete env[name];
  return env;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * CPU seconds (user + system) used so far by every process of the group (Linux /proc; null elsewhere):
 * less sensitive than wall time to other work sharing the machine.
 */
function groupCpuSeconds(pgid) {
  if (process.platform !== 'linux') return null;
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Fields after the command name: state ppid pgrp … utime(14) stime(15) cutime(16) cstime(17).
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(fields[2]) !== pgid) continue;
      total += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // gone meanwhile
    }
  }
  return total / ticks;
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the command in its own process group (npm, its shell and the server are stopped together),
 * polls the health endpoint, and returns the seconds until it answered; then stops the group and waits
 * for every process in it to exit (PGlite must have closed the data directory before the next start).
 */
export async function timeStart(command, args, env, port, cwd = ROOT) {
  const started = performance.now();
  const child = spawn(command, args, {
    cwd,
    env: { ...embeddedEnv(), ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  let seconds = null;
  let cpuSeconds = null;
  try {
    while (!exited && performance.now() - started < HEALTH_TIMEOUT_MS) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) {
          seconds = (performance.now() - started) / 1000;
          cpuSeconds = groupCpuSeconds(child.pid);
          break;
        }
      } catch {
        // not listening yet
      }
      await sleep(20);
    }
    if (seconds === null) throw new Error(`${command} ${args.join(' ')} did not answer /api/health${exited ? ' (it exited)' : ''}:\n${stderr}`);
    // The page shell too: a start that serves the API without the web app is not a start.
    const page = await fetch(`http://127.0.0.1:${port}/`);
    if (!page.ok || !(page.headers.get('content-type') ?? '').startsWith('text/html')) throw new Error(`the web app is not served (${page.status})`);
    await page.arrayBuffer();
    return { seconds, cpuSeconds };
  } finally {
    if (groupAlive(child.pid)) process.kill(-child.pid, 'SIGTERM');
    const stopBy = performance.now() + STOP_TIMEOUT_MS;
    while (groupAlive(child.pid) && performance.now() < stopBy) await sleep(50);
    if (groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
    while (groupAlive(child.pid)) await sleep(50);
  }
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const r = (v) => Math.round(v * 100) / 100;
  return { runs: sorted.length, min: r(sorted[0]), median: r(median), max: r(sorted[sorted.length - 1]), all: values.map(r) };
}

function templateFiles() {
  const dir = path.join(ROOT, 'node_modules/.cache/sinergi');
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith('pglite-') && n.endsWith('.tar.gz')) : [];
}

export async function runStartupBench({ runs = 5, log = console.log } = {}) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const preparation = {};
  if (!existsSync(path.join(ROOT, 'dist/web/index.html'))) {
    log('[startup] building the web app first (not timed)…');
    const res = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (res.status !== 0) throw new Error('web build failed');
  }
  // The template as `npm ci` makes it; made again when the code changed since (another name).
  const t0 = performance.now();
  const res = spawnSync(process.execPath, ['scripts/prepare-db-template.mjs'], { cwd: ROOT, encoding: 'utf8', env: embeddedEnv() });
  preparation.templateSeconds = Math.round((performance.now() - t0) / 10) / 100;
  preparation.templates = templateFiles();
  log(`[startup] ${res.stdout.trim() || res.stderr.trim()}`);
  if (preparation.templates.length === 0) log('[startup] WARNING: no template; "first start" runs without one');

  const scenarios = {
    'first start': [],
    'first start, no template': [],
    restart: [],
    'restart, sinergi serve': [],
  };
  for (let i = 0; i < runs; i++) {
    for (const template of [true, false]) {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sinergi-startup-'));
      const env = { SINERGI_DATA_DIR: dataDir, ...(template ? {} : { SINERGI_DB_TEMPLATE: 'skip' }) };
      try {
        const first = await timeStart(npm, ['start', '--silent'], env, await freePort());
        scenarios[template ? 'first start' : 'first start, no template'].push(first);
        let line = `[startup] run ${i + 1}/${runs}: first start${template ? '' : ' (no template)'} ${show(first)}`;
        if (template) {
          const again = await timeStart(npm, ['start', '--silent'], env, await freePort());
          const serve = await timeStart(process.execPath, ['bin/sinergi.js', 'serve'], env, await freePort());
          scenarios.restart.push(again);
          scenarios['restart, sinergi serve'].push(serve);
          line += `, restart ${show(again)}, sinergi serve ${show(serve)}`;
        }
        log(line);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }
  const results = Object.fromEntries(
    Object.entries(scenarios).map(([name, values]) => {
      const cpu = values.map((v) => v.cpuSeconds).filter((v) => v !== null);
      return [name, { ...stats(values.map((v) => v.seconds)), cpuMedian: cpu.length ? stats(cpu).median : null }];
    }),
  );
  return { runs, preparation, results, table: startupTable(results) };
}

const show = ({ seconds, cpuSeconds }) => `${seconds.toFixed(2)} s${cpuSeconds === null ? '' : ` (cpu ${cpuSeconds.toFixed(2)})`}`;

export function startupTable(results) {
  const rows = [['start', 'runs', 'min s', 'median s', 'max s', 'cpu s (median)']];
  for (const [name, s] of Object.entries(results)) {
    rows.push([name, String(s.runs), s.min.toFixed(2), s.median.toFixed(2), s.max.toFixed(2), s.cpuMedian === null ? '-' : s.cpuMedian.toFixed(2)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')).join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runs = Number(process.argv[2] ?? 5);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('usage: node bench/startup.mjs [runs]');
    process.exit(2);
  }
  console.log(
    `Load average at start: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const summary = await runStartupBench({ runs });
  console.log(`\nStart-up: spawn to the first 200 of /api/health (PGlite, demo data), ${runs} runs\n${summary.table}`);
  console.log(`Template made by npm ci in ${summary.preparation.templateSeconds} s (this run; a no-op when it was already there).`);
}
