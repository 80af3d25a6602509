/**
 * What an evaluation returns, and the last step every engine shares: rounding the published
 * values where the framework says, naming the predicate, and writing the explanation of each node.
 */
import { describeBand, findBand } from './bands.ts';
import { formatId, formatRoundedId, Ratio } from './decimal.ts';
import type { Framework, FrameworkNode } from './framework.schema.ts';
import { roundingFor } from './tree.ts';

export type InputErrorCode = 'INVALID_INPUT' | 'UNKNOWN_INDICATOR' | 'MISSING_VALUE' | 'INVALID_VALUE' | 'OUT_OF_RANGE' | 'NO_DATA';

/** A problem with the caller's input, naming the indicator (or null for the input as a whole). */
export interface InputError {
  indicator: string | null;
  code: InputErrorCode;
  message: string;
  messageEn: string;
  /** 0-based position of the innovation (IID) the error is about. */
  innovation?: number;
  /** 0-based position of the survey response (IKM) the error is about. */
  respondent?: number;
}

export type WarningCode = 'DEFAULT_USED' | 'EMPTY_SEATS' | 'YANDAS_SHORT' | 'EMPTY_RESPONSE';

/** Something the result is computed with but a person should know (a default, an empty seat). */
export interface EvaluationWarning {
  indicator: string | null;
  code: WarningCode;
  message: string;
  messageEn: string;
}

export interface NodeResult {
  id: string;
  name: string;
  kind: string;
  parent: string | null;
  /** The value as published: rounded half-up where the framework rounds this kind, else exact. */
  index: string;
  /** The unrounded value (exact, or to 12 decimals when its expansion does not end). */
  value: string;
  predicate: string | null;
  grade?: string | null;
  weight: string | null;
  /** How much this node adds to the root's value (unrounded, 12 decimals at most). */
  contribution: string;
  /** The value given in the input, for indicators. */
  input?: string | null;
  details?: Record<string, string | number>;
  /** How the number was computed, in plain Indonesian. */
  explanation: string;
}

export interface EvaluationResult {
  framework: string;
  version: string;
  name: string;
  /** The published index, e.g. "4.77". */
  index: string;
  /** The unrounded index. */
  value: string;
  predicate: string | null;
  grade?: string | null;
  nodes: Record<string, NodeResult>;
  warnings: EvaluationWarning[];
  /** IID: the score of each innovation (kematangan), in input order. */
  innovations?: Array<{ position: number; score: string }>;
  /** IKM: the number of responses counted. */
  respondents?: number;
}

export type Evaluation = { ok: true; result: EvaluationResult } | { ok: false; errors: InputError[] };

/** One node as an engine computed it, before rounding and predicates. */
export interface ComputedNode {
  node: FrameworkNode;
  parentId: string | null;
  value: Ratio;
  /** contribution = value × factor. */
  factor: Ratio;
  /** The computation in words, e.g. "Σ(bobot × nilai) ÷ Σ bobot = 62,4 ÷ 13 = 4,8." */
  how: string;
  input?: string | null;
  details?: Record<string, string | number>;
}

/**
 * The predicate a value of a node kind gets under the framework's bands, as the engine would
 * assign it (rounded first when the framework classifies published values). Null when the kind
 * has no predicates. Useful for targets ("what predicate does 3.50 give?") and for tests.
 */
export function classify(framework: Framework, kind: string, value: Ratio): { published: string; predicate: string | null; grade: string | null } {
  const rounding = roundingFor(framework, kind);
  const rounded = rounding === undefined ? null : value.roundHalfUp(rounding.places);
  const published = rounded === null || rounding === undefined ? value.toPlain(12) : rounded.toFixed(rounding.places);
  const predicates = framework.predicates;
  if (!predicates?.appliesTo.includes(kind)) return { published, predicate: null, grade: null };
  const basis = predicates.basis === 'rounded' && rounded !== null ? Ratio.fromDecimal(rounded) : value;
  const band = findBand(predicates.bands, basis);
  return { published, predicate: band?.name ?? null, grade: band?.grade ?? null };
}

export function finalize(
  framework: Framework,
  computed: readonly ComputedNode[],
  warnings: EvaluationWarning[],
  extra: Pick<EvaluationResult, 'innovations' | 'respondents'> = {},
): EvaluationResult {
  const nodes: Record<string, NodeResult> = {};
  const predicates = framework.predicates;
  const rootName = framework.root.name;
  for (const c of computed) {
    const { node } = c;
    const rounding = roundingFor(framework, node.kind);
    const rounded = rounding === undefined ? null : c.value.roundHalfUp(rounding.places);
    const index = rounded === null || rounding === undefined ? c.value.toPlain(12) : rounded.toFixed(rounding.places);
    const sentences = [c.how];
    if (rounded !== null && rounding !== undefined) {
      const shown = formatRoundedId(rounded, rounding.places);
      sentences.push(
        Ratio.fromDecimal(rounded).eq(c.value)
          ? `Nilai terbit ${shown}.`
          : `Nilai terbit ${shown} (dibulatkan setengah ke atas ke ${rounding.places} desimal).`,
      );
    }
    let predicate: string | null = null;
    let grade: string | null | undefined;
    if (predicates?.appliesTo.includes(node.kind)) {
      const basis = predicates.basis === 'rounded' && rounded !== null ? Ratio.fromDecimal(rounded) : c.value;
      const band = findBand(predicates.bands, basis);
      predicate = band?.name ?? null;
      if (predicates.bands.some((b) => b.grade !== undefined)) grade = band?.grade ?? null;
      sentences.push(
        band === null
          ? 'Nilai ini tidak masuk rentang predikat mana pun.'
          : `Predikat ${band.name}${band.grade === undefined ? '' : ` (mutu ${band.grade})`} karena ${describeBand(band)}.`,
      );
    }
    const contribution = c.value.mul(c.factor);
    if (c.parentId !== null) sentences.push(`Sumbangan ke ${rootName}: ${formatId(contribution)}.`);
    const result: NodeResult = {
      id: node.id,
      name: node.name,
      kind: node.kind,
      parent: c.parentId,
      index,
      value: c.value.toPlain(12),
      predicate,
      weight: node.weight ?? null,
      contribution: contribution.toPlain(12),
      explanation: sentences.join(' '),
    };
    if (grade !== undefined) result.grade = grade;
    if (c.input !== undefined) result.input = c.input;
    if (c.details !== undefined) result.details = c.details;
    nodes[node.id] = result;
  }
  const root = nodes[framework.root.id];
  if (root === undefined) throw new Error('The root node was not computed');
  const out: EvaluationResult = {
    framework: framework.id,
    version: framework.version,
    name: framework.name,
    index: root.index,
    value: root.value,
    predicate: root.predicate,
    nodes,
    warnings,
    ...extra,
  };
  if (root.grade !== undefined) out.grade = root.grade;
  return out;
}
