#!/usr/bin/env node
// Benchmarks (`npm run bench`), see bench/README.md. Three suites, all by default:
// - units:       seeds a national-scale synthetic dataset, then loads, with autocannon on loopback, the
//                authenticated unit list of the real app side by side with a bare node:http server running
//                the same SQL on the same database (the ceiling);
// - innovations: the same dataset plus five years of innovations (≈165,000); loads the real app's
//                innovation list and two public full-text searches, and the ceiling on the same SQL;
// - layanan:     the same dataset plus public services, ~460,000 survey answers and ~112,000 complaints;
//                loads the citizens' survey answer endpoint (app and ceiling, every acknowledged answer
//                counted in the database afterwards), the IKM results of a period with 100,000 answers,
//                the complaint inbox and the public complaint status page (Postgres only);
// - leaders:     (only when asked; Postgres) on the innovations and layanan datasets, what leaders and the
//                nation read: the region's dashboard, the OPD league table, the national ranking (roll-up)
//                and the public national page, each alone, in a closed loop and (with --rate) open loop;
// - scoring:     CPU only, no server: the scoring engine on every region's IID, SPBE and IKM inputs;
// - export:      (only when asked) one period with 200,000 innovations downloaded as streamed XLSX: total
//                time, first byte, the app's peak memory, the file read back and its rows counted;
// - startup:     time from spawning `npm start` (and `sinergi serve`) to /api/health answering, on a new
//                embedded data directory (with and without the template npm ci makes) and on a restart.
//
//   node scripts/bench.mjs [--suite units,innovations,layanan,scoring,startup] [--postgres] [--pglite] [--pglite-innovations]
//                          [--duration 10] [--warmup 3] [--connections 50] [--innovation-connections 10]
//                          [--rounds 5] [--startup-runs 5] [--rate 200]
//
// --rate N adds, after each closed-loop read run, an open-loop run at a steady N requests per second
// (all connections together): each request leaves at its scheduled time whether or not the earlier ones
// were answered, and its latency counts from that time. With closed-loop connections the latency is
// mostly the queue the connections themselves form; a steady arrival rate is how citizens and screens
// actually arrive, so the p95 targets are read there. The closed-loop runs still give the throughput.
//
// With neither --postgres nor --pglite the load suites run on both databases, Postgres first; the
// innovations suite runs on PGlite only with --pglite-innovations (its seeding alone takes minutes there;
// the flag does not choose the databases: `--pglite --pglite-innovations` for PGlite alone).
// Postgres is DATABASE_URL when set (a throwaway database is created in it and dropped at the end: the role
// needs CREATEDB), otherwise a throwaway cluster this script starts and deletes (as the `postgres` user when
// run as root). The servers run in child processes; this process only generates load. Raw results go to
// bench/results/.
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { runExportBench } from '../bench/export.mjs';
import { runStartupBench } from '../bench/startup.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const BENCH = path.join(ROOT, 'bench');

const SUITES = ['units', 'innovations', 'layanan', 'leaders', 'scoring', 'startup', 'export'];
/**
 * Run when no --suite is given; the export suite (200,000 innovations) and the leaders suite (the
 * innovations and layanan datasets together) run only when named.
 */
const DEFAULT_SUITES = SUITES.filter((s) => s !== 'export' && s !== 'leaders');
const USAGE = `node scripts/bench.mjs [--suite ${SUITES.join(',')}] [--postgres] [--pglite] [--pglite-innovations]
                      [--duration s] [--warmup s] [--connections n] [--innovation-connections n] [--rounds n]
                      [--startup-runs n] [--rate n] [--export-rows n] [--skm-answers n]`;

const { values: opts } = parseArgs({
  options: {
    suite: { type: 'string', default: DEFAULT_SUITES.join(',') },
    'export-rows': { type: 'string', default: '200000' },
    'skm-answers': { type: 'string', default: '300' },
    postgres: { type: 'boolean', default: false },
    pglite: { type: 'boolean', default: false },
    'pglite-innovations': { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    'innovation-connections': { type: 'string', default: '10' },
    rounds: { type: 'string', default: '5' },
    'startup-runs': { type: 'string', default: '5' },
    rate: { type: 'string', default: '0' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
function usageError(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}
const suites = new Set(
  opts.suite
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
for (const s of suites) if (!SUITES.includes(s)) usageError(`--suite: unknown suite "${s}"; known: ${SUITES.join(', ')}`);
if (suites.size === 0) usageError(`--suite: give one or more of ${SUITES.join(', ')}`);
const DURATION = Number(opts.duration);
const WARMUP = Number(opts.warmup);
const CONNECTIONS = Number(opts.connections);
const INNOVATION_CONNECTIONS = Number(opts['innovation-connections']);
const ROUNDS = Number(opts.rounds);
const STARTUP_RUNS = Number(opts['startup-runs']);
/** Requests per second of the open-loop runs; 0 leaves them out. */
const RATE = Number(opts.rate);
if (!Number.isFinite(RATE) || RATE < 0) usageError('--rate: requests per second, a number ≥ 0');
for (const [name, v] of [
  ['duration', DURATION],
  ['warmup', WARMUP],
  ['connections', CONNECTIONS],
  ['innovation-connections', INNOVATION_CONNECTIONS],
  ['rounds', ROUNDS],
  ['startup-runs', STARTUP_RUNS],
]) {
  if (!Number.isFinite(v) || v < 0 || (name !== 'warmup' && v <= 0)) usageError(`--${name}: not a valid number`);
}
if (!Number.isInteger(ROUNDS)) usageError('--rounds: a whole number');
const EXPORT_ROWS = Number(opts['export-rows']);
if (!Number.isInteger(EXPORT_ROWS) || EXPORT_ROWS < 1) usageError('--export-rows: a whole number ≥ 1');
/** Survey answers in each survey period of every region but the bench region (4,400 make the national ~5 million). */
const SKM_ANSWERS = Number(opts['skm-answers']);
if (!Number.isInteger(SKM_ANSWERS) || SKM_ANSWERS < 0) usageError('--skm-answers: a whole number ≥ 0');
if (!Number.isInteger(STARTUP_RUNS)) usageError('--startup-runs: a whole number');

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
    pid: child.pid,
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
  const postmasterPid = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, where: `throwaway cluster on 127.0.0.1:${port} (fsync=off)`, postmasterPid };
}

async function preparePostgres() {
  const target = process.env.DATABASE_URL ? await throwawayDatabaseOn(process.env.DATABASE_URL) : await throwawayCluster(findPgBin());
  const version = await serverVersion(target.url);
  return {
    env: { BENCH_DB: 'postgres', BENCH_DATABASE_URL: target.url },
    label: `Postgres ${version}, ${target.where}`,
    version,
    /** The cluster's postmaster, when this script started it: its CPU use is measured (suite layanan). */
    postmasterPid: target.postmasterPid ?? null,
  };
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
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
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

/**
 * Requests autocannon left in flight when it stopped are still being answered; one more request waits
 * behind them (the app's pool serves in order), so the next run starts on an idle server.
 */
async function drain(url, cookie) {
  await probe(url, cookie);
}

/** One request at a time: what a request costs on an idle server (median and max of `n`). */
async function serialLatency(url, cookie, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await probe(url, cookie);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { requests: n, p50: percentile(times, 50), max: percentile(times, 100) };
}

/**
 * Open loop: request i leaves at start + i / rate, whatever happened to the earlier ones, on a keep-alive
 * pool that opens a new connection whenever every open one is busy (so a slow server meets more
 * connections, as it would in production, instead of slowing the sender). Latency counts from the
 * scheduled time, so a late sender or a queue in front of the server is in the figure (no coordinated
 * omission); `sendLagMs` says how late the sender itself was, to tell a slow generator from a slow server.
 */
function openLoop(url, cookie, rate, seconds) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2000 });
  const total = Math.max(1, Math.round(rate * seconds));
  const interval = 1000 / rate;
  const latencies = new Float64Array(total);
  const counts = { ok: 0, non2xx: 0, errors: 0, done: 0 };
  let sendLagMax = 0;
  return new Promise((resolve) => {
    const start = performance.now();
    let next = 0;
    const settle = () => {
      if (++counts.done < total) return;
      agent.destroy();
      const elapsed = (performance.now() - start) / 1000;
      resolve({ latencies: latencies.subarray(0, counts.ok).sort(), ...counts, elapsed, sendLagMs: round(sendLagMax) });
    };
    const send = (scheduled) => {
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          headers: cookie ? { cookie } : {},
          timeout: 30_000,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode >= 200 && res.statusCode <= 299) latencies[counts.ok++] = performance.now() - scheduled;
            else counts.non2xx++;
            settle();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        counts.errors++;
        settle();
      });
      req.end();
    };
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) {
        const scheduled = start + next * interval;
        sendLagMax = Math.max(sendLagMax, now - scheduled);
        send(scheduled);
        next++;
      }
      if (next < total) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    tick();
  });
}

