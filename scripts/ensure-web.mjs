#!/usr/bin/env node
// `npm start`: build the web app once if it has not been built yet (a fresh clone), and run the `sinergi`
// command given after it (`node scripts/ensure-web.mjs serve`) in this same process, so a start pays for
// one Node.js process instead of two; from the cached bundle of the server's sources when it can be built
// (scripts/server-bundle.mjs: about a second less per start), else from the sources through tsx as
// `npx sinergi` does. Without arguments it only builds the web app.
//
// On a fresh clone the build (several seconds, on every core) runs while the server opens its database and
// loads the demo data; `serve` waits for it (globalThis[Symbol.for('sinergi.webBuild')]) before it builds
// the app, which serves dist/web only if it exists.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serverBundle } from './server-bundle.mjs';

const root = path.resolve(import.meta.dirname, '..');

function buildWeb() {
  console.log('Membangun aplikasi web (sekali saja)...');
  const child = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`Pembangunan aplikasi web gagal (${signal ?? code})`))));
  });
}

const build = existsSync(path.join(root, 'dist/web/index.html')) ? null : buildWeb();

// The command reads process.argv from index 2, which is where the arguments after this script already are.
if (process.argv.length > 2) {
  if (build) {
    // Awaited by `serve`; any other command must not finish (and exit) before the build has.
    build.catch(() => {});
    Reflect.set(globalThis, Symbol.for('sinergi.webBuild'), build);
    if (process.argv[2] !== 'serve') await build;
  }
  const bundle = await serverBundle();
  if (bundle) {
    // Stack traces in the log name the source files, as they do under tsx.
    process.setSourceMapsEnabled(true);
    await import(pathToFileURL(bundle).href);
  } else {
    await import(pathToFileURL(path.join(root, 'bin/sinergi.js')).href);
  }
} else if (build) {
  try {
    await build;
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
