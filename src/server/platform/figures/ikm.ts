/**
 * The IKM of a survey period: per service, per unit and for the region, by the framework engine from the
 * running tallies, with the weakest unsur. The survey results page and the region's dashboard both read
 * it here, so the region's IKM and its weakest services are the same on both.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { minimumSample, sampleSufficient } from '#domain/services/sample-size.ts';
import { UNSUR_KEYS } from '#domain/services/skm.ts';
import type { IkmResult } from '#shared/api/skm.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { services, skmPeriodServices, type skmPeriods, skmTallies, units } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import { type LoadedVersion, loadFrameworkVersion, usableVersions } from '#server/platform/frameworks/registry.ts';
import { addTotals, emptyTotals, evaluateTotals, ikmOf, type SurveyTotals, scoresTheNineUnsur } from './ikm-score.ts';

type SkmPeriodRow = typeof skmPeriods.$inferSelect;

const TALLY_SUMS = sql.raw(
  [
    'coalesce(sum(t.responses), 0)::int as responses',
    ...UNSUR_KEYS.flatMap((_, i) => [`coalesce(sum(t.s${i + 1}), 0)::int as s${i + 1}`, `coalesce(sum(t.c${i + 1}), 0)::int as c${i + 1}`]),
  ].join(', '),
);

export type SumsRow = { responses: number } & Record<string, number>;

export function totalsOfRow(row: SumsRow): SurveyTotals {
  const totals = emptyTotals();
  totals.responses = Number(row.responses);
  UNSUR_KEYS.forEach((k, i) => {
    totals.unsur[k] = { sum: Number(row[`s${i + 1}`] ?? 0), answered: Number(row[`c${i + 1}`] ?? 0) };
  });
  return totals;
}

/** The tallies of some periods added up per period and service: `periodId/serviceId` → totals. */
export async function tallyTotals(db: DbOrTx, periodIds: readonly string[], serviceId?: string): Promise<Map<string, SurveyTotals>> {
  if (periodIds.length === 0) return new Map();
  const result = await db.execute(sql`
    select t.period_id as "periodId", t.service_id as "serviceId", ${TALLY_SUMS}
    from ${skmTallies} t
    where t.period_id in (${sql.join(
      periodIds.map((id) => sql`${id}`),
      sql`, `,
    )}) ${serviceId ? sql`and t.service_id = ${serviceId}` : sql``}
    group by t.period_id, t.service_id`);
  const rows = (result as unknown as { rows: Array<SumsRow & { periodId: string; serviceId: string }> }).rows;
  return new Map(rows.map((r) => [`${r.periodId}/${r.serviceId}`, totalsOfRow(r)]));
}

/** The `ikm` framework version effective in a year, among those the region may use (its own first). */
export function chooseByYear(candidates: readonly LoadedVersion[], year: number): LoadedVersion | undefined {
  const usable = candidates.filter((c) => scoresTheNineUnsur(c.framework));
  const covers = (c: LoadedVersion) =>
    c.framework.effectiveYears.from <= year && (c.framework.effectiveYears.to === null || year <= c.framework.effectiveYears.to);
  const byFromDesc = (a: LoadedVersion, b: LoadedVersion) => b.framework.effectiveYears.from - a.framework.effectiveYears.from;
  return (
    usable.filter(covers).sort(byFromDesc)[0] ??
    usable.filter((c) => c.framework.effectiveYears.from <= year).sort(byFromDesc)[0] ??
    [...usable].sort((a, b) => a.framework.effectiveYears.from - b.framework.effectiveYears.from)[0]
  );
}

