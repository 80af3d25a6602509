/**
 * Answers to the satisfaction survey: the public endpoint a citizen's phone or the counter's kiosk
 * posts to, and the batch path (paper forms, the demo). Every answer lands together with its share of
 * the running tallies, or not at all, so the IKM read from the tallies always matches the rows.
 */
import { createHash, randomInt } from 'node:crypto';
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { UNSUR_KEYS, type UnsurKey } from '#domain/services/skm.ts';
import type { SkmResponseInput } from '#shared/api/skm.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { services, skmPeriods, skmResponses, skmTallies } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { todayInIndonesia } from './skm-periods.service.ts';
import { addTotals, emptyTotals, type SurveyTotals, totalsOfAnswers } from './skm-score.ts';

/** Concurrent answers for one service spread over this many tally rows, so they do not queue on one. */
export const TALLY_SHARDS = 8;

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

/**
 * Stores one citizen's answer: the row and its tally share in one statement (one transaction), on a
 * random shard so a busy counter's answers do not wait for each other. Returns the new id.
 */
export async function storeAnswer(
  db: DbOrTx,
  target: { regionCode: string; periodId: string; serviceId: string },
  input: SkmResponseInput,
  deviceHash: string | null,
): Promise<string> {
  const a = input.answers;
  const r = input.respondent;
  const shard = randomInt(TALLY_SHARDS);
  const sums = UNSUR_KEYS.map((k) => sql`${a[k]}`);
  const counts = UNSUR_KEYS.map(() => sql`1`);
  // Data-modifying CTEs run in the statement's own transaction: both rows are written or neither.
  const result = await db.execute(sql`
    with answer as (
      insert into ${skmResponses} (region_code, period_id, service_id, u1, u2, u3, u4, u5, u6, u7, u8, u9,
        gender, age_group, education, occupation, vulnerable, service_date, suggestion, channel, device_hash)
      values (${target.regionCode}, ${target.periodId}, ${target.serviceId}, ${sql.join(sums, sql`, `)},
        ${r?.gender ?? null}, ${r?.ageGroup ?? null}, ${r?.education ?? null}, ${r?.occupation ?? null}, ${r?.vulnerable ?? null},
        ${r?.serviceDate ?? null}, ${input.suggestion}, ${input.channel}, ${deviceHash})
      returning id
    ), tally as (
      insert into ${skmTallies} (period_id, service_id, shard, responses, s1, s2, s3, s4, s5, s6, s7, s8, s9, c1, c2, c3, c4, c5, c6, c7, c8, c9)
      values (${target.periodId}, ${target.serviceId}, ${shard}, 1, ${sql.join(sums, sql`, `)}, ${sql.join(counts, sql`, `)})
      on conflict (period_id, service_id, shard) do update set
        responses = skm_tallies.responses + 1,
        ${sql.raw(UNSUR_KEYS.map((_, i) => `s${i + 1} = skm_tallies.s${i + 1} + excluded.s${i + 1}, c${i + 1} = skm_tallies.c${i + 1} + excluded.c${i + 1}`).join(', '))}
    )
    select id from answer`);
  const [row] = (result as unknown as { rows: Array<{ id: string }> }).rows;
  if (!row) throw new AppError('INTERNAL', { detail: 'the survey answer was not stored' });
  return row.id;
}

/** Whether the device answered this service within the last `hours`. */
async function answeredRecently(db: DbOrTx, serviceId: string, deviceHash: string, hours: number): Promise<boolean> {
  const [row] = await db
    .select({ id: skmResponses.id })
    .from(skmResponses)
    .where(
      and(
        eq(skmResponses.serviceId, serviceId),
        eq(skmResponses.deviceHash, deviceHash),
        sql`${skmResponses.createdAt} > now() - make_interval(hours => ${hours})`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * A citizen's answer through the public endpoint: the service must be active, a period open today for
 * it, and the device (when it names itself) must not have answered this service within the period's
 * interval. Returns the new answer's id.
 */
export async function submitSkmResponse(db: DbOrTx, serviceId: string, input: SkmResponseInput, now: Date): Promise<string> {
  const target = await resolveAnswerTarget(db, serviceId, now);
  const deviceHash = input.deviceId ? deviceHashOf(target.regionCode, input.deviceId) : null;
  if (deviceHash !== null && target.deviceIntervalHours > 0 && (await answeredRecently(db, serviceId, deviceHash, target.deviceIntervalHours))) {
    throw new AppError('SKM_DEVICE_LIMIT', {
      issues: [{ field: 'body.deviceId', reason: `Satu jawaban per perangkat untuk layanan ini setiap ${target.deviceIntervalHours} jam` }],
    });
  }
  return storeAnswer(db, { ...target, serviceId }, input, deviceHash);
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
