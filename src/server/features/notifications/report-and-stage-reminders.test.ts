/**
 * The scheduled notices of smart-city reports and competition stages, on the real app and database with
 * a fixed clock: a quarter's report due tells the lead unit's operators seven days ahead and on the due
 * date, once each however often the job runs, in each person's language, and nobody once the quarter is
 * reported; an opened competition stage tells the operators of the units still in it, once; registration
 * tells every operator of the region; a stage whose first day has not come tells nobody. A national
 * competition's stages tell the operators of every participating region (registration) or of the
 * entrants' units in each region, once each, filed under the recipient's region.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  competitionEntries,
  competitionStages,
  competitions,
  innovations,
  notifications,
  periods,
  smartcityProgressReports,
  users,
} from '#server/db/schema.ts';
import type { MasterplanDetail, ProgrammeDetail } from '#shared/api/kota-cerdas.ts';
import type { NotificationItem } from '#shared/api/notifications.ts';
import { type Client, clientFor, loginAs, makeUnit, makeUser, startTestApp, type TestApp } from '../../../../test/support/harness.ts';
import { notifyOpenedCompetitionStages, sendProgrammeReportReminders } from './report-and-stage-reminders.ts';

const HOME = '19.71';
const ME = '/api/v1/me/notifications';

let t: TestApp;
let admin: Client;
let unitU = '';
let unitV = '';
let opEn: { id: string; client: Client };
let opId: { id: string; client: Client };
let opV: { id: string; client: Client };
let programmeU = '';
let programmeV = '';

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
/** 08:00 WIB on a day. */
const at = (day: string) => new Date(`${day}T01:00:00Z`);

async function person(unitId: string) {
  const user = await makeUser(t.db, { role: 'operator', regionCode: HOME, unitId });
  return { id: user.id, client: await loginAs(t.app, user.username) };
}

async function told(userIds: string[], kind: string) {
  return t.db
    .select()
    .from(notifications)
    .where(and(inArray(notifications.userId, userIds), eq(notifications.kind, kind)));
}

async function listOf(client: Client): Promise<NotificationItem[]> {
  const res = await client.get(ME);
  expect(res.statusCode, res.body).toBe(200);
  return json<{ items: NotificationItem[] }>(res).items;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  unitU = (await makeUnit(t.db, HOME, { name: 'Dinas Pelapor' })).id;
  unitV = (await makeUnit(t.db, HOME, { name: 'Dinas Lain' })).id;
  opEn = await person(unitU);
  opId = await person(unitU);
  opV = await person(unitV);
  const res = await opEn.client.put(`${ME}/preferences`, { language: 'en', kinds: [] });
  expect(res.statusCode, res.body).toBe(200);

  const planRes = await admin.post(`/api/v1/regions/${HOME}/smart-city/masterplans`, {
    title: 'Masterplan Pengingat',
    startYear: 2025,
    endYear: 2027,
  });
  expect(planRes.statusCode, planRes.body).toBe(201);
  const plan = json<MasterplanDetail>(planRes);
  const programme = async (name: string, leadUnitId: string) => {
    const r = await admin.post(`/api/v1/regions/${HOME}/smart-city/programmes`, {
      masterplanId: plan.id,
      elementId: plan.dimensions[0]?.elements[0]?.id,
      name,
      kind: 'jangka_pendek',
      leadUnitId,
      supportUnitIds: [],
      startYear: 2025,
      startQuarter: 1,
      endYear: 2027,
      endQuarter: 4,
      funding: [],
      outputs: [],
      innovationIds: [],
    });
    expect(r.statusCode, r.body).toBe(201);
    return json<ProgrammeDetail>(r).id;
  };
  programmeU = await programme('Sistem Antrean Daring', unitU);
  programmeV = await programme('Taman Kota Pintar', unitV);
  // Dinas Lain has already reported the second quarter of 2026.
  await t.db.insert(smartcityProgressReports).values({ regionCode: HOME, programmeId: programmeV, year: 2026, quarter: 2, status: 'berjalan' });
});
afterAll(() => t.close());

