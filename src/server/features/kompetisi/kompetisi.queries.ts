/**
 * Reads of competitions, their stages and entries, always scoped to the region in SQL; an operator's
 * entry reads are scoped to their unit as well (another unit's entry is simply not there).
 */
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Actor } from '#domain/access/roles.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { competitionEntries, competitionStages, competitions, innovations, units } from '#server/db/schema.ts';

export type CompetitionRow = typeof competitions.$inferSelect;
export type StageRow = typeof competitionStages.$inferSelect;
export type EntryRow = typeof competitionEntries.$inferSelect;

export async function findCompetition(db: DbOrTx, regionCode: string, id: string): Promise<CompetitionRow | undefined> {
  const [row] = await db
    .select()
    .from(competitions)
    .where(and(eq(competitions.regionCode, regionCode), eq(competitions.id, id)));
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
    eq(competitions.regionCode, regionCode),
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

export async function entryCounts(db: DbOrTx, competitionIds: string[]): Promise<Map<string, number>> {
  if (competitionIds.length === 0) return new Map();
  const rows = await db
    .select({ id: competitionEntries.competitionId, n: count() })
    .from(competitionEntries)
    .where(inArray(competitionEntries.competitionId, competitionIds))
    .groupBy(competitionEntries.competitionId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** An operator sees their own unit's entries; everyone else with read access sees all. */
export function entriesVisibleTo(actor: Actor): SQL | undefined {
  return actor.role === 'operator' && actor.unitId ? eq(competitionEntries.unitId, actor.unitId) : undefined;
}

const entryColumns = {
  entry: competitionEntries,
  innovationName: innovations.name,
  unitName: units.name,
};

export type EntryWithNames = { entry: EntryRow; innovationName: string; unitName: string };

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
    .where(
      and(
        eq(competitionEntries.regionCode, regionCode),
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
    eq(competitionEntries.regionCode, regionCode),
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
      .where(where)
      .orderBy(...order, asc(competitionEntries.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: count() })
      .from(competitionEntries)
      .innerJoin(innovations, eq(innovations.id, competitionEntries.innovationId))
      .innerJoin(units, eq(units.id, competitionEntries.unitId))
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
    .where(and(eq(competitionEntries.regionCode, regionCode), eq(competitionEntries.competitionId, competitionId)))
    .orderBy(asc(innovations.name), asc(competitionEntries.id));
}
