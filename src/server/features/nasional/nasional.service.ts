/**
 * The national roll-up (admin nasional), the province view (a province's admin or pimpinan) and the
 * public national page. Every figure comes from the set-form figures (platform/figures/region-figures),
 * which compute each region's dashboard figure for all regions at once; this module ranks them within
 * their cluster (domain/nasional), adds the movement since last year and the distributions the charts
 * draw, and keeps the public page to what each region chose to publish. Reads take the database, not a
 * user, like the dashboard.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { clusterOf, REGION_CLUSTERS } from '#domain/nasional/clusters.ts';
import { DEFAULT_PUBLISHED_FIGURES, normalisePublished, type PublishableFigure } from '#domain/nasional/publication.ts';
import { histogram, rankMovement, rankWithinGroups, valueChange } from '#domain/nasional/ranking.ts';
import { Dec } from '#domain/scoring/decimal.ts';
import {
  type IndexCell,
  type NationalPublication,
  type NationalPublicationInput,
  type NationalRollup,
  type ProvinceRollup,
  type PublicNational,
  publicNational as publicNationalSchema,
  type PublicNationalRow,
  type RollupQuery,
  type RollupRow,
  type RollupSort,
} from '#shared/api/nasional.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { nationalPublications, regions } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import { jsonOf } from '#server/http/json-text.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { allFigureGenerations, FigureKeep } from '#server/platform/figures/generations.ts';
import { type RegionYearFigures, regionFiguresOfYear } from '#server/platform/figures/region-figures.ts';
import { wibYear } from '#domain/schedule/wib.ts';

export interface RollupReader {
  db: DbOrTx;
  now: Date;
}

type RegionRow = { code: string; name: string; kind: string; provinceCode: string | null };
const INDEX_KEYS = ['iid', 'government', 'ikm'] as const;
type IndexKey = (typeof INDEX_KEYS)[number];

/**
 * The scale each index's histogram covers (IID 0–100, SPBE/Pemdi 0–5, IKM 25–100, the ranges the
 * frameworks publish) and the width of a bar: a clerk reads "how many regions between 60 and 70".
 */
const HISTOGRAM_SCALES: Record<IndexKey, { from: number; to: number; width: number }> = {
  iid: { from: 0, to: 100, width: 10 },
  government: { from: 0, to: 5, width: 0.5 },
  ikm: { from: 25, to: 100, width: 5 },
};

async function listRegions(db: DbOrTx, provinceCode?: string): Promise<RegionRow[]> {
  return db
    .select({ code: regions.code, name: regions.name, kind: regions.kind, provinceCode: regions.provinceCode })
    .from(regions)
    .where(provinceCode === undefined ? undefined : eq(regions.provinceCode, provinceCode))
    .orderBy(asc(regions.code));
}

const emptyCell = (): IndexCell => ({
  value: null,
  predicate: null,
  label: null,
  rank: null,
  previousValue: null,
  previousRank: null,
  rankChange: null,
  change: null,
});

function cellOf(f: RegionYearFigures | undefined, key: IndexKey): IndexCell {
  const cell = emptyCell();
  if (key === 'iid' && f?.iid) return { ...cell, value: f.iid.verified, predicate: f.iid.predicate, label: f.iid.frameworkName };
  if (key === 'government' && f?.government)
    return { ...cell, value: f.government.index, predicate: f.government.predicate, label: f.government.frameworkName };
  if (key === 'ikm' && f?.ikm) return { ...cell, value: f.ikm.index, predicate: f.ikm.grade, label: f.ikm.label };
  return cell;
}

function rowOf(region: RegionRow, f: RegionYearFigures | undefined): RollupRow {
  const accounts = f?.accounts ?? 0;
  const units = f?.units ?? 0;
  const proposed = f?.innovations.proposed ?? 0;
  return {
    regionCode: region.code,
    regionName: region.name,
    kind: region.kind,
    cluster: clusterOf(region.kind)?.id ?? null,
    provinceCode: region.provinceCode,
    usesPlatform: accounts > 0 || units > 0,
    reported: f?.innovations.periodId != null && proposed > 0,
    accounts,
    units,
    innovations: { target: f?.innovations.target ?? null, proposed, verified: f?.innovations.verified ?? 0 },
    iid: cellOf(f, 'iid'),
    government: cellOf(f, 'government'),
    ikm: cellOf(f, 'ikm'),
    complaints: f?.complaints ?? { received: 0, resolved: 0, resolutionRate: null },
  };
}

/**
 * Ranks each index within the group (cluster, or the whole province), and last year's rank among last
 * year's values of the same regions, then the movement. `previous` holds last year's values by region.
 */
