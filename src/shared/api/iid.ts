/**
 * Response schemas of the IID feature beyond the shared contract (src/shared/api/assessments.ts):
 * each extends the contract's shape, so a client typed on the contract still reads these responses.
 */
import { z } from 'zod';
import { iidAnswerBody, iidProjection, iidWarning, verificationState, whatIf } from '#shared/api/assessments.ts';
import { evidenceItem, linkEvidenceBody, uploadEvidenceQuery } from '#shared/api/innovations.ts';
import { VERIFIED_COUNTS } from '#domain/iid/eligibility.ts';
import { LEVER_KINDS } from '#domain/iid/levers.ts';
import { INNOVATION_STATUSES } from '#domain/innovations/workflow.ts';
import { URUSAN_COUNTED } from '#domain/scoring/framework.schema.ts';

const innovationStatus = z.enum(INNOVATION_STATUSES);
export const iidBasis = z.enum(['claimed', 'verified']);

export const iidFigure = iidProjection.shape.claimed.extend({
  /** The unrounded index (exact, or to 12 decimals). */
  value: z.string(),
  innovations: z.number().int(),
  divisor: z.number().int(),
  yandasCovered: z.number().int(),
  yandasRequired: z.number().int().nullable(),
  /** Which urusan of an innovation cover the yandas gate: its utama only, or its irisan too. */
  urusanCounted: z.enum(URUSAN_COUNTED),
});

/** Why an innovation is not eligible to be reported under the period's framework. */
export const eligibilityProblem = z.enum(['PENERAPAN_MISSING', 'PENERAPAN_OUTSIDE_WINDOW', 'RANCANG_BANGUN_SHORT', 'MANDATORY_UNFILLED']);

export const iidProjectionResponse = iidProjection
  .extend({
    year: z.number().int(),
    frameworkName: z.string(),
    frameworkVersion: z.string(),
    /** False when no framework covers the period's year and the nearest earlier one is assumed. */
    frameworkExact: z.boolean(),
    counting: z.object({
      claimed: z.array(innovationStatus),
      verified: z.array(innovationStatus),
      /**
       * Which terverifikasi innovations make the verified index (its n, divisor and count score): all of
       * them, or only those also eligible to be reported. The framework's setting.
       */
      verifiedCounts: z.enum(VERIFIED_COUNTS),
      note: z.string(),
    }),
    /** What makes an innovation eligible under the period's framework. */
    eligibility: z.object({
      rancangBangunMinWords: z.number().int(),
      mandatoryIndicatorsFilled: z.boolean(),
    }),
    window: z.object({ from: z.string(), to: z.string(), source: z.string(), developmentQualifies: z.boolean() }).nullable(),
    claimed: iidFigure,
    verified: iidFigure,
    /** The counted innovations the caller may see (operators: their unit's). */
    innovations: z.array(
      iidProjection.shape.innovations.element.extend({
        status: innovationStatus,
        unitName: z.string(),
        countsForVerified: z.boolean(),
        /** Empty when the innovation is eligible to be reported. */
        eligibilityProblems: z.array(eligibilityProblem),
      }),
    ),
    warnings: z.array(iidWarning.extend({ basis: iidBasis.nullable() })),
  })
  .meta({ id: 'IidProjection' });

export const whatIfQuery = z.object({
  basis: iidBasis.default('claimed'),
  limit: z.coerce.number().int().min(1).max(500).default(20),
  /** The SID score assumed for a new innovation in the gate and seat levers; left out: the median. */
  score: z
    .string()
    .regex(
      /^\d{1,3}(\.\d{1,4})?$/,
      'Skor SID harus angka desimal, mis. 42.5 (titik sebagai pemisah desimal, paling banyak 4 angka di belakang titik)',
    )
    .optional(),
});

export const leverKind = z.enum(LEVER_KINDS);

export const iidLever = z.object({
  kind: leverKind,
  label: z.string(),
  /** What to do, in one sentence. */
  action: z.string(),
  innovationId: z.string().nullable(),
  indicatorId: z.string().nullable(),
  urusan: z.array(z.string()),
  /** Exact change of the unrounded index (negative: the lever lowers it). */
  gain: z.string(),
  /** The published index after the lever. */
  indexAfter: z.string(),
});

export const whatIfResponse = whatIf
  .extend({
    basis: iidBasis,
    /** The published index now. */
    index: z.string(),
    items: z.array(
      whatIf.shape.items.element.extend({
        /** The step is attaching evidence to a level already claimed, which scores 0 without it. */
        needsEvidence: z.boolean(),
        /** The published index after this one step. */
        indexAfter: z.string(),
      }),
    ),
    /** Every lever (gate, seats, ineligible, raises), largest gain first. */
    levers: z.array(iidLever),
    /** The SID score assumed for a new innovation, and whether it is the median of the counted ones. */
    assumedScore: z.string(),
    assumedIsMedian: z.boolean(),
    missingUrusan: z.array(z.object({ key: z.string(), name: z.string() })),
    /** How many more yandas urusan the gate needs (0: met, or no gate). */
    urusanShort: z.number().int(),
    emptySeats: z.number().int(),
    /** Last period's verified innovations not yet carried into this one, with their score here. */
    carryCandidates: z.array(z.object({ id: z.string(), name: z.string(), score: z.string(), urusanUtama: z.string().nullable() })),
  })
  .meta({ id: 'IidWhatIf' });

const parameter = z.object({ level: z.number().int(), label: z.string(), points: z.string() });

