/**
 * The e-mail outbox: mails are written in the transaction of the event they tell (see `notify`) and sent
 * here, by a scheduled job every minute, never inside a request. A mail someone is waiting for (a vote's
 * confirmation code) is handed to `MailDispatch.sendNow` once its transaction has committed: it is sent
 * at once, in the background, through the same claim, and a failure leaves it to the job's retries.
 * A failed send is tried again after a growing wait;
 * after the last try the mail is marked failed with the server's answer. A mail that waited more than two
 * days (the mail server was down, or e-mail was only now switched on) is not sent any more: the bell has
 * told the user, and news that old by e-mail only confuses.
 */
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '#server/db/client.ts';
import { mailOutbox } from '#server/db/schema.ts';
import type { Logger } from '#server/logger.ts';
import type { MailSender } from './mailer.ts';

/** Minutes to wait after the 1st, 2nd, … failed try; a mail is given up after the last. */
export const RETRY_WAIT_MINUTES = [1, 5, 15, 60, 180, 360] as const;
export const MAX_ATTEMPTS = RETRY_WAIT_MINUTES.length + 1;
const MAX_AGE_MS = 48 * 3_600_000;
/** How long a claimed mail is left to its sender before another run may try it (a crashed process). */
const LEASE_MS = 10 * 60_000;
const BATCH = 25;

export interface SendReport {
  sent: number;
  retrying: number;
  failed: number;
  expired: number;
}

/** The full address of a page for a mail: with the public URL when set, else the path as it is. */
export function absoluteLink(publicUrl: string | null, link: string): string {
  return publicUrl ? `${publicUrl}${link}` : link;
}

export function mailText(body: string, link: string | null, publicUrl: string | null): string {
  return `${body}${link ? `\n\n${absoluteLink(publicUrl, link)}` : ''}\n\n-- \nSinergi`;
}

/** Sends the mails that are due, one batch (with `only`, just those of them); returns what happened to them. */
export async function sendDueMail(
  db: Db,
  sender: MailSender,
  options: { now: Date; publicUrl: string | null; only?: readonly string[] },
): Promise<SendReport> {
  const { now } = options;
  const report: SendReport = { sent: 0, retrying: 0, failed: 0, expired: 0 };
  const expired = await db
    .update(mailOutbox)
    .set({ status: 'expired' })
    .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.createdAt, new Date(now.getTime() - MAX_AGE_MS))))
    .returning({ id: mailOutbox.id });
  report.expired = expired.length;

  // Claim a batch: another instance's run skips these rows and, through the lease, does not take them again.
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.status, 'pending'),
          lte(mailOutbox.nextAttemptAt, now),
          options.only ? inArray(mailOutbox.id, [...options.only]) : undefined,
        ),
      )
      .orderBy(asc(mailOutbox.nextAttemptAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    await tx
      .update(mailOutbox)
      .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS), attempts: sql`${mailOutbox.attempts} + 1` })
      .where(
        inArray(
          mailOutbox.id,
          due.map((m) => m.id),
        ),
      );
    return due;
  });

  for (const mail of claimed) {
    const attempt = mail.attempts + 1;
    try {
      await sender.send({ to: mail.toAddress, subject: mail.subject, text: mailText(mail.body, mail.link, options.publicUrl) });
      await db.update(mailOutbox).set({ status: 'sent', sentAt: new Date(), lastError: null }).where(eq(mailOutbox.id, mail.id));
      report.sent++;
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const wait = RETRY_WAIT_MINUTES[attempt - 1];
      if (wait === undefined) {
        await db.update(mailOutbox).set({ status: 'failed', lastError: reason }).where(eq(mailOutbox.id, mail.id));
        report.failed++;
      } else {
        await db
          .update(mailOutbox)
          .set({ lastError: reason, nextAttemptAt: new Date(now.getTime() + wait * 60_000) })
          .where(eq(mailOutbox.id, mail.id));
        report.retrying++;
      }
    }
  }
  return report;
}

/** Sends outbox mails as soon as they are committed, rather than at the job's next minute. */
export interface MailDispatch {
  /**
   * Sends these outbox mails now, in the background. Call it after the transaction that wrote them has
   * committed; a mail another run has already claimed, or a send that fails, is left to the outbox job.
   */
  sendNow(ids: readonly string[]): void;
  /** Resolves when the sends under way have finished (shutdown, tests). */
  settled(): Promise<void>;
}

/** The dispatch of an install: without a mail server nothing is sent and the mails wait in the outbox. */
export function mailDispatch(db: Db, sender: MailSender | undefined, options: { publicUrl: string | null; log: Logger }): MailDispatch {
  const running = new Set<Promise<unknown>>();
  return {
    sendNow(ids) {
      if (!sender || ids.length === 0) return;
      const run = sendDueMail(db, sender, { now: new Date(), publicUrl: options.publicUrl, only: ids })
        .then((report) => {
          if (report.retrying + report.failed > 0) options.log.warn({ mails: ids, ...report }, 'mail not sent at once; the outbox will retry');
        })
        .catch((error: unknown) => options.log.error({ err: error, mails: ids }, 'sending mail at once failed; the outbox will retry'))
        .finally(() => running.delete(run));
      running.add(run);
    },
    async settled() {
      await Promise.all([...running]);
    },
  };
}
