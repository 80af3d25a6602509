/**
 * The IKM of running sums. Answers are tallied as they arrive (per unsur: the sum of the answers and
 * how many answered), and the engine's own tree evaluation is fed those sums: NRR = Σ ÷ answered per
 * unsur, then the framework's aggregation, rounding and grade bands. So an IKM over 100,000 answers
 * reads a few rows and still equals what `evaluateSurvey` gives for the raw answers, digit for digit.
 */
import { UNSUR_KEYS, type UnsurKey } from '#domain/services/skm.ts';
import { evaluateTree, type LeafComputation } from '#domain/scoring/aggregate.ts';
import { formatId, Ratio } from '#domain/scoring/decimal.ts';
import type { EvaluationResult } from '#domain/scoring/engine.ts';
import type { Framework } from '#domain/scoring/framework.schema.ts';
import { finalize } from '#domain/scoring/result.ts';
import { leaves } from '#domain/scoring/tree.ts';
import type { IkmResult } from '#shared/api/skm.ts';

export interface UnsurTotals {
  sum: number;
  answered: number;
}

/** What a set of answers adds up to: the respondents, and each unsur's sum and count. */
export interface SurveyTotals {
  responses: number;
  unsur: Record<UnsurKey, UnsurTotals>;
}

export function emptyTotals(): SurveyTotals {
  return { responses: 0, unsur: Object.fromEntries(UNSUR_KEYS.map((k) => [k, { sum: 0, answered: 0 }])) as Record<UnsurKey, UnsurTotals> };
}

/** Adds totals together (shards of one service, services of a unit, units of a region). */
export function addTotals(into: SurveyTotals, other: SurveyTotals): SurveyTotals {
  into.responses += other.responses;
  for (const k of UNSUR_KEYS) {
    into.unsur[k].sum += other.unsur[k].sum;
    into.unsur[k].answered += other.unsur[k].answered;
  }
  return into;
}

/** The totals of raw answers (a respondent's unanswered unsur is left out of that unsur). */
export function totalsOfAnswers(answers: ReadonlyArray<Partial<Record<UnsurKey, number | null>>>): SurveyTotals {
  const totals = emptyTotals();
  for (const a of answers) {
    let any = false;
    for (const k of UNSUR_KEYS) {
      const v = a[k];
      if (v === null || v === undefined) continue;
      totals.unsur[k].sum += v;
      totals.unsur[k].answered += 1;
      any = true;
    }
    if (any) totals.responses += 1;
  }
  return totals;
}

/** The unsur a framework scores must be exactly the nine the tallies keep. */
export function scoresTheNineUnsur(framework: Framework): boolean {
  if (framework.inputKind !== 'survey') return false;
  const ids = leaves(framework.root).map((l) => l.id);
  return ids.length === UNSUR_KEYS.length && UNSUR_KEYS.every((k) => ids.includes(k));
}

/**
 * The engine's result for tallied answers, or null when it cannot be computed (no answers yet, or an
 * unsur nobody answered: the engine refuses those too).
 */
export function evaluateTotals(framework: Framework, totals: SurveyTotals): EvaluationResult | null {
  if (totals.responses === 0) return null;
  // The engine is exact and slow on purpose; the same totals always give the same result, and a period's
  // page asks for dozens of them (each service, unit and the region) while most totals have not moved.
  const key = keyOf(totals);
  const memo = memoOf(framework);
  const known = memo.get(key);
  if (known !== undefined) {
    // Most recently used last, so the oldest entry is the one dropped.
    memo.delete(key);
    memo.set(key, known);
    return known;
  }
  const result = evaluateFresh(framework, totals);
  memo.set(key, result);
  if (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
  return result;
}

const MEMO_LIMIT = 5000;
const MEMOS = new WeakMap<Framework, Map<string, EvaluationResult | null>>();

function memoOf(framework: Framework): Map<string, EvaluationResult | null> {
  let memo = MEMOS.get(framework);
  if (memo === undefined) {
    memo = new Map();
    MEMOS.set(framework, memo);
  }
  return memo;
}

const keyOf = (totals: SurveyTotals) =>
  `${totals.responses}|${UNSUR_KEYS.map((k) => `${totals.unsur[k].sum}/${totals.unsur[k].answered}`).join(',')}`;

function evaluateFresh(framework: Framework, totals: SurveyTotals): EvaluationResult | null {
  const unsur = leaves(framework.root);
  for (const leaf of unsur) {
    const t = totals.unsur[leaf.id as UnsurKey] as UnsurTotals | undefined;
    if (t === undefined || t.answered === 0) return null;
  }
  const computed = evaluateTree(framework.root, (leaf): LeafComputation => {
    const t = totals.unsur[leaf.id as UnsurKey];
    const sum = Ratio.int(t.sum);
    const value = sum.div(Ratio.int(t.answered));
    // The same sentence and details as the engine writes for raw answers.
    return {
      value,
      how: `NRR ${leaf.name} = jumlah nilai ${formatId(sum)} ÷ ${t.answered} responden yang menjawab = ${formatId(value)}.`,
      details: { answered: t.answered, sum: sum.toPlain() },
    };
  });
  return finalize(framework, computed, [], { respondents: totals.responses });
}

/** The contract's shape of an IKM (decimals as strings: the published, rounded values). */
export function presentIkm(result: EvaluationResult, responses: number): IkmResult {
  const unsur: IkmResult['unsur'] = {};
  for (const node of Object.values(result.nodes)) {
    if (node.kind === 'indeks' || node.parent === null) continue;
    unsur[node.id] = { nrr: node.index, answered: Number(node.details?.answered ?? 0) };
  }
  const grade = result.grade;
  return {
    index: result.index,
    grade: grade === 'A' || grade === 'B' || grade === 'C' || grade === 'D' ? grade : 'D',
    gradeName: result.predicate ?? '',
    responses,
    unsur,
  };
}

/** Evaluates and presents in one step; null without answers. */
export function ikmOf(framework: Framework, totals: SurveyTotals): IkmResult | null {
  const result = evaluateTotals(framework, totals);
  return result === null ? null : presentIkm(result, totals.responses);
}

/** Unsur weakest first (by their exact NRR; ties in framework order), as the analysis lists them. */
export function weakestUnsur(result: EvaluationResult): Array<{ unsur: string; name: string; nrr: string }> {
  const unsur = Object.values(result.nodes).filter((n) => n.parent !== null);
  return unsur
    .map((n, i) => ({ n, i, exact: Ratio.from(n.value) }))
    .sort((a, b) => a.exact.cmp(b.exact) || a.i - b.i)
    .map(({ n }) => ({ unsur: n.id, name: n.name, nrr: n.index }));
}