function applyRanks(rows: RollupRow[], previous: Map<string, Record<IndexKey, string | null>>, groupOf: (row: RollupRow) => string | null): void {
  for (const key of INDEX_KEYS) {
    const ranks = rankWithinGroups(
      rows,
      (r) => r.regionCode,
      groupOf,
      (r) => r[key].value,
    );
    const previousRanks = rankWithinGroups(
      rows,
      (r) => r.regionCode,
      groupOf,
      (r) => previous.get(r.regionCode)?.[key] ?? null,
    );
    for (const row of rows) {
      const cell = row[key];
      cell.rank = ranks.get(row.regionCode) ?? null;
      cell.previousValue = previous.get(row.regionCode)?.[key] ?? null;
      cell.previousRank = previousRanks.get(row.regionCode) ?? null;
      cell.rankChange = rankMovement(cell.rank, cell.previousRank);
      cell.change = valueChange(cell.value, cell.previousValue);
    }
  }
}

function previousValues(figures: Map<string, RegionYearFigures>): Map<string, Record<IndexKey, string | null>> {
  const out = new Map<string, Record<IndexKey, string | null>>();
  for (const [code, f] of figures) {
    out.set(code, { iid: f.iid?.verified ?? null, government: f.government?.index ?? null, ikm: f.ikm?.index ?? null });
  }
  return out;
}

function distributions(rows: readonly RollupRow[]): NationalRollup['distributions'] {
  const of = (key: IndexKey) => {
    const counts = new Map<string, number>();
    const values: string[] = [];
    for (const r of rows) {
      const cell = r[key];
      if (cell.value === null) continue;
      values.push(cell.value);
      if (cell.predicate !== null) counts.set(cell.predicate, (counts.get(cell.predicate) ?? 0) + 1);
    }
    const scale = HISTOGRAM_SCALES[key];
    return {
      predicates: [...counts.entries()]
        .map(([predicate, count]) => ({ predicate, count }))
        .sort((a, b) => a.predicate.localeCompare(b.predicate, 'id')),
      histogram: histogram(values, scale.from, scale.to, scale.width),
    };
  };
  return { iid: of('iid'), government: of('government'), ikm: of('ikm') };
}

function summaryOf(rows: readonly RollupRow[]) {
  return {
    regions: rows.length,
    usingPlatform: rows.filter((r) => r.usesPlatform).length,
    reported: rows.filter((r) => r.reported).length,
    withVerified: rows.filter((r) => r.innovations.verified > 0).length,
  };
}

/** Compares decimals (null last whatever the direction). */
function byDecimal(a: string | null, b: string | null, dir: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return new Dec(a).comparedTo(b) * dir;
}
function byNumber(a: number | null, b: number | null, dir: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return (a - b) * dir;
}

function sortRows(rows: RollupRow[], sort: RollupSort, dirText: 'asc' | 'desc' | undefined): RollupRow[] {
  // Ranks and names read best ascending, figures best first.
  const natural: 'asc' | 'desc' = sort === 'rank' || sort === 'name' ? 'asc' : 'desc';
  const dir = (dirText ?? natural) === 'asc' ? 1 : -1;
  const byName = (a: RollupRow, b: RollupRow) => a.regionName.localeCompare(b.regionName, 'id') || a.regionCode.localeCompare(b.regionCode);
  const compare = (a: RollupRow, b: RollupRow): number => {
    switch (sort) {
      case 'rank':
        return byNumber(a.iid.rank, b.iid.rank, dir) || byNumber(a.government.rank, b.government.rank, dir);
      case 'name':
        return byName(a, b) * dir;
      case 'iid':
      case 'government':
      case 'ikm':
        return byDecimal(a[sort].value, b[sort].value, dir);
      case 'proposed':
        return (a.innovations.proposed - b.innovations.proposed) * dir;
      case 'verified':
        return (a.innovations.verified - b.innovations.verified) * dir;
      case 'complaints':
        return byDecimal(a.complaints.resolutionRate, b.complaints.resolutionRate, dir);
    }
  };
  return [...rows].sort((a, b) => compare(a, b) || byName(a, b));
}

function matches(row: RollupRow, q: string | undefined): boolean {
  if (!q) return true;
  const needle = q.toLocaleLowerCase('id');
  return row.regionName.toLocaleLowerCase('id').includes(needle) || row.regionCode.startsWith(q);
}

