/** Queries on the users of one region (always filtered by region in SQL). */
import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Role } from '#domain/access/roles.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { units, users } from '#server/db/schema.ts';
import { escapeLike, offsetOf } from '#server/db/sql-helpers.ts';

const userColumns = {
  id: users.id,
  username: users.username,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  regionCode: users.regionCode,
  unitId: users.unitId,
  unitName: units.name,
  isActive: users.isActive,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  version: users.version,
};

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

export interface UserFilter {
  q?: string | undefined;
  role?: Role | undefined;
  status: 'active' | 'inactive' | 'all';
  sort: 'username' | 'displayName' | 'role' | 'createdAt' | 'lastLoginAt';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const SORT = {
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
};

export async function listUsers(db: DbOrTx, regionCode: string, f: UserFilter) {
  const conds: SQL[] = [eq(users.regionCode, regionCode)];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    const match = or(ilike(users.username, like), ilike(users.displayName, like), ilike(users.email, like));
    if (match) conds.push(match);
  }
  if (f.role) conds.push(eq(users.role, f.role));
  if (f.status !== 'all') conds.push(eq(users.isActive, f.status === 'active'));
  const where = and(...conds);
  const direction = f.order === 'desc' ? desc : asc;
  const [items, [total]] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .leftJoin(units, eq(units.id, users.unitId))
      .where(where)
      .orderBy(direction(SORT[f.sort]), asc(users.id))
      .limit(f.pageSize)
      .offset(offsetOf(f.page, f.pageSize)),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findUser(db: DbOrTx, regionCode: string, id: string) {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.regionCode, regionCode), eq(users.id, id)));
  return row;
}
