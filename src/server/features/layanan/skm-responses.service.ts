/**
 * Answers to the satisfaction survey: the public endpoint a citizen's phone or the counter's kiosk
 * posts to, and the batch path (paper forms, the demo). Every answer lands together with its share of
 * the running tallies, or not at all, so the IKM read from the tallies always matches the rows. Public
 * answers arriving together are written together (skm-ingest.ts): one statement and one commit for a
 * few milliseconds' answers, each acknowledged after that commit.
 */
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { UNSUR_KEYS, type UnsurKey } from '#domain/services/skm.ts';
import type { SkmResponseInput } from '#shared/api/skm.ts';
import type { Db, DbOrTx } from '#server/db/client.ts';
import { services, skmPeriods, skmResponses, skmTallies } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { ABANDONED_MINUTES, RECEIPT_HOURS } from '#server/platform/public-write.ts';
import { GroupCommit, INGEST_SQL, type IngestResultRow, type IngestRow, RECEIPT_LOOKUP_SQL, type Settled } from './skm-ingest.ts';
import { todayInIndonesia } from './skm-periods.service.ts';
import { addTotals, emptyTotals, type SurveyTotals, totalsOfAnswers } from './skm-score.ts';

/** Concurrent answers for one service spread over this many tally rows, so they do not queue on one. */
export const TALLY_SHARDS = 8;

/**
 * A tally shard for citizens' answers: any but shard 0, which the batch path (paper forms, often
 * thousands of rows in one long transaction) adds to, so an import never holds up the public answers.
 */
const publicShard = () => 1 + randomInt(TALLY_SHARDS - 1);

/**
 * The device id is kept only as a hash salted with the region: enough to recognise the same device
 * within the interval, useless for following a person across regions or out of the database.
 */
export function deviceHashOf(regionCode: string, deviceId: string): string {
  return createHash('sha256').update(`sinergi-skm:${regionCode}:${deviceId}`).digest('hex');
}

interface AnswerTarget {
  regionCode: string;
  isActive: boolean;
  periodId: string | null;
  deviceIntervalHours: number | null;
}

/** The service and the open period that covers `today` for it (null when none does). */
async function findAnswerTarget(db: DbOrTx, serviceId: string, today: string): Promise<AnswerTarget | undefined> {
  const result = await db.execute(sql`
    select s.region_code as "regionCode", s.is_active as "isActive", p.id as "periodId", p.device_interval_hours as "deviceIntervalHours"
    from ${services} s
    left join lateral (
      select p.id, p.device_interval_hours from ${skmPeriods} p
      where p.region_code = s.region_code and p.status = 'dibuka' and p.starts_on <= ${today} and p.ends_on >= ${today}
        and (p.all_services or exists (select 1 from skm_period_services ps where ps.period_id = p.id and ps.service_id = s.id))
      order by p.starts_on desc limit 1
    ) p on true
    where s.id = ${serviceId}`);
  return (result as unknown as { rows: AnswerTarget[] }).rows[0];
}

/**
 * A region that has set up no survey for this year still takes answers: its services accept them for
 * the current year at once, so the first answer opens the year's period (all services, the default
 * questionnaire and framework). A region that has a period for the year, or one running today, decides
 * itself: closed is closed.
 */
