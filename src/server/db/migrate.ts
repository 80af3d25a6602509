/**
 * Brings a database to the current schema: the SQL migrations under `migrations/` (forward-only) and
 * the reference data (the national list of regions, the shipped framework files). Safe to run at every
 * start and from several instances at once: on a Postgres server an advisory lock lets one instance
 * migrate while the others wait.
 *
 * Also the migrated template of the embedded database: initdb of PGlite takes 5–9 s, so `npm ci` leaves
 * a migrated copy under node_modules/.cache and a new data directory starts from it (see client.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { FRAMEWORKS_DIR, loadAllShipped } from '#domain/scoring/load-shipped.ts';
import { SHIPPED_FRAMEWORK_IDS } from '#domain/scoring/framework-registry.ts';
import type { DatabaseHandle, Db, Schema } from './client.ts';
import { appMeta, frameworkVersions, regions } from './schema.ts';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../migrations');
const MIGRATION_LOCK_KEY = 748_201_001;

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  // Each migrator pulls in its driver: load only the one this database needs.
  if (handle.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as unknown as PgliteDatabase<Schema>, config);
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await handle.db.transaction(async (tx) => {
      // Transaction-scoped lock: released however the migration ends.
      await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
      await migrate(handle.db as unknown as NodePgDatabase<Schema>, config);
    });
  }
  await syncReferenceData(handle.db);
}

// ---- reference data ---------------------------------------------------------------------------

/** Bump when what syncReferenceData writes changes for the same input files, so every database resyncs. */
const REFERENCE_FORMAT = 1;
const REFERENCE_KEY = 'reference_data';

const requireHere = createRequire(import.meta.url);

/** The CSV files of idn-area-data that loadOfficialRegions reads. */
function regionFiles(): string[] {
  const data = path.join(path.dirname(requireHere.resolve('idn-area-data')), '../data');
  return [path.join(data, 'provinces.csv'), path.join(data, 'regencies.csv')];
}

/**
 * A hash of everything the reference data is made from: the packaged region list and the shipped framework
 * files, as bytes (a few hundred kB, hashed in milliseconds; parsing them takes most of a second).
 */
export function referenceFingerprint(): string {
  const hash = createHash('sha256').update(`reference data, format ${REFERENCE_FORMAT}\n`);
  for (const file of regionFiles()) hash.update(readFileSync(file));
  for (const id of SHIPPED_FRAMEWORK_IDS) hash.update(readFileSync(new URL(`${id}.json`, FRAMEWORKS_DIR)));
  return hash.digest('hex');
}

/**
 * Writes the regions and shipped frameworks when the packaged files differ from the ones this database was
 * last synced with (recorded in app_meta); otherwise a restart reads one row. Returns whether it synced.
 */
export async function syncReferenceData(db: Db): Promise<boolean> {
  const fingerprint = referenceFingerprint();
  const [row] = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, REFERENCE_KEY));
  const recorded = row?.value as { fingerprint?: unknown } | undefined;
  if (recorded?.fingerprint === fingerprint) return false;
  await syncRegions(db);
  await syncShippedFrameworks(db);
  const value = { fingerprint, at: new Date().toISOString() };
  await db
    .insert(appMeta)
    .values({ key: REFERENCE_KEY, value })
    .onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt: sql`now()` } });
  return true;
}

/** Records each shipped framework file as a framework version (once per id and version). */
export async function syncShippedFrameworks(db: Db): Promise<number> {
  const shipped = loadAllShipped();
  const rows = shipped.map((f) => ({
    frameworkId: f.id,
    version: f.version,
    name: f.name,
    inputKind: f.inputKind,
    regionCode: null,
    body: f,
    origin: 'shipped',
  }));
  const inserted = await db.insert(frameworkVersions).values(rows).onConflictDoNothing().returning({ id: frameworkVersions.id });
  return inserted.length;
}

