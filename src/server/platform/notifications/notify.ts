/**
 * Telling people: `notify(tx, …)` writes one in-app notification per recipient inside the caller's
 * transaction (a state change that rolls back tells nobody), and per the recipient's preference either
 * queues an e-mail in the outbox or marks the notification for the daily digest. A `dedupeKey` makes it
 * idempotent per recipient: a retried request or a job that runs twice tells each person once.
 *
 * Any module calls it; the kinds and their texts are in `#shared/api/notifications.ts`.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  type Delivery,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationLanguage,
  type NotificationParams,
  renderNotification,
} from '#shared/api/notifications.ts';
import type { Db, DbOrTx } from '#server/db/client.ts';
import { mailOutbox, notificationPreferences, notificationSettings, notifications, users } from '#server/db/schema.ts';
import { wibDate } from '#domain/schedule/wib.ts';

export interface NotifyInput {
  /** User ids; duplicates and inactive accounts are skipped. */
  recipients: readonly string[];
  kind: NotificationKind;
  /** The values the kind's texts name (`{innovation}`, `{deadline}`), already formatted for people. */
  params: NotificationParams;
  /** The object's page in the app, e.g. `/inovasi/{id}`. */
  link: string;
  /** The region the object belongs to (null for install-wide news). */
  regionCode?: string | null;
  /** Same key, same recipient: told once. Name the event, e.g. `innovation_returned:{id}:v{version}`. */
  dedupeKey?: string;
}

export interface Recipient {
  id: string;
  email: string | null;
  language: NotificationLanguage;
}

export interface KindChoice {
  email: boolean;
  delivery: Delivery;
}

/** A user's choice for a kind: theirs when they made one, else the kind's default. */
export function choiceFor(kind: NotificationKind, saved: KindChoice | undefined): KindChoice {
  return saved ?? NOTIFICATION_KINDS[kind].defaults;
}

/** The language a user reads notifications in: their choice, Indonesian until they make one. */
export function languageOf(saved: string | null | undefined): NotificationLanguage {
  return saved === 'en' ? 'en' : 'id';
}

/** Writes the notifications (and e-mails) of one event. Returns how many people were newly told. */
export async function notify(tx: DbOrTx, input: NotifyInput): Promise<{ created: number }> {
  const ids = [...new Set(input.recipients)];
  if (ids.length === 0) return { created: 0 };
  const people = await tx
    .select({
      id: users.id,
      email: users.email,
      language: notificationSettings.language,
      prefEmail: notificationPreferences.email,
      prefDelivery: notificationPreferences.delivery,
    })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .leftJoin(notificationPreferences, and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.kind, input.kind)))
    .where(and(inArray(users.id, ids), eq(users.isActive, true)));
  if (people.length === 0) return { created: 0 };

  const plans = people.map((p) => {
    const choice = choiceFor(input.kind, p.prefEmail === null ? undefined : { email: p.prefEmail, delivery: p.prefDelivery as Delivery });
    const mail = choice.email && p.email ? choice.delivery : null;
    return { person: { id: p.id, email: p.email, language: languageOf(p.language) }, mail };
  });
  const inserted = await tx
    .insert(notifications)
    .values(
      plans.map(({ person, mail }) => ({
        userId: person.id,
        regionCode: input.regionCode ?? null,
        kind: input.kind,
        params: input.params,
        link: input.link,
        dedupeKey: input.dedupeKey ?? null,
        digestState: mail === 'digest' ? 'pending' : null,
      })),
    )
    // Already told under this key: the earlier notification stands, and no second e-mail goes out.
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId });

  const byUser = new Map(plans.map((p) => [p.person.id, p]));
  const mails = inserted.flatMap((row) => {
    const plan = byUser.get(row.userId);
    if (plan?.mail !== 'immediate' || !plan.person.email) return [];
    const text = renderNotification(input.kind, input.params, plan.person.language);
    return [
      {
        userId: row.userId,
        notificationId: row.id,
        toAddress: plan.person.email,
        subject: text.title,
        body: text.body,
        link: input.link,
      },
    ];
  });
  if (mails.length > 0) await tx.insert(mailOutbox).values(mails);
  return { created: inserted.length };
}

/**
 * A date as notification texts show it in both languages, day first as Indonesians write it
 * (`31/03/2026`); a moment is taken on the western Indonesian calendar.
 */
export function noticeDate(value: string | Date): string {
  const iso = typeof value === 'string' ? value.slice(0, 10) : wibDate(value);
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** `notify` for a caller outside any transaction (a scheduled job): the notifications and their e-mails land together. */
export async function notifyAlone(db: Db, input: NotifyInput): Promise<{ created: number }> {
  return db.transaction((tx) => notify(tx, input));
}
