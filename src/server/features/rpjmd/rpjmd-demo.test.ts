/**
 * The demo RPJMD of Kota Pangkalpinang 2018–2023 beside the demo masterplan that follows it: three misi
 * down to ten programme codes, every code a demo smart-city programme names is in the cascade (so the
 * demo's programmes still save), and the links are counted on the tree; seeded once.
 */
import type { LightMyRequestResponse } from 'fastify';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { RpjmdNode, rpjmdDetail, rpjmdPeriodList } from '#shared/api/rpjmd.ts';
import { innovations, periods, smartcityProgrammes } from '#server/db/schema.ts';
import { DEMO_PROGRAMMES, seedDemoKotaCerdas } from '#server/demo/demo-kota-cerdas.ts';
import { seedDemoRpjmd } from '#server/demo/demo-rpjmd.ts';
import { type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
let t: TestApp;
let admin: Client;
let seeded: number;
const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const all = (nodes: RpjmdNode[]): RpjmdNode[] => nodes.flatMap((n) => [n, ...all(n.children)]);

beforeAll(async () => {
  t = await startTestApp();
  const unitIds = new Map<string, string>();
  const shortNames = new Set(DEMO_PROGRAMMES.flatMap((p) => [p.lead, ...(p.support ?? [])]));
  for (const shortName of shortNames) unitIds.set(`${HOME}/${shortName}`, (await makeUnit(t.db, HOME, { name: `Unit ${shortName}`, shortName })).id);
  const [period] = await t.db
    .insert(periods)
    .values({ regionCode: HOME, year: 2025, opensOn: '2025-04-23', closesOn: '2025-08-23', targetTotal: 100 })
    .returning({ id: periods.id });
  const unitId = unitIds.values().next().value ?? '';
  await t.db
    .insert(innovations)
    .values(['Naskah Dinas Elektronik', 'Harga Pasar Hari Ini'].map((name) => ({ regionCode: HOME, periodId: period?.id ?? '', unitId, name })));
  await t.db.transaction((tx) => seedDemoKotaCerdas(tx, unitIds));
  seeded = await t.db.transaction((tx) => seedDemoRpjmd(tx));
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
});
afterAll(() => t.close());

describe('demo RPJMD', () => {
  it('seeds RPJMD 2018–2023 with three misi and ten programme codes, once only', async () => {
    const list = json<z.infer<typeof rpjmdPeriodList>>(await admin.get(`/api/v1/regions/${HOME}/rpjmd`)).items;
    expect(list.map((p) => [p.startYear, p.endYear, p.programmeCount])).toEqual([[2018, 2023, 10]]);
    const detail = json<z.infer<typeof rpjmdDetail>>(await admin.get(`/api/v1/regions/${HOME}/rpjmd/${list[0]?.id}`));
    expect(detail.tree.map((m) => m.code)).toEqual(['M1', 'M2', 'M3']);
    expect(detail.entryCount).toBe(seeded);
    expect(await t.db.transaction((tx) => seedDemoRpjmd(tx))).toBe(0);
  });

  it('holds every programme code the demo masterplan names, and counts the links', async () => {
    const named = await t.db
      .select({ code: smartcityProgrammes.rpjmdProgramCode })
      .from(smartcityProgrammes)
      .where(and(eq(smartcityProgrammes.regionCode, HOME), isNotNull(smartcityProgrammes.rpjmdProgramCode)));
    expect(named.length).toBeGreaterThanOrEqual(10);
    const list = json<z.infer<typeof rpjmdPeriodList>>(await admin.get(`/api/v1/regions/${HOME}/rpjmd`)).items;
    const detail = json<z.infer<typeof rpjmdDetail>>(await admin.get(`/api/v1/regions/${HOME}/rpjmd/${list[0]?.id}`));
    const programmes = all(detail.tree).filter((n) => n.level === 'program');
    const codes = new Set(programmes.map((n) => n.code));
    expect(named.filter((n) => !codes.has(n.code ?? ''))).toEqual([]);
    const byCode = new Map(programmes.map((n) => [n.code, n]));
    expect(byCode.get('2.16.02')).toMatchObject({ linkedProgrammes: 2, linkedInnovations: 0 });
    expect(byCode.get('2.16.03')).toMatchObject({ linkedProgrammes: 1, linkedInnovations: 1 });
    expect(byCode.get('3.30.07')).toMatchObject({ linkedProgrammes: 1, linkedInnovations: 1 });
  });
});
