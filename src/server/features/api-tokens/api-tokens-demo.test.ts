/** The demo's command-centre tokens: the published one reads the region's dashboard, the trial one is refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_TOKEN, seedDemoApiTokens } from '#server/demo/demo-api-tokens.ts';
import { periods } from '#server/db/schema.ts';
import { anonymous, clientFor, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await clientFor(t, 'admin_daerah', HOME);
  expect(await t.db.transaction((tx) => seedDemoApiTokens(tx))).toBe(2);
});
afterAll(() => t.close());

describe('demo API tokens', () => {
  it('list an active and a revoked token, and the published one reads the dashboard of Pangkalpinang only', async () => {
    const admin = (await clientFor(t, 'admin_daerah', HOME)).client;
    const list = (await admin.get(`/api/v1/regions/${HOME}/api-tokens`)).json() as { items: { name: string; status: string }[] };
    expect(list.items.map((i) => [i.name, i.status])).toEqual([
      ['Layar command center Diskominfo', 'active'],
      ['Layar uji coba ruang rapat Wali Kota', 'revoked'],
    ]);
    const [period] = await t.db
      .insert(periods)
      .values({ regionCode: HOME, year: 2026, opensOn: '2026-01-01', closesOn: '2026-12-31', targetTotal: 5 })
      .returning();
    const auth = { authorization: `Bearer ${DEMO_API_TOKEN}` };
    const read = await anonymous(t.app).request('GET', `/api/v1/regions/${HOME}/periods/${period?.id}/dashboard`, undefined, auth);
    expect(read.statusCode, read.body).toBe(200);
    expect((await anonymous(t.app).request('GET', `/api/v1/regions/62.71/periods/${period?.id}/dashboard`, undefined, auth)).statusCode).toBe(403);
  });
});
