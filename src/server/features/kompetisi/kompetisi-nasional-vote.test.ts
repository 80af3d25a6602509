/**
 * The public vote of a national competition through the HTTP API on a real database: the national admin
 * sets it up from the national routes (audited without a region), citizens vote at the same public
 * address as for a region's competition, on a page naming each finalist's region; the code's mail leaves
 * at once after the request (the outbox job stays the retry path), the confirmed code counts once and a
 * second vote from the same address is refused; the admin voids a vote and the final ranking takes the
 * vote's share. A participating region's admin cannot act on the vote from their region's routes or the
 * national ones, and a region outside the competition does not find it.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminVoteView, PublicVoteView } from '#shared/api/competition-vote.ts';
import type { PublicResults } from '#shared/api/competitions.ts';
import type { ErrorBody } from '#shared/errors.ts';
import {
  auditLog,
  competitionEntries,
  competitionResults,
  competitionStages,
  competitionVoteSettings,
  competitionVotes,
  competitions,
  innovations,
  mailOutbox,
  periods,
} from '#server/db/schema.ts';
import type { MailSender, OutgoingMail } from '#server/platform/mail/mailer.ts';
import { sendDueMail } from '#server/platform/mail/outbox.ts';
import { type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

/** Kota Pangkalpinang and Kota Palangkaraya take part; Kota Banjarmasin does not. */
const BABEL = '19.71';
const KALTENG = '62.71';
const KALSEL = '63.71';
const hour = 3_600_000;

/** The install's mail server as the app sees it: records what it is given, or refuses while told to. */
const sent: OutgoingMail[] = [];
let refusing = false;
const recorder: MailSender = {
  async send(mail) {
    if (refusing) throw new Error('451 Mailbox sementara tidak tersedia');
    sent.push(mail);
  },
  close() {},
};

let t: TestApp;
let nasional: Client;
let babelAdmin: Client;
let kalselAdmin: Client;
let competitionId = '';
let penetapanId = '';
/** Entry ids by region: Pangkalpinang's stage score 80, Palangkaraya's 70. */
const entryOf = new Map<string, string>();
const national = () => `/api/v1/national/competitions/${competitionId}`;
const publicBase = () => `/api/v1/public/competitions/${competitionId}/vote`;
const errorOf = (res: LightMyRequestResponse) => (res.json() as ErrorBody).error;
const must = <T>(v: T | undefined): T => {
  if (v === undefined) throw new Error('missing test fixture');
  return v;
};

let ipCounter = 20;
function citizen(path: string, payload: object) {
  return t.app.inject({ method: 'POST', url: `${publicBase()}/${path}`, payload, remoteAddress: `10.1.${ipCounter++}.9` });
}

/** The code in the mail the app handed to the mail server (not the outbox: it must have left already). */
function codeMailedTo(email: string): string | undefined {
  const mail = sent.findLast((m) => m.to === email);
  return /Kode konfirmasi suara Anda: (\d{6})/.exec(mail?.text ?? '')?.[1];
}

async function askCode(entryId: string, email: string): Promise<string> {
  const asked = await citizen('request', { entryId, email, website: '' });
  expect(asked.statusCode, asked.body).toBe(200);
  await t.app.mailDispatch.settled();
  return (asked.json() as { requestId: string }).requestId;
}

beforeAll(async () => {
  t = await startTestApp({ mailSender: recorder });
  nasional = (await clientFor(t, 'admin_nasional')).client;
  babelAdmin = (await clientFor(t, 'admin_daerah', BABEL)).client;
  kalselAdmin = (await clientFor(t, 'admin_daerah', KALSEL)).client;
  const [competition] = await t.db
    .insert(competitions)
    .values({
      regionCode: null,
      scope: 'national',
      participantRegions: ['19', KALTENG],
      name: 'Kompetisi Inovasi Nasional Suara Uji',
      year: 2032,
      kind: 'kipp_preselection',
      categories: [{ code: 'umum', name: 'Kelompok umum' }],
      eligibility: { requireVerified: true, allowedTahapan: [], minYearsSincePenerapan: 0, requireInnovatorSk: false, maxEntriesPerUnit: 3 },
      sections: [],
      status: 'berjalan',
    })
    .returning();
  competitionId = must(competition).id;
  const stage = (code: string, position: number, status: string, extra: object = {}) => ({
    regionCode: 'nasional',
    competitionId,
    code,
    position,
    status,
    startsOn: '2032-01-01',
    endsOn: '2032-12-31',
    ...extra,
  });
  const stages = await t.db
    .insert(competitionStages)
    .values([
      stage('pendaftaran', 0, 'dikunci'),
      stage('penilaian_proposal', 1, 'dikunci', { rubricCode: 'rubrik-iga-presentasi-2023', weight: '100' }),
      stage('penetapan', 2, 'berjalan'),
    ])
    .returning();
  const proposal = must(stages.find((s) => s.code === 'penilaian_proposal'));
  penetapanId = must(stages.find((s) => s.code === 'penetapan')).id;
  const seeded: [string, string][] = [
    [BABEL, '80.00'],
    [KALTENG, '70.00'],
  ];
  for (const [i, [region, score]] of seeded.entries()) {
    const unit = await makeUnit(t.db, region, { name: `Dinas Suara Nasional ${region}` });
    const [period] = await t.db
      .insert(periods)
      .values({ regionCode: region, year: 2032, opensOn: '2032-01-01', closesOn: '2032-12-31', targetTotal: 10 })
      .returning();
    const [innovation] = await t.db
      .insert(innovations)
      .values({ regionCode: region, periodId: must(period).id, unitId: unit.id, name: `Inovasi Nasional ${'AB'[i]}`, status: 'terverifikasi' })
      .returning();
    const [entry] = await t.db
      .insert(competitionEntries)
      .values({ regionCode: region, competitionId, innovationId: must(innovation).id, unitId: unit.id, category: 'umum', status: 'lolos' })
      .returning();
    entryOf.set(region, must(entry).id);
    await t.db.insert(competitionResults).values({
      regionCode: 'nasional',
      stageId: proposal.id,
      entryId: must(entry).id,
      category: 'umum',
      score,
      rank: i + 1,
      judgeCount: 2,
      perCriterion: Object.fromEntries(
        ['kebaharuan', 'kemanfaatan', 'kewenangan_kolaborasi', 'replikasi', 'penguasaan_materi'].map((c) => [c, score]),
      ),
    });
  }
});
afterAll(() => t.close());

