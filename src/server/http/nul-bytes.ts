/**
 * Postgres cannot store the NUL character (U+0000) in text or JSON, so a string carrying one would fail
 * deep in a query and answer 500. No field of ours has a use for it, so it is refused here, once, for
 * every route: in the path and the query before anything looks at them (the access check may look a
 * region up), in a parsed JSON body before validation. A session cookie carrying one cannot be a token
 * we issued: it is dropped, and the request simply has no session.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FieldIssue } from '#shared/errors.ts';
import { sendError } from './errors.ts';

export const NUL_REASON = 'Tidak boleh memuat karakter NUL';

/** The first place in `value` where a string (or an object key) holds a NUL, as a dotted path under `root`; null if none. */
export function findNul(value: unknown, root: string): string | null {
  // Iterative, not recursive: a JSON body may nest deeper than the call stack allows.
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: root }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const current = next.value;
    if (typeof current === 'string') {
      if (current.includes('\0')) return next.path;
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: `${next.path}.${i}` });
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      // Raw uploads (buffers) are files: their bytes are never stored as text.
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const entry = entries[i];
        if (entry === undefined) continue;
        const [key, child] = entry;
        if (key.includes('\0')) return next.path;
        stack.push({ value: child, path: `${next.path}.${key}` });
      }
    }
  }
  return null;
}

function nulIssue(request: FastifyRequest, parts: ReadonlyArray<readonly [string, unknown]>): FieldIssue | null {
  for (const [root, value] of parts) {
    const field = findNul(value, root);
    if (field !== null) {
      request.log.info({ field }, 'NUL character refused');
      return { field, reason: NUL_REASON };
    }
  }
  return null;
}

/** Registers the checks; call before the session and access hook so they run first. */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(request.cookies)) {
      if (value?.includes('\0')) delete request.cookies[name];
    }
    const issue = nulIssue(request, [
      ['params', request.params],
      ['querystring', request.query],
    ]);
    if (issue) return sendError(reply, 'VALIDATION_FAILED', [issue]);
  });
  app.addHook('preValidation', async (request, reply) => {
    const issue = nulIssue(request, [['body', request.body]]);
    if (issue) return sendError(reply, 'VALIDATION_FAILED', [issue]);
  });
}
