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
 * - a survey answer: the five statements the app runs, each in its own transaction as the app runs them
 *   (src/server/platform/public-write.ts, src/server/features/layanan/skm-responses.service.ts): the
 *   idempotency receipt claimed, the service and its open period looked up, the device's earlier answer
 *   looked for, the answer and its tally share inserted in one statement, the receipt finished with the
 *   answer. Hand-written checks of the body instead of zod; no rate limit (the app's is in memory).
 * Keep these in step with the app when its queries change.
 */
import { createHash, randomInt } from 'node:crypto';
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

const INNOVATION_PAGE_SQL =
  'select "innovations"."id", "innovations"."period_id", "periods"."year", "innovations"."unit_id", "units"."name", "innovations"."status", "innovations"."name", "innovations"."tahapan", "innovations"."jenis", "innovations"."urusan_utama", "innovations"."updated_at", "innovations"."version" from "innovations" inner join "units" on "units"."id" = "innovations"."unit_id" inner join "periods" on "periods"."id" = "innovations"."period_id" where ("innovations"."region_code" = $1 and "innovations"."period_id" = $2) order by "innovations"."updated_at" desc, "innovations"."id" asc limit $3';
const INNOVATION_COUNT_SQL =
  'select count(*) from "innovations" inner join "units" on "units"."id" = "innovations"."unit_id" where ("innovations"."region_code" = $1 and "innovations"."period_id" = $2)';

/** The public catalogue's queries for a text and, optionally, a year (then `$4` is the year). */
function catalogueSql(withYear: boolean): { page: string; count: string } {
  const from =
    'from "innovations" inner join "regions" on "regions"."code" = "innovations"."region_code" inner join "periods" on "periods"."id" = "innovations"."period_id"';
  const where = (q: number, year: number) =>
    `where ("innovations"."status" = $${q - 1} and "innovations"."search_vector" @@ websearch_to_tsquery('indonesian', $${q})${withYear ? ` and "periods"."year" = $${year}` : ''})`;
  const next = withYear ? 5 : 4;
  return {
    page: `select "innovations"."id", "innovations"."region_code", "regions"."name", "periods"."year", "units"."name", "innovations"."name", "innovations"."tahapan", "innovations"."jenis", "innovations"."urusan_utama", left("innovations"."tujuan", $1) ${from} inner join "units" on "units"."id" = "innovations"."unit_id" ${where(3, 4)} order by ts_rank("innovations"."search_vector", websearch_to_tsquery('indonesian', $${next})) desc, "innovations"."verified_at" desc nulls last, "innovations"."id" asc limit $${next + 1}`,
    count: `select count(*) ${from} ${where(2, 3)}`,
  };
}
const CATALOGUE_SQL = { withYear: catalogueSql(true), allYears: catalogueSql(false) };
const PUBLISHED = 'terverifikasi';
const SUMMARY_TUJUAN_CHARS = 300;

/** A survey answer (suite layanan), as logged by Postgres with log_statement=all for the app's request. */
const RECEIPT_CLAIM_SQL =
  'insert into "public_write_receipts" ("id", "scope", "key_hash", "status", "body", "created_at") values (default, $1, $2, default, default, default) on conflict ("scope","key_hash") do update set "status" = $3, "body" = $4, "created_at" = now() where ("public_write_receipts"."created_at" < now() - make_interval(hours => $5) or ("public_write_receipts"."status" is null and "public_write_receipts"."created_at" < now() - make_interval(mins => $6))) returning "id"';
const RECEIPT_EARLIER_SQL =
  'select "status", "body" from "public_write_receipts" where ("public_write_receipts"."scope" = $1 and "public_write_receipts"."key_hash" = $2)';
const RECEIPT_FINISH_SQL = 'update "public_write_receipts" set "status" = $1, "body" = $2 where "public_write_receipts"."id" = $3';
const RECEIPT_FORGET_SQL = 'delete from "public_write_receipts" where "public_write_receipts"."id" = $1';
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
const DEVICE_SQL =
  'select "id" from "skm_responses" where ("skm_responses"."service_id" = $1 and "skm_responses"."device_hash" = $2 and "skm_responses"."created_at" > now() - make_interval(hours => $3)) limit $4';
const UNSUR = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'] as const;
const STORE_ANSWER_SQL = `
    with answer as (
      insert into "skm_responses" (region_code, period_id, service_id, u1, u2, u3, u4, u5, u6, u7, u8, u9,
        gender, age_group, education, occupation, vulnerable, service_date, suggestion, channel, device_hash)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
        $13, $14, $15, $16, $17,
        $18, $19, $20, $21)
      returning id
    ), tally as (
      insert into "skm_tallies" (period_id, service_id, shard, responses, s1, s2, s3, s4, s5, s6, s7, s8, s9, c1, c2, c3, c4, c5, c6, c7, c8, c9)
      values ($22, $23, $24, 1, $25, $26, $27, $28, $29, $30, $31, $32, $33, 1, 1, 1, 1, 1, 1, 1, 1, 1)
      on conflict (period_id, service_id, shard) do update set
        responses = skm_tallies.responses + 1,
        ${UNSUR.map((_, i) => `s${i + 1} = skm_tallies.s${i + 1} + excluded.s${i + 1}, c${i + 1} = skm_tallies.c${i + 1} + excluded.c${i + 1}`).join(', ')}
    )
    select id from answer`;
const SKM_SCOPE = 'POST /api/v1/public/services/:id/skm-responses';
const TALLY_SHARDS = 8;
const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;
const BODY_LIMIT = 1_048_576;

const SESSION_COOKIE = 'sinergi_session';
const REGION_PATH = /^\/api\/v1\/regions\/(\d{2}(?:\.\d{2})?)\/(units|innovations)\/?(?:\?(.*))?$/;
const CATALOGUE_PATH = /^\/api\/v1\/public\/innovations\/?(?:\?(.*))?$/;
const SKM_ANSWER_PATH = /^\/api\/v1\/public\/services\/([0-9a-f-]{36})\/skm-responses\/?$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/** The survey day in Indonesia (WIB), as the app counts it. */
function todayInIndonesia(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
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
    const sql = year === null ? CATALOGUE_SQL.allYears : CATALOGUE_SQL.withYear;
    const yearParam = year === null ? [] : [year];
    const [pageSql, pageParams] = paged(sql.page, [SUMMARY_TUJUAN_CHARS, PUBLISHED, q, ...yearParam, q, pageSize], (page - 1) * pageSize);
    const [items, counted] = await Promise.all([query(pageSql, pageParams), query(sql.count, [PUBLISHED, q, ...yearParam])]);
    const body = { items: items.map(presentPublicSummary), total: Number(counted[0]?.[0] ?? 0) };
    send(res, 200, body, cacheHeaders(body));
  };

  /**
   * A citizen's survey answer: the body checked by hand (the rules of skmResponseInput that the load
   * exercises), then the app's five statements, each committed on its own as the app commits them.
   */
  const submitAnswer = async (req: http.IncomingMessage, res: http.ServerResponse, serviceId: string) => {
    const raw = await readBody(req);
    if (raw === null) return fail(res, 413, 'PAYLOAD_TOO_LARGE');
    const input = parseAnswer(raw);
    if (!input) return fail(res, 400, 'VALIDATION_FAILED');
    if (input.honeypot) return send(res, 202, { ok: true });
    const header = req.headers['idempotency-key'];
    const key = Array.isArray(header) ? header[0] : header;
    let receipt: string | null = null;
    if (key !== undefined) {
      if (!KEY_PATTERN.test(key)) return fail(res, 400, 'VALIDATION_FAILED');
      const keyHash = createHash('sha256').update(`${SKM_SCOPE}\n${key}`).digest('hex');
      const [claimed] = await query(RECEIPT_CLAIM_SQL, [SKM_SCOPE, keyHash, null, null, 24, 5]);
      if (!claimed) {
        const [earlier] = await query(RECEIPT_EARLIER_SQL, [SKM_SCOPE, keyHash]);
        if (!earlier || earlier[0] === null) return fail(res, 409, 'IDEMPOTENCY_IN_PROGRESS');
        return send(res, Number(earlier[0]), earlier[1], { 'idempotent-replayed': 'true' });
      }
      receipt = text(claimed[0]);
    }
    try {
      const today = todayInIndonesia(new Date());
      const [target] = await query(ANSWER_TARGET_SQL, [today, today, serviceId]);
      if (target?.[1] !== true) throw new Refusal(404, 'SKM_SERVICE_NOT_FOUND');
      // The app opens the current year here when the region has no period; the dataset has one.
      if (target[2] === null) throw new Refusal(409, 'SKM_PERIOD_CLOSED');
      const regionCode = text(target[0]);
      const periodId = text(target[2]);
      const intervalHours = Number(target[3] ?? 0);
      const deviceHash = input.deviceId ? createHash('sha256').update(`sinergi-skm:${regionCode}:${input.deviceId}`).digest('hex') : null;
      if (deviceHash !== null && intervalHours > 0 && (await query(DEVICE_SQL, [serviceId, deviceHash, intervalHours, 1])).length > 0) {
        throw new Refusal(409, 'SKM_DEVICE_LIMIT');
      }
      const a = UNSUR.map((k) => input.answers[k]);
      const r = input.respondent;
      const [stored] = await query(STORE_ANSWER_SQL, [
        regionCode,
        periodId,
        serviceId,
        ...a,
        r.gender ?? null,
        r.ageGroup ?? null,
        r.education ?? null,
        r.occupation ?? null,
        r.vulnerable ?? null,
        r.serviceDate ?? null,
        input.suggestion,
        input.channel,
        deviceHash,
        periodId,
        serviceId,
        randomInt(TALLY_SHARDS),
        ...a,
      ]);
      if (!stored) throw new Error('the survey answer was not stored');
      const body = { id: text(stored[0]) };
      if (receipt !== null) await query(RECEIPT_FINISH_SQL, [201, JSON.stringify(body), receipt]);
      send(res, 201, body);
    } catch (err) {
      if (receipt !== null) await query(RECEIPT_FORGET_SQL, [receipt]);
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