describe('programme report due', () => {
  it('tells nobody before the week of the due date', async () => {
    expect((await sendProgrammeReportReminders(t.db, at('2026-07-02'))).notified).toBe(0);
  });

  it('seven days ahead tells the lead unit’s operators once, each in their language', async () => {
    const first = await sendProgrammeReportReminders(t.db, at('2026-07-03'));
    expect(first.notified).toBe(2);
    // The job again the same day and the next: nobody hears the H-7 twice.
    expect((await sendProgrammeReportReminders(t.db, at('2026-07-03'))).notified).toBe(0);
    expect((await sendProgrammeReportReminders(t.db, at('2026-07-04'))).notified).toBe(0);

    const rows = await told([opEn.id, opId.id, opV.id], 'programme_report_due');
    expect(rows.map((r) => r.userId).sort()).toEqual([opEn.id, opId.id].sort());
    expect(rows.every((r) => r.link === `/kota-cerdas/program/${programmeU}`)).toBe(true);

    const [en] = await listOf(opEn.client);
    expect(en?.title).toBe('Sistem Antrean Daring report due 10/07/2026');
    expect(en?.body).toContain('for Q2 2026 is due on 10/07/2026');
    const [id] = await listOf(opId.client);
    expect(id?.title).toBe('Laporan Sistem Antrean Daring jatuh tempo 10/07/2026');
    expect(id?.body).toContain('untuk triwulan 2 tahun 2026 jatuh tempo pada 10/07/2026');
  });

  it('on the due date tells them again, once, and not once the quarter is reported', async () => {
    expect((await sendProgrammeReportReminders(t.db, at('2026-07-10'))).notified).toBe(2);
    expect((await sendProgrammeReportReminders(t.db, at('2026-07-11'))).notified).toBe(0);
    expect(await told([opEn.id, opId.id], 'programme_report_due')).toHaveLength(4);
    expect(await told([opV.id], 'programme_report_due')).toHaveLength(0);

    // Dinas Pelapor has reported the third quarter: at its H-7 only Dinas Lain, which has not, is told.
    await t.db.insert(smartcityProgressReports).values({ regionCode: HOME, programmeId: programmeU, year: 2026, quarter: 3, status: 'berjalan' });
    expect((await sendProgrammeReportReminders(t.db, at('2026-10-05'))).notified).toBe(1);
    expect(await told([opV.id], 'programme_report_due')).toHaveLength(1);
  });
});

