/**
 * "Tugas saya" through the HTTP API on a real database: each role sees its own kinds of task and not
 * another's; an operator sees only their unit's work (another unit's returned innovation, complaint,
 * indicator and programme are not there); overdue items come first and are counted; a judge sees only
 * their own unscored sheets; the admin sees what waits on them and what closes within 14 days; lists are
 * capped with the full count; another region's caller is refused.
 */
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportsOwed } from '#domain/kota-cerdas/report-due.ts';
import {
  assessmentItems,
  assessments,
  competitionEntries,
  competitionSheets,
  competitionStages,
  competitions,
  complaintCategories,
  complaints,
  frameworkVersions,
  innovationEvents,
  innovations,
  periods,
  smartcityProgressReports,
} from '#server/db/schema.ts';
import { digestDay } from '#server/platform/mail/digest.ts';
import type { MasterplanDetail, ProgrammeDetail } from '#shared/api/kota-cerdas.ts';
import type { MyTasks, TaskGroup } from '#shared/api/tugas.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const OTHER = '62.71';
const DAY_MS = 86_400_000;

let t: TestApp;
let admin: Client;
let operatorA: Client;
let operatorB: Client;
let verifier: Client;
let judge: Client;
let pimpinan: Client;
let foreignAdmin: Client;
let judgeId = '';
let otherJudgeId = '';
let unitA = '';
let unitB = '';
let programmeA = '';
let programmeB = '';
let competitionId = '';
let screeningCompetitionId = '';
const today = digestDay(new Date());
const addDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const thisYear = Number(today.slice(0, 4));

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const tasksUrl = (region = HOME) => `/api/v1/regions/${region}/my-tasks`;

async function tasksOf(client: Client): Promise<MyTasks> {
  const res = await client.get(tasksUrl());
  expect(res.statusCode, res.body).toBe(200);
  return json<MyTasks>(res);
}

function group(tasks: MyTasks, kind: TaskGroup['kind']): TaskGroup {
  const found = tasks.groups.find((g) => g.kind === kind);
  if (!found) throw new Error(`no ${kind} group`);
  return found;
}

const titles = (g: TaskGroup) => g.items.map((i) => i.title);

