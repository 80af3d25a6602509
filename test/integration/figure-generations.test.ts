/**
 * Kept figures on the demo (Kota Pangkalpinang, 19.71; Kota Banjarmasin, 63.71): every table is either
 * watched by the generation triggers or named here as holding no figure's input; a statement bumps a
 * region once, a child row finds its region through its parent; a kept dashboard, league table and
 * roll-up row (and the complaint inbox's page) are served again only while nothing moved, and follow a change (or the clock passing a
 * complaint's due time) on the next read.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints, innovations, skmTallies, units } from '#server/db/schema.ts';
import { seedDemo } from '#server/demo/seed-demo.ts';
import { regionDashboard } from '#server/features/dasbor/dasbor.service.ts';
import { leagueTable } from '#server/features/liga/liga.service.ts';
import { catalogueAnswer } from '#server/features/catalogue/catalogue.service.ts';
import { complaintInboxJson } from '#server/features/layanan/complaints.service.ts';
import { FigureKeep, figureGenerations, regionFigureGeneration } from '#server/platform/figures/generations.ts';
import { regionFiguresOfYear } from '#server/platform/figures/region-figures.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';

const HOME = '19.71';
const OTHER = '63.71';
let t: TestApp;

/** Tables whose rows feed no dashboard, league or roll-up figure: their writes must not throw the figures away. */
const UNWATCHED = [
  'api_tokens',
  'app_meta',
  'audit_log',
  'competition_entries',
  'competition_field_checks',
  'competition_judges',
  'competition_results',
  'competition_sheets',
  'competition_stages',
  'competition_vote_requests',
  'competition_vote_settings',
  'competition_votes',
  'competitions',
  'council_decrees',
  'council_follow_ups',
  'council_meetings',
  'council_members',
  'councils',
  'event_follow_ups',
  'event_participants',
  'events',
  'figure_generations',
  'mail_outbox',
  'notification_preferences',
  'notification_settings',
  'notifications',
  'open311_clients',
  'public_write_receipts',
  'rpjmd_entries',
  'rpjmd_periods',
  'sessions',
];

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.db, { onlyIfNew: false, storage: t.app.storage });
}, 180_000);
afterAll(() => t.close());

async function generation(code: string): Promise<string> {
  return (await figureGenerations(t.db, [code]))(code);
}

describe('the generation numbers', () => {
  it('watch every table but the ones named as feeding no figure, on insert, update, delete and truncate', async () => {
    const tables = rowsOf<{ name: string }>(
      await t.db.execute(sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
    ).map((r) => r.name);
    const triggers = rowsOf<{ tbl: string; name: string }>(
      await t.db.execute(sql`select c.relname as tbl, g.tgname as name from pg_trigger g join pg_class c on c.oid = g.tgrelid
        where g.tgname like 'figure_generation_%' and not g.tgisinternal`),
    );
    const watched = tables.filter((name) =>
      ['ins', 'upd', 'del', 'trunc'].every((kind) => triggers.some((g) => g.tbl === name && g.name === `figure_generation_${kind}`)),
    );
    expect(tables.filter((name) => !watched.includes(name))).toEqual(UNWATCHED);
  });

  it("move once per statement for each region it touches, through a parent for a child row, and only that region's", async () => {
    const [home, other] = [await generation(HOME), await generation(OTHER)];
    // Every complaint of the region in one statement: one step.
    await t.db.update(complaints).set({ updatedAt: new Date() }).where(eq(complaints.regionCode, HOME));
    const afterUpdate = await generation(HOME);
    expect(Number(afterUpdate.split('/')[0])).toBe(Number(home.split('/')[0]) + 1);
    expect(await generation(OTHER)).toBe(other);
    // A survey tally has no region of its own: its service names it.
    const [tally] = await t.db.select().from(skmTallies).limit(1);
    if (!tally) throw new Error('the demo has no survey tallies');
    await t.db
      .update(skmTallies)
      .set({ responses: tally.responses })
      .where(and(eq(skmTallies.periodId, tally.periodId), eq(skmTallies.serviceId, tally.serviceId), eq(skmTallies.shard, tally.shard)));
    expect(await generation(HOME)).not.toBe(afterUpdate);
  });
});

describe('a figure being computed', () => {
  it('is computed once for the readers who miss together at one generation, again at the next, and a failure is not shared', async () => {
    const keep = new FigureKeep<number>(10);
    const db = t.db;
    const now = new Date();
    let runs = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = async () => {
      runs += 1;
      await gate;
      return runs;
    };
    const together = [1, 2, 3].map(() => keep.through(db, 'dasbor', 'g1', now, slow));
    release();
    expect(await Promise.all(together)).toEqual([1, 1, 1]);
    expect(runs).toBe(1);
    // Kept now: no computation at all.
    expect(await keep.through(db, 'dasbor', 'g1', now, slow)).toBe(1);
    // A change: computed afresh.
    expect(await keep.through(db, 'dasbor', 'g2', now, slow)).toBe(2);

    let attempts = 0;
    const failingOnce = async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('the database went away');
      return 42;
    };
    const [first, second] = await Promise.allSettled([
      keep.through(db, 'liga', 'g1', now, failingOnce),
      keep.through(db, 'liga', 'g1', now, failingOnce),
    ]);
    expect(first.status).toBe('rejected');
    expect(second).toEqual({ status: 'fulfilled', value: 42 });
  });
});

