/**
 * The shape of an indicator framework file (frameworks/*.json): one version of one index (SPBE
 * 2020, Indeks Pemdi 2026, IID 2023, ...) as data. The engine reads only what this schema allows,
 * so a new year's rules are a new file, never new code. Semantic rules that a shape cannot express
 * (unique ids, weights that add up, bands that neither overlap nor leave gaps) live in
 * framework-checks.ts. Numbers that feed a score are written as strings ("1.30", "1/9") so that no
 * binary float ever enters a score.
 */
import { z } from 'zod';
import { DECIMAL_PATTERN, WEIGHT_PATTERN } from './decimal.ts';

export const ID_PATTERN = /^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$/;
export const FRAMEWORK_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const decimalText = z.string().regex(DECIMAL_PATTERN);
const weightText = z.string().regex(WEIGHT_PATTERN);

/** How sure the sources are: [V] verified, [S] one secondary source, [U] uncertain or inferred. */
export const ConfidenceSchema = z.enum(['verified', 'secondary', 'uncertain']);
export type Confidence = z.infer<typeof ConfidenceSchema>;

const annotation = {
  confidence: ConfidenceSchema.optional(),
  note: z.string().min(1).optional(),
};

export const LevelSchema = z.strictObject({
  level: z.number().int().min(0).max(10),
  name: z.string().min(1),
  criteria: z.string().min(1).optional(),
  /** The criteria text was rebuilt from the level pattern because the transcription is faulty. */
  reconstructed: z.boolean().optional(),
  ...annotation,
});

export const ParameterSchema = z.strictObject({
  level: z.number().int().min(1).max(10),
  label: z.string().min(1),
  /** Points of this parameter; the indicator's score is weight × points. */
  points: decimalText,
  ...annotation,
});

export const LikertOptionSchema = z.strictObject({
  value: z.number().int().min(0).max(10),
  label: z.string().min(1),
});

export const UrusanSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
});

/** One measurement basis of an indicator: a key (a–f), its name, and what each level means on it. */
export const MeasurementBasisSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9]{1,8}$/),
  name: z.string().min(1),
  levels: z.array(z.strictObject({ level: z.number().int().min(1).max(10), label: z.string().min(1) })).min(1),
  ...annotation,
});
export type MeasurementBasis = z.infer<typeof MeasurementBasisSchema>;

export const URUSAN_COUNTED = ['utama', 'utama-dan-irisan'] as const;
export const UrusanCountedSchema = z.enum(URUSAN_COUNTED);
export type UrusanCounted = z.infer<typeof UrusanCountedSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * Rules of an innovations framework (IID) that are not part of the score: which innovations are
 * eligible to be reported, and which verified innovations count in the verified index. Every field
 * may be left out; what a missing field means is written beside it and in docs/scoring/iid-2026.md.
 */
export const InnovationRulesSchema = z.strictObject({
  eligibility: z
    .strictObject({
      /**
       * The first penerapan must fall in [from, to] (inclusive); with `developmentQualifies`, an
       * innovation first applied before `from` still qualifies when its latest documented development
       * (a date and a description) falls in the window. Left out or null: no window is checked.
       */
      window: z
        .strictObject({
          from: isoDate,
          to: isoDate,
          developmentQualifies: z.boolean(),
          ...annotation,
        })
        .nullable()
        .optional(),
      /** The rancang bangun's minimum length in words. Left out: 300 (every known guideline and form). */
      rancangBangunMinWords: z.number().int().min(0).optional(),
      /** Whether the mandatory (wajib) SID indicators must be claimed. Left out: true. */
      mandatoryIndicatorsFilled: z.boolean().optional(),
      ...annotation,
    })
    .optional(),
  /**
   * Which verified innovations count in the verified index (its n, the divisor and the count score):
   * every terverifikasi innovation, or only those that are also eligible. Left out: eligible only.
   */
  verifiedCounts: z.enum(['all-verified', 'eligible-verified']).optional(),
  ...annotation,
});
export type InnovationRules = z.infer<typeof InnovationRulesSchema>;

/**
 * Profile vocabularies of an innovations framework (IID) that change by year: the tematik an innovation
 * of a period scored by this framework may name. Left out: the 2023 form's list
 * (DEFAULT_TEMATIK_OPTIONS in domain/innovations/profile.ts), so older files keep what they had.
 */
export const InnovationProfileSchema = z.strictObject({
  tematik: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9_]{1,60}$/),
        name: z.string().min(1).max(200),
      }),
    )
    .min(1)
    .optional(),
  ...annotation,
});
export type InnovationProfile = z.infer<typeof InnovationProfileSchema>;

