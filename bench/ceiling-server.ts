/**
 * Child process: the ceiling. A bare `node:http` server answering the benchmarked requests with the same
 * SQL the app runs, through the same driver (node-postgres pool of 10, like `openDatabase`; or PGlite),
 * and no framework, ORM, schema validation or logging. What the app costs above this is the price of its
 * framework and safety layers. The requests:
 * - `GET /api/v1/regions/:regionCode/units?page=&pageSize=` (suite units);
 * - `GET /api/v1/regions/:regionCode/innovations?periodId=&page=&pageSize=` (suite innovations);
 * - `GET /api/v1/public/innovations?q=&year=&page=&pageSize=` (suite innovations, anonymous);
 * - `POST /api/v1/public/services/:id/skm-responses` (suite layanan: a citizen's survey answer).
 *
 * The SQL is copied from what Drizzle generates for the app (printed with `.toSQL()`, or logged by a
 * Postgres server with log_statement=all):
 * - the session check of `resolveSession` (src/server/features/auth/auth.service.ts), with its touch at
 *   most once a minute;
 * - the page and count queries of `listUnits` (src/server/features/units/units.queries.ts), run
 *   concurrently as the app does, with default sort (name, then id) and no filters;
 * - the page and count queries of `listInnovations` (src/server/features/innovations/innovations.queries.ts)
 *   with the period filter only and the default sort (updated_at desc, then id);
 * - the page and count queries of `listPublicInnovations` (src/server/features/catalogue/catalogue.queries.ts)
 *   with the text and year filters only, and the route's weak ETag and cache headers;
 * - a survey answer, as the app writes it (src/server/features/layanan/skm-responses.service.ts): the
 *   service's answer target (region and open period) looked up and remembered for the same few seconds,
 *   then the answer handed to the same group-commit queue, which writes the answers waiting together
 *   with the very statement the app runs, prepared under the same name (src/server/features/layanan/
 *   skm-ingest.ts: target check, device interval, idempotency receipt, answer, tally shares); a retried
 *   key's first answer read back.
 *   Hand-written checks of the body instead of zod; no rate limit (the app's is in memory).
 * Keep these in step with the app when its queries change.
 */
import { createHash, randomInt, randomUUID } from 'node:crypto';
import http from 'node:http';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Actor, can, canAccessRegion, type Role } from '#domain/access/roles.ts';
import { GroupCommit, INGEST_SQL, type IngestRow, RECEIPT_LOOKUP_SQL, type Settled } from '#server/features/layanan/skm-ingest.ts';
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

const INNOVATION_PAGE_SQL =
  'select "innovations"."id", "innovations"."period_id", "periods"."year", "innovations"."unit_id", "units"."name", "innovations"."status", "innovations"."name", "innovations"."tahapan", "innovations"."jenis", "innovations"."urusan_utama", "innovations"."updated_at", "innovations"."version" from "innovations" inner join "units" on "units"."id" = "innovations"."unit_id" inner join "periods" on "periods"."id" = "innovations"."period_id" where ("innovations"."region_code" = $1 and "innovations"."period_id" = $2) order by "innovations"."updated_at" desc, "innovations"."id" asc limit $3';
const INNOVATION_COUNT_SQL =
  'select count(*) from "innovations" inner join "units" on "units"."id" = "innovations"."unit_id" where ("innovations"."region_code" = $1 and "innovations"."period_id" = $2)';

/**
 * The public catalogue's statements for a text and, optionally, a year, as `listPublicInnovations`
 * sends them: the page's ids (matches in the name first, then the rest, newest verified first within
 * each), the count up to the cap, then the page's rows by id.
 */