export interface RegionRow {
  code: string;
  name: string;
  kind: 'provinsi' | 'kabupaten' | 'kota';
  provinceCode: string | null;
}

/** The official provinces and kabupaten/kota with their kode wilayah. */
export async function loadOfficialRegions(): Promise<RegionRow[]> {
  const { getProvinces, getRegencies } = await import('idn-area-data');
  const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies({ transform: true })]);
  return [
    ...provinces.map((p) => ({ code: p.code, name: p.name, kind: 'provinsi' as const, provinceCode: null })),
    ...regencies.map((r) => ({
      code: r.code,
      name: r.name,
      kind: r.name.startsWith('Kota ') ? ('kota' as const) : ('kabupaten' as const),
      provinceCode: r.provinceCode,
    })),
  ];
}

/** Inserts missing regions and corrects renamed ones; never deletes (regional data points at them). */
export async function syncRegions(db: Db): Promise<number> {
  const official = await loadOfficialRegions();
  await db.transaction(async (tx) => {
    for (let i = 0; i < official.length; i += 200) {
      await tx
        .insert(regions)
        .values(official.slice(i, i + 200))
        .onConflictDoUpdate({
          target: regions.code,
          set: { name: sql`excluded.name`, kind: sql`excluded.kind`, provinceCode: sql`excluded.province_code` },
        });
    }
  });
  return official.length;
}

// ---- migrated template of the embedded database -----------------------------------------------

/** Bump when the template's content changes for the same migrations and reference data. */
const TEMPLATE_FORMAT = 1;
const TEMPLATE_DIR = path.resolve(import.meta.dirname, '../../../node_modules/.cache/sinergi');

/**
 * The template's file name carries a hash of what made it: the PGlite version (its data directory format),
 * every migration file and the reference data. After a `git pull` that adds a migration the name changes,
 * the stale template is simply not found, and a new data directory is created the slow way.
 */
export function pgliteTemplateFile(): string {
  const pgliteDir = path.dirname(requireHere.resolve('@electric-sql/pglite'));
  const pgliteVersion = (JSON.parse(readFileSync(path.join(pgliteDir, '../package.json'), 'utf8')) as { version: string }).version;
  const hash = createHash('sha256').update(`template ${TEMPLATE_FORMAT}, pglite ${pgliteVersion}, ${referenceFingerprint()}\n`);
  const journal = path.join(MIGRATIONS_DIR, 'meta/_journal.json');
  hash.update(readFileSync(journal));
  for (const name of readdirSync(MIGRATIONS_DIR)
    .filter((n) => n.endsWith('.sql'))
    .sort()) {
    hash.update(`${name}\n`).update(readFileSync(path.join(MIGRATIONS_DIR, name)));
  }
  return path.join(TEMPLATE_DIR, `pglite-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}

/**
 * The migrated template matching the current code, if `npm ci` (or `sinergi db-template`) made one.
 * `SINERGI_DB_TEMPLATE=skip` leaves it unused (the start-up benchmark measures a start without it).
 */
export function readPgliteTemplate(): Blob | undefined {
  if (process.env.SINERGI_DB_TEMPLATE === 'skip') return undefined;
  try {
    const file = pgliteTemplateFile();
    return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
  } catch {
    // No template is never an error: the database is then created by initdb.
    return undefined;
  }
}

/** Writes the template from a migrated in-memory PGlite database and removes older ones. */
export async function writePgliteTemplate(handle: DatabaseHandle): Promise<string> {
  if (handle.kind !== 'pglite') throw new Error('the template is a PGlite data directory');
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
  const file = pgliteTemplateFile();
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  // Written beside, then renamed: a start never reads half a template.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, dump);
  renameSync(partial, file);
  for (const name of readdirSync(TEMPLATE_DIR)) {
    if (name.startsWith('pglite-') && name.endsWith('.tar.gz') && path.join(TEMPLATE_DIR, name) !== file)
      rmSync(path.join(TEMPLATE_DIR, name), { force: true });
  }
  return file;
}
