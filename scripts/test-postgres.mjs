#!/usr/bin/env node
// Runs the integration suite on a Postgres server: DATABASE_URL when set (the role needs CREATEDB),
// otherwise a throwaway cluster this script starts and stops itself. Postgres refuses to run as root,
// so as root the cluster runs as the `postgres` user.
import { spawnSync, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

function findBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(path.join(base, v, 'bin/initdb'))) return path.join(base, v, 'bin');
  }
  throw new Error('Postgres server binaries not found: install the Debian package postgresql, or set DATABASE_URL');
}

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

function runTests(url) {
  const extra = (process.env.SINERGI_VITEST_EXTRA ?? '').split(' ').filter(Boolean);
  const res = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'integration', ...extra], {
    stdio: 'inherit',
    env: { ...process.env, SINERGI_TEST_DATABASE_URL: url },
  });
  return res.status ?? 1;
}

if (process.env.DATABASE_URL) {
  process.exit(runTests(process.env.DATABASE_URL));
}

const bin = findBin();
const isRoot = process.getuid?.() === 0;
const dir = mkdtempSync(path.join(tmpdir(), 'sinergi-pg-'));
chmodSync(dir, 0o777);
const asPg = (cmd, args) =>
  isRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'pipe' })
    : execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' });
const port = await freePort();
const data = path.join(dir, 'data');
let status = 1;
try {
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
  console.log(`Postgres test cluster on 127.0.0.1:${port}`);
  status = runTests(`postgres://postgres@127.0.0.1:${port}/postgres`);
} catch (err) {
  console.error(String(err?.stderr ?? err));
} finally {
  try {
    asPg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  } catch {
    // already stopped
  }
  rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
