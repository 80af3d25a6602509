/**
 * A period's results are kept in memory while nothing they are computed from has moved: these tests
 * check that every answer of the results route equals a fresh computation, right after each kind of
 * change (a citizen's answer, a population, a renamed service or unit, an answer in the previous
 * period, a closed period), and that another region never sees the period.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSUR_KEYS, type UnsurKey } from '#domain/services/skm.ts';
import type { SkmPeriod, SkmResults } from '#shared/api/skm.ts';
import { services, skmTallies, units } from '#server/db/schema.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';
import { findSkmPeriodRow, todayInIndonesia } from './skm-periods.service.ts';
import { skmPeriodResults } from './skm-results.service.ts';

const HOME = '19.71';
const YEAR = Number(todayInIndonesia(new Date()).slice(0, 4));

let t: TestApp;
let admin: Client;
let pub: Client;
let current: SkmPeriod;
let previous: SkmPeriod;
let unit: { id: string; name: string };
let serviceA: { id: string };
let serviceB: { id: string };

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const resultsUrl = (periodId: string, region = HOME) => `/api/v1/regions/${region}/skm-periods/${periodId}/results`;
const answersOf = (values: number[]) => Object.fromEntries(UNSUR_KEYS.map((k, i) => [k, values[i % values.length] ?? 3])) as Record<UnsurKey, number>;

async function answer(serviceId: string, values: number[]) {
  const res = await pub.request('POST', `/api/v1/public/services/${serviceId}/skm-responses`, { answers: answersOf(values) });
  expect(res.statusCode, res.body).toBe(201);
}

/** What the route answers now, after checking it equals a computation from scratch (no memory at all). */
async function results(periodId = current.id): Promise<SkmResults> {
  const res = await admin.get(resultsUrl(periodId));
  expect(res.statusCode, res.body).toBe(200);
  const period = await findSkmPeriodRow(t.db, HOME, periodId);
  if (!period) throw new Error('period vanished');
  const { framework: _framework, totals: _totals, ...fresh } = await skmPeriodResults(t.db, HOME, period);
  const answered = json<SkmResults>(res);
  expect(answered).toEqual(JSON.parse(JSON.stringify(fresh)));
  return answered;
}

beforeAll(async () => {
  t = await startTestApp({ publicWritePerMinute: 100_000 });
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  pub = anonymous(t.app);
  unit = await makeUnit(t.db, HOME, { name: `Dinas Uji Hasil ${randomUUID().slice(0, 6)}` });
  const made = await t.db
    .insert(services)
    .values([
      { regionCode: HOME, unitId: unit.id, name: 'Layanan Uji Hasil A' },
      { regionCode: HOME, unitId: unit.id, name: 'Layanan Uji Hasil B' },
    ])
    .returning({ id: services.id });
  [serviceA, serviceB] = made as [{ id: string }, { id: string }];
  const create = async (year: number) => {
    const res = await admin.post(`/api/v1/regions/${HOME}/skm-periods`, { year, startsOn: `${year}-01-01`, endsOn: `${year}-12-31` });
    expect(res.statusCode, res.body).toBe(201);
    return json<SkmPeriod>(res);
  };
  previous = await create(YEAR - 1);
  current = await create(YEAR);
});
afterAll(() => t.close());

describe('the results of a period, kept while nothing moved', () => {
  it('are the same answer twice in a row, and an answer moves the figures at once', async () => {
    await answer(serviceA.id, [3]);
    const first = await results();
    expect(first.region?.responses).toBe(1);
    expect(await results()).toEqual(first);

    await answer(serviceA.id, [1]);
    const second = await results();
    expect(second.region?.responses).toBe(2);
    expect(second.period.responseCount).toBe(2);
    expect(second.region?.index).not.toBe(first.region?.index);

    // An answer to another service of the same unit: the region's and unit's totals move, A's does not.
    await answer(serviceB.id, [4]);
    const third = await results();
    expect(third.services.find((s) => s.serviceId === serviceB.id)?.responses).toBe(1);
    expect(third.services.find((s) => s.serviceId === serviceA.id)?.ikm).toEqual(second.services.find((s) => s.serviceId === serviceA.id)?.ikm);
    expect(third.units.find((u) => u.unitId === unit.id)?.ikm?.responses).toBe(3);
  });

  it('show a population, a renamed service and a renamed unit at once', async () => {
    await results();
    const populations = await admin.put(`/api/v1/regions/${HOME}/skm-periods/${current.id}/populations`, {
      items: [{ serviceId: serviceA.id, population: 500 }],
    });
    expect(populations.statusCode, populations.body).toBe(200);
    expect((await results()).services.find((s) => s.serviceId === serviceA.id)).toMatchObject({ population: 500, minimumSample: 217 });

    await t.db.update(services).set({ name: 'Layanan Uji Hasil A (baru)' }).where(eq(services.id, serviceA.id));
    expect((await results()).services.find((s) => s.serviceId === serviceA.id)?.serviceName).toBe('Layanan Uji Hasil A (baru)');

    await t.db
      .update(units)
      .set({ name: `${unit.name} (baru)` })
      .where(eq(units.id, unit.id));
    expect((await results()).units.find((u) => u.unitId === unit.id)?.unitName).toBe(`${unit.name} (baru)`);
  });

  it('follow the previous period and the period itself', async () => {
    expect((await results()).previous).toMatchObject({ periodId: previous.id, index: null });
    // A tally of the previous period (as a paper form adds it): the trend moves at once.
    await t.db.insert(skmTallies).values({
      periodId: previous.id,
      serviceId: serviceA.id,
      shard: 0,
      responses: 1,
      ...Object.fromEntries(
        UNSUR_KEYS.flatMap((_, i) => [
          [`s${i + 1}`, 2],
          [`c${i + 1}`, 1],
        ]),
      ),
    });
    const withTrend = await results();
    expect(withTrend.previous?.index).not.toBeNull();

    const closed = await admin.post(`/api/v1/regions/${HOME}/skm-periods/${current.id}/close`, { version: current.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await results()).period.status).toBe('ditutup');
  });

  it('are not found from another region, cached or not', async () => {
    await results();
    const foreign = (await clientFor(t, 'admin_daerah', '62.71')).client;
    expect((await foreign.get(resultsUrl(current.id, '62.71'))).statusCode).toBe(404);
    expect((await admin.get(resultsUrl(randomUUID()))).statusCode).toBe(404);
  });
});
