/**
 * The audit log: append-only in the database itself, entries that say who did what from where, and a
 * regional, filtered, paged view for admins only.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditItem } from '#shared/api/audit.ts';
import type { Unit } from '#shared/api/units.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { auditLog } from '#server/db/schema.ts';
import { anonymous, type Client, clientFor, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const OTHER = '62.71';

let t: TestApp;
let admin: Client;
let adminUsername: string;
let nasional: Client;
let spareRegions: string[] = [];

interface AuditList {
  items: AuditItem[];
  total: number;
  page: number;
  pageSize: number;
}

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const auditUrl = (region = HOME) => `/api/v1/regions/${region}/audit`;

function freshRegion(): string {
  const code = spareRegions.shift();
  if (!code) throw new Error('out of spare regions');
  return code;
}

beforeAll(async () => {
  t = await startTestApp();
  const a = await clientFor(t, 'admin_daerah', HOME);
  admin = a.client;
  adminUsername = a.user.username;
  nasional = (await clientFor(t, 'admin_nasional')).client;
  const regions = json<{ items: { code: string }[] }>(await anonymous(t.app).get('/api/v1/regions?kind=kabupaten')).items;
  spareRegions = regions.map((r) => r.code);
});
afterAll(() => t.close());

async function createUnit(client: Client, region = HOME) {
  const res = await client.post(`/api/v1/regions/${region}/units`, { kind: 'dinas', name: `Dinas Audit ${randomUUID().slice(0, 8)}` });
  expect(res.statusCode, res.body).toBe(201);
  return { unit: json<Unit>(res), requestId: res.headers['x-request-id'] };
}

async function list(client: Client, query: string, region = HOME): Promise<AuditList> {
  const res = await client.get(`${auditUrl(region)}?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<AuditList>(res);
}

/** Entries written straight into the log at known times (inserting is what the log allows). */
async function seedEntries(region: string) {
  const tag = randomUUID().slice(0, 8);
  const rows = [
    { at: new Date('2024-01-10T08:00:00Z'), actorUsername: `ani.${tag}`, action: 'unit.created', entityId: `unit-a-${tag}` },
    { at: new Date('2024-03-05T08:00:00Z'), actorUsername: `budi.${tag}`, action: 'unit.updated', entityId: `unit-a-${tag}` },
    { at: new Date('2024-06-20T08:00:00Z'), actorUsername: `ani.${tag}`, action: 'user.created', entityId: `user-b-${tag}` },
    { at: new Date('2024-09-01T08:00:00Z'), actorUsername: `citra.${tag}`, action: 'unit.deleted', entityId: `unit-c-${tag}` },
    { at: new Date('2024-12-31T08:00:00Z'), actorUsername: `ani.${tag}`, action: 'unit.updated', entityId: `unit-c-${tag}` },
  ];
  await t.db.insert(auditLog).values(rows.map((r) => ({ ...r, regionCode: region, entityType: r.action.split('.')[0] ?? 'unit', after: { tag } })));
  return { tag, rows };
}

/** The messages of the error a statement fails with (drizzle wraps the driver's error in `cause`). */
async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (err) {
    const messages: string[] = [];
    for (let e: unknown = err; e instanceof Error; e = e.cause) messages.push(e.message);
    return messages.join(' | ');
  }
  return 'no error';
}

describe('the audit log in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, and the entry stays as written', async () => {
    const { unit } = await createUnit(admin);
    const [entry] = (await list(admin, `action=unit.created&q=${unit.id}`)).items;
    if (!entry) throw new Error('no audit entry');

    expect(await refusal(t.db.execute(sql`update audit_log set action = 'disamarkan' where id = ${entry.id}`))).toMatch(/append-only/);
    expect(await refusal(t.db.execute(sql`update audit_log set after = null`))).toMatch(/append-only/);
    expect(await refusal(t.db.execute(sql`delete from audit_log where id = ${entry.id}`))).toMatch(/append-only/);
    expect(await refusal(t.db.execute(sql`truncate audit_log`))).toMatch(/append-only/);

    const [again] = (await list(admin, `q=${unit.id}`)).items;
    expect(again).toEqual(entry);
  });

  it('still accepts new entries (it is append-only, not read-only)', async () => {
    const before = (await list(admin, 'pageSize=1')).total;
    await createUnit(admin);
    expect((await list(admin, 'pageSize=1')).total).toBe(before + 1);
  });
});

