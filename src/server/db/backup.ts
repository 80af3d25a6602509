/**
 * Logical backup and restore of every table of the application, the same on PGlite and on a Postgres
 * server (so a laptop install can move to a server and back). The file is gzip'd JSON lines: a header,
 * then one line per row as Postgres printed it (`row_to_json`), so numerics, timestamps and JSON come
 * back bit for bit. Sessions are left out on purpose: after a restore everyone logs in again.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { VERSION } from '#server/version.ts';
import type { Db, DbOrTx } from './client.ts';

const FORMAT = 'sinergi-backup';
const FORMAT_VERSION = 1;
// The figures' generation numbers are the database's own bookkeeping: a restore moves them on (its
// truncation bumps the shared number), it never copies them.
const EXCLUDED = new Set(['sessions', 'figure_generations']);
const PAGE = 2000;
/** Tables holding a region's own data: a restore target must have none of these rows. */
const MUST_BE_EMPTY = ['units', 'users', 'audit_log'];

interface TableInfo {
  name: string;
  primaryKey: string[];
  /** Columns that point at the same table (a unit's parent): rows without them are written first. */
  selfRefs: string[];
}

interface Header {
  format: typeof FORMAT;
  formatVersion: number;
  appVersion: string;
  migrations: number;
  createdAt: string;
  tables: string[];
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

function ident(name: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected identifier ${name}`);
  return sql.raw(`"${name}"`);
}

/** The app's tables in an order where every table comes after the tables it references. */
async function listTables(db: DbOrTx): Promise<TableInfo[]> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  ).map((t) => t.name);
  const fks = rowsOf<{ child: string; parent: string; col: string }>(
    await db.execute(sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
        a.attname as col
      from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace`),
  );
  const pks = rowsOf<{ tbl: string; col: string }>(
    await db.execute(sql`select c.conrelid::regclass::text as tbl, a.attname as col
      from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'p' and c.connamespace = 'public'::regnamespace order by a.attnum`),
  );
  const strip = (n: string) => n.replace(/^public\./, '').replace(/"/g, '');
  const ordered: string[] = [];
  const pending = new Set(tables);
  while (pending.size > 0) {
    const ready = [...pending].filter((t) => fks.every((fk) => strip(fk.child) !== t || strip(fk.parent) === t || !pending.has(strip(fk.parent))));
    if (ready.length === 0) throw new Error('cyclic foreign keys between tables');
    for (const t of ready) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  return ordered.map((name) => ({
    name,
    primaryKey: pks.filter((p) => strip(p.tbl) === name).map((p) => p.col),
    selfRefs: fks.filter((f) => strip(f.child) === name && strip(f.parent) === name).map((f) => f.col),
  }));
}

async function migrationCount(db: DbOrTx): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
  return row?.n ?? 0;
}

export interface BackupSummary {
  rows: Record<string, number>;
}

