/**
 * Weak ETags for public pages that browsers and proxies may keep for a minute and then ask again about:
 * an unchanged page answers 304 without a body.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

export const notModified = z.null().describe('Tidak berubah sejak ETag yang dikirim dalam If-None-Match');

/** The tag of a page's JSON text (pass the text itself when it is already written, e.g. a kept page). */
export function weakEtagOf(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return `W/"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`;
}

/** Weak comparison (RFC 9110 §13.1.2): a client may send a list of tags, or `*`. */
function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** Sets the caching headers; true when the client already has this version (answer 304). */
export function isNotModified(request: FastifyRequest, reply: FastifyReply, etag: string, cacheControl: string): boolean {
  reply.header('etag', etag).header('cache-control', cacheControl);
  return matchesIfNoneMatch(request.headers['if-none-match'], etag);
}
