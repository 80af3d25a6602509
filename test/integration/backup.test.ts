/**
 * Backup and restore: a restored database holds exactly the rows of the original (every table but
 * sessions), people log in with their old passwords, the audit log continues after the restored ids,
 * and a restore that cannot be done leaves the target untouched.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { backupDatabase, restoreDatabase } from '../../src/server/db/backup.ts';
import type { DatabaseHandle, Db } from '../../src/server/db/client.ts';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-data.ts';
import { seedDemo } from '../../src/server/demo/seed-demo.ts';
import { createLogger } from '../../src/server/logger.ts';
import type { Unit } from '../../src/shared/api/units.ts';
import type { User } from '../../src/shared/api/users.ts';
import { loginAs, makeUnit, openTestDatabase, startTestApp, type TestApp } from '../support/harness.ts';

const HOME = '19.71';
const NEW_PASSWORD = 'kata-sandi-cadangan-789';

let t: TestApp;
let dir: string;
let backupFile: string;
let created: { unit: Unit; user: User };

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

async function tablesOf(db: Db): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`),
  );
  return rows.map((r) => r.name);
}

/**
 * Every row of every table but sessions and the figures' generation numbers (the database's own
 * bookkeeping, moved on by a restore), as Postgres prints it, in a stable order.
 */
async function contentsOf(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await tablesOf(db)) {
    if (table === 'sessions' || table === 'figure_generations') continue;
    const rows = rowsOf<{ j: string }>(await db.execute(sql`select row_to_json(t)::text as j from ${sql.identifier(table)} t order by 1`));
    out[table] = rows.map((r) => r.j);
  }
  return out;
}

async function maxAuditId(db: Db): Promise<number> {
  const [row] = rowsOf<{ n: string | number | null }>(await db.execute(sql`select max(id) as n from audit_log`));
  return Number(row?.n ?? 0);
}

async function appOn(handle: DatabaseHandle): Promise<App> {
  const config = { ...loadConfig({}), logLevel: 'silent', loginRatePerMinute: 10_000, webDir: '/nonexistent' };
  const app = await buildApp({ config, database: handle, logger: createLogger('silent') });
  await app.ready();
  return app;
}

/** A fresh migrated database for one test, closed and dropped however the test ends. */
async function withFreshDatabase(use: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  const { handle, drop } = await openTestDatabase();
  try {
    await use(handle);
  } finally {
    await handle.close();
    await drop();
  }
}

async function restoreError(db: Db, file: string): Promise<string> {
  try {
    await restoreDatabase(db, file);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  return 'no error';
}

beforeAll(async () => {
  t = await startTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'sinergi-backup-test-'));
  await seedDemo(t.db, { onlyIfNew: false });

  // Extra data through the API, including text that JSON must escape and an audit entry with before/after.
  const admin = await loginAs(t.app, 'admin.demo', DEMO_PASSWORD);
  const post = await admin.post(`/api/v1/regions/${HOME}/units`, {
    kind: 'dinas',
    name: 'Dinas "Uji" Cadangan — ñ ✓ 🇮🇩',
    shortName: 'D\\U',
    headName: 'Baris satu\nbaris dua\tdengan tab',
  });
  expect(post.statusCode, post.body).toBe(201);
  const unit = post.json() as Unit;
  const put = await admin.put(`/api/v1/regions/${HOME}/units/${unit.id}`, {
    kind: 'badan',
    name: unit.name,
    shortName: unit.shortName,
    headName: 'Kepala {"bukan":"json"}',
    version: unit.version,
  });
  expect(put.statusCode, put.body).toBe(200);
  const userRes = await admin.post(`/api/v1/regions/${HOME}/users`, {
    username: 'cadangan.operator',
    displayName: 'Operator Cadangan',
    email: 'cadangan@contoh.go.id',
    role: 'operator',
    unitId: unit.id,
    password: NEW_PASSWORD,
  });
  expect(userRes.statusCode, userRes.body).toBe(201);
  created = { unit: put.json() as Unit, user: userRes.json() as User };
  await loginAs(t.app, 'cadangan.operator', NEW_PASSWORD);

  backupFile = path.join(dir, 'sinergi.backup.gz');
  await backupDatabase(t.db, backupFile);
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a restored backup', () => {
  it("holds exactly the rows of the original in every table but sessions and the figures' numbers, and people log in as before", async () => {
    const source = await contentsOf(t.db);
    // Not a vacuous comparison: the demo data and the API writes are there.
    expect(Object.keys(source)).toEqual(expect.arrayContaining(['app_meta', 'audit_log', 'regions', 'units', 'users']));
    expect(Object.keys(source)).not.toContain('sessions');
    expect(source.regions).toHaveLength(38 + 514);
    expect(source.units?.length).toBeGreaterThan(60);
    expect(source.users?.length).toBeGreaterThanOrEqual(7);
    expect(source.units?.some((j) => j.includes(created.unit.id) && j.includes('Cadangan — ñ ✓ 🇮🇩'))).toBe(true);
    expect(source.audit_log?.some((j) => j.includes('"action":"unit.updated"') && j.includes('baris dua\\tdengan tab'))).toBe(true);
    // Attachments of every owner are in the one table the restore refills.
    expect(source.attachments?.some((j) => j.includes('"owner_type":"innovation"') && j.includes('"slot":"sid.'))).toBe(true);
    expect(Object.keys(source)).not.toEqual(expect.arrayContaining(['evidence']));

    await withFreshDatabase(async (handle) => {
      const summary = await restoreDatabase(handle.db, backupFile);
      expect(summary.rows.units).toBe(source.units?.length);

      const target = await contentsOf(handle.db);
      expect(Object.keys(target)).toEqual(Object.keys(source));
      for (const table of Object.keys(source)) expect(target[table], table).toEqual(source[table]);

      const app = await appOn(handle);
      try {
        const restoredMax = await maxAuditId(handle.db);
        const demo = await loginAs(app, 'admin.demo', DEMO_PASSWORD);
        const me = await demo.get('/api/v1/auth/me');
        expect(me.json()).toMatchObject({ user: { username: 'admin.demo', role: 'admin_daerah', region: { code: HOME } } });
        await loginAs(app, 'cadangan.operator', NEW_PASSWORD);

        // The audit log continues after the restored ids.
        const res = await demo.post(`/api/v1/regions/${HOME}/units`, { kind: 'kantor', name: 'Kantor Sesudah Pemulihan' });
        expect(res.statusCode, res.body).toBe(201);
        expect(await maxAuditId(handle.db)).toBeGreaterThan(restoredMax);
        const audit = await demo.get(`/api/v1/regions/${HOME}/audit?action=unit.created&pageSize=1`);
        const [newest] = (audit.json() as { items: { id: number; entityId: string }[] }).items;
        expect(newest?.entityId).toBe((res.json() as Unit).id);
        expect(newest?.id).toBeGreaterThan(restoredMax);

        const unit = await demo.get(`/api/v1/regions/${HOME}/units/${created.unit.id}`);
        expect(unit.json()).toMatchObject({ name: created.unit.name, headName: 'Kepala {"bukan":"json"}', kind: 'badan', version: 2 });
      } finally {
        await app.close();
      }
    });
  });

  it('leaves sessions out: an old session cookie means nothing after the restore', async () => {
    const session = await loginAs(t.app, 'operator.demo', DEMO_PASSWORD);
    const file = path.join(dir, 'with-session.backup.gz');
    await backupDatabase(t.db, file);
    const lines = gunzipSync(await readFile(file)).toString('utf8');
    expect(lines).not.toMatch(/^"sessions"\t/m);

    await withFreshDatabase(async (handle) => {
      await restoreDatabase(handle.db, file);
      const app = await appOn(handle);
      try {
        const res = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie ?? '' } });
        expect(res.statusCode).toBe(401);
      } finally {
        await app.close();
      }
    });
  });
});

