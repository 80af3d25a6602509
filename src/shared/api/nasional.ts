/**
 * The contract of the national roll-up (admin nasional), the province view (a province's admin or
 * pimpinan) and the public national page: one row per region with the year's headline figures — each
 * the figure the region's own dashboard shows — its rank within its cluster and its movement since last
 * year, plus the distributions the charts draw. Indices travel as decimal strings, never as floats.
 */
import { z } from 'zod';
import { CLUSTER_IDS } from '#domain/nasional/clusters.ts';
import { PUBLISHABLE_FIGURES } from '#domain/nasional/publication.ts';

const yearNumber = z.coerce
  .number({ error: 'Tahun wajib berupa angka' })
  .int('Tahun wajib berupa tahun')
  .min(2000, 'Tahun paling awal 2000')
  .max(2100, 'Tahun paling akhir 2100');

export const ROLLUP_SORTS = ['rank', 'name', 'iid', 'government', 'ikm', 'proposed', 'verified', 'complaints'] as const;
export type RollupSort = (typeof ROLLUP_SORTS)[number];

export const rollupQuery = z.object({
  year: yearNumber.optional(),
  cluster: z.enum(CLUSTER_IDS, { error: 'Klaster tidak dikenal (provinsi, kabupaten atau kota)' }).optional(),
  sort: z.enum(ROLLUP_SORTS, { error: 'Urutan tidak dikenal' }).default('rank'),
  dir: z.enum(['asc', 'desc'], { error: 'Arah urutan asc atau desc' }).optional(),
  q: z.string().trim().max(100, 'Pencarian paling banyak 100 karakter').optional(),
  page: z.coerce
    .number({ error: 'Halaman wajib berupa angka' })
    .int('Halaman wajib bilangan bulat')
    .min(1, 'Halaman paling kecil 1')
    .max(10_000)
    .default(1),
  pageSize: z.coerce
    .number({ error: 'Ukuran halaman wajib berupa angka' })
    .int('Ukuran halaman wajib bilangan bulat')
    .min(1, 'Ukuran halaman paling kecil 1')
    .max(600, 'Ukuran halaman paling besar 600')
    .default(25),
});
export type RollupQuery = z.infer<typeof rollupQuery>;

export const rollupExportQuery = rollupQuery.pick({ year: true, cluster: true, sort: true, dir: true, q: true });
export const provinceRollupQuery = z.object({ year: yearNumber.optional() });
export const publicNationalQuery = z.object({ year: yearNumber.optional() });

const decimal = z.string();
const count = z.number().int();

/** One index of a region: its value, band, rank in the cluster and its movement since last year. */
export const indexCell = z.object({
  value: decimal.nullable(),
  predicate: z.string().nullable(),
  /** What the value is: the framework (SPBE 2020 / Pemdi 2026, IID 2023) or the survey period. */
  label: z.string().nullable(),
  rank: count.nullable(),
  previousValue: decimal.nullable(),
  previousRank: count.nullable(),
  /** Places climbed since last year (positive: up). */
  rankChange: count.nullable(),
  /** value − previousValue, exact. */
  change: decimal.nullable(),
});
export type IndexCell = z.infer<typeof indexCell>;

export const rollupRow = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.string(),
  cluster: z.string().nullable(),
  provinceCode: z.string().nullable(),
  /** Has accounts or units in the platform. */
  usesPlatform: z.boolean(),
  /** Has the year's innovation period with at least one proposed innovation. */
  reported: z.boolean(),
  accounts: count,
  units: count,
  innovations: z.object({ target: count.nullable(), proposed: count, verified: count }),
  iid: indexCell,
  government: indexCell,
  ikm: indexCell,
  complaints: z.object({ received: count, resolved: count, resolutionRate: decimal.nullable() }),
});
export type RollupRow = z.infer<typeof rollupRow>;

const distribution = z.object({
  predicates: z.array(z.object({ predicate: z.string(), count })),
  histogram: z.array(z.object({ from: decimal, to: decimal, count })),
});

export const rollupDistributions = z.object({ iid: distribution, government: distribution, ikm: distribution });

export const rollupSummary = z.object({ regions: count, usingPlatform: count, reported: count, withVerified: count });

export const nationalRollup = z
  .object({
    year: z.number().int(),
    previousYear: z.number().int(),
    cluster: z.string().nullable(),
    clusters: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string(), summary: rollupSummary })),
    summary: rollupSummary,
    distributions: rollupDistributions,
    items: z.array(rollupRow),
    total: count,
    page: count,
    pageSize: count,
  })
  .meta({ id: 'NationalRollup' });
export type NationalRollup = z.infer<typeof nationalRollup>;

export const provinceRollup = z
  .object({
    year: z.number().int(),
    previousYear: z.number().int(),
    provinceCode: z.string(),
    provinceName: z.string(),
    summary: rollupSummary,
    distributions: rollupDistributions,
    /** Every kabupaten/kota of the province, ranked among themselves. */
    items: z.array(rollupRow),
  })
  .meta({ id: 'ProvinceRollup' });
export type ProvinceRollup = z.infer<typeof provinceRollup>;

const publishable = z.enum(PUBLISHABLE_FIGURES, { error: 'Angka yang dipublikasikan tidak dikenal' });

export const nationalPublication = z.object({
  regionCode: z.string(),
  figures: z.array(publishable),
  /** 0 before the region first chooses (then the default applies). */
  version: count,
  updatedAt: z.string().nullable(),
});
export type NationalPublication = z.infer<typeof nationalPublication>;

export const nationalPublicationInput = z.object({
  figures: z.array(publishable).max(PUBLISHABLE_FIGURES.length, 'Terlalu banyak angka'),
  version: z.number({ error: 'Versi wajib berupa angka' }).int('Versi wajib bilangan bulat').min(0, 'Versi tidak valid'),
});
export type NationalPublicationInput = z.infer<typeof nationalPublicationInput>;

/** A region on the public page: only the figures it publishes are present (the others are null). */
export const publicNationalRow = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.string(),
  cluster: z.string().nullable(),
  published: z.array(publishable),
  innovations: z.object({ target: count.nullable(), proposed: count, verified: count }).nullable(),
  /** Ranks on the public page are among the regions that publish the figure. */
  iid: indexCell.nullable(),
  government: indexCell.nullable(),
  ikm: indexCell.nullable(),
  complaints: z.object({ received: count, resolved: count, resolutionRate: decimal.nullable() }).nullable(),
});
export type PublicNationalRow = z.infer<typeof publicNationalRow>;

export const publicNational = z
  .object({
    year: z.number().int(),
    previousYear: z.number().int(),
    clusters: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string() })),
    distributions: rollupDistributions,
    items: z.array(publicNationalRow),
  })
  .meta({ id: 'PublicNational' });
export type PublicNational = z.infer<typeof publicNational>;