/** The open-loop run of a read at `RATE` requests per second: a short warm-up at the same rate, then the measured run. */
async function measureOpenLoop(url, cookie) {
  if (WARMUP > 0) await openLoop(url, cookie, RATE, Math.min(WARMUP, 2));
  const r = await openLoop(url, cookie, RATE, DURATION);
  const p95 = percentile(r.latencies, 95);
  return {
    rate: RATE,
    sent: r.done,
    achievedPerSec: round(r.ok / r.elapsed, 1),
    requests2xx: r.ok,
    non2xx: r.non2xx,
    errors: r.errors,
    sendLagMs: r.sendLagMs,
    latencyMs: { p50: percentile(r.latencies, 50), p95, p99: percentile(r.latencies, 99), max: percentile(r.latencies, 100) },
    p95Under50: p95 !== null && p95 < 50 && r.non2xx === 0 && r.errors === 0,
  };
}

/** A short warm-up (discarded), then the measured run; latencies of 2xx answers kept exactly for p95. */
async function measure(name, url, cookie, connections = CONNECTIONS, hooks = null, openLoopAllowed = true) {
  const base = { url, connections, headers: cookie ? { cookie } : {}, pipelining: 1, timeout: 30 };
  if (WARMUP > 0) {
    await runAutocannon({ ...base, duration: WARMUP });
    await drain(url, cookie);
  }
  let latencies = new Float64Array(1 << 16);
  let n = 0;
  hooks?.before();
  const result = await runAutocannon({ ...base, duration: DURATION }, (_client, statusCode, _bytes, ms) => {
    if (statusCode < 200 || statusCode > 299) return;
    if (n === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[n++] = ms;
  });
  hooks?.after();
  await drain(url, cookie);
  // After the closed-loop figures (and outside the CPU hooks, which divide by the closed-loop requests).
  const allowed = typeof openLoopAllowed === 'function' ? openLoopAllowed(result) : openLoopAllowed;
  const openLoopResult = RATE > 0 && allowed ? await measureOpenLoop(url, cookie) : null;
  if (openLoopResult) await drain(url, cookie);
  const sorted = latencies.subarray(0, n).sort();
  const mean = n > 0 ? sorted.reduce((a, b) => a + b, 0) / n : 0;
  return {
    target: name,
    url,
    connections,
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
    openLoop: openLoopResult,
  };
}

/** Suite "units": the unit list of the app, then of the ceiling, on the same database and session. */
async function benchUnits(kind, db, summary) {
  const { regionCode } = summary.benchLogin;
  const urlPath = `/api/v1/regions/${regionCode}/units?page=1&pageSize=25`;

  // The real app: log in through the API, check the answer, then load it.
  const app = startChild('app-server.ts', db.env);
  const appBase = `http://127.0.0.1:${(await app.message).port}`;
  const token = await login(appBase, summary.benchLogin);
  const cookie = `sinergi_session=${token}`;
  const appBody = await probe(appBase + urlPath, cookie);
  console.log(
    `[${kind}] units, app: logged in as ${summary.benchLogin.username}; ${appBody.items.length} of ${appBody.total} units per page; loading…`,
  );
  const appResult = await measure('app', appBase + urlPath, cookie);
  await app.stop();

  // The ceiling, on the same database and with the same session.
  const ceilingEnv = { ...db.env, BENCH_SESSION_TOKEN: token, BENCH_SESSION_USER: summary.benchLogin.username };
  const ceiling = startChild('ceiling-server.ts', ceilingEnv);
  const ceilingBase = `http://127.0.0.1:${(await ceiling.message).port}`;
  const ceilingBody = await probe(ceilingBase + urlPath, cookie);
  const sameAnswer = isDeepStrictEqual(appBody, ceilingBody);
  if (!sameAnswer) console.warn(`[${kind}] WARNING: the ceiling's answer differs from the app's`);
  console.log(`[${kind}] units, ceiling: same answer as the app: ${sameAnswer ? 'yes' : 'NO'}; loading…`);
  const ceilingResult = await measure('ceiling', ceilingBase + urlPath, cookie);
  await ceiling.stop();
  return { sameAnswer, targets: [appResult, ceilingResult] };
}

const SERIAL_REQUESTS = 10;

/**
 * Suite "innovations": the region's innovation list for the current period (as its admin), and the
 * public catalogue's full-text search, anonymous, for one year and across all years and regions; on the
 * app, then on the ceiling (same SQL, no framework). Each endpoint: its answer checked (the ceiling's must
 * equal the app's), SERIAL_REQUESTS requests one at a time on the idle server, then the load.
 */
async function benchInnovations(kind, db, summary) {
  const { regionCode } = summary.benchLogin;
  const period = summary.innovations.benchPeriod;
  const endpoints = [
    { endpoint: 'innovation list', path: `/api/v1/regions/${regionCode}/innovations?periodId=${period.id}&page=1&pageSize=25`, auth: true },
    { endpoint: 'search "layanan" 2026', path: '/api/v1/public/innovations?q=layanan&year=2026', auth: false },
    { endpoint: 'search "pelayanan kesehatan"', path: '/api/v1/public/innovations?q=pelayanan%20kesehatan', auth: false },
  ];
  const loadAll = async (target, base, cookie, bodies) => {
    const out = [];
    for (const e of endpoints) {
      const url = base + e.path;
      const withCookie = e.auth ? cookie : null;
      const body = await probe(url, withCookie);
      let sameAnswer = null;
      if (bodies.has(e.endpoint)) {
        sameAnswer = isDeepStrictEqual(bodies.get(e.endpoint), body);
        if (!sameAnswer) console.warn(`[${kind}] WARNING: ${e.endpoint}: the ceiling's answer differs from the app's`);
      } else bodies.set(e.endpoint, body);
      const serial = await serialLatency(url, withCookie, SERIAL_REQUESTS);
      console.log(
        `[${kind}] ${e.endpoint}, ${target}: ${body.items.length} of ${body.total} per page${sameAnswer === null ? '' : `, same answer as the app: ${sameAnswer ? 'yes' : 'NO'}`}; alone p50 ${serial.p50} ms; loading…`,
      );
      const result = await measure(target, url, withCookie, INNOVATION_CONNECTIONS);
      out.push({
        ...result,
        endpoint: e.endpoint,
        path: e.path,
        anonymous: !e.auth,
        itemsPerPage: body.items.length,
        total: body.total,
        serialMs: serial,
        sameAnswer,
      });
    }
    return out;
  };

  const bodies = new Map();
  const app = startChild('app-server.ts', db.env);
  const appBase = `http://127.0.0.1:${(await app.message).port}`;
  const token = await login(appBase, summary.benchLogin);
  const cookie = `sinergi_session=${token}`;
  const appTargets = await loadAll('app', appBase, cookie, bodies);
  await app.stop();

  const ceilingEnv = { ...db.env, BENCH_SESSION_TOKEN: token, BENCH_SESSION_USER: summary.benchLogin.username };
  const ceiling = startChild('ceiling-server.ts', ceilingEnv);
  const ceilingBase = `http://127.0.0.1:${(await ceiling.message).port}`;
  const ceilingTargets = await loadAll('ceiling', ceilingBase, cookie, bodies);
  await ceiling.stop();
  return { sameAnswer: ceilingTargets.every((t) => t.sameAnswer), targets: [...appTargets, ...ceilingTargets] };
}

// ---------------------------------------------------------------------------------------------------
// Suite layanan: citizens' survey answers written through the public endpoint, and three reads

const LAYANAN_TARGETS = { ingestPerSecond: 1000, ingestShareOfCeiling: 0.6, p95Ms: 50 };
const GENDERS = ['laki_laki', 'perempuan'];
const AGE_GROUPS = ['<20', '20-29', '30-39', '40-49', '50-59', '60+'];
const EDUCATIONS = ['sd', 'smp', 'sma', 'diploma', 's1', 's2_s3'];
const OCCUPATIONS = ['pns_tni_polri', 'pegawai_swasta', 'wiraswasta', 'pelajar_mahasiswa', 'petani_nelayan', 'ibu_rumah_tangga', 'lainnya'];
const SUGGESTIONS = ['Antrean lebih cepat dari bulan lalu.', 'Petugas ramah.', 'Mohon tambah kursi di ruang tunggu.'];

/** Yesterday in Indonesia (WIB), a service date every open period of the current year accepts. */
function yesterdayInIndonesia() {
  return new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
}

/** The body a phone or kiosk sends for the i-th answer: nine answers, a profile, sometimes a suggestion. */
function answerBody(i, run, serviceDate) {
  let x = (i * 2_654_435_761 + 12_345) >>> 0;
  const next = (n) => {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    return (x >>> 8) % n;
  };
  const answers = {};
  for (let k = 1; k <= 9; k++) answers[`U${k}`] = 1 + Math.min(3, next(5));
  return {
    answers,
    respondent: {
      gender: GENDERS[next(2)],
      ageGroup: AGE_GROUPS[next(AGE_GROUPS.length)],
      education: EDUCATIONS[next(EDUCATIONS.length)],
      occupation: OCCUPATIONS[next(OCCUPATIONS.length)],
      vulnerable: 'tidak',
      serviceDate,
    },
    ...(next(4) === 0 ? { suggestion: SUGGESTIONS[next(SUGGESTIONS.length)] } : {}),
    channel: next(3) === 0 ? 'kiosk' : 'tautan',
    deviceId: `bench-device-${run}-${i}`,
    website: '',
  };
}

/**
 * CPU milliseconds (user + system, every thread) used so far by a process, or by a Postgres cluster: its
 * postmaster with the backends it has reaped, plus its live backends (Linux /proc; null elsewhere). Less
 * sensitive than throughput to other work sharing the machine.
 */
function cpuMs({ pid = null, postmasterPid = null }) {
  if (process.platform !== 'linux' || (pid === null && postmasterPid === null)) return null;
  let ticks = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const id = Number(name);
    try {
      // Fields after the command name: state ppid … utime(14) stime(15) cutime(16) cstime(17).
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ');
      const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
      if (id === pid) ticks += utime + stime;
      else if (id === postmasterPid) ticks += utime + stime + cutime + cstime;
      else if (postmasterPid !== null && Number(fields[1]) === postmasterPid) ticks += utime + stime;
    } catch {
      // gone meanwhile
    }
  }
  return ticks * 10; // USER_HZ = 100 on Linux
}

