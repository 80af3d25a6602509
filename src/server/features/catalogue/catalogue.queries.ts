/**
 * Queries of the public catalogue. They read verified innovations only, and select the public columns
 * by name: contacts, budget and business-profile documents, verifier notes and the timeline are never
 * read here, so they cannot leak through a presenter mistake.
 */
import { and, asc, count, eq, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/client.ts';
import { innovations, periods, regions, units } from '#server/db/schema.ts';
import { offsetOf } from '#server/db/sql-helpers.ts';
import { searchTsQuery } from '#server/platform/search.ts';

/** The only status the public ever sees. */
const PUBLISHED = 'terverifikasi';

/** Characters of `tujuan` shown in a list entry; the detail has all of it. */
const SUMMARY_TUJUAN_CHARS = 300;

export interface CatalogueFilter {
  q?: string | undefined;
  /** A province code (its own innovations and those of all its kabupaten/kota) or a kabupaten/kota code. */
  region?: string | undefined;
  year?: number | undefined;
  unit?: string | undefined;
  urusan?: string | undefined;
  tahapan?: string | undefined;
  jenis?: string | undefined;
  page: number;
  pageSize: number;
}

/** Websearch syntax, with the spelling variants of its words (akte finds akta). */
const tsQuery = (q: string) => searchTsQuery(q);

function whereOf(f: CatalogueFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [eq(innovations.status, PUBLISHED)];
  if (f.q) conds.push(sql`${innovations.searchVector} @@ ${tsQuery(f.q)}`);
  if (f.region) {
    conds.push(
      f.region.length === 2 ? or(eq(innovations.regionCode, f.region), eq(regions.provinceCode, f.region)) : eq(innovations.regionCode, f.region),
    );
  }
  if (f.year !== undefined) conds.push(eq(periods.year, f.year));
  if (f.unit) conds.push(eq(innovations.unitId, f.unit));
  if (f.urusan) {
    conds.push(or(eq(innovations.urusanUtama, f.urusan), sql`${innovations.urusanIrisan} @> jsonb_build_array(${f.urusan}::text)`));
  }
  if (f.tahapan) conds.push(eq(innovations.tahapan, f.tahapan));
  if (f.jenis) conds.push(eq(innovations.jenis, f.jenis));
  return and(...conds);
}

const newestFirst = sql`${innovations.verifiedAt} desc nulls last`;

/** Verified innovations matching the filter: best match first when searching, otherwise newest verified first. */
export async function listPublicInnovations(db: DbOrTx, f: CatalogueFilter) {
  const where = whereOf(f);
  const order = f.q
    ? [sql`ts_rank(${innovations.searchVector}, ${tsQuery(f.q)}) desc`, newestFirst, asc(innovations.id)]
    : [newestFirst, asc(innovations.id)];
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: innovations.id,
        regionCode: innovations.regionCode,
        regionName: regions.name,
        year: periods.year,
        unitName: units.name,
        name: innovations.name,
        tahapan: innovations.tahapan,
        jenis: innovations.jenis,
        urusanUtama: innovations.urusanUtama,
        tujuan: sql<string>`left(${innovations.tujuan}, ${SUMMARY_TUJUAN_CHARS})`,
      })
      .from(innovations)
      .innerJoin(regions, eq(regions.code, innovations.regionCode))
      .innerJoin(periods, eq(periods.id, innovations.periodId))
      .innerJoin(units, eq(units.id, innovations.unitId))
      .where(where)
      .orderBy(...order)
      .limit(f.pageSize)
      .offset(offsetOf(f.page, f.pageSize)),
    db
      .select({ n: count() })
      .from(innovations)
      .innerJoin(regions, eq(regions.code, innovations.regionCode))
      .innerJoin(periods, eq(periods.id, innovations.periodId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export type PublicSummaryRow = Awaited<ReturnType<typeof listPublicInnovations>>['items'][number];

/** One verified innovation's public columns, or undefined for anything else (drafts, rejected, unknown). */
export async function findPublicInnovation(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: innovations.id,
      regionCode: innovations.regionCode,
      regionName: regions.name,
      year: periods.year,
      unitName: units.name,
      name: innovations.name,
      tahapan: innovations.tahapan,
      inisiator: innovations.inisiator,
      jenis: innovations.jenis,
      bentuk: innovations.bentuk,
      urusanUtama: innovations.urusanUtama,
      urusanIrisan: innovations.urusanIrisan,
      tematik: innovations.tematik,
      waktuUjiCoba: innovations.waktuUjiCoba,
      waktuPenerapan: innovations.waktuPenerapan,
      rancangBangun: innovations.rancangBangun,
      tujuan: innovations.tujuan,
      manfaat: innovations.manfaat,
      hasil: innovations.hasil,
      latitude: innovations.latitude,
      longitude: innovations.longitude,
      verifiedAt: innovations.verifiedAt,
    })
    .from(innovations)
    .innerJoin(regions, eq(regions.code, innovations.regionCode))
    .innerJoin(periods, eq(periods.id, innovations.periodId))
    .innerJoin(units, eq(units.id, innovations.unitId))
    .where(and(eq(innovations.id, id), eq(innovations.status, PUBLISHED)));
  return row;
}

export type PublicDetailRow = NonNullable<Awaited<ReturnType<typeof findPublicInnovation>>>;

/** Units of a region (or a province's regions) that have verified innovations: the catalogue's unit filter. */
export async function listPublicUnits(db: DbOrTx, region: string) {
  return db
    .select({ id: units.id, name: units.name, regionCode: units.regionCode, count: count() })
    .from(innovations)
    .innerJoin(units, eq(units.id, innovations.unitId))
    .innerJoin(regions, eq(regions.code, innovations.regionCode))
    .where(
      and(
        eq(innovations.status, PUBLISHED),
        region.length === 2 ? or(eq(innovations.regionCode, region), eq(regions.provinceCode, region)) : eq(innovations.regionCode, region),
      ),
    )
    .groupBy(units.id, units.name, units.regionCode)
    .orderBy(asc(units.name));
}