beforeAll(async () => {
  t = await startTestApp();
  const db = t.db;
  unitA = (await makeUnit(db, HOME, { name: 'Dinas Alfa Tugas' })).id;
  unitB = (await makeUnit(db, HOME, { name: 'Dinas Beta Tugas' })).id;
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  operatorA = (await clientFor(t, 'operator', HOME, unitA)).client;
  operatorB = (await clientFor(t, 'operator', HOME, unitB)).client;
  verifier = (await clientFor(t, 'verifikator', HOME)).client;
  const j = await clientFor(t, 'juri', HOME);
  judge = j.client;
  judgeId = j.user.id;
  otherJudgeId = (await clientFor(t, 'juri', HOME)).user.id;
  pimpinan = (await clientFor(t, 'pimpinan', HOME)).client;
  foreignAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;

  // This year's window closes in 10 days (within the admin's 14); last year's has closed.
  const [open, closed] = await db
    .insert(periods)
    .values([
      { regionCode: HOME, year: thisYear, opensOn: `${thisYear - 1}-01-01`, closesOn: addDays(10), targetTotal: 10 },
      { regionCode: HOME, year: thisYear - 1, opensOn: `${thisYear - 2}-01-01`, closesOn: addDays(-30), targetTotal: 10 },
    ])
    .returning({ id: periods.id });
  const inn = (periodId: string | undefined, unitId: string, status: string, name: string, extra: Partial<typeof innovations.$inferInsert> = {}) => ({
    regionCode: HOME,
    periodId: periodId ?? '',
    unitId,
    status,
    name,
    ...extra,
  });
  const rows = await db
    .insert(innovations)
    .values([
      inn(open?.id, unitA, 'dikembalikan', 'Alfa Kembali Baru', { reviewNotes: { hasil: 'Lengkapi data capaian.' } }),
      inn(closed?.id, unitA, 'dikembalikan', 'Alfa Kembali Lama', { reviewNotes: { tujuan: 'Tujuan belum jelas.' } }),
      inn(open?.id, unitA, 'draft', 'Alfa Draf'),
      inn(open?.id, unitB, 'dikembalikan', 'Beta Kembali'),
      inn(open?.id, unitB, 'draft', 'Beta Draf'),
      inn(open?.id, unitA, 'diajukan', 'Antre Kedua', { submittedAt: new Date(Date.now() - 2 * DAY_MS) }),
      inn(open?.id, unitB, 'diajukan', 'Antre Pertama', { submittedAt: new Date(Date.now() - 9 * DAY_MS) }),
      inn(open?.id, unitB, 'terverifikasi', 'Beta Terverifikasi'),
    ])
    .returning({ id: innovations.id, name: innovations.name });
  const idOf = (name: string) => rows.find((r) => r.name === name)?.id ?? '';
  // The verifier's return note of the newer one (the timeline), which wins over the per-field notes.
  await db.insert(innovationEvents).values({
    innovationId: idOf('Alfa Kembali Baru'),
    regionCode: HOME,
    action: 'return',
    fromStatus: 'diajukan',
    toStatus: 'dikembalikan',
    note: 'Unggah foto kegiatan dan data sebelum-sesudah.',
  });

  // A self-assessment being filled: Alfa has one overdue indicator, one due later and one filled; Beta one.
  const [spbe] = await db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.frameworkId, 'spbe-2020'));
  const [assessment] = await db
    .insert(assessments)
    .values({ regionCode: HOME, frameworkVersionId: spbe?.id ?? '', frameworkId: 'spbe-2020', year: thisYear, deadline: addDays(12) })
    .returning({ id: assessments.id });
  const item = (indicatorId: string, unitId: string, deadline: string | null, claimed: string | null = null) => ({
    assessmentId: assessment?.id ?? '',
    regionCode: HOME,
    indicatorId,
    unitId,
    deadline,
    claimedValue: claimed,
  });
  await db
    .insert(assessmentItems)
    .values([item('1', unitA, null), item('2', unitA, addDays(-3)), item('3', unitA, null, '3'), item('4', unitB, null)]);

  // Complaints: Alfa one past its SLA, one within it, one done; Beta one open.
  const [cat] = await db
    .insert(complaintCategories)
    .values({ regionCode: HOME, code: 'tugas', name: 'Jalan', unitId: unitA })
    .returning({ id: complaintCategories.id });
  const complaint = (code: string, unitId: string, status: string, dueInDays: number) => ({
    regionCode: HOME,
    trackingCode: code,
    categoryId: cat?.id ?? '',
    unitId,
    description: 'Jalan berlubang di depan sekolah',
    status,
    dueAt: new Date(Date.now() + dueInDays * DAY_MS),
  });
  await db
    .insert(complaints)
    .values([
      complaint('TG-LATE', unitA, 'diverifikasi', -2),
      complaint('TG-SOON', unitA, 'diterima', 3),
      complaint('TG-DONE', unitA, 'selesai', -5),
      complaint('TG-BETA', unitB, 'diterima', 3),
    ]);

  // Programmes of the active masterplan: Alfa leads one (one quarter reported), Beta another.
  const planRes = await admin.post(`/api/v1/regions/${HOME}/smart-city/masterplans`, {
    title: 'Masterplan Tugas',
    startYear: thisYear - 2,
    endYear: thisYear + 1,
  });
  expect(planRes.statusCode, planRes.body).toBe(201);
  const plan = json<MasterplanDetail>(planRes);
  const programme = async (name: string, leadUnitId: string) => {
    const res = await admin.post(`/api/v1/regions/${HOME}/smart-city/programmes`, {
      masterplanId: plan.id,
      elementId: plan.dimensions[0]?.elements[0]?.id,
      name,
      kind: 'jangka_menengah',
      leadUnitId,
      supportUnitIds: [],
      startYear: thisYear - 2,
      startQuarter: 1,
      endYear: thisYear + 1,
      endQuarter: 4,
      funding: [],
      outputs: [],
      innovationIds: [],
    });
    expect(res.statusCode, res.body).toBe(201);
    return json<ProgrammeDetail>(res).id;
  };
  programmeA = await programme('Program Alfa Tugas', unitA);
  programmeB = await programme('Program Beta Tugas', unitB);
  const owed = reportsOwed({ startYear: thisYear - 2, startQuarter: 1, endYear: thisYear + 1, endQuarter: 4 }, [], today);
  const firstOwed = owed[0];
  if (!firstOwed) throw new Error('nothing owed');
  await db.insert(smartcityProgressReports).values({
    regionCode: HOME,
    programmeId: programmeA,
    year: firstOwed.year,
    quarter: firstOwed.quarter,
    status: 'berjalan',
  });

  // A running competition: scoring ends in 5 days; screening already passed its last day.
  const [competition] = await db
    .insert(competitions)
    .values({
      regionCode: HOME,
      name: 'Lomba Inovasi Tugas',
      year: thisYear,
      kind: 'lomba_inovasi_daerah',
      categories: [],
      eligibility: {},
      sections: [],
      status: 'berjalan',
    })
    .returning({ id: competitions.id });
  competitionId = competition?.id ?? '';
  const [screening, scoring] = await db
    .insert(competitionStages)
    .values([
      { regionCode: HOME, competitionId, code: 'seleksi_administrasi', position: 1, startsOn: addDays(-20), endsOn: addDays(-1), status: 'dikunci' },
      { regionCode: HOME, competitionId, code: 'penilaian_proposal', position: 2, startsOn: addDays(-1), endsOn: addDays(5), status: 'berjalan' },
    ])
    .returning({ id: competitionStages.id });
  const [entry1, entry2, entry3] = await db
    .insert(competitionEntries)
    .values([
      { regionCode: HOME, competitionId, innovationId: idOf('Beta Terverifikasi'), unitId: unitB, category: 'opd', status: 'lolos' },
      { regionCode: HOME, competitionId, innovationId: idOf('Antre Kedua'), unitId: unitA, category: 'opd', status: 'lolos' },
      // Submitted but left unscreened when screening closed: nothing can be done about it any more.
      {
        regionCode: HOME,
        competitionId,
        innovationId: idOf('Antre Pertama'),
        unitId: unitB,
        category: 'opd',
        status: 'diajukan',
        submittedAt: new Date(),
      },
    ])
    .returning({ id: competitionEntries.id });
  // Another competition whose screening runs, and should have ended yesterday.
  const [screened] = await db
    .insert(competitions)
    .values({
      regionCode: HOME,
      name: 'KIPP Tugas',
      year: thisYear,
      kind: 'kipp_preselection',
      categories: [],
      eligibility: {},
      sections: [],
      status: 'berjalan',
    })
    .returning({ id: competitions.id });
  screeningCompetitionId = screened?.id ?? '';
  await db.insert(competitionStages).values({
    regionCode: HOME,
    competitionId: screeningCompetitionId,
    code: 'seleksi_administrasi',
    position: 1,
    startsOn: addDays(-10),
    endsOn: addDays(-1),
    status: 'berjalan',
  });
  await db.insert(competitionEntries).values({
    regionCode: HOME,
    competitionId: screeningCompetitionId,
    innovationId: idOf('Alfa Draf'),
    unitId: unitA,
    category: 'umum',
    status: 'diajukan',
    submittedAt: new Date(),
  });
  expect(screening?.id).toBeTruthy();
  const sheet = (entryId: string | undefined, judgeUserId: string, status: string) => ({
    regionCode: HOME,
    stageId: scoring?.id ?? '',
    entryId: entryId ?? '',
    judgeUserId,
    status,
  });
  await db
    .insert(competitionSheets)
    .values([sheet(entry1?.id, judgeId, 'draft'), sheet(entry2?.id, judgeId, 'submitted'), sheet(entry1?.id, otherJudgeId, 'draft')]);
  expect(entry3?.id).toBeTruthy();
});
afterAll(() => t.close());

