/**
 * The region's dashboard for its leaders (and a command-centre screen): one year's headline figures,
 * each computed by the very code its source page uses (platform/figures), so the dashboard never shows
 * a number its page contradicts; the innovations' weekly trend through the reporting window; and each
 * index across the years the region has data for. Read-only: it takes the database and the region, not
 * a user, so a command centre's token reads it too.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { figureOf } from '#domain/iid/projection.ts';
import { YANDAS } from '#domain/innovations/profile.ts';
import { Dec } from '#domain/scoring/decimal.ts';
import { childrenOf } from '#domain/scoring/tree.ts';
import type { RegionDashboard } from '#shared/api/dasbor.ts';
import type { Period } from '#shared/api/innovations.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { assessments, innovationEvents, innovations, periods, regions, skmPeriods } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import {
  assessmentIndexOfYear,
  type GovernmentIndex,
  governmentIndexOfYear,
  SMART_CITY_EVALUATION_FRAMEWORKS,
} from '#server/platform/figures/assessment-index.ts';
import { complaintStatistics } from '#server/platform/figures/complaint-stats.ts';
import { findIidPeriod, projectPeriodIid } from '#server/platform/figures/iid-projection.ts';
import { periodIkm } from '#server/platform/figures/ikm.ts';
import { presentIkm } from '#server/platform/figures/ikm-score.ts';
import { COUNTED_STATUSES, periodDashboardData } from '#server/platform/figures/innovation-target.ts';
import { smartCityFigures } from '#server/platform/figures/smart-city.ts';
import { evaluationChange } from '#server/platform/evaluations.ts';
import { wibDate, wibYear } from '#domain/schedule/wib.ts';
import { complaintClockWindow, FigureKeep, regionFigureGeneration } from '#server/platform/figures/generations.ts';

/** How many of the weakest services the dashboard names. */
const WEAKEST_SERVICES = 3;

export interface DashboardReader {
  db: DbOrTx;
  now: Date;
}

async function periodOfYear(db: DbOrTx, regionCode: string, year: number): Promise<Period | undefined> {
  const [row] = await db
    .select({
      id: periods.id,
      regionCode: periods.regionCode,
      year: periods.year,
      opensOn: periods.opensOn,
      closesOn: periods.closesOn,
      targetTotal: periods.targetTotal,
      minPerUnit: periods.minPerUnit,
      countsSubUnits: periods.countsSubUnits,
      refuseOutsideWindow: periods.refuseOutsideWindow,
      iidFrameworkVersionId: periods.iidFrameworkVersionId,
      version: periods.version,
      innovationCount: sql<number>`(select count(*)::int from ${innovations} i where i.period_id = "periods"."id")`,
      proposedCount: sql<number>`(select count(*)::int from ${innovations} i where i.period_id = "periods"."id" and i.status in (${sql.join(
        COUNTED_STATUSES.map((s) => sql`${s}`),
        sql`, `,
      )}))`,
    })
    .from(periods)
    .where(and(eq(periods.regionCode, regionCode), eq(periods.year, year)));
  return row;
}

/** Years with an innovation period, an assessment or a survey period, newest first. */
async function yearsWithData(db: DbOrTx, regionCode: string): Promise<number[]> {
  const result = await db.execute(sql`
    select year from ${periods} where region_code = ${regionCode}
    union select year from ${assessments} where region_code = ${regionCode}
    union select year from ${skmPeriods} where region_code = ${regionCode}
    order by year desc`);
  return (result as unknown as { rows: { year: number }[] }).rows.map((r) => Number(r.year));
}

// ---- the figures, each from its page's own code -------------------------------------------------

async function innovationFigures(db: DbOrTx, regionCode: string, period: Period | undefined): Promise<RegionDashboard['innovations']> {
  if (!period) {
    return {
      periodId: null,
      target: null,
      proposed: 0,
      verified: 0,
      unitsMeetingMinimum: 0,
      units: 0,
      yandasCovered: 0,
      yandasTotal: YANDAS.length,
      opensOn: null,
      closesOn: null,
    };
  }
  const d = await periodDashboardData(db, regionCode, period);
  return {
    periodId: period.id,
    target: period.targetTotal,
    proposed: d.total,
    verified: d.verified,
    unitsMeetingMinimum: d.units.filter((u) => u.meetsMinimum).length,
    units: d.units.length,
    yandasCovered: d.yandasCovered,
    yandasTotal: d.yandas.length,
    opensOn: period.opensOn,
    closesOn: period.closesOn,
  };
}

async function iidFigures(db: DbOrTx, regionCode: string, period: Period | undefined): Promise<RegionDashboard['iid']> {
  if (!period) return null;
  const row = await findIidPeriod(db, regionCode, period.id);
  if (!row) return null;
  const { framework, projection } = await projectPeriodIid(db, regionCode, row);
  const claimed = figureOf(projection.claimed);
  const verified = figureOf(projection.verified);
  return {
    periodId: period.id,
    frameworkName: framework.name,
    claimed: claimed.index,
    verified: verified.index,
    predicate: verified.predicate,
    claimedPredicate: claimed.predicate,
  };
}

