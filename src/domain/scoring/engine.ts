/**
 * The scoring engine's entry point: evaluate(framework, input) for any framework file. Pure: no
 * files, network, database or clock; the same framework version and input always give the same
 * result, so an old assessment re-scores identically. User mistakes come back as errors naming
 * the indicator, never as exceptions or silent zeros.
 */
import type { Framework } from './framework.schema.ts';
import { evaluateInnovations } from './iid.ts';
import { evaluateSurvey } from './ikm.ts';
import type { Evaluation } from './result.ts';

export { classify } from './result.ts';
import { evaluateValues } from './weighted.ts';

export type {
  Evaluation,
  EvaluationResult,
  EvaluationWarning,
  InputError,
  InputErrorCode,
  NodeResult,
  WarningCode,
} from './result.ts';

/**
 * Scores `input` with a framework that parseFramework accepted.
 * - values:      {"values": {"<indicatorId>": <number>}}  (SPBE levels, Pemdi decimals, smart city)
 * - survey:      {"responses": [{"U1": 4, ..., "U9": 3}, ...]}  (IKM)
 * - innovations: {"spd": {"<id>": <0–3>}, "innovations": [{"values": {...}, "urusan": [...]}]}  (IID)
 */
export function evaluate(framework: Framework, input: unknown): Evaluation {
  switch (framework.inputKind) {
    case 'values':
      return evaluateValues(framework, input);
    case 'survey':
      return evaluateSurvey(framework, input);
    case 'innovations':
      return evaluateInnovations(framework, input);
  }
}
