/**
 * National competitions through the HTTP API on a real database: the national admin sets one up for
 * a list of provinces and regions, units of every participating region enter their verified
 * innovations (a region outside the list does not see it), a regional admin can neither change it nor
 * see another region's entries, judges come from any region and are never given an entry of their own
 * region, each judge sees only their own sheets from their own region, and the published ranking names
 * each unit's region; the region's public list shows the national competitions it has entries in.
 */
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CompetitionDetail,
  EntryDetail,
  EntrySummary,
  JudgeHome,
  PanelView,
  PublicResults,
  SheetDetail,
  StageResults,
} from '#shared/api/competitions.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { auditLog, competitionEntries, innovations, periods } from '#server/db/schema.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

/** Kota Pangkalpinang (province 19, listed by its province), Kota Palangkaraya (listed itself), Kota Banjarmasin (not listed). */
const BABEL = '19.71';
const KALTENG = '62.71';
const KALSEL = '63.71';
const RUBRIC = 'rubrik-iga-presentasi-2023';
const CRITERIA = ['kebaharuan', 'kemanfaatan', 'kewenangan_kolaborasi', 'replikasi', 'penguasaan_materi'];
const national = '/api/v1/national/competitions';
const regional = (region: string) => `/api/v1/regions/${region}/competitions`;

let t: TestApp;
let nasional: Client;
const admins = new Map<string, Client>();
const operators = new Map<string, Client>();
const judges = new Map<string, { client: Client; id: string }>();
const innovationOf = new Map<string, string[]>();
let competition: CompetitionDetail;
const entryOf = new Map<string, EntryDetail>();

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const stageId = (code: string) => {
  const s = competition.stages.find((x) => x.code === code);
  if (!s) throw new Error(`no stage ${code}`);
  return s.id;
};
const must = <T>(v: T | undefined): T => {
  if (v === undefined) throw new Error('missing test fixture');
  return v;
};

function competitionBody(participantRegions: string[]) {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    name: 'Kompetisi Inovasi Pelayanan Publik Nasional Uji',
    year: 2032,
    kind: 'kipp_preselection',
    categories: [{ code: 'umum', name: 'Kelompok umum' }],
    eligibility: { requireVerified: true, allowedTahapan: ['penerapan'], minYearsSincePenerapan: 1, requireInnovatorSk: false, maxEntriesPerUnit: 1 },
    sections: [{ code: 'tujuan', title: 'Tujuan', guidance: '', wordLimit: 50 }],
    stages: [
      { code: 'pendaftaran', startsOn: day(-5), endsOn: day(5) },
      { code: 'penilaian_proposal', startsOn: day(6), endsOn: day(15), rubricCode: RUBRIC, judgesPerEntry: 2, weight: '100', normalise: false },
      { code: 'penetapan', startsOn: day(16), endsOn: day(20) },
    ],
    participantRegions,
  };
}

beforeAll(async () => {
  t = await startTestApp();
  nasional = (await clientFor(t, 'admin_nasional')).client;
  for (const region of [BABEL, KALTENG, KALSEL]) {
    admins.set(region, (await clientFor(t, 'admin_daerah', region)).client);
    const unit = await makeUnit(t.db, region, { name: `Dinas Pelayanan ${region}` });
    operators.set(region, (await clientFor(t, 'operator', region, unit.id)).client);
    const made = await clientFor(t, 'juri', region);
    judges.set(region, { client: made.client, id: made.user.id });
    const [period] = await t.db
      .insert(periods)
      .values({ regionCode: region, year: 2032, opensOn: '2032-01-01', closesOn: '2032-12-31', targetTotal: 10 })
      .returning();
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const [row] = await t.db
        .insert(innovations)
        .values({
          regionCode: region,
          periodId: must(period).id,
          unitId: unit.id,
          name: `Layanan Cepat ${region} ${n}`,
          status: 'terverifikasi',
          tahapan: 'penerapan',
          waktuPenerapan: '2022-03-01',
          tujuan: 'Mempercepat layanan.',
        })
        .returning({ id: innovations.id });
      ids.push(must(row).id);
    }
    innovationOf.set(region, ids);
  }
});
afterAll(() => t.close());