function catalogueSql(withYear: boolean): { ids: string; count: string } {
  // Parameters of `ids`: tier 1, status, [year], q, limit, tier 2, status, q, [year lexeme], q, limit, limit, [offset].
  const y = withYear ? 1 : 0;
  const nameGroup = `(select "id", $1::int as "tier", "verified_at" from "innovations" where ("innovations"."status" = $2${withYear ? ' and "innovations"."year" = $3' : ''} and "innovations"."name_vector" @@ websearch_to_tsquery('indonesian', $${3 + y})) order by "innovations"."verified_at" desc nulls last, "innovations"."id" asc limit $${4 + y})`;
  const text = (q: number, lexeme: number) =>
    withYear ? `(websearch_to_tsquery('indonesian', $${q}) && $${lexeme}::tsquery)` : `websearch_to_tsquery('indonesian', $${q})`;
  const textGroup = `(select "id", $${5 + y}::int as "tier", "verified_at" from "innovations" where ("innovations"."status" = $${6 + y} and "innovations"."search_vector" @@ ${text(7 + y, 8 + y)} and not "innovations"."name_vector" @@ websearch_to_tsquery('indonesian', $${8 + 2 * y})) order by "innovations"."verified_at" desc nulls last, "innovations"."id" asc limit $${9 + 2 * y})`;
  return {
    ids: `${nameGroup} union all ${textGroup} order by tier, verified_at desc nulls last, id  limit $${10 + 2 * y}`,
    count: `select count(*) from (select 1 from "innovations" where ("innovations"."status" = $1 and "innovations"."search_vector" @@ ${text(2, 3)}) limit $${3 + y}) "matches"`,
  };
}
/** The page's rows, `$1` the summary length and `$2…` the ids. */
const catalogueRowsSql = (n: number) =>
  `select "innovations"."id", "innovations"."region_code", "regions"."name", "periods"."year", "units"."name", "innovations"."name", "innovations"."tahapan", "innovations"."jenis", "innovations"."urusan_utama", left("innovations"."tujuan", $1) from "innovations" inner join "regions" on "regions"."code" = "innovations"."region_code" inner join "periods" on "periods"."id" = "innovations"."period_id" inner join "units" on "units"."id" = "innovations"."unit_id" where "innovations"."id" in (${Array.from({ length: n }, (_, i) => `$${i + 2}`).join(', ')})`;
/** As `CATALOGUE_COUNT_CAP` in the app. */
const CATALOGUE_COUNT_CAP = 2_000;
const CATALOGUE_SQL = { withYear: catalogueSql(true), allYears: catalogueSql(false) };
const PUBLISHED = 'terverifikasi';
const SUMMARY_TUJUAN_CHARS = 300;

/** A survey answer (suite layanan): the target lookup as logged by Postgres for the app's request; the write is the app's own statement. */
const ANSWER_TARGET_SQL = `
    select s.region_code as "regionCode", s.is_active as "isActive", p.id as "periodId", p.device_interval_hours as "deviceIntervalHours"
    from "services" s
    left join lateral (
      select p.id, p.device_interval_hours from "skm_periods" p
      where p.region_code = s.region_code and p.status = 'dibuka' and p.starts_on <= $1 and p.ends_on >= $2
        and (p.all_services or exists (select 1 from skm_period_services ps where ps.period_id = p.id and ps.service_id = s.id))
      order by p.starts_on desc limit 1
    ) p on true
    where s.id = $3`;
const UNSUR = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'] as const;
const SKM_SCOPE = 'POST /api/v1/public/services/:id/skm-responses';
const TALLY_SHARDS = 8;
const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;
const BODY_LIMIT = 1_048_576;

const SESSION_COOKIE = 'sinergi_session';
const REGION_PATH = /^\/api\/v1\/regions\/(\d{2}(?:\.\d{2})?)\/(units|innovations)\/?(?:\?(.*))?$/;
const CATALOGUE_PATH = /^\/api\/v1\/public\/innovations\/?(?:\?(.*))?$/;
const SKM_ANSWER_PATH = /^\/api\/v1\/public\/services\/([0-9a-f-]{36})\/skm-responses\/?$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rows as arrays, as Drizzle asks for them (the page query has two columns called "name"); `name` prepares it per connection, as the app does. */
type Query = (text: string, params: unknown[], name?: string) => Promise<unknown[][]>;

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
      query: async (text, values, name) => (await pool.query<unknown[]>({ text, values, rowMode: 'array', ...(name ? { name } : {}) })).rows,
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

/** The same fields as the app's `presentSummary` (innovations). */
function presentInnovationSummary(r: unknown[]) {
  return {
    id: text(r[0]),
    periodId: text(r[1]),
    year: Number(r[2]),
    unitId: text(r[3]),
    unitName: text(r[4]),
    status: text(r[5]),
    name: text(r[6]),
    tahapan: textOrNull(r[7]),
    jenis: textOrNull(r[8]),
    urusanUtama: textOrNull(r[9]),
    updatedAt: iso(r[10]),
    version: Number(r[11]),
  };
}