/** One measurement basis (basis ukur) of an indicator that offers several (2026: indicator 33, a–f). */
const measurementBasis = z.object({
  key: z.string(),
  name: z.string(),
  levels: z.array(z.object({ level: z.number().int(), label: z.string() })),
});

/**
 * An innovation's answer to one SID indicator: the level, and for an indicator with measurement bases
 * the basis the level is read on (required with a level above 0).
 */
export const sidAnswerBody = iidAnswerBody.extend({
  basisUkur: z
    .string()
    .regex(/^[a-z0-9]{1,8}$/, 'Basis ukur tidak valid')
    .nullable()
    .optional(),
});
export type SidAnswerInput = z.infer<typeof sidAnswerBody>;

const answerFields = {
  claimedLevel: z.number().int().nullable(),
  verification: verificationState,
  verifiedLevel: z.number().int().nullable(),
  verifierNote: z.string().nullable(),
  /** The measurement basis chosen with the claim (null: none, or the indicator has no bases). */
  basisUkur: z.string().nullable(),
  /** 0 while the indicator has never been answered. */
  version: z.number().int(),
};

const indicatorFields = {
  id: z.string(),
  name: z.string(),
  variable: z.string().nullable(),
  weight: z.string(),
  mandatory: z.boolean(),
  zeroLabel: z.string().nullable(),
  parameters: z.array(parameter),
  /** Empty unless the indicator is measured on one of several bases. */
  bases: z.array(measurementBasis),
};

const figureDefinition = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('numeric'),
    name: z.string(),
    unit: z.string(),
    decimals: z.number().int(),
    thresholds: z.array(z.object({ level: z.number().int(), min: z.string().nullable(), max: z.string().nullable(), label: z.string() })),
    example: z.boolean(),
    note: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('category'),
    name: z.string(),
    unit: z.string(),
    options: z.array(z.object({ key: z.string(), label: z.string(), level: z.number().int() })),
    example: z.boolean(),
    note: z.string().nullable(),
  }),
]);

export const spdSheet = z
  .object({
    periodId: z.string(),
    frameworkId: z.string(),
    claimedScore: z.string(),
    verifiedScore: z.string(),
    canAnswer: z.boolean(),
    canVerify: z.boolean(),
    indicators: z.array(
      z.object({
        ...indicatorFields,
        ...answerFields,
        evidenceHints: z.array(z.string()),
        /** The slot of this indicator's evidence on the period (`spd.<indicator>`). */
        evidenceTarget: z.string(),
        evidence: z.array(evidenceItem),
        /** Null: the parameter is picked by hand. Else the parameter follows from the figure entered. */
        figure: figureDefinition.nullable(),
        figureValue: z.object({ value: z.string(), source: z.string(), sourceUrl: z.string().nullable() }).nullable(),
      }),
    ),
  })
  .meta({ id: 'IidSpdSheet' });

export const sidSheet = z
  .object({
    innovationId: z.string(),
    innovationName: z.string(),
    status: innovationStatus,
    periodId: z.string(),
    frameworkId: z.string(),
    evidenceRequired: z.boolean(),
    claimedScore: z.string(),
    verifiedScore: z.string(),
    /** Only terverifikasi innovations count in the verified index. */
    countsForVerified: z.boolean(),
    canAnswer: z.boolean(),
    canVerify: z.boolean(),
    indicators: z.array(
      z.object({
        ...indicatorFields,
        evidenceHints: z.array(z.string()),
        /** Attach evidence for this indicator with this `target` on the innovation's evidence API. */
        evidenceTarget: z.string(),
        evidence: z.array(evidenceItem),
        ...answerFields,
        /** The claimed level as scored: 0 when evidence is required and none is attached. */
        scoredLevel: z.number().int(),
        withoutEvidence: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'IidSidSheet' });

export const iidAnswerState = z
  .object({
    periodId: z.string(),
    innovationId: z.string().nullable(),
    indicatorId: z.string(),
    ...answerFields,
    /** The innovation's status after the change (an answer changed after verification sends it back). */
    innovationStatus: innovationStatus.nullable(),
  })
  .meta({ id: 'IidAnswer' });

/**
 * An SPD answer. For an indicator whose parameters are thresholds on a figure (the sheet's `figure`),
 * send the figure and its source instead of a level: the server chooses the level from it.
 */
export const spdAnswerBody = iidAnswerBody.extend({
  figure: z
    .object({
      value: z.string().trim().min(1, 'Angka wajib diisi').max(20, 'Angka paling panjang 20 karakter'),
      source: z
        .string()
        .trim()
        .min(1, 'Sumber angka wajib diisi (mis. BPS, Berita Resmi Statistik Maret 2025)')
        .max(300, 'Sumber paling panjang 300 karakter'),
      sourceUrl: z
        .url({ protocol: /^https?$/, error: 'Tautan sumber harus berupa URL http(s)' })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
});
export type SpdAnswerInput = z.infer<typeof spdAnswerBody>;

export const spdLinkEvidenceBody = linkEvidenceBody.omit({ target: true });
export const spdUploadEvidenceQuery = uploadEvidenceQuery.omit({ target: true });
export const spdEvidenceList = z.object({ items: z.array(evidenceItem) });

export type IidProjectionResponse = z.infer<typeof iidProjectionResponse>;
export type WhatIfResponse = z.infer<typeof whatIfResponse>;
export type IidLever = z.infer<typeof iidLever>;
export type SpdSheet = z.infer<typeof spdSheet>;
export type SidSheet = z.infer<typeof sidSheet>;
export type IidAnswerState = z.infer<typeof iidAnswerState>;
