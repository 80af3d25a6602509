/**
 * The rubrics a competition stage may be scored with: the engine's shipped rubrics
 * (frameworks/rubrik-*.json, checked by its rubric schema). A stage stores the rubric's code; a code
 * that is not shipped is refused when the competition is set up.
 */
import { loadShippedRubrics, SHIPPED_RUBRIC_CODES, loadShippedRubric, type ShippedRubricCode } from '#domain/competition/rubrics.ts';
import type { Rubric } from '#domain/competition/types.ts';

export function shippedRubrics(): Rubric[] {
  return loadShippedRubrics();
}

export function rubricByCode(code: string): Rubric | undefined {
  return (SHIPPED_RUBRIC_CODES as readonly string[]).includes(code) ? loadShippedRubric(code as ShippedRubricCode) : undefined;
}
