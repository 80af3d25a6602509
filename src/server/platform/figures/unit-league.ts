/**
 * The facts of every unit of a region in one year, as the OPD league table needs them: innovations
 * against the period's minimum, the IKM, assessment items done, complaints finished on time and the
 * progress of the programmes the unit leads. One grouped query per source (never one per unit), then
 * folded in memory, so a region of 45 or 450 units costs the same handful of queries.
 *
 * Units that owe the innovation minimum are the league's members (OPDs and kecamatan; every unit when
 * the year's period counts sub-units). When sub-units do not count, what a school, UPT or kelurahan
 * did is credited to the unit above it, as the innovation recap does.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { OPD_KINDS, UNIT_KINDS } from '#domain/units/unit-kinds.ts';
import type { ProgressStatus } from '#domain/kota-cerdas/dimensions.ts';
import { programmeProgress } from '#domain/kota-cerdas/progress.ts';
import type { UnitFacts } from '#domain/liga/league.ts';
import { UNSUR_KEYS, type UnsurKey } from '#domain/services/skm.ts';
import { evaluateTree, type LeafComputation } from '#domain/scoring/aggregate.ts';
import { Ratio } from '#domain/scoring/decimal.ts';
import type { Framework } from '#domain/scoring/framework.schema.ts';
import { finalize } from '#domain/scoring/result.ts';
import { leaves } from '#domain/scoring/tree.ts';
import type { DbOrTx } from '#server/db/client.ts';
import {
  assessmentItems,
  assessments,
  complaints,
  innovations,
  periods,
  services,
  skmPeriods,
  skmTallies,
  smartcityOutputs,
  smartcityOutputTargets,
  smartcityProgrammes,
  smartcityProgressFigures,
  smartcityProgressReports,
  units,
} from '#server/db/schema.ts';
import { type LoadedVersion, loadFrameworkVersion, usableVersions } from '#server/platform/frameworks/registry.ts';

/** Innovations that count towards the minimum: proposed and alive (as the innovation recap counts them). */
const COUNTED = ['diajukan', 'dikembalikan', 'terverifikasi'];

export interface UnitLeagueFacts {
  year: number;
  /** Whether the region has an innovation period for the year (else the innovation component is empty). */
  hasPeriod: boolean;
  units: UnitFacts[];
}

type Totals = { responses: number; unsur: Record<UnsurKey, { sum: number; answered: number }> };
const emptyTotals = (): Totals => ({
  responses: 0,
  unsur: Object.fromEntries(UNSUR_KEYS.map((k) => [k, { sum: 0, answered: 0 }])) as Totals['unsur'],
});

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export async function unitLeagueFacts(db: DbOrTx, regionCode: string, year: number, now: Date): Promise<UnitLeagueFacts> {
  const [[period], unitRows] = await Promise.all([
    db
      .select({ id: periods.id, minPerUnit: periods.minPerUnit, countsSubUnits: periods.countsSubUnits })
      .from(periods)
      .where(and(eq(periods.regionCode, regionCode), eq(periods.year, year))),
    db.select({ id: units.id, name: units.name, kind: units.kind, parentId: units.parentId }).from(units).where(eq(units.regionCode, regionCode)),
  ]);
  const countsSubUnits = period?.countsSubUnits ?? false;
  const owing = new Set<string>(countsSubUnits ? UNIT_KINDS : [...OPD_KINDS, 'kecamatan']);
  const byId = new Map(unitRows.map((u) => [u.id, u]));
  /** The league member a unit's work is credited to, or undefined when it belongs to none. */
  const memberOf = (unitId: string | null): string | undefined => {
    const unit = unitId ? byId.get(unitId) : undefined;
    if (!unit) return undefined;
    if (owing.has(unit.kind)) return unit.id;
    const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
    return parent && owing.has(parent.kind) ? parent.id : undefined;
  };

  const facts = new Map<string, UnitFacts>();
  for (const u of unitRows) {
    if (!owing.has(u.kind)) continue;
    facts.set(u.id, {
      unitId: u.id,
      unitName: u.name,
      innovations: period ? { proposed: 0, verified: 0, minimum: period.minPerUnit } : null,
      ikm: null,
      assessments: { assigned: 0, done: 0 },
      complaints: { due: 0, onTime: 0 },
      programmes: [],
    });
  }
  const factsOf = (unitId: string | null) => {
    const member = memberOf(unitId);
    return member ? facts.get(member) : undefined;
  };

  const [innovationRows, ikmByUnit, assessmentRows, complaintRows, programmeRows] = await Promise.all([
    period
      ? db
          .select({
            unitId: innovations.unitId,
            proposed: sql<number>`(count(*) filter (where ${inArray(innovations.status, COUNTED)}))::int`,
            verified: sql<number>`(count(*) filter (where ${innovations.status} = 'terverifikasi'))::int`,
          })
          .from(innovations)
          .where(and(eq(innovations.regionCode, regionCode), eq(innovations.periodId, period.id)))
          .groupBy(innovations.unitId)
      : Promise.resolve([]),
    surveyTotalsByUnit(db, regionCode, year),
    db
      .select({
        unitId: assessmentItems.unitId,
        assigned: sql<number>`count(*)::int`,
        done: sql<number>`(count(*) filter (where ${assessmentItems.claimedValue} is not null or ${assessmentItems.verification} <> 'pending'))::int`,
      })
      .from(assessmentItems)
      .innerJoin(assessments, eq(assessments.id, assessmentItems.assessmentId))
      .where(and(eq(assessments.regionCode, regionCode), eq(assessments.year, year), isNotNull(assessmentItems.unitId)))
      .groupBy(assessmentItems.unitId),
    db
      .select({
        unitId: complaints.unitId,
        due: sql<number>`(count(*) filter (where ${complaints.closedAt} is not null or ${complaints.dueAt} < ${now.toISOString()}::timestamptz))::int`,
        onTime: sql<number>`(count(*) filter (where ${complaints.status} = 'selesai' and ${complaints.closedAt} <= ${complaints.dueAt}))::int`,
      })
      .from(complaints)
      .where(
        and(
          eq(complaints.regionCode, regionCode),
          sql`${complaints.status} not in ('ditolak', 'duplikat')`,
          // The year a complaint belongs to is the year it was filed, in Western Indonesia time.
          sql`extract(year from ${complaints.createdAt} at time zone 'Asia/Jakarta') = ${year}`,
        ),
      )
      .groupBy(complaints.unitId),
    programmeProgressByLead(db, regionCode, year),
  ]);

  for (const r of innovationRows) {
    const f = factsOf(r.unitId);
    if (f?.innovations) {
      f.innovations.proposed += Number(r.proposed);
      f.innovations.verified += Number(r.verified);
    }
  }
  for (const [member, ikm] of ikmByUnit.byMember(memberOf)) {
    const f = facts.get(member);
    if (f) f.ikm = ikm;
  }
  for (const r of assessmentRows) {
    const f = factsOf(r.unitId);
    if (f) {
      f.assessments.assigned += Number(r.assigned);
      f.assessments.done += Number(r.done);
    }
  }
  for (const r of complaintRows) {
    const f = factsOf(r.unitId);
    if (f) {
      f.complaints.due += Number(r.due);
      f.complaints.onTime += Number(r.onTime);
    }
  }
  for (const r of programmeRows) factsOf(r.leadUnitId)?.programmes.push(r.progress);

  return { year, hasPeriod: period !== undefined, units: [...facts.values()] };
}