describe('an audit entry', () => {
  it('says who acted, from which address, in which request, what they did and the state after', async () => {
    const { unit, requestId } = await createUnit(admin);
    const [entry] = (await list(admin, `q=${unit.id}`)).items;
    expect(entry).toMatchObject({
      actorUsername: adminUsername,
      ip: '127.0.0.1',
      requestId,
      action: 'unit.created',
      entityType: 'unit',
      entityId: unit.id,
      before: null,
      after: { kind: 'dinas', name: unit.name, shortName: null, headName: null, parentId: null },
    });
    expect(typeof requestId).toBe('string');
    expect(Date.parse(entry?.at ?? '')).not.toBeNaN();
  });

  it('records the state before and after an edit', async () => {
    const { unit } = await createUnit(admin);
    const put = await admin.put(`/api/v1/regions/${HOME}/units/${unit.id}`, {
      kind: 'badan',
      name: unit.name,
      headName: 'Kepala Baru',
      version: unit.version,
    });
    expect(put.statusCode).toBe(200);
    const [entry] = (await list(admin, `action=unit.updated&q=${unit.id}`)).items;
    expect(entry?.before).toMatchObject({ kind: 'dinas', headName: null });
    expect(entry?.after).toMatchObject({ kind: 'badan', headName: 'Kepala Baru' });
    expect(entry?.requestId).toBe(put.headers['x-request-id']);
  });

  it('is written for a login too, naming the user', async () => {
    const region = freshRegion();
    const { client, user } = await clientFor(t, 'admin_daerah', region);
    const entries = (await list(client, 'action=auth.login', region)).items;
    expect(entries.map((e) => [e.actorUsername, e.entityId])).toEqual([[user.username, user.id]]);
  });
});