describe('competition stage opened', () => {
  let competitionId = '';

  beforeAll(async () => {
    const [period] = await t.db
      .insert(periods)
      .values({ regionCode: HOME, year: 2026, opensOn: '2026-01-01', closesOn: '2026-12-31', targetTotal: 5 })
      .returning({ id: periods.id });
    const inns = await t.db
      .insert(innovations)
      .values([
        { regionCode: HOME, periodId: period?.id ?? '', unitId: unitU, status: 'terverifikasi', name: 'Antrean Daring' },
        { regionCode: HOME, periodId: period?.id ?? '', unitId: unitV, status: 'terverifikasi', name: 'Taman Sensor' },
      ])
      .returning({ id: innovations.id });
    const [c] = await t.db
      .insert(competitions)
      .values({
        regionCode: HOME,
        name: 'Lomba Inovasi 2026',
        year: 2026,
        kind: 'lomba_inovasi_daerah',
        categories: [],
        eligibility: {},
        sections: [],
        status: 'berjalan',
      })
      .returning({ id: competitions.id });
    competitionId = c?.id ?? '';
    await t.db.insert(competitionStages).values([
      { regionCode: HOME, competitionId, code: 'pendaftaran', position: 1, startsOn: '2026-05-01', endsOn: '2026-05-31', status: 'dikunci' },
      { regionCode: HOME, competitionId, code: 'seleksi_administrasi', position: 2, startsOn: '2026-06-01', endsOn: '2026-06-10', status: 'dikunci' },
      { regionCode: HOME, competitionId, code: 'penilaian_proposal', position: 3, startsOn: '2026-06-15', endsOn: '2026-06-30', status: 'berjalan' },
    ]);
    // Dinas Pelapor's entry passed screening; Dinas Lain's did not.
    await t.db.insert(competitionEntries).values([
      { regionCode: HOME, competitionId, innovationId: inns[0]?.id ?? '', unitId: unitU, category: 'opd', status: 'lolos' },
      { regionCode: HOME, competitionId, innovationId: inns[1]?.id ?? '', unitId: unitV, category: 'opd', status: 'tidak_lolos' },
    ]);
  });

  it('waits for the stage’s first day', async () => {
    expect((await notifyOpenedCompetitionStages(t.db, at('2026-06-14'))).notified).toBe(0);
  });

  it('tells the operators of the units still in the competition, once, in their language', async () => {
    expect((await notifyOpenedCompetitionStages(t.db, at('2026-06-15'))).notified).toBe(2);
    expect((await notifyOpenedCompetitionStages(t.db, at('2026-06-16'))).notified).toBe(0);
    const rows = await told([opEn.id, opId.id, opV.id], 'competition_stage_opened');
    expect(rows.map((r) => r.userId).sort()).toEqual([opEn.id, opId.id].sort());
    expect(rows[0]?.link).toBe(`/kompetisi/${competitionId}`);
    const en = (await listOf(opEn.client)).find((n) => n.kind === 'competition_stage_opened');
    expect(en?.title).toBe('Lomba Inovasi 2026: stage proposal scoring is open');
    const id = (await listOf(opId.client)).find((n) => n.kind === 'competition_stage_opened');
    expect(id?.body).toBe('Tahap penilaian proposal kompetisi "Lomba Inovasi 2026" dibuka sampai 30/06/2026.');
  });

  it('an open registration tells every active operator of the region', async () => {
    const [c] = await t.db
      .insert(competitions)
      .values({
        regionCode: HOME,
        name: 'KIPP 2026',
        year: 2026,
        kind: 'kipp_preselection',
        categories: [],
        eligibility: {},
        sections: [],
        status: 'berjalan',
      })
      .returning({ id: competitions.id });
    await t.db.insert(competitionStages).values({
      regionCode: HOME,
      competitionId: c?.id ?? '',
      code: 'pendaftaran',
      position: 1,
      startsOn: '2026-08-01',
      endsOn: '2026-08-31',
      status: 'berjalan',
    });
    const operators = await t.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.regionCode, HOME), eq(users.role, 'operator'), eq(users.isActive, true)));
    expect((await notifyOpenedCompetitionStages(t.db, at('2026-08-01'))).notified).toBe(operators.length);
    expect(await told([opV.id], 'competition_stage_opened')).toHaveLength(1);
    expect((await notifyOpenedCompetitionStages(t.db, at('2026-08-02'))).notified).toBe(0);
  });
});