// ---- IKM per unit --------------------------------------------------------------------------------
// The same computation as the survey results page (features/layanan/skm-results.service.ts: the IKM per
// unit from the tallies, by the engine's tree on the sums); here over every survey period of the year.

const TALLY_SUMS = sql.raw(
  [
    'coalesce(sum(t.responses), 0)::int as responses',
    ...UNSUR_KEYS.flatMap((_, i) => [`coalesce(sum(t.s${i + 1}), 0)::int as s${i + 1}`, `coalesce(sum(t.c${i + 1}), 0)::int as c${i + 1}`]),
  ].join(', '),
);

function isNineUnsurSurvey(framework: Framework): boolean {
  if (framework.inputKind !== 'survey') return false;
  const ids = leaves(framework.root).map((l) => l.id);
  return ids.length === UNSUR_KEYS.length && UNSUR_KEYS.every((k) => ids.includes(k));
}

/** The version that scores a year's survey: the one its latest period names, else the one in force that year. */
async function surveyFrameworkOfYear(db: DbOrTx, regionCode: string, named: string | null, year: number): Promise<Framework | undefined> {
  if (named !== null) {
    const version = await loadFrameworkVersion(db, regionCode, named);
    if (version && isNineUnsurSurvey(version.framework)) return version.framework;
  }
  const usable = (await usableVersions(db, regionCode, 'survey')).filter((c) => isNineUnsurSurvey(c.framework));
  const covers = (c: LoadedVersion) =>
    c.framework.effectiveYears.from <= year && (c.framework.effectiveYears.to === null || year <= c.framework.effectiveYears.to);
  const byFromDesc = (a: LoadedVersion, b: LoadedVersion) => b.framework.effectiveYears.from - a.framework.effectiveYears.from;
  return (
    usable.filter(covers).sort(byFromDesc)[0] ??
    usable.filter((c) => c.framework.effectiveYears.from <= year).sort(byFromDesc)[0] ??
    [...usable].sort((a, b) => a.framework.effectiveYears.from - b.framework.effectiveYears.from)[0]
  )?.framework;
}

/** The published IKM index of some tallies, or null when it cannot be computed (no answers, an unsur unanswered). */
export function ikmIndexOf(framework: Framework, totals: Totals): string | null {
  if (totals.responses === 0) return null;
  for (const leaf of leaves(framework.root)) {
    const t = totals.unsur[leaf.id as UnsurKey] as Totals['unsur'][UnsurKey] | undefined;
    if (t === undefined || t.answered === 0) return null;
  }
  const computed = evaluateTree(framework.root, (leaf): LeafComputation => {
    const t = totals.unsur[leaf.id as UnsurKey];
    const value = Ratio.int(t.sum).div(Ratio.int(t.answered));
    return { value, how: '', details: { answered: t.answered } };
  });
  return finalize(framework, computed, [], { respondents: totals.responses }).index;
}

