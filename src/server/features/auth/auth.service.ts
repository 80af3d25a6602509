/**
 * Logging in and out, sessions, and password changes. Sessions live in the database (hashed token),
 * so any app instance behind a load balancer can serve any request.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne, or, sql } from 'drizzle-orm';
import type { Actor, Role } from '#domain/access/roles.ts';
import type { Db } from '#server/db/client.ts';
import { regions, sessions, units, users } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import type { RequestOrigin, ServiceContext, SessionActor } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from '#server/platform/passwords.ts';

export interface AuthPolicy {
  sessionHours: number;
  maxFailures: number;
  lockoutMinutes: number;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  actor: SessionActor;
}

export async function login(
  db: Db,
  policy: AuthPolicy,
  input: { username: string; password: string },
  origin: RequestOrigin,
  now: Date,
): Promise<LoginResult> {
  const [user] = await db
    .select()
    .from(users)
    .where(
      or(eq(sql`lower(${users.username})`, input.username.trim().toLowerCase()), eq(sql`lower(${users.email})`, input.username.trim().toLowerCase())),
    )
    .limit(1);
  if (!user) {
    await burnPasswordCheck(input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError('ACCOUNT_LOCKED');
  }
  const isValid = await verifyPassword(user.passwordHash, input.password);
  const who = { actor: { id: user.id, username: user.username }, origin };
  if (!isValid) {
    const failures = (user.lockedUntil ? 0 : user.failedLogins) + 1;
    const lock = failures >= policy.maxFailures;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          failedLogins: lock ? 0 : failures,
          lockedUntil: lock ? new Date(now.getTime() + policy.lockoutMinutes * 60_000) : null,
        })
        .where(eq(users.id, user.id));
      if (lock) {
        await recordAudit(tx, who, {
          action: 'user.locked',
          entityType: 'user',
          entityId: user.id,
          regionCode: user.regionCode,
          after: { failures, lockoutMinutes: policy.lockoutMinutes },
        });
      }
    });
    throw new AppError(lock ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
  }
  if (!user.isActive) throw new AppError('ACCOUNT_INACTIVE');

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + policy.sessionHours * 3_600_000);
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      id: hashToken(token),
      userId: user.id,
      expiresAt,
      ip: origin.ip,
      userAgent: origin.userAgent,
      createdAt: now,
      lastSeenAt: now,
    });
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(lt(sessions.expiresAt, now));
    await recordAudit(tx, who, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      regionCode: user.regionCode,
    });
  });
  return {
    token,
    expiresAt,
    actor: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role as Role,
      regionCode: user.regionCode,
      unitId: user.unitId,
      sessionId: hashToken(token),
    },
  };
}

/** The actor behind a session cookie, or null when the session is unknown, expired or its user inactive. */
export async function resolveSession(db: Db, token: string, now: Date): Promise<SessionActor | null> {
  const id = hashToken(token);
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      regionCode: users.regionCode,
      unitId: users.unitId,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.isActive, true)))
    .limit(1);
  if (!row) return null;
  // Touch at most once a minute: a write per request would cost more than it tells.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  const actor: Actor = { id: row.id, role: row.role as Role, regionCode: row.regionCode, unitId: row.unitId };
  return { ...actor, username: row.username, displayName: row.displayName, sessionId: id };
}

export async function logout(ctx: ServiceContext): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, ctx.actor.sessionId));
    await recordAudit(tx, ctx, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: ctx.actor.id,
      regionCode: ctx.actor.regionCode,
    });
  });
}

/** Changes the caller's password and ends their other sessions (a stolen one stops working). */
export async function changePassword(ctx: ServiceContext, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.id)).limit(1);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError('WRONG_PASSWORD');
  if (input.currentPassword === input.newPassword) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ field: 'body.newPassword', reason: 'Kata sandi baru harus berbeda dari kata sandi lama' }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: ctx.now, updatedAt: ctx.now }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, ctx.actor.sessionId)));
    await recordAudit(tx, ctx, {
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: user.id,
      regionCode: user.regionCode,
    });
  });
}

export async function getMe(ctx: ServiceContext) {
  const [row] = await ctx.db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      email: users.email,
      role: users.role,
      regionCode: regions.code,
      regionName: regions.name,
      regionKind: regions.kind,
      unitId: units.id,
      unitName: units.name,
    })
    .from(users)
    .leftJoin(regions, eq(regions.code, users.regionCode))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, ctx.actor.id))
    .limit(1);
  if (!row) throw new AppError('UNAUTHENTICATED');
  return row;
}
