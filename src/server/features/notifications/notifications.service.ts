/**
 * A user's own notifications and preferences: the bell's count, the centre's list (unread first), marking
 * read, and the choice per kind of e-mail at once, in the daily digest, or not at all. Every query is
 * scoped to the caller: another user's notification is simply not found.
 */
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import {
  type Delivery,
  NOTIFICATION_KIND_LIST,
  type NotificationItem,
  type NotificationPreferences,
  renderNotification,
} from '#shared/api/notifications.ts';
import type { Db } from '#server/db/client.ts';
import { notificationPreferences, notificationSettings, notifications, users } from '#server/db/schema.ts';
import { offsetOf } from '#server/db/sql-helpers.ts';
import { AppError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { choiceFor, languageOf } from '#server/platform/notifications/notify.ts';

async function languageOfUser(db: Db, userId: string) {
  const [row] = await db
    .select({ language: notificationSettings.language })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  return languageOf(row?.language);
}

export async function unreadCountOf(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function listNotifications(ctx: ServiceContext, query: { page: number; pageSize: number; filter: 'all' | 'unread' }) {
  const userId = ctx.actor.id;
  const where = and(eq(notifications.userId, userId), query.filter === 'unread' ? isNull(notifications.readAt) : undefined);
  const [rows, [total], unread, language] = await Promise.all([
    ctx.db
      .select()
      .from(notifications)
      .where(where)
      // Unread first, then newest first; the id breaks ties so pages never overlap.
      .orderBy(sql`(${notifications.readAt} is null) desc`, desc(notifications.createdAt), desc(notifications.id))
      .limit(query.pageSize)
      .offset(offsetOf(query.page, query.pageSize)),
    ctx.db.select({ n: count() }).from(notifications).where(where),
    unreadCountOf(ctx.db, userId),
    languageOfUser(ctx.db, userId),
  ]);
  const items: NotificationItem[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    ...renderNotification(r.kind, r.params, language),
    link: r.link,
    isRead: r.readAt !== null,
    createdAt: r.createdAt.toISOString(),
  }));
  return { items, total: total?.n ?? 0, page: query.page, pageSize: query.pageSize, unread };
}

/** Marks one of the caller's notifications read; someone else's is not found. Marking twice is harmless. */
export async function markRead(ctx: ServiceContext, id: string): Promise<void> {
  const [row] = await ctx.db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${ctx.now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, ctx.actor.id)))
    .returning({ id: notifications.id });
  if (!row) throw new AppError('NOT_FOUND');
}

export async function markAllRead(ctx: ServiceContext): Promise<number> {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now })
    .where(and(eq(notifications.userId, ctx.actor.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function getPreferences(ctx: ServiceContext, emailEnabled: boolean): Promise<NotificationPreferences> {
  const [saved, language, [me]] = await Promise.all([
    ctx.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, ctx.actor.id)),
    languageOfUser(ctx.db, ctx.actor.id),
    ctx.db.select({ email: users.email }).from(users).where(eq(users.id, ctx.actor.id)),
  ]);
  const byKind = new Map(saved.map((p) => [p.kind, { email: p.email, delivery: p.delivery as Delivery }]));
  return {
    language,
    emailEnabled,
    hasEmailAddress: Boolean(me?.email),
    kinds: NOTIFICATION_KIND_LIST.map((kind) => ({ kind, ...choiceFor(kind, byKind.get(kind)) })),
  };
}

export async function savePreferences(
  ctx: ServiceContext,
  input: { language: 'id' | 'en'; kinds: { kind: (typeof NOTIFICATION_KIND_LIST)[number]; email: boolean; delivery: Delivery }[] },
): Promise<void> {
  const seen = new Set<string>();
  const issues = input.kinds.flatMap((k, n) => {
    if (seen.has(k.kind)) return [{ field: `body.kinds.${n}.kind`, reason: 'Jenis notifikasi disebut lebih dari sekali' }];
    seen.add(k.kind);
    return [];
  });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { issues });
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(notificationSettings)
      .values({ userId: ctx.actor.id, language: input.language, updatedAt: ctx.now })
      .onConflictDoUpdate({ target: notificationSettings.userId, set: { language: input.language, updatedAt: ctx.now } });
    for (const k of input.kinds) {
      await tx
        .insert(notificationPreferences)
        .values({ userId: ctx.actor.id, kind: k.kind, email: k.email, delivery: k.delivery, updatedAt: ctx.now })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { email: k.email, delivery: k.delivery, updatedAt: ctx.now },
        });
    }
    await recordAudit(tx, ctx, {
      action: 'notification_preferences.updated',
      entityType: 'user',
      entityId: ctx.actor.id,
      regionCode: ctx.actor.regionCode,
      after: input,
    });
  });
}