async function surveyTotalsByUnit(db: DbOrTx, regionCode: string, year: number) {
  const yearPeriods = await db
    .select({ id: skmPeriods.id, frameworkVersionId: skmPeriods.frameworkVersionId })
    .from(skmPeriods)
    .where(and(eq(skmPeriods.regionCode, regionCode), eq(skmPeriods.year, year)))
    .orderBy(sql`${skmPeriods.startsOn} desc`);
  const none = { byMember: () => new Map<string, string>() };
  const latest = yearPeriods[0];
  if (!latest) return none;
  const [framework, result] = await Promise.all([
    surveyFrameworkOfYear(db, regionCode, latest.frameworkVersionId, year),
    db.execute(sql`
      select s.unit_id as "unitId", ${TALLY_SUMS}
      from ${skmTallies} t join ${services} s on s.id = t.service_id
      where s.region_code = ${regionCode} and t.period_id in (${sql.join(
        yearPeriods.map((p) => sql`${p.id}`),
        sql`, `,
      )})
      group by s.unit_id`),
  ]);
  if (!framework) return none;
  const rows = rowsOf<{ unitId: string } & Record<string, number>>(result);
  return {
    byMember(memberOf: (unitId: string | null) => string | undefined): Map<string, string> {
      const totals = new Map<string, Totals>();
      for (const row of rows) {
        const member = memberOf(row.unitId);
        if (!member) continue;
        const t = totals.get(member) ?? emptyTotals();
        t.responses += Number(row.responses);
        UNSUR_KEYS.forEach((k, i) => {
          t.unsur[k].sum += Number(row[`s${i + 1}`] ?? 0);
          t.unsur[k].answered += Number(row[`c${i + 1}`] ?? 0);
        });
        totals.set(member, t);
      }
      const out = new Map<string, string>();
      for (const [member, t] of totals) {
        const index = ikmIndexOf(framework, t);
        if (index !== null) out.set(member, index);
      }
      return out;
    },
  };
}

// ---- programme progress per lead unit ------------------------------------------------------------
// The rule of features/kota-cerdas (domain/kota-cerdas/progress.ts), on the year's targets only.

async function programmeProgressByLead(db: DbOrTx, regionCode: string, year: number) {
  const [targets, figures] = await Promise.all([
    db
      .select({
        programmeId: smartcityProgrammes.id,
        leadUnitId: smartcityProgrammes.leadUnitId,
        outputId: smartcityOutputs.id,
        target: smartcityOutputTargets.target,
      })
      .from(smartcityOutputTargets)
      .innerJoin(smartcityOutputs, eq(smartcityOutputs.id, smartcityOutputTargets.outputId))
      .innerJoin(smartcityProgrammes, eq(smartcityProgrammes.id, smartcityOutputs.programmeId))
      .where(and(eq(smartcityProgrammes.regionCode, regionCode), eq(smartcityOutputTargets.year, year))),
    db
      .select({
        programmeId: smartcityProgressReports.programmeId,
        quarter: smartcityProgressReports.quarter,
        status: smartcityProgressReports.status,
        outputId: smartcityProgressFigures.outputId,
        realised: smartcityProgressFigures.realised,
      })
      .from(smartcityProgressReports)
      .innerJoin(smartcityProgressFigures, eq(smartcityProgressFigures.reportId, smartcityProgressReports.id))
      .where(and(eq(smartcityProgressReports.regionCode, regionCode), eq(smartcityProgressReports.year, year))),
  ]);
  const programmes = new Map<string, { leadUnitId: string; outputs: Map<string, string> }>();
  for (const t of targets) {
    const p = programmes.get(t.programmeId) ?? { leadUnitId: t.leadUnitId, outputs: new Map<string, string>() };
    p.outputs.set(t.outputId, t.target);
    programmes.set(t.programmeId, p);
  }
  const reports = new Map<string, Map<number, { status: string; figures: Record<string, string> }>>();
  for (const f of figures) {
    const byQuarter = reports.get(f.programmeId) ?? new Map<number, { status: string; figures: Record<string, string> }>();
    const q = byQuarter.get(f.quarter) ?? { status: f.status, figures: {} };
    q.figures[f.outputId] = f.realised;
    byQuarter.set(f.quarter, q);
    reports.set(f.programmeId, byQuarter);
  }
  const out: Array<{ leadUnitId: string; progress: string }> = [];
  for (const [programmeId, p] of programmes) {
    const quarters = [...(reports.get(programmeId) ?? new Map()).entries()].map(([quarter, q]) => ({
      year,
      quarter,
      status: q.status as ProgressStatus,
      figures: q.figures,
    }));
    const progress = programmeProgress(
      [...p.outputs.entries()].map(([outputId, target]) => ({ outputId, targets: { [year]: target } })),
      quarters,
    );
    if (progress !== null) out.push({ leadUnitId: p.leadUnitId, progress });
  }
  return out;
}
