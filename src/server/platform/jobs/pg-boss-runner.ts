/**
 * The runner on a Postgres server: pg-boss keeps the schedules and the job queue in its own schema
 * (`pgboss`, created at its first start), so several instances of Sinergi share them. Each scheduled
 * occurrence is put in the queue once, whichever instance's clock sees it first, and a queue of the
 * `singleton` policy lets only one instance work on a job at a time; the schedules survive restarts.
 * pg-boss talks to the database through the app's own connection pool.
 */
import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import { type JobRunner, type RunnerOptions, runHandler, SCHEDULE_TIME_ZONE } from './jobs.ts';

export interface PgBossTuning {
  /** How often an instance looks for due schedules (pg-boss default 30 s; tests use 1 s). */
  cronMonitorIntervalSeconds?: number;
  /** How often an idle worker asks for a job (default 2 s). */
  pollingIntervalSeconds?: number;
}

function poolOf(options: RunnerOptions): Pool {
  // The node-postgres drizzle database carries its pool; the runner is only chosen on Postgres.
  return (options.database.db as unknown as { $client: Pool }).$client;
}

/** The advisory lock that lets one instance at a time set up the queues and schedules ("SNRGJOBS"). */
const SETUP_LOCK = 0x534e5247;

/**
 * Runs the set-up under a session advisory lock: instances started together otherwise create the same
 * queues at the same moment, and Postgres breaks that deadlock by failing one instance's start.
 */
async function oneAtATime(pool: Pool, work: () => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SETUP_LOCK]);
    try {
      await work();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [SETUP_LOCK]);
    }
  } finally {
    client.release();
  }
}

export function pgBossRunner(options: RunnerOptions & { tuning?: PgBossTuning }): JobRunner {
  const pool = poolOf(options);
  const tuning = options.tuning ?? {};
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
    schema: 'pgboss',
    ...(tuning.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: tuning.cronMonitorIntervalSeconds } : {}),
  });
  boss.on('error', (error) => options.logger.error({ err: error }, 'job queue error'));
  let started = false;
  return {
    kind: 'pg-boss',
    async start() {
      if (started) return;
      const names = new Set(options.jobs.map((j) => j.name));
      await oneAtATime(pool, async () => {
        await boss.start();
        started = true;
        // A job removed from the code leaves no schedule behind to fill a queue nobody works.
        for (const s of await boss.getSchedules()) if (!names.has(s.name)) await boss.unschedule(s.name);
        for (const job of options.jobs) {
          await boss.createQueue(job.name, { name: job.name, policy: 'singleton', retryLimit: 2, retryDelay: 60, expireInSeconds: 15 * 60 });
          await boss.schedule(job.name, job.cron, {}, { tz: SCHEDULE_TIME_ZONE });
        }
      });
      for (const job of options.jobs) {
        await boss.work(job.name, { pollingIntervalSeconds: tuning.pollingIntervalSeconds ?? 2 }, async (batch) => {
          for (const _ of batch) await runHandler(job, options, new Date());
        });
      }
      options.logger.info({ jobs: [...names] }, 'scheduled jobs started (pg-boss)');
    },
    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    },
  };
}
