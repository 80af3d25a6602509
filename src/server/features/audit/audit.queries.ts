/** Reading the append-only audit log (writing it is the platform's `recordAudit`). */
import { and, count, desc, eq, gte, ilike, lte, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/client.ts';
import { escapeLike, offsetOf } from '#server/db/sql-helpers.ts';
import { auditLog } from '#server/db/schema.ts';

export interface AuditFilter {
  regionCode: string;
  q?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  actor?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  page: number;
  pageSize: number;
}

export async function listAudit(db: DbOrTx, f: AuditFilter) {
  const conds: SQL[] = [eq(auditLog.regionCode, f.regionCode)];
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.entityType) conds.push(eq(auditLog.entityType, f.entityType));
  if (f.actor) conds.push(ilike(auditLog.actorUsername, `%${escapeLike(f.actor)}%`));
  if (f.from) conds.push(gte(auditLog.at, f.from));
  if (f.to) conds.push(lte(auditLog.at, f.to));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    const match = or(ilike(auditLog.entityId, like), ilike(auditLog.action, like), ilike(auditLog.actorUsername, like));
    if (match) conds.push(match);
  }
  const where = and(...conds);
  const [items, [total]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