describe('the national admin sets up the vote', () => {
  it('from the national routes, audited without a region; the finalists come from both regions', async () => {
    const res = await nasional.put(`${national()}/vote`, {
      opensAt: new Date(Date.now() - hour).toISOString(),
      closesAt: new Date(Date.now() + hour).toISOString(),
      sharePercent: '20',
      showLive: true,
      finalistMode: 'remaining',
      finalistEntryIds: [],
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as AdminVoteView;
    expect(view.state).toBe('dibuka');
    expect(view.finalists.map((f) => f.regionName).sort()).toEqual(['Kota Palangkaraya', 'Kota Pangkal Pinang']);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'competition.vote_configured'), eq(auditLog.entityId, competitionId)));
    expect(audit.map((a) => a.regionCode)).toEqual([null]);
  });
});

describe('a citizen votes', () => {
  it('finds the vote at the public address, each finalist named with its region', async () => {
    const res = await t.app.inject({ method: 'GET', url: publicBase() });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as PublicVoteView;
    expect(view.competition.regionCode).toBe('nasional');
    expect(view.finalists.map((f) => [f.name, f.regionName])).toEqual([
      ['Inovasi Nasional A', 'Kota Pangkal Pinang'],
      ['Inovasi Nasional B', 'Kota Palangkaraya'],
    ]);
  });

  it('gets the code by mail at once, confirms it, and the vote counts once', async () => {
    const requestId = await askCode(must(entryOf.get(KALTENG)), 'Warga.Nasional@gmail.com');
    // Handed to the mail server right after the request, not at the outbox job's next minute.
    const code = codeMailedTo('Warga.Nasional@gmail.com');
    expect(code).toMatch(/^\d{6}$/);
    expect(sent.findLast((m) => m.to === 'Warga.Nasional@gmail.com')?.text).toContain(
      'Inovasi Nasional B (Dinas Suara Nasional 62.71, Kota Palangkaraya)',
    );
    const [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'Warga.Nasional@gmail.com'));
    expect(row?.status).toBe('sent');
    const confirmed = await citizen('confirm', { requestId, code });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toEqual({ counted: true, entryId: entryOf.get(KALTENG) });
    const votes = await t.db.select().from(competitionVotes).where(eq(competitionVotes.competitionId, competitionId));
    expect(votes.map((v) => v.entryId)).toEqual([entryOf.get(KALTENG)]);
    const view = (await t.app.inject({ method: 'GET', url: publicBase() })).json() as PublicVoteView;
    expect(view.finalists.map((f) => f.votes)).toEqual([0, 1]);
  });

  it('refuses a second vote from the same address, written differently, for the other region’s finalist', async () => {
    const res = await citizen('request', { entryId: entryOf.get(BABEL), email: ' warganasional+lagi@googlemail.com ', website: '' });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('COMPETITION_VOTE_ALREADY');
    expect(await t.db.select().from(competitionVotes).where(eq(competitionVotes.competitionId, competitionId))).toHaveLength(1);
  });

  it('leaves a code the mail server refused to the outbox, which sends it on its next run', async () => {
    refusing = true;
    const requestId = await askCode(must(entryOf.get(BABEL)), 'warga.tertunda@example.id');
    refusing = false;
    expect(codeMailedTo('warga.tertunda@example.id')).toBeUndefined();
    const [waiting] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'warga.tertunda@example.id'));
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting?.lastError).toContain('451');
    // The outbox job a minute later.
    await sendDueMail(t.db, recorder, { now: new Date(Date.now() + 2 * 60_000), publicUrl: null });
    const code = must(codeMailedTo('warga.tertunda@example.id'));
    expect((await citizen('confirm', { requestId, code })).statusCode).toBe(200);
  });
});