function assessmentFigures(found: GovernmentIndex | null): RegionDashboard['assessment'] {
  if (!found) return null;
  // As the assessment report: claimed values during penilaian mandiri, verified ones from verification on.
  const basis = found.stage === 'mandiri' ? 'claimed' : 'verified';
  const figure = found[basis];
  return {
    assessmentId: found.assessmentId,
    framework: found.frameworkId,
    frameworkName: found.frameworkName,
    stage: found.stage,
    basis,
    index: figure.index,
    predicate: figure.predicate,
    claimedIndex: found.claimed.index,
    verifiedIndex: found.verified.index,
    domains: childrenOf(found.framework.root).map((node) => ({
      id: node.id,
      name: node.name,
      index: figure.nodes[node.id]?.index ?? null,
      predicate: figure.nodes[node.id]?.predicate ?? null,
    })),
  };
}

/** The year's survey period: the latest one that starts in the year (the second semester over the first). */
async function ikmFigures(db: DbOrTx, regionCode: string, year: number): Promise<RegionDashboard['ikm']> {
  const [period] = await db
    .select()
    .from(skmPeriods)
    .where(and(eq(skmPeriods.regionCode, regionCode), eq(skmPeriods.year, year)))
    .orderBy(desc(skmPeriods.startsOn), desc(skmPeriods.id))
    .limit(1);
  if (!period) return null;
  const { region, regionResult, services } = await periodIkm(db, period);
  const ikm = regionResult && presentIkm(regionResult, region.responses);
  const weakest = services
    .flatMap((s) =>
      s.ikm ? [{ serviceId: s.serviceId, serviceName: s.serviceName, unitName: s.unitName, index: s.ikm.index, grade: s.ikm.grade }] : [],
    )
    .sort((a, b) => new Dec(a.index).comparedTo(b.index) || a.serviceName.localeCompare(b.serviceName, 'id'))
    .slice(0, WEAKEST_SERVICES);
  return {
    periodId: period.id,
    label: period.semester === null ? String(period.year) : `${period.year} Semester ${period.semester}`,
    index: ikm?.index ?? null,
    grade: ikm?.grade ?? null,
    responses: region.responses,
    weakestServices: weakest,
  };
}

async function smartCity(db: DbOrTx, regionCode: string, year: number): Promise<RegionDashboard['smartCity']> {
  const [f, evaluation] = await Promise.all([
    smartCityFigures(db, regionCode, year),
    assessmentIndexOfYear(db, regionCode, year, SMART_CITY_EVALUATION_FRAMEWORKS).then(assessmentFigures),
  ]);
  if (!f.masterplan) return null;
  // The evaluation is scored once above; only the previous year's is scored for the change.
  const change = evaluation
    ? await evaluationChange(db, { regionCode, frameworkId: evaluation.framework, year, verifiedIndex: evaluation.verifiedIndex })
    : null;
  return {
    masterplanId: f.masterplan.id,
    title: f.masterplan.title,
    programmes: f.programmes,
    progress: f.progress,
    onTrack: f.byStatus.berjalan,
    done: f.byStatus.selesai,
    blocked: f.byStatus.terhambat,
    notReported: f.byStatus.belum_dilaporkan,
    evaluation: evaluation && {
      assessmentId: evaluation.assessmentId,
      frameworkName: evaluation.frameworkName,
      stage: evaluation.stage,
      basis: evaluation.basis,
      index: evaluation.index,
      predicate: evaluation.predicate,
      change,
    },
  };
}

/** Complaints filed in the calendar year (WIB), counted as the complaint statistics page counts them. */
async function complaintFigures(db: DbOrTx, regionCode: string, year: number, now: Date): Promise<RegionDashboard['complaints']> {
  const s = await complaintStatistics(db, regionCode, { from: `${year}-01-01`, to: `${year}-12-31` }, now, null);
  return {
    received: s.total,
    resolved: s.resolved,
    resolvedOnTime: s.resolvedOnTime,
    overdue: s.overdue,
    open: s.open,
    resolutionRate: s.resolutionRate,
  };
}

// ---- trends ----------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The Monday of the week a day falls in. */
function mondayOf(day: string): Date {
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS);
}

/**
 * Proposed and verified innovations cumulated week by week from the window's opening to its closing.
 * An innovation counts as proposed from its first submission and as verified from its (last)
 * verification, and only if it still stands so today, so the last week equals the figures above. What
 * happened before the window opens counts in its first week, what happened after it closes in its last.
 */