describe('the audit list', () => {
  it('shows the newest first and pages with the total of all matches', async () => {
    const region = freshRegion();
    const { tag, rows } = await seedEntries(region);
    const page1 = await list(nasional, `q=${tag}&pageSize=2&page=1`, region);
    const page3 = await list(nasional, `q=${tag}&pageSize=2&page=3`, region);
    expect(page1.total).toBe(5);
    expect(page3.total).toBe(5);
    expect(page1.items.map((e) => e.at)).toEqual([rows[4]?.at.toISOString(), rows[3]?.at.toISOString()]);
    expect(page3.items.map((e) => e.at)).toEqual([rows[0]?.at.toISOString()]);
  });

  it('filters by action, by (part of) the actor name and by text in the entity id', async () => {
    const region = freshRegion();
    const { tag } = await seedEntries(region);
    const actions = async (query: string) => (await list(nasional, query, region)).items.map((e) => `${e.action} ${e.entityId}`);

    expect(await actions('action=unit.updated')).toEqual([`unit.updated unit-c-${tag}`, `unit.updated unit-a-${tag}`]);
    expect(await actions(`actor=ANI.${tag}`)).toEqual([`unit.updated unit-c-${tag}`, `user.created user-b-${tag}`, `unit.created unit-a-${tag}`]);
    expect(await actions(`actor=budi`)).toEqual([`unit.updated unit-a-${tag}`]);
    expect(await actions(`q=unit-a-${tag}`)).toEqual([`unit.updated unit-a-${tag}`, `unit.created unit-a-${tag}`]);
    expect(await actions(`action=unit.deleted&actor=ani`)).toEqual([]);
    expect(await actions('entityType=user')).toEqual([`user.created user-b-${tag}`]);
  });

  it('filters by a period, both ends included', async () => {
    const region = freshRegion();
    const { rows } = await seedEntries(region);
    const times = async (query: string) => (await list(nasional, query, region)).items.map((e) => e.at.slice(0, 10));

    expect(await times(`from=2024-03-05T08:00:00Z&to=2024-09-01T08:00:00Z`)).toEqual(['2024-09-01', '2024-06-20', '2024-03-05']);
    expect(await times(`from=2024-03-05T08:00:00.001Z&to=2024-09-01T07:59:59.999Z`)).toEqual(['2024-06-20']);
    expect(await times(`from=${encodeURIComponent('2024-12-31T15:00:00+07:00')}`)).toEqual(['2024-12-31']);
    expect(await times('to=2024-01-31T00:00:00Z')).toEqual(['2024-01-10']);
    expect(rows).toHaveLength(5);
  });

  it('refuses a date that is not ISO 8601, with the field and an Indonesian reason', async () => {
    const res = await admin.get(`${auditUrl()}?from=kemarin`);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toEqual([{ field: 'querystring.from', reason: 'Tanggal awal harus berformat ISO 8601' }]);
  });

  it('never shows an entry of another region, nor the install-wide ones', async () => {
    const other = await createUnit(nasional, OTHER);
    const { unit: mine } = await createUnit(admin);
    const all = await list(admin, 'pageSize=200');
    const ids = all.items.map((e) => e.entityId);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(other.unit.id);
    expect((await list(admin, `q=${other.unit.id}`)).total).toBe(0);
    // The national admin's own login has no region: it shows in no region's log.
    expect(all.items.filter((e) => e.actorUsername?.startsWith('admin_nasional.'))).toEqual([]);
    expect((await admin.get(auditUrl(OTHER))).statusCode).toBe(403);
  });

  it('names each record, links it to the page that shows it, and keeps the name of one deleted', async () => {
    const { unit } = await createUnit(admin);
    const year = 2041 + Math.floor(Math.random() * 50);
    const period = await admin.post(`/api/v1/regions/${HOME}/periods`, {
      year,
      opensOn: `${year}-01-01`,
      closesOn: `${year}-11-30`,
      targetTotal: 10,
    });
    expect(period.statusCode, period.body).toBe(201);
    const periodId = json<{ id: string }>(period).id;
    const created = await admin.post(`/api/v1/regions/${HOME}/innovations`, { periodId, unitId: unit.id, name: 'Inovasi Bernama Jelas' });
    expect(created.statusCode, created.body).toBe(201);
    const innovationId = json<{ id: string }>(created).id;
    const link = await admin.post(`/api/v1/regions/${HOME}/innovations/${innovationId}/evidence/links`, {
      title: 'Video peluncuran',
      url: 'https://example.org/video',
    });
    expect(link.statusCode, link.body).toBe(201);

    const innovationEntry = (await list(admin, `action=innovation.created&q=${innovationId}`)).items[0];
    expect(innovationEntry?.record).toEqual({ name: 'Inovasi Bernama Jelas', link: { type: 'innovation', id: innovationId } });
    const periodEntry = (await list(admin, `action=period.created&q=${periodId}`)).items[0];
    expect(periodEntry?.record).toEqual({ name: String(year), link: { type: 'period', id: periodId } });
    const evidenceEntry = (await list(admin, `action=evidence.added&q=${json<{ id: string }>(link).id}`)).items[0];
    expect(evidenceEntry?.record).toEqual({
      name: 'Video peluncuran · Inovasi Bernama Jelas',
      link: { type: 'innovation', id: innovationId },
    });

    // A renamed record shows its name now; a deleted one the name its last snapshot kept, with no link.
    const other = (await createUnit(admin)).unit;
    const deleted = await admin.delete(`/api/v1/regions/${HOME}/units/${other.id}`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    const gone = (await list(admin, `action=unit.deleted&q=${other.id}`)).items[0];
    expect(gone?.record).toEqual({ name: other.name, link: null });
    const unitEntry = (await list(admin, `action=unit.created&q=${unit.id}`)).items[0];
    expect(unitEntry?.record).toEqual({ name: unit.name, link: null });
  });

  it('names an event and links it to its page', async () => {
    const { unit } = await createUnit(admin);
    const start = new Date(Date.now() + 24 * 60 * 60 * 1000);
    const created = await admin.post(`/api/v1/regions/${HOME}/events`, {
      title: 'Rakor Inovasi Daerah Uji Log',
      kind: 'rakor',
      topic: 'inovasi_daerah',
      organiserUnitId: unit.id,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * 60 * 60 * 1000).toISOString(),
      place: 'Balai Besar Betason',
    });
    expect(created.statusCode, created.body).toBe(201);
    const eventId = json<{ id: string }>(created).id;
    const entry = (await list(admin, `action=event.created&q=${eventId}`)).items[0];
    expect(entry?.record).toEqual({ name: 'Rakor Inovasi Daerah Uji Log', link: { type: 'event', id: eventId } });

    // The other modules' records are looked up the same way: a page holding each kind still reads.
    const kinds = ['competition', 'competition_stage', 'competition_entry', 'smartcity_masterplan', 'smartcity_programme'];
    const tag = randomUUID();
    await t.db
      .insert(auditLog)
      .values(kinds.map((kind) => ({ regionCode: HOME, action: `${kind}.updated`, entityType: kind, entityId: randomUUID(), after: { tag } })));
    const page = await list(admin, `q=&pageSize=100`);
    const tagged = page.items.filter((i) => kinds.includes(i.entityType));
    expect(tagged.length).toBeGreaterThanOrEqual(kinds.length);
    expect(tagged.every((i) => i.record.link === null)).toBe(true);
  });

  it('does not name a record of another region, even when an entry points at it', async () => {
    const region = freshRegion();
    const foreign = await createUnit(nasional, region);
    await t.db.insert(auditLog).values({ regionCode: HOME, action: 'unit.updated', entityType: 'unit', entityId: foreign.unit.id });
    const [entry] = (await list(admin, `q=${foreign.unit.id}`)).items;
    expect(entry?.record).toEqual({ name: null, link: null });
  });

  it('is closed to a pimpinan and an operator of the region (403)', async () => {
    for (const role of ['pimpinan', 'operator', 'verifikator', 'juri'] as const) {
      const { client } = await clientFor(t, role, HOME);
      const res = await client.get(auditUrl());
      expect(res.statusCode, role).toBe(403);
      expect(errorOf(res).code, role).toBe('FORBIDDEN');
    }
    expect((await anonymous(t.app).get(auditUrl())).statusCode).toBe(401);
  });

  it('has no route that edits or deletes an entry', async () => {
    const [entry] = (await list(admin, 'pageSize=1')).items;
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await admin.request(method, `${auditUrl()}/${entry?.id ?? 1}`, method === 'DELETE' ? undefined : { action: 'x' });
      expect(res.statusCode, method).toBe(404);
    }
  });
});
