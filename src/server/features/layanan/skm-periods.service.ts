/**
 * Survey periods of the Survei Kepuasan Masyarakat: a year or a semester, for all or chosen services,
 * with the region's question wording, the `ikm` framework version that scores it, the per-device
 * interval, and each service's population (which gives the minimum sample). Two periods may not run
 * at the same time for the same service: an answer must belong to exactly one period.
 */
import { and, desc, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import { DEFAULT_QUESTIONS, UNSUR_KEYS } from '#domain/services/skm.ts';
import type { SkmPeriod, SkmPeriodInput } from '#shared/api/skm.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { uniqueConstraintOf } from '#server/db/errors.ts';
import { services, skmPeriodServices, skmPeriods, skmTallies } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { loadFrameworkVersion } from '#server/platform/frameworks/registry.ts';
import { scoresTheNineUnsur } from './skm-score.ts';

// The framework and the members of a period are read where the IKM is computed, shared with the dashboard.
export { type PeriodService, servicesOfPeriod, surveyFrameworkOf } from '#server/platform/figures/ikm.ts';

export type SkmPeriodRow = typeof skmPeriods.$inferSelect;

/** "2025" or "2025 Semester 1": how people name a period. */
export function periodLabel(p: { year: number; semester: number | null }): string {
  return p.semester === null ? String(p.year) : `${p.year} Semester ${p.semester}`;
}

/** Today's date in Western Indonesia time (the day a citizen sees on the counter's calendar). */
export function todayInIndonesia(now: Date): string {
  const t = now.getTime();
  if (t >= wibDay.from && t < wibDay.to) return wibDay.day;
  const day = WIB_DAY.format(now);
  // WIB is UTC+7 all year (no daylight saving), so the day runs from its midnight at +07:00 for 24 hours.
  const from = Date.parse(`${day}T00:00:00+07:00`);
  wibDay = { day, from, to: from + 86_400_000 };
  return day;
}
// Made once, and the day remembered until its midnight: every survey answer asks for today's date.
const WIB_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' });
let wibDay = { day: '', from: 0, to: 0 };

const responseCount = sql<number>`(select coalesce(sum(t.responses), 0)::int from ${skmTallies} t where t.period_id = "skm_periods"."id")`;
// All-services periods count the region's active services; others their chosen ones.
const serviceCount = sql<number>`(case when "skm_periods"."all_services"
  then (select count(*)::int from ${services} s where s.region_code = "skm_periods"."region_code" and s.is_active)
  else (select count(*)::int from ${skmPeriodServices} ps where ps.period_id = "skm_periods"."id") end)`;

function present(row: SkmPeriodRow & { serviceCount: number; responseCount: number }): SkmPeriod {
  return {
    id: row.id,
    regionCode: row.regionCode,
    year: row.year,
    semester: row.semester,
    label: periodLabel(row),
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status === 'ditutup' ? 'ditutup' : 'dibuka',
    allServices: row.allServices,
    frameworkVersionId: row.frameworkVersionId,
    deviceIntervalHours: row.deviceIntervalHours,
    questions: row.questions,
    serviceCount: row.serviceCount,
    responseCount: row.responseCount,
    version: row.version,
  };
}

export async function listSkmPeriods(db: DbOrTx, regionCode: string): Promise<SkmPeriod[]> {
  const rows = await db
    .select({ period: skmPeriods, serviceCount, responseCount })
    .from(skmPeriods)
    .where(eq(skmPeriods.regionCode, regionCode))
    .orderBy(desc(skmPeriods.startsOn), desc(skmPeriods.year));
  return rows.map((r) => present({ ...r.period, serviceCount: r.serviceCount, responseCount: r.responseCount }));
}

export async function findSkmPeriodRow(db: DbOrTx, regionCode: string, id: string): Promise<SkmPeriodRow | undefined> {
  const [row] = await db
    .select()
    .from(skmPeriods)
    .where(and(eq(skmPeriods.regionCode, regionCode), eq(skmPeriods.id, id)));
  return row;
}

export async function findSkmPeriod(db: DbOrTx, regionCode: string, id: string): Promise<SkmPeriod | undefined> {
  const [row] = await db
    .select({ period: skmPeriods, serviceCount, responseCount })
    .from(skmPeriods)
    .where(and(eq(skmPeriods.regionCode, regionCode), eq(skmPeriods.id, id)));
  return row && present({ ...row.period, serviceCount: row.serviceCount, responseCount: row.responseCount });
}

/** The period, or 404. */
export async function loadSkmPeriod(db: DbOrTx, regionCode: string, id: string): Promise<SkmPeriodRow> {
  const row = await findSkmPeriodRow(db, regionCode, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The question of every unsur as the period words it (the default wording where the region kept it). */
export function questionsOf(period: Pick<SkmPeriodRow, 'questions'>) {
  return UNSUR_KEYS.map((unsur) => {
    const own = period.questions[unsur];
    const fallback = DEFAULT_QUESTIONS[unsur];
    return { unsur, question: own?.question ?? fallback.question, options: own?.options ?? [...fallback.options] };
  });
}

// ---- the framework -------------------------------------------------------------------------------

/** A chosen framework must be a survey version of the nine unsur that the region may use. */
async function checkFramework(tx: DbOrTx, regionCode: string, versionId: string | null): Promise<void> {
  if (versionId === null) return;
  const found = await loadFrameworkVersion(tx, regionCode, versionId);
  if (!found || !scoresTheNineUnsur(found.framework)) {
    throw fieldError('body.frameworkVersionId', 'Kerangka IKM ini tidak tersedia untuk daerah ini; pilih dari daftar');
  }
}

// ---- checks ---------------------------------------------------------------------------------------

async function checkServices(tx: DbOrTx, regionCode: string, ids: readonly string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.regionCode, regionCode), inArray(services.id, [...new Set(ids)])));
  const known = new Set(found.map((r) => r.id));
  const missing = ids.findIndex((id) => !known.has(id));
  if (missing >= 0) throw fieldError(`${field}.${missing}`, 'Layanan ini tidak ada di daerah ini');
}

