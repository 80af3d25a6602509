/**
 * Integration-test harness: a real app on a real database (a copy of the migrated template: PGlite in
 * process, or a fresh database on the Postgres server when SINERGI_TEST_DATABASE_URL is set), with
 * factories that create what a test needs and a `client` that logs in through the HTTP API.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import pg from 'pg';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../../src/server/app.ts';
import { loadConfig, type AppConfig, type StorageConfig } from '../../src/server/config.ts';
import { openDatabase, type DatabaseHandle, type Db } from '../../src/server/db/client.ts';
import { units, users } from '../../src/server/db/schema.ts';
import type { MailSender } from '#server/platform/mail/mailer.ts';
import { hashPassword } from '#server/platform/passwords.ts';
import { createLogger } from '../../src/server/logger.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import type { UnitKind } from '../../src/domain/units/unit-kinds.ts';
import type { S3TestServer } from './s3-server.ts';

export const TEST_PASSWORD = 'kata-sandi-uji-123';

/** Each test app stores uploads in its own temporary directory, removed on close. */
function storageDirForTests(): string {
  return mkdtempSync(path.join(tmpdir(), 'sinergi-files-'));
}
let passwordHash: Promise<string> | undefined;

export interface TestApp {
  app: App;
  db: Db;
  kind: DatabaseHandle['kind'];
  /** Opens one more connection to the same database (e.g. a second app instance). */
  database: DatabaseHandle;
  /** The local S3 server behind the app, when it was started with `storage: 's3'`. */
  s3: S3TestServer | undefined;
  close(): Promise<void>;
}

/**
 * Config overrides; `storage: 's3'` also starts a local S3 server for this app and stops it on close;
 * `mailSender` is the app's sender for mail sent at once (a vote's code), e.g. one that records.
 */
export type TestAppOverrides = Omit<Partial<AppConfig>, 'storage'> & { storage?: StorageConfig | 's3'; mailSender?: MailSender };

/** A fresh, migrated, empty database (regions loaded) for one test file. */
export async function openTestDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const template = inject('postgresTemplate');
  const serverUrl = process.env.SINERGI_TEST_DATABASE_URL;
  if (template && serverUrl) {
    const name = `sinergi_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
    return {
      handle,
      drop: async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const file = inject('pgliteTemplate');
  const handle = await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: new Blob([readFileSync(file)]) });
  return { handle, drop: async () => {} };
}

export async function startTestApp(overrides: TestAppOverrides = {}): Promise<TestApp> {
  const { storage, mailSender, ...rest } = overrides;
  // Imported only here, so the many test files on local disk do not load the S3 server.
  const s3 = storage === 's3' ? await (await import('./s3-server.ts')).startS3Server() : undefined;
  const storageConfig = s3 ? s3.storageConfig() : storage === 's3' ? undefined : storage;
  const { handle, drop } = await openTestDatabase();
  const config: AppConfig = {
    ...loadConfig({}),
    logLevel: 'silent',
    loginRatePerMinute: 10_000,
    webDir: '/nonexistent',
    storageDir: storageDirForTests(),
    ...rest,
    ...(storageConfig ? { storage: storageConfig } : {}),
  };
  const app = await buildApp({ config, database: handle, logger: createLogger('silent'), mailSender });
  await app.ready();
  return {
    app,
    db: handle.db,
    kind: handle.kind,
    database: handle,
    s3,
    close: async () => {
      await app.close();
      await handle.close();
      await drop();
      rmSync(config.storageDir, { recursive: true, force: true });
      await s3?.stop();
    },
  };
}

// ---- factories --------------------------------------------------------------------------------

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}${randomUUID().slice(0, 6)}`;

export async function makeUnit(
  db: Db,
  regionCode: string,
  fields: Partial<{ kind: UnitKind; name: string; shortName: string | null; headName: string | null; parentId: string | null }> = {},
) {
  const [row] = await db
    .insert(units)
    .values({
      regionCode,
      kind: fields.kind ?? 'dinas',
      name: fields.name ?? unique('Dinas Uji '),
      shortName: fields.shortName === undefined ? unique('DU') : fields.shortName,
      headName: fields.headName ?? null,
      parentId: fields.parentId ?? null,
    })
    .returning();
  if (!row) throw new Error('unit not created');
  return row;
}

export async function makeUser(
  db: Db,
  fields: { role: Role; regionCode?: string | null; unitId?: string | null; username?: string; isActive?: boolean },
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const regionCode = fields.role === 'admin_nasional' ? null : (fields.regionCode ?? '19.71');
  let unitId = fields.unitId ?? null;
  if (fields.role === 'operator' && !unitId && regionCode) unitId = (await makeUnit(db, regionCode)).id;
  const [row] = await db
    .insert(users)
    .values({
      username: fields.username ?? unique(`${fields.role}.`).toLowerCase(),
      displayName: `Uji ${fields.role}`,
      role: fields.role,
      regionCode,
      unitId,
      isActive: fields.isActive ?? true,
      passwordHash: await passwordHash,
    })
    .returning();
  if (!row) throw new Error('user not created');
  return row;
}

// ---- HTTP client ------------------------------------------------------------------------------

export interface Client {
  cookie: string | null;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export function anonymous(app: App): Client {
  return clientWith(app, null);
}

function clientWith(app: App, cookie: string | null): Client {
  const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { ...(cookie ? { cookie } : {}), ...headers },
      ...(body === undefined ? {} : Buffer.isBuffer(body) ? { body } : { payload: body as object }),
    });
  return {
    cookie,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    put: (url, body) => request('PUT', url, body ?? {}),
    delete: (url) => request('DELETE', url),
  };
}

/** Logs in through the API and returns a client carrying the session cookie. */
export async function loginAs(app: App, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sinergi_session');
  if (!cookie) throw new Error('no session cookie');
  return clientWith(app, `sinergi_session=${cookie.value}`);
}

/** Creates a user of `role` and logs in as them. */
export async function clientFor(t: TestApp, role: Role, regionCode = '19.71', unitId?: string) {
  const user = await makeUser(t.db, { role, regionCode, unitId: unitId ?? null });
  return { user, client: await loginAs(t.app, user.username) };
}
