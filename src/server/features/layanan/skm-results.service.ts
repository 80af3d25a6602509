/**
 * Results of a survey period: the IKM per service, per unit and for the region, computed by the
 * framework engine from the running tallies (exact, and a few rows to read however many answers came
 * in); the sample progress against each service's minimum sample; the unsur weakest first; the trend
 * against the previous period; and the IKM by respondent group, from the answers themselves.
 */
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { RESPONDENT_GROUPS, type RespondentGroup, UNSUR_KEYS } from '#domain/services/skm.ts';
import type { Framework } from '#domain/scoring/framework.schema.ts';
import { type IkmResult, type SkmGroupResults, type SkmResults, skmResults as skmResultsSchema } from '#shared/api/skm.ts';
import type { Db, DbOrTx } from '#server/db/client.ts';
import { services, skmPeriods, skmResponses, skmTallies } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import { jsonOf } from '#server/http/json-text.ts';
import { FigureKeep, regionFigureGeneration } from '#server/platform/figures/generations.ts';
import { findSkmPeriod, findSkmPeriodRow, periodLabel, type SkmPeriodRow, surveyFrameworkOf } from './skm-periods.service.ts';
import { periodIkm, type SumsRow, tallyTotals, totalsOfRow } from '#server/platform/figures/ikm.ts';
import { addTotals, emptyTotals, ikmOf, presentIkm, type SurveyTotals, weakestUnsur } from './skm-score.ts';

// ---- reading the tallies -------------------------------------------------------------------------

// ---- a period's results --------------------------------------------------------------------------

/** The region's IKM of another period (for the trend), or nulls when it has no answers. */
async function regionIkmOf(db: DbOrTx, period: SkmPeriodRow): Promise<IkmResult | null> {
  const framework = await surveyFrameworkOf(db, period.regionCode, period);
  const totals = [...(await tallyTotals(db, [period.id])).values()].reduce(addTotals, emptyTotals());
  return ikmOf(framework.framework, totals);
}

export interface PeriodResultsData extends SkmResults {
  framework: Framework;
  /** Region totals (for the report's sample and respondent counts). */
  totals: SurveyTotals;
}

export { tallyTotals } from '#server/platform/figures/ikm.ts';

export async function skmPeriodResults(db: DbOrTx, regionCode: string, periodRow: SkmPeriodRow): Promise<PeriodResultsData> {
  const period = await findSkmPeriod(db, regionCode, periodRow.id);
  if (!period) throw new AppError('NOT_FOUND');
  const { framework, region, regionResult, units, services } = await periodIkm(db, periodRow);
  const [previousRow] = await db
    .select()
    .from(skmPeriods)
    .where(and(eq(skmPeriods.regionCode, regionCode), lt(skmPeriods.startsOn, periodRow.startsOn)))
    .orderBy(desc(skmPeriods.startsOn), desc(skmPeriods.id))
    .limit(1);
  const previousIkm = previousRow ? await regionIkmOf(db, previousRow) : null;

  return {
    period,
    region: regionResult && presentIkm(regionResult, region.responses),
    units,
    services,
    weakest: regionResult ? weakestUnsur(regionResult) : [],
    previous: previousRow
      ? { periodId: previousRow.id, label: periodLabel(previousRow), index: previousIkm?.index ?? null, grade: previousIkm?.grade ?? null }
      : null,
    framework,
    totals: region,
  };
}

// ---- the period's results, answered from memory while nothing they come from has moved ------------

/**
 * A period's results as the JSON the API answers. Staff open the results page often and a period's
 * answers come in one by one, while computing the results reads ten statements and scores dozens of
 * totals: so the answer is kept while the region's figure generation is unchanged (every answer, tally,
 * population, renamed service or unit, period change, or a shared survey framework moves it), and the
 * next request after a change computes afresh in one snapshot: the answer is always what a fresh
 * computation gives.
 */
const keptResults = new FigureKeep<string>(200);

