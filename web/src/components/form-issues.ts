/**
 * Places the API's field issues (`body.name`) next to the form's fields (`name`). Issues about
 * fields the form does not have are returned, to be shown above the form.
 */
import type { ReactNode } from 'react';
import type { FieldIssue } from '#shared/errors.ts';
import { isApiError } from '../api/http.ts';

interface FieldErrorTarget {
  setFieldError: (path: string, error: ReactNode) => void;
}

export function fieldOf(issue: FieldIssue): string {
  return issue.field.startsWith('body.') ? issue.field.slice('body.'.length) : issue.field;
}

export function placeFieldIssues(form: FieldErrorTarget, error: unknown, fields: readonly string[]): FieldIssue[] {
  if (!isApiError(error)) return [];
  const unplaced: FieldIssue[] = [];
  for (const issue of error.issues) {
    const field = fieldOf(issue);
    if (fields.includes(field)) form.setFieldError(field, issue.reason);
    else unplaced.push({ field, reason: issue.reason });
  }
  return unplaced;
}

/** True when every issue of a validation error sits next to a field, so no general alert is needed. */
export function isFullyPlaced(error: unknown, unplaced: FieldIssue[]): boolean {
  return isApiError(error, 'VALIDATION_FAILED') && error.issues.length > 0 && unplaced.length === 0;
}
