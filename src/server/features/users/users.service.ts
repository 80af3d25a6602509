/** Use cases on the accounts of one region: create, edit, deactivate, reset password. */
import { and, eq } from 'drizzle-orm';
import { canAssignRole, type Role } from '#domain/access/roles.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { uniqueConstraintOf } from '#server/db/errors.ts';
import { sessions, users } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { hashPassword, passwordRefusal } from '#server/platform/passwords.ts';
import { unitOf } from '#server/platform/records.ts';
import { findUser, type UserRow } from './users.queries.ts';

export interface UserFields {
  email: string | null;
  displayName: string;
  role: Role;
  unitId: string | null;
}

function snapshot(u: { username?: string; email: string | null; displayName: string; role: string; unitId: string | null; isActive?: boolean }) {
  return { username: u.username, email: u.email, displayName: u.displayName, role: u.role, unitId: u.unitId, isActive: u.isActive };
}

async function checkRoleAndUnit(ctx: ServiceContext, db: DbOrTx, regionCode: string, input: UserFields) {
  if (input.role === 'admin_nasional') {
    throw fieldError('body.role', 'Admin nasional tidak terikat pada satu daerah; buat dengan perintah CLI create-admin');
  }
  if (!canAssignRole(ctx.actor, input.role)) throw new AppError('FORBIDDEN');
  if (input.role === 'operator' && !input.unitId) throw fieldError('body.unitId', 'Operator wajib terikat pada satu unit');
  if (input.unitId && !(await unitOf(db, regionCode, input.unitId))) {
    throw fieldError('body.unitId', 'Unit tidak ditemukan di daerah ini');
  }
}

/**
 * Usernames and e-mail addresses are unique across the whole install, because either one logs in
 * and the login form names no region. A clash must be refused, but the refusal says only that the
 * name cannot be used: the same words whether the holder is in this region or another, and never
 * who or where, so a regional admin cannot probe which people have accounts in other regions. E-mail
 * stays unique install-wide rather than per region for the same reason it is unique at all: per
 * region, one address could open two accounts and the login could not tell which one is meant.
 */
const NAME_UNAVAILABLE = 'Nama pengguna tidak tersedia, pilih nama lain';
const EMAIL_UNAVAILABLE = 'Alamat surel ini tidak dapat dipakai, gunakan alamat surel lain';

function rethrowUnique(err: unknown): never {
  const c = uniqueConstraintOf(err);
  if (c === 'users_username_uq') throw fieldError('body.username', NAME_UNAVAILABLE);
  if (c === 'users_email_uq') throw fieldError('body.email', EMAIL_UNAVAILABLE);
  throw err;
}

async function checkPassword(field: string, password: string, owner: { username: string; displayName: string; email: string | null }) {
  const refusal = await passwordRefusal(password, owner);
  if (refusal) throw fieldError(field, refusal);
}

export async function createUser(ctx: ServiceContext, regionCode: string, input: UserFields & { username: string; password: string }) {
  await checkPassword('body.password', input.password, input);
  const passwordHash = await hashPassword(input.password);
  return ctx.db
    .transaction(async (tx) => {
      await checkRoleAndUnit(ctx, tx, regionCode, input);
      const [created] = await tx
        .insert(users)
        .values({
          username: input.username,
          email: input.email,
          displayName: input.displayName,
          role: input.role,
          unitId: input.unitId,
          regionCode,
          passwordHash,
        })
        .returning({ id: users.id });
      if (!created) throw new AppError('INTERNAL');
      await recordAudit(tx, ctx, {
        action: 'user.created',
        entityType: 'user',
        entityId: created.id,
        regionCode,
        after: snapshot({ ...input, isActive: true }),
      });
      return created.id;
    })
    .catch(rethrowUnique);
}

async function loadForChange(ctx: ServiceContext, tx: DbOrTx, regionCode: string, id: string, version: number): Promise<UserRow> {
  const current = await findUser(tx, regionCode, id);
  if (!current) throw new AppError('NOT_FOUND');
  if (current.version !== version) throw new AppError('STALE_VERSION');
  // A regional admin cannot change accounts of a role they could not give.
  if (!canAssignRole(ctx.actor, current.role as Role)) throw new AppError('FORBIDDEN');
  return current;
}

export async function updateUser(ctx: ServiceContext, regionCode: string, id: string, input: UserFields & { version: number }) {
  return ctx.db
    .transaction(async (tx) => {
      const current = await loadForChange(ctx, tx, regionCode, id, input.version);
      await checkRoleAndUnit(ctx, tx, regionCode, input);
      if (id === ctx.actor.id && input.role !== current.role) {
        throw fieldError('body.role', 'Anda tidak dapat mengubah peran akun Anda sendiri');
      }
      const { version, ...fields } = input;
      await tx
        .update(users)
        .set({ ...fields, version: version + 1, updatedAt: ctx.now })
        .where(and(eq(users.id, id), eq(users.regionCode, regionCode), eq(users.version, version)));
      if (fields.role !== current.role) await tx.delete(sessions).where(eq(sessions.userId, id));
      await recordAudit(tx, ctx, {
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        regionCode,
        before: snapshot(current),
        after: snapshot({ ...fields, username: current.username }),
      });
    })
    .catch(rethrowUnique);
}

/** Deactivating ends the account's sessions at once; reactivating also lifts a lockout. */
export async function setUserActive(ctx: ServiceContext, regionCode: string, id: string, input: { isActive: boolean; version: number }) {
  await ctx.db.transaction(async (tx) => {
    const current = await loadForChange(ctx, tx, regionCode, id, input.version);
    if (id === ctx.actor.id && !input.isActive) throw fieldError('body.isActive', 'Anda tidak dapat menonaktifkan akun Anda sendiri');
    await tx
      .update(users)
      .set({
        isActive: input.isActive,
        version: input.version + 1,
        updatedAt: ctx.now,
        ...(input.isActive ? { lockedUntil: null, failedLogins: 0 } : {}),
      })
      .where(and(eq(users.id, id), eq(users.regionCode, regionCode)));
    if (!input.isActive) await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, ctx, {
      action: input.isActive ? 'user.activated' : 'user.deactivated',
      entityType: 'user',
      entityId: id,
      regionCode,
      before: { isActive: current.isActive },
      after: { isActive: input.isActive },
    });
  });
}

/** An admin sets a new password for a user (who forgot theirs); their sessions end and a lockout lifts. */
export async function resetUserPassword(ctx: ServiceContext, regionCode: string, id: string, password: string) {
  const target = await findUser(ctx.db, regionCode, id);
  if (!target) throw new AppError('NOT_FOUND');
  if (!canAssignRole(ctx.actor, target.role as Role)) throw new AppError('FORBIDDEN');
  await checkPassword('body.password', password, target);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const current = await findUser(tx, regionCode, id);
    if (!current) throw new AppError('NOT_FOUND');
    if (!canAssignRole(ctx.actor, current.role as Role)) throw new AppError('FORBIDDEN');
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: ctx.now, lockedUntil: null, failedLogins: 0, updatedAt: ctx.now })
      .where(and(eq(users.id, id), eq(users.regionCode, regionCode)));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, ctx, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
      regionCode,
    });
  });
}
