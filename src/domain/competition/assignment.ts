/** Assigning judges to entries: no judge of the entry's own unit or with a declared conflict, loads balanced. */
import type { AssignmentInput, AssignmentResult } from './types.ts';

export function assignJudges(_input: AssignmentInput): AssignmentResult {
  throw new Error('not yet');
}
