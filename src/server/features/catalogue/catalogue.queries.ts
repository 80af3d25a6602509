/**
 * Queries of the public catalogue. They read verified innovations only, and select the public columns
 * by name: contacts, budget and business-profile documents, verifier notes and the timeline are never
 * read here, so they cannot leak through a presenter mistake.
 */
import { and, asc, count, eq, inArray, like, not, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
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

/**
 * The catalogue counts its matches up to this many and pages no further (a hundred pages of twenty): no
 * reader browses past that, they narrow the search, and an exact count of every match of a common word
 * in the whole country, on every visit, is what made the catalogue slow. The answer says when the count
 * stopped (`totalCapped`).
 */
export const CATALOGUE_COUNT_CAP = 2_000;

/** Websearch syntax, with the spelling variants of its words (akte finds akta). */
const tsQuery = (q: string) => searchTsQuery(q);

/** The year as the search vector carries it ('#2026': no search text can produce that lexeme). */
const yearLexeme = (year: number) => sql`${`'#${year}'`}::tsquery`;

/** Everything but the search text and the year. */
function baseConds(f: CatalogueFilter): (SQL | undefined)[] {
  const conds: (SQL | undefined)[] = [eq(innovations.status, PUBLISHED)];
  if (f.region) {
    // A province's kabupaten/kota codes start with its own code and a dot (19 → 19.71).
    conds.push(
      f.region.length === 2
        ? or(eq(innovations.regionCode, f.region), like(innovations.regionCode, `${f.region}.%`))
        : eq(innovations.regionCode, f.region),
    );
  }
  if (f.unit) conds.push(eq(innovations.unitId, f.unit));
  if (f.urusan) {
    conds.push(or(eq(innovations.urusanUtama, f.urusan), sql`${innovations.urusanIrisan} @> jsonb_build_array(${f.urusan}::text)`));
  }
  if (f.tahapan) conds.push(eq(innovations.tahapan, f.tahapan));
  if (f.jenis) conds.push(eq(innovations.jenis, f.jenis));
  return conds;
}

const inYear = (f: CatalogueFilter) => (f.year === undefined ? undefined : eq(innovations.year, f.year));

/** Every match of the search text; a word and a year together are one index lookup (the year is a lexeme). */
function textMatch(f: CatalogueFilter & { q: string }): SQL {
  return f.year === undefined
    ? sql`${innovations.searchVector} @@ ${tsQuery(f.q)}`
    : sql`${innovations.searchVector} @@ (${tsQuery(f.q)} && ${yearLexeme(f.year)})`;
}

const nameMatch = (q: string) => sql`${innovations.nameVector} @@ ${tsQuery(q)}`;

const newestFirst = [sql`${innovations.verifiedAt} desc nulls last`, asc(innovations.id)];

/** Matches counted, up to `cap` and one more (to know the count stopped). */
async function countUpTo(db: DbOrTx, where: SQL | undefined, cap: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(
    db
      .select({ one: sql`1` })
      .from(innovations)
      .where(where)
      .limit(cap + 1)
      .as('matches'),
  );
  return row?.n ?? 0;
}

/**
 * The ids of a page, in catalogue order. Searching, the best match comes first: those with the words in
 * their name, then those with them only in their purpose, benefits or results; within each, and
 * without a search text, the newest verified first. Each of the two groups is read in that order and
 * cut at the end of the page, so Postgres either walks the newest-first index and stops after a page
 * of matches (a common word) or takes the few matches from the full-text index and sorts them (a rare
 * one). (A full ranking with `ts_rank` weighed every match's whole vector: a common word in one year
 * has thousands of matches.)
 */
async function pageIds(db: DbOrTx, f: CatalogueFilter): Promise<string[]> {
  const offset = offsetOf(f.page, f.pageSize);
  if (!f.q) {
    const rows = await db
      .select({ id: innovations.id })
      .from(innovations)
      .where(and(...baseConds(f), inYear(f)))
      .orderBy(...newestFirst)
      .limit(f.pageSize)
      .offset(offset);
    return rows.map((r) => r.id);
  }
  const q = f.q;
  const group = (tier: number, where: SQL | undefined) =>
    db
      .select({ id: innovations.id, tier: sql<number>`${tier}::int`.as('tier'), verifiedAt: innovations.verifiedAt })
      .from(innovations)
      .where(where)
      .orderBy(...newestFirst)
      .limit(offset + f.pageSize);
  const rows = await unionAll(
    group(1, and(...baseConds(f), inYear(f), nameMatch(q))),
    group(2, and(...baseConds(f), textMatch({ ...f, q }), not(nameMatch(q)))),
  )
    .orderBy(sql`tier`, sql`verified_at desc nulls last`, sql`id`)
    .limit(f.pageSize)
    .offset(offset);
  return rows.map((r) => r.id);
}

/** Verified innovations matching the filter, a page in catalogue order, and their count up to `cap`. */
export async function listPublicInnovations(db: DbOrTx, f: CatalogueFilter, cap = CATALOGUE_COUNT_CAP) {
  const all = f.q ? and(...baseConds(f), textMatch({ ...f, q: f.q })) : and(...baseConds(f), inYear(f));
  const [ids, n] = await Promise.all([pageIds(db, f), countUpTo(db, all, cap)]);
  const rows =
    ids.length === 0
      ? []
      : await db
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
          .where(inArray(innovations.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => byId.get(id) ?? []);
  return { items, total: Math.min(n, cap), totalCapped: n > cap };
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
      klasifikasi: innovations.klasifikasi,
      astaCita: innovations.astaCita,
      pkpnKlaster: innovations.pkpnKlaster,
      pkpnProgram: innovations.pkpnProgram,
      periodYear: periods.year,
      periodFrameworkVersionId: periods.iidFrameworkVersionId,
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