/** The same fields as the app's `presentPublicSummary`. */
function presentPublicSummary(r: unknown[]) {
  return {
    id: text(r[0]),
    regionCode: text(r[1]),
    regionName: text(r[2]),
    year: Number(r[3]),
    unitName: text(r[4]),
    name: text(r[5]),
    tahapan: textOrNull(r[6]),
    jenis: textOrNull(r[7]),
    urusanUtama: textOrNull(r[8]),
    tujuan: text(r[9]),
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

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json), ...headers });
  res.end(json);
}

/** The catalogue route's caching headers: a weak ETag of the answer, as the app computes it. */
function cacheHeaders(body: unknown): Record<string, string> {
  const etag = `W/"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 32)}"`;
  return { etag, 'cache-control': 'public, max-age=60' };
}

const fail = (res: http.ServerResponse, status: number, code: string) => send(res, status, { error: { code } });

/** Session check (resolveSession) and access (registerSessionAndAccess); null once a refusal is sent. */
async function authorize(
  query: Query,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  regionCode: string,
  permission: 'units.read' | 'innovations.read',
): Promise<Actor | null> {
  const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
  if (!token) {
    fail(res, 401, 'UNAUTHENTICATED');
    return null;
  }
  const now = new Date();
  const sessionId = createHash('sha256').update(token).digest('hex');
  const [row] = await query(SESSION_SQL, [sessionId, now.toISOString(), true, 1]);
  if (!row) {
    fail(res, 401, 'UNAUTHENTICATED');
    return null;
  }
  const lastSeenAt = row[6] instanceof Date ? row[6] : new Date(String(row[6]));
  if (now.getTime() - lastSeenAt.getTime() > 60_000) await query(TOUCH_SQL, [now.toISOString(), sessionId]);
  const actor: Actor = { id: text(row[0]), role: text(row[3]) as Role, regionCode: textOrNull(row[4]), unitId: textOrNull(row[5]) };
  if (!canAccessRegion(actor, regionCode)) {
    fail(res, 403, 'REGION_FORBIDDEN');
    return null;
  }
  if (!can(actor, permission, regionCode)) {
    fail(res, 403, 'FORBIDDEN');
    return null;
  }
  if (actor.role === 'admin_nasional' && (await query(REGION_SQL, [regionCode])).length === 0) {
    fail(res, 404, 'NOT_FOUND');
    return null;
  }
  return actor;
}

