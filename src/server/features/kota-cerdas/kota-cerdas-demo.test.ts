/**
 * The demo smart city of Kota Pangkalpinang: the masterplan 2022–2026 with the six dimensions of three
 * elements, at least twenty programmes of which five are quick wins of tahap I, funding every year,
 * quarters reported through 2025 with some held up (and their reason), shown publicly; seeded once.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MasterplanDetail, ProgrammeDetail, PublicSmartCity } from '#shared/api/kota-cerdas.ts';
import { DEMO_PROGRAMMES, seedDemoKotaCerdas } from '#server/demo/demo-kota-cerdas.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
let t: TestApp;
let admin: Client;
let unitIds: Map<string, string>;
let seeded: number;
const json = <T>(res: LightMyRequestResponse): T => res.json() as T;

beforeAll(async () => {
  t = await startTestApp();
  unitIds = new Map<string, string>();
  const shortNames = new Set(DEMO_PROGRAMMES.flatMap((p) => [p.lead, ...(p.support ?? [])]));
  for (const shortName of shortNames) unitIds.set(`${HOME}/${shortName}`, (await makeUnit(t.db, HOME, { name: `Unit ${shortName}`, shortName })).id);
  seeded = await t.db.transaction((tx) => seedDemoKotaCerdas(tx, unitIds));
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
});
afterAll(() => t.close());

describe('demo kota cerdas', () => {
  it('seeds the 2022–2026 masterplan with 6×3 elements, 20+ programmes and 5 quick wins of tahap I, once only', async () => {
    expect(seeded).toBeGreaterThanOrEqual(20);
    const list = json<{ items: { id: string; isActive: boolean }[] }>(await admin.get(`/api/v1/regions/${HOME}/smart-city/masterplans`));
    expect(list.items).toHaveLength(1);
    const plan = json<MasterplanDetail>(await admin.get(`/api/v1/regions/${HOME}/smart-city/masterplans/${list.items[0]?.id}`));
    expect([plan.startYear, plan.endYear]).toEqual([2022, 2026]);
    expect(plan.dimensions.map((d) => d.elements.length)).toEqual([3, 3, 3, 3, 3, 3]);
    expect(plan.programmes.length).toBe(seeded);
    const quickWins = plan.programmes.filter((p) => p.kind === 'quick_win');
    expect(quickWins.map((p) => p.stage)).toEqual(['tahap I', 'tahap I', 'tahap I', 'tahap I', 'tahap I']);
    // Quick wins come first, and every dimension has programmes.
    expect(plan.programmes.slice(0, 5).every((p) => p.kind === 'quick_win')).toBe(true);
    expect(new Set(plan.programmes.map((p) => p.dimensionCode)).size).toBe(6);
    expect(plan.funding.rows.map((r) => r.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(plan.funding.rows.every((r) => Number(r.apbd) > 0)).toBe(true);
    expect(plan.programmes.every((p) => p.lastReport === null || p.lastReport.year <= 2025)).toBe(true);
    expect(plan.programmes.filter((p) => p.lastReport?.year === 2025).length).toBeGreaterThan(10);
    expect(plan.programmes.every((p) => p.progress !== null)).toBe(true);
    expect(await t.db.transaction((tx) => seedDemoKotaCerdas(tx, unitIds))).toBe(0);
  });

  it('has held-up quarters, each with its reason', async () => {
    const held = DEMO_PROGRAMMES.filter((p) => p.blocked);
    expect(held.length).toBeGreaterThanOrEqual(3);
    const programmes = json<{ items: { id: string; name: string }[] }>(await admin.get(`/api/v1/regions/${HOME}/smart-city/programmes?pageSize=100`));
    const one = programmes.items.find((p) => p.name === held[0]?.name);
    const detail = json<ProgrammeDetail>(await admin.get(`/api/v1/regions/${HOME}/smart-city/programmes/${one?.id}`));
    const blocked = detail.reports.filter((r) => r.status === 'terhambat');
    expect(blocked.length).toBe(1);
    expect(blocked[0]?.obstacle).toBe(held[0]?.blocked?.reason);
  });

  it('is shown publicly', async () => {
    const res = await anonymous(t.app).get(`/api/v1/public/regions/${HOME}/smart-city`);
    expect(res.statusCode).toBe(200);
    expect(json<PublicSmartCity>(res).programmes.length).toBe(seeded);
  });
});
