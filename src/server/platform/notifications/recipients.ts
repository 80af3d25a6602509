/**
 * Who to tell: the people of a unit with a role (a unit's operators), the admins of a region. Only
 * active accounts; the caller adds or removes people (the author, the actor) as the event needs.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Role } from '#domain/access/roles.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { users } from '#server/db/schema.ts';

/** The active users of a unit holding one of `roles` (by default its operators). */
export async function unitMembers(db: DbOrTx, regionCode: string, unitIds: string | readonly string[], roles: readonly Role[] = ['operator']) {
  const units = typeof unitIds === 'string' ? [unitIds] : [...unitIds];
  if (units.length === 0) return [];
  return db
    .select({ id: users.id, unitId: users.unitId })
    .from(users)
    .where(and(eq(users.regionCode, regionCode), inArray(users.unitId, units), inArray(users.role, [...roles]), eq(users.isActive, true)));
}

/** The ids of a unit's active users holding one of `roles`. */
export async function unitMemberIds(db: DbOrTx, regionCode: string, unitId: string, roles: readonly Role[] = ['operator']): Promise<string[]> {
  return (await unitMembers(db, regionCode, unitId, roles)).map((u) => u.id);
}

/** The ids of a region's active users with one of `roles` (by default its admins). */
export async function regionUserIds(db: DbOrTx, regionCode: string, roles: readonly Role[] = ['admin_daerah']): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.regionCode, regionCode), inArray(users.role, [...roles]), eq(users.isActive, true)));
  return rows.map((r) => r.id);
}

/** Everyone to tell, once each, without the person who acted (they know what they did). */
export function recipientsExcept(actorId: string | null | undefined, ...groups: readonly (string | null | undefined)[][]): string[] {
  const all = new Set(groups.flat().filter((id): id is string => typeof id === 'string'));
  if (actorId) all.delete(actorId);
  return [...all];
}
