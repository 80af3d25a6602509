/** Queries on units. Every function takes the region code and filters by it in SQL. */
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { UnitKind } from '#domain/units/unit-kinds.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { units, users } from '#server/db/schema.ts';
import { escapeLike, offsetOf } from '#server/db/sql-helpers.ts';

const parent = alias(units, 'parent');

const unitColumns = {
  id: units.id,
  regionCode: units.regionCode,
  parentId: units.parentId,
  parentName: parent.name,
  kind: units.kind,
  name: units.name,
  shortName: units.shortName,
  headName: units.headName,
  version: units.version,
  updatedAt: units.updatedAt,
  // Qualified by hand, so the outer row is meant even if the select loses its join.
  childCount: sql<number>`(select count(*)::int from ${units} c where c.parent_id = "units"."id")`.as('child_count'),
  userCount: sql<number>`(select count(*)::int from ${users} u where u.unit_id = "units"."id")`.as('user_count'),
};

export type UnitRow = Awaited<ReturnType<typeof findUnit>> & {};

export interface UnitFilter {
  q?: string | undefined;
  kind?: UnitKind | undefined;
  parentId?: string | undefined;
  sort: 'name' | 'kind' | 'shortName' | 'updatedAt';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const SORT_COLUMNS = { name: units.name, kind: units.kind, shortName: units.shortName, updatedAt: units.updatedAt };

export async function listUnits(db: DbOrTx, regionCode: string, f: UnitFilter) {
  const conds: SQL[] = [eq(units.regionCode, regionCode)];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    const match = or(ilike(units.name, like), ilike(units.shortName, like), ilike(units.headName, like));
    if (match) conds.push(match);
  }
  if (f.kind) conds.push(eq(units.kind, f.kind));
  if (f.parentId) conds.push(eq(units.parentId, f.parentId));
  const where = and(...conds);
  const direction = f.order === 'desc' ? desc : asc;
  const [items, [total]] = await Promise.all([
    db
      .select(unitColumns)
      .from(units)
      .leftJoin(parent, eq(parent.id, units.parentId))
      .where(where)
      .orderBy(direction(SORT_COLUMNS[f.sort]), asc(units.id))
      .limit(f.pageSize)
      .offset(offsetOf(f.page, f.pageSize)),
    db.select({ n: count() }).from(units).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findUnit(db: DbOrTx, regionCode: string, id: string) {
  const [row] = await db
    .select(unitColumns)
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(and(eq(units.regionCode, regionCode), eq(units.id, id)));
  return row;
}

export async function childKindsOf(db: DbOrTx, regionCode: string, id: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ kind: units.kind })
    .from(units)
    .where(and(eq(units.regionCode, regionCode), eq(units.parentId, id)));
  return rows.map((r) => r.kind);
}
