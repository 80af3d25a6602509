/**
 * The install's scheduled jobs, wired here (a composition root, like app.ts): deadline and smart-city
 * report reminders each morning, overdue complaints and newly opened competition stages every quarter
 * hour, and, when e-mail is configured, the outbox sender every minute and the daily digest. `serve`
 * starts them unless SINERGI_JOBS=off; tests start them only when they mean to.
 */
import type { AppConfig } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { notifyOverdueComplaints, sendDeadlineReminders } from './features/notifications/reminders.ts';
import { notifyOpenedCompetitionStages, sendProgrammeReportReminders } from './features/notifications/report-and-stage-reminders.ts';
import type { Logger } from './logger.ts';
import { createJobRunner, defineJob, type JobDefinition, type JobRunner } from './platform/jobs/jobs.ts';
import { queueDigests } from './platform/mail/digest.ts';
import { type MailSender, smtpSender } from './platform/mail/mailer.ts';
import { sendDueMail } from './platform/mail/outbox.ts';

export function scheduledJobs(config: AppConfig, sender?: MailSender): JobDefinition[] {
  const jobs = [
    defineJob('deadline-reminders', { schedule: { cron: '30 6 * * *' }, handler: ({ db, now }) => sendDeadlineReminders(db, now) }),
    defineJob('programme-report-reminders', { schedule: { cron: '35 6 * * *' }, handler: ({ db, now }) => sendProgrammeReportReminders(db, now) }),
    defineJob('complaint-overdue', { schedule: { everyMinutes: 15 }, handler: ({ db, now }) => notifyOverdueComplaints(db, now) }),
    // A stage opens when the admin locks the one before it, at any hour: its entrants hear within a quarter hour.
    defineJob('competition-stage-opened', { schedule: { everyMinutes: 15 }, handler: ({ db, now }) => notifyOpenedCompetitionStages(db, now) }),
  ];
  if (sender) {
    jobs.push(
      defineJob('mail-outbox', {
        schedule: { everyMinutes: 1 },
        handler: ({ db, now }) => sendDueMail(db, sender, { now, publicUrl: config.publicUrl }),
      }),
      // After the morning's reminders, so a user who chose the digest for them finds them in it.
      defineJob('mail-digest', { schedule: { cron: '0 7 * * *' }, handler: ({ db, now }) => queueDigests(db, { now, publicUrl: config.publicUrl }) }),
    );
  }
  return jobs;
}

/** The install's mail sender, when e-mail is configured: one for the outbox job and the app's sending at once. */
export function installMailSender(config: AppConfig): MailSender | undefined {
  return config.mail ? smtpSender(config.mail) : undefined;
}

/**
 * Starts the jobs for this database (pg-boss on Postgres, timers on PGlite); null when SINERGI_JOBS=off.
 * The sender belongs to the caller, who closes it once the app and the jobs have stopped.
 */
export async function startScheduledJobs(options: {
  config: AppConfig;
  database: DatabaseHandle;
  logger: Logger;
  sender: MailSender | undefined;
}): Promise<JobRunner | null> {
  const { sender, ...runnerOptions } = options;
  if (!options.config.jobs) return null;
  const runner = await createJobRunner({ ...runnerOptions, jobs: scheduledJobs(options.config, sender) });
  await runner.start();
  return runner;
}