describe('a restore that cannot be done', () => {
  it('refuses a database that already holds units or users, with a clear message, and changes nothing', async () => {
    await withFreshDatabase(async (handle) => {
      await makeUnit(handle.db, HOME, { kind: 'dinas', name: 'Dinas Yang Sudah Ada' });
      const before = await contentsOf(handle.db);
      expect(await restoreError(handle.db, backupFile)).toMatch(/^Basis data tujuan sudah berisi data \(units\)/);
      expect(await contentsOf(handle.db)).toEqual(before);
    });
  });

  it('refuses a file that is not a Sinergi backup, and changes nothing', async () => {
    const notGzip = path.join(dir, 'not-gzip.bin');
    writeFileSync(notGzip, 'ini bukan berkas cadangan\n');
    const notJson = path.join(dir, 'not-json.gz');
    writeFileSync(notJson, gzipSync('ini bukan JSON\n"units"\t{}\n'));
    const otherFormat = path.join(dir, 'other-format.gz');
    writeFileSync(otherFormat, gzipSync(`${JSON.stringify({ format: 'pg_dump', formatVersion: 1 })}\n`));
    const empty = path.join(dir, 'empty.gz');
    writeFileSync(empty, gzipSync(''));

    await withFreshDatabase(async (handle) => {
      const before = await contentsOf(handle.db);
      expect(await restoreError(handle.db, notGzip)).toBe('Bukan berkas cadangan Sinergi (bukan berkas gzip)');
      expect(await restoreError(handle.db, notJson)).toBe('Bukan berkas cadangan Sinergi');
      expect(await restoreError(handle.db, otherFormat)).toBe('Bukan berkas cadangan Sinergi (format tidak dikenal)');
      expect(await restoreError(handle.db, empty)).toBe('Berkas cadangan kosong');
      expect(await contentsOf(handle.db)).toEqual(before);
    });
  });

  it('rolls back completely when a row fails halfway: the target keeps its regions and gets no units', async () => {
    const text = gunzipSync(await readFile(backupFile)).toString('utf8');
    const broken = path.join(dir, 'broken.gz');
    // A unit of a region that does not exist, after all the good rows.
    const bad = `"units"\t${JSON.stringify({ id: '00000000-0000-4000-8000-000000000001', region_code: '99.99', kind: 'dinas', name: 'Rusak', version: 1 })}\n`;
    writeFileSync(broken, gzipSync(text + bad));

    await withFreshDatabase(async (handle) => {
      const before = await contentsOf(handle.db);
      expect(before.regions).toHaveLength(38 + 514);
      expect(await restoreError(handle.db, broken)).not.toBe('no error');
      expect(await contentsOf(handle.db)).toEqual(before);
    });
  });
});
