/**
 * Rubric scoring for competitions: one judge's weighted score of one entry, the panel's score of a
 * stage (optionally with each judge's scores normalised to the panel's mean and spread), the
 * ranking with its tie rule, the combination of stages with a public vote, and who advances.
 * The method, with worked examples, is docs/scoring/kompetisi.md.
 *
 * Arithmetic is exact (fractions of decimal.js integers, see #domain/scoring/decimal.ts): a mean of
 * three judges stays a third, not 0.333…. The only inexact step is a square root that is not a
 * perfect square, taken by Decimal.sqrt to 40 significant digits. Every published number is
 * rounded half-up to 2 places once, at the end.
 */
import { z } from 'zod';
import { DECIMAL_PATTERN, Ratio, sumRatios } from '#domain/scoring/decimal.ts';
import type {
  AdvanceRule,
  AggregateInput,
  AggregateResult,
  CombineInput,
  EntryAggregate,
  JudgeStats,
  Outlier,
  Ranked,
  RankInput,
  Rubric,
  ScoreSheet,
  SheetScore,
  TieBreakKeys,
} from './types.ts';

export type { Rubric };

const HUNDRED = Ratio.int(100);
const PUBLISHED_PLACES = 2;
/** Default outlier threshold: 20 % of the rubric's scale range. */
const DEFAULT_OUTLIER_SHARE = Ratio.from('0.2');

// ---------------------------------------------------------------------------------------------
// Errors

export type RubricScoreErrorCode = 'missing' | 'unknown_criterion' | 'not_a_number' | 'out_of_scale' | 'off_step';

/** A score sheet that cannot be scored; names the criterion (and the sheet, inside a stage). */
export class RubricScoreError extends Error {
  override readonly name = 'RubricScoreError';
  constructor(
    readonly code: RubricScoreErrorCode,
    readonly criterion: string,
    message: string,
    readonly sheet?: { judgeId: string; entryId: string },
  ) {
    super(message);
  }
}

export type CompetitionInputErrorCode = 'duplicate_sheet' | 'weights_sum' | 'missing_stage_score' | 'not_a_number' | 'bad_rule';