describe('Tugas saya of an operator', () => {
  it('lists their unit’s kinds only, overdue first, with the verifier’s note', async () => {
    const tasks = await tasksOf(operatorA);
    expect(tasks.groups.map((g) => g.kind)).toEqual([
      'returned_innovations',
      'programme_reports',
      'assigned_indicators',
      'unit_complaints',
      'draft_innovations',
    ]);
    const returned = group(tasks, 'returned_innovations');
    // Last year's window has closed: that one is overdue and comes first.
    expect(titles(returned)).toEqual(['Alfa Kembali Lama', 'Alfa Kembali Baru']);
    expect(returned.items.map((i) => i.overdue)).toEqual([true, false]);
    expect(returned.overdue).toBe(1);
    expect(returned.items[0]?.note).toBe('Tujuan belum jelas.');
    expect(returned.items[1]?.note).toBe('Unggah foto kegiatan dan data sebelum-sesudah.');
    expect(returned.items[1]?.link).toMatch(/^\/inovasi\/[0-9a-f-]{36}$/);
    expect(returned.items[1]?.dueOn).toBe(addDays(10));

    expect(titles(group(tasks, 'draft_innovations'))).toEqual(['Alfa Draf']);
  });

  it('shows the indicators assigned to the unit and not filled, the overdue one first, by name', async () => {
    const indicators = group(await tasksOf(operatorA), 'assigned_indicators');
    expect(indicators.total).toBe(2);
    expect(indicators.items.map((i) => [i.title.split('.')[0], i.dueOn, i.overdue])).toEqual([
      ['2', addDays(-3), true],
      ['1', addDays(12), false],
    ]);
    // The indicator's name from the framework, not only its code.
    expect(indicators.items[0]?.title).toMatch(/^2\. \S+/);
    expect(indicators.items[0]?.context).toContain(String(thisYear));
  });

  it('shows the unit’s unresolved complaints, past the SLA first', async () => {
    const inbox = group(await tasksOf(operatorA), 'unit_complaints');
    expect(inbox.items.map((i) => [i.title, i.overdue])).toEqual([
      ['TG-LATE · Jalan', true],
      ['TG-SOON · Jalan', false],
    ]);
    expect(inbox.overdue).toBe(1);
    expect(inbox.items[0]?.link).toMatch(/^\/pengaduan-masuk\//);
  });

  it('shows the programme reports the unit owes, not the quarter it reported', async () => {
    const reports = group(await tasksOf(operatorA), 'programme_reports');
    expect(reports.total).toBe(3);
    expect(new Set(titles(reports))).toEqual(new Set(['Program Alfa Tugas']));
    expect(reports.items.every((i) => i.link === `/kota-cerdas/program/${programmeA}`)).toBe(true);
    // Overdue first, then by due date; each names its quarter.
    const flags = reports.items.map((i) => i.overdue);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    expect(reports.items.every((i) => /^\d{4} TW[1-4]$/.test(i.note ?? ''))).toBe(true);
    expect(reports.overdue).toBeGreaterThanOrEqual(2);
  });

  it('never shows another unit’s work', async () => {
    const a = await tasksOf(operatorA);
    const all = a.groups.flatMap((g) => g.items.map((i) => i.title)).join('|');
    for (const name of ['Beta Kembali', 'Beta Draf', 'TG-BETA', 'Program Beta Tugas']) expect(all).not.toContain(name);
    const b = await tasksOf(operatorB);
    expect(titles(group(b, 'returned_innovations'))).toEqual(['Beta Kembali']);
    expect(titles(group(b, 'unit_complaints'))).toEqual(['TG-BETA · Jalan']);
    expect(group(b, 'assigned_indicators').items.map((i) => i.title.split('.')[0])).toEqual(['4']);
    expect(group(b, 'programme_reports').items.every((i) => i.link === `/kota-cerdas/program/${programmeB}`)).toBe(true);
    expect(group(b, 'programme_reports').total).toBe(4);
  });
});

describe('Tugas saya of the other roles', () => {
  it('a verifier sees the verification queue, the longest waiting first, and nothing else', async () => {
    const tasks = await tasksOf(verifier);
    expect(tasks.groups.map((g) => g.kind)).toEqual(['verification_queue']);
    expect(titles(group(tasks, 'verification_queue'))).toEqual(['Antre Pertama', 'Antre Kedua']);
    expect(group(tasks, 'verification_queue').items[0]?.context).toBe('Dinas Beta Tugas');
  });

  it('a judge sees only their own entries not yet scored, with the stage’s last day', async () => {
    const tasks = await tasksOf(judge);
    expect(tasks.groups.map((g) => g.kind)).toEqual(['judging']);
    const judging = group(tasks, 'judging');
    expect(judging.total).toBe(1);
    expect(judging.items.map((i) => [i.title, i.context, i.dueOn, i.tag])).toEqual([
      ['Beta Terverifikasi', 'Lomba Inovasi Tugas', addDays(5), 'penilaian_proposal'],
    ]);
    expect(judging.items[0]?.link).toMatch(/^\/penjurian\//);
  });

  it('a regional admin sees what waits on them and what closes within 14 days', async () => {
    const tasks = await tasksOf(admin);
    expect(tasks.groups.map((g) => g.kind)).toEqual(['verification_queue', 'entries_to_screen', 'deadlines']);
    const screen = group(tasks, 'entries_to_screen');
    expect(titles(screen)).toEqual(['Alfa Draf']);
    // Only the competition whose screening runs; its last day was yesterday: the entry is late.
    expect(screen.items[0]?.overdue).toBe(true);
    expect(screen.items[0]?.link).toBe(`/kompetisi/${screeningCompetitionId}/peserta/${screen.items[0]?.id}`);
    expect(screen.items[0]?.context).toBe('KIPP Tugas · Dinas Alfa Tugas');
    const deadlines = group(tasks, 'deadlines');
    expect(deadlines.items.map((i) => [i.tag, i.dueOn])).toEqual([
      ['competition_stage', addDays(5)],
      ['period', addDays(10)],
      ['assessment', addDays(12)],
    ]);
    expect(deadlines.items[1]?.title).toBe(String(thisYear));
    // Last year's closed window is not a deadline any more.
    expect(deadlines.total).toBe(3);
  });

  it('a leader has nothing waiting', async () => {
    const tasks = await tasksOf(pimpinan);
    expect(tasks.groups).toEqual([]);
    expect(tasks.today).toBe(today);
  });
});

describe('limits and tenancy', () => {
  it('lists at most 20 per kind with the full count', async () => {
    const [period] = await t.db.select({ id: periods.id }).from(periods).where(eq(periods.year, thisYear));
    await t.db.insert(innovations).values(
      Array.from({ length: 23 }, (_, i) => ({
        regionCode: HOME,
        periodId: period?.id ?? '',
        unitId: unitB,
        status: 'draft',
        name: `Beta Draf Banyak ${i}`,
      })),
    );
    const drafts = group(await tasksOf(operatorB), 'draft_innovations');
    expect(drafts.items).toHaveLength(20);
    expect(drafts.total).toBe(24);
  });

  it('refuses the anonymous caller and another region’s admin, and answers the admin’s own region only', async () => {
    expect((await anonymous(t.app).get(tasksUrl())).statusCode).toBe(401);
    expect((await foreignAdmin.get(tasksUrl())).statusCode).toBe(403);
    const own = await foreignAdmin.get(tasksUrl(OTHER));
    expect(own.statusCode, own.body).toBe(200);
    const foreign = json<MyTasks>(own);
    expect(foreign.groups.flatMap((g) => g.items)).toEqual([]);
  });
});
