/**
 * The demo surveys of Kota Pangkalpinang: a finished 2025 period over every service with populations
 * and a few thousand answers whose tallies match the rows, results that read like the city's (civil
 * registration good, the hospital's waiting time weak), a follow-up plan with one item overdue, and a
 * 2026 period still taking answers.
 */
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUp, SkmPeriod, SkmResults } from '#shared/api/skm.ts';
import { DEMO_APPLICATIONS, DEMO_SERVICES, seedDemoServices } from '#server/demo/demo-services.ts';
import { seedDemoSkm } from '#server/demo/demo-skm.ts';
import { skmResponses, skmTallies } from '#server/db/schema.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
let t: TestApp;
let admin: Client;
let seeded: number;
const json = <T>(res: LightMyRequestResponse): T => res.json() as T;

beforeAll(async () => {
  t = await startTestApp();
  const unitIds = new Map<string, string>();
  for (const shortName of new Set([...DEMO_SERVICES.map((s) => s.unit), ...DEMO_APPLICATIONS.map((a) => a.unit)])) {
    unitIds.set(`${HOME}/${shortName}`, (await makeUnit(t.db, HOME, { name: `Unit ${shortName}`, shortName })).id);
  }
  await t.db.transaction((tx) => seedDemoServices(tx, unitIds));
  seeded = await t.db.transaction((tx) => seedDemoSkm(tx));
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
});
afterAll(() => t.close());

describe('demo surveys', () => {
  it('seeds a closed 2025 period with a few thousand answers and an open 2026 one with fewer, once only', async () => {
    const periods = json<{ items: SkmPeriod[] }>(await admin.get(`/api/v1/regions/${HOME}/skm-periods`)).items;
    const p2025 = periods.find((p) => p.year === 2025);
    const p2026 = periods.find((p) => p.year === 2026);
    expect(p2025).toMatchObject({ status: 'ditutup', allServices: true });
    expect(p2026).toMatchObject({ status: 'dibuka' });
    expect(p2025?.responseCount).toBeGreaterThanOrEqual(2000);
    expect(p2025?.responseCount).toBeLessThanOrEqual(6000);
    expect(p2026?.responseCount).toBeGreaterThan(100);
    expect(p2026?.responseCount).toBeLessThan((p2025?.responseCount ?? 0) / 2);
    expect(seeded).toBe((p2025?.responseCount ?? 0) + (p2026?.responseCount ?? 0));
    expect(await t.db.transaction((tx) => seedDemoSkm(tx))).toBe(0);
  });

  it('keeps tallies equal to the rows they summarise, per service and unsur', async () => {
    const fromRows = await t.db
      .select({ serviceId: skmResponses.serviceId, n: sql<number>`count(*)::int`, s3: sql<number>`sum(u3)::int`, s9: sql<number>`sum(u9)::int` })
      .from(skmResponses)
      .groupBy(skmResponses.serviceId);
    const fromTallies = await t.db
      .select({ serviceId: skmTallies.serviceId, n: sql<number>`sum(responses)::int`, s3: sql<number>`sum(s3)::int`, s9: sql<number>`sum(s9)::int` })
      .from(skmTallies)
      .groupBy(skmTallies.serviceId);
    const byService = (rows: typeof fromRows) => Object.fromEntries(rows.map((r) => [r.serviceId, [r.n, r.s3, r.s9]]));
    expect(byService(fromTallies)).toEqual(byService(fromRows));
  });

  it('reads like the city: civil registration rated well, the hospital poliklinik weakest on waiting time', async () => {
    const periods = json<{ items: SkmPeriod[] }>(await admin.get(`/api/v1/regions/${HOME}/skm-periods`)).items;
    const p2025 = periods.find((p) => p.year === 2025);
    const results = json<SkmResults>(await admin.get(`/api/v1/regions/${HOME}/skm-periods/${p2025?.id}/results`));
    const akta = results.services.find((s) => s.serviceName === 'Penerbitan Akta Kelahiran');
    const poli = results.services.find((s) => s.serviceName === 'Poliklinik Rawat Jalan');
    expect(akta?.ikm?.grade).toBe('A');
    expect(poli?.ikm && Number(poli.ikm.unsur.U3?.nrr)).toBeLessThan(Number(akta?.ikm?.unsur.U3?.nrr));
    const poliWeakest = Object.entries(poli?.ikm?.unsur ?? {}).sort((a, b) => Number(a[1].nrr) - Number(b[1].nrr))[0]?.[0];
    expect(poliWeakest).toBe('U3');
    expect(results.region?.grade).toMatch(/^[AB]$/);
    expect(results.services.every((s) => s.population !== null)).toBe(true);
    expect(results.services.some((s) => s.sufficient === false)).toBe(true);
    expect(results.services.some((s) => s.sufficient === true)).toBe(true);
    const p2026 = periods.find((p) => p.year === 2026);
    const now = json<SkmResults>(await admin.get(`/api/v1/regions/${HOME}/skm-periods/${p2026?.id}/results`));
    expect(now.previous).toMatchObject({ periodId: p2025?.id, index: results.region?.index });
  });

  it('has a follow-up plan with some items done and one overdue, published on the portal', async () => {
    const periods = json<{ items: SkmPeriod[] }>(await admin.get(`/api/v1/regions/${HOME}/skm-periods`)).items;
    const p2025 = periods.find((p) => p.year === 2025);
    const items = json<{ items: FollowUp[] }>(await admin.get(`/api/v1/regions/${HOME}/skm-periods/${p2025?.id}/follow-ups`)).items;
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items.filter((f) => f.status === 'selesai').length).toBeGreaterThanOrEqual(2);
    expect(items.filter((f) => f.overdue).map((f) => f.unsur)).toEqual(['U8']);
    const poli = json<{ items: Array<{ id: string; name: string; ikm: { year: number } | null; surveyOpen: boolean }> }>(
      await anonymous(t.app).get(`/api/v1/public/regions/${HOME}/services?q=poliklinik`),
    ).items[0];
    expect(poli).toMatchObject({ name: 'Poliklinik Rawat Jalan', surveyOpen: true, ikm: { year: 2026 } });
    const detail = json<{ followUps: Array<{ action: string }> }>(await anonymous(t.app).get(`/api/v1/public/services/${poli?.id}`));
    expect(detail.followUps.map((f) => f.action).join(' ')).toContain('loket pendaftaran');
  });
});
