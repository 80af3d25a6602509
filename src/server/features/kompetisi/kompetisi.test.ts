/**
 * Kompetisi inovasi through the HTTP API, end to end on a real database: set-up, eligibility refusals
 * with the engine's reasons, the registration deadline, screening, judges' conflicts never broken by
 * the assignment, blind scoring (another judge's sheet is 404, no totals before the lock), a judge
 * never seeing an entry not assigned to them, reopening a sheet only with a reason (audited), the
 * stage ranking equal to the engine's on the same sheets, and the public results (404 before
 * publication, the contract's shape after).
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEligibility } from '#domain/competition/eligibility.ts';
import { loadShippedRubric } from '#domain/competition/rubrics.ts';
import { aggregateStage, rankEntries, tieBreakFromCriteria } from '#domain/competition/scoring.ts';
import type { CompetitionDetail, EntryDetail, JudgeHome, PanelView, PublicResults, SheetDetail, StageResults } from '#shared/api/competitions.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { auditLog, competitionEntries, competitionSheets, competitionStages, innovations, periods } from '#server/db/schema.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const RUBRIC = 'rubrik-iga-presentasi-2023';
const CRITERIA = ['kebaharuan', 'kemanfaatan', 'kewenangan_kolaborasi', 'replikasi', 'penguasaan_materi'];

let t: TestApp;
let admin: Client;
let pub: Client;
const units: { id: string; name: string }[] = [];
const operators: Client[] = [];
const judges: { client: Client; id: string }[] = [];
let competition: CompetitionDetail;
const entries: EntryDetail[] = [];

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const base = `/api/v1/regions/${HOME}/competitions`;
const stageId = (code: string) => {
  const s = competition.stages.find((x) => x.code === code);
  if (!s) throw new Error(`no stage ${code}`);
  return s.id;
};

async function makeInnovation(unitId: string, name: string, status: string, periodId: string): Promise<string> {
  const [row] = await t.db
    .insert(innovations)
    .values({ regionCode: HOME, periodId, unitId, name, status, tahapan: 'penerapan', waktuPenerapan: '2022-03-01', tujuan: 'Tujuan inovasi ini.' })
    .returning({ id: innovations.id });
  if (!row) throw new Error('innovation not created');
  return row.id;
}

function competitionBody() {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    name: 'Lomba Inovasi Uji',
    year: 2031,
    kind: 'lomba_inovasi_daerah',
    categories: [
      { code: 'opd', name: 'Perangkat daerah' },
      { code: 'kecamatan', name: 'Kecamatan' },
    ],
    eligibility: { requireVerified: true, allowedTahapan: ['penerapan'], minYearsSincePenerapan: 1, requireInnovatorSk: false, maxEntriesPerUnit: 3 },
    sections: [
      { code: 'tujuan', title: 'Tujuan', guidance: '', wordLimit: 50 },
      { code: 'hasil', title: 'Hasil', guidance: '', wordLimit: 20 },
    ],
    stages: [
      { code: 'pendaftaran', startsOn: day(-5), endsOn: day(5) },
      { code: 'seleksi_administrasi', startsOn: day(6), endsOn: day(8) },
      { code: 'penilaian_proposal', startsOn: day(9), endsOn: day(15), rubricCode: RUBRIC, judgesPerEntry: 2, weight: '100', normalise: false },
      { code: 'penetapan', startsOn: day(16), endsOn: day(20) },
    ],
  };
}

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  pub = anonymous(t.app);
  for (const n of [1, 2, 3]) {
    const unit = await makeUnit(t.db, HOME, { name: `Dinas Kompetisi Uji ${n}` });
    units.push(unit);
    operators.push((await clientFor(t, 'operator', HOME, unit.id)).client);
  }
  for (const n of [0, 1, 2]) {
    // The first judge works in unit 0: never assigned to that unit's entry.
    const made = await clientFor(t, 'juri', HOME, n === 0 ? units[0]?.id : undefined);
    judges.push({ client: made.client, id: made.user.id });
  }
});
afterAll(() => t.close());

describe('setting up and entering', () => {
  let periodId: string;
  let draftInnovation: string;
  const verified: string[] = [];

  it('creates a competition and opens registration', async () => {
    const created = await admin.post(base, competitionBody());
    expect(created.statusCode, created.body).toBe(201);
    competition = json<CompetitionDetail>(created);
    expect(competition.stages.map((s) => s.code)).toEqual(['pendaftaran', 'seleksi_administrasi', 'penilaian_proposal', 'penetapan']);
    const opened = await admin.post(`${base}/${competition.id}/open`);
    expect(opened.statusCode, opened.body).toBe(200);
    competition = json<CompetitionDetail>(opened);
    expect(competition.currentStage).toBe('pendaftaran');
  });

  it('refuses a stage weight that does not add up to 100 and an unknown rubric', async () => {
    const body = competitionBody();
    const res = await admin.post(base, {
      ...body,
      stages: body.stages.map((s) => (s.code === 'penilaian_proposal' ? { ...s, weight: '60', rubricCode: 'tidak-ada' } : s)),
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(errorOf(res).issues)).toContain('berjumlah 100');
  });

  it("refuses an innovation that is not verified with the engine's reason, and operators cannot set up", async () => {
    const [row] = await t.db
      .insert(periods)
      .values({ regionCode: HOME, year: 2031, opensOn: '2031-01-01', closesOn: '2031-12-31', targetTotal: 10 })
      .returning();
    periodId = row?.id ?? '';
    draftInnovation = await makeInnovation(units[0]?.id ?? '', 'Inovasi Masih Draf', 'draft', periodId);
    for (const [i, unit] of units.entries())
      verified.push(await makeInnovation(unit.id, `Inovasi Terverifikasi ${i + 1}`, 'terverifikasi', periodId));

    const res = await operators[0]?.post(`${base}/${competition.id}/entries`, { innovationId: draftInnovation, category: 'opd' });
    expect(res?.statusCode).toBe(422);
    const expected = checkEligibility(
      competitionBody().eligibility as Parameters<typeof checkEligibility>[0],
      { status: 'draft', tahapan: 'penerapan', penerapanDate: '2022-03-01', hasInnovatorSk: false, unitId: units[0]?.id ?? '', category: 'opd' },
      { entriesOfUnitInCompetition: 0, entriesOfUnitInCategory: 0, today: new Date().toISOString().slice(0, 10) },
    );
    expect(expected.eligible).toBe(false);
    const error = res ? errorOf(res) : undefined;
    expect(error?.code).toBe('COMPETITION_NOT_ELIGIBLE');
    expect(error?.issues?.map((i) => i.reason)).toEqual(expected.failures.map((f) => f.message));

    const candidates = await operators[0]?.get(`${base}/${competition.id}/candidates?category=opd`);
    const items = candidates?.json().items as { id: string; eligible: boolean; failures: { message: string }[] }[];
    expect(items.map((i) => i.id).sort()).toEqual([draftInnovation, verified[0]].sort());
    expect(items.find((i) => i.id === draftInnovation)?.failures.map((f) => f.message)).toEqual(expected.failures.map((f) => f.message));

    expect((await operators[0]?.post(base, competitionBody()))?.statusCode).toBe(403);
  });

  it("lets an operator enter only their own unit's innovation, prefilled, with the word limit enforced", async () => {
    const foreign = await operators[0]?.post(`${base}/${competition.id}/entries`, { innovationId: verified[1], category: 'opd' });
    expect(foreign?.statusCode).toBe(400);
    for (const [i, op] of operators.entries()) {
      const res = await op.post(`${base}/${competition.id}/entries`, { innovationId: verified[i], category: i === 2 ? 'kecamatan' : 'opd' });
      expect(res.statusCode, res.body).toBe(201);
      entries.push(json<EntryDetail>(res));
    }
    const first = entries[0];
    if (!first) throw new Error('no entry');
    expect(first.sections.tujuan).toBe('Tujuan inovasi ini.');
    const long = await operators[0]?.put(`${base}/${competition.id}/entries/${first.id}`, {
      sections: { hasil: Array.from({ length: 21 }, () => 'kata').join(' ') },
      version: first.version,
    });
    expect(long?.statusCode).toBe(400);
    expect(long ? errorOf(long).issues?.[0] : undefined).toMatchObject({ field: 'sections.hasil', reason: 'Hasil: 21 kata, paling banyak 20 kata' });
    // Another unit's entry is not there for an operator.
    expect((await operators[1]?.get(`${base}/${competition.id}/entries/${first.id}`))?.statusCode).toBe(404);
    const listed = await operators[1]?.get(`${base}/${competition.id}/entries`);
    expect(listed?.json().items.map((e: { id: string }) => e.id)).toEqual([entries[1]?.id]);
  });

  it('submits the proposals before the deadline and refuses one after it', async () => {
    for (const [i, op] of operators.entries()) {
      const entry = entries[i];
      if (!entry) throw new Error('no entry');
      const saved = await op.put(`${base}/${competition.id}/entries/${entry.id}`, {
        sections: { hasil: 'Antrean turun separuh.' },
        version: entry.version,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      if (i === 2) continue;
      const res = await op.post(`${base}/${competition.id}/entries/${entry.id}/submit`);
      expect(res.statusCode, res.body).toBe(200);
      expect(json<EntryDetail>(res).status).toBe('diajukan');
    }
    // The last entry missed the deadline: registration closed yesterday.
    await t.db
      .update(competitionStages)
      .set({ endsOn: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10) })
      .where(eq(competitionStages.id, stageId('pendaftaran')));
    const late = await operators[2]?.post(`${base}/${competition.id}/entries/${entries[2]?.id}/submit`);
    expect(late?.statusCode).toBe(409);
    expect(late ? errorOf(late).code : '').toBe('COMPETITION_DEADLINE_PASSED');
    expect(late ? errorOf(late).message : '').toContain('Batas waktu pendaftaran sudah lewat');
  });

  it('screens the entries during seleksi administrasi, with a reason', async () => {
    const locked = await admin.post(`${base}/${competition.id}/stages/${stageId('pendaftaran')}/lock`);
    expect(locked.statusCode, locked.body).toBe(200);
    expect(json<CompetitionDetail>(locked).currentStage).toBe('seleksi_administrasi');
    const early = await admin.post(`${base}/${competition.id}/stages/${stageId('seleksi_administrasi')}/lock`);
    expect(errorOf(early).code).toBe('COMPETITION_SCREENING_PENDING');
    for (const entry of entries.slice(0, 2)) {
      const res = await admin.post(`${base}/${competition.id}/entries/${entry.id}/screening`, { decision: 'lolos', reason: 'Berkas lengkap' });
      expect(res.statusCode, res.body).toBe(200);
    }
    const res = await admin.post(`${base}/${competition.id}/stages/${stageId('seleksi_administrasi')}/lock`);
    expect(res.statusCode, res.body).toBe(200);
    competition = json<CompetitionDetail>(res);
    expect(competition.currentStage).toBe('penilaian_proposal');
  });
});

describe('judging', () => {
  let panel: PanelView;

  it('forms the panel, takes declared conflicts and never assigns against them', async () => {
    const stage = stageId('penilaian_proposal');
    for (const j of judges) {
      const res = await admin.post(`${base}/${competition.id}/stages/${stage}/panel`, { userId: j.id });
      expect(res.statusCode, res.body).toBe(200);
    }
    // The second judge declares a conflict with the second unit (say, a former office).
    const declared = await judges[1]?.client.put(`/api/v1/regions/${HOME}/judging/competitions/${competition.id}/conflicts`, {
      conflictUnitIds: [units[1]?.id],
      conflictEntryIds: [],
      note: 'Pernah bertugas di dinas ini',
    });
    expect(declared?.statusCode, declared?.body).toBe(200);
    const res = await admin.post(`${base}/${competition.id}/stages/${stage}/assignment`);
    expect(res.statusCode, res.body).toBe(200);
    panel = json<PanelView>(res);
    // Two entries passed screening, two judges each.
    expect(panel.sheets).toHaveLength(4);
    expect(panel.shortfalls).toEqual([]);
    for (const s of panel.sheets) {
      if (s.entryId === entries[0]?.id) expect(s.judgeUserId, 'own unit').not.toBe(judges[0]?.id);
      if (s.entryId === entries[1]?.id) expect(s.judgeUserId, 'declared conflict').not.toBe(judges[1]?.id);
    }
    // Each judge given entries is told how many; a judge given none is not told.
    for (const j of judges) {
      const given = panel.sheets.filter((s) => s.judgeUserId === j.id).length;
      const told = json<{ items: { kind: string; title: string; body: string; link: string }[] }>(
        await j.client.get('/api/v1/me/notifications'),
      ).items.filter((n) => n.kind === 'judge_assigned');
      expect(told, `judge ${j.id}`).toHaveLength(given > 0 ? 1 : 0);
      if (given > 0) {
        expect(told[0]?.body).toContain(`${given} peserta`);
        expect(told[0]?.link).toBe('/penjurian');
      }
    }
  });

  it("hides every other judge's sheet and every unassigned entry, and shows no totals before the lock", async () => {
    const [j0, j1, j2] = judges;
    if (!j0 || !j1 || !j2) throw new Error('judges');
    const home = json<JudgeHome>(await j0.client.get(`/api/v1/regions/${HOME}/judging`));
    const mine = panel.sheets.filter((s) => s.judgeUserId === j0.id);
    expect(home.items.map((i) => i.sheetId).sort()).toEqual(mine.map((s) => s.id).sort());
    expect(home.items.map((i) => i.entryId)).not.toContain(entries[0]?.id);
    const others = panel.sheets.filter((s) => s.judgeUserId !== j0.id);
    for (const s of others) expect((await j0.client.get(`/api/v1/regions/${HOME}/judging/sheets/${s.id}`)).statusCode).toBe(404);
    for (const s of others)
      expect((await j0.client.put(`/api/v1/regions/${HOME}/judging/sheets/${s.id}`, { scores: {}, version: 1 })).statusCode).toBe(404);
    // Judges have no access to the committee's lists of entries.
    expect((await j0.client.get(`${base}/${competition.id}/entries`)).statusCode).toBe(403);
    expect((await j0.client.get(`${base}/${competition.id}/entries/${entries[0]?.id}`)).statusCode).toBe(403);
    const sheet = json<SheetDetail>(await j0.client.get(`/api/v1/regions/${HOME}/judging/sheets/${mine[0]?.id}`));
    expect(sheet.total).toBeNull();
    expect(sheet.rubric.criteria.map((c) => c.code)).toEqual(CRITERIA);
  });

  it('autosaves drafts, refuses an incomplete submission, then submits every sheet', async () => {
    const scoresFor = (judgeIndex: number, entryIndex: number) =>
      Object.fromEntries(CRITERIA.map((c, k) => [c, String(60 + judgeIndex * 7 + entryIndex * 9 + k * 3 - (judgeIndex === 2 ? 15 : 0))]));
    for (const s of panel.sheets) {
      const judgeIndex = judges.findIndex((j) => j.id === s.judgeUserId);
      const entryIndex = entries.findIndex((e) => e.id === s.entryId);
      const client = judges[judgeIndex]?.client;
      if (!client) throw new Error('judge');
      const url = `/api/v1/regions/${HOME}/judging/sheets/${s.id}`;
      const half = await client.put(url, { scores: { kebaharuan: '70' }, comments: { kebaharuan: 'Baru di Babel' }, version: 1 });
      expect(half.statusCode, half.body).toBe(200);
      const incomplete = await client.post(`${url}/submit`);
      expect(incomplete.statusCode).toBe(400);
      const outOfScale = await client.put(url, { scores: { kebaharuan: '170' }, version: 2 });
      expect(outOfScale.statusCode).toBe(400);
      const full = await client.put(url, { scores: scoresFor(judgeIndex, entryIndex), version: 2 });
      expect(full.statusCode, full.body).toBe(200);
      expect((await client.post(`${url}/submit`)).statusCode).toBe(200);
      expect(errorOf(await client.put(url, { scores: {}, version: 3 })).code).toBe('COMPETITION_SHEET_SUBMITTED');
    }
  });

  it('reopens a submitted sheet only with a reason, and audits it', async () => {
    const sheet = panel.sheets[0];
    if (!sheet) throw new Error('sheet');
    const url = `${base}/${competition.id}/stages/${stageId('penilaian_proposal')}/sheets/${sheet.id}/reopen`;
    expect((await admin.post(url, { reason: '  ' })).statusCode).toBe(400);
    const res = await admin.post(url, { reason: 'Nilai replikasi salah ketik' });
    expect(res.statusCode, res.body).toBe(200);
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'competition_sheet.reopened'), eq(auditLog.entityId, sheet.id)));
    expect(audited).toHaveLength(1);
    expect(audited[0]?.after).toMatchObject({ reason: 'Nilai replikasi salah ketik' });
    // Locking waits for every sheet.
    const early = await admin.post(`${base}/${competition.id}/stages/${stageId('penilaian_proposal')}/lock`);
    expect(errorOf(early).code).toBe('COMPETITION_SHEETS_PENDING');
    const judge = judges.find((j) => j.id === sheet.judgeUserId);
    expect((await judge?.client.post(`/api/v1/regions/${HOME}/judging/sheets/${sheet.id}/submit`))?.statusCode).toBe(200);
  });

  it('locks the stage and ranks exactly as the engine does on the same sheets; judges then see their totals', async () => {
    const stage = stageId('penilaian_proposal');
    const res = await admin.post(`${base}/${competition.id}/stages/${stage}/lock`);
    expect(res.statusCode, res.body).toBe(200);
    const results = json<StageResults>(await admin.get(`${base}/${competition.id}/stages/${stage}/results`));
    const rubric = loadShippedRubric(RUBRIC);
    const sheets = await t.db.select().from(competitionSheets).where(eq(competitionSheets.stageId, stage));
    const engine = aggregateStage({
      rubric,
      sheets: sheets.map((s) => ({ judgeId: s.judgeUserId, entryId: s.entryId, scores: s.scores })),
      normalise: false,
    });
    const submitted = new Map((await t.db.select().from(competitionEntries)).map((e) => [e.id, e.submittedAt?.toISOString()]));
    const ranked = rankEntries(
      engine.entries.map((e) => ({
        entryId: e.entryId,
        score: e.score,
        tiebreak: tieBreakFromCriteria(rubric, e.perCriterion, submitted.get(e.entryId)),
      })),
    );
    expect(results.items.map((i) => [i.entryId, i.score, i.rank])).toEqual(
      ranked.map((r) => [r.entryId, r.score, r.rank]).sort((a, b) => Number(a[2]) - Number(b[2])),
    );
    const own = panel.sheets.find((s) => s.judgeUserId === judges[0]?.id);
    const judge = judges[0];
    if (!judge) throw new Error('judge');
    const after = json<SheetDetail>(await judge.client.get(`/api/v1/regions/${HOME}/judging/sheets/${own?.id}`));
    expect(after.total).not.toBeNull();
  });
});

describe('results', () => {
  it('are 404 for the public before publication, and in the contract shape after', async () => {
    const url = `/api/v1/public/competitions/${competition.id}/results`;
    expect((await pub.get(url)).statusCode).toBe(404);
    const finalised = await admin.post(`${base}/${competition.id}/finalise`, { decreeNumber: '100/KEP/2031', decreeDate: '2031-11-10' });
    expect(finalised.statusCode, finalised.body).toBe(200);
    expect((await pub.get(url)).statusCode).toBe(404);
    const listed = await pub.get(`/api/v1/public/regions/${HOME}/competitions`);
    expect(listed.json().items).toContainEqual({
      id: competition.id,
      name: 'Lomba Inovasi Uji',
      year: 2031,
      kind: 'lomba_inovasi_daerah',
      stage: 'penetapan',
      scope: 'region',
    });
    expect((await admin.post(`${base}/${competition.id}/publish`)).statusCode).toBe(200);
    const res = await pub.get(url);
    expect(res.statusCode, res.body).toBe(200);
    const body = json<PublicResults>(res);
    expect(body.published).toBe(true);
    expect(body.decree).toEqual({ number: '100/KEP/2031', date: '2031-11-10' });
    const opd = body.categories.find((c) => c.code === 'opd');
    expect(opd?.ranking).toHaveLength(2);
    expect(opd?.ranking.map((r) => r.rank)).toEqual([1, 2]);
    expect(opd?.ranking[0]).toMatchObject({
      innovationId: expect.any(String),
      name: expect.stringContaining('Inovasi Terverifikasi'),
      unitName: expect.stringContaining('Dinas Kompetisi Uji'),
    });
    expect(Number(opd?.ranking[0]?.score)).toBeGreaterThanOrEqual(Number(opd?.ranking[1]?.score));
    // Never a judge's sheet: no judge ids or names anywhere in the public answer.
    for (const j of judges) expect(res.body).not.toContain(j.id);
    const certificates = await admin.get(`${base}/${competition.id}/certificates.pdf`);
    expect(certificates.headers['content-type']).toContain('application/pdf');
    const xlsx = await admin.get(`${base}/${competition.id}/scores.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const proposal = await operators[0]?.get(`${base}/${competition.id}/entries/${entries[0]?.id}/proposal.pdf`);
    expect(proposal?.statusCode).toBe(200);
  });
});
