/**
 * Reads of competitions, their stages and entries, always scoped in SQL; an operator's entry reads
 * are scoped to their unit as well (another unit's entry is simply not there).
 *
 * The `regionCode` every function takes is the scope the caller acts in: a region's code for the
 * region's staff, or NATIONAL for the national admin's competitions across regions. A national
 * competition's stages and results carry NATIONAL as their scope; its entries carry the entering
 * unit's region, so a region's staff see only their own region's entries, and a judge's panel
 * seat and sheets carry the judge's region, so a judge finds them from their own region.
 */
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '#domain/access/roles.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { competitionEntries, competitionStages, competitions, innovations, regions, units } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import { nationalCompetitionOpenTo } from '#server/platform/competition-participation.ts';

export type CompetitionRow = typeof competitions.$inferSelect;
export type StageRow = typeof competitionStages.$inferSelect;
export type EntryRow = typeof competitionEntries.$inferSelect;

/** The scope of the national admin's competitions, which no region owns. */
export const NATIONAL = 'nasional';

/** The scope a competition's stages, results and set-up live in. */
export function scopeOf(row: CompetitionRow): string {
  return row.regionCode ?? NATIONAL;
}

/** The region code to record in the audit log for an action in this scope (none for a national one). */
export function auditRegion(scope: string): string | null {
  return scope === NATIONAL ? null : scope;
}

/** A national competition the region may enter: it lists the region or its province, or lists nobody (all regions). */
export function openToRegion(regionCode: string): SQL {
  return nationalCompetitionOpenTo(regionCode);
}

/**
 * The competition as the scope may reach it. `manage` (the default): only the scope's own
 * competitions; a national competition the region takes part in is refused (403), since only the
 * national admin changes it. `take_part`: a region's staff may also read and enter a national
 * competition open to their region (registration, their own entries).
 */
export async function findCompetition(
  db: DbOrTx,
  regionCode: string,
  id: string,
  mode: 'manage' | 'take_part' = 'manage',
): Promise<CompetitionRow | undefined> {
  const owned = regionCode === NATIONAL ? eq(competitions.scope, 'national') : eq(competitions.regionCode, regionCode);
  const [row] = await db
    .select()
    .from(competitions)
    .where(and(eq(competitions.id, id), regionCode === NATIONAL ? owned : or(owned, openToRegion(regionCode))));
  if (row && row.scope === 'national' && regionCode !== NATIONAL && mode === 'manage') throw new AppError('FORBIDDEN');
  return row;
}

/** A competition by id alone, for callers whose access is already proven by a narrower record (a judge's sheet). */
export async function competitionById(db: DbOrTx, id: string): Promise<CompetitionRow | undefined> {
  const [row] = await db.select().from(competitions).where(eq(competitions.id, id));
  return row;
}

export async function stagesOf(db: DbOrTx, competitionId: string): Promise<StageRow[]> {
  return db.select().from(competitionStages).where(eq(competitionStages.competitionId, competitionId)).orderBy(asc(competitionStages.position));
}

export async function findStage(db: DbOrTx, regionCode: string, competitionId: string, stageId: string): Promise<StageRow | undefined> {
  const [row] = await db
    .select()
    .from(competitionStages)
    .where(and(eq(competitionStages.regionCode, regionCode), eq(competitionStages.competitionId, competitionId), eq(competitionStages.id, stageId)));
  return row;
}

/** The stage now running (the first one not locked once the competition is open), or null. */
export function runningStage(stages: StageRow[]): StageRow | null {
  return stages.find((s) => s.status === 'berjalan') ?? null;
}

