#!/usr/bin/env node
// `npm ci` / `npm install` (postinstall): prepares the migrated template of the embedded database under
// node_modules/.cache/sinergi (`sinergi db-template`), so the first `npm start` loads it in 1–2 s instead
// of running PGlite's initdb and every migration (7–12 s). Never fails the install: without a template
// the first start simply creates the database itself. Skipped when DATABASE_URL is set (a Postgres
// server install has no use for it) or SINERGI_DB_TEMPLATE=skip.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

if (process.env.DATABASE_URL || process.env.SINERGI_DB_TEMPLATE === 'skip') process.exit(0);

const started = Date.now();
const res = spawnSync(process.execPath, [path.join(root, 'bin/sinergi.js'), 'db-template'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
});
if (res.status === 0) {
  console.log(`sinergi: embedded database template ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
} else {
  const reason = (res.stderr || res.stdout || String(res.error ?? res.signal)).trim().split('\n').slice(-3).join(' / ');
  console.warn(`sinergi: no embedded database template (${reason}); the first start will create the database itself.`);
}
