/**
 * The public vote through the HTTP API on a real database: the admin's settings (Indonesian
 * validation, audited), a citizen's code by e-mail (read from the mail outbox, as the mail job would
 * send it) and its confirmation, one vote per normalised address, a wrong and an expired code, the
 * codes-per-address and per-client-address limits, the honeypot, burst flags and voiding (audited), the
 * counts hidden until close when so set, and the final ranking with the vote's share computed by hand.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagBursts, normaliseEmail, weightsWithVoteShare } from '#domain/competition/public-vote.ts';
import type { AdminVoteView, PublicVoteView } from '#shared/api/competition-vote.ts';
import type { PublicResults } from '#shared/api/competitions.ts';
import type { ErrorBody } from '#shared/errors.ts';
import {
  auditLog,
  competitionEntries,
  competitionResults,
  competitionStages,
  competitionVoteRequests,
  competitionVoteSettings,
  competitionVotes,
  competitions,
  innovations,
  mailOutbox,
  periods,
} from '#server/db/schema.ts';
import { type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
let t: TestApp;
let admin: Client;
let competitionId = '';
let penetapanId = '';
const entryIds: string[] = [];
const base = () => `/api/v1/regions/${HOME}/competitions/${competitionId}/vote`;
const publicBase = () => `/api/v1/public/competitions/${competitionId}/vote`;
const errorOf = (res: LightMyRequestResponse) => (res.json() as ErrorBody).error;

let ipCounter = 10;
/** Each citizen from their own address unless told, so the per-address rate limit stays out of the way. */
function citizen(path: string, payload: object, ip = `10.0.${ipCounter++}.7`) {
  return t.app.inject({ method: 'POST', url: `${publicBase()}/${path}`, payload, remoteAddress: ip });
}

async function codeSentTo(email: string): Promise<string> {
  const [mail] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email)).orderBy(desc(mailOutbox.createdAt)).limit(1);
  const code = /Kode konfirmasi suara Anda: (\d{6})/.exec(mail?.body ?? '')?.[1];
  if (!code) throw new Error(`no code mailed to ${email}`);
  return code;
}

async function vote(entryId: string, email: string, ip?: string) {
  const asked = await citizen('request', { entryId, email, website: '' }, ip);
  expect(asked.statusCode, asked.body).toBe(200);
  const { requestId } = asked.json() as { requestId: string };
  return citizen('confirm', { requestId, code: await codeSentTo(email.trim()) }, ip);
}

