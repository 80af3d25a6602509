/**
 * Read-only lookups of the records every feature refers to: a region's units and its innovations.
 * The features that own them (units, innovations) write them; the others (IID, assessments, and the
 * competitions, dashboards and surveys to come) only need to find one, scoped to the region in SQL.
 */
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '#domain/access/roles.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { innovations, periods, units } from '#server/db/schema.ts';

const parent = alias(units, 'parent');

export type InnovationRow = typeof innovations.$inferSelect;

/** A unit of the region (id, kind, name, parent), or undefined when the id is not one of its units. */
export async function unitOf(db: DbOrTx, regionCode: string, id: string) {
  const [row] = await db
    .select({ id: units.id, kind: units.kind, name: units.name, parentId: units.parentId })
    .from(units)
    .where(and(eq(units.regionCode, regionCode), eq(units.id, id)));
  return row;
}

/** All units of a region, lightweight, for exports and import matching. */
export async function allUnitsOf(db: DbOrTx, regionCode: string) {
  return db
    .select({
      id: units.id,
      kind: units.kind,
      name: units.name,
      shortName: units.shortName,
      headName: units.headName,
      parentId: units.parentId,
      parentName: parent.name,
      version: units.version,
    })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(eq(units.regionCode, regionCode))
    .orderBy(asc(units.name));
}

/** Operators work for one unit: they see its innovations only. */
export function visibleTo(actor: Actor): SQL | undefined {
  return actor.role === 'operator' && actor.unitId ? eq(innovations.unitId, actor.unitId) : undefined;
}

export async function findInnovation(db: DbOrTx, regionCode: string, id: string, actor?: Actor) {
  const [row] = await db
    .select({ innovation: innovations, unitName: units.name, year: periods.year })
    .from(innovations)
    .innerJoin(units, eq(units.id, innovations.unitId))
    .innerJoin(periods, eq(periods.id, innovations.periodId))
    .where(and(eq(innovations.regionCode, regionCode), eq(innovations.id, id), actor ? visibleTo(actor) : undefined));
  return row;
}