/**
 * A figure the region enters for an SPD indicator whose parameters are thresholds on it (a rate in %,
 * an audit opinion); the server chooses the parameter from it. Numeric thresholds are inclusive at both
 * ends and are checked in the order listed: the first whose range holds the figure gives the level
 * (so where a source's ranges overlap, the one listed first wins). `decimals` is the precision the
 * figure is entered with, so ranges such as ≤ 69,99 / 70,00–79,99 leave no gap. `example`: data a
 * region is expected to adjust (contoh, sesuaikan), not a transcribed rule.
 */
export const FigureThresholdSchema = z.strictObject({
  level: z.number().int().min(1).max(10),
  min: decimalText.optional(),
  max: decimalText.optional(),
});
export const FigureSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('numeric'),
    name: z.string().min(1),
    unit: z.string(),
    decimals: z.number().int().min(0).max(6),
    thresholds: z.array(FigureThresholdSchema).min(1),
    example: z.boolean().optional(),
    ...annotation,
  }),
  z.strictObject({
    kind: z.literal('category'),
    name: z.string().min(1),
    unit: z.string(),
    options: z
      .array(z.strictObject({ key: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/), label: z.string().min(1), level: z.number().int().min(1).max(10) }))
      .min(1),
    example: z.boolean().optional(),
    ...annotation,
  }),
]);
export type Figure = z.infer<typeof FigureSchema>;

export const ScaleSchema = z.discriminatedUnion('type', [
  /** Maturity levels (SPBE tingkat 1–5): the input is one of the listed integer levels. */
  z.strictObject({
    type: z.literal('levels'),
    levels: z.array(LevelSchema).min(1),
  }),
  /**
   * IID parameters 1–3 with labels and points; `zero` allows level 0 (not filled, no evidence).
   * `bases`: alternative measurement bases (basis ukur) of one indicator, of which the innovation
   * chooses one and its parameters are read on it (IID 2026 indicator 33, a–f); the points stay the
   * scale's, only the wording of each level changes.
   */
  z.strictObject({
    type: z.literal('parameters'),
    zero: z.strictObject({ label: z.string().min(1) }).optional(),
    parameters: z.array(ParameterSchema).min(1),
    bases: z.array(MeasurementBasisSchema).min(2).optional(),
    /** SPD only: the figure the parameter is chosen from (see FigureSchema). */
    figure: FigureSchema.optional(),
  }),
  /** A decimal value within [min, max] (Indeks Pemdi indicator values, smart-city dimensions). */
  z.strictObject({
    type: z.literal('decimal'),
    min: decimalText,
    max: decimalText,
    ...annotation,
  }),
  /** Survey answers (SKM 1–4); the node's value is the mean of the answers given. */
  z.strictObject({
    type: z.literal('likert'),
    options: z.array(LikertOptionSchema).min(2),
  }),
  /** IID "Jumlah Inovasi": MIN(n, cap) × perItem, counted only when the urusan gate is met. */
  z.strictObject({
    type: z.literal('count'),
    perItem: decimalText,
    cap: z.number().int().min(1),
    gate: z
      .strictObject({
        minimum: z.number().int().min(0),
        /**
         * Which of an innovation's urusan cover the gate: its urusan utama only, or its irisan too.
         * Left out: utama only (the only transcription of the 2026 guideline counts utama).
         */
        counts: UrusanCountedSchema.optional(),
        urusan: z.array(UrusanSchema).min(1),
        ...annotation,
      })
      .optional(),
    ...annotation,
  }),
]);
export type Scale = z.infer<typeof ScaleSchema>;

export const AggregationSchema = z.discriminatedUnion('rule', [
  /** Σ(weight × value) ÷ Σ weight over the children (SPBE, Pemdi, smart city). */
  z.strictObject({ rule: z.literal('weighted-mean') }),
  /** Σ(weight × value) × multiplier (IKM: Σ NRR × 1/9 × 25). */
  z.strictObject({ rule: z.literal('weighted-sum'), multiplier: decimalText.optional() }),
  /** Σ value (IID: scores already carry their weight). */
  z.strictObject({ rule: z.literal('sum') }),
  /** IID SID: Σ innovation scores ÷ MAX(minDivisor, n), plus the count children. */
  z.strictObject({ rule: z.literal('innovation-average'), minDivisor: z.number().int().min(1), ...annotation }),
  /** Σ children ÷ maximum × 100 (IID: total score ÷ 250 × 100). */
  z.strictObject({ rule: z.literal('percent-of-max'), maxScore: decimalText.optional() }),
]);
export type Aggregation = z.infer<typeof AggregationSchema>;

export const WhenMissingSchema = z.strictObject({
  /** The value used when the input leaves this indicator out (reported as a warning). */
  value: decimalText,
  note: z.string().min(1),
});

export interface FrameworkNode {
  id: string;
  kind: string;
  name: string;
  code?: string | undefined;
  description?: string | undefined;
  weight?: string | undefined;
  mandatory?: boolean | undefined;
  aggregation?: Aggregation | undefined;
  scale?: Scale | undefined;
  whenMissing?: z.infer<typeof WhenMissingSchema> | undefined;
  evidenceHints?: string[] | undefined;
  confidence?: Confidence | undefined;
  note?: string | undefined;
  children?: FrameworkNode[] | undefined;
}