async function innovationTrend(db: DbOrTx, regionCode: string, period: Period | undefined): Promise<RegionDashboard['trend']['innovations']> {
  if (!period) return [];
  const rows = await db
    .select({
      status: innovations.status,
      submittedAt: sql<string | null>`min(${innovationEvents.at}) filter (where ${innovationEvents.toStatus} = 'diajukan')`,
      verifiedAt: sql<string | null>`max(${innovationEvents.at}) filter (where ${innovationEvents.toStatus} = 'terverifikasi')`,
    })
    .from(innovations)
    .leftJoin(innovationEvents, and(eq(innovationEvents.innovationId, innovations.id), eq(innovationEvents.regionCode, regionCode)))
    .where(and(eq(innovations.regionCode, regionCode), eq(innovations.periodId, period.id), inArray(innovations.status, COUNTED_STATUSES)))
    .groupBy(innovations.id, innovations.status);

  const first = mondayOf(period.opensOn);
  const last = mondayOf(period.closesOn);
  const weeks: Date[] = [];
  for (let w = first; w.getTime() <= last.getTime(); w = new Date(w.getTime() + 7 * DAY_MS)) weeks.push(w);
  const weekIndex = (at: string | null) => {
    if (at === null) return 0;
    const i = Math.floor((new Date(at).getTime() - first.getTime()) / (7 * DAY_MS));
    return Math.min(Math.max(i, 0), weeks.length - 1);
  };
  const proposed = new Array<number>(weeks.length).fill(0);
  const verified = new Array<number>(weeks.length).fill(0);
  for (const r of rows) {
    const submitted = weekIndex(r.submittedAt ?? r.verifiedAt);
    proposed[submitted] = (proposed[submitted] ?? 0) + 1;
    if (r.status === 'terverifikasi') {
      const at = Math.max(weekIndex(r.verifiedAt), submitted);
      verified[at] = (verified[at] ?? 0) + 1;
    }
  }
  let p = 0;
  let v = 0;
  return weeks.map((w, i) => {
    p += proposed[i] ?? 0;
    v += verified[i] ?? 0;
    return { week: isoDay(w), proposed: p, verified: v };
  });
}

type IndexRow = RegionDashboard['trend']['indices'][number];

function indexRow(year: number, iid: RegionDashboard['iid'], assessment: RegionDashboard['assessment'], ikm: RegionDashboard['ikm']): IndexRow {
  return {
    year,
    iid: iid?.verified ?? null,
    assessment: assessment?.index ?? null,
    assessmentFramework: assessment?.frameworkName ?? null,
    ikm: ikm?.index ?? null,
  };
}

/** Each index in the other years; the dashboard's own year is its figures, not computed twice. */
async function indexTrend(db: DbOrTx, regionCode: string, years: readonly number[], own: IndexRow): Promise<IndexRow[]> {
  const others = await Promise.all(
    years
      .filter((year) => year !== own.year)
      .map(async (year) => {
        const period = await periodOfYear(db, regionCode, year);
        const [iid, assessment, ikm] = await Promise.all([
          iidFigures(db, regionCode, period),
          governmentIndexOfYear(db, regionCode, year).then(assessmentFigures),
          ikmFigures(db, regionCode, year),
        ]);
        return indexRow(year, iid, assessment, ikm);
      }),
  );
  return [...others, own].sort((a, b) => a.year - b.year);
}

// ---- the dashboard ---------------------------------------------------------------------------------

/**
 * Dashboards kept while the region's data is unchanged (a command-centre screen reads the same one over
 * and over): the key holds the WIB day, which picks the default year; the complaints' due times bound
 * how long the overdue counts hold.
 */
const kept = new FigureKeep<RegionDashboard>(2_000);

export async function regionDashboard(reader: DashboardReader, regionCode: string, query: { year?: number | undefined }): Promise<RegionDashboard> {
  const { db, now } = reader;
  const key = `${regionCode}|${query.year ?? ''}|${wibDate(now)}`;
  const generation = await regionFigureGeneration(db, regionCode);
  return kept.through(
    db,
    key,
    generation,
    now,
    () => computeDashboard(reader, regionCode, query),
    () => complaintClockWindow(db, regionCode, now),
  );
}

async function computeDashboard(reader: DashboardReader, regionCode: string, query: { year?: number | undefined }): Promise<RegionDashboard> {
  const { db, now } = reader;
  const [[region], years] = await Promise.all([
    db.select({ name: regions.name }).from(regions).where(eq(regions.code, regionCode)),
    yearsWithData(db, regionCode),
  ]);
  if (!region) throw new AppError('NOT_FOUND');
  const current = wibYear(now);
  const year = query.year ?? (years.includes(current) || years.length === 0 ? current : (years[0] ?? current));
  const period = await periodOfYear(db, regionCode, year);
  const [innovationsFigure, iid, assessment, ikm, smartCityFigure, complaints, weekly] = await Promise.all([
    innovationFigures(db, regionCode, period),
    iidFigures(db, regionCode, period),
    governmentIndexOfYear(db, regionCode, year).then(assessmentFigures),
    ikmFigures(db, regionCode, year),
    smartCity(db, regionCode, year),
    complaintFigures(db, regionCode, year, now),
    innovationTrend(db, regionCode, period),
  ]);
  // The picked year is in the picker's list even without data, so the trend has a row for it too.
  const indices = await indexTrend(db, regionCode, years, indexRow(year, iid, assessment, ikm));
  return {
    regionCode,
    regionName: region.name,
    year,
    years: years.includes(year) ? years : [year, ...years].sort((a, b) => b - a),
    innovations: innovationsFigure,
    iid,
    assessment,
    ikm,
    smartCity: smartCityFigure,
    complaints,
    trend: { innovations: weekly, indices },
  };
}
