/** The contract of self-assessments (SPBE, Indeks Pemdi) and the region's IID projection. */
import { z } from 'zod';
import { optionalText } from './common.ts';
import { evidenceItem } from './innovations.ts';

const isoDate = z.iso.date('Tanggal harus berformat YYYY-MM-DD');
/** A value as the framework scales it, written as decimal text ("3", "2.50"): never a binary float. */
const decimalValue = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => /^\d{1,3}(\.\d{1,6})?$/.test(v), 'Nilai harus angka desimal, mis. 3 atau 2.50');

export const ASSESSMENT_STAGES = ['mandiri', 'verifikasi', 'final'] as const;
export const assessmentStage = z.enum(ASSESSMENT_STAGES);
export const verificationState = z.enum(['pending', 'accepted', 'corrected']);

export const frameworkVersionItem = z
  .object({
    id: z.string(),
    frameworkId: z.string(),
    version: z.string(),
    name: z.string(),
    inputKind: z.string(),
    regionCode: z.string().nullable(),
    origin: z.enum(['shipped', 'upload']),
    createdAt: z.string(),
  })
  .meta({ id: 'FrameworkVersion' });

export const assessmentCreate = z.object({
  frameworkVersionId: z.uuid('Versi kerangka tidak valid'),
  year: z.number({ error: 'Tahun wajib diisi' }).int().min(2018).max(2100),
  deadline: isoDate.nullish().transform((v) => v ?? null),
  /** Opening a framework outside its effective years needs an admin's reason (kept in the audit log). */
  overrideReason: z
    .string()
    .trim()
    .max(500, 'Alasan paling banyak 500 karakter')
    .nullish()
    .transform((v) => (v ? v : null)),
});

export const assessmentSummary = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    frameworkId: z.string(),
    frameworkVersionId: z.string(),
    frameworkName: z.string(),
    frameworkVersion: z.string(),
    year: z.number().int(),
    stage: assessmentStage,
    deadline: z.string().nullable(),
    itemCount: z.number().int(),
    filledCount: z.number().int(),
    verifiedCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'AssessmentSummary' });

/** An index as computed from the claimed or the verified values; `complete` is false while values are missing. */
export const indexFigure = z.object({
  index: z.string().nullable(),
  predicate: z.string().nullable(),
  complete: z.boolean(),
  missing: z.number().int(),
  /** Published index of every node (domain, aspect, indicator). */
  nodes: z.record(z.string(), z.object({ index: z.string(), predicate: z.string().nullable() })),
});

export const assessmentItem = z
  .object({
    id: z.string(),
    indicatorId: z.string(),
    /** Path of ancestor names, e.g. ["Kebijakan Internal SPBE", "Kebijakan Internal Tata Kelola SPBE"]. */
    path: z.array(z.string()),
    /** The ids of the same ancestors, e.g. ["D1", "A1"]: the keys of the figures' `nodes`. */
    pathIds: z.array(z.string()),
    name: z.string(),
    weight: z.string().nullable(),
    scale: z.object({
      type: z.string(),
      min: z.string(),
      max: z.string(),
      levels: z.array(z.object({ level: z.number(), name: z.string(), criteria: z.string() })),
    }),
    evidenceHints: z.array(z.string()),
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
    deadline: z.string().nullable(),
    claimedValue: z.string().nullable(),
    explanation: z.string(),
    claimedAt: z.string().nullable(),
    verification: verificationState,
    verifiedValue: z.string().nullable(),
    verifierNote: z.string().nullable(),
    verifiedAt: z.string().nullable(),
    evidence: z.array(evidenceItem.omit({ target: true })),
    canFill: z.boolean(),
    canVerify: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'AssessmentItem' });

export const assessmentDetail = assessmentSummary
  .extend({
    claimed: indexFigure,
    verified: indexFigure,
    items: z.array(assessmentItem),
    progressByUnit: z.array(
      z.object({
        unitId: z.string().nullable(),
        unitName: z.string().nullable(),
        total: z.number().int(),
        filled: z.number().int(),
        verified: z.number().int(),
      }),
    ),
    /** What the caller may do with the assessment as a whole. */
    can: z.object({ manage: z.boolean(), advance: z.boolean(), finalize: z.boolean() }),
  })
  .meta({ id: 'AssessmentDetail' });

