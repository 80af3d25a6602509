/**
 * Text that the database cannot store is refused here, once, for every route, rather than failing deep
 * in a query with a 500: the NUL character (Postgres text and JSON cannot hold U+0000) and half of a
 * UTF-16 surrogate pair (no valid UTF-8, and JSON columns such as the audit log refuse it). No field of
 * ours has a use for either. The path and the query are checked before anything looks at them (the
 * access check may look a region up), a parsed JSON body before validation. A session cookie carrying
 * one cannot be a token we issued: it is dropped, and the request simply has no session.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FieldIssue } from '#shared/errors.ts';
import { sendError } from './errors.ts';

export const NUL_REASON = 'Tidak boleh memuat karakter NUL';
export const BROKEN_UNICODE_REASON = 'Memuat karakter Unicode yang rusak (surrogate tanpa pasangan)';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored, or null when it can. */
export function unstorableReason(text: string): string | null {
  if (text.includes('\0')) return NUL_REASON;
  if (LONE_SURROGATE.test(text)) return BROKEN_UNICODE_REASON;
  return null;
}

/** The first string (or object key) in `value` that cannot be stored, as a dotted path under `root` with the reason; null if none. */
export function findUnstorableText(value: unknown, root: string): FieldIssue | null {
  // Iterative, not recursive: a JSON body may nest deeper than the call stack allows.
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: root }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const current = next.value;
    if (typeof current === 'string') {
      const reason = unstorableReason(current);
      if (reason) return { field: next.path, reason };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: `${next.path}.${i}` });
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      // Raw uploads (buffers) are files: their bytes are never stored as text.
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const entry = entries[i];
        if (entry === undefined) continue;
        const [key, child] = entry;
        const reason = unstorableReason(key);
        if (reason) return { field: next.path, reason };
        stack.push({ value: child, path: `${next.path}.${key}` });
      }
    }
  }
  return null;
}

function firstIssue(request: FastifyRequest, parts: ReadonlyArray<readonly [string, unknown]>): FieldIssue | null {
  for (const [root, value] of parts) {
    const issue = findUnstorableText(value, root);
    if (issue) {
      request.log.info({ field: issue.field }, 'unstorable text refused');
      return issue;
    }
  }
  return null;
}

/** Registers the checks; call before the session and access hook so they run first. */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(request.cookies)) {
      if (value !== undefined && unstorableReason(value)) delete request.cookies[name];
    }
    const issue = firstIssue(request, [
      ['params', request.params],
      ['querystring', request.query],
    ]);
    if (issue) return sendError(reply, 'VALIDATION_FAILED', [issue]);
  });
  app.addHook('preValidation', async (request, reply) => {
    const issue = firstIssue(request, [['body', request.body]]);
    if (issue) return sendError(reply, 'VALIDATION_FAILED', [issue]);
  });
}