/** Every region's row of the year, ranked within its cluster: the roll-up and its exports read it. */
async function rankedRegions(reader: RollupReader, year: number, provinceCode?: string) {
  const list = await listRegions(reader.db, provinceCode);
  const codes = list.map((r) => r.code);
  const [current, previous] = await Promise.all([regionFiguresOfYear(reader.db, codes, year), regionFiguresOfYear(reader.db, codes, year - 1)]);
  const rows = list.map((r) => rowOf(r, current.get(r.code)));
  applyRanks(rows, previousValues(previous), provinceCode === undefined ? (r) => r.cluster : () => 'province');
  return rows;
}

export async function nationalRollup(reader: RollupReader, query: RollupQuery): Promise<NationalRollup> {
  const { table, year } = await nationalRollupRows(reader, query);
  const { filtered, ...rest } = table;
  const start = (query.page - 1) * query.pageSize;
  return { ...rest, year, items: filtered.slice(start, start + query.pageSize), total: filtered.length, page: query.page, pageSize: query.pageSize };
}

type RollupTable = Awaited<ReturnType<typeof computeRollupRows>>;

/**
 * Whole tables kept while no region's number moved (a ranking over every region changes when any one
 * does): the key is the question without its page, so paging through it reads the table once.
 */
const keptNational = new FigureKeep<RollupTable>(100);
const keptProvinces = new FigureKeep<ProvinceRollup>(100);

/** The whole roll-up, filtered and sorted, without paging (the exports take every row). */
export async function nationalRollupRows(reader: RollupReader, query: Omit<RollupQuery, 'page' | 'pageSize'>): Promise<RollupTable> {
  const year = query.year ?? wibYear(reader.now);
  const key = JSON.stringify(['national', year, query.cluster ?? null, query.sort, query.dir ?? null, query.q ?? null]);
  const generation = await allFigureGenerations(reader.db);
  return keptNational.through(reader.db, key, generation, reader.now, () => computeRollupRows(reader, query, year));
}

async function computeRollupRows(reader: RollupReader, query: Omit<RollupQuery, 'page' | 'pageSize'>, year: number) {
  const rows = await rankedRegions(reader, year);
  const inCluster = query.cluster === undefined ? rows : rows.filter((r) => r.cluster === query.cluster);
  const filtered = sortRows(
    inCluster.filter((r) => matches(r, query.q)),
    query.sort,
    query.dir,
  );
  return {
    year,
    table: {
      previousYear: year - 1,
      cluster: query.cluster ?? null,
      clusters: REGION_CLUSTERS.map((c) => ({
        id: c.id,
        name: c.name,
        nameEn: c.nameEn,
        summary: summaryOf(rows.filter((r) => r.cluster === c.id)),
      })),
      summary: summaryOf(inCluster),
      distributions: distributions(inCluster),
      filtered,
    },
  };
}

/** A province's kabupaten/kota side by side, ranked among themselves; only for a province region. */
export async function provinceRollup(reader: RollupReader, provinceCode: string, query: { year?: number | undefined }): Promise<ProvinceRollup> {
  const [province] = await reader.db.select({ name: regions.name, kind: regions.kind }).from(regions).where(eq(regions.code, provinceCode));
  if (!province) throw new AppError('NOT_FOUND');
  if (province.kind !== 'provinsi') throw new AppError('PROVINCE_ONLY');
  const year = query.year ?? wibYear(reader.now);
  const key = JSON.stringify(['province', provinceCode, year]);
  const generation = await allFigureGenerations(reader.db);
  return keptProvinces.through(reader.db, key, generation, reader.now, async () => {
    const rows = await rankedRegions(reader, year, provinceCode);
    return {
      year,
      previousYear: year - 1,
      provinceCode,
      provinceName: province.name,
      summary: summaryOf(rows),
      distributions: distributions(rows),
      items: sortRows(rows, 'rank', undefined),
    };
  });
}

// ---- publication -------------------------------------------------------------------------------------

export async function getPublication(db: DbOrTx, regionCode: string): Promise<NationalPublication> {
  const [row] = await db.select().from(nationalPublications).where(eq(nationalPublications.regionCode, regionCode));
  if (!row) return { regionCode, figures: [...DEFAULT_PUBLISHED_FIGURES], version: 0, updatedAt: null };
  return { regionCode, figures: normalisePublished(row.figures), version: row.version, updatedAt: row.updatedAt.toISOString() };
}

