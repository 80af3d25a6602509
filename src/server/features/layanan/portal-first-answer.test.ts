/**
 * A region that has not opened any survey period this year still takes answers: the service page
 * offers the questionnaire with no period yet (`periodId` null), and the first answer opens the whole
 * year, after which the page names that period. The list carries each service's unit id, so a portal
 * can show the rest of that unit's services.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSUR_KEYS } from '#domain/services/skm.ts';
import { services } from '#server/db/schema.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';

let t: TestApp;
let pub: Client;
let admin: Client;
let unitId: string;
let serviceId: string;
const json = <T>(res: LightMyRequestResponse): T => res.json() as T;

beforeAll(async () => {
  t = await startTestApp({ publicWritePerMinute: 10_000 });
  pub = anonymous(t.app);
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  unitId = (await makeUnit(t.db, HOME, { name: 'Dinas Penanaman Modal dan PTSP' })).id;
  const [row] = await t.db.insert(services).values({ regionCode: HOME, unitId, name: 'Izin Usaha Mikro' }).returning();
  if (!row) throw new Error('service not created');
  serviceId = row.id;
});
afterAll(() => t.close());

describe('a region with no survey period yet', () => {
  it('lists the service with its unit id', async () => {
    const res = await pub.get(`/api/v1/public/regions/${HOME}/services`);
    expect(res.statusCode, res.body).toBe(200);
    const items = json<{ items: Array<{ id: string; unitId: string; surveyOpen: boolean }> }>(res).items;
    expect(items).toEqual([expect.objectContaining({ id: serviceId, unitId, surveyOpen: true })]);
  });

  it('offers the questionnaire without a period, then names the period the first answer opened', async () => {
    type Detail = { unitId: string; survey: { periodId: string | null; questions: unknown[] } | null };
    const before = json<Detail>(await pub.get(`/api/v1/public/services/${serviceId}`));
    expect(before.unitId).toBe(unitId);
    expect(before.survey?.periodId).toBeNull();
    expect(before.survey?.questions).toHaveLength(9);

    const answer = await pub.post(`/api/v1/public/services/${serviceId}/skm-responses`, {
      answers: Object.fromEntries(UNSUR_KEYS.map((k) => [k, 4])),
    });
    expect(answer.statusCode, answer.body).toBe(201);

    const periods = json<{ items: Array<{ id: string; status: string }> }>(await admin.get(`/api/v1/regions/${HOME}/skm-periods`)).items;
    expect(periods).toHaveLength(1);
    const after = json<Detail>(await pub.get(`/api/v1/public/services/${serviceId}`));
    expect(after.survey?.periodId).toBe(periods[0]?.id);
  });
});
