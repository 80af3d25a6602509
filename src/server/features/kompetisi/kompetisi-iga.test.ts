/**
 * IGA nominee preparation through the HTTP API: the field-validation checklist has one line per SID
 * indicator of the innovation's framework with the innovation's answer and evidence; the admin and a
 * judge on the competition's panel record checks (audited, version-checked); an operator, a judge
 * not on the competition and another region cannot; the readiness is sesuai ÷ indicators, by hand.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iidStructure } from '#domain/iid/structure.ts';
import type { CompetitionDetail } from '#shared/api/competitions.ts';
import type { FieldChecklist, FieldChecklistList } from '#shared/api/competitions-iga.ts';
import { attachments, auditLog, competitionEntries, competitionJudges, iidAnswers, innovations, periods } from '#server/db/schema.ts';
import { iidFrameworkOfPeriod } from '#server/platform/frameworks/registry.ts';
import { type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';
import { readinessOf } from './kompetisi-iga.service.ts';

const HOME = '19.71';
const OTHER = '62.71';
let t: TestApp;
let admin: Client;
let operator: Client;
let panelJudge: Client;
let panelJudgeId: string;
let otherJudge: Client;
let otherAdmin: Client;
let competition: CompetitionDetail;
let entryId: string;
let indicatorIds: string[];
const base = `/api/v1/regions/${HOME}/competitions`;
const json = <T>(res: LightMyRequestResponse): T => res.json() as T;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  otherAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
  const unit = await makeUnit(t.db, HOME, { name: 'Dinas Nominee IGA' });
  operator = (await clientFor(t, 'operator', HOME, unit.id)).client;
  const j = await clientFor(t, 'juri', HOME);
  panelJudge = j.client;
  panelJudgeId = j.user.id;
  otherJudge = (await clientFor(t, 'juri', HOME)).client;

  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const created = await admin.post(base, {
    name: 'Persiapan Nominee IGA Uji',
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
    sections: [{ code: 'ringkasan', title: 'Ringkasan', guidance: '', wordLimit: 300 }],
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
      {
        code: 'verifikasi_lapangan',
        startsOn: day(10),
        endsOn: day(12),
        rubricCode: 'rubrik-iga-presentasi-2023',
        judgesPerEntry: 1,
        weight: '0',
        normalise: false,
      },
      { code: 'penetapan', startsOn: day(13), endsOn: day(15) },
    ],
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  competition = json<CompetitionDetail>(created);

  const [period] = await t.db
    .insert(periods)
    .values({ regionCode: HOME, year: 2026, opensOn: '2026-01-01', closesOn: '2026-12-31', targetTotal: 10 })
    .returning();
  if (!period) throw new Error('no period');
  const [innovation] = await t.db
    .insert(innovations)
    .values({
      regionCode: HOME,
      periodId: period.id,
      unitId: unit.id,
      name: 'Inovasi Nominee',
      status: 'terverifikasi',
      tahapan: 'penerapan',
      waktuPenerapan: '2022-01-01',
    })
    .returning();
  if (!innovation) throw new Error('no innovation');
  const { framework } = await iidFrameworkOfPeriod(t.db, HOME, period);
  indicatorIds = iidStructure(framework).sid.map((i) => i.id);
  const first = indicatorIds[0] ?? '';
  await t.db.insert(iidAnswers).values({ regionCode: HOME, periodId: period.id, innovationId: innovation.id, indicatorId: first, claimedLevel: 1 });
  await t.db.insert(attachments).values({
    regionCode: HOME,
    ownerType: 'innovation',
    ownerId: innovation.id,
    slot: `sid.${first}`,
    kind: 'link',
    title: 'SK inovasi',
    url: 'https://contoh.go.id/sk.pdf',
  });
  const [entry] = await t.db
    .insert(competitionEntries)
    .values({ regionCode: HOME, competitionId: competition.id, innovationId: innovation.id, unitId: unit.id, category: 'nominee', status: 'lolos' })
    .returning();
  entryId = entry?.id ?? '';
  const presentasi = competition.stages.find((s) => s.code === 'presentasi');
  await t.db
    .insert(competitionJudges)
    .values({ regionCode: HOME, competitionId: competition.id, stageId: presentasi?.id ?? '', userId: panelJudgeId });
});
afterAll(() => t.close());

const lineUrl = (indicatorId: string) => `${base}/${competition.id}/field-checks/${entryId}/lines/${indicatorId}`;

describe('field-validation checklist', () => {
  it("lists one line per SID indicator of the innovation's framework, with its answer and evidence, all unchecked", async () => {
    expect(indicatorIds.length).toBeGreaterThan(10);
    const res = await admin.get(`${base}/${competition.id}/field-checks/${entryId}`);
    expect(res.statusCode, res.body).toBe(200);
    const list = json<FieldChecklist>(res);
    expect(list.lines.map((l) => l.indicatorId)).toEqual(indicatorIds);
    expect(list.lines.every((l) => l.status === 'belum_diperiksa' && l.version === 0)).toBe(true);
    expect(list.lines[0]?.claimedLevel).toBe(1);
    expect(list.lines[0]?.evidence.map((e) => e.title)).toEqual(['SK inovasi']);
    expect(list.lines[1]?.evidence).toEqual([]);
    expect(list.readiness).toBe('0.0');
    expect(list.canEdit).toBe(true);
  });

  it('lets a judge on the panel record checks, moves a line between statuses and keeps who and when; computes readiness by hand', async () => {
    const [a = '', b = '', c = ''] = indicatorIds;
    expect((await panelJudge.put(lineUrl(a), { status: 'sesuai', note: '', version: 0 })).statusCode).toBe(200);
    expect((await panelJudge.put(lineUrl(b), { status: 'perlu_perbaikan', note: 'Foto kegiatan kurang', version: 0 })).statusCode).toBe(200);
    expect((await admin.put(lineUrl(c), { status: 'tidak_sesuai', note: 'SK tidak ditemukan', version: 0 })).statusCode).toBe(200);
    // perlu perbaikan → sesuai after the unit fixed the evidence
    expect((await panelJudge.put(lineUrl(b), { status: 'sesuai', note: 'Sudah dilengkapi', version: 1 })).statusCode).toBe(200);
    // a stale version is refused
    const stale = await admin.put(lineUrl(b), { status: 'tidak_sesuai', note: '', version: 1 });
    expect(stale.statusCode).toBe(409);
    const list = json<FieldChecklist>(await panelJudge.get(`${base}/${competition.id}/field-checks/${entryId}`));
    const line = list.lines.find((l) => l.indicatorId === b);
    expect(line?.status).toBe('sesuai');
    expect(line?.note).toBe('Sudah dilengkapi');
    expect(line?.version).toBe(2);
    expect(line?.checkedBy).toBeTruthy();
    expect(line?.checkedAt).toBeTruthy();
    expect(list.counts).toEqual({ belum_diperiksa: indicatorIds.length - 3, sesuai: 2, tidak_sesuai: 1, perlu_perbaikan: 0 });
    // 2 of n found sesuai, in percent with one decimal, half-up.
    const n = indicatorIds.length;
    const byHand = (Math.round((2 / n) * 1000 + 1e-9) / 10).toFixed(1);
    expect(list.readiness).toBe(byHand);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'competition.field_check_saved'), eq(auditLog.entityId, entryId)));
    expect(audits).toHaveLength(4);
    const summary = json<FieldChecklistList>(await panelJudge.get(`${base}/field-checks`));
    expect(summary.items.map((i) => [i.entryId, i.readiness])).toEqual([[entryId, byHand]]);
  });

  it('refuses an indicator the framework does not list and an unknown status', async () => {
    expect((await admin.put(lineUrl('999'), { status: 'sesuai', note: '', version: 0 })).statusCode).toBe(404);
    expect((await admin.put(lineUrl(indicatorIds[5] ?? ''), { status: 'bagus', note: '', version: 0 })).statusCode).toBe(400);
  });

  it('lets the operator read their nominee but not edit; a judge not on the competition and another region see nothing', async () => {
    const a = indicatorIds[6] ?? '';
    const read = await operator.get(`${base}/${competition.id}/field-checks/${entryId}`);
    expect(read.statusCode).toBe(200);
    expect(json<FieldChecklist>(read).canEdit).toBe(false);
    expect((await operator.put(lineUrl(a), { status: 'sesuai', note: '', version: 0 })).statusCode).toBe(403);
    expect((await otherJudge.put(lineUrl(a), { status: 'sesuai', note: '', version: 0 })).statusCode).toBe(404);
    expect((await otherJudge.get(`${base}/${competition.id}/field-checks/${entryId}`)).statusCode).toBe(404);
    expect(json<FieldChecklistList>(await otherJudge.get(`${base}/field-checks`)).items).toEqual([]);
    expect((await otherAdmin.get(`${base}/${competition.id}/field-checks/${entryId}`)).statusCode).toBe(403);
    const untouched = json<FieldChecklist>(await admin.get(`${base}/${competition.id}/field-checks/${entryId}`));
    expect(untouched.lines.find((l) => l.indicatorId === a)?.status).toBe('belum_diperiksa');
  });

  it('exports the checklist as XLSX for the field visit', async () => {
    const res = await panelJudge.get(`${base}/${competition.id}/field-checks/${entryId}/checklist.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('has no checklist for a competition of another kind', async () => {
    const [entry] = await t.db.select().from(competitionEntries).where(eq(competitionEntries.id, entryId));
    expect(entry).toBeDefined();
    const other = await admin.post(base, {
      name: 'Lomba Biasa',
      year: 2026,
      kind: 'lomba_inovasi_daerah',
      categories: [{ code: 'opd', name: 'OPD' }],
      eligibility: { requireVerified: true, allowedTahapan: [], minYearsSincePenerapan: 0, requireInnovatorSk: false, maxEntriesPerUnit: null },
      sections: [{ code: 'ringkasan', title: 'Ringkasan', guidance: '', wordLimit: 300 }],
      stages: competition.stages.map((s) => ({
        code: s.code,
        startsOn: s.startsOn,
        endsOn: s.endsOn,
        ...(s.rubricCode ? { rubricCode: s.rubricCode, judgesPerEntry: 1, weight: s.code === 'presentasi' ? '100' : '0', normalise: false } : {}),
      })),
    });
    expect(other.statusCode, other.body).toBe(201);
    expect((await admin.get(`${base}/${json<CompetitionDetail>(other).id}/field-checks`)).statusCode).toBe(404);
    const list = await admin.get(`${base}/${competition.id}/field-checks`);
    expect(json<FieldChecklistList>(list).items).toHaveLength(1);
  });
});

describe('editing the set-up', () => {
  it('keeps the stages it still has with their panels, drops the one removed, and refuses a stale version', async () => {
    const current = json<CompetitionDetail>(await admin.get(`${base}/${competition.id}`));
    const presentasi = current.stages.find((s) => s.code === 'presentasi');
    const body = {
      name: 'Persiapan Nominee IGA Uji (diubah)',
      year: current.year,
      kind: current.kind,
      description: current.description,
      categories: current.categories,
      eligibility: current.eligibility,
      sections: current.sections,
      stages: current.stages
        .filter((s) => s.code !== 'verifikasi_lapangan')
        .map((s) =>
          s.code === 'presentasi'
            ? { code: s.code, startsOn: s.startsOn, endsOn: s.endsOn, rubricCode: s.rubricCode, judgesPerEntry: 2, weight: '100', normalise: false }
            : { code: s.code, startsOn: s.startsOn, endsOn: s.endsOn },
        ),
    };
    const saved = await admin.put(`${base}/${competition.id}`, { ...body, version: current.version });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = json<CompetitionDetail>(saved);
    expect(after.name).toBe('Persiapan Nominee IGA Uji (diubah)');
    expect(after.stages.map((s) => s.code)).toEqual(['pendaftaran', 'presentasi', 'penetapan']);
    const kept = after.stages.find((s) => s.code === 'presentasi');
    expect(kept?.id).toBe(presentasi?.id);
    expect(kept?.judgesPerEntry).toBe(2);
    const panel = await t.db
      .select()
      .from(competitionJudges)
      .where(eq(competitionJudges.stageId, kept?.id ?? ''));
    expect(panel.map((p) => p.userId)).toEqual([panelJudgeId]);
    const stale = await admin.put(`${base}/${competition.id}`, { ...body, name: 'Terlambat', version: current.version });
    expect(stale.statusCode).toBe(409);
    // The judge still edits the nominee's checklist after the edit.
    const line = indicatorIds[7] ?? '';
    expect((await panelJudge.put(lineUrl(line), { status: 'sesuai', note: '', version: 0 })).statusCode).toBe(200);
  });
});

describe('readiness', () => {
  it('rounds half-up to one decimal', () => {
    expect(readinessOf({ belum_diperiksa: 1, sesuai: 1, tidak_sesuai: 1, perlu_perbaikan: 0 })).toBe('33.3');
    expect(readinessOf({ belum_diperiksa: 0, sesuai: 2, tidak_sesuai: 1, perlu_perbaikan: 0 })).toBe('66.7');
    // 1/16 = 6.25 % → 6.3 (half-up, not banker's)
    expect(readinessOf({ belum_diperiksa: 15, sesuai: 1, tidak_sesuai: 0, perlu_perbaikan: 0 })).toBe('6.3');
    expect(readinessOf({ belum_diperiksa: 0, sesuai: 0, tidak_sesuai: 0, perlu_perbaikan: 0 })).toBe('0.0');
  });
});
