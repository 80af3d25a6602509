/**
 * IGA nominee preparation run by the national admin across regions, through the HTTP API on a real
 * database: units of two regions enter, the gladi presentasi is scored on the IGA rubric by judges of
 * other regions (each told once of their assignment), and the field-validation checklist reads each
 * nominee's indicators and evidence from its own region. The national admin checks from the national
 * routes; a judge on the panel checks from their own region, never their own region's nominee; a
 * participating region's staff only read their region's nominee; a region outside finds nothing.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iidStructure } from '#domain/iid/structure.ts';
import type { CompetitionDetail, EntryDetail, JudgeHome, PanelView, SheetDetail, StageResults } from '#shared/api/competitions.ts';
import type { FieldChecklist, FieldChecklistList } from '#shared/api/competitions-iga.ts';
import { attachments, auditLog, competitionFieldChecks, iidAnswers, innovations, notifications, periods } from '#server/db/schema.ts';
import { iidFrameworkOfPeriod } from '#server/platform/frameworks/registry.ts';
import { type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

/** Kota Pangkalpinang (through its province) and Kota Palangkaraya take part; Kota Banjarmasin does not. */
const BABEL = '19.71';
const KALTENG = '62.71';
const KALSEL = '63.71';
const CRITERIA = ['kebaharuan', 'kemanfaatan', 'kewenangan_kolaborasi', 'replikasi', 'penguasaan_materi'];
const national = '/api/v1/national/competitions';
const regional = (region: string) => `/api/v1/regions/${region}/competitions`;

let t: TestApp;
let nasional: Client;
const admins = new Map<string, Client>();
const operators = new Map<string, Client>();
const judges = new Map<string, { client: Client; id: string }>();
const innovationOf = new Map<string, string>();
const entryOf = new Map<string, string>();
let competition: CompetitionDetail;
let kaltengIndicators: string[] = [];

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const must = <T>(v: T | undefined): T => {
  if (v === undefined) throw new Error('missing test fixture');
  return v;
};
const stageId = (code: string) => must(competition.stages.find((s) => s.code === code)).id;
const checks = (scope: string) => `${scope}/${competition.id}/field-checks`;
const lineOf = (scope: string, region: string, indicatorId: string) => `${checks(scope)}/${entryOf.get(region)}/lines/${indicatorId}`;

beforeAll(async () => {
  t = await startTestApp();
  nasional = (await clientFor(t, 'admin_nasional')).client;
  for (const region of [BABEL, KALTENG, KALSEL]) {
    admins.set(region, (await clientFor(t, 'admin_daerah', region)).client);
    const unit = await makeUnit(t.db, region, { name: `Dinas Nominee ${region}` });
    operators.set(region, (await clientFor(t, 'operator', region, unit.id)).client);
    const judge = await clientFor(t, 'juri', region);
    judges.set(region, { client: judge.client, id: judge.user.id });
    const [period] = await t.db
      .insert(periods)
      .values({ regionCode: region, year: 2026, opensOn: '2026-01-01', closesOn: '2026-12-31', targetTotal: 10 })
      .returning();
    const [innovation] = await t.db
      .insert(innovations)
      .values({
        regionCode: region,
        periodId: must(period).id,
        unitId: unit.id,
        name: `Nominee ${region}`,
        status: 'terverifikasi',
        tahapan: 'penerapan',
        waktuPenerapan: '2022-01-01',
        tujuan: 'Mempercepat layanan bagi warga.',
      })
      .returning();
    innovationOf.set(region, must(innovation).id);
    if (region === KALTENG) {
      // Palangkaraya's nominee has answered its first indicator, with evidence, in its own region.
      const { framework } = await iidFrameworkOfPeriod(t.db, region, must(period));
      kaltengIndicators = iidStructure(framework).sid.map((i) => i.id);
      const first = must(kaltengIndicators[0]);
      await t.db
        .insert(iidAnswers)
        .values({ regionCode: region, periodId: must(period).id, innovationId: must(innovation).id, indicatorId: first, claimedLevel: 1 });
      await t.db.insert(attachments).values({
        regionCode: region,
        ownerType: 'innovation',
        ownerId: must(innovation).id,
        slot: `sid.${first}`,
        kind: 'link',
        title: 'SK Wali Kota Palangka Raya',
        url: 'https://palangkaraya.go.id/sk.pdf',
      });
    }
  }
  const english = await must(judges.get(KALSEL)).client.put('/api/v1/me/notifications/preferences', { language: 'en', kinds: [] });
  expect(english.statusCode, english.body).toBe(200);
});
afterAll(() => t.close());

