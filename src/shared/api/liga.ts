/**
 * The contract of the OPD league table (liga OPD): the table of a year with each unit's components, its
 * composite, rank and rank change since last year, and the region's weights. Scores travel as decimal
 * strings with 2 places ("82.47"), never as floats.
 */
import { z } from 'zod';
import { LEAGUE_COMPONENTS } from '../../domain/liga/components.ts';

export { LEAGUE_COMPONENTS };

const yearNumber = z.coerce
  .number({ error: 'Tahun wajib berupa angka' })
  .int('Tahun wajib berupa tahun')
  .min(2000, 'Tahun paling awal 2000')
  .max(2100, 'Tahun paling akhir 2100');

export const LEAGUE_SORTS = ['rank', 'name', 'composite', 'innovations', 'ikm', 'assessments', 'complaints', 'programmes', 'change'] as const;

export const leagueQuery = z.object({
  year: yearNumber.optional(),
  sort: z.enum(LEAGUE_SORTS, { error: 'Urutan tidak dikenal' }).default('rank'),
  dir: z.enum(['asc', 'desc'], { error: 'Arah urutan harus asc atau desc' }).optional(),
});
export type LeagueQuery = z.infer<typeof leagueQuery>;

export const leagueExportQuery = z.object({ year: yearNumber.optional() });

const score = z.string().nullable();

const componentWeight = z.object({
  weight: z
    .number({ error: 'Bobot wajib berupa angka' })
    .int('Bobot harus bilangan bulat')
    .min(0, 'Bobot tidak boleh negatif')
    .max(100, 'Bobot paling besar 100'),
  enabled: z.boolean({ error: 'Pilih aktif atau tidak' }),
});

export const leagueWeights = z.object({
  innovations: componentWeight,
  ikm: componentWeight,
  assessments: componentWeight,
  complaints: componentWeight,
  programmes: componentWeight,
});

export const leagueWeightsInfo = z.object({
  weights: leagueWeights,
  /** Where they come from: the year's own row, the region's standing choice, or the defaults. */
  source: z.enum(['year', 'region', 'default']),
  /** The versions to send back when editing the year's own weights or the region's standing ones (null: none yet). */
  yearVersion: z.number().int().nullable(),
  regionVersion: z.number().int().nullable(),
});

export const leagueRow = z.object({
  unitId: z.string(),
  unitName: z.string(),
  rank: z.number().int().nullable(),
  previousRank: z.number().int().nullable(),
  /** Climbed (positive) or fell (negative) since last year. */
  rankChange: z.number().int().nullable(),
  composite: score,
  scores: z.object({ innovations: score, ikm: score, assessments: score, complaints: score, programmes: score }),
  facts: z.object({
    innovations: z.object({ proposed: z.number().int(), verified: z.number().int(), minimum: z.number().int() }).nullable(),
    ikm: score,
    assessments: z.object({ assigned: z.number().int(), done: z.number().int() }),
    complaints: z.object({ due: z.number().int(), onTime: z.number().int() }),
    programmes: z.number().int(),
  }),
});
export type LeagueRow = z.infer<typeof leagueRow>;

export const leagueTable = z
  .object({
    year: z.number().int(),
    previousYear: z.number().int(),
    years: z.array(z.number().int()),
    weights: leagueWeightsInfo,
    rules: z.object({
      composite: z.string(),
      components: z.object({ innovations: z.string(), ikm: z.string(), assessments: z.string(), complaints: z.string(), programmes: z.string() }),
    }),
    rows: z.array(leagueRow),
    canEditWeights: z.boolean(),
  })
  .meta({ id: 'LeagueTable' });
export type LeagueTable = z.infer<typeof leagueTable>;

export const leagueWeightsInput = z.object({
  /** null: the region's weights for every year without its own. */
  year: yearNumber.nullable(),
  weights: leagueWeights,
  /** The version of the row being replaced, when the year already has one. */
  version: z.number().int().positive().optional(),
});
export type LeagueWeightsInput = z.infer<typeof leagueWeightsInput>;