describe('tenancy', () => {
  it('keeps a participating region’s admin off the vote’s admin routes, and a region outside it finds nothing', async () => {
    const regional = `/api/v1/regions/${BABEL}/competitions/${competitionId}/vote`;
    expect((await babelAdmin.get(regional)).statusCode).toBe(403);
    const settings = {
      opensAt: new Date().toISOString(),
      closesAt: new Date(Date.now() + hour).toISOString(),
      sharePercent: '50',
      showLive: true,
      finalistMode: 'remaining',
    };
    expect((await babelAdmin.put(regional, settings)).statusCode).toBe(403);
    const voteIds = (await t.db.select().from(competitionVotes).where(eq(competitionVotes.competitionId, competitionId))).map((v) => v.id);
    expect((await babelAdmin.post(`${regional}/void`, { voteIds, reason: 'Percobaan dari daerah peserta' })).statusCode).toBe(403);
    expect((await babelAdmin.get(`${national()}/vote`)).statusCode).toBe(403);
    expect((await babelAdmin.post(`${national()}/vote/void`, { voteIds, reason: 'Percobaan lewat rute nasional' })).statusCode).toBe(403);
    expect((await kalselAdmin.get(`/api/v1/regions/${KALSEL}/competitions/${competitionId}/vote`)).statusCode).toBe(404);
    const [stored] = await t.db.select().from(competitionVoteSettings).where(eq(competitionVoteSettings.competitionId, competitionId));
    expect(stored?.sharePercent).toBe('20.00');
    const live = await t.db.select().from(competitionVotes).where(eq(competitionVotes.competitionId, competitionId));
    expect(live.every((v) => v.voidedAt === null)).toBe(true);
  });
});

describe('voiding and the final ranking', () => {
  it('lets the national admin void a vote (audited without a region) and ranks with the vote’s share', async () => {
    // Two more votes for Pangkalpinang's finalist; one of them is voided.
    for (const email of ['pemilih.satu@example.id', 'pemilih.dua@example.id']) {
      const requestId = await askCode(must(entryOf.get(BABEL)), email);
      expect((await citizen('confirm', { requestId, code: must(codeMailedTo(email)) })).statusCode).toBe(200);
    }
    const view = (await nasional.get(`${national()}/vote`)).json() as AdminVoteView;
    expect(view.finalists.map((f) => [f.regionName, f.votes])).toEqual([
      ['Kota Pangkal Pinang', 3],
      ['Kota Palangkaraya', 1],
    ]);
    const [one] = await t.db
      .select()
      .from(competitionVotes)
      .where(and(eq(competitionVotes.competitionId, competitionId), eq(competitionVotes.entryId, must(entryOf.get(BABEL)))));
    const voided = await nasional.post(`${national()}/vote/void`, { voteIds: [must(one).id], reason: 'Alamat sekali pakai' });
    expect(voided.statusCode, voided.body).toBe(200);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'competition.votes_voided'));
    expect(audit.map((a) => a.regionCode)).toEqual([null]);

    const open = await nasional.post(`${national()}/finalise`, { decreeNumber: '3/KEP/2032', decreeDate: '2032-12-01' });
    expect(errorOf(open).code).toBe('COMPETITION_VOTE_STILL_OPEN');
    await t.db
      .update(competitionVoteSettings)
      .set({ opensAt: new Date(Date.now() - 3 * hour), closesAt: new Date(Date.now() - hour) })
      .where(eq(competitionVoteSettings.competitionId, competitionId));
    const finalised = await nasional.post(`${national()}/finalise`, { decreeNumber: '3/KEP/2032', decreeDate: '2032-12-01' });
    expect(finalised.statusCode, finalised.body).toBe(200);
    const rows = await t.db.select().from(competitionResults).where(eq(competitionResults.stageId, penetapanId));
    const byEntry = new Map(rows.map((r) => [r.entryId, r]));
    // Pangkalpinang: 0.8 × 80 + 0.2 × (2 / 2 × 100) = 84.00; Palangkaraya: 0.8 × 70 + 0.2 × (1 / 2 × 100) = 66.00
    expect(byEntry.get(must(entryOf.get(BABEL)))).toMatchObject({ score: '84.00', rank: 1 });
    expect(byEntry.get(must(entryOf.get(KALTENG)))).toMatchObject({ score: '66.00', rank: 2 });
    expect((await nasional.post(`${national()}/publish`)).statusCode).toBe(200);
    const results = (await t.app.inject({ method: 'GET', url: `/api/v1/public/competitions/${competitionId}/results` })).json() as PublicResults;
    expect(results.voteShare).toBe('20');
    expect(results.categories[0]?.ranking.map((r) => [r.regionName, r.votes])).toEqual([
      ['Kota Pangkal Pinang', 2],
      ['Kota Palangkaraya', 1],
    ]);
  });
});
