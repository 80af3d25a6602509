/**
 * Child process: the ceiling. A bare `node:http` server answering the benchmarked request,
 * `GET /api/v1/regions/:regionCode/units?page=&pageSize=`, with the same SQL the app runs, through the
 * same driver (node-postgres pool of 10, like `openDatabase`; or PGlite), and no framework, ORM, schema
 * validation or logging. What the app costs above this is the price of its framework and safety layers.
 *
 * The SQL is copied from what Drizzle generates for the app (printed with `.toSQL()`):
 * - the session check of `resolveSession` (src/server/features/auth/auth.service.ts), with its touch at
 *   most once a minute;
 * - the page and count queries of `listUnits` (src/server/features/units/units.queries.ts), run
 *   concurrently as the app does, with default sort (name, then id) and no filters.
 * Keep these in step with the app when its queries change.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Actor, can, canAccessRegion, type Role } from '#domain/access/roles.ts';
import { benchDatabaseFromEnv, failAndExit, readDump, stopOn, tellParent } from './child.ts';

const SESSION_SQL =
  'select "users"."id", "users"."username", "users"."display_name", "users"."role", "users"."region_code", "users"."unit_id", "sessions"."last_seen_at" from "sessions" inner join "users" on "users"."id" = "sessions"."user_id" where ("sessions"."id" = $1 and "sessions"."expires_at" > $2 and "users"."is_active" = $3) limit $4';
const TOUCH_SQL = 'update "sessions" set "last_seen_at" = $1 where "sessions"."id" = $2';
/** Only for the national admin, who may name any region code (src/server/http/plugins.ts). */
const REGION_SQL = 'select "code" from "regions" where "regions"."code" = $1';
const PAGE_SQL =
  'select "units"."id", "units"."region_code", "units"."parent_id", "parent"."name", "units"."kind", "units"."name", "units"."short_name", "units"."head_name", "units"."version", "units"."updated_at", (select count(*)::int from "units" c where c.parent_id = "units"."id") as "child_count", (select count(*)::int from "users" u where u.unit_id = "units"."id") as "user_count" from "units" left join "units" "parent" on "parent"."id" = "units"."parent_id" where "units"."region_code" = $1 order by "units"."name" asc, "units"."id" asc limit $2';
/** Drizzle leaves out `offset 0`, so page 1 runs PAGE_SQL and later pages this one. */
const PAGE_SQL_WITH_OFFSET = `${PAGE_SQL} offset $3`;
const COUNT_SQL = 'select count(*) from "units" where "units"."region_code" = $1';

const SESSION_COOKIE = 'sinergi_session';
const REGION_PATH = /^\/api\/v1\/regions\/(\d{2}(?:\.\d{2})?)\/units\/?(?:\?(.*))?$/;

/** Rows as arrays, as Drizzle asks for them (the page query has two columns called "name"). */
type Query = (text: string, params: unknown[]) => Promise<unknown[][]>;

interface Driver {
  query: Query;
  close(): Promise<void>;
}

async function openDriver(): Promise<Driver> {
  const bench = benchDatabaseFromEnv();
  if (bench.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: bench.url, max: 10 });
    const probe = await pool.connect();
    probe.release();
    return {
      query: async (text, values) => (await pool.query<unknown[]>({ text, values, rowMode: 'array' })).rows,
      close: () => pool.end(),
    };
  }
  const client = await PGlite.create({ loadDataDir: readDump(bench.dumpFile) });
  return {
    query: async (text, params) => (await client.query<unknown[]>(text, params, { rowMode: 'array' })).rows,
    close: () => client.close(),
  };
}

function text(v: unknown): string {
  return String(v);
}

