/**
 * The one place that chooses the database: a Postgres server when a URL is given, otherwise the
 * embedded PGlite (Postgres compiled to WebAssembly) with its files under the data directory, or in
 * memory for tests. Everything else receives a `Db` and does not know which one it got.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { readPgliteTemplate } from './migrate.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A query function takes either the database or an open transaction. */
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'postgres'; url: string; poolSize?: number } | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob };

/**
 * PGlite zeroes its whole buffer pool inside WebAssembly at every open: Postgres' default 128 MB cost
 * ~0.45 s of each start and ~110 MB of memory. 32 MB holds the working set of a regional install (the
 * national benchmark dataset of 22,000 units is 19 MB) and measured no slower on it; pages beyond it are
 * read back from the operating system's file cache.
 */
const PGLITE_SHARED_BUFFERS = '32MB';

// Each driver is imported only when chosen: a PGlite install never loads node-postgres and the other way round.
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // An idle connection the server closes (restart, failover, a dropped test database) emits 'error' on
    // the pool; unhandled, that would crash the process. The next query reconnects or reports the failure.
    pool.on('error', () => {});
    // Fail at start-up, not at the first request, when the server cannot be reached.
    const probe = await pool.connect();
    probe.release();
    return {
      db: drizzle(pool, { schema }) as unknown as Db,
      kind: 'postgres',
      close: () => pool.end(),
    };
  }
  const [{ PGlite }, { drizzle }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')]);
  let loadDataDir = target.loadDataDir;
  if (target.dataDir) {
    mkdirSync(target.dataDir, { recursive: true });
    // A new data directory starts from the migrated template when `npm ci` left one for this code:
    // loading it takes 1–2 s where initdb and the migrations take 7–12 s.
    if (!loadDataDir && !existsSync(path.join(target.dataDir, 'PG_VERSION'))) loadDataDir = readPgliteTemplate();
  }
  const client = await PGlite.create({
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  return {
    db: drizzle(client, { schema }) as unknown as Db,
    kind: 'pglite',
    close: () => client.close(),
  };
}
