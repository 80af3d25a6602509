/**
 * The daily digest: for each user who chose "ringkasan harian" for some kinds, one e-mail listing what
 * they were told since the last digest and have not read in the app yet. One mail per user and day
 * (the outbox's dedupe key), and each notification goes into one digest only, so a second run of the
 * job the same day sends nothing more.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type NotificationLanguage, renderNotification } from '#shared/api/notifications.ts';
import type { Db } from '#server/db/client.ts';
import { mailOutbox, notificationSettings, notifications, users } from '#server/db/schema.ts';
import { languageOf } from '#server/platform/notifications/notify.ts';
import { absoluteLink } from './outbox.ts';
import { wibDate } from '#domain/schedule/wib.ts';

const DIGEST_TEXT: Record<NotificationLanguage, { subject: (n: number) => string; intro: string; all: string }> = {
  id: {
    subject: (n) => `Ringkasan harian Sinergi: ${n} notifikasi belum dibaca`,
    intro: 'Berikut notifikasi Anda sejak ringkasan terakhir yang belum dibaca:',
    all: 'Semua notifikasi',
  },
  en: {
    subject: (n) => `Sinergi daily digest: ${n} unread ${n === 1 ? 'notification' : 'notifications'}`,
    intro: 'Your notifications since the last digest that you have not read yet:',
    all: 'All notifications',
  },
};

/** The calendar day of `now` in Indonesia's western time, the day a digest is named after. */
export function digestDay(now: Date): string {
  return wibDate(now);
}

/** Writes the digests that are due into the outbox; returns how many mails were queued. */
export async function queueDigests(db: Db, options: { now: Date; publicUrl: string | null }): Promise<number> {
  const waiting = await db.selectDistinct({ userId: notifications.userId }).from(notifications).where(eq(notifications.digestState, 'pending'));
  let queued = 0;
  const day = digestDay(options.now);
  for (const { userId } of waiting) {
    queued += await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.digestState, 'pending')))
        .orderBy(asc(notifications.createdAt))
        .for('update', { skipLocked: true });
      if (rows.length === 0) return 0;
      const markSent = () =>
        tx
          .update(notifications)
          .set({ digestState: 'sent' })
          .where(
            inArray(
              notifications.id,
              rows.map((r) => r.id),
            ),
          );
      const unread = rows.filter((r) => r.readAt === null);
      const [person] = await tx
        .select({ email: users.email, isActive: users.isActive, language: notificationSettings.language })
        .from(users)
        .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
        .where(eq(users.id, userId));
      // Read in the app already, or nowhere to send: these need no digest.
      if (unread.length === 0 || !person?.email || !person.isActive) {
        await markSent();
        return 0;
      }
      const language = languageOf(person.language);
      const text = DIGEST_TEXT[language];
      const lines = unread.map((n) => {
        const { title } = renderNotification(n.kind, n.params, language);
        return `• ${title}\n  ${absoluteLink(options.publicUrl, n.link)}`;
      });
      const inserted = await tx
        .insert(mailOutbox)
        .values({
          userId,
          toAddress: person.email,
          subject: text.subject(unread.length),
          body: `${text.intro}\n\n${lines.join('\n\n')}\n\n${text.all}:`,
          link: '/notifikasi',
          dedupeKey: `digest:${userId}:${day}`,
        })
        .onConflictDoNothing()
        .returning({ id: mailOutbox.id });
      // Today's digest already went out (a second run): these wait for tomorrow's.
      if (inserted.length > 0) await markSent();
      return inserted.length;
    });
  }
  return queued;
}