describe('kept figures', () => {
  it('the dashboard is served again while nothing moved, follows a verifier at once, and the overdue count follows the clock', async () => {
    const now = new Date();
    const first = await regionDashboard({ db: t.db, now }, HOME, { year: 2026 });
    expect(await regionDashboard({ db: t.db, now }, HOME, { year: 2026 })).toBe(first);

    // A change of the region's data: the next read computes again and shows it.
    const [draft] = await t.db
      .select({ id: innovations.id })
      .from(innovations)
      .where(and(eq(innovations.regionCode, HOME), eq(innovations.periodId, first.innovations.periodId ?? ''), eq(innovations.status, 'diajukan')))
      .limit(1);
    if (!draft) throw new Error('the demo has no submitted 2026 innovation');
    await t.db.update(innovations).set({ status: 'terverifikasi' }).where(eq(innovations.id, draft.id));
    const afterVerify = await regionDashboard({ db: t.db, now }, HOME, { year: 2026 });
    expect(afterVerify).not.toBe(first);
    expect(afterVerify.innovations.verified).toBe(first.innovations.verified + 1);

    // An open complaint of the year falls due in an hour: the same data, later on the clock, counts it overdue.
    const [open] = await t.db
      .select({ id: complaints.id })
      .from(complaints)
      .where(and(eq(complaints.regionCode, HOME), isNull(complaints.closedAt), sql`${complaints.createdAt} >= '2026-01-01T00:00:00+07:00'`))
      .limit(1);
    if (!open) throw new Error('the demo has no open 2026 complaint');
    const due = new Date(now.getTime() + 3_600_000);
    await t.db.update(complaints).set({ dueAt: due }).where(eq(complaints.id, open.id));
    const beforeDue = await regionDashboard({ db: t.db, now }, HOME, { year: 2026 });
    expect(await regionDashboard({ db: t.db, now: due }, HOME, { year: 2026 })).toBe(beforeDue);
    const pastDue = await regionDashboard({ db: t.db, now: new Date(due.getTime() + 1) }, HOME, { year: 2026 });
    expect(pastDue.complaints.overdue).toBe(beforeDue.complaints.overdue + 1);
  });

  it('the league table keeps its rows but sorts and answers the edit right for each reader', async () => {
    const now = new Date();
    const byRank = await leagueTable({ db: t.db, now, actor: null }, HOME, { year: 2026, sort: 'rank', dir: 'asc' });
    const byName = await leagueTable({ db: t.db, now, actor: null }, HOME, { year: 2026, sort: 'name', dir: 'asc' });
    expect(byName.rows.map((r) => r.unitName)).toEqual([...byRank.rows.map((r) => r.unitName)].sort((a, b) => a.localeCompare(b, 'id')));
    expect(byName.rows[0]).toBe(byRank.rows.find((r) => r.unitId === byName.rows[0]?.unitId));
    expect(byRank.canEditWeights).toBe(false);
  });

  it('a roll-up row is computed again for the region that moved only, and equals a fresh computation', async () => {
    const first = await regionFiguresOfYear(t.db, [HOME, OTHER], 2025);
    const again = await regionFiguresOfYear(t.db, [HOME, OTHER], 2025);
    expect(again.get(HOME)).toBe(first.get(HOME));
    expect(again.get(OTHER)).toBe(first.get(OTHER));
    await t.db.update(units).set({ updatedAt: new Date() }).where(eq(units.regionCode, OTHER));
    const moved = await regionFiguresOfYear(t.db, [HOME, OTHER], 2025);
    expect(moved.get(HOME)).toBe(first.get(HOME));
    expect(moved.get(OTHER)).not.toBe(first.get(OTHER));
    expect(moved.get(OTHER)).toEqual(first.get(OTHER));
    expect([...moved.keys()]).toEqual([HOME, OTHER]);
  });

  it("the complaint inbox's answer is served again while nothing moved, shows a renamed unit at once, and its overdue lines follow the clock", async () => {
    const now = new Date();
    const admin = { id: 'x', role: 'admin_daerah' as const, regionCode: HOME, unitId: null };
    const ask = { sort: 'createdAt' as const, order: 'desc' as const, page: 1, pageSize: 25 };
    const inbox = async (q: typeof ask & { overdue?: 'ya' }, at: Date) =>
      JSON.parse(await complaintInboxJson(t.db, HOME, admin, q, at)) as {
        items: { id: string; unitId: string; unitName: string; overdue: boolean }[];
        total: number;
      };
    const first = await inbox(ask, now);
    expect(first.items.length).toBeGreaterThan(0);
    expect(await inbox(ask, now)).toEqual(first);
    expect((await inbox({ ...ask, page: 2 }, now)).items[0]?.id).not.toBe(first.items[0]?.id);

    const top = first.items[0];
    if (!top) throw new Error('the demo has no complaint in the inbox');
    await t.db.update(units).set({ name: 'Unit yang berganti nama' }).where(eq(units.id, top.unitId));
    expect((await inbox(ask, now)).items[0]?.unitName).toBe('Unit yang berganti nama');

    // An open complaint falls due in an hour: "only overdue" gains it, and its line says so, once the clock passes that.
    const [open] = await t.db
      .select({ id: complaints.id })
      .from(complaints)
      .where(and(eq(complaints.regionCode, HOME), isNull(complaints.closedAt), sql`${complaints.dueAt} > ${now}`))
      .limit(1);
    if (!open) throw new Error('the demo has no open complaint due later');
    const due = new Date(now.getTime() + 3_600_000);
    await t.db.update(complaints).set({ dueAt: due }).where(eq(complaints.id, open.id));
    const overdue = { ...ask, overdue: 'ya' as const, pageSize: 100 };
    const beforeDue = await inbox(overdue, now);
    expect(await inbox(overdue, due)).toEqual(beforeDue);
    const pastDue = await inbox(overdue, new Date(due.getTime() + 1));
    expect(pastDue.total).toBe(beforeDue.total + 1);
    expect(pastDue.items.find((c) => c.id === open.id)?.overdue).toBe(true);
    const everything = { ...ask, pageSize: 100 };
    const lineAt = async (at: Date) => (await inbox(everything, at)).items.find((c) => c.id === open.id)?.overdue;
    expect(await lineAt(due)).toBe(false);
    expect(await lineAt(new Date(due.getTime() + 1))).toBe(true);
  });

  it("the public catalogue's answer is served again while nothing moved and follows a verification at once, nationally and in the region", async () => {
    const national = { page: 1, pageSize: 20 };
    const local = { region: HOME, page: 1, pageSize: 20 };
    const [nationalFirst, localFirst] = [await catalogueAnswer(t.db, national), await catalogueAnswer(t.db, local)];
    expect(await catalogueAnswer(t.db, national)).toBe(nationalFirst);
    expect(await catalogueAnswer(t.db, local)).toBe(localFirst);

    const [submitted] = await t.db
      .select({ id: innovations.id })
      .from(innovations)
      .where(and(eq(innovations.regionCode, HOME), eq(innovations.status, 'diajukan')))
      .limit(1);
    if (!submitted) throw new Error('the demo has no submitted innovation left');
    await t.db.update(innovations).set({ status: 'terverifikasi', verifiedAt: new Date() }).where(eq(innovations.id, submitted.id));
    const totalOf = (a: { text: string }) => (JSON.parse(a.text) as { total: number }).total;
    const [nationalAfter, localAfter] = [await catalogueAnswer(t.db, national), await catalogueAnswer(t.db, local)];
    expect(totalOf(nationalAfter)).toBe(totalOf(nationalFirst) + 1);
    expect(totalOf(localAfter)).toBe(totalOf(localFirst) + 1);
    expect(nationalAfter.etag).not.toBe(nationalFirst.etag);
    // Another region's search is not thrown away by this one's verification.
    const elsewhere = { region: OTHER, page: 1, pageSize: 20 };
    const elsewhereFirst = await catalogueAnswer(t.db, elsewhere);
    await t.db.update(innovations).set({ updatedAt: new Date() }).where(eq(innovations.id, submitted.id));
    expect(await catalogueAnswer(t.db, elsewhere)).toBe(elsewhereFirst);
  });

  it("one region's number read by its prepared statement is the number read with the others", async () => {
    await t.db.update(units).set({ updatedAt: new Date() }).where(eq(units.regionCode, HOME));
    expect(await regionFigureGeneration(t.db, HOME)).toBe(await generation(HOME));
    expect(await regionFigureGeneration(t.db, '99.99')).toBe(await generation('99.99'));
  });

  it('a truncation moves every region on', async () => {
    const [home, other] = [await generation(HOME), await generation(OTHER)];
    await t.db.execute(sql`truncate league_weights`);
    expect(await generation(HOME)).not.toBe(home);
    expect(await generation(OTHER)).not.toBe(other);
  });
});
