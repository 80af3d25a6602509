/**
 * The yearly evaluation of an assessment (hasil evaluasi): the assessor's findings and letter, the
 * index per pillar and overall on the verified values, and the change against the previous evaluation.
 * Indices and changes are decimal text, rounded half-up where the framework says; never floats.
 */
import { z } from 'zod';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const evaluationInput = z.object({
  evaluator: z
    .string()
    .trim()
    .max(200, 'Nama tim penilai paling banyak 200 karakter')
    .nullish()
    .transform((v) => v ?? ''),
  findings: z
    .string()
    .trim()
    .max(10000, 'Catatan hasil evaluasi paling banyak 10000 karakter')
    .nullish()
    .transform((v) => v ?? ''),
  pillarFindings: z
    .array(
      z.object({
        pillarId: z.string().trim().min(1, 'Pilar wajib diisi').max(100, 'Pilar paling banyak 100 karakter'),
        findings: z.string().trim().max(5000, 'Catatan pilar paling banyak 5000 karakter'),
      }),
    )
    .max(50, 'Paling banyak 50 pilar')
    .default([]),
  letterNumber: z
    .string()
    .trim()
    .max(100, 'Nomor surat paling banyak 100 karakter')
    .nullish()
    .transform((v) => (v ? v : null)),
  letterDate: z
    .string()
    .regex(DATE, 'Tanggal surat berformat TTTT-BB-HH')
    .nullish()
    .transform((v) => v ?? null),
  /** The version loaded; null when the result is recorded for the first time. */
  version: z.number({ error: 'Versi wajib diisi (null untuk hasil baru)' }).int().min(1).nullable(),
});
export type EvaluationInput = z.input<typeof evaluationInput>;

export const evaluationPillar = z.object({
  id: z.string(),
  name: z.string(),
  weight: z.string().nullable(),
  /** On the assessors' verified values. */
  index: z.string().nullable(),
  claimedIndex: z.string().nullable(),
  previousIndex: z.string().nullable(),
  delta: z.string().nullable(),
  findings: z.string(),
});

export const evaluationDocument = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string().nullable(),
  mimeType: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  createdAt: z.string(),
});

export const evaluationResult = z.object({
  evaluator: z.string(),
  findings: z.string(),
  letterNumber: z.string().nullable(),
  letterDate: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  document: evaluationDocument.nullable(),
});

export const assessmentEvaluation = z
  .object({
    assessmentId: z.string(),
    frameworkId: z.string(),
    frameworkName: z.string(),
    frameworkVersion: z.string(),
    isSmartCity: z.boolean(),
    year: z.number().int(),
    stage: z.enum(['mandiri', 'verifikasi', 'final']),
    /** The published index on the verified values (null before any value is verified). */
    index: z.string().nullable(),
    claimedIndex: z.string().nullable(),
    /** False while some indicators have no verified value yet (the index is then a floor). */
    complete: z.boolean(),
    missing: z.number().int(),
    previous: z.object({ assessmentId: z.string(), year: z.number().int(), index: z.string().nullable() }).nullable(),
    /** Index improvement against the previous evaluation; null when there is none. */
    delta: z.string().nullable(),
    pillars: z.array(evaluationPillar),
    result: evaluationResult.nullable(),
    can: z.object({ record: z.boolean() }),
  })
  .meta({ id: 'AssessmentEvaluation' });
export type AssessmentEvaluation = z.infer<typeof assessmentEvaluation>;

export const evaluationHistoryItem = z.object({
  assessmentId: z.string(),
  frameworkId: z.string(),
  frameworkName: z.string(),
  year: z.number().int(),
  stage: z.enum(['mandiri', 'verifikasi', 'final']),
  index: z.string().nullable(),
  complete: z.boolean(),
  delta: z.string().nullable(),
  pillars: z.array(z.object({ id: z.string(), name: z.string(), index: z.string().nullable(), delta: z.string().nullable() })),
  letterNumber: z.string().nullable(),
  letterDate: z.string().nullable(),
});

export const evaluationHistory = z.object({ items: z.array(evaluationHistoryItem) }).meta({ id: 'EvaluationHistory' });
export type EvaluationHistory = z.infer<typeof evaluationHistory>;
export type EvaluationHistoryItem = z.infer<typeof evaluationHistoryItem>;