describe('a national competition’s stage opened', () => {
  /** Kota Palangkaraya takes part, and Kota Pangkalpinang through its province; Kota Banjarmasin does not. */
  const KALTENG = '62.71';
  const KALSEL = '63.71';
  let competitionId = '';
  let registrationId = '';
  let entrantUnit = '';
  let entrant: { id: string; client: Client };
  let idle: { id: string; client: Client };
  let outside: { id: string; client: Client };

  async function operatorOf(regionCode: string, unitId: string) {
    const user = await makeUser(t.db, { role: 'operator', regionCode, unitId });
    return { id: user.id, client: await loginAs(t.app, user.username) };
  }

  beforeAll(async () => {
    entrantUnit = (await makeUnit(t.db, KALTENG, { name: 'Dinas Kesehatan Palangka Raya' })).id;
    const quiet = await makeUnit(t.db, KALTENG, { name: 'Dinas Arsip Palangka Raya' });
    entrant = await operatorOf(KALTENG, entrantUnit);
    idle = await operatorOf(KALTENG, quiet.id);
    outside = await operatorOf(KALSEL, (await makeUnit(t.db, KALSEL)).id);
    const res = await entrant.client.put(`${ME}/preferences`, { language: 'en', kinds: [] });
    expect(res.statusCode, res.body).toBe(200);
    const [c] = await t.db
      .insert(competitions)
      .values({
        regionCode: null,
        scope: 'national',
        participantRegions: ['19', KALTENG],
        name: 'KIPP Nasional 2027',
        year: 2027,
        kind: 'kipp_preselection',
        categories: [],
        eligibility: {},
        sections: [],
        status: 'berjalan',
      })
      .returning({ id: competitions.id });
    competitionId = c?.id ?? '';
    const [stage] = await t.db
      .insert(competitionStages)
      .values({
        regionCode: 'nasional',
        competitionId,
        code: 'pendaftaran',
        position: 1,
        startsOn: '2027-02-01',
        endsOn: '2027-02-28',
        status: 'berjalan',
      })
      .returning({ id: competitionStages.id });
    registrationId = stage?.id ?? '';
  });

  it('announces registration to every operator of each participating region, under their own region, once', async () => {
    const operators = await t.db
      .select({ id: users.id, regionCode: users.regionCode })
      .from(users)
      .where(and(inArray(users.regionCode, [HOME, KALTENG]), eq(users.role, 'operator'), eq(users.isActive, true)));
    expect(operators.filter((o) => o.regionCode === KALTENG)).toHaveLength(2);
    expect((await notifyOpenedCompetitionStages(t.db, at('2027-02-01'))).notified).toBe(operators.length);
    expect((await notifyOpenedCompetitionStages(t.db, at('2027-02-02'))).notified).toBe(0);
    const rows = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'competition_stage_opened'), eq(notifications.dedupeKey, `competition_stage_opened:${registrationId}`)));
    expect(rows.map((r) => r.userId).sort()).toEqual(operators.map((o) => o.id).sort());
    // Each notice is filed under its recipient's region; the national competition has none.
    expect(rows.find((r) => r.userId === entrant.id)?.regionCode).toBe(KALTENG);
    expect(rows.find((r) => r.userId === opId.id)?.regionCode).toBe(HOME);
    expect(rows.some((r) => r.userId === outside.id)).toBe(false);
    const en = (await listOf(entrant.client)).find((n) => n.kind === 'competition_stage_opened');
    expect(en?.title).toBe('KIPP Nasional 2027: stage registration is open');
    expect(en?.link).toBe(`/kompetisi/${competitionId}`);
    const id = (await listOf(opId.client)).find((n) => n.body.includes('KIPP Nasional 2027'));
    expect(id?.body).toBe('Tahap pendaftaran kompetisi "KIPP Nasional 2027" dibuka sampai 28/02/2027.');
  });

  it('tells the operators of the entrants’ units in both regions when a later stage opens, once each', async () => {
    const [period] = await t.db
      .insert(periods)
      .values({ regionCode: KALTENG, year: 2027, opensOn: '2027-01-01', closesOn: '2027-12-31', targetTotal: 5 })
      .returning({ id: periods.id });
    const [kalteng] = await t.db
      .insert(innovations)
      .values({
        regionCode: KALTENG,
        periodId: period?.id ?? '',
        unitId: entrantUnit,
        status: 'terverifikasi',
        name: 'Puskesmas Keliling Daring',
      })
      .returning({ id: innovations.id });
    const [babel] = await t.db.select({ id: innovations.id }).from(innovations).where(eq(innovations.name, 'Antrean Daring'));
    await t.db.insert(competitionEntries).values([
      { regionCode: HOME, competitionId, innovationId: babel?.id ?? '', unitId: unitU, category: 'umum', status: 'diajukan' },
      {
        regionCode: KALTENG,
        competitionId,
        innovationId: kalteng?.id ?? '',
        unitId: entrantUnit,
        category: 'umum',
        status: 'diajukan',
      },
    ]);
    await t.db.update(competitionStages).set({ status: 'dikunci' }).where(eq(competitionStages.id, registrationId));
    const [proposal] = await t.db
      .insert(competitionStages)
      .values({
        regionCode: 'nasional',
        competitionId,
        code: 'penilaian_proposal',
        position: 2,
        startsOn: '2027-03-01',
        endsOn: '2027-03-20',
        status: 'berjalan',
      })
      .returning({ id: competitionStages.id });
    // Dinas Pelapor's two operators in Pangkalpinang and the entrant's in Palangka Raya.
    expect((await notifyOpenedCompetitionStages(t.db, at('2027-03-01'))).notified).toBe(3);
    expect((await notifyOpenedCompetitionStages(t.db, at('2027-03-01'))).notified).toBe(0);
    const rows = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.dedupeKey, `competition_stage_opened:${proposal?.id}`));
    expect(rows.map((r) => r.userId).sort()).toEqual([opEn.id, opId.id, entrant.id].sort());
    expect(rows.some((r) => r.userId === idle.id || r.userId === opV.id)).toBe(false);
  });
});