/** Refuses a window that overlaps another period of the region sharing a service with it. */
async function checkOverlap(
  tx: DbOrTx,
  regionCode: string,
  candidate: { id: string | null; startsOn: string; endsOn: string; allServices: boolean; serviceIds: readonly string[] },
): Promise<void> {
  const others = await tx
    .select({
      id: skmPeriods.id,
      year: skmPeriods.year,
      semester: skmPeriods.semester,
      startsOn: skmPeriods.startsOn,
      endsOn: skmPeriods.endsOn,
      allServices: skmPeriods.allServices,
    })
    .from(skmPeriods)
    .where(
      and(
        eq(skmPeriods.regionCode, regionCode),
        candidate.id === null ? undefined : ne(skmPeriods.id, candidate.id),
        sql`${skmPeriods.startsOn} <= ${candidate.endsOn} and ${skmPeriods.endsOn} >= ${candidate.startsOn}`,
      ),
    );
  for (const other of others) {
    let shares = candidate.allServices || other.allServices;
    if (!shares && candidate.serviceIds.length > 0) {
      const [common] = await tx
        .select({ id: skmPeriodServices.serviceId })
        .from(skmPeriodServices)
        .where(and(eq(skmPeriodServices.periodId, other.id), inArray(skmPeriodServices.serviceId, [...candidate.serviceIds])))
        .limit(1);
      shares = common !== undefined;
    }
    if (shares) {
      throw new AppError('SKM_PERIOD_OVERLAP', {
        issues: [
          {
            field: 'body.startsOn',
            reason: `Bertumpang tindih dengan periode ${periodLabel(other)} (${other.startsOn} s.d. ${other.endsOn}) untuk layanan yang sama`,
          },
        ],
      });
    }
  }
}

function checkYear(input: SkmPeriodInput): void {
  if (Number(input.startsOn.slice(0, 4)) !== input.year) throw fieldError('body.startsOn', `Tanggal mulai harus di tahun ${input.year}`);
}

function rethrowUnique(err: unknown): never {
  if (uniqueConstraintOf(err) === 'skm_periods_region_year_uq') {
    throw fieldError('body.semester', 'Periode untuk tahun (dan semester) ini sudah ada');
  }
  throw err;
}

/** The chosen services of a period that does not take all: its rows are exactly `serviceIds`, populations kept. */
async function syncChosenServices(tx: DbOrTx, periodId: string, input: SkmPeriodInput): Promise<void> {
  if (input.allServices) return;
  const ids = [...new Set(input.serviceIds)];
  await tx.delete(skmPeriodServices).where(and(eq(skmPeriodServices.periodId, periodId), notInArray(skmPeriodServices.serviceId, ids)));
  await tx
    .insert(skmPeriodServices)
    .values(ids.map((serviceId) => ({ periodId, serviceId })))
    .onConflictDoNothing();
}

const fieldsOf = (input: SkmPeriodInput) => ({
  year: input.year,
  semester: input.semester,
  startsOn: input.startsOn,
  endsOn: input.endsOn,
  allServices: input.allServices,
  frameworkVersionId: input.frameworkVersionId,
  deviceIntervalHours: input.deviceIntervalHours,
  questions: input.questions as Record<string, { question: string; options: string[] }>,
});