describe('setting up a national competition', () => {
  it('is the national admin’s alone, with real participant codes', async () => {
    const refused = await must(admins.get(BABEL)).post(national, competitionBody([]));
    expect(refused.statusCode).toBe(403);
    const unknown = await nasional.post(national, competitionBody(['19', '99.99']));
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(errorOf(unknown).issues)).toContain('99.99');
    const created = await nasional.post(national, competitionBody(['19', KALTENG]));
    expect(created.statusCode, created.body).toBe(201);
    competition = json<CompetitionDetail>(created);
    expect(competition.scope).toBe('national');
    expect(competition.regionCode).toBe('nasional');
    expect(competition.participantRegions).toEqual(['19', KALTENG]);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, competition.id));
    expect(audit.map((a) => [a.action, a.regionCode])).toEqual([['competition.created', null]]);
    // A region's own list stays its own; the national one is on the national list.
    const own = json<{ items: { id: string }[] }>(await must(admins.get(BABEL)).get(regional(BABEL)));
    expect(own.items.map((i) => i.id)).not.toContain(competition.id);
    const all = json<{ items: { id: string }[] }>(await nasional.get(national));
    expect(all.items.map((i) => i.id)).toContain(competition.id);
    const opened = await nasional.post(`${national}/${competition.id}/open`);
    expect(opened.statusCode, opened.body).toBe(200);
    competition = json<CompetitionDetail>(opened);
  });

  it('is listed for the participating regions only, and a regional admin cannot change it', async () => {
    for (const region of [BABEL, KALTENG]) {
      const list = json<{ items: { id: string }[] }>(await must(admins.get(region)).get(`${regional(region)}/national`));
      expect(
        list.items.map((i) => i.id),
        region,
      ).toEqual([competition.id]);
      const detail = json<CompetitionDetail>(await must(operators.get(region)).get(`${regional(region)}/${competition.id}`));
      expect(detail.abilities).toEqual({ manage: false, enter: true });
    }
    const outside = json<{ items: { id: string }[] }>(await must(admins.get(KALSEL)).get(`${regional(KALSEL)}/national`));
    expect(outside.items).toEqual([]);
    expect((await must(admins.get(KALSEL)).get(`${regional(KALSEL)}/${competition.id}`)).statusCode).toBe(404);
    const babel = must(admins.get(BABEL));
    const put = await babel.put(`${regional(BABEL)}/${competition.id}`, { ...competitionBody([]), version: competition.version });
    expect(put.statusCode).toBe(403);
    expect((await babel.post(`${regional(BABEL)}/${competition.id}/open`)).statusCode).toBe(403);
    expect((await babel.post(`${regional(BABEL)}/${competition.id}/finalise`, { decreeNumber: 'X', decreeDate: '2032-01-01' })).statusCode).toBe(403);
    expect([403, 404]).toContain((await babel.post(`${regional(BABEL)}/${competition.id}/stages/${stageId('pendaftaran')}/lock`)).statusCode);
    expect((await babel.put(`${national}/${competition.id}`, { ...competitionBody([]), version: competition.version })).statusCode).toBe(403);
  });
});