async function withPg(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const answersIn = async (client, periodId) =>
  (await client.query('select count(*)::int as n from skm_responses where period_id = $1', [periodId])).rows[0].n;

/** The answers of the period once nothing is being written any more (requests cut off by a stopped load still land). */
async function settledAnswers(client, periodId) {
  let previous = await answersIn(client, periodId);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const n = await answersIn(client, periodId);
    if (n === previous) return n;
    previous = n;
  }
}

/** How many of these answer ids are in the database. */
async function storedOf(client, ids) {
  let found = 0;
  for (let i = 0; i < ids.length; i += 10_000) {
    const chunk = ids.slice(i, i + 10_000);
    found += (await client.query('select count(*)::int as n from skm_responses where id = any($1::uuid[])', [chunk])).rows[0].n;
  }
  return found;
}

/**
 * Survey answers posted to one server: each request a new answer (its own Idempotency-Key and device
 * id), spread over the bench region's services. A warm-up of WARMUP seconds, then a measured run of a
 * fixed number of answers (the warm-up's best second × DURATION, so it lasts about DURATION seconds): with a
 * fixed number autocannon waits for every answer, and none is cut off in flight. The period's answers
 * are counted before and after the measured run (once writes have settled): every 201 must be in the
 * database, and nothing else.
 */