/** Input to a stage, combination or advance rule that does not make sense (a caller's mistake). */
export class CompetitionInputError extends Error {
  override readonly name = 'CompetitionInputError';
  constructor(
    readonly code: CompetitionInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function parseNumber(text: string, what: string): Ratio {
  const value = DECIMAL_PATTERN.test(text) ? Ratio.parse(text) : null;
  if (value === null) throw new CompetitionInputError('not_a_number', `${what} harus bilangan desimal bertanda titik, bukan "${text}".`);
  return value;
}

/** Half-up to 2 places, as text with both places ("87.50", "-3.00"). */
function publish(value: Ratio): string {
  return value.roundHalfUp(PUBLISHED_PLACES).toFixed(PUBLISHED_PLACES);
}

// ---------------------------------------------------------------------------------------------
// The rubric

const decimalText = z.string().regex(DECIMAL_PATTERN, { error: 'Harus bilangan desimal bertanda titik sebagai teks, mis. "30" atau "12.5"' });
const codeText = z.string().regex(/^[a-z0-9]+(_[a-z0-9]+)*$/, { error: 'Kode hanya huruf kecil, angka, dan garis bawah (mis. "kebaharuan")' });

/** A rubric file (frameworks/rubrik-*.json) or a competition's own rubric; messages in Indonesian. */
export const rubricSchema = z
  .strictObject({
    code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'Kode rubrik hanya huruf kecil, angka, dan tanda hubung' }),
    name: z.string().trim().min(1, { error: 'Nama rubrik wajib diisi' }),
    scale: z.strictObject({ min: decimalText, max: decimalText, step: decimalText.optional() }),
    criteria: z
      .array(
        z.strictObject({
          code: codeText,
          name: z.string().trim().min(1, { error: 'Nama kriteria wajib diisi' }),
          weight: decimalText,
          descriptors: z.array(z.strictObject({ score: decimalText, text: z.string().trim().min(1, { error: 'Uraian wajib diisi' }) })).optional(),
          note: z.string().min(1).optional(),
        }),
      )
      .min(1, { error: 'Rubrik paling sedikit memuat satu kriteria' }),
    source: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
  })
  .superRefine((rubric, ctx) => {
    // Refinements also run after a non-fatal shape issue (a malformed number), so parse defensively.
    const min = Ratio.parse(rubric.scale.min);
    const max = Ratio.parse(rubric.scale.max);
    const isScale = min !== null && max !== null && min.lt(max);
    if (min !== null && max !== null && !isScale) {
      ctx.addIssue({ code: 'custom', path: ['scale', 'max'], message: 'Nilai maksimum skala harus lebih besar dari minimum' });
    }
    const step = rubric.scale.step === undefined ? null : Ratio.parse(rubric.scale.step);
    if (step !== null) {
      if (!step.gt(Ratio.ZERO)) ctx.addIssue({ code: 'custom', path: ['scale', 'step'], message: 'Langkah skala harus lebih dari 0' });
      else if (isScale && !max.sub(min).div(step).isInteger()) {
        ctx.addIssue({ code: 'custom', path: ['scale', 'step'], message: 'Rentang skala harus habis dibagi langkahnya' });
      }
    }
    const seen = new Set<string>();
    let total = Ratio.ZERO;
    rubric.criteria.forEach((criterion, i) => {
      if (seen.has(criterion.code))
        ctx.addIssue({ code: 'custom', path: ['criteria', i, 'code'], message: `Kode kriteria "${criterion.code}" berulang` });
      seen.add(criterion.code);
      const weight = Ratio.parse(criterion.weight);
      if (weight !== null && !weight.gt(Ratio.ZERO))
        ctx.addIssue({ code: 'custom', path: ['criteria', i, 'weight'], message: 'Bobot harus lebih dari 0' });
      total = total.add(weight ?? Ratio.ZERO);
      criterion.descriptors?.forEach((d, k) => {
        const score = Ratio.parse(d.score);
        if (isScale && score !== null && (score.lt(min) || score.gt(max))) {
          ctx.addIssue({ code: 'custom', path: ['criteria', i, 'descriptors', k, 'score'], message: 'Nilai uraian di luar skala rubrik' });
        }
      });
    });
    if (!total.eq(HUNDRED)) {
      ctx.addIssue({ code: 'custom', path: ['criteria'], message: `Jumlah bobot kriteria harus 100, sekarang ${total.toPlain()}` });
    }
  });

/** Criterion codes from the highest weight down (equal weights keep the rubric's order): the tie-break order. */
export function criteriaByWeight(rubric: Rubric): string[] {
  return rubric.criteria
    .map((c, i) => ({ code: c.code, weight: Ratio.from(c.weight), i }))
    .sort((a, b) => b.weight.cmp(a.weight) || a.i - b.i)
    .map((c) => c.code);
}

/** The tie-break keys of an entry from its per-criterion scores (e.g. EntryAggregate.perCriterion). */
export function tieBreakFromCriteria(rubric: Rubric, perCriterion: Record<string, string>, submittedAt?: string): TieBreakKeys {
  const criterionScores = criteriaByWeight(rubric).map((code) => perCriterion[code] ?? '');
  return submittedAt === undefined ? { criterionScores } : { criterionScores, submittedAt };
}

/** A score on the rubric's scale as a 0–100 score: (score − min) / (max − min) × 100, 2 places. */
export function toPercentScale(rubric: Rubric, score: string): string {
  const min = Ratio.from(rubric.scale.min);
  const max = Ratio.from(rubric.scale.max);
  return publish(parseNumber(score, 'Nilai').sub(min).div(max.sub(min)).mul(HUNDRED));
}

// ---------------------------------------------------------------------------------------------
// One sheet

