/**
 * The demo complaints of Kota Pangkalpinang: every state, histories that follow the workflow, a few
 * (not all) overdue, duplicates pointing at an earlier complaint of the same category, links to the
 * demo services, and the Open311 key `demo-open311-key` that the README promises.
 */
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { canMove, COMPLAINT_STATUSES, type ComplaintStatus } from '#domain/services/complaint-workflow.ts';
import type { complaintList, complaintStats } from '#shared/api/complaints.ts';
import { DEMO_OPEN311_KEY, seedDemoComplaints } from '#server/demo/demo-complaints.ts';
import { DEMO_APPLICATIONS, DEMO_SERVICES, seedDemoServices } from '#server/demo/demo-services.ts';
import { complaintEvents, complaints } from '#server/db/schema.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const COMPLAINT_UNITS = ['DPUPR', 'UPTD Sampah', 'Dishub', 'Disdukcapil', 'Dinkes', 'RSUD DH', 'DPMPTSP', 'Satpol PP', 'Dinsos', 'Diskominfo'];

let t: TestApp;
let admin: Client;
let seeded: number;

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;

beforeAll(async () => {
  t = await startTestApp({ publicWritePerMinute: 10_000 });
  const unitIds = new Map<string, string>();
  const shortNames = new Set([...COMPLAINT_UNITS, ...DEMO_SERVICES.map((s) => s.unit), ...DEMO_APPLICATIONS.map((a) => a.unit)]);
  for (const shortName of shortNames) unitIds.set(`${HOME}/${shortName}`, (await makeUnit(t.db, HOME, { name: `Unit ${shortName}`, shortName })).id);
  await t.db.transaction((tx) => seedDemoServices(tx, unitIds));
  seeded = await t.db.transaction((tx) => seedDemoComplaints(tx, undefined));
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
});
afterAll(() => t.close());

describe('demo complaints', () => {
  it('seeds about sixty complaints in every state, some overdue, once only', async () => {
    expect(seeded).toBeGreaterThanOrEqual(55);
    const list = json<z.output<typeof complaintList>>(await admin.get(`/api/v1/regions/${HOME}/complaints?pageSize=200`));
    expect(list.total).toBe(seeded);
    const states = new Set(list.items.map((c) => c.status));
    expect([...states].sort()).toEqual([...COMPLAINT_STATUSES].sort());
    const overdue = list.items.filter((c) => c.overdue).length;
    expect(overdue).toBeGreaterThanOrEqual(3);
    expect(overdue).toBeLessThan(list.items.filter((c) => c.closedAt === null).length);
    expect(list.items.every((c) => Date.parse(c.createdAt) >= Date.parse('2026-01-01T00:00:00Z'))).toBe(true);
    expect(list.items.filter((c) => c.serviceId !== null).length).toBeGreaterThanOrEqual(10);
    expect(list.items.some((c) => c.source === 'open311')).toBe(true);
    expect(await t.db.transaction((tx) => seedDemoComplaints(tx, undefined))).toBe(0);
  });

  it('gives each complaint a history that follows the workflow, duplicates an earlier one of its category', async () => {
    const rows = await t.db.select().from(complaints).where(eq(complaints.regionCode, HOME));
    const events = await t.db.select().from(complaintEvents);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const r of rows) {
      const history = events
        .filter((e) => e.complaintId === r.id && e.toStatus !== null)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      expect(history[0]?.toStatus).toBe('diterima');
      for (const e of history.slice(1)) expect(canMove(e.fromStatus as ComplaintStatus, e.toStatus as ComplaintStatus), r.trackingCode).toBe(true);
      expect(history.at(-1)?.toStatus, r.trackingCode).toBe(r.status);
      expect(r.closedAt === null, r.trackingCode).toBe(!['selesai', 'ditolak', 'duplikat'].includes(r.status));
      if (r.status === 'duplikat') {
        const original = r.duplicateOfId ? byId.get(r.duplicateOfId) : undefined;
        expect(original?.categoryId).toBe(r.categoryId);
        expect(original && original.createdAt <= r.createdAt).toBe(true);
      }
    }
    expect(events.some((e) => e.action === 'dialihkan')).toBe(true);
  });

  it('accepts an Open311 report with the demo key and keeps contacts off the status page', async () => {
    const res = await anonymous(t.app).request(
      'POST',
      '/open311/v2/requests.json',
      Buffer.from(
        new URLSearchParams({
          jurisdiction_id: HOME,
          api_key: DEMO_OPEN311_KEY,
          service_code: 'lampu-jalan',
          address_string: 'Jl. Jenderal Sudirman, Kel. Gedung Nasional',
          description: 'Lampu jalan padam di depan gedung nasional sejak dua malam.',
        }).toString(),
      ),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(res.statusCode, res.body).toBe(201);
    const services = json<{ service_code: string }[]>(await anonymous(t.app).get(`/open311/v2/services.json?jurisdiction_id=${HOME}`));
    expect(services.length).toBeGreaterThanOrEqual(8);

    const [withContact] = await t.db.select().from(complaints).where(eq(complaints.contactName, 'Dewi Lestari'));
    expect(withContact).toBeDefined();
    const page = await anonymous(t.app).get(`/api/v1/public/complaints/${withContact?.trackingCode}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Dewi');
    expect(page.body).not.toContain('0821-7312-4455');
  });

  it('yields statistics for the year', async () => {
    const s = json<z.output<typeof complaintStats>>(await admin.get(`/api/v1/regions/${HOME}/complaint-stats?from=2026-01-01&to=2026-12-31`));
    expect(s.total).toBeGreaterThan(0);
    expect(s.closed).toBeGreaterThan(0);
    expect(Number(s.resolutionRate)).toBeGreaterThan(50);
    expect(s.byUnit.length).toBeGreaterThanOrEqual(8);
  });
});
