/** Recognising Postgres errors through the driver wrappers (drizzle wraps the driver's error in `cause`). */
function pgCode(err: unknown): { code?: string; constraint?: string } {
  let e: unknown = err;
  for (let i = 0; i < 3 && e && typeof e === 'object'; i++) {
    const o = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof o.code === 'string' && /^[0-9A-Z]{5}$/.test(o.code)) {
      return { code: o.code, ...(typeof o.constraint === 'string' ? { constraint: o.constraint } : {}) };
    }
    e = o.cause;
  }
  return {};
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const { code, constraint: c } = pgCode(err);
  return code === '23505' && (constraint === undefined || c === undefined || c === constraint);
}

export function uniqueConstraintOf(err: unknown): string | undefined {
  const { code, constraint } = pgCode(err);
  return code === '23505' ? constraint : undefined;
}
