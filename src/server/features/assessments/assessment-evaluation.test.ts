/**
 * The yearly evaluation (hasil evaluasi) through the real HTTP app: a region runs its smart-city
 * self-assessments of 2024 and 2025 (filled, verified with corrections, final); the index per pillar and
 * overall must be the weighted mean worked out here by hand on the assessors' values, the change against
 * last year exact, and null with no earlier year; the assessor's findings and letter are recorded only by
 * those who verify, validated in Indonesian, audited; the masterplan page reads the very same figures.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '#domain/scoring/decimal.ts';
import type { AssessmentDetail, AssessmentItem } from '#shared/api/assessments.ts';
import type { AssessmentEvaluation, EvaluationHistory } from '#shared/api/evaluations.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { assessmentEvaluations, auditLog } from '#server/db/schema.ts';
import { type Client, clientFor, startTestApp, type TestApp } from '../../../../test/support/harness.ts';
import { makePdf } from '../../../../test/support/files.ts';

const HOME = '19.71';
const OTHER = '62.71';
const base = (region = HOME) => `/api/v1/regions/${region}/assessments`;
const evaluationUrl = (id: string, region = HOME) => `${base(region)}/${id}/evaluation`;
const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const fieldsOf = (res: LightMyRequestResponse) => (errorOf(res).issues ?? []).map((i) => i.field);

const PILLARS = ['baseline', 'output', 'outcome', 'impact', 'quickwin'] as const;
type Values = Record<(typeof PILLARS)[number], string>;
const WEIGHTS: Values = { baseline: '10', output: '20', outcome: '30', impact: '20', quickwin: '20' };

/** The Indeks Pencapaian by hand: Σ(weight × value) ÷ Σ weight, half-up to 2 places. */
function byHand(values: Values): string {
  let sum = new Dec(0);
  let weights = new Dec(0);
  for (const p of PILLARS) {
    sum = sum.plus(new Dec(WEIGHTS[p]).times(values[p]));
    weights = weights.plus(WEIGHTS[p]);
  }
  return sum.div(weights).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);
}

// 2024: the assessors correct output and impact down. 10×2.75 + 20×3.10 + 30×2.85 + 20×2.90 + 20×3.05 = 294 → 2.94.
const CLAIMED_2024: Values = { baseline: '2.75', output: '3.30', outcome: '2.85', impact: '3.05', quickwin: '3.05' };
const VERIFIED_2024: Values = { baseline: '2.75', output: '3.10', outcome: '2.85', impact: '2.90', quickwin: '3.05' };
// 2025: 10×2.94 + 20×3.25 + 30×3.05 + 20×3.10 + 20×3.25 = 312.9 → 3.129 → 3.13 (half-up).
const CLAIMED_2025: Values = { baseline: '2.94', output: '3.40', outcome: '3.05', impact: '3.30', quickwin: '3.25' };
const VERIFIED_2025: Values = { baseline: '2.94', output: '3.25', outcome: '3.05', impact: '3.10', quickwin: '3.25' };

let t: TestApp;
let admin: Client;
let verifier: Client;
let operator: Client;
let pimpinan: Client;
let juri: Client;
let foreignAdmin: Client;
let smartcityVersionId: string;
let a2024: string;
let a2025: string;
let a2026: string;