function textOrNull(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

function iso(v: unknown): string {
  return (v instanceof Date ? v : new Date(String(v))).toISOString();
}

/** The same fields as the app's `presentUnit`. */
function presentUnit(r: unknown[]) {
  return {
    id: text(r[0]),
    regionCode: text(r[1]),
    parentId: textOrNull(r[2]),
    parentName: textOrNull(r[3]),
    kind: text(r[4]),
    name: text(r[5]),
    shortName: textOrNull(r[6]),
    headName: textOrNull(r[7]),
    childCount: Number(r[10]),
    userCount: Number(r[11]),
    version: Number(r[8]),
    updatedAt: iso(r[9]),
  };
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

function intParam(raw: string | null, fallback: number, min: number, max: number): number | null {
  if (raw === null) return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

const fail = (res: http.ServerResponse, status: number, code: string) => send(res, status, { error: { code } });

function createHandler(query: Query) {
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const match = req.method === 'GET' ? REGION_PATH.exec(req.url ?? '') : null;
    const regionCode = match?.[1];
    if (!match || !regionCode) return fail(res, 404, 'ROUTE_NOT_FOUND');
    const search = new URLSearchParams(match[2] ?? '');
    const page = intParam(search.get('page'), 1, 1, 100_000);
    const pageSize = intParam(search.get('pageSize'), 25, 1, 200);
    if (page === null || pageSize === null) return fail(res, 400, 'VALIDATION_FAILED');

    // Session check (resolveSession).
    const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
    if (!token) return fail(res, 401, 'UNAUTHENTICATED');
    const now = new Date();
    const sessionId = createHash('sha256').update(token).digest('hex');
    const [row] = await query(SESSION_SQL, [sessionId, now.toISOString(), true, 1]);
    if (!row) return fail(res, 401, 'UNAUTHENTICATED');
    const lastSeenAt = row[6] instanceof Date ? row[6] : new Date(String(row[6]));
    if (now.getTime() - lastSeenAt.getTime() > 60_000) await query(TOUCH_SQL, [now.toISOString(), sessionId]);
    const actor: Actor = { id: text(row[0]), role: text(row[3]) as Role, regionCode: textOrNull(row[4]), unitId: textOrNull(row[5]) };

    // Access (registerSessionAndAccess).
    if (!canAccessRegion(actor, regionCode)) return fail(res, 403, 'REGION_FORBIDDEN');
    if (!can(actor, 'units.read', regionCode)) return fail(res, 403, 'FORBIDDEN');
    if (actor.role === 'admin_nasional' && (await query(REGION_SQL, [regionCode])).length === 0) return fail(res, 404, 'NOT_FOUND');

    // listUnits: page and count together.
    const offset = (page - 1) * pageSize;
    const [items, counted] = await Promise.all([
      offset > 0 ? query(PAGE_SQL_WITH_OFFSET, [regionCode, pageSize, offset]) : query(PAGE_SQL, [regionCode, pageSize]),
      query(COUNT_SQL, [regionCode]),
    ]);
    send(res, 200, { items: items.map(presentUnit), total: Number(counted[0]?.[0] ?? 0), page, pageSize });
  };
}

/**
 * On PGlite each server has its own copy of the data, so the session the app created at login is not
 * in the ceiling's copy: the parent passes the token and the ceiling records it as login does.
 */
async function adoptSession(query: Query): Promise<void> {
  const token = process.env.BENCH_SESSION_TOKEN;
  const username = process.env.BENCH_SESSION_USER;
  if (!token || !username) return;
  const id = createHash('sha256').update(token).digest('hex');
  const expiresAt = new Date(Date.now() + 12 * 3_600_000).toISOString();
  await query(
    'insert into "sessions" ("id", "user_id", "expires_at") select $1, "id", $2 from "users" where lower("username") = $3 on conflict ("id") do nothing',
    [id, expiresAt, username.toLowerCase()],
  );
}

async function main(): Promise<void> {
  const driver = await openDriver();
  if (benchDatabaseFromEnv().kind === 'pglite') await adoptSession(driver.query);
  const handler = createHandler(driver.query);
  // Requests still running when the load stops finish before the pool closes.
  let inFlight = 0;
  let drained: (() => void) | null = null;
  const server = http.createServer((req, res) => {
    inFlight++;
    handler(req, res)
      .catch((err: unknown) => {
        console.error(err);
        if (!res.headersSent) fail(res, 500, 'INTERNAL');
        else res.destroy();
      })
      .finally(() => {
        inFlight--;
        if (inFlight === 0) drained?.();
      });
  });
  stopOn(async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
    server.closeAllConnections();
    await closed;
    await driver.close();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  await tellParent({ type: 'ready', port: address.port });
}

main().catch(failAndExit);
