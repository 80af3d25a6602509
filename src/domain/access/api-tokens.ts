/**
 * Machine access for a region's command-centre screen: an API token that an admin issues, that reads
 * and never writes, and only in its own region. A token holds a list of permissions (its scope), each
 * of them a read permission from the list below; the access check lets a token through only to GET
 * routes of its region whose permission is in its scope. Pure: the HTTP layer asks these questions.
 */
import type { Permission } from './roles.ts';

/** What a token may be given. Only read permissions: a screen on a wall never changes anything. */
export const TOKEN_SCOPES = ['dashboard.read'] as const satisfies readonly Permission[];
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Every token starts so, so a leaked one is recognisable in a log, a repository or a chat. */
export const TOKEN_PREFIX = 'snrg_';

/**
 * `snrg_<public id>_<secret>`: the public id (12 hex characters) names the token in logs and in the
 * list of tokens; the secret is 32 random bytes in base64url.
 */
const TOKEN_SHAPE = /^snrg_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export function parseToken(token: string): { publicId: string } | null {
  const match = TOKEN_SHAPE.exec(token);
  return match?.[1] ? { publicId: match[1] } : null;
}

export function isReadOnlyPermission(permission: Permission): boolean {
  return permission.endsWith('.read');
}

/** Reading is GET (and the HEAD that Fastify answers beside it); everything else writes. */
export function isReadMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

export interface TokenHolder {
  regionCode: string;
  scopes: readonly string[];
}

export type TokenVerdict = 'allowed' | 'not_read' | 'other_region' | 'outside_scope';

/** Whether a token may call a regional route; anything that is not a regional route is refused before. */
export function tokenMayCall(token: TokenHolder, method: string, regionCode: string, permission: Permission): TokenVerdict {
  if (!isReadMethod(method)) return 'not_read';
  if (token.regionCode !== regionCode) return 'other_region';
  if (!isReadOnlyPermission(permission) || !token.scopes.includes(permission)) return 'outside_scope';
  return 'allowed';
}