function checkedScores(rubric: Rubric, scores: Record<string, string>, sheet?: { judgeId: string; entryId: string }): Map<string, Ratio> {
  const min = Ratio.from(rubric.scale.min);
  const max = Ratio.from(rubric.scale.max);
  const step = rubric.scale.step === undefined ? null : Ratio.from(rubric.scale.step);
  const known = new Set(rubric.criteria.map((c) => c.code));
  for (const code of Object.keys(scores)) {
    if (!known.has(code)) throw new RubricScoreError('unknown_criterion', code, `Kriteria "${code}" tidak ada dalam rubrik ${rubric.name}.`, sheet);
  }
  const values = new Map<string, Ratio>();
  for (const criterion of rubric.criteria) {
    const text = scores[criterion.code];
    if (text === undefined || text.trim() === '') {
      throw new RubricScoreError('missing', criterion.code, `Nilai kriteria "${criterion.name}" belum diisi.`, sheet);
    }
    const value = DECIMAL_PATTERN.test(text.trim()) ? Ratio.parse(text) : null;
    if (value === null) {
      throw new RubricScoreError('not_a_number', criterion.code, `Nilai kriteria "${criterion.name}" harus angka, bukan "${text}".`, sheet);
    }
    if (value.lt(min) || value.gt(max)) {
      throw new RubricScoreError(
        'out_of_scale',
        criterion.code,
        `Nilai kriteria "${criterion.name}" (${text}) di luar skala ${rubric.scale.min}–${rubric.scale.max}.`,
        sheet,
      );
    }
    if (step !== null && !value.sub(min).div(step).isInteger()) {
      throw new RubricScoreError(
        'off_step',
        criterion.code,
        `Nilai kriteria "${criterion.name}" (${text}) harus kelipatan ${rubric.scale.step}.`,
        sheet,
      );
    }
    values.set(criterion.code, value);
  }
  return values;
}

function exactWeightedScore(rubric: Rubric, values: Map<string, Ratio>): Ratio {
  return sumRatios(rubric.criteria.map((c) => Ratio.from(c.weight).mul(values.get(c.code) ?? Ratio.ZERO))).div(HUNDRED);
}

/**
 * Σ weight × score / 100 over the rubric's criteria, exact, rounded half-up to 2 places. A missing,
 * unknown, non-numeric, out-of-scale or off-step criterion throws a RubricScoreError naming it.
 */
export function weightedScore(rubric: Rubric, scores: Record<string, string>): string {
  return publish(exactWeightedScore(rubric, checkedScores(rubric, scores)));
}

// ---------------------------------------------------------------------------------------------
// A stage: the panel's scores

function mean(values: readonly Ratio[]): Ratio {
  return values.length === 0 ? Ratio.ZERO : sumRatios(values).div(Ratio.int(values.length));
}

/** Population variance (divide by n, not n − 1: the judge's sheets are all of their sheets). */
function variance(values: readonly Ratio[]): Ratio {
  const m = mean(values);
  return mean(values.map((v) => v.sub(m).mul(v.sub(m))));
}

/** √r: exact when numerator and denominator are perfect squares, else Decimal.sqrt to 40 digits. */
export function sqrtRatio(r: Ratio): Ratio {
  if (r.isNegative()) throw new RangeError('square root of a negative number');
  if (r.isZero()) return Ratio.ZERO;
  const n = r.num.sqrt();
  const d = r.den.sqrt();
  if (n.isInteger() && d.isInteger() && n.times(n).eq(r.num) && d.times(d).eq(r.den)) return Ratio.of(n, d);
  return Ratio.fromDecimal(r.toDecimal().sqrt());
}

type ScoredSheet = { sheet: ScoreSheet; values: Map<string, Ratio>; weighted: Ratio; normalised: Ratio };

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The panel's result for one stage. score = mean of the judges' weighted scores (normalised when
 * asked). Normalisation, per judge j with mean μj and population SD σj over their own sheets, and
 * the overall mean M and SD S over all sheets:  x' = M + (x − μj) / σj × S, clamped to the scale.
 * A judge with one sheet or σj = 0 carries no spread to rescale: x' = x − μj + M. Outliers: a
 * judge whose raw weighted score differs from the mean of the entry's other judges by more than
 * the threshold (default 20 % of the scale range).
 */