export const assignBody = z.object({
  assignments: z
    .array(
      z.object({
        indicatorId: z.string().min(1).max(20),
        unitId: z.uuid('Unit tidak valid').nullable(),
        deadline: isoDate.nullish().transform((v) => v ?? null),
      }),
    )
    .min(1)
    .max(500),
});

export const fillBody = z.object({
  value: decimalValue.nullable(),
  explanation: z.string().max(10_000).default(''),
  version: z.number().int().min(1),
});

export const verifyBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), version: z.number().int().min(1), note: optionalText('Catatan', 2000) }),
  z.object({
    decision: z.literal('correct'),
    version: z.number().int().min(1),
    value: decimalValue,
    note: z.string().trim().min(1, 'Catatan koreksi wajib diisi').max(2000),
  }),
]);

export const stageBody = z.object({ stage: assessmentStage, version: z.number().int().min(1) });

export const gapItem = z.object({
  indicatorId: z.string(),
  name: z.string(),
  current: z.string(),
  next: z.string(),
  nextLevelName: z.string().nullable(),
  nextCriteria: z.string().nullable(),
  /** How much the index rises if this indicator reaches the next level, exact decimal text. */
  gain: z.string(),
  indexAfter: z.string(),
});

export const gapAnalysis = z.object({
  basis: z.enum(['verified', 'claimed']),
  index: z.string().nullable(),
  items: z.array(gapItem),
  previous: z
    .object({
      assessmentId: z.string(),
      year: z.number().int(),
      index: z.string().nullable(),
      predicate: z.string().nullable(),
      /** Always the verified (final) values: last year's claims are not last year's result. */
      basis: z.literal('verified'),
      indicators: z.array(z.object({ indicatorId: z.string(), previous: z.string().nullable(), current: z.string().nullable() })),
    })
    .nullable(),
});

// ---- IID for the region's innovations --------------------------------------------------------

export const iidAnswerBody = z.object({
  level: z.number().int().min(0).max(10).nullable(),
  version: z.number().int().min(0).optional(),
});

export const iidVerifyBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept') }),
  z.object({
    decision: z.literal('correct'),
    level: z.number().int().min(0).max(10),
    note: z.string().trim().min(1, 'Catatan koreksi wajib diisi').max(2000),
  }),
]);

export const iidWarning = z.object({
  code: z.string(),
  innovationId: z.string().nullable(),
  indicatorId: z.string().nullable(),
  message: z.string(),
});

export const iidProjection = z.object({
  periodId: z.string(),
  frameworkId: z.string(),
  evidenceRequired: z.boolean(),
  claimed: z.object({ index: z.string(), predicate: z.string().nullable(), spd: z.string(), sid: z.string(), jumlah: z.string() }),
  verified: z.object({ index: z.string(), predicate: z.string().nullable(), spd: z.string(), sid: z.string(), jumlah: z.string() }),
  innovations: z.array(z.object({ id: z.string(), name: z.string(), claimedScore: z.string(), verifiedScore: z.string() })),
  warnings: z.array(iidWarning),
});

export const whatIf = z.object({
  items: z.array(
    z.object({
      innovationId: z.string().nullable(),
      innovationName: z.string().nullable(),
      indicatorId: z.string(),
      indicatorName: z.string(),
      current: z.number().int(),
      next: z.number().int(),
      gain: z.string(),
    }),
  ),
});

export type AssessmentDetail = z.infer<typeof assessmentDetail>;
export type AssessmentItem = z.infer<typeof assessmentItem>;
export type AssessmentSummary = z.infer<typeof assessmentSummary>;
export type GapAnalysis = z.infer<typeof gapAnalysis>;
export type IidProjection = z.infer<typeof iidProjection>;

export const assessmentList = z.object({ items: z.array(assessmentSummary) });
export const frameworkVersionList = z.object({ items: z.array(frameworkVersionItem) });
/** A framework file is any JSON object; the server validates it and answers per-path issues. */
export const frameworkFileBody = z.record(z.string(), z.unknown());
export const uploadedFrameworkVersion = z.object({ id: z.string() });
