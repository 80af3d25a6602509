/**
 * Logging in and out, sessions, and password changes. Sessions live in the database (hashed token),
 * so any app instance behind a load balancer can serve any request.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Actor, Role } from '#domain/access/roles.ts';
import type { Db } from '#server/db/client.ts';
import { regions, sessions, units, users } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { RequestOrigin, ServiceContext, SessionActor } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { decoyPasswordHash, hashPassword, passwordRefusal, verifyPassword } from '#server/platform/passwords.ts';

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

/**
 * Counts a failed login and locks the account when the count reaches the limit, in one statement: the
 * database adds one to the stored count, so parallel attempts cannot each read the same count and
 * write back one more. A locked account is not counted further (the update matches no row), so the
 * lock ends when it should; an unknown username runs the same update against an id no account has.
 */
async function countFailedLogin(
  db: Db,
  policy: AuthPolicy,
  user: { id: string; username: string; regionCode: string | null } | null,
  origin: RequestOrigin,
  now: Date,
): Promise<void> {
  const lockUntil = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
  const reachesLimit = sql`${users.failedLogins} + 1 >= ${policy.maxFailures}`;
  await db.transaction(async (tx) => {
    const [counted] = await tx
      .update(users)
      .set({
        failedLogins: sql`case when ${reachesLimit} then 0 else ${users.failedLogins} + 1 end`,
        lockedUntil: sql`case when ${reachesLimit} then ${lockUntil.toISOString()}::timestamptz else null end`,
      })
      .where(and(eq(users.id, user?.id ?? NO_ACCOUNT), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
      .returning({ lockedUntil: users.lockedUntil });
    if (user && counted?.lockedUntil) {
      await recordAudit(
        tx,
        { actor: { id: user.id, username: user.username }, origin },
        {
          action: 'user.locked',
          entityType: 'user',
          entityId: user.id,
          regionCode: user.regionCode,
          after: { failures: policy.maxFailures, lockoutMinutes: policy.lockoutMinutes },
        },
      );
    }
  });
}

/** No account has this id: a failed login for an unknown username counts against it and matches no row. */
const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

export async function login(
  db: Db,
  policy: AuthPolicy,
  input: { username: string; password: string },
  origin: RequestOrigin,
  now: Date,
): Promise<LoginResult> {
  const name = input.username.trim().toLowerCase();
  const [user] = await db
    .select()
    .from(users)
    .where(or(eq(sql`lower(${users.username})`, name), eq(sql`lower(${users.email})`, name)))
    .limit(1);
  // A refused attempt does the same work whether the account exists, is locked or not: one argon2id
  // verification and one counting update. So neither the answer nor its timing tells a guesser which
  // usernames are real, and the lock shows only to someone who knows the password.
  const isValid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!user || !isValid) {
    await countFailedLogin(db, policy, user ?? null, origin, now);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil > now) throw new AppError('ACCOUNT_LOCKED');
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
    await recordAudit(
      tx,
      { actor: { id: user.id, username: user.username }, origin },
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        regionCode: user.regionCode,
      },
    );
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

const sessionQuery = (db: Db) =>
  db
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
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now')), eq(users.isActive, true)))
    .limit(1)
    // Every signed-in request asks this: named, so each connection plans it once (planning cost more than running it).
    .prepare('session_actor');

const preparedSessionQueries = new WeakMap<Db, ReturnType<typeof sessionQuery>>();

/** The actor behind a session cookie, or null when the session is unknown, expired or its user inactive. */
export async function resolveSession(db: Db, token: string, now: Date): Promise<SessionActor | null> {
  const id = hashToken(token);
  let query = preparedSessionQueries.get(db);
  if (query === undefined) {
    query = sessionQuery(db);
    preparedSessionQueries.set(db, query);
  }
  const [row] = await query.execute({ id, now });
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
  const refusal = await passwordRefusal(input.newPassword, user);
  if (refusal) throw fieldError('body.newPassword', refusal);
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
