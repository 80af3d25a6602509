/**
 * Recording the append-only audit log. Every feature's writes call `recordAudit` inside their own
 * transaction, so a write and its audit entry land together or not at all.
 */
import type { DbOrTx } from '#server/db/client.ts';
import { auditLog } from '#server/db/schema.ts';
import type { RequestOrigin, SessionActor } from '#server/http/context.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  regionCode: string | null;
  before?: unknown;
  after?: unknown;
}

/** Call inside the transaction of the write it records, so both land or neither does. */
export async function recordAudit(
  db: DbOrTx,
  who: { actor: Pick<SessionActor, 'id' | 'username'> | null; origin: RequestOrigin | null },
  entry: AuditEntry,
): Promise<void> {
  await db.insert(auditLog).values({
    actorId: who.actor?.id ?? null,
    actorUsername: who.actor?.username ?? null,
    ip: who.origin?.ip ?? null,
    userAgent: who.origin?.userAgent ?? null,
    requestId: who.origin?.requestId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    regionCode: entry.regionCode,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