describe('entering from the regions', () => {
  it('lets each participating region’s unit enter, one entry per unit, and refuses a region outside the list', async () => {
    for (const region of [BABEL, KALTENG]) {
      const op = must(operators.get(region));
      const [first, second] = must(innovationOf.get(region));
      const res = await op.post(`${regional(region)}/${competition.id}/entries`, { innovationId: first, category: 'umum' });
      expect(res.statusCode, res.body).toBe(201);
      const entry = json<EntryDetail>(res);
      expect(entry.regionCode).toBe(region);
      entryOf.set(region, entry);
      // The per-unit cap counts the unit's entries in this competition.
      const capped = await op.post(`${regional(region)}/${competition.id}/entries`, { innovationId: second, category: 'umum' });
      expect(capped.statusCode).toBe(422);
      expect(errorOf(capped).issues?.map((i) => i.field)).toContain('eligibility.unit_cap');
    }
    const outside = await must(operators.get(KALSEL)).post(`${regional(KALSEL)}/${competition.id}/entries`, {
      innovationId: must(innovationOf.get(KALSEL))[0],
      category: 'umum',
    });
    expect(outside.statusCode).toBe(404);
    const rows = await t.db.select().from(competitionEntries).where(eq(competitionEntries.competitionId, competition.id));
    expect(rows.map((r) => r.regionCode).sort()).toEqual([BABEL, KALTENG]);
  });

  it('shows a region only its own entries, and the national admin all of them', async () => {
    const babelEntries = json<{ items: EntrySummary[] }>(await must(admins.get(BABEL)).get(`${regional(BABEL)}/${competition.id}/entries`));
    expect(babelEntries.items.map((e) => e.regionCode)).toEqual([BABEL]);
    const foreign = await must(admins.get(BABEL)).get(`${regional(BABEL)}/${competition.id}/entries/${entryOf.get(KALTENG)?.id}`);
    expect(foreign.statusCode).toBe(404);
    const detail = json<CompetitionDetail>(await must(admins.get(BABEL)).get(`${regional(BABEL)}/${competition.id}`));
    expect(detail.entryCount).toBe(1);
    const all = json<{ items: EntrySummary[] }>(await nasional.get(`${national}/${competition.id}/entries?sort=unit`));
    expect(all.items.map((e) => e.regionName).sort()).toEqual(['Kota Palangkaraya', 'Kota Pangkal Pinang']);
    // A region cannot screen or otherwise manage its own entry in a national competition.
    const screen = await must(admins.get(BABEL)).post(`${regional(BABEL)}/${competition.id}/entries/${entryOf.get(BABEL)?.id}/screening`, {
      decision: 'lolos',
      reason: 'Lengkap',
    });
    expect(screen.statusCode).toBe(403);
    // The unit's proposal PDF and its files open for the unit and for the national admin, not for another region.
    const babelEntry = entryOf.get(BABEL)?.id;
    const pdf = await must(operators.get(BABEL)).get(`${regional(BABEL)}/${competition.id}/entries/${babelEntry}/proposal.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect((await nasional.get(`${national}/${competition.id}/entries/${babelEntry}/proposal.pdf`)).statusCode).toBe(200);
    expect((await must(admins.get(KALTENG)).get(`${regional(KALTENG)}/${competition.id}/entries/${babelEntry}/proposal.pdf`)).statusCode).toBe(404);
    const link = await must(operators.get(BABEL)).post(`${regional(BABEL)}/${competition.id}/entries/${babelEntry}/links`, {
      title: 'Video profil',
      url: 'https://example.org/video',
    });
    expect(link.statusCode, link.body).toBe(201);
    const seen = json<EntryDetail>(await nasional.get(`${national}/${competition.id}/entries/${babelEntry}`));
    expect(seen.attachments.map((a) => a.title)).toEqual(['Video profil']);
    for (const region of [BABEL, KALTENG]) {
      const submitted = await must(operators.get(region)).post(`${regional(region)}/${competition.id}/entries/${entryOf.get(region)?.id}/submit`);
      expect(submitted.statusCode, submitted.body).toBe(200);
    }
  });
});

describe('judging across regions', () => {
  let panel: PanelView;

  it('takes judges of any region and never gives a judge an entry of their own region', async () => {
    const locked = await nasional.post(`${national}/${competition.id}/stages/${stageId('pendaftaran')}/lock`);
    expect(locked.statusCode, locked.body).toBe(200);
    const stage = stageId('penilaian_proposal');
    const candidates = json<{ items: { id: string; regionName?: string }[] }>(await nasional.get(`${national}/${competition.id}/judge-candidates`));
    for (const j of judges.values()) expect(candidates.items.map((c) => c.id)).toContain(j.id);
    for (const j of judges.values()) {
      const added = await nasional.post(`${national}/${competition.id}/stages/${stage}/panel`, { userId: j.id });
      expect(added.statusCode, added.body).toBe(200);
    }
    const assigned = await nasional.post(`${national}/${competition.id}/stages/${stage}/assignment`);
    expect(assigned.statusCode, assigned.body).toBe(200);
    panel = json<PanelView>(assigned);
    const pairs = panel.sheets.map((s) => `${s.entryId}:${s.judgeUserId}`).sort();
    const expected = [
      `${entryOf.get(BABEL)?.id}:${judges.get(KALTENG)?.id}`,
      `${entryOf.get(BABEL)?.id}:${judges.get(KALSEL)?.id}`,
      `${entryOf.get(KALTENG)?.id}:${judges.get(BABEL)?.id}`,
      `${entryOf.get(KALTENG)?.id}:${judges.get(KALSEL)?.id}`,
    ].sort();
    expect(pairs).toEqual(expected);
    expect(panel.shortfalls).toEqual([]);
  });

  it('lets each judge see and score only their own sheets, from their own region', async () => {
    const scores = (k: number) => Object.fromEntries(CRITERIA.map((c, i) => [c, String(60 + k * 5 + i)]));
    let k = 0;
    for (const [region, judge] of judges) {
      const home = json<JudgeHome>(await judge.client.get(`/api/v1/regions/${region}/judging`));
      const mine = panel.sheets.filter((s) => s.judgeUserId === judge.id);
      expect(home.items.map((i) => i.sheetId).sort(), region).toEqual(mine.map((s) => s.id).sort());
      for (const other of panel.sheets.filter((s) => s.judgeUserId !== judge.id)) {
        expect((await judge.client.get(`/api/v1/regions/${region}/judging/sheets/${other.id}`)).statusCode).toBe(404);
      }
      // The competition's entry lists stay closed to a judge.
      expect((await judge.client.get(`${regional(region)}/${competition.id}/entries`)).statusCode).toBe(403);
      for (const s of mine) {
        const url = `/api/v1/regions/${region}/judging/sheets/${s.id}`;
        const sheet = json<SheetDetail>(await judge.client.get(url));
        expect(sheet.entry.id).toBe(s.entryId);
        expect(sheet.entry.regionCode).not.toBe(region);
        expect((await judge.client.put(url, { scores: scores(k++), version: sheet.version })).statusCode).toBe(200);
        expect((await judge.client.post(`${url}/submit`)).statusCode).toBe(200);
      }
    }
  });
});

describe('results across regions', () => {
  it('ranks the regions’ entries together and publishes them with each unit’s region', async () => {
    const stage = stageId('penilaian_proposal');
    expect((await nasional.post(`${national}/${competition.id}/stages/${stage}/lock`)).statusCode).toBe(200);
    const results = json<StageResults>(await nasional.get(`${national}/${competition.id}/stages/${stage}/results`));
    expect(results.items.map((i) => i.rank).sort()).toEqual([1, 2]);
    expect(results.items.map((i) => i.regionName).sort()).toEqual(['Kota Palangkaraya', 'Kota Pangkal Pinang']);
    // Before publication the other region's results stay closed to a regional admin.
    expect([403, 404]).toContain((await must(admins.get(BABEL)).get(`${regional(BABEL)}/${competition.id}/stages/${stage}/results`)).statusCode);
    const finalised = await nasional.post(`${national}/${competition.id}/finalise`, { decreeNumber: '9/KEP/2032', decreeDate: '2032-11-10' });
    expect(finalised.statusCode, finalised.body).toBe(200);
    expect((await nasional.post(`${national}/${competition.id}/publish`)).statusCode).toBe(200);
    const pub = anonymous(t.app);
    const published = json<PublicResults>(await pub.get(`/api/v1/public/competitions/${competition.id}/results`));
    const ranking = published.categories[0]?.ranking ?? [];
    expect(ranking.map((r) => r.regionName).sort()).toEqual(['Kota Palangkaraya', 'Kota Pangkal Pinang']);
    expect(ranking.map((r) => r.rank).sort()).toEqual([1, 2]);
    const babelList = json<{ items: { id: string; scope?: string }[] }>(await pub.get(`/api/v1/public/regions/${BABEL}/competitions`));
    expect(babelList.items.find((i) => i.id === competition.id)?.scope).toBe('national');
    const kalselList = json<{ items: { id: string }[] }>(await pub.get(`/api/v1/public/regions/${KALSEL}/competitions`));
    expect(kalselList.items.map((i) => i.id)).not.toContain(competition.id);
    const pdf = await nasional.get(`${national}/${competition.id}/certificates.pdf`);
    expect(pdf.statusCode).toBe(200);
  });
});
