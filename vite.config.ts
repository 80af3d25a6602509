/**
 * Builds the web app (web/) into dist/web, which the API server serves at `/`. In development
 * (`npx vite`), API calls are proxied to a server started separately on port 3000.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;
/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 1024;

/**
 * Measured on the whole app: quality 10 comes within 2 % of the maximum (11) in under half its time
 * (2.1 s against 4.7 s), which counts on the first `npm start` of a fresh clone.
 */
const BROTLI_QUALITY = 10;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file of the build, compressed once at their
 * (nearly) strongest here instead of on every request; the server sends the variant the browser accepts
 * (@fastify/static `preCompressed`). A variant that would not be smaller is not written.
 */
function precompress(): Plugin {
  return {
    name: 'sinergi:precompress',
    apply: 'build',
    writeBundle: {
      sequential: true,
      order: 'post',
      async handler(output) {
        if (!output.dir) return;
        const files = (await filesUnder(output.dir)).filter((f) => COMPRESSIBLE.test(f));
        // zlib runs on libuv's thread pool: all files at once use every core.
        await Promise.all(
          files.map(async (file) => {
            const raw = await readFile(file);
            if (raw.length < MIN_BYTES) return;
            const [br, gz] = await Promise.all([
              brotli(raw, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
                  [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                  [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
                },
              }),
              gzipAsync(raw, { level: constants.Z_BEST_COMPRESSION }),
            ]);
            if (br.length < raw.length) await writeFile(`${file}.br`, br);
            if (gz.length < raw.length) await writeFile(`${file}.gz`, gz);
          }),
        );
      },
    },
  };
}

export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Libraries change less often than the app: separate chunks stay cached across releases.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine[\\/](?!charts[\\/])[a-z-]+|@floating-ui|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|react-transition-group|react-number-format|react-textarea-autosize|use-callback-ref|use-sidecar|get-nonce|tslib|clsx|type-fest)[\\/]/ },
            // The chart library and its dependencies load only with the evaluation charts (a lazy import).
            {
              name: 'charts',
              test: /node_modules[\\/](@mantine[\\/]charts|recharts|victory-vendor|d3-[a-z-]+|internmap|@reduxjs|redux|redux-thunk|react-redux|reselect|immer|es-toolkit|eventemitter3|decimal\.js-light|tiny-invariant|use-sync-external-store)[\\/]/,
            },
            // The password strength estimator's dictionaries (~740 kB) load only when a password field appears.
            { name: 'password-estimator', test: /node_modules[\\/](@zxcvbn-ts|fastest-levenshtein)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