async function detailOf(id: string): Promise<AssessmentDetail> {
  const res = await admin.get(`${base()}/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<AssessmentDetail>(res);
}

function itemOf(detail: AssessmentDetail, indicatorId: string): AssessmentItem {
  const item = detail.items.find((i) => i.indicatorId === indicatorId);
  if (!item) throw new Error(`no item ${indicatorId}`);
  return item;
}

async function stage(id: string, to: 'verifikasi' | 'final') {
  const d = await detailOf(id);
  const res = await admin.post(`${base()}/${id}/stage`, { stage: to, version: d.version });
  expect(res.statusCode, res.body).toBe(200);
}

/** Opens, fills, verifies (correcting where the values differ) and, unless told otherwise, finalises. */
async function runAssessment(year: number, claimed: Values, verified: Values, until: 'verifikasi' | 'final' = 'final'): Promise<string> {
  const created = await admin.post(base(), { frameworkVersionId: smartcityVersionId, year, deadline: `${year}-09-30` });
  expect(created.statusCode, created.body).toBe(201);
  const id = json<AssessmentDetail>(created).id;
  let d = await detailOf(id);
  for (const p of PILLARS) {
    const item = itemOf(d, p);
    const res = await admin.put(`${base()}/${id}/items/${item.id}`, { value: claimed[p], explanation: `Jawaban ${p}`, version: item.version });
    expect(res.statusCode, res.body).toBe(200);
  }
  await stage(id, 'verifikasi');
  d = await detailOf(id);
  for (const p of PILLARS) {
    const item = itemOf(d, p);
    const body =
      claimed[p] === verified[p]
        ? { decision: 'accept', version: item.version, note: null }
        : { decision: 'correct', version: item.version, value: verified[p], note: 'Bukti dukung belum lengkap' };
    const res = await verifier.post(`${base()}/${id}/items/${item.id}/verify`, body);
    expect(res.statusCode, res.body).toBe(200);
  }
  if (until === 'final') await stage(id, 'final');
  return id;
}

async function evaluationOf(client: Client, id: string): Promise<AssessmentEvaluation> {
  const res = await client.get(evaluationUrl(id));
  expect(res.statusCode, res.body).toBe(200);
  return json<AssessmentEvaluation>(res);
}

const letter = { evaluator: 'Tim Evaluator', findings: 'Dewan belum bersidang berkala.', pillarFindings: [], letterNumber: null, letterDate: null };

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  verifier = (await clientFor(t, 'verifikator', HOME)).client;
  operator = (await clientFor(t, 'operator', HOME)).client;
  pimpinan = (await clientFor(t, 'pimpinan', HOME)).client;
  juri = (await clientFor(t, 'juri', HOME)).client;
  foreignAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
  const versions = json<{ items: { id: string; frameworkId: string; origin: string }[] }>(
    await admin.get(`/api/v1/regions/${HOME}/framework-versions`),
  );
  const found = versions.items.find((v) => v.frameworkId === 'smartcity-2021' && v.origin === 'shipped');
  if (!found) throw new Error('smartcity-2021 is not shipped');
  smartcityVersionId = found.id;
  a2024 = await runAssessment(2024, CLAIMED_2024, VERIFIED_2024);
  a2025 = await runAssessment(2025, CLAIMED_2025, VERIFIED_2025, 'verifikasi');
  const opened = await admin.post(base(), { frameworkVersionId: smartcityVersionId, year: 2026 });
  expect(opened.statusCode, opened.body).toBe(201);
  a2026 = json<AssessmentDetail>(opened).id;
});
afterAll(() => t.close());

describe('evaluation figures', () => {
  it('gives the index per pillar and overall on the verified values, as worked out by hand, with no change when there is no earlier year', async () => {
    const e = await evaluationOf(pimpinan, a2024);
    expect(e.isSmartCity).toBe(true);
    expect(byHand(VERIFIED_2024)).toBe('2.94');
    expect(e.index).toBe('2.94');
    expect(e.claimedIndex).toBe(byHand(CLAIMED_2024));
    expect(e.claimedIndex).toBe('3.01');
    expect(e.complete).toBe(true);
    expect(e.pillars.map((p) => p.id)).toEqual([...PILLARS]);
    expect(e.pillars.map((p) => p.index)).toEqual(PILLARS.map((p) => VERIFIED_2024[p]));
    expect(e.pillars.map((p) => p.weight)).toEqual(PILLARS.map((p) => WEIGHTS[p]));
    expect(e.previous).toBeNull();
    expect(e.delta).toBeNull();
    expect(e.pillars.every((p) => p.delta === null && p.previousIndex === null)).toBe(true);
    expect(e.result).toBeNull();
  });

  it('gives the improvement over last year per pillar and overall, exact, as strings', async () => {
    const e = await evaluationOf(admin, a2025);
    expect(byHand(VERIFIED_2025)).toBe('3.13');
    expect(e.index).toBe('3.13');
    expect(e.previous).toEqual({ assessmentId: a2024, year: 2024, index: '2.94' });
    expect(e.delta).toBe('0.19');
    const delta = Object.fromEntries(e.pillars.map((p) => [p.id, p.delta]));
    expect(delta).toEqual({ baseline: '0.19', output: '0.15', outcome: '0.20', impact: '0.20', quickwin: '0.20' });
  });

  it('gives a year still being filled no index and no change, and no recording yet', async () => {
    const e = await evaluationOf(admin, a2026);
    expect(e.index).toBeNull();
    expect(e.previous).toEqual({ assessmentId: a2025, year: 2025, index: '3.13' });
    expect(e.delta).toBeNull();
    expect(e.can.record).toBe(false);
  });

  it('is the same figure on the masterplan page as on the assessment page', async () => {
    const res = await pimpinan.get(`/api/v1/regions/${HOME}/smart-city/evaluations`);
    expect(res.statusCode, res.body).toBe(200);
    const history = json<EvaluationHistory>(res);
    expect(history.items.map((i) => i.year)).toEqual([2026, 2025, 2024]);
    for (const id of [a2024, a2025]) {
      const onPage = history.items.find((i) => i.assessmentId === id);
      const own = await evaluationOf(admin, id);
      expect(onPage?.index).toBe(own.index);
      expect(onPage?.delta).toBe(own.delta);
      expect(onPage?.pillars).toEqual(own.pillars.map((p) => ({ id: p.id, name: p.name, index: p.index, delta: p.delta })));
    }
    expect(history.items[1]?.index).toBe('3.13');
  });
});

describe('recording the assessor result', () => {
  it('is refused while the self-assessment is still being filled', async () => {
    const res = await admin.put(evaluationUrl(a2026), { ...letter, version: null });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('ASSESSMENT_EVALUATION_CLOSED');
  });

  it('validates in Indonesian and leaves nothing half-written', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ letterNumber: 'B-1/DJAI/2025', letterDate: null }, 'body.letterDate', /wajib diisi/],
      [{ letterNumber: null, letterDate: '2025-11-27' }, 'body.letterNumber', /wajib diisi/],
      [{ letterNumber: 'B-1', letterDate: '27-11-2025' }, 'body.letterDate', /TTTT-BB-HH/],
      [{ letterNumber: 'B-1', letterDate: '2025-02-30' }, 'body.letterDate', /tidak valid/],
      [{ letterNumber: 'B-1', letterDate: '2024-12-31' }, 'body.letterDate', /sebelum tahun evaluasi 2025/],
      [{ letterNumber: 'B-1', letterDate: '2999-01-01' }, 'body.letterDate', /masa depan/],
      [{ pillarFindings: [{ pillarId: 'governance', findings: 'x' }] }, 'body.pillarFindings.0.pillarId', /tidak ada dalam kerangka/],
      [
        {
          pillarFindings: [
            { pillarId: 'output', findings: 'a' },
            { pillarId: 'output', findings: 'b' },
          ],
        },
        'body.pillarFindings.1.pillarId',
        /lebih dari sekali/,
      ],
      [{ findings: 'x'.repeat(10_001) }, 'body.findings', /paling banyak 10000/],
    ];
    for (const [change, field, reason] of cases) {
      const res = await verifier.put(evaluationUrl(a2025), { ...letter, ...change, version: null });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(fieldsOf(res)).toContain(field);
      expect(errorOf(res).issues?.find((i) => i.field === field)?.reason).toMatch(reason);
    }
    expect(await t.db.select().from(assessmentEvaluations).where(eq(assessmentEvaluations.assessmentId, a2025))).toHaveLength(0);
  });

  it('lets the assessor record findings per pillar and the letter, then edit them with the version loaded, audited', async () => {
    const first = await verifier.put(evaluationUrl(a2025), {
      evaluator: 'Tim Evaluator Kota Cerdas',
      findings: 'Peningkatan nyata dibanding 2024.',
      pillarFindings: [
        { pillarId: 'output', findings: 'Dewan Smart City aktif.' },
        { pillarId: 'impact', findings: '' },
      ],
      letterNumber: 'B-1342/DJAI/AI.01.02/11/2025',
      letterDate: '2025-11-27',
      version: null,
    });
    expect(first.statusCode, first.body).toBe(200);
    const e = json<AssessmentEvaluation>(first);
    expect(e.result).toMatchObject({ letterNumber: 'B-1342/DJAI/AI.01.02/11/2025', letterDate: '2025-11-27', version: 1, document: null });
    expect(e.pillars.find((p) => p.id === 'output')?.findings).toBe('Dewan Smart City aktif.');
    expect(e.pillars.find((p) => p.id === 'impact')?.findings).toBe('');
    // Recording never moves the figure.
    expect(e.index).toBe('3.13');

    const again = await verifier.put(evaluationUrl(a2025), { ...letter, version: null });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('STALE_VERSION');

    const edited = await admin.put(evaluationUrl(a2025), {
      ...letter,
      letterNumber: 'B-1342/DJAI/AI.01.02/11/2025',
      letterDate: '2025-11-28',
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(json<AssessmentEvaluation>(edited).result).toMatchObject({ letterDate: '2025-11-28', version: 2, findings: letter.findings });
    expect(json<AssessmentEvaluation>(edited).pillars.every((p) => p.findings === '')).toBe(true);

    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'assessment'), eq(auditLog.entityId, a2025)));
    const recorded = audit.find((r) => r.action === 'assessment_evaluation.recorded');
    expect(recorded?.after).toMatchObject({ year: 2025, letterNumber: 'B-1342/DJAI/AI.01.02/11/2025' });
    const updated = audit.find((r) => r.action === 'assessment_evaluation.updated');
    expect(updated?.before).toMatchObject({ letterDate: '2025-11-27' });
    expect(updated?.after).toMatchObject({ letterDate: '2025-11-28' });
  });

  it('attaches the letter document, replacing the old one, and serves it to readers of the region only', async () => {
    const none = await verifier.request('POST', `${evaluationUrl(a2024)}/letter`, makePdf('surat'), {
      'content-type': 'application/pdf',
      'x-file-name': 'surat.pdf',
    });
    expect(none.statusCode).toBe(409);
    const up = await verifier.request('POST', `${evaluationUrl(a2025)}/letter`, makePdf('surat 1'), {
      'content-type': 'application/pdf',
      'x-file-name': 'surat-1.pdf',
    });
    expect(up.statusCode, up.body).toBe(201);
    const up2 = await verifier.request('POST', `${evaluationUrl(a2025)}/letter`, makePdf('surat 2'), {
      'content-type': 'application/pdf',
      'x-file-name': 'surat-2.pdf',
    });
    expect(up2.statusCode, up2.body).toBe(201);
    const doc = json<AssessmentEvaluation>(up2).result?.document;
    expect(doc?.fileName).toBe('surat-2.pdf');
    const file = await pimpinan.get(`${evaluationUrl(a2025)}/letter/${doc?.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect((await foreignAdmin.get(`${evaluationUrl(a2025)}/letter/${doc?.id}`)).statusCode).toBe(403);
    const letters = await t.db.select().from(auditLog).where(eq(auditLog.action, 'assessment_evaluation.letter_removed'));
    expect(letters).toHaveLength(1);
    const history = json<EvaluationHistory>(await admin.get(`/api/v1/regions/${HOME}/smart-city/evaluations`));
    expect(history.items.find((i) => i.assessmentId === a2025)?.letterNumber).toBe('B-1342/DJAI/AI.01.02/11/2025');
  });

  it('is for those who verify: operators, leaders and judges may not record; another region sees nothing', async () => {
    for (const client of [operator, pimpinan]) {
      const res = await client.put(evaluationUrl(a2024), { ...letter, version: null });
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
    }
    expect((await evaluationOf(operator, a2024)).can.record).toBe(false);
    expect((await evaluationOf(verifier, a2024)).can.record).toBe(true);
    expect((await juri.get(evaluationUrl(a2024))).statusCode).toBe(403);
    const foreign = await foreignAdmin.get(evaluationUrl(a2024));
    expect(foreign.statusCode).toBe(403);
    expect(errorOf(foreign).code).toBe('REGION_FORBIDDEN');
    // The foreign admin in their own region: the id is simply not there.
    expect((await foreignAdmin.get(evaluationUrl(a2024, OTHER))).statusCode).toBe(404);
    expect((await foreignAdmin.put(evaluationUrl(a2024, OTHER), { ...letter, version: null })).statusCode).toBe(404);
    const theirs = json<EvaluationHistory>(await foreignAdmin.get(`/api/v1/regions/${OTHER}/smart-city/evaluations`));
    expect(theirs.items).toEqual([]);
  });
});
