import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '#server/db/client.ts';
import { regions, units, users } from '#server/db/schema.ts';
import { escapeLike } from '#server/db/sql-helpers.ts';
import { AppError } from '#server/http/app-error.ts';

type RegionKind = 'provinsi' | 'kabupaten' | 'kota';

export async function listRegions(db: DbOrTx, f: { q?: string | undefined; province?: string | undefined; kind?: RegionKind | undefined }) {
  const conds: SQL[] = [];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    const match = or(ilike(regions.name, like), ilike(regions.code, like));
    if (match) conds.push(match);
  }
  if (f.province) {
    const inProvince = or(eq(regions.provinceCode, f.province), eq(regions.code, f.province));
    if (inProvince) conds.push(inProvince);
  }
  if (f.kind) conds.push(eq(regions.kind, f.kind));
  const rows = await db
    .select()
    .from(regions)
    .where(and(...conds))
    .orderBy(asc(regions.code));
  return rows.map((r) => ({ ...r, kind: r.kind as RegionKind }));
}

export async function getRegionDetail(db: DbOrTx, code: string) {
  const province = alias(regions, 'province');
  const [row] = await db
    .select({ region: regions, province })
    .from(regions)
    .leftJoin(province, eq(province.code, regions.provinceCode))
    .where(eq(regions.code, code));
  if (!row) throw new AppError('NOT_FOUND');
  const [[unitCount], [userCount]] = await Promise.all([
    db.select({ n: count() }).from(units).where(eq(units.regionCode, code)),
    db.select({ n: count() }).from(users).where(eq(users.regionCode, code)),
  ]);
  return {
    ...row.region,
    kind: row.region.kind as RegionKind,
    province: row.province ? { ...row.province, kind: row.province.kind as RegionKind } : null,
    unitCount: unitCount?.n ?? 0,
    userCount: userCount?.n ?? 0,
  };
}