describe('a national IGA preparation', () => {
  it('is set up by the national admin and entered by the units of both regions', async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const created = await nasional.post(national, {
      name: 'Persiapan Nominee IGA Nasional Uji',
      year: 2026,
      kind: 'iga_nominee',
      categories: [{ code: 'nominee', name: 'Nominee IGA' }],
      eligibility: {
        requireVerified: true,
        allowedTahapan: ['penerapan'],
        minYearsSincePenerapan: 0,
        requireInnovatorSk: false,
        maxEntriesPerUnit: null,
      },
      // The proposal's section is filled from the innovation's own tujuan.
      sections: [{ code: 'tujuan', title: 'Tujuan', guidance: '', wordLimit: 50 }],
      stages: [
        { code: 'pendaftaran', startsOn: day(-5), endsOn: day(5) },
        {
          code: 'presentasi',
          startsOn: day(6),
          endsOn: day(9),
          rubricCode: 'rubrik-iga-presentasi-2023',
          judgesPerEntry: 1,
          weight: '100',
          normalise: false,
        },
        { code: 'penetapan', startsOn: day(10), endsOn: day(12) },
      ],
      participantRegions: ['19', KALTENG],
    });
    expect(created.statusCode, created.body).toBe(201);
    competition = json<CompetitionDetail>(created);
    expect((await nasional.post(`${national}/${competition.id}/open`)).statusCode).toBe(200);
    for (const region of [BABEL, KALTENG]) {
      const op = must(operators.get(region));
      const res = await op.post(`${regional(region)}/${competition.id}/entries`, { innovationId: innovationOf.get(region), category: 'nominee' });
      expect(res.statusCode, res.body).toBe(201);
      const entry = json<EntryDetail>(res);
      entryOf.set(region, entry.id);
      expect((await op.post(`${regional(region)}/${competition.id}/entries/${entry.id}/submit`)).statusCode).toBe(200);
    }
  });

  it('has its gladi presentasi scored on the IGA rubric by judges of other regions, each told once', async () => {
    expect((await nasional.post(`${national}/${competition.id}/stages/${stageId('pendaftaran')}/lock`)).statusCode).toBe(200);
    const stage = stageId('presentasi');
    for (const region of [BABEL, KALSEL]) {
      const added = await nasional.post(`${national}/${competition.id}/stages/${stage}/panel`, { userId: judges.get(region)?.id });
      expect(added.statusCode, added.body).toBe(200);
    }
    const assigned = await nasional.post(`${national}/${competition.id}/stages/${stage}/assignment`);
    expect(assigned.statusCode, assigned.body).toBe(200);
    const panel = json<PanelView>(assigned);
    expect(panel.sheets.map((s) => `${s.entryId}:${s.judgeUserId}`).sort()).toEqual(
      [`${entryOf.get(BABEL)}:${judges.get(KALSEL)?.id}`, `${entryOf.get(KALTENG)}:${judges.get(BABEL)?.id}`].sort(),
    );
    // The same assignment asked again tells nobody twice.
    expect((await nasional.post(`${national}/${competition.id}/stages/${stage}/assignment`)).statusCode).toBe(200);
    for (const region of [BABEL, KALSEL]) {
      const told = await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, must(judges.get(region)).id), eq(notifications.kind, 'judge_assigned')));
      expect(told, region).toHaveLength(1);
      expect(told[0]?.params).toMatchObject({ count: 1, competition: 'Persiapan Nominee IGA Nasional Uji' });
    }
    const bell = json<{ items: { kind: string; title: string }[] }>(await must(judges.get(KALSEL)).client.get('/api/v1/me/notifications'));
    expect(bell.items.find((n) => n.kind === 'judge_assigned')?.title).toBe('You judge Persiapan Nominee IGA Nasional Uji');

    for (const [region, score] of [
      [BABEL, 82],
      [KALSEL, 76],
    ] as const) {
      const judge = must(judges.get(region));
      const home = json<JudgeHome>(await judge.client.get(`/api/v1/regions/${region}/judging`));
      const [item] = home.items.filter((i) => i.competitionId === competition.id);
      expect(item?.stageCode).toBe('presentasi');
      const url = `/api/v1/regions/${region}/judging/sheets/${item?.sheetId}`;
      const sheet = json<SheetDetail>(await judge.client.get(url));
      expect(sheet.rubric.criteria.map((c) => c.code)).toEqual(CRITERIA);
      const saved = await judge.client.put(url, { scores: Object.fromEntries(CRITERIA.map((c) => [c, String(score)])), version: sheet.version });
      expect(saved.statusCode, saved.body).toBe(200);
      expect((await judge.client.post(`${url}/submit`)).statusCode).toBe(200);
    }
    expect((await nasional.post(`${national}/${competition.id}/stages/${stage}/lock`)).statusCode).toBe(200);
    const results = json<StageResults>(await nasional.get(`${national}/${competition.id}/stages/${stage}/results`));
    // Palangkaraya's nominee was scored 82 by Pangkalpinang's judge, Pangkalpinang's 76 by Banjarmasin's.
    expect(results.items.map((i) => [i.regionName, i.score, i.rank])).toEqual([
      ['Kota Palangkaraya', '82.00', 1],
      ['Kota Pangkal Pinang', '76.00', 2],
    ]);
  });
});

