#!/usr/bin/env node
// `npm start`: build the web app once if it has not been built yet (a fresh clone), then run the
// `sinergi` command given after it (`node scripts/ensure-web.mjs serve`) in this same process, so a start
// pays for one Node.js process instead of two; from the cached bundle of the server's sources when it can
// be built (scripts/server-bundle.mjs: about a second less per start), else from the sources through tsx
// as `npx sinergi` does. Without arguments it only builds the web app.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serverBundle } from './server-bundle.mjs';

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
if (process.argv.length > 2) {
  const bundle = await serverBundle();
  if (bundle) {
    // Stack traces in the log name the source files, as they do under tsx.
    process.setSourceMapsEnabled(true);
    await import(pathToFileURL(bundle).href);
  } else {
    await import(pathToFileURL(path.join(root, 'bin/sinergi.js')).href);
  }
}