export async function backupDatabase(db: Db, file: string): Promise<BackupSummary> {
  const summary: BackupSummary = { rows: {} };
  async function* lines(): AsyncGenerator<string> {
    // One snapshot for the whole copy, so rows written meanwhile cannot half-appear.
    const result = await db.transaction(
      async (tx) => {
        const tables = (await listTables(tx)).filter((t) => !EXCLUDED.has(t.name));
        const header: Header = {
          format: FORMAT,
          formatVersion: FORMAT_VERSION,
          appVersion: VERSION,
          migrations: await migrationCount(tx),
          createdAt: new Date().toISOString(),
          tables: tables.map((t) => t.name),
        };
        const out: string[] = [JSON.stringify(header)];
        for (const table of tables) {
          const order = sql.join([...table.selfRefs.map((c) => sql`(${ident(c)} is not null)`), ...table.primaryKey.map((c) => ident(c))], sql`, `);
          let count = 0;
          for (let offset = 0; ; offset += PAGE) {
            const page = rowsOf<{ j: string }>(
              await tx.execute(sql`select row_to_json(t)::text as j from ${ident(table.name)} t order by ${order} limit ${PAGE} offset ${offset}`),
            );
            for (const r of page) out.push(`${JSON.stringify(table.name)}\t${r.j}`);
            count += page.length;
            if (page.length < PAGE) break;
          }
          summary.rows[table.name] = count;
        }
        return out;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    for (const line of result) yield `${line}\n`;
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
  return summary;
}

/**
 * Restores a backup into a migrated database that holds no regional data yet (a new data directory or
 * a new Postgres database). Everything is written in one transaction: a failed restore leaves nothing.
 */
export async function restoreDatabase(db: Db, file: string): Promise<BackupSummary> {
  // Say what a wrong file means instead of zlib's words: a backup starts with the gzip magic bytes.
  const magic = Buffer.alloc(2);
  const fd = await open(file, 'r');
  try {
    await fd.read(magic, 0, 2, 0);
  } finally {
    await fd.close();
  }
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) throw new Error('Bukan berkas cadangan Sinergi (bukan berkas gzip)');
  const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new Error('Berkas cadangan kosong');
  let header: Header;
  try {
    header = JSON.parse(first.value) as Header;
  } catch {
    throw new Error('Bukan berkas cadangan Sinergi');
  }
  if (header.format !== FORMAT || header.formatVersion !== FORMAT_VERSION) throw new Error('Bukan berkas cadangan Sinergi (format tidak dikenal)');
  const migrations = await migrationCount(db);
  if (migrations !== header.migrations) {
    throw new Error(
      `Cadangan dibuat pada skema dengan ${header.migrations} migrasi, basis data ini ${migrations}; gunakan versi Sinergi yang sama (${header.appVersion})`,
    );
  }
  for (const t of MUST_BE_EMPTY) {
    const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${ident(t)}`));
    if ((row?.n ?? 0) > 0) {
      throw new Error(`Basis data tujuan sudah berisi data (${t}); pulihkan ke direktori data atau basis data yang baru`);
    }
  }
  const known = new Set((await listTables(db)).map((t) => t.name));
  for (const t of header.tables) if (!known.has(t)) throw new Error(`Tabel ${t} tidak ada di basis data ini`);

  const summary: BackupSummary = { rows: {} };
  await db.transaction(async (tx) => {
    // Tables the migration filled (regions, app_meta) are replaced by the backup's copy.
    const refill = header.tables.filter((t) => !MUST_BE_EMPTY.includes(t));
    if (refill.length > 0) await tx.execute(sql`truncate ${sql.join(refill.map(ident), sql`, `)} cascade`);
    let batch: string[] = [];
    let batchTable = '';
    // Generated columns (a search vector) are computed again by the database, never inserted.
    const writable = rowsOf<{ tbl: string; col: string }>(
      await tx.execute(sql`select table_name as tbl, column_name as col from information_schema.columns
        where table_schema = 'public' and is_generated = 'NEVER' order by ordinal_position`),
    );
    const columnsOf = (table: string) =>
      sql.join(
        writable.filter((c) => c.tbl === table).map((c) => ident(c.col)),
        sql`, `,
      );
    const flush = async () => {
      if (batch.length === 0) return;
      const t = ident(batchTable);
      const cols = columnsOf(batchTable);
      await tx.execute(sql`insert into ${t} (${cols}) select ${cols} from json_populate_recordset(null::${t}, ${`[${batch.join(',')}]`}::json)`);
      summary.rows[batchTable] = (summary.rows[batchTable] ?? 0) + batch.length;
      batch = [];
    };
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const line = next.value;
      if (!line) continue;
      const tab = line.indexOf('\t');
      const table = JSON.parse(line.slice(0, tab)) as string;
      if (table !== batchTable || batch.length >= 500) {
        await flush();
        batchTable = table;
      }
      batch.push(line.slice(tab + 1));
    }
    await flush();
    // Sequences continue after the restored ids.
    const serials = rowsOf<{ tbl: string; col: string }>(
      await tx.execute(sql`select table_name as tbl, column_name as col from information_schema.columns
        where table_schema = 'public' and column_default like 'nextval(%'`),
    );
    for (const s of serials) {
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${s.tbl}, ${s.col}), coalesce((select max(${ident(s.col)}) from ${ident(s.tbl)}), 0) + 1, false)`,
      );
    }
  });
  return summary;
}