export const NodeSchema: z.ZodType<FrameworkNode> = z.strictObject({
  id: z.string().regex(ID_PATTERN),
  /** Free word naming the level of the tree: indeks, domain, aspek, variabel, indikator, unsur ... */
  kind: z.string().regex(/^[a-z][a-z-]*$/),
  name: z.string().min(1),
  code: z.string().min(1).optional(),
  description: z.string().min(1).optional(),
  weight: weightText.optional(),
  /** Wajib: the value must be given (unless whenMissing says what a missing value means). */
  mandatory: z.boolean().optional(),
  aggregation: AggregationSchema.optional(),
  scale: ScaleSchema.optional(),
  whenMissing: WhenMissingSchema.optional(),
  evidenceHints: z.array(z.string().min(1)).optional(),
  ...annotation,
  get children() {
    return z.array(NodeSchema).min(1).optional();
  },
});

export const BandEdgeSchema = z.strictObject({
  value: decimalText,
  inclusive: z.boolean(),
});

export const BandSchema = z.strictObject({
  name: z.string().min(1),
  /** A short grade (IKM mutu pelayanan A–D); reported as `grade` beside the predicate. */
  grade: z.string().min(1).optional(),
  /** A second name for the band (e.g. the level name of the Pemdi scale). */
  label: z.string().min(1).optional(),
  /** Lower edge; null means unbounded. */
  min: BandEdgeSchema.nullable(),
  /** Upper edge; null means unbounded. */
  max: BandEdgeSchema.nullable(),
  ...annotation,
});
export type Band = z.infer<typeof BandSchema>;

export const PredicatesSchema = z.strictObject({
  /** Classify the value as published (rounded) or the exact value. */
  basis: z.enum(['rounded', 'exact']),
  /** Node kinds that receive a predicate (e.g. ["indeks", "domain", "aspek"]). */
  appliesTo: z.array(z.string().min(1)).min(1),
  bands: z.array(BandSchema).min(1),
  ...annotation,
});

export const RoundingSchema = z.strictObject({
  places: z.number().int().min(0).max(12),
  mode: z.literal('half-up'),
  /** Node kinds whose published value is rounded this way; other kinds are shown unrounded. */
  appliesTo: z.array(z.string().min(1)).min(1),
  ...annotation,
});

export const SourceSchema = z.strictObject({
  citation: z.string().min(1),
  documents: z
    .array(
      z.strictObject({
        title: z.string().min(1),
        url: z.string().min(1).optional(),
        ...annotation,
      }),
    )
    .min(1),
  confidence: ConfidenceSchema,
  note: z.string().min(1).optional(),
});

export const FrameworkSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(FRAMEWORK_ID_PATTERN),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  name: z.string().min(1),
  description: z.string().min(1).optional(),
  /** Which input the framework takes: values per indicator, survey responses, or innovations. */
  inputKind: z.enum(['values', 'survey', 'innovations']),
  effectiveYears: z.strictObject({
    from: z.number().int().min(2000).max(2100),
    to: z.number().int().min(2000).max(2100).nullable(),
  }),
  source: SourceSchema,
  /**
   * absolute: every weight is a share of the whole index, so a parent's weight equals the sum of
   * its children's (SPBE 13 % = 10 × 1.30 %); relative: weights only compare siblings.
   */
  weights: z.strictObject({
    mode: z.enum(['absolute', 'relative']),
    total: decimalText.optional(),
  }),
  rounding: z.array(RoundingSchema),
  predicates: PredicatesSchema.nullable(),
  /**
   * Names of the whole values of a decimal scale (Indeks Pemdi: 1 Rintisan … 5 Optimum), read by
   * truncation (1.24 is "1 Rintisan"), as the assessor's sheet labels an index. Left out: no names.
   */
  valueNames: z
    .strictObject({
      rule: z.literal('truncate'),
      names: z.array(z.strictObject({ value: z.number().int().min(0).max(10), name: z.string().min(1) })).min(1),
      ...annotation,
    })
    .optional(),
  /** Only for `inputKind: innovations` (IID): eligibility and which verified innovations count. */
  innovationRules: InnovationRulesSchema.optional(),
  innovationProfile: InnovationProfileSchema.optional(),
  notes: z
    .array(
      z.strictObject({
        confidence: ConfidenceSchema,
        text: z.string().min(1),
      }),
    )
    .optional(),
  root: NodeSchema,
});

export type Framework = z.infer<typeof FrameworkSchema>;
export type Predicates = z.infer<typeof PredicatesSchema>;
export type Rounding = z.infer<typeof RoundingSchema>;
