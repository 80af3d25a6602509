/**
 * Brings a database to the current schema: the SQL migrations under `migrations/` (forward-only) and
 * the national list of regions. Safe to run at every start and from several instances at once: on a
 * Postgres server an advisory lock lets one instance migrate while the others wait.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { getProvinces, getRegencies } from 'idn-area-data';
import type { DatabaseHandle, Db, Schema } from './client.ts';
import { loadAllShipped } from '#domain/scoring/load-shipped.ts';
import { frameworkVersions, regions } from './schema.ts';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../migrations');
const MIGRATION_LOCK_KEY = 748_201_001;

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase<Schema>, config);
  } else {
    await handle.db.transaction(async (tx) => {
      // Transaction-scoped lock: released however the migration ends.
      await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
      await migratePg(handle.db as unknown as NodePgDatabase<Schema>, config);
    });
  }
  await syncRegions(handle.db);
  await syncShippedFrameworks(handle.db);
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
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(regions);
  if (count === official.length) return 0;
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