export async function periodResultsJson(db: Db, regionCode: string, periodId: string): Promise<string> {
  const generation = await regionFigureGeneration(db, regionCode);
  return keptResults.through(db, `${regionCode}/${periodId}`, generation, new Date(), () =>
    db.transaction(
      async (tx) => {
        const period = await findSkmPeriodRow(tx, regionCode, periodId);
        if (!period) throw new AppError('NOT_FOUND');
        const { framework: _framework, totals: _totals, ...results } = await skmPeriodResults(tx, regionCode, period);
        return jsonOf(skmResultsSchema, results);
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    ),
  );
}

// ---- by respondent group ------------------------------------------------------------------------

const GROUP_COLUMNS: Record<RespondentGroup, string> = {
  gender: 'gender',
  ageGroup: 'age_group',
  education: 'education',
  occupation: 'occupation',
  vulnerable: 'vulnerable',
};

const ANSWER_SUMS = sql.raw(
  [
    'count(*)::int as responses',
    ...UNSUR_KEYS.flatMap((_, i) => [`coalesce(sum(r.u${i + 1}), 0)::int as s${i + 1}`, `count(r.u${i + 1})::int as c${i + 1}`]),
  ].join(', '),
);

/** Totals of the answers per value of a respondent group (null: not stated), from the answers themselves. */
export async function groupTotals(
  db: DbOrTx,
  periodId: string,
  group: RespondentGroup,
  serviceId?: string,
): Promise<Map<string | null, SurveyTotals>> {
  const column = sql.raw(`r.${GROUP_COLUMNS[group]}`);
  const result = await db.execute(sql`
    select ${column} as "value", ${ANSWER_SUMS}
    from ${skmResponses} r
    where r.period_id = ${periodId} ${serviceId ? sql`and r.service_id = ${serviceId}` : sql``}
    group by ${column}`);
  const rows = (result as unknown as { rows: Array<SumsRow & { value: string | null }> }).rows;
  return new Map(rows.map((r) => [r.value, totalsOfRow(r)]));
}

/** The IKM per value of a group: every value the questionnaire offers (in its order), then "not stated" when some left it out. */
export async function skmGroupResults(db: DbOrTx, periodRow: SkmPeriodRow, group: RespondentGroup, serviceId?: string): Promise<SkmGroupResults> {
  const { framework } = await surveyFrameworkOf(db, periodRow.regionCode, periodRow);
  const totals = await groupTotals(db, periodRow.id, group, serviceId);
  const values: Array<string | null> = [...RESPONDENT_GROUPS[group]];
  for (const v of totals.keys()) if (!values.includes(v) && v !== null) values.push(v);
  if (totals.has(null)) values.push(null);
  return { group, rows: values.map((value) => ({ value, ikm: ikmOf(framework, totals.get(value) ?? emptyTotals()) })) };
}

// ---- public: a service's IKM of a year, and the latest IKM of every service ------------------------

/**
 * The IKM of a service in a year (every period of that year added up, scored by the framework of the
 * latest of them), or without a year the latest year that has answers. 404 when there are none.
 */
export async function publicServiceIkm(db: DbOrTx, serviceId: string, year: number | undefined): Promise<IkmResult> {
  const [service] = await db
    .select({ regionCode: services.regionCode, isActive: services.isActive })
    .from(services)
    .where(eq(services.id, serviceId));
  if (!service?.isActive) throw new AppError('SKM_SERVICE_NOT_FOUND');
  const periods = await db
    .select()
    .from(skmPeriods)
    .where(
      and(
        eq(skmPeriods.regionCode, service.regionCode),
        year === undefined ? undefined : eq(skmPeriods.year, year),
        sql`exists (select 1 from ${skmTallies} t where t.period_id = ${skmPeriods.id} and t.service_id = ${serviceId} and t.responses > 0)`,
      ),
    )
    .orderBy(desc(skmPeriods.year), desc(skmPeriods.startsOn));
  const latest = periods[0];
  if (!latest) throw new AppError('SKM_NO_RESULTS');
  const ofYear = periods.filter((p) => p.year === latest.year);
  const tallies = await tallyTotals(
    db,
    ofYear.map((p) => p.id),
    serviceId,
  );
  const totals = [...tallies.values()].reduce(addTotals, emptyTotals());
  const { framework } = await surveyFrameworkOf(db, service.regionCode, latest);
  const ikm = ikmOf(framework, totals);
  if (!ikm) throw new AppError('SKM_NO_RESULTS');
  return ikm;
}

export interface IkmSummary {
  index: string;
  grade: 'A' | 'B' | 'C' | 'D';
  responses: number;
  year: number;
}

/** Per service of a region: the IKM of the latest period in which it has answers. */
export async function latestIkmByService(db: DbOrTx, regionCode: string, serviceIds: readonly string[]): Promise<Map<string, IkmSummary>> {
  const out = new Map<string, IkmSummary>();
  if (serviceIds.length === 0) return out;
  const periods = await db.select().from(skmPeriods).where(eq(skmPeriods.regionCode, regionCode)).orderBy(desc(skmPeriods.startsOn));
  if (periods.length === 0) return out;
  const tallies = await db
    .select({ periodId: skmTallies.periodId, serviceId: skmTallies.serviceId })
    .from(skmTallies)
    .where(
      and(
        inArray(
          skmTallies.periodId,
          periods.map((p) => p.id),
        ),
        inArray(skmTallies.serviceId, [...serviceIds]),
        sql`${skmTallies.responses} > 0`,
      ),
    );
  const has = new Set(tallies.map((t) => `${t.periodId}/${t.serviceId}`));
  const chosen = new Map<string, SkmPeriodRow>();
  for (const serviceId of serviceIds) {
    const period = periods.find((p) => has.has(`${p.id}/${serviceId}`));
    if (period) chosen.set(serviceId, period);
  }
  const periodIds = [...new Set([...chosen.values()].map((p) => p.id))];
  const totals = await tallyTotals(db, periodIds);
  const frameworks = new Map<string, Framework>();
  for (const [serviceId, period] of chosen) {
    let framework = frameworks.get(period.id);
    if (!framework) {
      framework = (await surveyFrameworkOf(db, regionCode, period)).framework;
      frameworks.set(period.id, framework);
    }
    const t = totals.get(`${period.id}/${serviceId}`);
    const ikm = t && ikmOf(framework, t);
    if (ikm) out.set(serviceId, { index: ikm.index, grade: ikm.grade, responses: ikm.responses, year: period.year });
  }
  return out;
}