async function openCurrentYear(db: DbOrTx, regionCode: string, today: string): Promise<boolean> {
  const year = Number(today.slice(0, 4));
  const [existing] = await db
    .select({ id: skmPeriods.id })
    .from(skmPeriods)
    .where(
      and(
        eq(skmPeriods.regionCode, regionCode),
        sql`(${skmPeriods.year} = ${year} or (${skmPeriods.startsOn} <= ${today} and ${skmPeriods.endsOn} >= ${today}))`,
      ),
    )
    .limit(1);
  if (existing) return false;
  // Start after any earlier period that runs into this year, so the windows never overlap.
  const [tail] = await db
    .select({ last: sql<string | null>`max(${skmPeriods.endsOn})::text` })
    .from(skmPeriods)
    .where(and(eq(skmPeriods.regionCode, regionCode), gte(skmPeriods.endsOn, `${year}-01-01`), lte(skmPeriods.endsOn, today)));
  const startsOn = tail?.last ? new Date(Date.parse(`${tail.last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : `${year}-01-01`;
  const created = await db
    .insert(skmPeriods)
    .values({ regionCode, year, semester: null, startsOn, endsOn: `${year}-12-31`, allServices: true })
    .onConflictDoNothing()
    .returning({ id: skmPeriods.id });
  const [period] = created;
  if (period) {
    await recordAudit(
      db,
      { actor: null, origin: null },
      { action: 'skm_period.opened_automatically', entityType: 'skm_period', entityId: period.id, regionCode, after: { year, startsOn } },
    );
  }
  return true;
}

/** Checks that the service takes answers today and returns where the answer goes. */
export async function resolveAnswerTarget(db: DbOrTx, serviceId: string, now: Date) {
  const today = todayInIndonesia(now);
  let target = await findAnswerTarget(db, serviceId, today);
  if (!target?.isActive) throw new AppError('SKM_SERVICE_NOT_FOUND');
  if (target.periodId === null && (await openCurrentYear(db, target.regionCode, today))) {
    target = await findAnswerTarget(db, serviceId, today);
  }
  if (!target || target.periodId === null) throw new AppError('SKM_PERIOD_CLOSED');
  return { regionCode: target.regionCode, periodId: target.periodId, deviceIntervalHours: target.deviceIntervalHours ?? 0 };
}

/** A stored answer as the batch path takes it. */
export interface NewResponse {
  regionCode: string;
  periodId: string;
  serviceId: string;
  answers: Record<UnsurKey, number | null>;
  gender?: string | null;
  ageGroup?: string | null;
  education?: string | null;
  occupation?: string | null;
  vulnerable?: string | null;
  serviceDate?: string | null;
  suggestion?: string | null;
  channel: 'tautan' | 'kiosk' | 'kertas';
  deviceHash?: string | null;
  enteredBy?: string | null;
  createdAt?: Date;
}

const tallyColumns = (t: SurveyTotals) => {
  const out: Record<string, number> = { responses: t.responses };
  UNSUR_KEYS.forEach((k, i) => {
    out[`s${i + 1}`] = t.unsur[k].sum;
    out[`c${i + 1}`] = t.unsur[k].answered;
  });
  return out as { responses: number } & Record<`s${number}` | `c${number}`, number>;
};

/** Adding to a tally row: every counter grows by what the new row brings. */
const ADD_TO_TALLY = Object.fromEntries(
  ['responses', ...UNSUR_KEYS.flatMap((_, i) => [`s${i + 1}`, `c${i + 1}`])].map((c) => [c, sql.raw(`"skm_tallies"."${c}" + excluded."${c}"`)]),
);

// ---- the public endpoint ----------------------------------------------------------------------------

/**
 * How long a service's answer target (its region and open period) is remembered. Periods open and
 * close a few times a year; the statement that stores an answer checks the period again, so a period
 * closed meanwhile refuses its answers at once and only costs one fresh lookup.
 */
const TARGET_TTL_MS = 5_000;
/** Remembered services at most; past it the memory starts over (a region has tens to hundreds). */
const TARGET_CACHE_MAX = 10_000;

type ResolvedTarget = Awaited<ReturnType<typeof resolveAnswerTarget>>;

interface PendingAnswer {
  id: string;
  idempotency: IdempotencyKey | null;
  serviceId: string;
  target: ResolvedTarget;
  input: SkmResponseInput;
  deviceHash: string | null;
}

type WriteOutcome =
  | { kind: 'stored'; id: string; replayed: boolean }
  | { kind: 'refused'; onTarget: boolean; tooSoon: boolean; intervalHours: number | null };

/** The idempotency receipt's place: the route and the key's hash. */
export interface IdempotencyKey {
  scope: string;
  keyHash: string;
}

/** The stored answer's id; `replayed` when it is the first attempt's answer given again for a retried key. */
export interface SubmittedAnswer {
  id: string;
  replayed: boolean;
}

interface Ingest {
  queue: GroupCommit<PendingAnswer, WriteOutcome>;
  targets: Map<string, { today: string; until: number; target: Promise<ResolvedTarget> }>;
}

/** One queue and one memory of targets per database (tests run several apps in one process). */
const ingests = new WeakMap<Db, Ingest>();

function ingestOf(db: Db): Ingest {
  let ingest = ingests.get(db);
  if (!ingest) {
    const created: Ingest = { queue: new GroupCommit((items) => writeAnswers(db, items)), targets: new Map() };
    ingests.set(db, created);
    ingest = created;
  }
  return ingest;
}

/** The service's answer target, from memory for a few seconds; answers arriving together share one lookup. */
function targetOf(db: Db, ingest: Ingest, serviceId: string, now: Date, fresh: boolean): Promise<ResolvedTarget> {
  const today = todayInIndonesia(now);
  const known = ingest.targets.get(serviceId);
  if (!fresh && known && known.today === today && known.until > now.getTime()) return known.target;
  if (ingest.targets.size >= TARGET_CACHE_MAX) ingest.targets.clear();
  const target = resolveAnswerTarget(db, serviceId, now);
  const entry = { today, until: now.getTime() + TARGET_TTL_MS, target };
  ingest.targets.set(serviceId, entry);
  // A refusal (unknown service, no open period) is not remembered: the next answer asks again.
  target.catch(() => {
    if (ingest.targets.get(serviceId) === entry) ingest.targets.delete(serviceId);
  });
  return target;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * A statement text with `$n` placeholders (the benchmark's ceiling runs the same text), prepared under a
 * name on each connection: planning the ingest statement costs more than running it for a batch, and
 * its text then travels once per connection instead of with every batch. Drizzle prepares only what its
 * query builder builds, so this asks its session directly.
 */
function namedStatement<T>(name: string, text: string) {
  const count = Math.max(...[...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  const params = Array.from({ length: count }, (_, k) => sql.placeholder(`p${k + 1}`));
  const prepared = new WeakMap<Db, ReturnType<Db['_']['session']['prepareQuery']>>();
  return async (db: Db, values: readonly unknown[]): Promise<T[]> => {
    let query = prepared.get(db);
    if (query === undefined) {
      query = db._.session.prepareQuery({ sql: text, params }, undefined, name, false);
      prepared.set(db, query);
    }
    return rowsOf<T>(await query.execute(Object.fromEntries(values.map((v, k) => [`p${k + 1}`, v]))));
  };
}
const runIngest = namedStatement<IngestResultRow>('skm_ingest', INGEST_SQL);
const lookUpReceipt = namedStatement<{ status: number | null; body: unknown }>('skm_ingest_receipt', RECEIPT_LOOKUP_SQL);

function ingestRow(answer: PendingAnswer, i: number, shard: number): IngestRow {
  const a = answer.input.answers;
  const r = answer.input.respondent;
  return {
    i,
    id: answer.id,
    scope: answer.idempotency?.scope ?? null,
    key_hash: answer.idempotency?.keyHash ?? null,
    service_id: answer.serviceId,
    period_id: answer.target.periodId,
    region_code: answer.target.regionCode,
    device_hash: answer.deviceHash,
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
    gender: r?.gender ?? null,
    age_group: r?.ageGroup ?? null,
    education: r?.education ?? null,
    occupation: r?.occupation ?? null,
    vulnerable: r?.vulnerable ?? null,
    service_date: r?.serviceDate ?? null,
    suggestion: answer.input.suggestion ?? null,
    channel: answer.input.channel,
  };
}

/**
 * Writes a batch of answers in one statement (one commit). Answers sharing an idempotency key are
 * written once: the first is the answer, the others get its outcome as retries do. Each service's
 * answers in the batch go to one random tally shard, so concurrent batches rarely touch the same row.
 */
async function writeAnswers(db: Db, items: readonly PendingAnswer[]): Promise<Array<Settled<WriteOutcome>>> {
  const rows: IngestRow[] = [];
  const rowOfItem: number[] = [];
  const firstWithKey = new Map<string, number>();
  const shards = new Map<string, number>();
  for (const item of items) {
    const key = item.idempotency && `${item.idempotency.scope}\n${item.idempotency.keyHash}`;
    const earlier = key ? firstWithKey.get(key) : undefined;
    if (earlier !== undefined) {
      rowOfItem.push(earlier);
      continue;
    }
    let shard = shards.get(item.serviceId);
    if (shard === undefined) {
      shard = publicShard();
      shards.set(item.serviceId, shard);
    }
    if (key) firstWithKey.set(key, rows.length);
    rowOfItem.push(rows.length);
    rows.push(ingestRow(item, rows.length, shard));
  }
  const results = await runIngest(db, [JSON.stringify(rows), todayInIndonesia(new Date()), RECEIPT_HOURS, ABANDONED_MINUTES]);
  const byRow = new Map(results.map((r) => [Number(r.i), r]));
  return items.map((item, n): Settled<WriteOutcome> => {
    const index = rowOfItem[n] ?? -1;
    const row = rows[index];
    const written = byRow.get(index);
    if (!row || !written) return { ok: false, error: new AppError('INTERNAL', { detail: 'the survey batch gave no result for an answer' }) };
    if (written.stored) return { ok: true, value: { kind: 'stored', id: row.id, replayed: row.id !== item.id } };
    return {
      ok: true,
      value: { kind: 'refused', onTarget: written.on_target, tooSoon: written.too_soon, intervalHours: written.interval_hours },
    };
  });
}

/** The first attempt's answer for a retried key; null when the key has no receipt. */
async function earlierAnswer(db: Db, idempotency: IdempotencyKey): Promise<SubmittedAnswer | null> {
  const [earlier] = await lookUpReceipt(db, [idempotency.scope, idempotency.keyHash]);
  if (!earlier) return null;
  if (earlier.status === null) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
  // Only a stored answer keeps its receipt, and its body is the answer's id.
  const id = (earlier.body as { id?: unknown } | null)?.id;
  if (typeof id !== 'string') throw new AppError('INTERNAL', { detail: 'a survey answer receipt without the answer id' });
  return { id, replayed: true };
}

/**
 * A citizen's answer through the public endpoint: the service must be active, a period open today for
 * it, and the device (when it names itself) must not have answered this service within the period's
 * interval. With an idempotency key, a retry of a stored answer gets the same id (counted once), also
 * when the first attempt is still being written; a refused attempt keeps no receipt. The answer is
 * written with the others that arrive at the same moment and acknowledged after their commit.
 */
export async function submitSkmResponse(
  db: Db,
  serviceId: string,
  input: SkmResponseInput,
  now: Date,
  idempotency: IdempotencyKey | null = null,
): Promise<SubmittedAnswer> {
  const ingest = ingestOf(db);
  for (let fresh = false; ; fresh = true) {
    let target: ResolvedTarget;
    try {
      target = await targetOf(db, ingest, serviceId, now, fresh);
    } catch (err) {
      // A retry of an answer stored before the period closed still gets that answer.
      const earlier = idempotency && (await earlierAnswer(db, idempotency));
      if (earlier) return earlier;
      throw err;
    }
    const deviceHash = input.deviceId ? deviceHashOf(target.regionCode, input.deviceId) : null;
    const outcome = await ingest.queue.submit({ id: randomUUID(), idempotency, serviceId, target, input, deviceHash });
    if (outcome.kind === 'stored') return { id: outcome.id, replayed: outcome.replayed };
    const earlier = idempotency && (await earlierAnswer(db, idempotency));
    if (earlier) return earlier;
    if (!outcome.onTarget) {
      // The remembered period closed (or the service was deactivated): ask once more, then refuse.
      ingest.targets.delete(serviceId);
      if (!fresh) continue;
      throw new AppError('SKM_PERIOD_CLOSED');
    }
    if (outcome.tooSoon) {
      throw new AppError('SKM_DEVICE_LIMIT', {
        issues: [{ field: 'body.deviceId', reason: `Satu jawaban per perangkat untuk layanan ini setiap ${outcome.intervalHours ?? 0} jam` }],
      });
    }
    // Claimed by an attempt that has not finished yet (an older instance still writing it).
    throw new AppError('IDEMPOTENCY_IN_PROGRESS');
  }
}

const BATCH = 5000;

/**
 * Stores many answers at once (paper forms, the demo), in the caller's transaction: the rows in
 * batches, and each period and service's sums added to its first tally shard. A batch travels as one
 * JSON parameter: thousands of rows as one statement without thousands of bind parameters to parse.
 */
export async function insertResponses(tx: DbOrTx, rows: readonly NewResponse[]): Promise<void> {
  if (rows.length === 0) return;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map((r) => ({
      region_code: r.regionCode,
      period_id: r.periodId,
      service_id: r.serviceId,
      ...Object.fromEntries(UNSUR_KEYS.map((k, n) => [`u${n + 1}`, r.answers[k]])),
      gender: r.gender ?? null,
      age_group: r.ageGroup ?? null,
      education: r.education ?? null,
      occupation: r.occupation ?? null,
      vulnerable: r.vulnerable ?? null,
      service_date: r.serviceDate ?? null,
      suggestion: r.suggestion ?? null,
      channel: r.channel,
      device_hash: r.deviceHash ?? null,
      entered_by: r.enteredBy ?? null,
      created_at: (r.createdAt ?? new Date()).toISOString(),
    }));
    await tx.execute(sql`
      insert into ${skmResponses} (region_code, period_id, service_id, u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, age_group, education,
        occupation, vulnerable, service_date, suggestion, channel, device_hash, entered_by, created_at)
      select region_code, period_id, service_id, u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, age_group, education,
        occupation, vulnerable, service_date, suggestion, channel, device_hash, entered_by, created_at
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(region_code text, period_id uuid, service_id uuid,
        u1 int, u2 int, u3 int, u4 int, u5 int, u6 int, u7 int, u8 int, u9 int, gender text, age_group text, education text,
        occupation text, vulnerable text, service_date date, suggestion text, channel text, device_hash text, entered_by uuid,
        created_at timestamptz)`);
  }
  const groups = new Map<string, { periodId: string; serviceId: string; totals: SurveyTotals }>();
  for (const r of rows) {
    const key = `${r.periodId}/${r.serviceId}`;
    const group = groups.get(key) ?? { periodId: r.periodId, serviceId: r.serviceId, totals: emptyTotals() };
    addTotals(group.totals, totalsOfAnswers([r.answers]));
    groups.set(key, group);
  }
  await tx
    .insert(skmTallies)
    .values([...groups.values()].map((g) => ({ periodId: g.periodId, serviceId: g.serviceId, shard: 0, ...tallyColumns(g.totals) })))
    .onConflictDoUpdate({ target: [skmTallies.periodId, skmTallies.serviceId, skmTallies.shard], set: ADD_TO_TALLY });
}
