/**
 * IGA nominee preparation: the field-validation checklist of each nominee, one line per IID indicator
 * of the innovation's framework, with what the innovation claimed, its evidence and the check.
 */
import { z } from 'zod';

export const FIELD_CHECK_STATUSES = ['belum_diperiksa', 'sesuai', 'tidak_sesuai', 'perlu_perbaikan'] as const;
export type FieldCheckStatus = (typeof FIELD_CHECK_STATUSES)[number];

export const fieldCheckLine = z.object({
  indicatorId: z.string(),
  name: z.string(),
  variable: z.string().nullable(),
  claimedLevel: z.number().int().nullable(),
  claimedLabel: z.string().nullable(),
  verification: z.enum(['pending', 'accepted', 'corrected']).nullable(),
  evidence: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string(), fileName: z.string().nullable(), url: z.string().nullable() })),
  status: z.enum(FIELD_CHECK_STATUSES),
  note: z.string(),
  checkedBy: z.string().nullable(),
  checkedAt: z.string().nullable(),
  /** 0 while the line was never checked. */
  version: z.number().int(),
});

export const fieldCheckCounts = z.object({
  belum_diperiksa: z.number().int(),
  sesuai: z.number().int(),
  tidak_sesuai: z.number().int(),
  perlu_perbaikan: z.number().int(),
});

/** `national`: the national admin's preparation across regions, whose nominees are named with their region. */
const competitionScope = z.enum(['region', 'national']);

export const fieldChecklist = z.object({
  competitionId: z.string(),
  competitionName: z.string(),
  competitionScope,
  entryId: z.string(),
  innovationId: z.string(),
  innovationName: z.string(),
  unitName: z.string(),
  regionName: z.string(),
  frameworkName: z.string(),
  /** Share of indicators found "sesuai", in percent with one decimal (half-up). */
  readiness: z.string(),
  counts: fieldCheckCounts,
  canEdit: z.boolean(),
  lines: z.array(fieldCheckLine),
});

export const fieldChecklistSummary = z.object({
  competitionId: z.string(),
  competitionName: z.string(),
  competitionScope,
  entryId: z.string(),
  innovationName: z.string(),
  unitName: z.string(),
  regionName: z.string(),
  readiness: z.string(),
  counts: fieldCheckCounts,
  total: z.number().int(),
});
export const fieldChecklistList = z.object({ items: z.array(fieldChecklistSummary), canEdit: z.boolean() });

export const fieldCheckSave = z.object({
  status: z.enum(FIELD_CHECK_STATUSES, { error: 'Status pemeriksaan tidak dikenal' }),
  note: z.string().trim().max(2000, 'Catatan paling banyak 2000 karakter').default(''),
  version: z.number().int().min(0),
});

export type FieldCheckLine = z.infer<typeof fieldCheckLine>;
export type FieldChecklist = z.infer<typeof fieldChecklist>;
export type FieldChecklistSummary = z.infer<typeof fieldChecklistSummary>;
export type FieldChecklistList = z.infer<typeof fieldChecklistList>;
