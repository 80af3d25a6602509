/**
 * The demo councils of Kota Pangkalpinang: the Dewan Smart City and the Tim Pelaksana with members
 * (some from outside the government), their SK in force, and 2025 meetings whose follow-ups show one
 * done and one overdue; seeded once.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouncilDetail, CouncilSummary } from '#shared/api/councils.ts';
import { seedDemoDewan } from '#server/demo/demo-dewan.ts';
import { type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
let t: TestApp;
let admin: Client;
let unitIds: Map<string, string>;
let seeded: number;
const json = <T>(res: LightMyRequestResponse): T => res.json() as T;

beforeAll(async () => {
  t = await startTestApp();
  unitIds = new Map<string, string>();
  for (const shortName of ['Diskominfo', 'Bapperida', 'DPMPTSP']) {
    unitIds.set(`${HOME}/${shortName}`, (await makeUnit(t.db, HOME, { name: `Unit ${shortName}`, shortName })).id);
  }
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  seeded = await t.db.transaction((tx) => seedDemoDewan(tx, unitIds));
});
afterAll(() => t.close());

describe('demo councils', () => {
  it('seeds the Dewan Smart City and the Tim Pelaksana with SK, outside members and 2025 meetings, once only', async () => {
    expect(seeded).toBe(2);
    const list = json<{ items: CouncilSummary[] }>(await admin.get(`/api/v1/regions/${HOME}/councils`));
    expect(list.items.map((c) => c.kind)).toEqual(['dewan_smart_city', 'tim_pelaksana']);
    expect(list.items.every((c) => c.currentDecree !== null && c.memberCount >= 4)).toBe(true);
    expect(list.items[0]?.currentDecree?.decreeDate).toBe('2024-03-18');
    const details = await Promise.all(list.items.map(async (c) => json<CouncilDetail>(await admin.get(`/api/v1/regions/${HOME}/councils/${c.id}`))));
    expect(details.every((d) => d.members.some((m) => m.isExternal))).toBe(true);
    const meetings = details.flatMap((d) => d.meetings);
    expect(meetings.map((m) => m.meetingDate.slice(0, 4))).toEqual(['2025', '2025']);
    const followUps = meetings.flatMap((m) => m.followUps);
    expect(followUps.some((f) => f.status === 'selesai' && f.doneOn !== null)).toBe(true);
    expect(followUps.some((f) => f.isOverdue)).toBe(true);
    expect(await t.db.transaction((tx) => seedDemoDewan(tx, unitIds))).toBe(0);
  });
});
