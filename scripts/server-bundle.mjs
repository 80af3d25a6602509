// The server's TypeScript sources as one cached JavaScript bundle, for `npm start`.
//
// Why: a restart spent ~1.2 s of CPU loading ~250 source modules one by one through tsx's loader (each
// import is a round trip to the loader thread, then a separate ES module). One bundled module, built by the
// esbuild that tsx itself uses, loads in a fraction of that. It is not a build step to remember: the file's
// name is a hash of every source file, so any change to src/ (a pull, an edit) builds a new one on the next
// start (~0.3 s), and anything going wrong falls back to running the sources through tsx, as before.
// Dependencies stay in node_modules, but for a few (BUNDLED_PACKAGES). The sources' `import.meta.dirname` / `url` are replaced
// by their own file's values, so paths they compute (migrations/, frameworks/, dist/web) do not move.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const cacheDir = path.join(root, 'node_modules/.cache/sinergi');
/** Bump when the bundle's options change. */
const FORMAT = 2;

function sourceFiles() {
  return readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function bundleKey(esbuildVersion) {
  const hash = createHash('sha256').update(`server bundle ${FORMAT}, esbuild ${esbuildVersion}, node ${process.versions.node}\n`);
  hash.update(readFileSync(path.join(root, 'package.json')));
  for (const file of sourceFiles()) hash.update(`${path.relative(root, file)}\n`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** The sources' own location for import.meta, which a bundle would otherwise share. */
const importMetaPlugin = {
  name: 'sinergi-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const contents = text
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * Dependencies stay in node_modules, loaded by Node as usual, except these pure ES-module packages made of
 * many small files (drizzle-orm and zod: ~0.17 s of module loading at start), bundled in. zod goes with the
 * one package that imports it (fastify-type-provider-zod), so there is a single zod and its schemas are
 * recognised across both.
 */
const BUNDLED_PACKAGES = new Set(['drizzle-orm', 'zod', 'fastify-type-provider-zod']);

const externalsPlugin = {
  name: 'sinergi-externals',
  setup(build) {
    build.onResolve({ filter: /^[^./#]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      const parts = args.path.split('/');
      const name = args.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      return BUNDLED_PACKAGES.has(name) ? undefined : { external: true };
    });
  },
};

/**
 * The path of the bundle of src/server/cli/main.ts for the current sources, built when missing;
 * null when it cannot be built (the caller then runs the sources through tsx).
 */
export async function serverBundle() {
  try {
    // The esbuild tsx runs on: always installed with it, same version that transforms the sources today.
    const esbuild = createRequire(path.join(root, 'node_modules/tsx/package.json'))('esbuild');
    const dir = path.join(cacheDir, `server-${bundleKey(esbuild.version)}`);
    const entry = path.join(dir, 'main.mjs');
    if (existsSync(entry)) return entry;
    mkdirSync(cacheDir, { recursive: true });
    // Built beside, then renamed into place: a concurrent start never imports half a bundle.
    const partial = `${dir}.${process.pid}.partial`;
    rmSync(partial, { recursive: true, force: true });
    await esbuild.build({
      entryPoints: { main: path.join(root, 'src/server/cli/main.ts') },
      outdir: partial,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      // A module the sources import on first use (the S3 client, the PDF kit) stays a chunk of its own, so
      // the packages it imports are still loaded on first use, not at start.
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: `node${process.versions.node.split('.')[0]}`,
      sourcemap: 'linked',
      sourcesContent: false,
      logLevel: 'silent',
      plugins: [externalsPlugin, importMetaPlugin],
    });
    try {
      renameSync(partial, dir);
    } catch (err) {
      // Another start won the race with the same bundle.
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(entry)) throw err;
    }
    for (const name of readdirSync(cacheDir)) {
      if (/^server-[0-9a-f]+$/.test(name) && path.join(cacheDir, name) !== dir) rmSync(path.join(cacheDir, name), { recursive: true, force: true });
    }
    return entry;
  } catch {
    return null;
  }
}
