/** The one error type services throw for outcomes the caller must hear about; see src/shared/errors.ts. */
import { ERROR_CATALOG, type ErrorCode, type FieldIssue } from '#shared/errors.ts';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, options: { issues?: FieldIssue[]; detail?: string } = {}) {
    super(options.detail ?? ERROR_CATALOG[code].en);
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues;
  }

  get status(): number {
    return ERROR_CATALOG[this.code].status;
  }
}

/** A single-field validation failure, for rules that a schema cannot express (uniqueness, hierarchy). */
export function fieldError(field: string, reason: string): AppError {
  return new AppError('VALIDATION_FAILED', { issues: [{ field, reason }] });
}
