/**
 * Results of a survey period: the IKM per service, per unit and for the region, computed by the
 * framework engine from the running tallies (exact, and a few rows to read however many answers came
 * in); the sample progress against each service's minimum sample; the unsur weakest first; the trend
 * against the previous period; and the IKM by respondent group, from the answers themselves.
 */
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { RESPONDENT_GROUPS, type RespondentGroup, UNSUR_KEYS } from '#domain/services/skm.ts';
import type { Framework } from '#domain/scoring/framework.schema.ts';
import { z } from 'zod';
import { type IkmResult, type SkmGroupResults, type SkmResults, skmResults as skmResultsSchema } from '#shared/api/skm.ts';
import type { Db, DbOrTx } from '#server/db/client.ts';
import { frameworkVersions, services, skmPeriodServices, skmPeriods, skmResponses, skmTallies, units } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
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

// The sums of every tally column of a period. A tally only ever grows (an answer, or a paper form, adds
// its values to one row; answers are never taken back), so two states of a period seen at different
// times differ in at least one of these sums whenever they differ at all: the sums tell a period's
// tallies apart as exactly as the rows themselves, for the price of one aggregate over ~200 rows.
const TALLY_FINGERPRINT = sql.raw(
  ['count(*)', 'sum(t.responses)', ...UNSUR_KEYS.flatMap((_, i) => [`sum(t.s${i + 1})`, `sum(t.c${i + 1})`])].join(', '),
);

const p = alias(skmPeriods, 'p');
const PREVIOUS = sql`select q.id from ${skmPeriods} q
  where q.region_code = p.region_code and q.starts_on < p.starts_on order by q.starts_on desc, q.id desc limit 1`;

/**
 * A digest of everything a period's results are computed from: the period itself, the region's services
 * (name, unit, active) and their units' names, the populations, the tallies, the survey frameworks the
 * region may use (a version never changes, so their ids say which one scores), and the previous period
 * with its tallies. No row when the region has no such period.
 */
const fingerprintQuery = (db: DbOrTx) =>
  db
    .select({
      fingerprint: sql<string>`encode(sha256(convert_to(json_build_array(
        row_to_json(p),
        (select json_agg(json_build_array(s.id, s.name, s.unit_id, s.is_active) order by s.id)
          from ${services} s where s.region_code = p.region_code),
        (select json_agg(json_build_array(u.id, u.name) order by u.id)
          from ${units} u where u.id in (select s.unit_id from ${services} s where s.region_code = p.region_code)),
        (select json_agg(json_build_array(ps.service_id, ps.population) order by ps.service_id)
          from ${skmPeriodServices} ps where ps.period_id = p.id),
        (select json_build_array(${TALLY_FINGERPRINT}) from ${skmTallies} t where t.period_id = p.id),
        (select json_agg(f.id order by f.id)
          from ${frameworkVersions} f where f.input_kind = 'survey' and (f.region_code is null or f.region_code = p.region_code)),
        (select row_to_json(q) from ${skmPeriods} q where q.id = (${PREVIOUS})),
        (select json_build_array(${TALLY_FINGERPRINT}) from ${skmTallies} t where t.period_id = (${PREVIOUS}))
      )::text, 'UTF8')), 'base64')`,
    })
    .from(p)
    .where(and(eq(p.regionCode, sql.placeholder('regionCode')), eq(p.id, sql.placeholder('periodId'))))
    // Named, so each connection plans it once: planning this statement costs more than running it.
    .prepare('skm_results_fingerprint');

const preparedFingerprints = new WeakMap<object, ReturnType<typeof fingerprintQuery>>();

async function resultsFingerprint(db: DbOrTx, regionCode: string, periodId: string): Promise<string | null> {
  let query = preparedFingerprints.get(db);
  if (query === undefined) {
    query = fingerprintQuery(db);
    preparedFingerprints.set(db, query);
  }
  const [row] = await query.execute({ regionCode, periodId });
  return row?.fingerprint ?? null;
}

interface CachedResults {
  fingerprint: string;
  json: string;
}

/** Periods whose results are kept (most recently asked last); a page of results is a few tens of KB. */
const RESULTS_CACHE_LIMIT = 200;
const resultsCaches = new WeakMap<object, Map<string, CachedResults>>();

function resultsCacheOf(db: Db): Map<string, CachedResults> {
  let cache = resultsCaches.get(db);
  if (cache === undefined) {
    cache = new Map();
    resultsCaches.set(db, cache);
  }
  return cache;
}

/**
 * A period's results as the JSON the API answers. Staff open the results page often and a period's
 * answers come in one by one, while computing the results reads ten statements and scores dozens of
 * totals: so the answer is kept with the fingerprint of what it was computed from, and given again
 * only while one query finds that fingerprint unchanged. Any answer, population, renamed service or
 * unit, or period change moves the fingerprint, and the next request computes afresh: the answer is
 * always what a fresh computation gives.
 */
export async function periodResultsJson(db: Db, regionCode: string, periodId: string): Promise<string> {
  const cache = resultsCacheOf(db);
  const key = `${regionCode}/${periodId}`;
  const fingerprint = await resultsFingerprint(db, regionCode, periodId);
  if (fingerprint === null) throw new AppError('NOT_FOUND');
  const known = cache.get(key);
  if (known !== undefined && known.fingerprint === fingerprint) {
    cache.delete(key);
    cache.set(key, known);
    return known.json;
  }
  // The fingerprint kept is read in the same snapshot as the results, so the two always describe the
  // same data, whatever answers arrive meanwhile.
  const fresh = await db.transaction(
    async (tx) => {
      const current = await resultsFingerprint(tx, regionCode, periodId);
      if (current === null) throw new AppError('NOT_FOUND');
      const period = await findSkmPeriodRow(tx, regionCode, periodId);
      if (!period) throw new AppError('NOT_FOUND');
      const { framework: _framework, totals: _totals, ...results } = await skmPeriodResults(tx, regionCode, period);
      // As the route's response schema would encode it.
      return { fingerprint: current, json: JSON.stringify(z.encode(skmResultsSchema, results)) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  cache.delete(key);
  cache.set(key, fresh);
  if (cache.size > RESULTS_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return fresh.json;
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