export async function updatePublication(ctx: ServiceContext, regionCode: string, input: NationalPublicationInput): Promise<NationalPublication> {
  const figures = normalisePublished(input.figures);
  await ctx.db.transaction(async (tx) => {
    const before = await getPublication(tx, regionCode);
    if (before.version !== input.version) throw new AppError('STALE_VERSION');
    if (before.version === 0) {
      const inserted = await tx
        .insert(nationalPublications)
        .values({ regionCode, figures, updatedBy: ctx.actor.id, updatedAt: ctx.now })
        .onConflictDoNothing()
        .returning({ regionCode: nationalPublications.regionCode });
      if (inserted.length === 0) throw new AppError('STALE_VERSION');
    } else {
      const updated = await tx
        .update(nationalPublications)
        .set({ figures, version: sql`${nationalPublications.version} + 1`, updatedBy: ctx.actor.id, updatedAt: ctx.now })
        .where(and(eq(nationalPublications.regionCode, regionCode), eq(nationalPublications.version, input.version)))
        .returning({ regionCode: nationalPublications.regionCode });
      if (updated.length === 0) throw new AppError('STALE_VERSION');
    }
    await recordAudit(tx, ctx, {
      action: 'national_publication.update',
      entityType: 'national_publication',
      entityId: regionCode,
      regionCode,
      before: { figures: before.figures },
      after: { figures },
    });
  });
  return getPublication(ctx.db, regionCode);
}

// ---- the public national page ------------------------------------------------------------------------

const FIGURE_OF_INDEX: Record<IndexKey, PublishableFigure> = { iid: 'iid', government: 'government_index', ikm: 'ikm' };

/**
 * The public national page as it is sent, kept while no region's number moved (a region's choice of
 * what to publish is one of them): it ranks every publishing region, ~25 ms of CPU for 440 regions, and
 * is open to everybody.
 */
const keptPublicPages = new FigureKeep<string>(20);

export async function publicNationalJson(reader: RollupReader, query: { year?: number | undefined }): Promise<string> {
  const year = query.year ?? wibYear(reader.now);
  const generation = await allFigureGenerations(reader.db);
  return keptPublicPages.through(reader.db, String(year), generation, reader.now, async () =>
    jsonOf(publicNationalSchema, await publicNational(reader, { year })),
  );
}

/**
 * Only what each region chose to publish: a region publishing nothing is absent, an unpublished figure
 * is null, and ranks (and last year's ranks) are among the regions publishing that figure, so a rank
 * never hints at a figure a region kept to itself.
 */
export async function publicNational(reader: RollupReader, query: { year?: number | undefined }): Promise<PublicNational> {
  const year = query.year ?? wibYear(reader.now);
  const published = await reader.db
    .select({
      code: nationalPublications.regionCode,
      figures: nationalPublications.figures,
      name: regions.name,
      kind: regions.kind,
      provinceCode: regions.provinceCode,
    })
    .from(nationalPublications)
    .innerJoin(regions, eq(regions.code, nationalPublications.regionCode))
    .where(sql`jsonb_array_length(${nationalPublications.figures}) > 0`)
    .orderBy(asc(regions.code));
  const chosen = new Map(published.map((p) => [p.code, normalisePublished(p.figures)]));
  const codes = [...chosen.keys()];
  const [current, previous] = await Promise.all([regionFiguresOfYear(reader.db, codes, year), regionFiguresOfYear(reader.db, codes, year - 1)]);
  const rows = published.map((p) => {
    const row = rowOf({ code: p.code, name: p.name, kind: p.kind, provinceCode: p.provinceCode }, current.get(p.code));
    for (const key of INDEX_KEYS) if (!chosen.get(p.code)?.includes(FIGURE_OF_INDEX[key])) row[key] = emptyCell();
    return row;
  });
  const previousMasked = new Map(
    [...previousValues(previous)].map(([code, v]) => {
      const figures = chosen.get(code) ?? [];
      return [
        code,
        {
          iid: figures.includes('iid') ? v.iid : null,
          government: figures.includes('government_index') ? v.government : null,
          ikm: figures.includes('ikm') ? v.ikm : null,
        },
      ];
    }),
  );
  applyRanks(rows, previousMasked, (r) => r.cluster);
  const items: PublicNationalRow[] = sortRows(rows, 'name', 'asc').map((r) => {
    const figures = chosen.get(r.regionCode) ?? [];
    const has = (f: PublishableFigure) => figures.includes(f);
    return {
      regionCode: r.regionCode,
      regionName: r.regionName,
      kind: r.kind,
      cluster: r.cluster,
      published: figures,
      innovations: has('innovations') ? r.innovations : null,
      iid: has('iid') ? r.iid : null,
      government: has('government_index') ? r.government : null,
      ikm: has('ikm') ? r.ikm : null,
      complaints: has('complaints') ? r.complaints : null,
    };
  });
  return {
    year,
    previousYear: year - 1,
    clusters: REGION_CLUSTERS.map((c) => ({ id: c.id, name: c.name, nameEn: c.nameEn })),
    distributions: distributions(rows),
    items,
  };
}
