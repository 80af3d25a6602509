/**
 * The smart-city figures of a region: each programme's progress and status by the one documented rule
 * (domain/kota-cerdas/progress.ts) from its outputs, targets and quarterly reports, and the masterplan's
 * summary of them. The smart-city pages, the public summary and the region's dashboard read them here.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ProgrammeStatus, ProgressStatus } from '#domain/kota-cerdas/dimensions.ts';
import { programmeProgress, programmeStatus } from '#domain/kota-cerdas/progress.ts';
import { Dec } from '#domain/scoring/decimal.ts';
import type { DbOrTx } from '#server/db/client.ts';
import {
  smartcityMasterplans,
  smartcityOutputs,
  smartcityOutputTargets,
  smartcityProgrammes,
  smartcityProgressFigures,
  smartcityProgressReports,
} from '#server/db/schema.ts';

export async function activeMasterplan(db: DbOrTx, regionCode: string) {
  const [row] = await db
    .select()
    .from(smartcityMasterplans)
    .where(and(eq(smartcityMasterplans.regionCode, regionCode), eq(smartcityMasterplans.isActive, true)));
  return row;
}

export interface ReportFacts {
  id: string;
  programmeId: string;
  year: number;
  quarter: number;
  status: ProgressStatus;
  obstacle: string | null;
  note: string;
  budgetRealised: string;
  reportedBy: string | null;
  updatedAt: Date;
  version: number;
  figures: { outputId: string; realised: string }[];
}

export interface ProgressFacts {
  outputs: { id: string; programmeId: string; name: string; kpiName: string; unitOfMeasure: string; targets: { year: number; target: string }[] }[];
  reports: ReportFacts[];
}

/** Outputs with their targets and every quarter's report with its figures, for some programmes. */
export async function progressFactsOf(db: DbOrTx, regionCode: string, programmeIds: readonly string[]): Promise<ProgressFacts> {
  if (programmeIds.length === 0) return { outputs: [], reports: [] };
  const ids = [...programmeIds];
  const [outputs, targets, reports, figures] = await Promise.all([
    db.select().from(smartcityOutputs).where(inArray(smartcityOutputs.programmeId, ids)).orderBy(asc(smartcityOutputs.position)),
    db
      .select({ outputId: smartcityOutputTargets.outputId, year: smartcityOutputTargets.year, target: smartcityOutputTargets.target })
      .from(smartcityOutputTargets)
      .innerJoin(smartcityOutputs, eq(smartcityOutputs.id, smartcityOutputTargets.outputId))
      .where(inArray(smartcityOutputs.programmeId, ids))
      .orderBy(asc(smartcityOutputTargets.year)),
    db
      .select()
      .from(smartcityProgressReports)
      .where(and(eq(smartcityProgressReports.regionCode, regionCode), inArray(smartcityProgressReports.programmeId, ids)))
      .orderBy(asc(smartcityProgressReports.year), asc(smartcityProgressReports.quarter)),
    db
      .select({
        reportId: smartcityProgressFigures.reportId,
        outputId: smartcityProgressFigures.outputId,
        realised: smartcityProgressFigures.realised,
      })
      .from(smartcityProgressFigures)
      .innerJoin(smartcityProgressReports, eq(smartcityProgressReports.id, smartcityProgressFigures.reportId))
      .where(and(eq(smartcityProgressReports.regionCode, regionCode), inArray(smartcityProgressReports.programmeId, ids))),
  ]);
  return {
    outputs: outputs.map((o) => ({
      id: o.id,
      programmeId: o.programmeId,
      name: o.name,
      kpiName: o.kpiName,
      unitOfMeasure: o.unitOfMeasure,
      targets: targets.filter((t) => t.outputId === o.id).map((t) => ({ year: t.year, target: trimDecimal(t.target) })),
    })),
    reports: reports.map((r) => ({
      id: r.id,
      programmeId: r.programmeId,
      year: r.year,
      quarter: r.quarter,
      status: r.status as ProgressStatus,
      obstacle: r.obstacle,
      note: r.note,
      budgetRealised: r.budgetRealised,
      reportedBy: r.reportedBy,
      updatedAt: r.updatedAt,
      version: r.version,
      figures: figures.filter((f) => f.reportId === r.id).map((f) => ({ outputId: f.outputId, realised: trimDecimal(f.realised) })),
    })),
  };
}

/** "12.5000" → "12.5", "3.0000" → "3": a KPI figure as the unit wrote it. */
export function trimDecimal(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

/** Progress, status and last reported quarter of one programme from the facts of several. */
export function progressOf(programmeId: string, facts: ProgressFacts) {
  const outputs = facts.outputs.filter((o) => o.programmeId === programmeId);
  const reports = facts.reports.filter((r) => r.programmeId === programmeId);
  const progress = programmeProgress(
    outputs.map((o) => ({ outputId: o.id, targets: Object.fromEntries(o.targets.map((t) => [t.year, t.target])) })),
    reports.map((r) => ({
      year: r.year,
      quarter: r.quarter,
      status: r.status,
      figures: Object.fromEntries(r.figures.map((f) => [f.outputId, f.realised])),
    })),
  );
  const last = reports.at(-1);
  return { progress, status: programmeStatus(reports), lastReport: last ? { year: last.year, quarter: last.quarter } : null };
}

export interface SmartCityFigures {
  masterplan: { id: string; title: string; startYear: number; endYear: number } | null;
  programmes: number;
  /** Mean progress of the programmes that have a target, in percent with 2 decimals; null without any. */
  progress: string | null;
  byStatus: Record<ProgrammeStatus, number>;
}

/**
 * The active masterplan's programmes as they stood at the end of `year`: the reports and targets of
 * later years are left out, so a past year reads as it did then and the current year equals the pages.
 */
export async function smartCityFigures(db: DbOrTx, regionCode: string, year: number): Promise<SmartCityFigures> {
  const byStatus: Record<ProgrammeStatus, number> = { belum_dilaporkan: 0, berjalan: 0, selesai: 0, terhambat: 0 };
  const plan = await activeMasterplan(db, regionCode);
  if (!plan) return { masterplan: null, programmes: 0, progress: null, byStatus };
  const programmes = await db
    .select({ id: smartcityProgrammes.id })
    .from(smartcityProgrammes)
    .where(and(eq(smartcityProgrammes.regionCode, regionCode), eq(smartcityProgrammes.masterplanId, plan.id)));
  const all = await progressFactsOf(
    db,
    regionCode,
    programmes.map((p) => p.id),
  );
  const facts: ProgressFacts = {
    outputs: all.outputs.map((o) => ({ ...o, targets: o.targets.filter((t) => t.year <= year) })),
    reports: all.reports.filter((r) => r.year <= year),
  };
  let sum = new Dec(0);
  let measured = 0;
  for (const p of programmes) {
    const { progress, status } = progressOf(p.id, facts);
    byStatus[status]++;
    if (progress !== null) {
      sum = sum.plus(progress);
      measured++;
    }
  }
  return {
    masterplan: { id: plan.id, title: plan.title, startYear: plan.startYear, endYear: plan.endYear },
    programmes: programmes.length,
    progress: measured === 0 ? null : sum.div(measured).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2),
    byStatus,
  };
}
