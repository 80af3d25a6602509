/**
 * The demo competitions of Kota Pangkalpinang: the 2025 award published with three categories of four
 * entries ranked from three judges' normalised scores, and the 2026 KIPP pre-selection at proposal
 * scoring where `juri.demo` has entries assigned and one sheet half filled.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompetitionDetail, JudgeHome, PanelView, PublicResults } from '#shared/api/competitions.ts';
import type { FieldChecklist, FieldChecklistList } from '#shared/api/competitions-iga.ts';
import { DEMO_PASSWORD } from '#server/demo/demo-data.ts';
import { seedDemo } from '#server/demo/seed-demo.ts';
import { anonymous, loginAs, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
let t: TestApp;
const json = <T>(res: LightMyRequestResponse): T => res.json() as T;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.db, { onlyIfNew: false, storage: t.app.storage });
});
afterAll(() => t.close());

describe('demo competitions', () => {
  it('publishes the 2025 award: three categories of four, ranked 1–4, and lists the 2026 KIPP pre-selection at proposal scoring', async () => {
    const pub = anonymous(t.app);
    const list = json<{ items: { id: string; name: string; stage: string }[] }>(await pub.get(`/api/v1/public/regions/${HOME}/competitions`)).items;
    const lomba = list.find((c) => c.name === 'Lomba Inovasi Daerah 2025');
    expect(lomba?.stage).toBe('diumumkan');
    expect(list.find((c) => c.name === 'Praseleksi KIPP 2026')?.stage).toBe('penilaian_proposal');
    const results = json<PublicResults>(await pub.get(`/api/v1/public/competitions/${lomba?.id}/results`));
    expect(results.categories).toHaveLength(3);
    for (const c of results.categories) {
      expect(c.ranking).toHaveLength(4);
      expect(c.ranking.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
      const scores = c.ranking.map((r) => Number(r.score));
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
  });

  it("gives juri.demo assigned proposals and one sheet half filled, and nothing of the other judges'", async () => {
    const juri = await loginAs(t.app, 'juri.demo', DEMO_PASSWORD);
    const home = json<JudgeHome>(await juri.get(`/api/v1/regions/${HOME}/judging`));
    const kipp = home.items.filter((i) => i.competitionName === 'Praseleksi KIPP 2026');
    expect(kipp.length).toBeGreaterThan(0);
    const half = kipp.filter((i) => i.scoredCriteria > 0 && i.scoredCriteria < i.criteriaCount && i.status === 'draft');
    expect(half).toHaveLength(1);
    expect(kipp.every((i) => i.stageCode === 'penilaian_proposal')).toBe(true);
  });
  it('prepares the IGA 2026 nominees: three nominees, a rehearsal partly scored, one checklist half done by juri.demo', async () => {
    const juri = await loginAs(t.app, 'juri.demo', DEMO_PASSWORD);
    const home = json<JudgeHome>(await juri.get(`/api/v1/regions/${HOME}/judging`));
    const mine = json<FieldChecklistList>(await juri.get(`/api/v1/regions/${HOME}/competitions/field-checks`));
    const iga = mine.items.filter((i) => i.competitionName === 'Persiapan Nominee IGA 2026');
    expect(iga).toHaveLength(3);
    const started = iga.filter((i) => i.counts.belum_diperiksa < i.total);
    expect(started).toHaveLength(1);
    const half = started[0];
    expect(half && half.total - half.counts.belum_diperiksa).toBe(Math.ceil((half?.total ?? 0) / 2));
    expect(Number(half?.readiness)).toBeGreaterThan(0);
    const detail = json<FieldChecklist>(await juri.get(`/api/v1/regions/${HOME}/competitions/${half?.competitionId}/field-checks/${half?.entryId}`));
    expect(detail.canEdit).toBe(true);
    expect(detail.lines.every((l) => l.evidence.length > 0)).toBe(true);
    // The rehearsal: juri.demo sits on the panel of the presentation stage, scored with the IGA rubric.
    const rehearsal = home.items.filter((i) => i.competitionName === 'Persiapan Nominee IGA 2026');
    expect(rehearsal.length).toBeGreaterThan(0);
    expect(rehearsal.every((i) => i.stageCode === 'presentasi')).toBe(true);
    expect(rehearsal.every((i) => i.competitionKind === 'iga_nominee')).toBe(true);
    const admin = await loginAs(t.app, 'admin.demo', DEMO_PASSWORD);
    const competition = json<CompetitionDetail>(await admin.get(`/api/v1/regions/${HOME}/competitions/${half?.competitionId}`));
    const stage = competition.stages.find((s) => s.code === 'presentasi');
    expect(stage?.rubricCode).toBe('rubrik-iga-presentasi-2023');
    const panel = json<PanelView>(await admin.get(`/api/v1/regions/${HOME}/competitions/${competition.id}/stages/${stage?.id}/panel`));
    const submitted = panel.sheets.filter((x) => x.status === 'submitted').length;
    expect(submitted).toBeGreaterThan(0);
    expect(submitted).toBeLessThan(panel.sheets.length);
  });
});
