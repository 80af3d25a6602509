#!/usr/bin/env node
// `npm start`: build the web app once if it has not been built yet (a fresh clone), then run the
// `sinergi` command given after it (`node scripts/ensure-web.mjs serve`) in this same process, so a start
// pays for one Node.js process instead of two. Without arguments it only builds.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');

if (!existsSync(path.join(root, 'dist/web/index.html'))) {
  console.log('Membangun aplikasi web (sekali saja)...');
  const res = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

// The command reads process.argv from index 2, which is where the arguments after this script already are.
if (process.argv.length > 2) await import(pathToFileURL(path.join(root, 'bin/sinergi.js')).href);
