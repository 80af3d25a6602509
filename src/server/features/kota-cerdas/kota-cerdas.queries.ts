/**
 * Queries of the kota cerdas module. Every function takes the region code and filters by it in SQL, so
 * an id from another region is simply not found. Progress and funding totals are computed from the
 * rows by the pure rules in `domain/kota-cerdas`, never stored.
 */
import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, can } from '#domain/access/roles.ts';
import { FUNDING_SOURCES, type FundingSource, type ProgrammeKind, type ProgrammeStatus } from '#domain/kota-cerdas/dimensions.ts';
import { sumAmounts } from '#domain/kota-cerdas/progress.ts';
import type { DbOrTx } from '#server/db/client.ts';
import {
  smartcityDimensions,
  smartcityElements,
  smartcityFunding,
  smartcityMasterplans,
  smartcityProgrammes,
  smartcityProgressReports,
  units,
} from '#server/db/schema.ts';
import { offsetOf } from '#server/db/sql-helpers.ts';
import { type ProgressFacts, progressOf, trimDecimal } from '#server/platform/figures/smart-city.ts';
import { containsSearchText } from '#server/platform/search.ts';

// Progress is computed where the region's dashboard computes it too, so the two always agree.
export {
  activeMasterplan,
  type ProgressFacts,
  progressFactsOf,
  progressOf,
  type ReportFacts,
  trimDecimal,
} from '#server/platform/figures/smart-city.ts';

export async function findMasterplan(db: DbOrTx, regionCode: string, id: string) {
  const [row] = await db
    .select()
    .from(smartcityMasterplans)
    .where(and(eq(smartcityMasterplans.regionCode, regionCode), eq(smartcityMasterplans.id, id)));
  return row;
}

export async function listMasterplans(db: DbOrTx, regionCode: string) {
  return db
    .select({
      id: smartcityMasterplans.id,
      title: smartcityMasterplans.title,
      startYear: smartcityMasterplans.startYear,
      endYear: smartcityMasterplans.endYear,
      isActive: smartcityMasterplans.isActive,
      programmeCount: sql<number>`(select count(*)::int from ${smartcityProgrammes} p where p.masterplan_id = ${smartcityMasterplans.id})`,
    })
    .from(smartcityMasterplans)
    .where(eq(smartcityMasterplans.regionCode, regionCode))
    .orderBy(sql`${smartcityMasterplans.isActive} desc`, sql`${smartcityMasterplans.startYear} desc`);
}

/** The dimensions of a masterplan in their order, each with its elements. */
export async function structureOf(db: DbOrTx, regionCode: string, masterplanId: string) {
  const dims = await db
    .select()
    .from(smartcityDimensions)
    .where(and(eq(smartcityDimensions.regionCode, regionCode), eq(smartcityDimensions.masterplanId, masterplanId)))
    .orderBy(asc(smartcityDimensions.position));
  const els =
    dims.length === 0
      ? []
      : await db
          .select()
          .from(smartcityElements)
          .where(
            and(
              eq(smartcityElements.regionCode, regionCode),
              inArray(
                smartcityElements.dimensionId,
                dims.map((d) => d.id),
              ),
            ),
          )
          .orderBy(asc(smartcityElements.position));
  return dims.map((d) => ({
    id: d.id,
    code: d.code,
    name: d.name,
    position: d.position,
    baselineText: d.baselineText,
    baselineFigure: d.baselineFigure === null ? null : trimDecimal(d.baselineFigure),
    baselineUnit: d.baselineUnit,
    elements: els.filter((e) => e.dimensionId === d.id).map((e) => ({ id: e.id, code: e.code, name: e.name })),
  }));
}

/** The element of a masterplan with its dimension, or undefined when it is not one of that masterplan's. */
export async function elementOf(db: DbOrTx, regionCode: string, masterplanId: string, elementId: string) {
  const [row] = await db
    .select({ id: smartcityElements.id, dimensionId: smartcityDimensions.id })
    .from(smartcityElements)
    .innerJoin(smartcityDimensions, eq(smartcityDimensions.id, smartcityElements.dimensionId))
    .where(
      and(eq(smartcityElements.regionCode, regionCode), eq(smartcityElements.id, elementId), eq(smartcityDimensions.masterplanId, masterplanId)),
    );
  return row;
}

