/**
 * Scheduled jobs: the in-process runner of the embedded database runs a job in the minutes its cron
 * names; on a Postgres server two runner instances (two pg-boss instances on one database) run each
 * scheduled occurrence once between them; the deadline reminders and the overdue complaints tell each
 * person once even when their job runs twice.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessmentItems,
  assessments,
  complaintCategories,
  complaints,
  frameworkVersions,
  innovations,
  notifications,
  periods,
} from '#server/db/schema.ts';
import { notifyOverdueComplaints, sendDeadlineReminders } from '#server/features/notifications/reminders.ts';
import { createLogger } from '#server/logger.ts';
import { makeUnit, makeUser, startTestApp, type TestApp } from '../../../../test/support/harness.ts';
import { defineJob } from './jobs.ts';
import { localRunner } from './local-runner.ts';

let t: TestApp;
const logger = createLogger('silent');

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function toldOf(userId: string, kind: string) {
  return t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
}

describe('defineJob', () => {
  it('turns every N minutes into cron and refuses a step that does not divide the hour', () => {
    const handler = async () => undefined;
    expect(defineJob('mail-outbox', { schedule: { everyMinutes: 1 }, handler }).cron).toBe('*/1 * * * *');
    expect(defineJob('hourly', { schedule: { everyMinutes: 60 }, handler }).cron).toBe('0 * * * *');
    expect(() => defineJob('odd', { schedule: { everyMinutes: 7 }, handler })).toThrow(/divide 60/);
    expect(() => defineJob('bad-cron', { schedule: { cron: '0 25 * * *' }, handler })).toThrow(/jam/);
  });
});

describe('the in-process runner (embedded database)', () => {
  it('runs a job in the minutes its cron names, in western Indonesian time, and not in others', async () => {
    const runs: string[] = [];
    const job = defineJob('morning', { schedule: { cron: '30 6 * * *' }, handler: async ({ now }) => runs.push(now.toISOString()) });
    const runner = localRunner({ database: t.database, jobs: [job], config: t.app.config, logger });
    await runner.tick(new Date('2031-05-01T23:30:10Z')); // 06:30 WIB on 2 May
    await runner.tick(new Date('2031-05-01T06:30:10Z')); // 13:30 WIB
    expect(runs).toEqual(['2031-05-01T23:30:10.000Z']);
  });

  it('runs it from its own timer once started, and stops', async () => {
    let runs = 0;
    const job = defineJob('every-minute', { schedule: { everyMinutes: 1 }, handler: async () => runs++ });
    // A clock 100 ms before a minute turns: the timer fires shortly after the start.
    const base = Date.now();
    const skew = 60_000 - (base % 60_000) - 100;
    const runner = localRunner({ database: t.database, jobs: [job], config: t.app.config, logger, clock: () => new Date(Date.now() + skew) });
    await runner.start();
    await expect.poll(() => runs, { timeout: 5_000, interval: 50 }).toBe(1);
    await runner.stop();
  });
});

