/** A region loads a new framework version without a code change; a broken file is refused with its paths. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, startTestApp, type Client, type TestApp } from '../../../../test/support/harness.ts';

let t: TestApp;
let admin: Client;
const spbe = () => JSON.parse(readFileSync('frameworks/spbe-2020.json', 'utf8')) as Record<string, unknown>;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah')).client;
});
afterAll(() => t.close());

describe('framework versions', () => {
  it('lists the shipped frameworks for every region', async () => {
    const res = await admin.get('/api/v1/regions/19.71/framework-versions');
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((i: { frameworkId: string; origin: string }) => `${i.frameworkId}:${i.origin}`);
    expect(ids).toEqual(expect.arrayContaining(['spbe-2020:shipped', 'pemdi-2026:shipped', 'iid-2026:shipped', 'ikm-2017:shipped']));
  });

  it('accepts a new version for the region only, and refuses the same version twice', async () => {
    const next = { ...spbe(), version: '1.1.0', name: 'Evaluasi SPBE (revisi daerah)' };
    const res = await admin.post('/api/v1/regions/19.71/framework-versions', next);
    expect(res.statusCode).toBe(201);
    const mine = await admin.get('/api/v1/regions/19.71/framework-versions');
    expect(mine.json().items.some((i: { version: string; regionCode: string }) => i.version === '1.1.0' && i.regionCode === '19.71')).toBe(true);
    const other = (await clientFor(t, 'admin_daerah', '62.71')).client;
    const theirs = await other.get('/api/v1/regions/62.71/framework-versions');
    expect(theirs.json().items.some((i: { frameworkId: string; version: string }) => i.frameworkId === 'spbe-2020' && i.version === '1.1.0')).toBe(
      false,
    );
    const again = await admin.post('/api/v1/regions/19.71/framework-versions', next);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.issues[0].field).toBe('body.version');
  });

  it('refuses a broken file naming where it is broken', async () => {
    const broken = spbe();
    broken.version = '2.0.0';
    broken.weights = { mode: 'sometimes' };
    const res = await admin.post('/api/v1/regions/19.71/framework-versions', broken);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { field: string }) => i.field)).toContain('weights.mode');
  });

  it('is for admins only', async () => {
    const operator = (await clientFor(t, 'operator')).client;
    expect((await operator.post('/api/v1/regions/19.71/framework-versions', spbe())).statusCode).toBe(403);
  });
});