const hour = 3_600_000;
const settings = (over: Partial<Record<string, unknown>> = {}) => ({
  opensAt: new Date(Date.now() - hour).toISOString(),
  closesAt: new Date(Date.now() + hour).toISOString(),
  sharePercent: '20',
  showLive: false,
  finalistMode: 'remaining',
  finalistEntryIds: [],
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  const [period] = await t.db
    .insert(periods)
    .values({ regionCode: HOME, year: 2032, opensOn: '2032-01-01', closesOn: '2032-12-31', targetTotal: 10 })
    .returning();
  const [competition] = await t.db
    .insert(competitions)
    .values({
      regionCode: HOME,
      name: 'Lomba Suara Uji',
      year: 2032,
      kind: 'lomba_inovasi_daerah',
      categories: [{ code: 'opd', name: 'Perangkat daerah' }],
      eligibility: {
        requireVerified: true,
        allowedTahapan: ['penerapan'],
        minYearsSincePenerapan: 0,
        requireInnovatorSk: false,
        maxEntriesPerUnit: 3,
      },
      sections: [],
      status: 'berjalan',
    })
    .returning();
  competitionId = competition?.id ?? '';
  const stage = (code: string, position: number, status: string, extra: object = {}) => ({
    regionCode: HOME,
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
  const proposal = stages.find((s) => s.code === 'penilaian_proposal');
  penetapanId = stages.find((s) => s.code === 'penetapan')?.id ?? '';
  // Stage scores 80, 70 and 60 on the IGA rubric's 0–100 scale.
  for (const [i, score] of ['80.00', '70.00', '60.00'].entries()) {
    const unit = await makeUnit(t.db, HOME, { name: `Dinas Suara Uji ${i + 1}` });
    const [innovation] = await t.db
      .insert(innovations)
      .values({ regionCode: HOME, periodId: period?.id ?? '', unitId: unit.id, name: `Inovasi Suara ${'ABC'[i]}`, status: 'terverifikasi' })
      .returning();
    const [entry] = await t.db
      .insert(competitionEntries)
      .values({ regionCode: HOME, competitionId, innovationId: innovation?.id ?? '', unitId: unit.id, category: 'opd', status: 'lolos' })
      .returning();
    entryIds.push(entry?.id ?? '');
    await t.db.insert(competitionResults).values({
      regionCode: HOME,
      stageId: proposal?.id ?? '',
      entryId: entry?.id ?? '',
      category: 'opd',
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

describe('the pure rules', () => {
  it('normalises an address: case, spaces, Gmail dots and plus tags', () => {
    expect(normaliseEmail('  Budi.Santoso+lomba@GMAIL.com ')).toBe('budisantoso@gmail.com');
    expect(normaliseEmail('budi.santoso@googlemail.com')).toBe('budisantoso@gmail.com');
    expect(normaliseEmail('Budi.Santoso+x@pangkalpinangkota.go.id')).toBe('budi.santoso+x@pangkalpinangkota.go.id');
  });

  it('flags more than 5 votes for one entry from one /24 within 10 minutes, and not 5', () => {
    const at = (min: number) => new Date(Date.UTC(2032, 0, 1, 8, min));
    const five = [0, 1, 2, 3, 4].map((m) => ({ id: `v${m}`, entryId: 'e', addressPrefix: '10.1.1.0/24', confirmedAt: at(m) }));
    expect(flagBursts(five).size).toBe(0);
    const six = [...five, { id: 'v9', entryId: 'e', addressPrefix: '10.1.1.0/24', confirmedAt: at(9) }];
    expect([...flagBursts(six).keys()].sort()).toEqual(['v0', 'v1', 'v2', 'v3', 'v4', 'v9']);
    // The sixth ten minutes after the first: no window holds six.
    const spread = [...five, { id: 'v10', entryId: 'e', addressPrefix: '10.1.1.0/24', confirmedAt: at(10) }];
    expect(flagBursts(spread).size).toBe(0);
  });

  it("scales the stages' weights to leave the vote its share", () => {
    expect(weightsWithVoteShare(['40', '60'], '20')).toEqual(['32', '48']);
    expect(weightsWithVoteShare(['33.33', '66.67'], '15')).toEqual(['28.3305', '56.6695']);
  });
});

describe('the admin sets up the vote', () => {
  it('refuses a share above 50 and a close before the opening, in Indonesian', async () => {
    const res = await admin.put(base(), settings({ sharePercent: '60', closesAt: new Date(Date.now() - 2 * hour).toISOString() }));
    expect(res.statusCode).toBe(400);
    const reasons = errorOf(res).issues?.map((i) => i.reason) ?? [];
    expect(reasons).toContain('Porsi suara publik paling besar 50 persen');
    expect(reasons).toContain('Waktu tutup harus setelah waktu buka');
  });

  it('refuses a chosen finalist that is not an entry of the competition', async () => {
    const res = await admin.put(
      base(),
      settings({ finalistMode: 'chosen', finalistEntryIds: [entryIds[0], '00000000-0000-4000-8000-000000000000'] }),
    );
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues?.[0]?.field).toBe('finalistEntryIds.1');
  });

  it('enables it (audited); the finalists are the entries still in', async () => {
    const res = await admin.put(base(), settings());
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as AdminVoteView;
    expect(view.state).toBe('dibuka');
    expect(view.finalists.map((f) => f.entryId).sort()).toEqual([...entryIds].sort());
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'competition.vote_configured'), eq(auditLog.entityId, competitionId)));
    expect(audit).toHaveLength(1);
  });

  it('is 404 without a vote and for a draft competition, and the public page has no counts while hidden', async () => {
    const page = await t.app.inject({ method: 'GET', url: publicBase() });
    expect(page.statusCode).toBe(200);
    const view = page.json() as PublicVoteView;
    expect(view.state).toBe('dibuka');
    expect(view.countsShown).toBe(false);
    expect(view.finalists.every((f) => f.votes === null)).toBe(true);
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/public/competitions/00000000-0000-4000-8000-000000000000/vote' });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('a citizen votes', () => {
  it('counts a vote confirmed with the mailed code, and keeps no address beside it', async () => {
    const res = await vote(entryIds[0] ?? '', 'Warga.Satu@gmail.com');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ counted: true, entryId: entryIds[0] });
    const votes = await t.db.select().from(competitionVotes).where(eq(competitionVotes.competitionId, competitionId));
    expect(votes).toHaveLength(1);
    expect(JSON.stringify(votes)).not.toContain('warga');
    // The code's mail, the one place the address was written, is gone once the vote is confirmed.
    expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'Warga.Satu@gmail.com'))).toHaveLength(0);
  });

  it('refuses a second vote from the same address written differently', async () => {
    const res = await citizen('request', { entryId: entryIds[1], email: ' warga.satu+lagi@GoogleMail.com ' });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('COMPETITION_VOTE_ALREADY');
  });

  it('refuses a wrong code, counts the tries, and refuses the right one after five', async () => {
    const asked = await citizen('request', { entryId: entryIds[1], email: 'warga.dua@example.id' });
    expect(asked.statusCode).toBe(200);
    const { requestId } = asked.json() as { requestId: string };
    const right = await codeSentTo('warga.dua@example.id');
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await citizen('confirm', { requestId, code: wrong });
      expect(res.statusCode).toBe(422);
      expect(errorOf(res).code).toBe('COMPETITION_VOTE_CODE_WRONG');
    }
    const late = await citizen('confirm', { requestId, code: right });
    expect(late.statusCode).toBe(410);
    expect(errorOf(late).code).toBe('COMPETITION_VOTE_CODE_EXPIRED');
  });

  it('refuses an expired code', async () => {
    const asked = await citizen('request', { entryId: entryIds[1], email: 'warga.tiga@example.id' });
    const { requestId } = asked.json() as { requestId: string };
    await t.db
      .update(competitionVoteRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(competitionVoteRequests.id, requestId));
    const res = await citizen('confirm', { requestId, code: await codeSentTo('warga.tiga@example.id') });
    expect(res.statusCode).toBe(410);
    expect(await t.db.select().from(competitionVotes).where(eq(competitionVotes.competitionId, competitionId))).toHaveLength(1);
  });

  it('gives one address three codes an hour, and one client address ten requests a minute', async () => {
    for (let i = 0; i < 2; i++) expect((await citizen('request', { entryId: entryIds[1], email: 'warga.tiga@example.id' })).statusCode).toBe(200);
    const fourth = await citizen('request', { entryId: entryIds[1], email: 'warga.tiga@example.id' });
    expect(fourth.statusCode).toBe(429);
    expect(errorOf(fourth).code).toBe('COMPETITION_VOTE_TOO_MANY_CODES');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await citizen('request', { entryId: entryIds[2], email: `banjir${i}@example.id` }, '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('answers a filled honeypot as accepted and sends nothing', async () => {
    const res = await citizen('request', { entryId: entryIds[2], email: 'robot@example.id', website: 'http://spam.example' });
    expect(res.statusCode).toBe(202);
    expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'robot@example.id'))).toHaveLength(0);
  });

  it('refuses a choice that is not a finalist', async () => {
    const res = await citizen('request', { entryId: '00000000-0000-4000-8000-000000000000', email: 'warga.empat@example.id' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues?.[0]?.field).toBe('entryId');
  });
});