describe('reminders', () => {
  it('H-7 of a closing reporting window tells the units with drafts and the admins once, even when run twice', async () => {
    const now = new Date('2032-03-10T00:00:00Z'); // 07:00 WIB, 10 March
    const [period] = await t.db
      .insert(periods)
      .values({ regionCode: '19.71', year: 2032, opensOn: '2032-01-01', closesOn: '2032-03-17', targetTotal: 5 })
      .returning();
    if (!period) throw new Error('no period');
    const late = await makeUnit(t.db, '19.71');
    const done = await makeUnit(t.db, '19.71');
    const lateOp = await makeUser(t.db, { role: 'operator', unitId: late.id });
    const doneOp = await makeUser(t.db, { role: 'operator', unitId: done.id });
    const admin = await makeUser(t.db, { role: 'admin_daerah' });
    await t.db.insert(innovations).values([
      { regionCode: '19.71', periodId: period.id, unitId: late.id, status: 'draft', name: 'Draf Terlambat' },
      { regionCode: '19.71', periodId: period.id, unitId: done.id, status: 'diajukan', name: 'Sudah Diajukan' },
    ]);

    await sendDeadlineReminders(t.db, now);
    await sendDeadlineReminders(t.db, now);
    // The next morning is still H-7's stretch: nothing new either.
    await sendDeadlineReminders(t.db, new Date('2032-03-11T00:00:00Z'));

    const [told] = await toldOf(lateOp.id, 'deadline_h7');
    expect(await toldOf(lateOp.id, 'deadline_h7')).toHaveLength(1);
    expect(told?.params).toMatchObject({ deadline: '17/03/2032', days: 7 });
    expect(await toldOf(doneOp.id, 'deadline_h7')).toHaveLength(0);
    expect(await toldOf(admin.id, 'deadline_h7')).toHaveLength(1);

    // The day before: H-1, once.
    await sendDeadlineReminders(t.db, new Date('2032-03-16T00:00:00Z'));
    await sendDeadlineReminders(t.db, new Date('2032-03-16T00:00:00Z'));
    expect(await toldOf(lateOp.id, 'deadline_h1')).toHaveLength(1);
  });

  it('an unfilled indicator whose deadline is near tells its unit, not a unit that filled its own', async () => {
    const [spbe] = await t.db.select().from(frameworkVersions).where(eq(frameworkVersions.frameworkId, 'spbe-2020'));
    if (!spbe) throw new Error('SPBE 2020 not shipped');
    const [a] = await t.db
      .insert(assessments)
      .values({ regionCode: '19.71', frameworkVersionId: spbe.id, frameworkId: 'spbe-2020', year: 2032, deadline: '2032-06-30' })
      .returning();
    if (!a) throw new Error('no assessment');
    const open = await makeUnit(t.db, '19.71');
    const filled = await makeUnit(t.db, '19.71');
    const openOp = await makeUser(t.db, { role: 'operator', unitId: open.id });
    const filledOp = await makeUser(t.db, { role: 'operator', unitId: filled.id });
    await t.db.insert(assessmentItems).values([
      { assessmentId: a.id, regionCode: '19.71', indicatorId: '1', unitId: open.id, deadline: '2032-04-20' },
      { assessmentId: a.id, regionCode: '19.71', indicatorId: '2', unitId: open.id, deadline: '2032-04-20' },
      { assessmentId: a.id, regionCode: '19.71', indicatorId: '3', unitId: filled.id, deadline: '2032-04-20', claimedValue: '3' },
    ]);
    const now = new Date('2032-04-19T00:00:00Z');
    await sendDeadlineReminders(t.db, now);
    await sendDeadlineReminders(t.db, now);
    const told = await toldOf(openOp.id, 'deadline_h1');
    expect(told).toHaveLength(1);
    expect(told[0]?.params).toMatchObject({ subject: `${spbe.name} 2032`, deadline: '20/04/2032' });
    expect(told[0]?.link).toBe(`/penilaian/${a.id}`);
    expect(await toldOf(filledOp.id, 'deadline_h1')).toHaveLength(0);
  });

  it('an open complaint past its SLA tells its unit once; a finished one tells nobody', async () => {
    const unit = await makeUnit(t.db, '19.71');
    const op = await makeUser(t.db, { role: 'operator', unitId: unit.id });
    const [category] = await t.db
      .insert(complaintCategories)
      .values({ regionCode: '19.71', code: 'uji-sla', name: 'Uji SLA', unitId: unit.id })
      .returning();
    if (!category) throw new Error('no category');
    const base = { regionCode: '19.71', categoryId: category.id, unitId: unit.id, description: 'Lampu jalan mati sejak sepekan' };
    await t.db.insert(complaints).values([
      { ...base, trackingCode: 'SLAOPEN1', dueAt: new Date('2032-01-01T00:00:00Z') },
      { ...base, trackingCode: 'SLADONE1', dueAt: new Date('2032-01-01T00:00:00Z'), status: 'selesai' },
      { ...base, trackingCode: 'SLANOTYET', dueAt: new Date('2032-02-01T00:00:00Z') },
    ]);
    const now = new Date('2032-01-10T00:00:00Z');
    await notifyOverdueComplaints(t.db, now);
    await notifyOverdueComplaints(t.db, now);
    const told = await toldOf(op.id, 'complaint_overdue');
    expect(told.map((n) => n.params.code)).toEqual(['SLAOPEN1']);
  });
});

describe.runIf(process.env.SINERGI_TEST_DATABASE_URL)('pg-boss (Postgres server)', () => {
  it('two runner instances on one database run each scheduled occurrence once', async () => {
    const { pgBossRunner } = await import('./pg-boss-runner.ts');
    const runs: { instance: string; minute: string }[] = [];
    const make = (instance: string) =>
      pgBossRunner({
        database: t.database,
        config: t.app.config,
        logger,
        tuning: { cronMonitorIntervalSeconds: 1, pollingIntervalSeconds: 0.5 },
        jobs: [
          defineJob('each-minute', {
            schedule: { everyMinutes: 1 },
            handler: async ({ now }) => runs.push({ instance, minute: now.toISOString().slice(0, 16) }),
          }),
        ],
      });
    const a = make('a');
    const b = make('b');
    await Promise.all([a.start(), b.start()]);
    try {
      await expect.poll(() => runs.length, { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(1);
      // Both instances keep looking at the schedule every second; neither may run the occurrence again.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    // Each run must be one job run once. The run's own clock cannot tell occurrences apart: on a loaded
    // machine the job of 12:00 may run at 12:01:00.3, in the same minute as the job of 12:01, so the check
    // is against pg-boss's own jobs: as many runs as jobs completed, never more.
    const result = (await t.db.execute(
      sql`select state from pgboss.job where name = 'each-minute' union all select state from pgboss.archive where name = 'each-minute'`,
    )) as unknown as { rows: { state: string }[] };
    const completed = result.rows.filter((r) => r.state === 'completed').length;
    expect(completed).toBeGreaterThanOrEqual(1);
    expect(runs.length).toBe(completed);
    expect(runs.length).toBeLessThanOrEqual(2);
  });
});
