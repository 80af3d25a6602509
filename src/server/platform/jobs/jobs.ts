/**
 * Scheduled jobs: one way to declare them, `defineJob(name, { schedule, handler })`, and two runners
 * that run them. On a Postgres server the runner is pg-boss (pg-boss-runner.ts): each occurrence runs
 * once across all instances and the schedule survives restarts. On the embedded PGlite database the
 * runner is in-process timers (local-runner.ts): one process is the only instance there is.
 *
 * A handler must be idempotent (notifications by dedupe key, mails by outbox key): a run repeated after
 * a crash, or by hand, must do no harm.
 */
import { parseCron } from '#domain/schedule/cron.ts';
import type { AppConfig } from '#server/config.ts';
import type { DatabaseHandle, Db } from '#server/db/client.ts';
import type { Logger } from '#server/logger.ts';

/** Schedules are read in western Indonesian time: a daily 07:00 job runs at 07:00 WIB (08:00 WITA, 09:00 WIT). */
export const SCHEDULE_TIME_ZONE = 'Asia/Jakarta';

export type JobSchedule = { cron: string } | { everyMinutes: number };

export interface JobContext {
  db: Db;
  now: Date;
  log: Logger;
  config: AppConfig;
}

export interface JobDefinition {
  name: string;
  /** The schedule as a cron expression (every N minutes becomes `*\/N * * * *`). */
  cron: string;
  handler: (ctx: JobContext) => Promise<unknown>;
}

export interface JobRunner {
  readonly kind: 'pg-boss' | 'in-process';
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface RunnerOptions {
  database: DatabaseHandle;
  jobs: readonly JobDefinition[];
  config: AppConfig;
  logger: Logger;
}

const JOB_NAME = /^[a-z][a-z0-9-]{1,48}$/;

export function defineJob(name: string, options: { schedule: JobSchedule; handler: JobDefinition['handler'] }): JobDefinition {
  if (!JOB_NAME.test(name)) throw new Error(`job name "${name}": lowercase letters, digits and dashes`);
  const { schedule } = options;
  let cron: string;
  if ('everyMinutes' in schedule) {
    const n = schedule.everyMinutes;
    // A step that does not divide the hour would run at uneven gaps (…:50, :00, :10), so it is refused.
    if (!Number.isInteger(n) || n < 1 || n > 60 || 60 % n !== 0) throw new Error(`job ${name}: everyMinutes must divide 60`);
    cron = n === 60 ? '0 * * * *' : `*/${n} * * * *`;
  } else {
    cron = schedule.cron;
  }
  parseCron(cron);
  return { name, cron, handler: options.handler };
}

/** The runner for the database the install uses; nothing runs until `start()`. */
export async function createJobRunner(options: RunnerOptions): Promise<JobRunner> {
  if (options.database.kind === 'postgres') {
    const { pgBossRunner } = await import('./pg-boss-runner.ts');
    return pgBossRunner(options);
  }
  const { localRunner } = await import('./local-runner.ts');
  return localRunner(options);
}

/** Runs one job's handler with its context, logging the outcome; errors are the runner's to handle. */
export async function runHandler(job: JobDefinition, options: RunnerOptions, now: Date): Promise<void> {
  const log = options.logger.child({ job: job.name });
  const started = Date.now();
  const result = await job.handler({ db: options.database.db, now, log, config: options.config });
  log.debug({ ms: Date.now() - started, result }, 'job done');
}