export async function listCompetitions(
  db: DbOrTx,
  regionCode: string,
  q: { page: number; pageSize: number; q?: string | undefined; year?: number | undefined },
) {
  const where = and(
    regionCode === NATIONAL ? eq(competitions.scope, 'national') : eq(competitions.regionCode, regionCode),
    q.year ? eq(competitions.year, q.year) : undefined,
    q.q ? ilike(competitions.name, `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(competitions)
      .where(where)
      .orderBy(desc(competitions.year), asc(competitions.name))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(competitions).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

/** The national competitions open to the region, once the national admin has opened them (newest first). */
export async function nationalCompetitionsOpenTo(db: DbOrTx, regionCode: string): Promise<CompetitionRow[]> {
  return db
    .select()
    .from(competitions)
    .where(and(openToRegion(regionCode), inArray(competitions.status, ['berjalan', 'ditetapkan', 'diumumkan'])))
    .orderBy(desc(competitions.year), asc(competitions.name))
    .limit(100);
}

/** The entry counts of the given competitions; with a region, only that region's entries (its view of a national one). */
export async function entryCounts(db: DbOrTx, competitionIds: string[], regionCode?: string): Promise<Map<string, number>> {
  if (competitionIds.length === 0) return new Map();
  const rows = await db
    .select({ id: competitionEntries.competitionId, n: count() })
    .from(competitionEntries)
    .where(and(inArray(competitionEntries.competitionId, competitionIds), regionCode ? eq(competitionEntries.regionCode, regionCode) : undefined))
    .groupBy(competitionEntries.competitionId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/**
 * The entries a scope holds: a region's entries (of its own competitions, or its own entries in a
 * national one), or every entry of a national competition for the national admin.
 */
export function entriesOfScope(regionCode: string): SQL {
  return regionCode === NATIONAL
    ? sql`${competitionEntries.competitionId} in (select ${competitions.id} from ${competitions} where ${competitions.scope} = 'national')`
    : eq(competitionEntries.regionCode, regionCode);
}

/** An operator sees their own unit's entries; everyone else with read access sees all. */
export function entriesVisibleTo(actor: Actor): SQL | undefined {
  return actor.role === 'operator' && actor.unitId ? eq(competitionEntries.unitId, actor.unitId) : undefined;
}

const entryColumns = {
  entry: competitionEntries,
  innovationName: innovations.name,
  unitName: units.name,
  regionName: regions.name,
};

export type EntryWithNames = { entry: EntryRow; innovationName: string; unitName: string; regionName: string };

export async function findEntry(
  db: DbOrTx,
  regionCode: string,
  competitionId: string,
  entryId: string,
  actor?: Actor,
): Promise<EntryWithNames | undefined> {
  const [row] = await db
    .select(entryColumns)
    .from(competitionEntries)
    .innerJoin(innovations, eq(innovations.id, competitionEntries.innovationId))
    .innerJoin(units, eq(units.id, competitionEntries.unitId))
    .innerJoin(regions, eq(regions.code, competitionEntries.regionCode))
    .where(
      and(
        entriesOfScope(regionCode),
        eq(competitionEntries.competitionId, competitionId),
        eq(competitionEntries.id, entryId),
        actor ? entriesVisibleTo(actor) : undefined,
      ),
    );
  return row;
}

export async function listEntries(
  db: DbOrTx,
  regionCode: string,
  competitionId: string,
  actor: Actor,
  q: { page: number; pageSize: number; q?: string | undefined; category?: string | undefined; status?: string | undefined; sort: string },
) {
  const text = q.q ? `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    entriesOfScope(regionCode),
    eq(competitionEntries.competitionId, competitionId),
    entriesVisibleTo(actor),
    q.category ? eq(competitionEntries.category, q.category) : undefined,
    q.status ? eq(competitionEntries.status, q.status) : undefined,
    text ? or(ilike(innovations.name, text), ilike(units.name, text)) : undefined,
  );
  const order =
    q.sort === 'unit'
      ? [asc(units.name), asc(innovations.name)]
      : q.sort === 'submitted'
        ? [desc(competitionEntries.submittedAt)]
        : [asc(innovations.name)];
  const [rows, totals] = await Promise.all([
    db
      .select(entryColumns)
      .from(competitionEntries)
      .innerJoin(innovations, eq(innovations.id, competitionEntries.innovationId))
      .innerJoin(units, eq(units.id, competitionEntries.unitId))
      .innerJoin(regions, eq(regions.code, competitionEntries.regionCode))
      .where(where)
      .orderBy(...order, asc(competitionEntries.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: count() })
      .from(competitionEntries)
      .innerJoin(innovations, eq(innovations.id, competitionEntries.innovationId))
      .innerJoin(units, eq(units.id, competitionEntries.unitId))
      .innerJoin(regions, eq(regions.code, competitionEntries.regionCode))
      .where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

/** Every entry of a competition with names (for stages, results and reports). */
export async function allEntries(db: DbOrTx, regionCode: string, competitionId: string): Promise<EntryWithNames[]> {
  return db
    .select(entryColumns)
    .from(competitionEntries)
    .innerJoin(innovations, eq(innovations.id, competitionEntries.innovationId))
    .innerJoin(units, eq(units.id, competitionEntries.unitId))
    .innerJoin(regions, eq(regions.code, competitionEntries.regionCode))
    .where(and(entriesOfScope(regionCode), eq(competitionEntries.competitionId, competitionId)))
    .orderBy(asc(innovations.name), asc(competitionEntries.id));
}