/** The status of a programme's latest quarter, in SQL, so lists can filter by it. */
const latestStatus = sql<ProgrammeStatus>`coalesce((select r.status from ${smartcityProgressReports} r where r.programme_id = ${smartcityProgrammes.id} order by r.year desc, r.quarter desc limit 1), 'belum_dilaporkan')`;

const programmeColumns = {
  id: smartcityProgrammes.id,
  regionCode: smartcityProgrammes.regionCode,
  masterplanId: smartcityProgrammes.masterplanId,
  name: smartcityProgrammes.name,
  description: smartcityProgrammes.description,
  kind: smartcityProgrammes.kind,
  stage: smartcityProgrammes.stage,
  rpjmdProgramCode: smartcityProgrammes.rpjmdProgramCode,
  dimensionId: smartcityDimensions.id,
  dimensionCode: smartcityDimensions.code,
  dimensionName: smartcityDimensions.name,
  dimensionPosition: smartcityDimensions.position,
  elementId: smartcityElements.id,
  elementCode: smartcityElements.code,
  elementName: smartcityElements.name,
  leadUnitId: smartcityProgrammes.leadUnitId,
  leadUnitName: units.name,
  startYear: smartcityProgrammes.startYear,
  startQuarter: smartcityProgrammes.startQuarter,
  endYear: smartcityProgrammes.endYear,
  endQuarter: smartcityProgrammes.endQuarter,
  version: smartcityProgrammes.version,
};
export type ProgrammeRow = Awaited<ReturnType<typeof selectProgrammes>>[number];

const kindRank = sql`case ${smartcityProgrammes.kind} when 'quick_win' then 0 when 'jangka_pendek' then 1 when 'jangka_menengah' then 2 else 3 end`;
/** Quick wins first, then the plan's dimensions in order, then by name. */
const programmeOrder = [kindRank, asc(smartcityDimensions.position), asc(smartcityProgrammes.name), asc(smartcityProgrammes.id)];

export type ProgrammeSort = 'kind' | 'name' | 'leadUnit' | 'start' | 'dimension';
const SORT_KEYS: Record<ProgrammeSort, SQL[]> = {
  kind: [kindRank],
  name: [sql`lower(${smartcityProgrammes.name})`],
  leadUnit: [sql`lower(${units.name})`],
  start: [sql`${smartcityProgrammes.startYear} * 4 + ${smartcityProgrammes.startQuarter}`],
  dimension: [sql`${smartcityDimensions.position}`, sql`${smartcityElements.position}`],
};

function orderOf(sort: ProgrammeSort, order: 'asc' | 'desc') {
  const direction = order === 'desc' ? desc : asc;
  return [...SORT_KEYS[sort].map((k) => direction(k)), ...programmeOrder];
}

function selectProgrammes(db: DbOrTx, where: SQL | undefined, page?: { limit: number; offset: number }, orderBy = programmeOrder) {
  const q = db
    .select(programmeColumns)
    .from(smartcityProgrammes)
    .innerJoin(smartcityElements, eq(smartcityElements.id, smartcityProgrammes.elementId))
    .innerJoin(smartcityDimensions, eq(smartcityDimensions.id, smartcityElements.dimensionId))
    .innerJoin(units, eq(units.id, smartcityProgrammes.leadUnitId))
    .where(where)
    .orderBy(...orderBy)
    .$dynamic();
  return page ? q.limit(page.limit).offset(page.offset) : q;
}

export async function programmesOfMasterplan(db: DbOrTx, regionCode: string, masterplanId: string) {
  return selectProgrammes(db, and(eq(smartcityProgrammes.regionCode, regionCode), eq(smartcityProgrammes.masterplanId, masterplanId)));
}

export async function programmesByIds(db: DbOrTx, regionCode: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return selectProgrammes(db, and(eq(smartcityProgrammes.regionCode, regionCode), inArray(smartcityProgrammes.id, [...ids])));
}

export async function findProgramme(db: DbOrTx, regionCode: string, id: string) {
  const [row] = await selectProgrammes(db, and(eq(smartcityProgrammes.regionCode, regionCode), eq(smartcityProgrammes.id, id)));
  return row;
}