describe('the field-validation checklist across regions', () => {
  it('lists both nominees for the national admin, each read from its own region, and records checks without a region', async () => {
    const list = await nasional.get(checks(national));
    expect(list.statusCode, list.body).toBe(200);
    const body = json<FieldChecklistList>(list);
    expect(body.canEdit).toBe(true);
    expect(body.items.map((i) => [i.innovationName, i.regionName, i.competitionScope])).toEqual([
      [`Nominee ${BABEL}`, 'Kota Pangkal Pinang', 'national'],
      [`Nominee ${KALTENG}`, 'Kota Palangkaraya', 'national'],
    ]);
    const one = json<FieldChecklist>(await nasional.get(`${checks(national)}/${entryOf.get(KALTENG)}`));
    expect(one.lines.map((l) => l.indicatorId)).toEqual(kaltengIndicators);
    expect(one.lines[0]?.claimedLevel).toBe(1);
    expect(one.lines[0]?.evidence.map((e) => e.title)).toEqual(['SK Wali Kota Palangka Raya']);
    const first = must(kaltengIndicators[0]);
    const saved = await nasional.put(lineOf(national, KALTENG, first), { status: 'sesuai', note: 'SK sesuai', version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    const [stored] = await t.db
      .select()
      .from(competitionFieldChecks)
      .where(eq(competitionFieldChecks.entryId, must(entryOf.get(KALTENG))));
    expect(stored?.regionCode).toBe(KALTENG);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'competition.field_check_saved'), eq(auditLog.entityId, must(entryOf.get(KALTENG)))));
    expect(audit.map((a) => a.regionCode)).toEqual([null]);
    const xlsx = await nasional.get(`${checks(national)}/${entryOf.get(KALTENG)}/checklist.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('lets a judge on the panel check from their own region every nominee but their own region’s', async () => {
    const banjarmasin = must(judges.get(KALSEL));
    const home = json<FieldChecklistList>(await banjarmasin.client.get(`${regional(KALSEL)}/field-checks`));
    expect(home.items.map((i) => i.regionName).sort()).toEqual(['Kota Palangkaraya', 'Kota Pangkal Pinang']);
    const line = must(kaltengIndicators[1]);
    const saved = await banjarmasin.client.put(lineOf(regional(KALSEL), BABEL, line), { status: 'perlu_perbaikan', note: 'Foto kurang', version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);

    const pangkalpinang = must(judges.get(BABEL));
    const mine = json<FieldChecklistList>(await pangkalpinang.client.get(`${regional(BABEL)}/field-checks`));
    expect(mine.items.map((i) => i.regionName)).toEqual(['Kota Palangkaraya']);
    expect((await pangkalpinang.client.get(`${checks(regional(BABEL))}/${entryOf.get(BABEL)}`)).statusCode).toBe(404);
    expect((await pangkalpinang.client.put(lineOf(regional(BABEL), BABEL, line), { status: 'sesuai', note: '', version: 1 })).statusCode).toBe(404);
    const other = json<FieldChecklist>(await pangkalpinang.client.get(`${checks(regional(BABEL))}/${entryOf.get(KALTENG)}`));
    expect(other.canEdit).toBe(true);
    expect(other.lines[0]?.status).toBe('sesuai');
  });

  it('lets a participating region’s staff only read their own region’s nominee; a region outside finds nothing', async () => {
    const babel = must(admins.get(BABEL));
    const list = json<FieldChecklistList>(await babel.get(checks(regional(BABEL))));
    expect(list.canEdit).toBe(false);
    expect(list.items.map((i) => i.entryId)).toEqual([entryOf.get(BABEL)]);
    const line = must(kaltengIndicators[2]);
    expect((await babel.put(lineOf(regional(BABEL), BABEL, line), { status: 'sesuai', note: '', version: 0 })).statusCode).toBe(403);
    expect((await babel.get(`${checks(regional(BABEL))}/${entryOf.get(KALTENG)}`)).statusCode).toBe(404);
    expect((await babel.get(checks(national))).statusCode).toBe(403);
    expect((await babel.put(lineOf(national, BABEL, line), { status: 'sesuai', note: '', version: 0 })).statusCode).toBe(403);
    const operator = json<FieldChecklist>(await must(operators.get(KALTENG)).get(`${checks(regional(KALTENG))}/${entryOf.get(KALTENG)}`));
    expect(operator.canEdit).toBe(false);
    expect(operator.lines[0]?.status).toBe('sesuai');
    expect((await must(admins.get(KALSEL)).get(checks(regional(KALSEL)))).statusCode).toBe(404);
    const untouched = await t.db.select().from(competitionFieldChecks).where(eq(competitionFieldChecks.indicatorId, line));
    expect(untouched).toEqual([]);
  });
});
