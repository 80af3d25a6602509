/**
 * The in-process runner of the embedded database: a timer wakes at the start of every minute and runs
 * the jobs whose cron names that minute. A job still running when its next minute comes is not started
 * twice. This is right only because an embedded-database install is one process: PGlite cannot be
 * opened by a second one, so there is no other instance to run the same job.
 */
import { cronMatches, parseCron } from '#domain/schedule/cron.ts';
import { type JobRunner, type RunnerOptions, runHandler, SCHEDULE_TIME_ZONE } from './jobs.ts';

export function localRunner(options: RunnerOptions & { clock?: () => Date }): JobRunner & { tick(at: Date): Promise<void> } {
  const clock = options.clock ?? (() => new Date());
  const specs = options.jobs.map((job) => ({ job, spec: parseCron(job.cron) }));
  const running = new Map<string, Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;

  const tick = async (at: Date) => {
    for (const { job, spec } of specs) {
      if (running.has(job.name) || !cronMatches(spec, at, SCHEDULE_TIME_ZONE)) continue;
      const run = runHandler(job, options, at)
        .catch((error: unknown) => options.logger.error({ err: error, job: job.name }, 'scheduled job failed'))
        .finally(() => running.delete(job.name));
      running.set(job.name, run);
    }
    await Promise.all(running.values());
  };

  const schedule = () => {
    if (stopped) return;
    const now = clock();
    // Wake a little after the minute turns, so the minute read is the new one.
    const wait = 60_000 - (now.getTime() % 60_000) + 50;
    timer = setTimeout(() => {
      void tick(clock());
      schedule();
    }, wait);
    timer.unref();
  };

  return {
    kind: 'in-process',
    tick,
    async start() {
      if (!stopped) return;
      stopped = false;
      schedule();
      options.logger.info({ jobs: options.jobs.map((j) => j.name) }, 'scheduled jobs started (in-process)');
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.all(running.values());
    },
  };
}