export function aggregateStage(input: AggregateInput): AggregateResult {
  const { rubric } = input;
  const min = Ratio.from(rubric.scale.min);
  const max = Ratio.from(rubric.scale.max);
  const threshold =
    input.outlierThreshold === undefined ? max.sub(min).mul(DEFAULT_OUTLIER_SHARE) : parseNumber(input.outlierThreshold, 'Ambang pencilan');
  if (threshold.isNegative()) throw new CompetitionInputError('bad_rule', 'Ambang pencilan tidak boleh negatif.');

  const seen = new Set<string>();
  const scored: ScoredSheet[] = [...input.sheets]
    .sort((a, b) => compareText(a.entryId, b.entryId) || compareText(a.judgeId, b.judgeId))
    .map((sheet) => {
      const key = JSON.stringify([sheet.judgeId, sheet.entryId]);
      if (seen.has(key))
        throw new CompetitionInputError('duplicate_sheet', `Juri ${sheet.judgeId} punya lebih dari satu lembar nilai untuk ${sheet.entryId}.`);
      seen.add(key);
      const values = checkedScores(rubric, sheet.scores, { judgeId: sheet.judgeId, entryId: sheet.entryId });
      const weighted = exactWeightedScore(rubric, values);
      return { sheet, values, weighted, normalised: weighted };
    });

  const all = scored.map((s) => s.weighted);
  const overallMean = mean(all);
  const overallSd = sqrtRatio(variance(all));

  const byJudge = groupBy(scored, (s) => s.sheet.judgeId);
  const judges: JudgeStats[] = [];
  for (const [judgeId, sheets] of byJudge) {
    const values = sheets.map((s) => s.weighted);
    const judgeMean = mean(values);
    const judgeSd = sqrtRatio(variance(values));
    judges.push({ judgeId, mean: publish(judgeMean), sd: publish(judgeSd) });
    if (!input.normalise) continue;
    for (const s of sheets) {
      const centred = s.weighted.sub(judgeMean);
      const rescaled = judgeSd.isZero() ? centred : centred.mul(overallSd).div(judgeSd);
      s.normalised = overallMean.add(rescaled).max(min).min(max);
    }
  }

  const entries: EntryAggregate[] = [];
  const outliers: Outlier[] = [];
  for (const [entryId, sheets] of groupBy(scored, (s) => s.sheet.entryId)) {
    const perCriterion: Record<string, string> = {};
    for (const c of rubric.criteria) perCriterion[c.code] = publish(mean(sheets.map((s) => s.values.get(c.code) ?? Ratio.ZERO)));
    entries.push({ entryId, score: publish(mean(sheets.map((s) => s.normalised))), judgeCount: sheets.length, perCriterion });
    if (sheets.length < 2) continue;
    for (const s of sheets) {
      const others = mean(sheets.filter((o) => o !== s).map((o) => o.weighted));
      const deviation = s.weighted.sub(others);
      const size = deviation.isNegative() ? deviation.neg() : deviation;
      if (size.gt(threshold)) outliers.push({ entryId, judgeId: s.sheet.judgeId, deviation: publish(deviation) });
    }
  }

  const sheets: SheetScore[] = scored.map((s) => ({
    judgeId: s.sheet.judgeId,
    entryId: s.sheet.entryId,
    weighted: publish(s.weighted),
    normalised: publish(s.normalised),
  }));
  judges.sort((a, b) => compareText(a.judgeId, b.judgeId));
  return { entries, judges, outliers, sheets, overall: { mean: publish(overallMean), sd: publish(overallSd) } };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [item]);
    else list.push(item);
  }
  return new Map([...groups].sort((a, b) => compareText(a[0], b[0])));
}

// ---------------------------------------------------------------------------------------------
// Ranking

function criterionKey(text: string | undefined): Ratio | null {
  if (text === undefined || !DECIMAL_PATTERN.test(text)) return null;
  return Ratio.parse(text);
}

/**
 * The tie rule, in order: (1) higher score; (2) higher score on the highest-weight criterion, then
 * the next, … (the order of `tiebreak.criterionScores`; a missing key loses to a present one);
 * (3) earlier submission (`submittedAt`; missing loses); (4) still equal: the same rank, and the
 * next rank skips ("1224" competition ranking), with `tied` set on both.
 */
export function compareForRank(a: RankInput, b: RankInput): number {
  const byScore = parseNumber(b.score, 'Nilai').cmp(parseNumber(a.score, 'Nilai'));
  if (byScore !== 0) return byScore;
  const left = a.tiebreak.criterionScores ?? [];
  const right = b.tiebreak.criterionScores ?? [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = criterionKey(left[i]);
    const y = criterionKey(right[i]);
    if (x === null && y === null) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    const c = y.cmp(x);
    if (c !== 0) return c;
  }
  const ta = a.tiebreak.submittedAt === undefined ? Number.NaN : Date.parse(a.tiebreak.submittedAt);
  const tb = b.tiebreak.submittedAt === undefined ? Number.NaN : Date.parse(b.tiebreak.submittedAt);
  if (Number.isNaN(ta) && Number.isNaN(tb)) return 0;
  if (Number.isNaN(ta)) return 1;
  if (Number.isNaN(tb)) return -1;
  return Math.sign(ta - tb);
}

