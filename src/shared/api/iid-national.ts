/**
 * The contract of the IID exchange with the national application: the export of a period (profile parts
 * 1.1–1.16, the indicator part, the SPD answers), the import of the national validation result (dry run
 * first, row-by-row errors) and the claimed / verified / national figures side by side.
 */
import { z } from 'zod';
import { innovationStatus } from './innovations.ts';

export const nationalImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** The stored result's version, required when a real run replaces an earlier import. */
  version: z.coerce.number().int().min(1).optional(),
});

export const nationalImportReport = z
  .object({
    dryRun: z.boolean(),
    totalRows: z.number().int(),
    /** `row` as the spreadsheet numbers it (the header is row 1); `field` is the column header. */
    errors: z.array(z.object({ row: z.number().int(), field: z.string(), reason: z.string() })),
    region: z
      .object({ nationalIndex: z.string().nullable(), nationalRank: z.number().int().nullable(), predicate: z.string().nullable() })
      .nullable(),
    innovations: z.array(
      z.object({
        row: z.number().int(),
        innovationId: z.string(),
        name: z.string(),
        nationalScore: z.string().nullable(),
        nationalStatus: z.string(),
      }),
    ),
    /** Rows written (0 on a dry run). */
    saved: z.number().int(),
  })
  .meta({ id: 'IidNationalImportReport' });

const figure = z.object({ index: z.string(), predicate: z.string().nullable() });

export const nationalComparison = z
  .object({
    periodId: z.string(),
    year: z.number().int(),
    region: z.object({
      claimed: figure,
      verified: figure,
      national: z.object({ index: z.string().nullable(), rank: z.number().int().nullable(), predicate: z.string().nullable() }).nullable(),
      /** National minus verified, two decimals with a sign ("-2.15"); null until a national index is imported. */
      gap: z.string().nullable(),
    }),
    imported: z.object({ at: z.string(), fileName: z.string(), version: z.number().int(), innovationCount: z.number().int() }).nullable(),
    innovations: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        unitName: z.string(),
        status: innovationStatus,
        claimedScore: z.string(),
        verifiedScore: z.string(),
        nationalScore: z.string().nullable(),
        nationalStatus: z.string().nullable(),
        nationalNote: z.string().nullable(),
        /** National minus verified score; null when the national application did not score it. */
        gap: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'IidNationalComparison' });

export type NationalImportReport = z.infer<typeof nationalImportReport>;
export type NationalComparison = z.infer<typeof nationalComparison>;