// ---- writes ---------------------------------------------------------------------------------------

export async function createSkmPeriod(ctx: ServiceContext, regionCode: string, input: SkmPeriodInput): Promise<string> {
  checkYear(input);
  return ctx.db
    .transaction(async (tx) => {
      await checkFramework(tx, regionCode, input.frameworkVersionId);
      await checkServices(tx, regionCode, input.allServices ? [] : input.serviceIds, 'body.serviceIds');
      await checkOverlap(tx, regionCode, { id: null, ...input });
      const [created] = await tx
        .insert(skmPeriods)
        .values({ ...fieldsOf(input), regionCode })
        .returning({ id: skmPeriods.id });
      if (!created) throw new AppError('INTERNAL');
      await syncChosenServices(tx, created.id, input);
      await recordAudit(tx, ctx, { action: 'skm_period.created', entityType: 'skm_period', entityId: created.id, regionCode, after: input });
      return created.id;
    })
    .catch(rethrowUnique);
}

export async function updateSkmPeriod(
  ctx: ServiceContext,
  regionCode: string,
  id: string,
  input: SkmPeriodInput & { version: number },
): Promise<void> {
  checkYear(input);
  await ctx.db
    .transaction(async (tx) => {
      const current = await loadSkmPeriod(tx, regionCode, id);
      if (current.version !== input.version) throw new AppError('STALE_VERSION');
      await checkFramework(tx, regionCode, input.frameworkVersionId);
      await checkServices(tx, regionCode, input.allServices ? [] : input.serviceIds, 'body.serviceIds');
      await checkOverlap(tx, regionCode, { id, ...input });
      const [updated] = await tx
        .update(skmPeriods)
        .set({ ...fieldsOf(input), version: input.version + 1, updatedAt: ctx.now })
        .where(and(eq(skmPeriods.id, id), eq(skmPeriods.regionCode, regionCode), eq(skmPeriods.version, input.version)))
        .returning({ id: skmPeriods.id });
      if (!updated) throw new AppError('STALE_VERSION');
      await syncChosenServices(tx, id, input);
      await recordAudit(tx, ctx, { action: 'skm_period.updated', entityType: 'skm_period', entityId: id, regionCode, before: current, after: input });
    })
    .catch(rethrowUnique);
}

/** Closes (no more answers) or reopens a period. */
export async function setSkmPeriodStatus(
  ctx: ServiceContext,
  regionCode: string,
  id: string,
  status: 'dibuka' | 'ditutup',
  version: number,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const current = await loadSkmPeriod(tx, regionCode, id);
    if (current.version !== version) throw new AppError('STALE_VERSION');
    if (current.status === status) return;
    const [updated] = await tx
      .update(skmPeriods)
      .set({ status, version: version + 1, updatedAt: ctx.now })
      .where(and(eq(skmPeriods.id, id), eq(skmPeriods.regionCode, regionCode), eq(skmPeriods.version, version)))
      .returning({ id: skmPeriods.id });
    if (!updated) throw new AppError('STALE_VERSION');
    await recordAudit(tx, ctx, {
      action: status === 'ditutup' ? 'skm_period.closed' : 'skm_period.reopened',
      entityType: 'skm_period',
      entityId: id,
      regionCode,
      before: { status: current.status },
      after: { status },
    });
  });
}

/** Sets the populations (service users in the period) of some of its services. */
export async function setPopulations(
  ctx: ServiceContext,
  regionCode: string,
  id: string,
  items: ReadonlyArray<{ serviceId: string; population: number | null }>,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const period = await loadSkmPeriod(tx, regionCode, id);
    const ids = items.map((i) => i.serviceId);
    await checkServices(tx, regionCode, ids, 'body.items');
    if (!period.allServices) {
      const chosen = new Set(
        (await tx.select({ id: skmPeriodServices.serviceId }).from(skmPeriodServices).where(eq(skmPeriodServices.periodId, id))).map((r) => r.id),
      );
      const outside = ids.findIndex((s) => !chosen.has(s));
      if (outside >= 0) throw fieldError(`body.items.${outside}.serviceId`, 'Layanan ini tidak termasuk periode survei ini');
    }
    await tx
      .insert(skmPeriodServices)
      .values(items.map((i) => ({ periodId: id, serviceId: i.serviceId, population: i.population })))
      .onConflictDoUpdate({ target: [skmPeriodServices.periodId, skmPeriodServices.serviceId], set: { population: sql`excluded.population` } });
    await recordAudit(tx, ctx, { action: 'skm_period.populations_set', entityType: 'skm_period', entityId: id, regionCode, after: { items } });
  });
}

// ---- the services of a period ----------------------------------------------------------------------
