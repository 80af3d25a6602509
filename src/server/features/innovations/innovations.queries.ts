/** Queries on innovations; every one filters by region, and operators see only their own unit. */
import { and, asc, count, desc, eq, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '#domain/access/roles.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { innovationEvents, innovations, periods, units } from '#server/db/schema.ts';
import { offsetOf } from '#server/db/sql-helpers.ts';
import { visibleTo } from '#server/platform/records.ts';
import { containsSearchText, matchesSearch } from '#server/platform/search.ts';

export interface InnovationFilter {
  q?: string | undefined;
  periodId?: string | undefined;
  unitId?: string | undefined;
  status?: string | undefined;
  tahapan?: string | undefined;
  jenis?: string | undefined;
  urusan?: string | undefined;
  sort: 'name' | 'status' | 'updatedAt' | 'unit';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const summaryColumns = {
  id: innovations.id,
  periodId: innovations.periodId,
  year: periods.year,
  unitId: innovations.unitId,
  unitName: units.name,
  status: innovations.status,
  name: innovations.name,
  tahapan: innovations.tahapan,
  jenis: innovations.jenis,
  urusanUtama: innovations.urusanUtama,
  updatedAt: innovations.updatedAt,
  version: innovations.version,
};

const SORT = { name: innovations.name, status: innovations.status, updatedAt: innovations.updatedAt, unit: units.name };

export async function listInnovations(db: DbOrTx, regionCode: string, actor: Actor, f: InnovationFilter) {
  const conds: (SQL | undefined)[] = [eq(innovations.regionCode, regionCode), visibleTo(actor)];
  if (f.q) {
    // A fragment of the name, or words through the search vector; both with the spelling variants (akte finds akta).
    conds.push(or(containsSearchText([innovations.name], f.q), matchesSearch(innovations.searchVector, f.q)));
  }
  if (f.periodId) conds.push(eq(innovations.periodId, f.periodId));
  if (f.unitId) conds.push(eq(innovations.unitId, f.unitId));
  if (f.status) conds.push(eq(innovations.status, f.status));
  if (f.tahapan) conds.push(eq(innovations.tahapan, f.tahapan));
  if (f.jenis) conds.push(eq(innovations.jenis, f.jenis));
  if (f.urusan) {
    conds.push(or(eq(innovations.urusanUtama, f.urusan), sql`${innovations.urusanIrisan} @> ${JSON.stringify([f.urusan])}::jsonb`));
  }
  const where = and(...conds);
  const direction = f.order === 'desc' ? desc : asc;
  const [items, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(innovations)
      .innerJoin(units, eq(units.id, innovations.unitId))
      .innerJoin(periods, eq(periods.id, innovations.periodId))
      .where(where)
      .orderBy(direction(SORT[f.sort]), asc(innovations.id))
      .limit(f.pageSize)
      .offset(offsetOf(f.page, f.pageSize)),
    db.select({ n: count() }).from(innovations).innerJoin(units, eq(units.id, innovations.unitId)).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findNextVersionId(db: DbOrTx, regionCode: string, id: string): Promise<string | null> {
  const [row] = await db
    .select({ id: innovations.id })
    .from(innovations)
    .where(and(eq(innovations.regionCode, regionCode), eq(innovations.previousId, id)))
    .limit(1);
  return row?.id ?? null;
}

export async function listTimeline(db: DbOrTx, regionCode: string, innovationId: string) {
  return db
    .select()
    .from(innovationEvents)
    .where(and(eq(innovationEvents.regionCode, regionCode), eq(innovationEvents.innovationId, innovationId)))
    .orderBy(asc(innovationEvents.at), asc(innovationEvents.id));
}

/** Names of the region's other innovations (all years), for the duplicate check. */
export async function otherInnovationNames(db: DbOrTx, regionCode: string, exceptIds: string[]) {
  return db
    .select({ id: innovations.id, name: innovations.name, year: periods.year, unitName: units.name, status: innovations.status })
    .from(innovations)
    .innerJoin(units, eq(units.id, innovations.unitId))
    .innerJoin(periods, eq(periods.id, innovations.periodId))
    .where(
      and(
        eq(innovations.regionCode, regionCode),
        exceptIds.length > 0 ? notInArray(innovations.id, exceptIds) : undefined,
        ne(innovations.status, 'ditolak'),
      ),
    );
}
