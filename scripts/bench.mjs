#!/usr/bin/env node
// Load benchmark (`npm run bench`): seeds a national-scale synthetic dataset, then measures, with
// autocannon on loopback, an authenticated list endpoint of the real app side by side with a bare
// node:http server running the same SQL on the same database (the ceiling). See bench/README.md.
//
//   node scripts/bench.mjs [--postgres] [--pglite] [--duration 10] [--warmup 3] [--connections 50]
//
// With neither --postgres nor --pglite both databases run, Postgres first. Postgres is DATABASE_URL when
// set (a throwaway database is created in it and dropped at the end: the role needs CREATEDB), otherwise
// a throwaway cluster this script starts and deletes (as the `postgres` user when run as root).
// The servers run in child processes; this process only generates load. Raw results go to bench/results/.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const ROOT = path.resolve(import.meta.dirname, '..');
const BENCH = path.join(ROOT, 'bench');

const { values: opts } = parseArgs({
  options: {
    postgres: { type: 'boolean', default: false },
    pglite: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  console.log('node scripts/bench.mjs [--postgres] [--pglite] [--duration s] [--warmup s] [--connections n]');
  process.exit(0);
}
const DURATION = Number(opts.duration);
const WARMUP = Number(opts.warmup);
const CONNECTIONS = Number(opts.connections);
for (const [name, v] of [['duration', DURATION], ['warmup', WARMUP], ['connections', CONNECTIONS]]) {
  if (!Number.isFinite(v) || v < 0 || (name !== 'warmup' && v <= 0)) throw new Error(`--${name}: not a valid number`);
}

// ---------------------------------------------------------------------------------------------------
// Clean-up: everything started registers how to stop it; run in reverse order, also on Ctrl-C.

const cleanups = [];
async function cleanupAll() {
  while (cleanups.length > 0) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (err) {
      console.error('clean-up:', err?.message ?? err);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping everything`);
    cleanupAll().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------------
// Child processes (TypeScript, run through tsx) that report on the IPC channel.

function startChild(file, env) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(BENCH, file)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const message = new Promise((resolve, reject) => {
    child.once('message', resolve);
    exited.then(({ code, signal }) => reject(new Error(`${file} exited (${signal ?? code}) before it was ready`)));
  });
  message.catch(() => {});
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
    await exited;
    clearTimeout(timer);
  };
  cleanups.push(stop);
  return {
    message,
    stop: async () => {
      await stop();
      const i = cleanups.indexOf(stop);
      if (i >= 0) cleanups.splice(i, 1);
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Databases

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

function findPgBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(path.join(base, v, 'bin/initdb'))) return path.join(base, v, 'bin');
  }
  return null;
}

async function serverVersion(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('show server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

/** A fresh database on DATABASE_URL's server, dropped at the end. */
async function throwawayDatabaseOn(serverUrl) {
  const name = `sinergi_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  cleanups.push(async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), where: `DATABASE_URL server, throwaway database ${name}` };
}

/** A throwaway cluster, as scripts/test-postgres.mjs starts it: free port, fsync off, deleted at the end. */
async function throwawayCluster(bin) {
  const isRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-pg-'));
  chmodSync(dir, 0o777);
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  const asPg = (cmd, args) =>
    isRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' });
  const port = await freePort();
  const data = path.join(dir, 'data');
  asPg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  asPg('pg_ctl', [
    '-D',
    data,
    '-w',
    '-l',
    path.join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    'start',
  ]);
  cleanups.push(async () => {
    try {
      asPg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // already stopped
    }
  });
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, where: `throwaway cluster on 127.0.0.1:${port} (fsync=off)` };
}

async function preparePostgres() {
  const target = process.env.DATABASE_URL ? await throwawayDatabaseOn(process.env.DATABASE_URL) : await throwawayCluster(findPgBin());
  const version = await serverVersion(target.url);
  return { env: { BENCH_DB: 'postgres', BENCH_DATABASE_URL: target.url }, label: `Postgres ${version}, ${target.where}`, version };
}

async function preparePglite() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-pglite-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return {
    env: { BENCH_DB: 'pglite', BENCH_PGLITE_DUMP: path.join(dir, 'dataset.tar') },
    label: 'PGlite in memory (each server loads its own copy of the seeded data directory)',
    version: null,
  };
}

