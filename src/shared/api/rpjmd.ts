/**
 * The contract of the RPJMD cascade: a region's RPJMD periods, each with its misi → tujuan → sasaran →
 * program entries as a tree, the programme codes a smart-city programme or an innovation may name, and
 * the XLSX import report (row by row, as the other imports).
 */
import { z } from 'zod';
import { optionalText, requiredText } from './common.ts';

/** The levels of the cascade, top first; each entry's parent is one level up (a misi has none). */
export const RPJMD_LEVELS = ['misi', 'tujuan', 'sasaran', 'program'] as const;
export type RpjmdLevel = (typeof RPJMD_LEVELS)[number];

const year = (label: string) =>
  z
    .number({ error: `${label} wajib berupa tahun` })
    .int(`${label} wajib berupa tahun`)
    .min(2000, `${label} paling awal 2000`)
    .max(2100, `${label} paling akhir 2100`);

/** A code as the RPJMD document writes it: "M1", "T1.2", "2.16.02". */
export const rpjmdCode = z
  .string({ error: 'Kode wajib diisi' })
  .trim()
  .min(1, 'Kode wajib diisi')
  .max(60, 'Kode paling banyak 60 karakter')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, 'Kode hanya huruf, angka, titik, garis bawah, tanda hubung atau garis miring (tanpa spasi)');

export const rpjmdLevel = z.enum(RPJMD_LEVELS, { error: 'Tingkat harus misi, tujuan, sasaran atau program' });

const periodFields = z.object({
  title: requiredText('Judul RPJMD', 200),
  startYear: year('Tahun awal'),
  endYear: year('Tahun akhir'),
  perdaNumber: optionalText('Nomor Perda', 100),
});

const yearsInOrder = (v: { startYear: number; endYear: number }) => v.startYear <= v.endYear;
const yearsMessage = { message: 'Tahun akhir tidak boleh sebelum tahun awal', path: ['endYear'] };

export const rpjmdPeriodInput = periodFields.refine(yearsInOrder, yearsMessage);
export const rpjmdPeriodUpdate = periodFields.extend({ version: z.number().int().min(1) }).refine(yearsInOrder, yearsMessage);

export const rpjmdEntryInput = z.object({
  level: rpjmdLevel,
  code: rpjmdCode,
  name: requiredText('Nama', 1000),
  /** The parent's id; empty for a misi. */
  parentId: z
    .uuid('Induk tidak valid')
    .nullish()
    .transform((v) => v ?? null),
});

export const rpjmdEntryUpdate = z.object({
  code: rpjmdCode,
  name: requiredText('Nama', 1000),
  version: z.number().int().min(1),
});

export const rpjmdPeriod = z
  .object({
    id: z.string(),
    title: z.string(),
    startYear: z.number().int(),
    endYear: z.number().int(),
    perdaNumber: z.string().nullable(),
    entryCount: z.number().int(),
    programmeCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'RpjmdPeriod' });

export const rpjmdPeriodList = z.object({ items: z.array(rpjmdPeriod) });

export interface RpjmdNode {
  id: string;
  level: RpjmdLevel;
  code: string;
  name: string;
  version: number;
  /** For a programme code: how many of the region's smart-city programmes and innovations name it. */
  linkedProgrammes: number;
  linkedInnovations: number;
  children: RpjmdNode[];
}

export const rpjmdNode: z.ZodType<RpjmdNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    level: rpjmdLevel,
    code: z.string(),
    name: z.string(),
    version: z.number().int(),
    linkedProgrammes: z.number().int(),
    linkedInnovations: z.number().int(),
    children: z.array(rpjmdNode),
  }),
);

export const rpjmdDetail = rpjmdPeriod.extend({ tree: z.array(rpjmdNode) }).meta({ id: 'RpjmdDetail' });

export const rpjmdProgrammesQuery = z.object({
  q: z.string().trim().max(100).optional(),
});

/** A programme code a smart-city programme or an innovation may name, with the RPJMD it belongs to. */
export const rpjmdProgrammeOption = z.object({
  code: z.string(),
  name: z.string(),
  rpjmdTitle: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
});
export const rpjmdProgrammeOptions = z.object({ items: z.array(rpjmdProgrammeOption) });

export const rpjmdImportReport = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), reason: z.string() })),
});