export interface ProgrammeFilter {
  q?: string | undefined;
  masterplanId?: string | undefined;
  dimensionId?: string | undefined;
  kind?: string | undefined;
  status?: ProgrammeStatus | undefined;
  unitId?: string | undefined;
  sort?: ProgrammeSort | undefined;
  order?: 'asc' | 'desc' | undefined;
  page: number;
  pageSize: number;
}

export async function listProgrammes(db: DbOrTx, regionCode: string, f: ProgrammeFilter) {
  const conds: (SQL | undefined)[] = [eq(smartcityProgrammes.regionCode, regionCode)];
  if (f.masterplanId) conds.push(eq(smartcityProgrammes.masterplanId, f.masterplanId));
  if (f.q) conds.push(containsSearchText([smartcityProgrammes.name, smartcityProgrammes.description], f.q));
  if (f.dimensionId) conds.push(eq(smartcityDimensions.id, f.dimensionId));
  if (f.kind) conds.push(eq(smartcityProgrammes.kind, f.kind));
  if (f.status) conds.push(sql`${latestStatus} = ${f.status}`);
  // A unit finds the programmes it leads and those it supports.
  if (f.unitId)
    conds.push(
      or(
        eq(smartcityProgrammes.leadUnitId, f.unitId),
        sql`exists (select 1 from smartcity_programme_units s where s.programme_id = ${smartcityProgrammes.id} and s.unit_id = ${f.unitId})`,
      ),
    );
  const where = and(...conds);
  const [items, [total]] = await Promise.all([
    selectProgrammes(db, where, { limit: f.pageSize, offset: offsetOf(f.page, f.pageSize) }, orderOf(f.sort ?? 'kind', f.order ?? 'asc')),
    db
      .select({ n: count() })
      .from(smartcityProgrammes)
      .innerJoin(smartcityElements, eq(smartcityElements.id, smartcityProgrammes.elementId))
      .innerJoin(smartcityDimensions, eq(smartcityDimensions.id, smartcityElements.dimensionId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Whether the actor may report this programme's quarters: admins any, an operator those their unit leads. */
export function canReportProgramme(actor: Actor, regionCode: string, leadUnitId: string): boolean {
  if (!can(actor, 'smartcity.report', regionCode)) return false;
  return actor.role !== 'operator' || actor.unitId === leadUnitId;
}

export function presentProgrammeSummary(row: ProgrammeRow, facts: ProgressFacts, actor: Actor) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ProgrammeKind,
    stage: row.stage,
    dimensionId: row.dimensionId,
    dimensionCode: row.dimensionCode,
    dimensionName: row.dimensionName,
    elementId: row.elementId,
    elementName: row.elementName,
    leadUnitId: row.leadUnitId,
    leadUnitName: row.leadUnitName,
    startYear: row.startYear,
    startQuarter: row.startQuarter,
    endYear: row.endYear,
    endQuarter: row.endQuarter,
    ...progressOf(row.id, facts),
    canReport: canReportProgramme(actor, row.regionCode, row.leadUnitId),
  };
}

/** Funding rows of some programmes: one row per year with each source and the total, plus the totals. */
export async function fundingTableOf(db: DbOrTx, programmeIds: readonly string[]) {
  const rows =
    programmeIds.length === 0
      ? []
      : await db
          .select()
          .from(smartcityFunding)
          .where(inArray(smartcityFunding.programmeId, [...programmeIds]));
  return fundingTable(rows.map((r) => ({ year: r.year, source: r.source as FundingSource, amount: r.amount })));
}

export function fundingTable(rows: readonly { year: number; source: FundingSource; amount: string }[]) {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const bySource = (list: readonly { source: FundingSource; amount: string }[]) => {
    const out = {} as Record<FundingSource, string>;
    for (const s of FUNDING_SOURCES) out[s] = sumAmounts(list.filter((r) => r.source === s).map((r) => r.amount));
    return { ...out, total: sumAmounts(list.map((r) => r.amount)) };
  };
  return { rows: years.map((year) => ({ year, ...bySource(rows.filter((r) => r.year === year)) })), totals: bySource(rows) };
}
