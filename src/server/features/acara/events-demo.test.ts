/**
 * The demo events: the three events the seeds report (the 2022 smart-city bimtek with its 150 civil
 * servants and private participants, Banjarmasin's 2024 bimtek, the 2025 rakor at Balai Besar Betason)
 * with most participants checked in, and upcoming 2026/2027 events; seeded once only.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDetail, EventSummary } from '#shared/api/events.ts';
import { DEMO_EVENTS, seedDemoAcara } from '#server/demo/demo-acara.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

let t: TestApp;
let admin: Client;
let seeded: number;
const json = <T>(res: LightMyRequestResponse): T => res.json() as T;

beforeAll(async () => {
  t = await startTestApp();
  const unitIds = new Map<string, string>();
  const shortNames = new Set<string>();
  for (const e of DEMO_EVENTS) {
    for (const s of [e.organiser, ...e.invitedUnits, ...e.participants.flatMap((p) => (p.unit ? [p.unit] : []))]) shortNames.add(`${e.region}/${s}`);
  }
  for (const key of shortNames) {
    const [region = '', shortName = ''] = key.split('/');
    unitIds.set(key, (await makeUnit(t.db, region, { name: `Unit ${shortName}`, shortName })).id);
  }
  seeded = await t.db.transaction((tx) => seedDemoAcara(tx, unitIds));
  expect(await t.db.transaction((tx) => seedDemoAcara(tx, unitIds))).toBe(0);
  admin = (await clientFor(t, 'admin_daerah', '19.71')).client;
});
afterAll(() => t.close());

describe('demo events', () => {
  it('has the 2022 smart-city bimtek with 150 participants from units and outside organisations, most checked in', async () => {
    const list = json<{ items: EventSummary[] }>(await admin.get('/api/v1/regions/19.71/events?year=2022&kind=bimtek'));
    expect(list.items).toHaveLength(1);
    const bimtek = list.items[0];
    expect(bimtek?.participants).toBe(150);
    expect(bimtek?.attended).toBeGreaterThan(120);
    expect(bimtek?.attended).toBeLessThan(150);
    const detail = json<EventDetail>(await admin.get(`/api/v1/regions/19.71/events/${bimtek?.id}`));
    expect(detail.place).toContain('Tudung Saji');
    expect(detail.counts.internal + detail.counts.external).toBe(150);
    expect(detail.counts.external).toBeGreaterThan(20);
    expect(detail.counts.byOrganisation.map((o) => o.organisation)).toContain('Universitas Bangka Belitung');
    expect(detail.counts.byUnit.length).toBeGreaterThanOrEqual(30);
  });

  it('has the 2025 rakor on 23 April at Balai Besar Betason, and upcoming events in 2026 and 2027', async () => {
    const rakor = json<{ items: EventSummary[] }>(await admin.get('/api/v1/regions/19.71/events?year=2025&kind=rakor')).items[0];
    expect(rakor?.place).toBe('Balai Besar Betason, Pangkalpinang');
    expect(rakor?.startsAt).toBe('2025-04-23T01:30:00.000Z');
    const upcoming = json<{ items: { startsAt: string; participants: number }[] }>(
      await anonymous(t.app).get('/api/v1/public/regions/19.71/events?year=2027'),
    );
    expect(upcoming.items.length).toBeGreaterThanOrEqual(2);
    const banjarmasin = json<{ items: { kind: string; startsAt: string }[] }>(
      await anonymous(t.app).get('/api/v1/public/regions/63.71/events?year=2024'),
    );
    expect(banjarmasin.items).toEqual([expect.objectContaining({ kind: 'bimtek', startsAt: '2024-07-17T01:00:00.000Z' })]);
    expect(seeded).toBe(DEMO_EVENTS.length);
  });
});
