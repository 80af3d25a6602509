/**
 * One click from a public-service document (the SKM report of a period, the complaint statistics) to
 * the index indicators that ask for it: the places it can go, and the attach request.
 */
import { z } from 'zod';

export const indexEvidenceTargets = z.object({
  assessmentItems: z.array(
    z.object({
      assessmentId: z.string(),
      itemId: z.string(),
      frameworkId: z.string(),
      frameworkName: z.string(),
      year: z.number().int(),
      indicatorId: z.string(),
      indicatorName: z.string(),
      unitName: z.string().nullable(),
      /** Whether the assessment still takes evidence (penilaian mandiri). */
      open: z.boolean(),
      attached: z.boolean(),
    }),
  ),
  innovations: z.array(
    z.object({
      innovationId: z.string(),
      name: z.string(),
      unitName: z.string(),
      status: z.string(),
      year: z.number().int(),
      indicatorId: z.string(),
      indicatorName: z.string(),
      /** Whether its evidence may change now (not while it waits for review, not once rejected). */
      open: z.boolean(),
      attached: z.boolean(),
    }),
  ),
});
export type IndexEvidenceTargets = z.infer<typeof indexEvidenceTargets>;

export const indexEvidenceTarget = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('assessment_item'), assessmentId: z.uuid('Penilaian tidak valid'), itemId: z.uuid('Indikator tidak valid') }),
    z.object({
      kind: z.literal('innovation'),
      innovationId: z.uuid('Inovasi tidak valid'),
      indicatorId: z.string().trim().min(1).max(20),
    }),
  ],
  { error: 'Pilih indikator tujuan (penilaian atau inovasi)' },
);

export const attachIndexEvidenceInput = z.object({ target: indexEvidenceTarget });
export const attachComplaintStatsInput = attachIndexEvidenceInput.extend({
  from: z.iso.date('Tanggal awal harus berupa tanggal (YYYY-MM-DD)').optional(),
  to: z.iso.date('Tanggal akhir harus berupa tanggal (YYYY-MM-DD)').optional(),
});

export const indexEvidenceAttached = z.object({ attachmentId: z.string(), title: z.string(), fileName: z.string() });
