/**
 * Issuing, listing and revoking the region's API tokens, and finding the token behind a bearer
 * header (the access check in http/plugins.ts calls `resolveApiToken`; app.ts wires it in).
 * The token is shown once, in the answer that issues it; only its SHA-256 is stored, and the audit
 * entry names the token by its public id, never by its secret.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { parseToken, TOKEN_PREFIX } from '#domain/access/api-tokens.ts';
import type { Permission } from '#domain/access/roles.ts';
import type { ApiToken, ApiTokenCreated } from '#shared/api/api-tokens.ts';
import type { Db } from '#server/db/client.ts';
import { apiTokens } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import type { TokenCaller } from '#server/http/plugins.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { type ApiTokenRow, findApiToken } from './api-tokens.queries.ts';

const DAY_MS = 86_400_000;
/** A screen that polls every few seconds writes its last use at most this often. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest();

export function statusOf(row: Pick<ApiTokenRow, 'revokedAt' | 'expiresAt'>, now: Date): ApiToken['status'] {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt && row.expiresAt <= now) return 'expired';
  return 'active';
}

export function presentApiToken(row: ApiTokenRow, now: Date): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: `${TOKEN_PREFIX}${row.publicId}`,
    scopes: row.scopes,
    status: statusOf(row, now),
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedByName: row.revokedByName,
  };
}

/** What the audit log keeps of a token: what it is and may do, never its secret or hash. */
function auditView(row: typeof apiTokens.$inferSelect) {
  return {
    name: row.name,
    prefix: `${TOKEN_PREFIX}${row.publicId}`,
    scopes: row.scopes,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function issueApiToken(
  ctx: ServiceContext,
  regionCode: string,
  input: { name: string; scopes: Permission[]; validDays: number | null },
): Promise<ApiTokenCreated> {
  const publicId = randomBytes(6).toString('hex');
  const token = `${TOKEN_PREFIX}${publicId}_${randomBytes(32).toString('base64url')}`;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        regionCode,
        name: input.name,
        publicId,
        tokenHash: sha256(token).toString('hex'),
        scopes: input.scopes,
        createdBy: ctx.actor.id,
        createdAt: ctx.now,
        expiresAt: input.validDays === null ? null : new Date(ctx.now.getTime() + input.validDays * DAY_MS),
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, { action: 'api_token.created', entityType: 'api_token', entityId: row.id, regionCode, after: auditView(row) });
    const view = presentApiToken({ ...row, createdByName: ctx.actor.displayName, revokedByName: null }, ctx.now);
    return { ...view, token };
  });
}

/** Revoking stops the token at its next request; revoking it again changes nothing. */
export async function revokeApiToken(ctx: ServiceContext, regionCode: string, id: string): Promise<ApiToken> {
  return ctx.db.transaction(async (tx) => {
    const row = await findApiToken(tx, regionCode, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.revokedAt) return presentApiToken(row, ctx.now);
    const [revoked] = await tx.update(apiTokens).set({ revokedAt: ctx.now, revokedBy: ctx.actor.id }).where(eq(apiTokens.id, id)).returning();
    if (!revoked) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, {
      action: 'api_token.revoked',
      entityType: 'api_token',
      entityId: id,
      regionCode,
      before: auditView(row),
      after: auditView(revoked),
    });
    return presentApiToken({ ...revoked, createdByName: row.createdByName, revokedByName: ctx.actor.displayName }, ctx.now);
  });
}

/** Compared against when the public id is unknown, so an unknown token costs the same as a wrong one. */
const DECOY_HASH = sha256(`${TOKEN_PREFIX}decoy`);

/**
 * The token behind a bearer header, or null when it is malformed, unknown, wrong, revoked or expired
 * (the caller answers 401 for all of them alike). The stored hash is compared in constant time, and an
 * unknown public id is compared against a decoy, so the answer's timing tells nothing.
 */
export async function resolveApiToken(db: Db, token: string, now: Date): Promise<TokenCaller | null> {
  const parsed = parseToken(token);
  if (!parsed) return null;
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.publicId, parsed.publicId));
  const presented = sha256(token);
  const stored = row ? Buffer.from(row.tokenHash, 'hex') : DECOY_HASH;
  const isMatch = stored.length === presented.length && timingSafeEqual(stored, presented) && row !== undefined;
  if (!row || !isMatch || statusOf(row, now) !== 'active') return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // The condition repeats the check in SQL, so two requests in the same minute write once.
    const threshold = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lte(apiTokens.lastUsedAt, threshold))));
  }
  return { id: row.id, publicId: row.publicId, name: row.name, regionCode: row.regionCode, scopes: row.scopes };
}