// ---------------------------------------------------------------------------------------------------
// Load

async function login(base, { username, password }) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username}: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sinergi_session='));
  if (!cookie) throw new Error('login: no sinergi_session cookie');
  return cookie.slice('sinergi_session='.length).split(';')[0];
}

async function probe(url, cookie) {
  const res = await fetch(url, { headers: { cookie } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status} ${body}`);
  return JSON.parse(body);
}

function runAutocannon(options, onResponse) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
    if (onResponse) instance.on('response', onResponse);
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[i]);
}

const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A short warm-up (discarded), then the measured run; latencies of 2xx answers kept exactly for p95. */
async function measure(name, url, cookie) {
  const base = { url, connections: CONNECTIONS, headers: { cookie }, pipelining: 1 };
  if (WARMUP > 0) await runAutocannon({ ...base, duration: WARMUP });
  let latencies = new Float64Array(1 << 16);
  let n = 0;
  const result = await runAutocannon({ ...base, duration: DURATION }, (_client, statusCode, _bytes, ms) => {
    if (statusCode < 200 || statusCode > 299) return;
    if (n === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[n++] = ms;
  });
  const sorted = latencies.subarray(0, n).sort();
  const mean = n > 0 ? sorted.reduce((a, b) => a + b, 0) / n : 0;
  return {
    target: name,
    url,
    connections: CONNECTIONS,
    durationSeconds: result.duration,
    warmupSeconds: WARMUP,
    requests2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    reqPerSec: round(result.requests.average, 1),
    latencyMs: {
      mean: round(mean),
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: percentile(sorted, 100),
    },
    autocannon: {
      requests: result.requests,
      latency: result.latency,
      throughput: result.throughput,
      statusCodeStats: result.statusCodeStats,
    },
  };
}

async function benchDatabase(kind) {
  const db = kind === 'postgres' ? await preparePostgres() : await preparePglite();
  console.log(`\n[${kind}] ${db.label}`);

  const seeder = startChild('seed.ts', db.env);
  const { summary } = await seeder.message;
  await seeder.stop();
  console.log(`[${kind}] dataset: ${summary.regions} regions, ${summary.units} units, ${summary.users} users (${summary.seconds} s)`);
  const { regionCode } = summary.benchLogin;
  const urlPath = `/api/v1/regions/${regionCode}/units?page=1&pageSize=25`;

  // The real app: log in through the API, check the answer, then load it.
  const app = startChild('app-server.ts', db.env);
  const appBase = `http://127.0.0.1:${(await app.message).port}`;
  const token = await login(appBase, summary.benchLogin);
  const cookie = `sinergi_session=${token}`;
  const appBody = await probe(appBase + urlPath, cookie);
  console.log(`[${kind}] app: logged in as ${summary.benchLogin.username}; ${appBody.items.length} of ${appBody.total} units per page; loading…`);
  const appResult = await measure('app', appBase + urlPath, cookie);
  await app.stop();

  // The ceiling, on the same database and with the same session.
  const ceilingEnv = { ...db.env, BENCH_SESSION_TOKEN: token, BENCH_SESSION_USER: summary.benchLogin.username };
  const ceiling = startChild('ceiling-server.ts', ceilingEnv);
  const ceilingBase = `http://127.0.0.1:${(await ceiling.message).port}`;
  const ceilingBody = await probe(ceilingBase + urlPath, cookie);
  const sameAnswer = isDeepStrictEqual(appBody, ceilingBody);
  if (!sameAnswer) console.warn(`[${kind}] WARNING: the ceiling's answer differs from the app's`);
  console.log(`[${kind}] ceiling: same answer as the app: ${sameAnswer ? 'yes' : 'NO'}; loading…`);
  const ceilingResult = await measure('ceiling', ceilingBase + urlPath, cookie);
  await ceiling.stop();

  return { database: kind, label: db.label, serverVersion: db.version, dataset: summary, sameAnswer, targets: [appResult, ceilingResult] };
}

// ---------------------------------------------------------------------------------------------------
// Report

function table(runs) {
  const rows = [['database', 'target', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'requests', 'non-2xx/errors']];
  for (const run of runs) {
    const [app, ceiling] = run.targets;
    for (const t of run.targets) {
      rows.push([
        run.database,
        t.target === 'app' ? 'app (Fastify)' : 'ceiling (node:http)',
        t.reqPerSec.toFixed(0),
        String(t.latencyMs.p50),
        String(t.latencyMs.p95),
        String(t.latencyMs.p99),
        String(t.requests2xx),
        `${t.non2xx}/${t.errors + t.timeouts}`,
      ]);
    }
    const pct = (a, b) => (b > 0 ? `${Math.round((a / b) * 100)}%` : '-');
    const times = (a, b) => (a !== null && b ? `×${(a / b).toFixed(2)}` : '-');
    rows.push([
      run.database,
      'app vs ceiling',
      pct(app.reqPerSec, ceiling.reqPerSec),
      times(app.latencyMs.p50, ceiling.latencyMs.p50),
      times(app.latencyMs.p95, ceiling.latencyMs.p95),
      times(app.latencyMs.p99, ceiling.latencyMs.p99),
      '',
      '',
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')).join('\n');
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: os.availableParallelism(),
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    /** Other work on the machine skews the figures: the 1/5/15-minute load averages at the start. */
    loadAverage: os.loadavg().map((l) => round(l)),
  };
}

async function main() {
  let kinds = [opts.postgres && 'postgres', opts.pglite && 'pglite'].filter(Boolean);
  if (kinds.length === 0) kinds = ['postgres', 'pglite'];
  if (kinds.includes('postgres') && !process.env.DATABASE_URL && !findPgBin()) {
    if (opts.postgres) throw new Error('Postgres server binaries not found: install the Debian package postgresql, or set DATABASE_URL');
    console.warn('Postgres server binaries not found (install postgresql, or set DATABASE_URL): running on PGlite only.');
    kinds = kinds.filter((k) => k !== 'postgres');
  }
  const started = new Date();
  const host = machine();
  console.log(`Sinergi bench: ${CONNECTIONS} connections, ${DURATION} s per target after a ${WARMUP} s warm-up, on 127.0.0.1`);
  console.log(`Machine: ${host.cpus} CPUs (${host.cpuModel}), ${host.memoryGiB} GiB, Node ${host.node}, ${host.platform}`);
  console.log(`Load average at start: ${host.loadAverage.join(' ')} (other work on the machine skews the figures)`);

  const runs = [];
  for (const kind of kinds) {
    runs.push(await benchDatabase(kind));
    await cleanupAll(); // the database of this run: cluster stopped and deleted before the next
  }

  const report = table(runs);
  console.log(`\n${report}\n`);
  console.log('app vs ceiling: the app\'s req/s as a share of the ceiling\'s; latencies as multiples of the ceiling\'s.');
  console.log('Figures vary from run to run, more so when other work shares the machine.');

  const resultsDir = path.join(BENCH, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const file = path.join(resultsDir, `bench-${stamp}.json`);
  const json = {
    date: started.toISOString(),
    machine: host,
    options: { connections: CONNECTIONS, durationSeconds: DURATION, warmupSeconds: WARMUP },
    request: 'GET /api/v1/regions/:regionCode/units?page=1&pageSize=25 with a session cookie',
    runs,
    table: report,
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`Raw results: ${path.relative(ROOT, file)}`);
}

let status = 0;
try {
  await main();
} catch (err) {
  console.error(err?.stack ?? err);
  status = 1;
} finally {
  await cleanupAll();
}
process.exit(status);