/** Ranks entries by the tie rule of compareForRank; equal entries are listed by entryId. */
export function rankEntries(entries: RankInput[]): Ranked[] {
  const sorted = [...entries].sort((a, b) => compareForRank(a, b) || compareText(a.entryId, b.entryId));
  const ranked: Ranked[] = [];
  sorted.forEach((entry, i) => {
    const previous = sorted[i - 1];
    const sameAsPrevious = previous !== undefined && compareForRank(previous, entry) === 0;
    const before = ranked[i - 1];
    const rank = sameAsPrevious && before !== undefined ? before.rank : i + 1;
    if (sameAsPrevious && before !== undefined) before.tied = true;
    ranked.push({ entryId: entry.entryId, score: entry.score, rank, tied: sameAsPrevious });
  });
  return ranked;
}

// ---------------------------------------------------------------------------------------------
// Stages and the public vote

/**
 * final = Σ stage weight × stage score / 100 + share × vote score / 100, where the vote score of an
 * entry is its votes / the most votes any entry got × 100 (0 for all when nobody voted). The
 * stages' weights and the vote's share must add up to 100; every entry (the union of the stages'
 * entries) needs a score in every stage. Stage scores are on 0–100 (toPercentScale converts
 * another scale). Exact until the final half-up rounding to 2 places.
 */
export function combineStages(input: CombineInput): Record<string, string> {
  const weights = input.stages.map((s) => parseNumber(s.weight, `Bobot tahap ${s.code}`));
  const share = input.vote === undefined ? Ratio.ZERO : parseNumber(input.vote.share, 'Porsi suara publik');
  const total = sumRatios([...weights, share]);
  if (!total.eq(HUNDRED)) {
    throw new CompetitionInputError('weights_sum', `Jumlah bobot tahap dan porsi suara publik harus 100, sekarang ${total.toPlain()}.`);
  }
  const entryIds = [...new Set(input.stages.flatMap((s) => Object.keys(s.scores)))].sort(compareText);
  const counts = input.vote?.counts ?? {};
  const maxCount = Math.max(0, ...entryIds.map((id) => counts[id] ?? 0));
  const result: Record<string, string> = {};
  for (const entryId of entryIds) {
    let sum = Ratio.ZERO;
    input.stages.forEach((stage, i) => {
      const text = stage.scores[entryId];
      if (text === undefined) throw new CompetitionInputError('missing_stage_score', `Peserta ${entryId} belum punya nilai tahap ${stage.code}.`);
      sum = sum.add((weights[i] ?? Ratio.ZERO).mul(parseNumber(text, `Nilai tahap ${stage.code}`)));
    });
    const votes = counts[entryId] ?? 0;
    if (!Number.isInteger(votes) || votes < 0) throw new CompetitionInputError('not_a_number', `Jumlah suara ${entryId} harus bilangan bulat ≥ 0.`);
    const voteScore = maxCount === 0 ? Ratio.ZERO : Ratio.int(votes).mul(HUNDRED).div(Ratio.int(maxCount));
    result[entryId] = publish(sum.add(share.mul(voteScore)).div(HUNDRED));
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Who advances

/**
 * The entries that go on, in rank order. 'top': every entry ranked n or better, so entries tied
 * at the cut all advance (more than n then). 'passing': every entry scoring at least `min`
 * (KIPP 2025: ≥ 85).
 */
export function advance(ranked: Ranked[], rule: AdvanceRule): string[] {
  const ordered = [...ranked].sort((a, b) => a.rank - b.rank || compareText(a.entryId, b.entryId));
  if (rule.kind === 'top') {
    if (!Number.isInteger(rule.n) || rule.n < 0)
      throw new CompetitionInputError('bad_rule', `Jumlah yang lolos harus bilangan bulat ≥ 0, bukan ${rule.n}.`);
    return ordered.filter((r) => r.rank <= rule.n).map((r) => r.entryId);
  }
  const min = parseNumber(rule.min, 'Nilai batas lolos');
  return ordered.filter((r) => !parseNumber(r.score, 'Nilai').lt(min)).map((r) => r.entryId);
}
