/** Rubric scoring: weighted scores, the panel's aggregate with optional normalisation, ranking, stages, advancing. */
import { z } from 'zod';
import type { AdvanceRule, AggregateInput, AggregateResult, CombineInput, Ranked, RankInput, Rubric } from './types.ts';

export type { Rubric };

export const rubricSchema: z.ZodType<Rubric> = z.any();

export function weightedScore(_rubric: Rubric, _scores: Record<string, string>): string {
  throw new Error('not yet');
}

export function aggregateStage(_input: AggregateInput): AggregateResult {
  throw new Error('not yet');
}

export function rankEntries(_entries: RankInput[]): Ranked[] {
  throw new Error('not yet');
}

export function combineStages(_input: CombineInput): Record<string, string> {
  throw new Error('not yet');
}

export function advance(_ranked: Ranked[], _rule: AdvanceRule): string[] {
  throw new Error('not yet');
}
