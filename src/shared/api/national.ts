/**
 * The national evaluation of an SPBE or Indeks Pemdi self-assessment (stages, the assessor's sheet per
 * indicator, the LHE with the national index and the gaps) and its action plan (rencana aksi).
 * Values and indices are decimal text, never floats.
 */
import { z } from 'zod';

const isoDate = z.iso.date('Tanggal harus berformat YYYY-MM-DD');
const decimalValue = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d+(\.\d+)?$/, 'Nilai harus angka desimal dengan titik, mis. 3 atau 1.26'));

export const NATIONAL_STAGE_VALUES = ['penilaian_dokumen', 'interview', 'visitasi', 'hasil'] as const;
export const nationalStage = z.enum(NATIONAL_STAGE_VALUES, { error: 'Tahap harus penilaian_dokumen, interview, visitasi atau hasil' });

export const nationalStageInput = z.object({
  stage: nationalStage,
  version: z.number({ error: 'Versi wajib diisi' }).int(),
});

export const nationalItemInput = z.object({
  isUploaded: z.boolean({ error: 'Tanda unggah harus ya/tidak' }),
  isInterviewed: z.boolean({ error: 'Tanda interviu harus ya/tidak' }),
  isApproved: z.boolean({ error: 'Tanda disetujui harus ya/tidak' }),
  catatan: z.string().trim().max(5000, 'Catatan paling banyak 5000 karakter').default(''),
  rekomendasi: z.string().trim().max(5000, 'Rekomendasi paling banyak 5000 karakter').default(''),
  promisedEvidence: z
    .string()
    .trim()
    .max(2000, 'Bukti yang dijanjikan paling banyak 2000 karakter')
    .nullish()
    .transform((v) => (v ? v : null)),
  promisedDue: isoDate.nullish().transform((v) => v ?? null),
  isPromiseDelivered: z.boolean().default(false),
  assessorValue: decimalValue.nullish().transform((v) => v ?? null),
  version: z.number({ error: 'Versi wajib diisi' }).int(),
});

export const lheInput = z.object({
  decreeNumber: z.string().trim().min(1, 'Nomor keputusan wajib diisi').max(200, 'Nomor keputusan paling banyak 200 karakter'),
  decreeDate: isoDate,
  notes: z.string().trim().max(10000, 'Catatan paling banyak 10000 karakter').default(''),
  version: z.number({ error: 'Versi wajib diisi' }).int(),
});

export const nationalItem = z.object({
  id: z.string(),
  indicatorId: z.string(),
  name: z.string(),
  claimed: z.string().nullable(),
  verified: z.string().nullable(),
  isUploaded: z.boolean(),
  isInterviewed: z.boolean(),
  isApproved: z.boolean(),
  catatan: z.string(),
  rekomendasi: z.string(),
  promisedEvidence: z.string().nullable(),
  promisedDue: z.string().nullable(),
  isPromiseDelivered: z.boolean(),
  /** Promised evidence not delivered by its due date (WIB day). */
  isPromiseOverdue: z.boolean(),
  assessorValue: z.string().nullable(),
  gapClaimed: z.string().nullable(),
  gapVerified: z.string().nullable(),
  version: z.number().int(),
});
export type NationalItem = z.infer<typeof nationalItem>;

const figure = z.object({
  index: z.string().nullable(),
  predicate: z.string().nullable(),
  /** Pemdi: "1 Rintisan" … by truncation; null for frameworks without value names. */
  valueName: z.string().nullable(),
  complete: z.boolean(),
  missing: z.number().int(),
});

export const nationalEvaluation = z.object({
  assessmentId: z.string(),
  year: z.number().int(),
  frameworkId: z.string(),
  frameworkName: z.string(),
  assessmentStage: z.string(),
  /** Null until the national evaluation is opened (after the region's final). */
  id: z.string().nullable(),
  stage: nationalStage.nullable(),
  nextStages: z.array(nationalStage),
  decreeNumber: z.string().nullable(),
  decreeDate: z.string().nullable(),
  notes: z.string(),
  version: z.number().int().nullable(),
  claimed: figure,
  verified: figure,
  national: figure,
  /** national − claimed and national − verified on the published indices (null when either is missing). */
  gapClaimed: z.string().nullable(),
  gapVerified: z.string().nullable(),
  items: z.array(nationalItem),
  can: z.object({ open: z.boolean(), edit: z.boolean(), advance: z.boolean(), recordLhe: z.boolean() }),
});
export type NationalEvaluation = z.infer<typeof nationalEvaluation>;

