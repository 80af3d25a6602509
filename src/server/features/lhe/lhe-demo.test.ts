/**
 * The demo national result of Kota Pangkalpinang's SPBE 2025: at hasil with its LHE, the national
 * index the engine gives on the assessors' values lower than the city's own verified index, which is
 * lower than its claims; the action plan with an overdue task, and the open tasks carried into 2026;
 * the 2026 report's previous-year figure is 2025's verified index, not its claims.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GapAnalysis } from '#shared/api/assessments.ts';
import type { ActionTaskList, NationalEvaluation } from '#shared/api/national.ts';
import { assessments } from '#server/db/schema.ts';
import { DEMO_PASSWORD } from '#server/demo/demo-data.ts';
import { seedDemo } from '#server/demo/seed-demo.ts';
import { type Client, loginAs, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
let t: TestApp;
let admin: Client;
let a2025: string;
let a2026: string;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.db, { onlyIfNew: false, storage: t.app.storage });
  admin = await loginAs(t.app, 'admin.demo', DEMO_PASSWORD);
  const rows = await t.db
    .select()
    .from(assessments)
    .where(and(eq(assessments.regionCode, HOME), eq(assessments.frameworkId, 'spbe-2020')));
  a2025 = rows.find((r) => r.year === 2025)?.id ?? '';
  a2026 = rows.find((r) => r.year === 2026)?.id ?? '';
});
afterAll(() => t.close());

describe('demo national result', () => {
  it('puts SPBE 2025 at hasil with an LHE, the national index below the verified one below the claims', async () => {
    const res = await admin.get(`/api/v1/regions/${HOME}/assessments/${a2025}/national`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as NationalEvaluation;
    expect(s.stage).toBe('hasil');
    expect(s.decreeNumber).toMatch(/KepmenPANRB/);
    expect(s.national.complete).toBe(true);
    expect(Number(s.national.index)).toBeLessThan(Number(s.verified.index));
    expect(Number(s.verified.index)).toBeLessThan(Number(s.claimed.index));
    expect(Number(s.gapVerified)).toBeLessThan(0);
    expect(s.items.find((i) => i.indicatorId === '29')?.isPromiseOverdue).toBe(true);
  });

  it('has an action plan whose open tasks carry into 2026, one overdue', async () => {
    const own = (await admin.get(`/api/v1/regions/${HOME}/assessments/${a2025}/action-plan`)).json() as ActionTaskList;
    expect(own.items).toHaveLength(5);
    const next = (await admin.get(`/api/v1/regions/${HOME}/assessments/${a2026}/action-plan`)).json() as ActionTaskList;
    expect(next.carried.map((c) => c.indicatorId).sort()).toEqual(['22', '24', '25', '29']);
    // Due 30 June 2026 and not started: overdue on any day after it (WIB).
    expect(next.carried.filter((c) => c.isOverdue).map((c) => c.indicatorId)).toContain('25');
  });

  it('compares 2026 with 2025’s verified index, never its claims', async () => {
    const claimed = (await admin.get(`/api/v1/regions/${HOME}/assessments/${a2026}/gaps?basis=claimed`)).json() as GapAnalysis;
    const s = (await admin.get(`/api/v1/regions/${HOME}/assessments/${a2025}/national`)).json() as NationalEvaluation;
    expect(claimed.previous).toMatchObject({ year: 2025, basis: 'verified', index: s.verified.index });
    expect(claimed.previous?.index).not.toBe(s.claimed.index);
  });
});