async function measureIngest(target, base, layanan, pgUrl, processes) {
  const { benchServiceIds: serviceIds, benchPeriod } = layanan;
  const run = `${target}-${Date.now().toString(36)}`;
  const serviceDate = yesterdayInIndonesia();
  let seq = 0;
  const acked = [];
  const statuses = {};
  const requests = [
    {
      method: 'POST',
      setupRequest: (req) => {
        const i = seq++;
        return {
          ...req,
          path: `/api/v1/public/services/${serviceIds[i % serviceIds.length]}/skm-responses`,
          headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${run}-${i}` },
          body: JSON.stringify(answerBody(i, run, serviceDate)),
        };
      },
      onResponse: (status, body) => {
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === 201) acked.push(JSON.parse(body).id);
      },
    },
  ];
  const common = { url: base, connections: CONNECTIONS, pipelining: 1, timeout: 30, requests };
  return withPg(pgUrl, async (client) => {
    let warmupRate = null;
    if (WARMUP > 0) {
      const warm = await runAutocannon({ ...common, duration: WARMUP });
      // The best second of the warm-up: its first second runs on a cold server (JIT, first connections).
      warmupRate = warm.requests.max;
    }
    const warmupAcked = acked.length;
    const warmupStatuses = { ...statuses };
    const before = await settledAnswers(client, benchPeriod.id);
    for (const k of Object.keys(statuses)) delete statuses[k];
    const amount = Math.max(CONNECTIONS * 20, Math.round((warmupRate ?? 1000) * DURATION));

    let latencies = new Float64Array(1 << 16);
    let n = 0;
    const cpuBefore = {
      server: cpuMs({ pid: processes.serverPid }),
      postgres: cpuMs({ postmasterPid: processes.postmasterPid }),
      load: process.cpuUsage(),
    };
    const started = performance.now();
    const result = await runAutocannon({ ...common, amount }, (_client, statusCode, _bytes, ms) => {
      if (statusCode < 200 || statusCode > 299) return;
      if (n === latencies.length) {
        const bigger = new Float64Array(latencies.length * 2);
        bigger.set(latencies);
        latencies = bigger;
      }
      latencies[n++] = ms;
    });
    const seconds = (performance.now() - started) / 1000;
    const loadCpu = process.cpuUsage(cpuBefore.load);
    const serverCpu = cpuMs({ pid: processes.serverPid });
    const postgresCpu = cpuMs({ postmasterPid: processes.postmasterPid });
    const after = await settledAnswers(client, benchPeriod.id);
    const measuredAcked = acked.slice(warmupAcked);
    const ackedStored = await storedOf(client, acked);
    const sorted = latencies.subarray(0, n).sort();
    const mean = n > 0 ? sorted.reduce((a, b) => a + b, 0) / n : 0;
    const check = {
      acknowledged: measuredAcked.length,
      distinctIds: new Set(measuredAcked).size,
      stored: after - before,
      /** Every answer acknowledged with 201, warm-up included, looked up by its id. */
      acknowledgedAll: acked.length,
      acknowledgedFound: ackedStored,
    };
    check.ok = check.acknowledged === check.stored && check.distinctIds === check.acknowledged && check.acknowledgedFound === check.acknowledgedAll;
    const perAnswer = (ms) => (ms === null || check.acknowledged === 0 ? null : round(ms / check.acknowledged, 3));
    const cpuPerAnswerMs = {
      server: perAnswer(serverCpu === null || cpuBefore.server === null ? null : serverCpu - cpuBefore.server),
      postgres: perAnswer(postgresCpu === null || cpuBefore.postgres === null ? null : postgresCpu - cpuBefore.postgres),
      loadGenerator: perAnswer((loadCpu.user + loadCpu.system) / 1000),
    };
    // What two cores given to the server and Postgres alone would carry, from their CPU per answer.
    const twoCoreCapacity =
      cpuPerAnswerMs.server !== null && cpuPerAnswerMs.postgres !== null
        ? Math.round(2000 / (cpuPerAnswerMs.server + cpuPerAnswerMs.postgres))
        : null;
    return {
      target,
      path: '/api/v1/public/services/:id/skm-responses',
      services: serviceIds.length,
      connections: CONNECTIONS,
      warmupSeconds: WARMUP,
      warmupAnswers: warmupAcked,
      warmupStatuses,
      requestsPlanned: amount,
      durationSeconds: round(seconds),
      requests2xx: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      statuses: { ...statuses },
      reqPerSec: round(result.requests.average, 1),
      answersPerSec: round(check.acknowledged / seconds, 1),
      cpuPerAnswerMs,
      twoCoreCapacity,
      latencyMs: {
        mean: round(mean),
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        max: percentile(sorted, 100),
      },
      check,
      autocannon: { requests: result.requests, latency: result.latency, throughput: result.throughput, statusCodeStats: result.statusCodeStats },
    };
  });
}

/**
 * Suite "layanan" (Postgres): first the reads on the seeded data (the IKM results of the bench
 * region's current period with its 100,000 answers, the complaint inbox, the public status page), on
 * the app; then the survey answer endpoint, on the app and on the ceiling (the same statements, no
 * framework). Then the period's tallies must still add up to its answers.
 */
async function benchLayanan(kind, db, summary) {
  const { regionCode } = summary.benchLogin;
  const lay = summary.layanan;
  const reads = [
    {
      endpoint: 'IKM results',
      path: `/api/v1/regions/${regionCode}/skm-periods/${lay.benchPeriod.id}/results`,
      auth: true,
      size: (b) => `${b.region?.responses ?? 0} answers, ${b.services.length} services`,
    },
    {
      endpoint: 'complaint inbox',
      path: `/api/v1/regions/${regionCode}/complaints?page=1&pageSize=25`,
      auth: true,
      size: (b) => `${b.items.length} of ${b.total}`,
    },
    {
      endpoint: 'complaint status page',
      path: `/api/v1/public/complaints/${lay.trackingCode}`,
      auth: false,
      size: (b) => `${b.history.length} steps`,
    },
  ];
  const failures = [];
  const app = startChild('app-server.ts', { ...db.env, SINERGI_PUBLIC_WRITES_PER_MINUTE: '100000' });
  const appBase = `http://127.0.0.1:${(await app.message).port}`;
  const token = await login(appBase, summary.benchLogin);
  const cookie = `sinergi_session=${token}`;
  const readTargets = [];
  for (const e of reads) {
    const url = appBase + e.path;
    const withCookie = e.auth ? cookie : null;
    const body = await probe(url, withCookie);
    const serial = await serialLatency(url, withCookie, SERIAL_REQUESTS);
    console.log(`[${kind}] ${e.endpoint}, app: ${e.size(body)}; alone p50 ${serial.p50} ms; loading…`);
    // CPU of the server and Postgres during the measured run (requests still in flight at its end included).
    let cpuBefore = null;
    let cpuAfter = null;
    const snapshot = () => ({ server: cpuMs({ pid: app.pid }), postgres: cpuMs({ postmasterPid: db.postmasterPid }) });
    const result = await measure('app', url, withCookie, CONNECTIONS, {
      before: () => (cpuBefore = snapshot()),
      after: () => (cpuAfter = snapshot()),
    });
    const perRequest = (key) =>
      cpuBefore?.[key] == null || cpuAfter?.[key] == null || result.requests2xx === 0
        ? null
        : round((cpuAfter[key] - cpuBefore[key]) / result.requests2xx, 3);
    result.cpuPerRequestMs = { server: perRequest('server'), postgres: perRequest('postgres') };
    const meets = result.latencyMs.p95 !== null && result.latencyMs.p95 < LAYANAN_TARGETS.p95Ms && result.non2xx === 0;
    readTargets.push({ ...result, endpoint: e.endpoint, path: e.path, anonymous: !e.auth, size: e.size(body), serialMs: serial, meetsTarget: meets });
  }

  console.log(`[${kind}] survey answers, app: ${lay.benchServiceIds.length} services of ${regionCode}, period ${lay.benchPeriod.year}; loading…`);
  const ingestApp = await measureIngest('app', appBase, lay, db.env.BENCH_DATABASE_URL, { serverPid: app.pid, postmasterPid: db.postmasterPid });
  await app.stop();
  console.log(`[${kind}] survey answers, ceiling: loading…`);
  const ceiling = startChild('ceiling-server.ts', db.env);
  const ceilingBase = `http://127.0.0.1:${(await ceiling.message).port}`;
  const ingestCeiling = await measureIngest('ceiling', ceilingBase, lay, db.env.BENCH_DATABASE_URL, {
    serverPid: ceiling.pid,
    postmasterPid: db.postmasterPid,
  });
  await ceiling.stop();

  const tallies = await withPg(db.env.BENCH_DATABASE_URL, async (client) => {
    const { rows } = await client.query(
      'select (select count(*) from skm_responses where period_id = $1)::int as answers, (select coalesce(sum(responses), 0) from skm_tallies where period_id = $1)::int as tallied',
      [lay.benchPeriod.id],
    );
    return rows[0];
  });
  for (const t of [ingestApp, ingestCeiling]) {
    const c = t.check;
    console.log(
      `[${kind}] survey answers, ${t.target}: acknowledged ${c.acknowledged}, stored ${c.stored}; all ${c.acknowledgedAll} acknowledged (warm-up included) found by id: ${c.acknowledgedFound}`,
    );
    if (!c.ok)
      failures.push(
        `${t.target}: acknowledged ${c.acknowledged} (distinct ${c.distinctIds}), stored ${c.stored}, found by id ${c.acknowledgedFound} of ${c.acknowledgedAll}`,
      );
  }
  console.log(`[${kind}] period ${lay.benchPeriod.year} of ${regionCode}: ${tallies.answers} answers, tallies add up to ${tallies.tallied}`);
  if (tallies.answers !== tallies.tallied) failures.push(`tallies add up to ${tallies.tallied}, the period holds ${tallies.answers} answers`);
  const share = ingestCeiling.answersPerSec > 0 ? ingestApp.answersPerSec / ingestCeiling.answersPerSec : 0;
  return {
    targets: LAYANAN_TARGETS,
    reads: readTargets,
    ingest: [ingestApp, ingestCeiling],
    ingestShareOfCeiling: round(share, 3),
    ingestMeetsTarget: ingestApp.answersPerSec >= LAYANAN_TARGETS.ingestPerSecond && share >= LAYANAN_TARGETS.ingestShareOfCeiling,
    tallies,
    failures,
  };
}

// ---------------------------------------------------------------------------------------------------
// Suite leaders: the region's dashboard, the OPD league table, the national ranking and the public
// national page, on the innovations and layanan datasets together

const LEADERS_CONNECTIONS = 10;
const LEADERS_P95_MS = 50;

/**
 * Each read as the one who opens it (the region's admin, a national admin, or nobody), its answer
 * checked, alone, in a closed loop of LEADERS_CONNECTIONS, and at --rate when the closed loop served at
 * least that rate: below it an open loop only grows a queue for the whole run (its requests time out),
 * so that run is left out and the table says why.
 */
async function benchLeaders(kind, db, summary) {
  const { regionCode } = summary.benchLogin;
  const year = summary.innovations.benchPeriod.year;
  const reads = [
    {
      endpoint: 'region dashboard',
      path: `/api/v1/regions/${regionCode}/dashboard?year=${year}`,
      as: 'region',
      size: (b) => `${b.innovations.proposed} proposed, ${b.innovations.units} units`,
    },
    {
      endpoint: 'OPD league table',
      path: `/api/v1/regions/${regionCode}/league?year=${year}`,
      as: 'region',
      size: (b) => `${b.rows.length} units`,
    },
    {
      endpoint: 'national ranking',
      path: `/api/v1/national/rollup?year=${year}&page=1&pageSize=25`,
      as: 'national',
      size: (b) => `${b.items.length} of ${b.total} regions`,
    },
    {
      endpoint: 'public national page',
      path: `/api/v1/public/national?year=${year}`,
      as: null,
      size: (b) => `${b.items.length} regions publishing`,
    },
  ];
  const app = startChild('app-server.ts', db.env);
  const appBase = `http://127.0.0.1:${(await app.message).port}`;
  const cookies = {
    region: `sinergi_session=${await login(appBase, summary.benchLogin)}`,
    national: `sinergi_session=${await login(appBase, { username: 'nasional.1', password: summary.benchLogin.password })}`,
  };
  const targets = [];
  for (const e of reads) {
    const url = appBase + e.path;
    const cookie = e.as ? cookies[e.as] : null;
    const body = await probe(url, cookie);
    const serial = await serialLatency(url, cookie, SERIAL_REQUESTS);
    console.log(`[${kind}] ${e.endpoint}, app: ${e.size(body)}; alone p50 ${serial.p50} ms; loading…`);
    let servable = true;
    let cpuBefore = null;
    let cpuAfter = null;
    const snapshot = () => ({ server: cpuMs({ pid: app.pid }), postgres: cpuMs({ postmasterPid: db.postmasterPid }) });
    const result = await measure(
      'app',
      url,
      cookie,
      LEADERS_CONNECTIONS,
      { before: () => (cpuBefore = snapshot()), after: () => (cpuAfter = snapshot()) },
      (closed) => {
        servable = closed.requests.average >= RATE;
        if (RATE > 0 && !servable)
          console.log(`[${kind}] ${e.endpoint}: no open loop (the closed loop served ${round(closed.requests.average, 1)}/s)`);
        return servable;
      },
    );
    const perRequest = (key) =>
      cpuBefore?.[key] == null || cpuAfter?.[key] == null || result.requests2xx === 0
        ? null
        : round((cpuAfter[key] - cpuBefore[key]) / result.requests2xx, 3);
    result.cpuPerRequestMs = { server: perRequest('server'), postgres: perRequest('postgres') };
    const p95 = result.openLoop?.latencyMs.p95 ?? null;
    targets.push({
      ...result,
      endpoint: e.endpoint,
      path: e.path,
      as: e.as ?? 'anonymous',
      size: e.size(body),
      serialMs: serial,
      openLoopSkipped: RATE > 0 && !servable,
      meetsTarget: p95 !== null && p95 < LEADERS_P95_MS && result.openLoop.non2xx === 0 && result.openLoop.errors === 0,
    });
  }
  await app.stop();
  return { targets };
}

function leadersTable(runs) {
  const rows = [
    [
      'database',
      'endpoint',
      'answer',
      'alone ms',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'requests',
      'non-2xx/errors',
      'CPU ms/req server+pg',
      ...openHeader(),
    ],
  ];
  for (const run of runs) {
    if (!run.leaders) continue;
    for (const t of run.leaders.targets) {
      rows.push([
        run.database,
        t.endpoint,
        t.size,
        String(t.serialMs.p50),
        t.reqPerSec.toFixed(1),
        String(t.latencyMs.p50),
        String(t.latencyMs.p95),
        String(t.latencyMs.p99),
        String(t.requests2xx),
        `${t.non2xx}/${t.errors + t.timeouts}`,
        t.cpuPerRequestMs.server === null ? '-' : `${t.cpuPerRequestMs.server.toFixed(2)}+${t.cpuPerRequestMs.postgres?.toFixed(2) ?? '?'}`,
        ...(t.openLoopSkipped ? [`not run (< ${RATE}/s)`, ''] : openCells(t)),
      ]);
    }
  }
  return formatTable(rows, 3);
}

async function benchDatabase(kind, withInnovations, withLayanan, withLeaders = false) {
  const db = kind === 'postgres' ? await preparePostgres() : await preparePglite();
  console.log(`\n[${kind}] ${db.label}`);

  const seeder = startChild('seed.ts', {
    ...db.env,
    BENCH_INNOVATIONS: withInnovations ? '1' : '0',
    BENCH_LAYANAN: withLayanan ? '1' : '0',
    BENCH_SKM_ANSWERS: String(SKM_ANSWERS),
    BENCH_PUBLICATIONS: withLeaders ? '1' : '0',
  });
  const { summary } = await seeder.message;
  await seeder.stop();
  console.log(`[${kind}] dataset: ${summary.regions} regions, ${summary.units} units, ${summary.users} users (${summary.seconds} s)`);
  if (summary.innovations) {
    const inv = summary.innovations;
    console.log(
      `[${kind}] innovations: ${inv.periods} periods, ${inv.innovations} innovations (${inv.published} verified, ${inv.carriedOver} carried over) in ${inv.seconds} s`,
    );
  }
  if (summary.layanan) {
    const lay = summary.layanan;
    console.log(
      `[${kind}] layanan: ${lay.services} services, ${lay.answers} survey answers (${lay.benchPeriod.answers} in ${summary.benchLogin.regionCode}'s ${lay.benchPeriod.year} period), ${lay.complaints} complaints (${lay.benchRegionComplaints} in ${summary.benchLogin.regionCode}), ${lay.complaintEvents} complaint events in ${lay.seconds} s`,
    );
  }

  if (summary.publishing !== undefined) console.log(`[${kind}] national page: ${summary.publishing} regions publish their figures`);

  const run = { database: kind, label: db.label, serverVersion: db.version, dataset: summary };
  if (suites.has('units')) run.units = await benchUnits(kind, db, summary);
  // The datasets may be seeded for the leaders suite alone: each suite runs only when asked.
  if (withInnovations && suites.has('innovations')) run.innovations = await benchInnovations(kind, db, summary);
  if (withLayanan && suites.has('layanan')) run.layanan = await benchLayanan(kind, db, summary);
  if (withLeaders) run.leaders = await benchLeaders(kind, db, summary);
  return run;
}

// ---------------------------------------------------------------------------------------------------
// Report

function formatTable(rows, leftColumns) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i < leftColumns ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The open-loop columns of a read's row when `--rate` is given: its p95 at that rate, and whether it is under 50 ms. */
const openHeader = () => (RATE > 0 ? [`p95 ms @${RATE}/s`, 'sent/2xx/late ms'] : []);
function openCells(t) {
  if (!(RATE > 0)) return [];
  const o = t?.openLoop;
  if (!o) return ['-', '-'];
  return [`${o.latencyMs.p95 ?? '-'}${o.p95Under50 ? '' : ' !'}`, `${o.sent}/${o.requests2xx}/${o.sendLagMs}`];
}
const openBlank = () => (RATE > 0 ? ['', ''] : []);

function unitsTable(runs) {
  const rows = [['database', 'target', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'requests', 'non-2xx/errors', ...openHeader()]];
  for (const run of runs) {
    if (!run.units) continue;
    const [app, ceiling] = run.units.targets;
    for (const t of run.units.targets) {
      rows.push([
        run.database,
        t.target === 'app' ? 'app (Fastify)' : 'ceiling (node:http)',
        t.reqPerSec.toFixed(0),
        String(t.latencyMs.p50),
        String(t.latencyMs.p95),
        String(t.latencyMs.p99),
        String(t.requests2xx),
        `${t.non2xx}/${t.errors + t.timeouts}`,
        ...openCells(t),
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
      ...openBlank(),
    ]);
  }
  return formatTable(rows, 2);
}

function innovationsTable(runs) {
  const rows = [
    ['database', 'endpoint', 'target', 'matches', 'alone ms', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'requests', 'non-2xx/errors', ...openHeader()],
  ];
  for (const run of runs) {
    if (!run.innovations) continue;
    const { targets } = run.innovations;
    const endpoints = [...new Set(targets.map((t) => t.endpoint))];
    for (const endpoint of endpoints) {
      const app = targets.find((t) => t.endpoint === endpoint && t.target === 'app');
      const ceiling = targets.find((t) => t.endpoint === endpoint && t.target === 'ceiling');
      for (const t of [app, ceiling].filter(Boolean)) {
        rows.push([
          run.database,
          endpoint,
          t.target === 'app' ? 'app' : 'ceiling',
          String(t.total),
          String(t.serialMs.p50),
          t.reqPerSec.toFixed(t.reqPerSec < 100 ? 1 : 0),
          String(t.latencyMs.p50),
          String(t.latencyMs.p95),
          String(t.latencyMs.p99),
          String(t.requests2xx),
          `${t.non2xx}/${t.errors + t.timeouts}`,
          ...openCells(t),
        ]);
      }
      if (app && ceiling) {
        const pct = ceiling.reqPerSec > 0 ? `${Math.round((app.reqPerSec / ceiling.reqPerSec) * 100)}%` : '-';
        const times = (a, b) => (a !== null && b ? `×${(a / b).toFixed(2)}` : '-');
        rows.push([
          run.database,
          endpoint,
          'app vs ceiling',
          '',
          times(app.serialMs.p50, ceiling.serialMs.p50),
          pct,
          times(app.latencyMs.p50, ceiling.latencyMs.p50),
          times(app.latencyMs.p95, ceiling.latencyMs.p95),
          times(app.latencyMs.p99, ceiling.latencyMs.p99),
          '',
          '',
          ...openBlank(),
        ]);
      }
    }
  }
  return formatTable(rows, 3);
}

function layananTables(runs) {
  const ingest = [
    [
      'database',
      'target',
      'answers/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'acknowledged',
      'stored',
      'non-2xx/errors',
      'CPU ms/answer server+pg',
      '2-core capacity/s',
    ],
  ];
  const reads = [
    [
      'database',
      'endpoint',
      'answer',
      'alone ms',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'requests',
      'non-2xx/errors',
      'CPU ms/req server+pg',
      'p95 < 50 ms',
      ...openHeader(),
    ],
  ];
  for (const run of runs) {
    if (!run.layanan) continue;
    const [app, ceiling] = run.layanan.ingest;
    for (const t of run.layanan.ingest) {
      ingest.push([
        run.database,
        t.target === 'app' ? 'app (Fastify)' : 'ceiling (node:http)',
        t.answersPerSec.toFixed(0),
        String(t.latencyMs.p50),
        String(t.latencyMs.p95),
        String(t.latencyMs.p99),
        String(t.check.acknowledged),
        String(t.check.stored),
        `${t.non2xx}/${t.errors + t.timeouts}`,
        t.cpuPerAnswerMs.server === null ? '-' : `${t.cpuPerAnswerMs.server.toFixed(2)}+${t.cpuPerAnswerMs.postgres?.toFixed(2) ?? '?'}`,
        t.twoCoreCapacity === null ? '-' : String(t.twoCoreCapacity),
      ]);
    }
    const times = (a, b) => (a !== null && b ? `×${(a / b).toFixed(2)}` : '-');
    ingest.push([
      run.database,
      'app vs ceiling',
      `${Math.round(run.layanan.ingestShareOfCeiling * 100)}%`,
      times(app.latencyMs.p50, ceiling.latencyMs.p50),
      times(app.latencyMs.p95, ceiling.latencyMs.p95),
      times(app.latencyMs.p99, ceiling.latencyMs.p99),
      '',
      '',
      '',
      '',
      app.twoCoreCapacity && ceiling.twoCoreCapacity ? `${Math.round((app.twoCoreCapacity / ceiling.twoCoreCapacity) * 100)}%` : '',
    ]);
    for (const t of run.layanan.reads) {
      reads.push([
        run.database,
        t.endpoint,
        t.size,
        String(t.serialMs.p50),
        t.reqPerSec.toFixed(0),
        String(t.latencyMs.p50),
        String(t.latencyMs.p95),
        String(t.latencyMs.p99),
        String(t.requests2xx),
        `${t.non2xx}/${t.errors + t.timeouts}`,
        t.cpuPerRequestMs.server === null ? '-' : `${t.cpuPerRequestMs.server.toFixed(2)}+${t.cpuPerRequestMs.postgres?.toFixed(2) ?? '?'}`,
        t.meetsTarget ? 'yes' : 'NO',
        ...openCells(t),
      ]);
    }
  }
  return { ingest: formatTable(ingest, 2), reads: formatTable(reads, 3) };
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

async function runScoring() {
  console.log(`\n[scoring] IID 2026, SPBE 2020 and IKM 2017 for every region, ${ROUNDS} rounds after a cold one…`);
  const child = startChild('scoring.ts', { BENCH_ROUNDS: String(ROUNDS) });
  const { summary } = await child.message;
  await child.stop();
  return summary;
}

async function main() {
  const loadSuites = suites.has('units') || suites.has('innovations') || suites.has('layanan') || suites.has('leaders');
  let kinds = [opts.postgres && 'postgres', opts.pglite && 'pglite'].filter(Boolean);
  if (kinds.length === 0) kinds = ['postgres', 'pglite'];
  if (loadSuites && kinds.includes('postgres') && !process.env.DATABASE_URL && !findPgBin()) {
    if (opts.postgres) throw new Error('Postgres server binaries not found: install the Debian package postgresql, or set DATABASE_URL');
    console.warn('Postgres server binaries not found (install postgresql, or set DATABASE_URL): running on PGlite only.');
    kinds = kinds.filter((k) => k !== 'postgres');
  }
  /** Innovations on PGlite only when asked: seeding 165,000 of them there takes minutes (bench/README.md). */
  const innovationsOn = (kind) => suites.has('innovations') && (kind === 'postgres' || opts['pglite-innovations']);
  /**
   * Layanan on Postgres only: its ingest check counts the answers in the database the servers wrote to,
   * and on PGlite each server writes to its own in-memory copy (bench/README.md).
   */
  const layananOn = (kind) => suites.has('layanan') && kind === 'postgres';
  /** The leaders suite reads the innovations and layanan datasets together: Postgres only, as layanan. */
  const leadersOn = (kind) => suites.has('leaders') && kind === 'postgres';
  // A database with nothing to run on it is not even started.
  if (loadSuites) kinds = kinds.filter((k) => suites.has('units') || innovationsOn(k) || layananOn(k) || leadersOn(k));
  else kinds = [];
  if (suites.has('innovations') && !kinds.some(innovationsOn)) {
    console.warn('The innovations suite runs on Postgres, or on PGlite with --pglite-innovations: skipped.');
  }
  if (suites.has('layanan') && !kinds.some(layananOn)) console.warn('The layanan suite runs on Postgres only: skipped.');
  if (suites.has('leaders') && !kinds.some(leadersOn)) console.warn('The leaders suite runs on Postgres only: skipped.');

  const started = new Date();
  const host = machine();
  console.log(`Sinergi bench: suites ${[...suites].join(', ')}`);
  if (loadSuites) {
    console.log(
      `Load: ${DURATION} s per target after a ${WARMUP} s warm-up on 127.0.0.1; ${CONNECTIONS} connections (units), ${INNOVATION_CONNECTIONS} (innovations)`,
    );
  }
  console.log(`Machine: ${host.cpus} CPUs (${host.cpuModel}), ${host.memoryGiB} GiB, Node ${host.node}, ${host.platform}`);
  if (loadSuites && RATE > 0) {
    console.log(
      `Open loop: every read also at a steady ${RATE} requests/s (latency from each request's scheduled time; "!" marks p95 ≥ 50 ms or a failed request)`,
    );
  }
  console.log(`Load average at start: ${host.loadAverage.join(' ')} (other work on the machine skews the figures)`);

  const runs = [];
  for (const kind of kinds) {
    runs.push(await benchDatabase(kind, innovationsOn(kind) || leadersOn(kind), layananOn(kind) || leadersOn(kind), leadersOn(kind)));
    await cleanupAll(); // the database of this run: cluster stopped and deleted before the next
  }
  // The export suite: Postgres (what production uses) unless only --pglite is given; its own database.
  const exportRuns = [];
  if (suites.has('export')) {
    const exportKinds = opts.pglite && !opts.postgres ? ['pglite'] : ['postgres'];
    for (const kind of exportKinds) {
      const db = kind === 'postgres' ? await preparePostgres() : await preparePglite();
      console.log(`\n[export] ${db.label}, ${EXPORT_ROWS} innovations`);
      exportRuns.push({ database: kind, label: db.label, ...(await runExportBench({ kind, db, startChild, login, rows: EXPORT_ROWS })) });
      await cleanupAll();
    }
  }
  const scoring = suites.has('scoring') ? await runScoring() : null;
  // Last, with nothing else of the benchmark running: start-up time is mostly CPU.
  let startup = null;
  if (suites.has('startup')) {
    console.log(`\n[startup] ${STARTUP_RUNS} runs of each start (embedded database, demo data)…`);
    startup = await runStartupBench({ runs: STARTUP_RUNS });
  }
  if (runs.length === 0 && !scoring && !startup && exportRuns.length === 0) {
    console.log('Nothing was run.');
    return;
  }

  const reports = [];
  if (runs.some((r) => r.units)) {
    const report = unitsTable(runs);
    reports.push(report);
    console.log(`\nUnits: GET /api/v1/regions/:code/units?page=1&pageSize=25, ${CONNECTIONS} connections\n${report}\n`);
    console.log("app vs ceiling: the app's req/s as a share of the ceiling's; latencies as multiples of the ceiling's.");
  }
  if (runs.some((r) => r.innovations)) {
    const report = innovationsTable(runs);
    reports.push(report);
    console.log(
      `\nInnovations: ${INNOVATION_CONNECTIONS} connections (matches: the answer's total; alone: p50 of ${SERIAL_REQUESTS} requests one at a time)\n${report}\n`,
    );
  }
  const layananRuns = runs.filter((r) => r.layanan);
  if (layananRuns.length > 0) {
    const tables = layananTables(runs);
    reports.push(tables.ingest, tables.reads);
    console.log(
      `\nSurvey answers: POST /api/v1/public/services/:id/skm-responses, ${CONNECTIONS} connections, a new answer per request (target: ≥ ${LAYANAN_TARGETS.ingestPerSecond}/s and ≥ ${LAYANAN_TARGETS.ingestShareOfCeiling * 100}% of the ceiling)\n${tables.ingest}\n`,
    );
    for (const r of layananRuns) {
      console.log(`[${r.database}] survey answers meet the target: ${r.layanan.ingestMeetsTarget ? 'yes' : 'NO'}`);
    }
    console.log(`\nLayanan reads, app, ${CONNECTIONS} connections (alone: p50 of ${SERIAL_REQUESTS} requests one at a time)\n${tables.reads}\n`);
  }
  if (runs.some((r) => r.leaders)) {
    const report = leadersTable(runs);
    reports.push(report);
    console.log(
      `\nLeaders' reads, app, ${LEADERS_CONNECTIONS} connections (alone: p50 of ${SERIAL_REQUESTS} requests one at a time; target p95 < ${LEADERS_P95_MS} ms at ${RATE || 200}/s)\n${report}\n`,
    );
  }
  if (scoring) {
    reports.push(scoring.table);
    console.log(`\nScoring: evaluate() over all inputs, ms per round (${scoring.rounds} rounds after a cold one)\n${scoring.table}\n`);
  }
  if (startup) {
    reports.push(startup.table);
    console.log(`\nStart-up: spawn to the first 200 of /api/health (PGlite, demo data), ${startup.runs} runs each\n${startup.table}\n`);
  }
  console.log('Figures vary from run to run, more so when other work shares the machine.');

  const resultsDir = path.join(BENCH, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const file = path.join(resultsDir, `bench-${stamp}.json`);
  const json = {
    date: started.toISOString(),
    machine: host,
    suites: [...suites],
    options: {
      connections: CONNECTIONS,
      innovationConnections: INNOVATION_CONNECTIONS,
      durationSeconds: DURATION,
      warmupSeconds: WARMUP,
      scoringRounds: ROUNDS,
      layananTargets: LAYANAN_TARGETS,
      startupRuns: STARTUP_RUNS,
      openLoopRate: RATE,
    },
    runs,
    export: exportRuns,
    scoring,
    startup,
    tables: reports,
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`Raw results: ${path.relative(ROOT, file)}`);
  // Answers acknowledged but not stored (or tallies that do not add up) fail the run, after the report.
  const failures = layananRuns.flatMap((r) => r.layanan.failures.map((f) => `[${r.database}] ${f}`));
  for (const r of exportRuns) if (!r.rowsMatch) failures.push(`[${r.database}] export: ${r.rowsReadBack} rows read back, ${r.innovations} expected`);
  if (failures.length > 0)
    throw new Error(`the run's checks failed (survey answers acknowledged but not stored, or export rows missing):\n  ${failures.join('\n  ')}`);
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