export const nationalImportReport = z.object({
  dryRun: z.boolean(),
  updated: z.number().int(),
  /** Rows with every assessor column blank (an indicator not assessed yet): left as they are. */
  skipped: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), reason: z.string() })),
});
export type NationalImportReport = z.infer<typeof nationalImportReport>;

// ---- action plan ---------------------------------------------------------------------------------

export const TASK_STATUSES = ['belum', 'berjalan', 'selesai', 'batal'] as const;
export const taskStatus = z.enum(TASK_STATUSES, { error: 'Status harus belum, berjalan, selesai atau batal' });

export const taskCreateInput = z.object({
  indicatorId: z.string().trim().min(1, 'Indikator wajib diisi').max(20, 'Indikator paling banyak 20 karakter'),
  title: z.string().trim().min(1, 'Judul tugas wajib diisi').max(300, 'Judul tugas paling banyak 300 karakter'),
  recommendation: z
    .string()
    .trim()
    .max(5000, 'Rekomendasi paling banyak 5000 karakter')
    .nullish()
    .transform((v) => v ?? null),
  unitId: z
    .uuid('Unit tidak valid')
    .nullish()
    .transform((v) => v ?? null),
  ownerId: z
    .uuid('Penanggung jawab tidak valid')
    .nullish()
    .transform((v) => v ?? null),
  dueDate: isoDate.nullish().transform((v) => v ?? null),
});

export const taskUpdateInput = z.object({
  title: z.string().trim().min(1, 'Judul tugas wajib diisi').max(300, 'Judul tugas paling banyak 300 karakter'),
  unitId: z.uuid('Unit tidak valid').nullable(),
  ownerId: z.uuid('Penanggung jawab tidak valid').nullable(),
  dueDate: isoDate.nullable(),
  progress: z
    .number({ error: 'Progres wajib diisi' })
    .int('Progres harus bilangan bulat')
    .min(0, 'Progres paling kecil 0')
    .max(100, 'Progres paling besar 100'),
  status: taskStatus,
  note: z.string().trim().max(5000, 'Catatan paling banyak 5000 karakter').default(''),
  version: z.number({ error: 'Versi wajib diisi' }).int(),
});

export const actionTask = z.object({
  id: z.string(),
  assessmentId: z.string(),
  frameworkId: z.string(),
  year: z.number().int(),
  indicatorId: z.string(),
  title: z.string(),
  recommendation: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string().nullable(),
  progress: z.number().int(),
  status: taskStatus,
  note: z.string(),
  isOverdue: z.boolean(),
  evidence: z.array(z.object({ id: z.string(), title: z.string(), fileName: z.string().nullable(), url: z.string().nullable() })),
  version: z.number().int(),
  can: z.object({ edit: z.boolean(), report: z.boolean(), remove: z.boolean() }),
});
export type ActionTask = z.infer<typeof actionTask>;

export const actionTaskList = z.object({
  items: z.array(actionTask),
  /** Open tasks of earlier years of the same framework, shown on this year's indicators. */
  carried: z.array(actionTask),
  can: z.object({ create: z.boolean() }),
});
export type ActionTaskList = z.infer<typeof actionTaskList>;

export const regionTaskQuery = z.object({
  status: z.enum(['open', 'all', ...TASK_STATUSES], { error: 'Status tidak dikenal' }).default('open'),
  q: z.string().trim().max(200, 'Kata kunci paling banyak 200 karakter').optional(),
});

export const regionTaskList = z.object({ items: z.array(actionTask) });
export type RegionTaskList = z.infer<typeof regionTaskList>;
