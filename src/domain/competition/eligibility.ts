/** Whether an innovation may enter a competition: the competition's rules as data, checked one by one. */
import { z } from 'zod';
import type { EligibilityContext, EligibilityResult, EligibilityRules, EntryCandidate } from './types.ts';

export const eligibilityRulesSchema: z.ZodType<EligibilityRules> = z.any();

export function checkEligibility(_rules: EligibilityRules, _candidate: EntryCandidate, _ctx: EligibilityContext): EligibilityResult {
  throw new Error('not yet');
}