/** Drizzle leaves out `offset 0`: page 1 runs the SQL as is, later pages with one more parameter. */
function paged(sql: string, params: unknown[], offset: number): [string, unknown[]] {
  return offset > 0 ? [`${sql} offset $${params.length + 1}`, [...params, offset]] : [sql, params];
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

/** The request body as text, or null past the app's body limit. */
async function readBody(req: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

interface AnswerInput {
  answers: Record<(typeof UNSUR)[number], number>;
  respondent: Partial<Record<'gender' | 'ageGroup' | 'education' | 'occupation' | 'vulnerable' | 'serviceDate', string | null>>;
  suggestion: string | null;
  channel: 'tautan' | 'kiosk';
  deviceId: string | null;
  honeypot: boolean;
}

const RESPONDENT_FIELDS = ['gender', 'ageGroup', 'education', 'occupation', 'vulnerable', 'serviceDate'] as const;

/** The rules of skmResponseInput, by hand: nine answers 1–4, optional profile strings, suggestion, channel, device id. */
function parseAnswer(raw: string): AnswerInput | null {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  const honeypot = typeof b.website === 'string' && b.website.trim() !== '';
  const answers = b.answers as Record<string, unknown> | undefined;
  if (typeof answers !== 'object' || answers === null || Object.keys(answers).length !== UNSUR.length) return null;
  for (const k of UNSUR) {
    const v = answers[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 4) return null;
  }
  const respondent: AnswerInput['respondent'] = {};
  if (b.respondent !== undefined) {
    if (typeof b.respondent !== 'object' || b.respondent === null) return null;
    const r = b.respondent as Record<string, unknown>;
    for (const f of RESPONDENT_FIELDS) {
      const v = r[f];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'string') return null;
      respondent[f] = v;
    }
  }
  const suggestion = typeof b.suggestion === 'string' && b.suggestion.trim() !== '' ? b.suggestion.trim().slice(0, 2000) : null;
  const channel = b.channel === undefined ? 'tautan' : b.channel;
  if (channel !== 'tautan' && channel !== 'kiosk') return null;
  const deviceId = typeof b.deviceId === 'string' ? b.deviceId.trim() : null;
  if (deviceId !== null && (deviceId.length < 8 || deviceId.length > 100)) return null;
  return { answers: answers as AnswerInput['answers'], respondent, suggestion, channel, deviceId, honeypot };
}

/** The survey day in Indonesia (WIB), as the app counts it (one formatter, as the app has). */
const WIB_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' });
const todayInIndonesia = (now: Date): string => WIB_DAY.format(now);

/** As the app: a service's target remembered for 5 s; answers arriving together share one lookup. */
const TARGET_TTL_MS = 5_000;
interface AnswerTarget {
  regionCode: string;
  periodId: string;
}
interface PendingAnswer {
  id: string;
  keyHash: string | null;
  serviceId: string;
  target: AnswerTarget;
  input: AnswerInput;
  deviceHash: string | null;
}
type WriteOutcome = { stored: true; id: string; replayed: boolean } | { stored: false; onTarget: boolean; tooSoon: boolean };

function ingestRow(p: PendingAnswer, i: number, shard: number): IngestRow {
  const a = p.input.answers;
  const r = p.input.respondent;
  return {
    i,
    id: p.id,
    scope: p.keyHash === null ? null : SKM_SCOPE,
    key_hash: p.keyHash,
    service_id: p.serviceId,
    period_id: p.target.periodId,
    region_code: p.target.regionCode,
    device_hash: p.deviceHash,
    shard,
    u1: a.U1,
    u2: a.U2,
    u3: a.U3,
    u4: a.U4,
    u5: a.U5,
    u6: a.U6,
    u7: a.U7,
    u8: a.U8,
    u9: a.U9,
    gender: r.gender ?? null,
    age_group: r.ageGroup ?? null,
    education: r.education ?? null,
    occupation: r.occupation ?? null,
    vulnerable: r.vulnerable ?? null,
    service_date: r.serviceDate ?? null,
    suggestion: p.input.suggestion,
    channel: p.input.channel,
  };
}

/** The app's batch write (writeAnswers): one statement per batch, the same key written once. */
function answerWriter(query: Query) {
  return async (items: readonly PendingAnswer[]): Promise<Array<Settled<WriteOutcome>>> => {
    const rows: IngestRow[] = [];
    const rowOfItem: number[] = [];
    const firstWithKey = new Map<string, number>();
    const shards = new Map<string, number>();
    for (const item of items) {
      const earlier = item.keyHash === null ? undefined : firstWithKey.get(item.keyHash);
      if (earlier !== undefined) {
        rowOfItem.push(earlier);
        continue;
      }
      let shard = shards.get(item.serviceId);
      if (shard === undefined) {
        shard = 1 + randomInt(TALLY_SHARDS - 1); // shard 0 is the paper forms', as in the app
        shards.set(item.serviceId, shard);
      }
      if (item.keyHash !== null) firstWithKey.set(item.keyHash, rows.length);
      rowOfItem.push(rows.length);
      rows.push(ingestRow(item, rows.length, shard));
    }
    const result = await query(INGEST_SQL, [JSON.stringify(rows), todayInIndonesia(new Date()), 24, 5], 'skm_ingest');
    // Columns: i, stored, on_target, too_soon, interval_hours.
    const byRow = new Map(result.map((r) => [Number(r[0]), r]));
    return items.map((item, n): Settled<WriteOutcome> => {
      const row = rows[rowOfItem[n] ?? -1];
      const written = byRow.get(rowOfItem[n] ?? -1);
      if (!row || !written) return { ok: false, error: new Error('the survey batch gave no result for an answer') };
      if (written[1] === true) return { ok: true, value: { stored: true, id: row.id, replayed: row.id !== item.id } };
      return { ok: true, value: { stored: false, onTarget: written[2] === true, tooSoon: written[3] === true } };
    });
  };
}

function createHandler(query: Query) {
  const listUnits = async (req: http.IncomingMessage, res: http.ServerResponse, regionCode: string, search: URLSearchParams) => {
    const page = intParam(search.get('page'), 1, 1, 100_000);
    const pageSize = intParam(search.get('pageSize'), 25, 1, 200);
    if (page === null || pageSize === null) return fail(res, 400, 'VALIDATION_FAILED');
    if (!(await authorize(query, req, res, regionCode, 'units.read'))) return;
    // listUnits: page and count together.
    const offset = (page - 1) * pageSize;
    const [items, counted] = await Promise.all([
      offset > 0 ? query(PAGE_SQL_WITH_OFFSET, [regionCode, pageSize, offset]) : query(PAGE_SQL, [regionCode, pageSize]),
      query(COUNT_SQL, [regionCode]),
    ]);
    send(res, 200, { items: items.map(presentUnit), total: Number(counted[0]?.[0] ?? 0), page, pageSize });
  };

  /** The period filter and the default sort only: what the benchmark asks for. */
  const listInnovations = async (req: http.IncomingMessage, res: http.ServerResponse, regionCode: string, search: URLSearchParams) => {
    const page = intParam(search.get('page'), 1, 1, 100_000);
    const pageSize = intParam(search.get('pageSize'), 25, 1, 200);
    const periodId = search.get('periodId');
    if (page === null || pageSize === null || periodId === null || !UUID.test(periodId)) return fail(res, 400, 'VALIDATION_FAILED');
    const actor = await authorize(query, req, res, regionCode, 'innovations.read');
    if (!actor) return;
    if (actor.role === 'operator') return fail(res, 501, 'NOT_IN_CEILING'); // the own-unit filter is not copied here
    const [pageSql, pageParams] = paged(INNOVATION_PAGE_SQL, [regionCode, periodId, pageSize], (page - 1) * pageSize);
    const [items, counted] = await Promise.all([query(pageSql, pageParams), query(INNOVATION_COUNT_SQL, [regionCode, periodId])]);
    send(res, 200, { items: items.map(presentInnovationSummary), total: Number(counted[0]?.[0] ?? 0), page, pageSize });
  };

  /** The text and year filters only (a search without `q` or with other filters is not copied here). */
  const searchCatalogue = async (res: http.ServerResponse, search: URLSearchParams) => {
    const q = (search.get('q') ?? '').trim();
    const yearRaw = search.get('year');
    const year = yearRaw === null ? null : intParam(yearRaw, 0, 2015, 2100);
    const page = intParam(search.get('page'), 1, 1, 10_000);
    const pageSize = intParam(search.get('pageSize'), 20, 1, 100);
    if (q === '' || q.length > 200 || year === 0 || page === null || pageSize === null) return fail(res, 400, 'VALIDATION_FAILED');
    if ((page - 1) * pageSize >= CATALOGUE_COUNT_CAP) return fail(res, 400, 'VALIDATION_FAILED');
    const sql = year === null ? CATALOGUE_SQL.allYears : CATALOGUE_SQL.withYear;
    const offset = (page - 1) * pageSize;
    const lexeme = year === null ? [] : [`'#${year}'`];
    const idParams = [
      1,
      PUBLISHED,
      ...(year === null ? [] : [year]),
      q,
      offset + pageSize,
      2,
      PUBLISHED,
      q,
      ...lexeme,
      q,
      offset + pageSize,
      pageSize,
    ];
    const [idsSql, idsParams] = paged(sql.ids, idParams, offset);
    const [idRows, counted] = await Promise.all([query(idsSql, idsParams), query(sql.count, [PUBLISHED, q, ...lexeme, CATALOGUE_COUNT_CAP + 1])]);
    const ids = idRows.map((r) => text(r[0]));
    const rows: unknown[][] = ids.length === 0 ? [] : await query(catalogueRowsSql(ids.length), [SUMMARY_TUJUAN_CHARS, ...ids]);
    const byId = new Map(rows.map((r) => [text(r[0]), r]));
    const items = ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [row] : [];
    });
    const n = Number(counted[0]?.[0] ?? 0);
    const body = { items: items.map(presentPublicSummary), total: Math.min(n, CATALOGUE_COUNT_CAP), totalCapped: n > CATALOGUE_COUNT_CAP };
    send(res, 200, body, cacheHeaders(body));
  };

  const queue = new GroupCommit(answerWriter(query));
  const targets = new Map<string, { today: string; until: number; target: Promise<AnswerTarget | Refusal> }>();

  /** The service's answer target, remembered for a few seconds as the app does; refusals are not remembered. */
  const targetOf = (serviceId: string, now: Date, fresh: boolean): Promise<AnswerTarget | Refusal> => {
    const today = todayInIndonesia(now);
    const known = targets.get(serviceId);
    if (!fresh && known && known.today === today && known.until > now.getTime()) return known.target;
    const target = query(ANSWER_TARGET_SQL, [today, today, serviceId]).then(([row]) => {
      if (row?.[1] !== true) return new Refusal(404, 'SKM_SERVICE_NOT_FOUND');
      // The app opens the current year here when the region has no period; the dataset has one.
      if (row[2] === null) return new Refusal(409, 'SKM_PERIOD_CLOSED');
      return { regionCode: text(row[0]), periodId: text(row[2]) };
    });
    const entry = { today, until: now.getTime() + TARGET_TTL_MS, target };
    targets.set(serviceId, entry);
    void target.then(
      (t) => t instanceof Refusal && targets.get(serviceId) === entry && targets.delete(serviceId),
      () => targets.get(serviceId) === entry && targets.delete(serviceId),
    );
    return target;
  };

  /** The first attempt's answer id for a retried key, null without a receipt. */
  const earlierAnswer = async (keyHash: string): Promise<string | null> => {
    const [earlier] = await query(RECEIPT_LOOKUP_SQL, [SKM_SCOPE, keyHash], 'skm_ingest_receipt');
    if (!earlier) return null;
    if (earlier[0] === null) throw new Refusal(409, 'IDEMPOTENCY_IN_PROGRESS');
    return text((earlier[1] as { id: string }).id);
  };

  /**
   * A citizen's survey answer: the body checked by hand (the rules of skmResponseInput that the load
   * exercises), then the app's steps: the target (remembered), the group-commit write, and the
   * refusals and replays it reports.
   */
  const submitAnswer = async (req: http.IncomingMessage, res: http.ServerResponse, serviceId: string) => {
    const raw = await readBody(req);
    if (raw === null) return fail(res, 413, 'PAYLOAD_TOO_LARGE');
    const input = parseAnswer(raw);
    if (!input) return fail(res, 400, 'VALIDATION_FAILED');
    if (input.honeypot) return send(res, 202, { ok: true });
    const header = req.headers['idempotency-key'];
    const key = Array.isArray(header) ? header[0] : header;
    if (key !== undefined && !KEY_PATTERN.test(key)) return fail(res, 400, 'VALIDATION_FAILED');
    const keyHash = key === undefined ? null : createHash('sha256').update(`${SKM_SCOPE}\n${key}`).digest('hex');
    const replay = (id: string) => send(res, 201, { id }, { 'idempotent-replayed': 'true' });
    try {
      const now = new Date();
      for (let fresh = false; ; fresh = true) {
        const target = await targetOf(serviceId, now, fresh);
        if (target instanceof Refusal) {
          const earlier = keyHash === null ? null : await earlierAnswer(keyHash);
          if (earlier !== null) return replay(earlier);
          throw target;
        }
        const deviceHash = input.deviceId ? createHash('sha256').update(`sinergi-skm:${target.regionCode}:${input.deviceId}`).digest('hex') : null;
        const outcome = await queue.submit({ id: randomUUID(), keyHash, serviceId, target, input, deviceHash });
        if (outcome.stored) {
          if (outcome.replayed) return replay(outcome.id);
          return send(res, 201, { id: outcome.id });
        }
        const earlier = keyHash === null ? null : await earlierAnswer(keyHash);
        if (earlier !== null) return replay(earlier);
        if (!outcome.onTarget) {
          targets.delete(serviceId);
          if (!fresh) continue;
          throw new Refusal(409, 'SKM_PERIOD_CLOSED');
        }
        throw outcome.tooSoon ? new Refusal(429, 'SKM_DEVICE_LIMIT') : new Refusal(409, 'IDEMPOTENCY_IN_PROGRESS');
      }
    } catch (err) {
      if (err instanceof Refusal) return fail(res, err.status, err.code);
      throw err;
    }
  };

  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = req.url ?? '';
    if (req.method === 'POST') {
      const answer = SKM_ANSWER_PATH.exec(url);
      if (answer?.[1]) return submitAnswer(req, res, answer[1].toLowerCase());
      return fail(res, 404, 'ROUTE_NOT_FOUND');
    }
    if (req.method !== 'GET') return fail(res, 404, 'ROUTE_NOT_FOUND');
    const region = REGION_PATH.exec(url);
    const regionCode = region?.[1];
    if (region && regionCode) {
      const search = new URLSearchParams(region[3] ?? '');
      return region[2] === 'units' ? listUnits(req, res, regionCode, search) : listInnovations(req, res, regionCode, search);
    }
    const catalogue = CATALOGUE_PATH.exec(url);
    if (catalogue) return searchCatalogue(res, new URLSearchParams(catalogue[1] ?? ''));
    return fail(res, 404, 'ROUTE_NOT_FOUND');
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
