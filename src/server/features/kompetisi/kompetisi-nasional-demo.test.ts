/**
 * The demo's national competition: open for registration, with submitted entries from Kota
 * Palangkaraya and Kota Banjarmasin; each region's admin sees only its own entry, Kota Pangkalpinang's
 * operator finds it under the national list and can still enter, and the national admin sees every entry.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompetitionDetail, EntrySummary } from '#shared/api/competitions.ts';
import { DEMO_PASSWORD } from '#server/demo/demo-data.ts';
import { seedDemo } from '#server/demo/seed-demo.ts';
import { clientFor, loginAs, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

let t: TestApp;
const json = <T>(res: LightMyRequestResponse): T => res.json() as T;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.db, { onlyIfNew: false, storage: t.app.storage });
});
afterAll(() => t.close());

describe('demo national competition', () => {
  it('has entries from two regions, each visible only to its own region', async () => {
    const nasional = await loginAs(t.app, 'nasional.demo', DEMO_PASSWORD);
    const list = json<{ items: { id: string; name: string }[] }>(await nasional.get('/api/v1/national/competitions'));
    const found = list.items.find((c) => c.name.startsWith('Kompetisi Inovasi Pelayanan Publik Nasional 2026'));
    expect(found).toBeDefined();
    const entries = json<{ items: EntrySummary[] }>(await nasional.get(`/api/v1/national/competitions/${found?.id}/entries`)).items;
    expect(entries.map((e) => e.regionCode).sort()).toEqual(['62.71', '63.71']);
    for (const region of ['62.71', '63.71']) {
      const admin = (await clientFor(t, 'admin_daerah', region)).client;
      const own = json<{ items: EntrySummary[] }>(await admin.get(`/api/v1/regions/${region}/competitions/${found?.id}/entries`)).items;
      expect(own.map((e) => e.regionCode)).toEqual([region]);
    }
    const operator = await loginAs(t.app, 'operator.demo', DEMO_PASSWORD);
    const open = json<{ items: { id: string; currentStage: string | null }[] }>(await operator.get('/api/v1/regions/19.71/competitions/national'));
    expect(open.items.find((c) => c.id === found?.id)?.currentStage).toBe('pendaftaran');
    const detail = json<CompetitionDetail>(await operator.get(`/api/v1/regions/19.71/competitions/${found?.id}`));
    expect(detail.abilities.enter).toBe(true);
    expect(detail.entryCount).toBe(0);
  });
});
