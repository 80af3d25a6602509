/**
 * The demo smart-city evaluations of Kota Pangkalpinang: 2024 and 2025, final, with the assessors'
 * findings and letters; the engine gives 2,94 and 3,13 (an improvement of 0,19), on the assessment
 * page and the masterplan page alike; seeded once.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentEvaluation, EvaluationHistory } from '#shared/api/evaluations.ts';
import { DEMO_EVALUATIONS, seedDemoEvaluasi } from '#server/demo/demo-evaluasi.ts';
import { type Client, clientFor, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
let t: TestApp;
let pimpinan: Client;
let seeded: number;
const json = <T>(res: LightMyRequestResponse): T => res.json() as T;

beforeAll(async () => {
  t = await startTestApp();
  seeded = await t.db.transaction((tx) => seedDemoEvaluasi(tx, t.app.storage));
  pimpinan = (await clientFor(t, 'pimpinan', HOME)).client;
});
afterAll(() => t.close());

describe('demo smart-city evaluations', () => {
  it('gives 2.94 in 2024 and 3.13 in 2025, an improvement of 0.19, with findings and letters, once only', async () => {
    expect(seeded).toBe(2);
    const history = json<EvaluationHistory>(await pimpinan.get(`/api/v1/regions/${HOME}/smart-city/evaluations`));
    expect(history.items.map((i) => [i.year, i.index, i.delta])).toEqual([
      [2025, '3.13', '0.19'],
      [2024, '2.94', null],
    ]);
    expect(history.items.map((i) => i.letterNumber)).toEqual(DEMO_EVALUATIONS.map((e) => e.letterNumber).reverse());
    const latest = history.items[0];
    const res = await pimpinan.get(`/api/v1/regions/${HOME}/assessments/${latest?.assessmentId}/evaluation`);
    expect(res.statusCode, res.body).toBe(200);
    const e = json<AssessmentEvaluation>(res);
    expect(e.index).toBe(latest?.index);
    expect(e.stage).toBe('final');
    expect(e.result?.findings).toMatch(/peningkatan/i);
    expect(e.pillars.every((p) => p.findings.length > 0)).toBe(true);
    expect(e.result?.document?.mimeType).toBe('application/pdf');
    // The assessors corrected the claims: the self-assessment claimed more.
    expect(Number(e.claimedIndex)).toBeGreaterThan(Number(e.index));
    expect(await t.db.transaction((tx) => seedDemoEvaluasi(tx, t.app.storage))).toBe(0);
  });
});