/** The framework that scores a period: the version it names, else the one effective in its year. */
export async function surveyFrameworkOf(
  db: DbOrTx,
  regionCode: string,
  period: Pick<SkmPeriodRow, 'year' | 'frameworkVersionId'>,
): Promise<LoadedVersion> {
  if (period.frameworkVersionId !== null) {
    const named = await loadFrameworkVersion(db, regionCode, period.frameworkVersionId);
    if (named && scoresTheNineUnsur(named.framework)) return named;
    throw new AppError('INTERNAL', {
      detail: `survey period names version ${period.frameworkVersionId}, which is not a nine-unsur survey framework`,
    });
  }
  const chosen = chooseByYear(await usableVersions(db, regionCode, 'survey'), period.year);
  if (!chosen) throw new AppError('INTERNAL', { detail: 'no IKM framework is installed' });
  return chosen;
}

export interface PeriodService {
  serviceId: string;
  serviceName: string;
  unitId: string;
  unitName: string;
  isActive: boolean;
  population: number | null;
}

/**
 * The services taking part: the chosen ones, or (all services) every active service of the region; plus
 * any service that already has answers in the period (made inactive, or taken off the list, later). Operators' `unitId` narrows to their unit.
 */
export async function servicesOfPeriod(db: DbOrTx, period: SkmPeriodRow, unitId?: string | null): Promise<PeriodService[]> {
  const membership = period.allServices
    ? sql`(${services.isActive} or exists (select 1 from ${skmTallies} t where t.period_id = ${period.id} and t.service_id = ${services.id}))`
    : sql`(exists (select 1 from ${skmPeriodServices} ps where ps.period_id = ${period.id} and ps.service_id = ${services.id})
        or exists (select 1 from ${skmTallies} t where t.period_id = ${period.id} and t.service_id = ${services.id}))`;
  return db
    .select({
      serviceId: services.id,
      serviceName: services.name,
      unitId: services.unitId,
      unitName: units.name,
      isActive: services.isActive,
      population: skmPeriodServices.population,
    })
    .from(services)
    .innerJoin(units, eq(units.id, services.unitId))
    .leftJoin(skmPeriodServices, and(eq(skmPeriodServices.periodId, period.id), eq(skmPeriodServices.serviceId, services.id)))
    .where(and(eq(services.regionCode, period.regionCode), membership, unitId ? eq(services.unitId, unitId) : undefined))
    .orderBy(asc(units.name), asc(services.name));
}

/** A service's row in a period's results. */
export interface ServiceIkm {
  serviceId: string;
  serviceName: string;
  unitId: string;
  unitName: string;
  population: number | null;
  minimumSample: number | null;
  responses: number;
  sufficient: boolean | null;
  ikm: IkmResult | null;
}

/** The IKM of every service of a period, of each unit, and of the region (the sum of its services' tallies). */
export async function periodIkm(db: DbOrTx, periodRow: SkmPeriodRow) {
  const { framework } = await surveyFrameworkOf(db, periodRow.regionCode, periodRow);
  const [members, tallies] = await Promise.all([servicesOfPeriod(db, periodRow), tallyTotals(db, [periodRow.id])]);

  const region = emptyTotals();
  const unitTotals = new Map<string, { unitName: string; totals: SurveyTotals }>();
  const serviceRows: ServiceIkm[] = members.map((m) => {
    const totals = tallies.get(`${periodRow.id}/${m.serviceId}`) ?? emptyTotals();
    addTotals(region, totals);
    const unit = unitTotals.get(m.unitId) ?? { unitName: m.unitName, totals: emptyTotals() };
    addTotals(unit.totals, totals);
    unitTotals.set(m.unitId, unit);
    return {
      serviceId: m.serviceId,
      serviceName: m.serviceName,
      unitId: m.unitId,
      unitName: m.unitName,
      population: m.population,
      minimumSample: minimumSample(m.population),
      responses: totals.responses,
      sufficient: sampleSufficient(totals.responses, m.population),
      ikm: ikmOf(framework, totals),
    };
  });
  return {
    framework,
    region,
    regionResult: evaluateTotals(framework, region),
    units: [...unitTotals.entries()].map(([unitId, u]) => ({ unitId, unitName: u.unitName, ikm: ikmOf(framework, u.totals) })),
    services: serviceRows,
  };
}
