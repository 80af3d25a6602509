/**
 * Reads of the RPJMD cascade: a region's periods with their counts, one period's entries, and how many
 * smart-city programmes and innovations name each programme code (so Bapperida sees what a code carries).
 */
import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { RpjmdLevel, RpjmdNode } from '#shared/api/rpjmd.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { innovations, rpjmdEntries, rpjmdPeriods, smartcityProgrammes } from '#server/db/schema.ts';

export type RpjmdPeriodRow = typeof rpjmdPeriods.$inferSelect;
export type RpjmdEntryRow = typeof rpjmdEntries.$inferSelect;

export async function listPeriods(db: DbOrTx, regionCode: string) {
  const rows = await db
    .select({
      id: rpjmdPeriods.id,
      title: rpjmdPeriods.title,
      startYear: rpjmdPeriods.startYear,
      endYear: rpjmdPeriods.endYear,
      perdaNumber: rpjmdPeriods.perdaNumber,
      version: rpjmdPeriods.version,
    })
    .from(rpjmdPeriods)
    .where(eq(rpjmdPeriods.regionCode, regionCode))
    .orderBy(asc(rpjmdPeriods.startYear));
  const counts = await db
    .select({
      rpjmdId: rpjmdEntries.rpjmdId,
      entries: count(),
      programmes: sql<number>`count(*) filter (where ${rpjmdEntries.level} = 'program')`.mapWith(Number),
    })
    .from(rpjmdEntries)
    .where(eq(rpjmdEntries.regionCode, regionCode))
    .groupBy(rpjmdEntries.rpjmdId);
  const countOf = new Map(counts.map((c) => [c.rpjmdId, c]));
  return rows.map((r) => ({ ...r, entryCount: Number(countOf.get(r.id)?.entries ?? 0), programmeCount: countOf.get(r.id)?.programmes ?? 0 }));
}

export async function findPeriod(db: DbOrTx, regionCode: string, id: string) {
  const [row] = await db
    .select()
    .from(rpjmdPeriods)
    .where(and(eq(rpjmdPeriods.regionCode, regionCode), eq(rpjmdPeriods.id, id)));
  return row;
}

export async function entriesOf(db: DbOrTx, regionCode: string, rpjmdId: string): Promise<RpjmdEntryRow[]> {
  return db
    .select()
    .from(rpjmdEntries)
    .where(and(eq(rpjmdEntries.regionCode, regionCode), eq(rpjmdEntries.rpjmdId, rpjmdId)))
    .orderBy(asc(rpjmdEntries.position), asc(rpjmdEntries.code));
}

export async function findEntry(db: DbOrTx, regionCode: string, rpjmdId: string, id: string) {
  const [row] = await db
    .select()
    .from(rpjmdEntries)
    .where(and(eq(rpjmdEntries.regionCode, regionCode), eq(rpjmdEntries.rpjmdId, rpjmdId), eq(rpjmdEntries.id, id)));
  return row;
}

export interface LinkCounts {
  programmes: Map<string, number>;
  innovations: Map<string, number>;
}

/** How many of the region's smart-city programmes and innovations name each RPJMD programme code. */
export async function linkCountsOf(db: DbOrTx, regionCode: string): Promise<LinkCounts> {
  const programmeRows = await db
    .select({ code: smartcityProgrammes.rpjmdProgramCode, n: count() })
    .from(smartcityProgrammes)
    .where(and(eq(smartcityProgrammes.regionCode, regionCode), isNotNull(smartcityProgrammes.rpjmdProgramCode)))
    .groupBy(smartcityProgrammes.rpjmdProgramCode);
  const innovationRows = await db
    .select({ code: innovations.rpjmdProgramCode, n: count() })
    .from(innovations)
    .where(and(eq(innovations.regionCode, regionCode), isNotNull(innovations.rpjmdProgramCode)))
    .groupBy(innovations.rpjmdProgramCode);
  const toMap = (rows: { code: string | null; n: number }[]) => new Map(rows.flatMap((r) => (r.code ? [[r.code, Number(r.n)] as const] : [])));
  return { programmes: toMap(programmeRows), innovations: toMap(innovationRows) };
}

const byPositionThenCode = (a: RpjmdEntryRow, b: RpjmdEntryRow) => a.position - b.position || a.code.localeCompare(b.code, 'id', { numeric: true });

/** The entries as the cascade they form: misi at the top, each with its children in document order. */
export function buildTree(entries: RpjmdEntryRow[], links: LinkCounts): RpjmdNode[] {
  const children = new Map<string | null, RpjmdEntryRow[]>();
  for (const e of [...entries].sort(byPositionThenCode)) {
    const key = e.parentId;
    children.set(key, [...(children.get(key) ?? []), e]);
  }
  const nodeOf = (e: RpjmdEntryRow): RpjmdNode => ({
    id: e.id,
    level: e.level as RpjmdLevel,
    code: e.code,
    name: e.name,
    version: e.version,
    linkedProgrammes: e.level === 'program' ? (links.programmes.get(e.code) ?? 0) : 0,
    linkedInnovations: e.level === 'program' ? (links.innovations.get(e.code) ?? 0) : 0,
    children: (children.get(e.id) ?? []).map(nodeOf),
  });
  return (children.get(null) ?? []).map(nodeOf);
}