describe('bursts, voiding and the final ranking', () => {
  it('flags six votes for one entry from one network within ten minutes; the admin voids them with a reason (audited)', async () => {
    for (let i = 0; i < 6; i++) expect((await vote(entryIds[2] ?? '', `massal${i}@example.id`, `10.7.7.${i + 1}`)).statusCode).toBe(200);
    const view = (await admin.get(base())).json() as AdminVoteView;
    expect(view.flagged).toHaveLength(6);
    expect(view.flagged.every((f) => f.addressPrefix === '10.7.7.0/24' && f.reasons.includes('prefix'))).toBe(true);
    expect(view.finalists.find((f) => f.entryId === entryIds[2])?.votes).toBe(6);

    const noReason = await admin.post(`${base()}/void`, { voteIds: view.flagged.map((f) => f.voteId), reason: '' });
    expect(noReason.statusCode).toBe(400);
    const res = await admin.post(`${base()}/void`, { voteIds: view.flagged.map((f) => f.voteId), reason: 'Lonjakan dari satu jaringan' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ voided: 6 });
    const after = (await admin.get(base())).json() as AdminVoteView;
    expect(after.flagged).toHaveLength(0);
    expect(after.finalists.find((f) => f.entryId === entryIds[2])).toMatchObject({ votes: 0, voided: 6 });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'competition.votes_voided'));
    expect(audit).toHaveLength(1);
  });

  it('refuses penetapan while the vote is open', async () => {
    const res = await admin.post(`/api/v1/regions/${HOME}/competitions/${competitionId}/finalise`, {
      decreeNumber: '1/2032',
      decreeDate: '2032-12-01',
    });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('COMPETITION_VOTE_STILL_OPEN');
  });

  it('combines 80 % stages and 20 % vote, as computed by hand', async () => {
    // Votes now: A 1, B 3 (two more below), C 0 (six voided).
    for (const email of ['pemilih.b1@example.id', 'pemilih.b2@example.id', 'pemilih.b3@example.id'])
      expect((await vote(entryIds[1] ?? '', email)).statusCode).toBe(200);
    await t.db
      .update(competitionVoteSettings)
      .set({ opensAt: new Date(Date.now() - 3 * hour), closesAt: new Date(Date.now() - hour) })
      .where(eq(competitionVoteSettings.competitionId, competitionId));
    const closed = (await t.app.inject({ method: 'GET', url: publicBase() })).json() as PublicVoteView;
    expect(closed.state).toBe('ditutup');
    expect(closed.finalists.map((f) => [f.name, f.votes])).toEqual([
      ['Inovasi Suara A', 1],
      ['Inovasi Suara B', 3],
      ['Inovasi Suara C', 0],
    ]);

    const res = await admin.post(`/api/v1/regions/${HOME}/competitions/${competitionId}/finalise`, {
      decreeNumber: '1/2032',
      decreeDate: '2032-12-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await t.db.select().from(competitionResults).where(eq(competitionResults.stageId, penetapanId));
    const byEntry = new Map(rows.map((r) => [r.entryId, r]));
    // A: 0.8 × 80 + 0.2 × (1 / 3 × 100) = 64 + 6.666… = 70.67
    // B: 0.8 × 70 + 0.2 × (3 / 3 × 100) = 56 + 20 = 76.00
    // C: 0.8 × 60 + 0.2 × 0 = 48.00
    expect(byEntry.get(entryIds[0] ?? '')).toMatchObject({ score: '70.67', rank: 2 });
    expect(byEntry.get(entryIds[1] ?? '')).toMatchObject({ score: '76.00', rank: 1 });
    expect(byEntry.get(entryIds[2] ?? '')).toMatchObject({ score: '48.00', rank: 3 });

    const changed = await admin.put(base(), settings());
    expect(changed.statusCode).toBe(409);
  });

  it('shows the vote share on the published results', async () => {
    expect((await admin.post(`/api/v1/regions/${HOME}/competitions/${competitionId}/publish`)).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/competitions/${competitionId}/results` });
    const results = res.json() as PublicResults;
    expect(results.voteShare).toBe('20');
    const ranking = results.categories[0]?.ranking ?? [];
    expect(ranking.map((r) => [r.name, r.votes, r.voteScore])).toEqual([
      ['Inovasi Suara B', 3, '100.00'],
      ['Inovasi Suara A', 1, '33.33'],
      ['Inovasi Suara C', 0, '0.00'],
    ]);
  });
});

describe('another region', () => {
  it('cannot read or void the vote of this competition', async () => {
    const other = (await clientFor(t, 'admin_daerah', '62.71')).client;
    const res = await other.get(`/api/v1/regions/62.71/competitions/${competitionId}/vote`);
    expect(res.statusCode).toBe(404);
    const voided = await other.post(`/api/v1/regions/62.71/competitions/${competitionId}/vote/void`, {
      voteIds: ['00000000-0000-4000-8000-000000000000'],
      reason: 'Percobaan dari daerah lain',
    });
    expect(voided.statusCode).toBe(404);
  });
});
