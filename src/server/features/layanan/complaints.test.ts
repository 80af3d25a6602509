/**
 * Complaints through the HTTP API: the citizens' form (every bad field named, honeypot, retries),
 * the photo (checked by content, only with the form's token), the status page (never the contact
 * details), the units' inbox (tenancy per unit and region), the workflow, reassignment, categories
 * and the statistics on a known small set.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { attachments, complaintCategories, complaintEvents, complaints, publicWriteReceipts } from '#server/db/schema.ts';
import {
  type complaintCategory,
  type complaintDetail,
  type complaintStats,
  type complaintSummary,
  INBOX_DESCRIPTION_CHARS,
  type publicComplaint,
} from '#shared/api/complaints.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { makePdf } from '../../../../test/support/files.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';
import { pdfText } from '../../../../test/support/pdf-text.ts';

type Category = z.output<typeof complaintCategory>;
/** A line of the inbox. */
type Complaint = z.output<typeof complaintSummary>;
type Detail = z.output<typeof complaintDetail>;
type PublicComplaint = z.output<typeof publicComplaint>;
type Stats = z.output<typeof complaintStats>;

const HOME = '19.71';
const OTHER = '62.71';
const STATS_REGION = '16.71';

let t: TestApp;
let admin: Client;
let citizen: Client;
let unitA: { id: string; name: string };
let unitB: { id: string; name: string };
let roadCategory: Category;
let wasteCategory: Category;

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const fieldsOf = (res: LightMyRequestResponse) => (errorOf(res).issues ?? []).map((i) => i.field);

/** A 1×1 transparent PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function createCategory(client: Client, body: Record<string, unknown>, region = HOME): Promise<Category> {
  const res = await client.post(`/api/v1/regions/${region}/complaint-categories`, body);
  expect(res.statusCode, res.body).toBe(201);
  return json<Category>(res);
}

const form = (overrides: Record<string, unknown> = {}) => ({
  categoryId: roadCategory.id,
  description: 'Jalan berlubang besar di depan sekolah, membahayakan pengendara motor.',
  address: 'Jl. Soekarno Hatta, Kel. Bukit Merapin',
  latitude: -2.1301,
  longitude: 106.1102,
  contactName: 'Siti Aminah',
  contactEmail: 'siti@example.id',
  contactPhone: '0812-7788-9900',
  ...overrides,
});

async function file(body: Record<string, unknown> = form(), region = HOME) {
  const res = await citizen.post(`/api/v1/public/regions/${region}/complaints`, body);
  expect(res.statusCode, res.body).toBe(201);
  return json<{ trackingCode: string; statusUrl: string; photoToken: string }>(res);
}

async function idOf(trackingCode: string): Promise<string> {
  const [row] = await t.db.select({ id: complaints.id }).from(complaints).where(eq(complaints.trackingCode, trackingCode));
  if (!row) throw new Error(`no complaint ${trackingCode}`);
  return row.id;
}

async function detail(client: Client, id: string, region = HOME) {
  return client.get(`/api/v1/regions/${region}/complaints/${id}`);
}

async function move(client: Client, id: string, body: Record<string, unknown>) {
  return client.post(`/api/v1/regions/${HOME}/complaints/${id}/transition`, body);
}

beforeAll(async () => {
  t = await startTestApp({ publicWritePerMinute: 10_000 });
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  citizen = anonymous(t.app);
  const a = await makeUnit(t.db, HOME, { name: `Dinas Jalan ${randomUUID().slice(0, 6)}` });
  const b = await makeUnit(t.db, HOME, { name: `Dinas Sampah ${randomUUID().slice(0, 6)}` });
  unitA = { id: a.id, name: a.name };
  unitB = { id: b.id, name: b.name };
  roadCategory = await createCategory(admin, { code: 'jalan-rusak', name: 'Jalan rusak', unitId: unitA.id, slaDays: 7, groupName: 'Infrastruktur' });
  wasteCategory = await createCategory(admin, { code: 'sampah', name: 'Sampah menumpuk', unitId: unitB.id, slaDays: 3 });
});
afterAll(() => t.close());

describe('categories', () => {
  it('lists active ones publicly, all for staff, and refuses a taken code or a unit of another region', async () => {
    const inactive = await createCategory(admin, { code: 'lama', name: 'Kategori lama', unitId: unitA.id, slaDays: 5, isActive: false });
    const pub = json<{ items: Category[] }>(await citizen.get(`/api/v1/public/regions/${HOME}/complaint-categories`)).items;
    expect(pub.map((c) => c.code)).toContain('jalan-rusak');
    expect(pub.map((c) => c.code)).not.toContain('lama');
    const staff = json<{ items: Category[] }>(await admin.get(`/api/v1/regions/${HOME}/complaint-categories`)).items;
    expect(staff.find((c) => c.id === inactive.id)?.isActive).toBe(false);
    expect(roadCategory.unitName).toBe(unitA.name);

    const taken = await admin.post(`/api/v1/regions/${HOME}/complaint-categories`, { code: 'sampah', name: 'Lain', unitId: unitA.id, slaDays: 2 });
    expect(taken.statusCode).toBe(400);
    expect(fieldsOf(taken)).toEqual(['code']);
    const foreign = await makeUnit(t.db, OTHER);
    const wrongUnit = await admin.post(`/api/v1/regions/${HOME}/complaint-categories`, { code: 'x-unit', name: 'X', unitId: foreign.id, slaDays: 2 });
    expect(fieldsOf(wrongUnit)).toEqual(['unitId']);

    const renamed = await admin.put(`/api/v1/regions/${HOME}/complaint-categories/${inactive.id}`, {
      code: 'lama',
      name: 'Kategori lama (diubah)',
      unitId: unitB.id,
      slaDays: 9,
      isActive: false,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(json<Category>(renamed)).toMatchObject({ name: 'Kategori lama (diubah)', unitId: unitB.id, slaDays: 9 });

    const operator = (await clientFor(t, 'operator', HOME, unitA.id)).client;
    expect(
      (await operator.post(`/api/v1/regions/${HOME}/complaint-categories`, { code: 'op', name: 'Op', unitId: unitA.id, slaDays: 2 })).statusCode,
    ).toBe(403);
  });
});

describe('the citizens form', () => {
  it('files a complaint routed to the category unit with the SLA, a tracking code and a first public event', async () => {
    const before = Date.now();
    const created = await file();
    expect(created.trackingCode).toMatch(/^ADU-[2-9A-HJ-NP-Z]{6}$/);
    expect(created.statusUrl).toBe(`/pengaduan/${created.trackingCode}`);
    expect(created.photoToken.length).toBeGreaterThan(20);
    const id = await idOf(created.trackingCode);
    const d = json<Detail>(await detail(admin, id));
    expect(d).toMatchObject({ unitId: unitA.id, status: 'diterima', source: 'web', contactName: 'Siti Aminah', overdue: false, version: 1 });
    const due = Date.parse(d.dueAt) - Date.parse(d.createdAt);
    expect(due).toBe(7 * 86_400_000);
    expect(Date.parse(d.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(d.latitude).toBe('-2.130100');
    expect(d.events).toHaveLength(1);
    expect(d.events[0]).toMatchObject({ action: 'diterima', toStatus: 'diterima', isPublic: true });
  });

  it.each([
    ['categoryId', { categoryId: 'bukan-uuid' }],
    ['description', { description: 'pendek' }],
    ['description', { description: undefined }],
    ['latitude', { latitude: 'utara' }],
    ['latitude', { latitude: 95 }],
    ['longitude', { longitude: null }],
    ['address', { address: null, latitude: null, longitude: null }],
    ['contactEmail', { contactEmail: 'bukan-email' }],
    ['contactPhone', { contactPhone: 'telepon saya' }],
    ['serviceId', { serviceId: 'x' }],
  ])('names the field %s when it is wrong and stores nothing', async (field, overrides) => {
    const count = (await t.db.select({ id: complaints.id }).from(complaints)).length;
    const res = await citizen.post(`/api/v1/public/regions/${HOME}/complaints`, form(overrides));
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res).map((f) => f.replace(/^body\./, ''))).toContain(field);
    expect((await t.db.select({ id: complaints.id }).from(complaints)).length).toBe(count);
  });

  it('refuses an inactive category, a category of another region and a service of another region, naming the field', async () => {
    const inactive = await createCategory(admin, { code: 'nonaktif', name: 'Nonaktif', unitId: unitA.id, slaDays: 5, isActive: false });
    const r1 = await citizen.post(`/api/v1/public/regions/${HOME}/complaints`, form({ categoryId: inactive.id }));
    expect(r1.statusCode).toBe(400);
    expect(fieldsOf(r1)).toEqual(['categoryId']);
    const otherAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
    const otherUnit = await makeUnit(t.db, OTHER);
    const foreign = await createCategory(otherAdmin, { code: 'jalan-rusak', name: 'Jalan', unitId: otherUnit.id, slaDays: 5 }, OTHER);
    const r2 = await citizen.post(`/api/v1/public/regions/${HOME}/complaints`, form({ categoryId: foreign.id }));
    expect(fieldsOf(r2)).toEqual(['categoryId']);
    const r3 = await citizen.post(`/api/v1/public/regions/${HOME}/complaints`, form({ serviceId: randomUUID() }));
    expect(fieldsOf(r3)).toEqual(['serviceId']);
    const r4 = await citizen.post('/api/v1/public/regions/99.99/complaints', form());
    expect(r4.statusCode).toBe(404);
  });

  it('answers a filled honeypot 202 and writes nothing', async () => {
    const count = (await t.db.select({ id: complaints.id }).from(complaints)).length;
    const res = await citizen.post(`/api/v1/public/regions/${HOME}/complaints`, form({ website: 'http://spam.example' }));
    expect(res.statusCode).toBe(202);
    expect((await t.db.select({ id: complaints.id }).from(complaints)).length).toBe(count);
  });

  it('files once for a retry with the same Idempotency-Key', async () => {
    const key = `retry-${randomUUID()}`;
    const description = `Lampu jalan mati sejak seminggu, ${randomUUID()}`;
    const send = () => citizen.request('POST', `/api/v1/public/regions/${HOME}/complaints`, form({ description }), { 'idempotency-key': key });
    const first = await send();
    const second = await send();
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(json<{ trackingCode: string }>(second).trackingCode).toBe(json<{ trackingCode: string }>(first).trackingCode);
    const rows = await t.db.select({ id: complaints.id }).from(complaints).where(eq(complaints.description, description));
    expect(rows).toHaveLength(1);
    expect((await t.db.select().from(publicWriteReceipts)).length).toBeGreaterThan(0);
  });
});

describe('photos', () => {
  const upload = (code: string, body: Buffer, headers: Record<string, string>) =>
    citizen.request('POST', `/api/v1/public/complaints/${code}/photo`, body, headers);

  it('accepts a PNG with the token, refuses PDFs, renamed text, a wrong token and a fourth photo', async () => {
    const created = await file();
    const id = await idOf(created.trackingCode);
    const token = created.photoToken;

    const pdf = await upload(created.trackingCode, makePdf('bukan foto'), { 'content-type': 'application/pdf', 'x-photo-token': token });
    expect(pdf.statusCode).toBe(415);
    expect(fieldsOf(pdf)).toEqual(['file']);
    const text = await upload(created.trackingCode, Buffer.from('ini hanya teks biasa, bukan gambar'), {
      'content-type': 'image/png',
      'x-photo-token': token,
      'x-file-name': 'foto.png',
    });
    expect(text.statusCode).toBe(415);
    const wrong = await upload(created.trackingCode, PNG, { 'content-type': 'image/png', 'x-photo-token': `${token.slice(0, -2)}xx` });
    expect(wrong.statusCode).toBe(403);
    expect(errorOf(wrong).code).toBe('COMPLAINT_PHOTO_TOKEN');
    const missing = await upload(created.trackingCode, PNG, { 'content-type': 'image/png' });
    expect(missing.statusCode).toBe(403);
    const otherToken = (await file()).photoToken;
    expect((await upload(created.trackingCode, PNG, { 'content-type': 'image/png', 'x-photo-token': otherToken })).statusCode).toBe(403);
    expect(await t.db.select().from(attachments).where(eq(attachments.ownerId, id))).toHaveLength(0);

    const ok = await upload(created.trackingCode, PNG, { 'content-type': 'image/png', 'x-photo-token': token, 'x-file-name': 'lubang.png' });
    expect(ok.statusCode, ok.body).toBe(201);
    const photoId = json<{ id: string }>(ok).id;
    const d = json<Detail>(await detail(admin, id));
    expect(d.photos).toEqual([{ id: photoId, fileName: 'lubang.png' }]);
    const download = await admin.get(`/api/v1/regions/${HOME}/complaints/${id}/photos/${photoId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(download.rawPayload, PNG)).toBe(0);
    expect((await citizen.get(`/api/v1/public/complaints/${created.trackingCode}`)).json()).toMatchObject({ hasPhoto: true });

    // Two more distinct images fill the three places; a fourth is refused.
    for (const extra of [1, 2]) {
      const variant = Buffer.concat([PNG, Buffer.from([extra])]);
      expect((await upload(created.trackingCode, variant, { 'content-type': 'image/png', 'x-photo-token': token })).statusCode).toBe(201);
    }
    const fourth = await upload(created.trackingCode, Buffer.concat([PNG, Buffer.from([9])]), {
      'content-type': 'image/png',
      'x-photo-token': token,
    });
    expect(fourth.statusCode).toBe(409);
    expect(errorOf(fourth).code).toBe('COMPLAINT_PHOTO_LIMIT');
  });

  it('refuses the token after an hour', async () => {
    const created = await file();
    const id = await idOf(created.trackingCode);
    // Move the filing time back: the token was made for the original time, and that hour is over.
    const [row] = await t.db.select({ createdAt: complaints.createdAt }).from(complaints).where(eq(complaints.id, id));
    if (!row) throw new Error('missing');
    await t.db
      .update(complaints)
      .set({ createdAt: new Date(row.createdAt.getTime() - 61 * 60_000) })
      .where(eq(complaints.id, id));
    const res = await upload(created.trackingCode, PNG, { 'content-type': 'image/png', 'x-photo-token': created.photoToken });
    expect(res.statusCode).toBe(403);
  });
});

describe('the inbox', () => {
  it('shows an operator only their unit, hides it from other units (404) and from other regions', async () => {
    const road = await file();
    const waste = await file(form({ categoryId: wasteCategory.id, description: 'Sampah menumpuk di pasar, bau menyengat sekali.' }));
    const roadId = await idOf(road.trackingCode);
    const wasteId = await idOf(waste.trackingCode);
    const opA = (await clientFor(t, 'operator', HOME, unitA.id)).client;
    const opB = (await clientFor(t, 'operator', HOME, unitB.id)).client;

    const listA = json<{ items: Complaint[]; total: number }>(await opA.get(`/api/v1/regions/${HOME}/complaints?pageSize=200`));
    expect(listA.items.map((c) => c.id)).toContain(roadId);
    expect(listA.items.map((c) => c.id)).not.toContain(wasteId);
    expect(listA.items.every((c) => c.unitId === unitA.id)).toBe(true);
    // Even asking for the other unit by filter gives nothing.
    const filtered = json<{ items: Complaint[] }>(await opA.get(`/api/v1/regions/${HOME}/complaints?unitId=${unitB.id}`));
    expect(filtered.items).toHaveLength(0);

    expect((await detail(opA, roadId)).statusCode).toBe(200);
    expect((await detail(opB, roadId)).statusCode).toBe(404);
    expect((await move(opB, roadId, { to: 'diverifikasi', version: 1 })).statusCode).toBe(404);
    expect((await detail(opB, wasteId)).statusCode).toBe(200);

    const stranger = (await clientFor(t, 'admin_daerah', OTHER)).client;
    expect((await stranger.get(`/api/v1/regions/${HOME}/complaints`)).statusCode).toBe(403);
    const own = json<{ items: Complaint[] }>(await stranger.get(`/api/v1/regions/${OTHER}/complaints`));
    expect(own.items.map((c) => c.id)).not.toContain(roadId);
    expect((await detail(stranger, roadId, OTHER)).statusCode).toBe(404);

    const all = json<{ items: Complaint[] }>(await admin.get(`/api/v1/regions/${HOME}/complaints?pageSize=200`));
    expect(all.items.map((c) => c.id)).toEqual(expect.arrayContaining([roadId, wasteId]));
  });

  it('lists each complaint without its contacts or location, its text cut to the list length', async () => {
    const long = `Lampu jalan di depan sekolah padam sejak dua minggu. ${'Warga khawatir anak-anak pulang dalam gelap. '.repeat(12)}`;
    const filed = await file(form({ description: long }));
    const id = await idOf(filed.trackingCode);
    const list = json<{ items: Array<Record<string, unknown>> }>(await admin.get(`/api/v1/regions/${HOME}/complaints?pageSize=200`));
    const line = list.items.find((c) => c.id === id);
    expect(line).toBeDefined();
    for (const hidden of ['contactName', 'contactEmail', 'contactPhone', 'address', 'latitude', 'longitude', 'statusNote']) {
      expect(line, hidden).not.toHaveProperty(hidden);
    }
    expect(long.trim().length).toBeGreaterThan(INBOX_DESCRIPTION_CHARS);
    expect(line?.description).toBe(long.trim().slice(0, INBOX_DESCRIPTION_CHARS));
    // The complaint's own page still has all of it.
    const whole = json<Detail>(await detail(admin, id));
    expect(whole.description).toBe(long.trim());
    expect(whole.contactPhone).toBe('0812-7788-9900');
  });

  it('pages newest first (oldest first on request) with the names beside each row and the total of the filter', async () => {
    // A region of its own, so the page holds exactly these five.
    const region = '51.71';
    const regionAdmin = (await clientFor(t, 'admin_daerah', region)).client;
    const unit = await makeUnit(t.db, region, { name: 'Dinas Pekerjaan Umum Uji' });
    const category = await createCategory(regionAdmin, { code: 'drainase', name: 'Drainase tersumbat', unitId: unit.id, slaDays: 5 }, region);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const filed = await file(form({ categoryId: category.id, description: `Saluran tersumbat nomor ${i}, air meluap ke jalan.` }), region);
      // Filed a day apart, the first the oldest.
      await t.db
        .update(complaints)
        .set({ createdAt: new Date(Date.UTC(2026, 0, 10 + i)) })
        .where(eq(complaints.trackingCode, filed.trackingCode));
      codes.push(filed.trackingCode);
    }
    const [first, second] = codes as [string, string];
    const firstId = await idOf(first);
    const dup = await regionAdmin.post(`/api/v1/regions/${region}/complaints/${await idOf(second)}/transition`, {
      to: 'duplikat',
      note: 'Sama',
      duplicateOfCode: first,
      version: 1,
    });
    expect(dup.statusCode, dup.body).toBe(200);

    const url = `/api/v1/regions/${region}/complaints?pageSize=2`;
    const page1 = json<{ items: Complaint[]; total: number }>(await regionAdmin.get(`${url}&page=1`));
    const page3 = json<{ items: Complaint[]; total: number }>(await regionAdmin.get(`${url}&page=3`));
    expect(page1.total).toBe(5);
    expect([...page1.items, ...page3.items].map((c) => c.trackingCode)).toEqual([codes[4], codes[3], first]);
    expect(page3.items[0]).toMatchObject({
      id: firstId,
      categoryName: 'Drainase tersumbat',
      unitName: 'Dinas Pekerjaan Umum Uji',
      serviceName: null,
    });

    const oldest = json<{ items: Complaint[] }>(await regionAdmin.get(`${url}&order=asc`));
    expect(oldest.items.map((c) => c.trackingCode)).toEqual([first, second]);
    expect(oldest.items[1]).toMatchObject({ status: 'duplikat', duplicateOfCode: first });
    expect(oldest.items[0]?.duplicateOfCode).toBeNull();

    // Past the last page: no rows, and still the total.
    expect(json<{ items: Complaint[]; total: number }>(await regionAdmin.get(`${url}&page=9`))).toMatchObject({ items: [], total: 5 });
    const filtered = json<{ items: Complaint[]; total: number }>(await regionAdmin.get(`${url}&status=duplikat`));
    expect(filtered).toMatchObject({ total: 1, items: [{ trackingCode: second }] });

    // Each filter shape is a statement prepared once per connection: the same shape asked again with
    // other values, and every filter alone and together, answer what the whole list implies.
    const all = json<{ items: Complaint[] }>(await regionAdmin.get(`/api/v1/regions/${region}/complaints?pageSize=200`)).items;
    const list = async (query: string) =>
      json<{ items: Complaint[]; total: number }>(await regionAdmin.get(`/api/v1/regions/${region}/complaints?pageSize=200&${query}`));
    const codesOf = (items: Complaint[]) => items.map((c) => c.trackingCode);
    const open = all.filter((c) => c.status === 'diterima');
    expect(open.length).toBe(4);
    expect(await list('status=diterima')).toMatchObject({ total: 4 });
    expect(codesOf((await list('status=diterima')).items)).toEqual(codesOf(open));
    expect((await list('status=selesai')).total).toBe(0);
    const needle = first.slice(-4).toLowerCase();
    expect(codesOf((await list(`q=${needle}`)).items)).toEqual(codesOf(all.filter((c) => c.trackingCode.toLowerCase().includes(needle))));
    const someCategory = all[0]?.categoryId ?? '';
    expect(codesOf((await list(`categoryId=${someCategory}`)).items)).toEqual(codesOf(all.filter((c) => c.categoryId === someCategory)));
    const someUnit = all[0]?.unitId ?? '';
    expect(codesOf((await list(`unitId=${someUnit}&status=duplikat`)).items)).toEqual(
      codesOf(all.filter((c) => c.unitId === someUnit && c.status === 'duplikat')),
    );
    const byStatus = (await list('sort=status&order=asc')).items;
    expect(byStatus.map((c) => c.status)).toEqual([...all.map((c) => c.status)].sort());
    expect(codesOf((await list('sort=dueAt&order=desc')).items)).toEqual(
      codesOf([...all].sort((a, b) => b.dueAt.localeCompare(a.dueAt) || b.createdAt.localeCompare(a.createdAt))),
    );
  });

  it('flags overdue open complaints at read time and filters by it', async () => {
    const created = await file();
    const id = await idOf(created.trackingCode);
    await t.db
      .update(complaints)
      .set({ dueAt: new Date(Date.now() - 60_000) })
      .where(eq(complaints.id, id));
    const d = json<Detail>(await detail(admin, id));
    expect(d.overdue).toBe(true);
    const overdue = json<{ items: Complaint[] }>(await admin.get(`/api/v1/regions/${HOME}/complaints?overdue=ya&pageSize=200`));
    expect(overdue.items.map((c) => c.id)).toContain(id);
    expect(overdue.items.every((c) => c.overdue)).toBe(true);
  });
});

describe('the workflow', () => {
  it('moves diterima → diverifikasi → ditindaklanjuti → selesai; the public page shows it closed and never the contact', async () => {
    const created = await file();
    const id = await idOf(created.trackingCode);
    const opA = (await clientFor(t, 'operator', HOME, unitA.id)).client;
    const skip = await move(opA, id, { to: 'selesai', version: 1 });
    expect(skip.statusCode).toBe(409);
    expect(errorOf(skip).code).toBe('COMPLAINT_WRONG_TRANSITION');

    let version = 1;
    for (const [to, note] of [
      ['diverifikasi', null],
      ['ditindaklanjuti', 'Tim sudah dijadwalkan menambal jalan minggu ini.'],
      ['selesai', 'Jalan sudah ditambal. Terima kasih atas laporannya.'],
    ] as const) {
      const res = await move(opA, id, { to, note, version });
      expect(res.statusCode, res.body).toBe(200);
      expect(json<Detail>(res).status).toBe(to);
      version = json<Detail>(res).version;
    }
    const stale = await move(opA, id, { to: 'selesai', note: 'lagi', version: 1 });
    expect(errorOf(stale).code).toBe('STALE_VERSION');
    const after = await move(opA, id, { to: 'diverifikasi', version });
    expect(errorOf(after).code).toBe('COMPLAINT_WRONG_TRANSITION');

    const page = await citizen.get(`/api/v1/public/complaints/${created.trackingCode.toLowerCase()}`);
    expect(page.statusCode).toBe(200);
    const pub = json<PublicComplaint>(page);
    expect(pub).toMatchObject({ status: 'selesai', open311Status: 'closed', unitName: unitA.name });
    expect(pub.history.map((h) => h.status)).toEqual(['diterima', 'diverifikasi', 'ditindaklanjuti', 'selesai']);
    expect(pub.history.at(-1)?.note).toBe('Jalan sudah ditambal. Terima kasih atas laporannya.');
    for (const secret of ['Siti Aminah', 'siti@example.id', '0812-7788-9900', 'contact']) expect(page.body).not.toContain(secret);

    const d = json<Detail>(await detail(admin, id));
    expect(d.closedAt).not.toBeNull();
    expect(d.statusNote).toBe('Jalan sudah ditambal. Terima kasih atas laporannya.');
  });

  it('needs a reason for ditolak and duplikat, and an original of the same region for duplikat', async () => {
    const original = await file();
    const copy = await file();
    const id = await idOf(copy.trackingCode);
    const noReason = await move(admin, id, { to: 'ditolak', version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason)).toEqual(['note']);
    const noOriginal = await move(admin, id, { to: 'duplikat', note: 'Sudah dilaporkan', version: 1 });
    expect(fieldsOf(noOriginal)).toEqual(['duplicateOfCode']);
    const self = await move(admin, id, { to: 'duplikat', note: 'Sudah dilaporkan', duplicateOfCode: copy.trackingCode, version: 1 });
    expect(fieldsOf(self)).toEqual(['duplicateOfCode']);
    const otherAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
    const otherUnit = await makeUnit(t.db, OTHER);
    const foreignCategory = await createCategory(
      otherAdmin,
      { code: `j-${randomUUID().slice(0, 6)}`, name: 'J', unitId: otherUnit.id, slaDays: 5 },
      OTHER,
    );
    const foreign = await file(form({ categoryId: foreignCategory.id }), OTHER);
    const crossRegion = await move(admin, id, { to: 'duplikat', note: 'Sudah dilaporkan', duplicateOfCode: foreign.trackingCode, version: 1 });
    expect(fieldsOf(crossRegion)).toEqual(['duplicateOfCode']);

    const ok = await move(admin, id, { to: 'duplikat', note: 'Sama dengan laporan sebelumnya', duplicateOfCode: original.trackingCode, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json<Complaint>(ok)).toMatchObject({ status: 'duplikat', duplicateOfCode: original.trackingCode });
    const pub = json<PublicComplaint>(await citizen.get(`/api/v1/public/complaints/${copy.trackingCode}`));
    expect(pub.open311Status).toBe('closed');
    expect(pub.history.at(-1)).toMatchObject({ status: 'duplikat', note: 'Sama dengan laporan sebelumnya' });

    const other = await idOf(original.trackingCode);
    const rejected = await move(admin, other, { to: 'ditolak', note: 'Bukan kewenangan pemerintah kota', version: 1 });
    expect(json<Complaint>(rejected).status).toBe('ditolak');
  });

  it('gives the status page an ETag and a short public cache; an unchanged page answers 304, a new note a new tag', async () => {
    const created = await file();
    const id = await idOf(created.trackingCode);
    const url = `/api/v1/public/complaints/${created.trackingCode}`;
    const first = await citizen.get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const again = await citizen.request('GET', url, undefined, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    expect((await move(admin, id, { to: 'diverifikasi', note: 'Petugas menuju lokasi.', version: 1 })).statusCode).toBe(200);
    const changed = await citizen.request('GET', url, undefined, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(json<PublicComplaint>(changed).history.map((h) => h.note)).toEqual([expect.any(String), 'Petugas menuju lokasi.']);
    for (const secret of ['Siti Aminah', 'siti@example.id', '0812-7788-9900', 'contact']) expect(changed.body).not.toContain(secret);
    expect((await citizen.get('/api/v1/public/complaints/ADU-222222')).statusCode).toBe(404);
  });

  it('posts a public status note without changing the status', async () => {
    const created = await file();
    const id = await idOf(created.trackingCode);
    const res = await move(admin, id, { to: 'diterima', note: 'Sedang kami periksa ke lokasi.', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Complaint>(res)).toMatchObject({ status: 'diterima', statusNote: 'Sedang kami periksa ke lokasi.', version: 2 });
    const pub = json<PublicComplaint>(await citizen.get(`/api/v1/public/complaints/${created.trackingCode}`));
    expect(pub.history.map((h) => h.note)).toContain('Sedang kami periksa ke lokasi.');
    const empty = await move(admin, id, { to: 'diterima', version: 2 });
    expect(fieldsOf(empty)).toEqual(['note']);
  });

  it('reassigns to another unit of the region with an event; the operator loses it, the other unit gets it', async () => {
    const created = await file();
    const id = await idOf(created.trackingCode);
    const opA = (await clientFor(t, 'operator', HOME, unitA.id)).client;
    const opB = (await clientFor(t, 'operator', HOME, unitB.id)).client;
    const foreign = await makeUnit(t.db, OTHER);
    const wrong = await opA.post(`/api/v1/regions/${HOME}/complaints/${id}/reassign`, { unitId: foreign.id, version: 1 });
    expect(fieldsOf(wrong)).toEqual(['unitId']);
    const same = await opA.post(`/api/v1/regions/${HOME}/complaints/${id}/reassign`, { unitId: unitA.id, version: 1 });
    expect(fieldsOf(same)).toEqual(['unitId']);
    const res = await opA.post(`/api/v1/regions/${HOME}/complaints/${id}/reassign`, {
      unitId: unitB.id,
      note: 'Lokasi di pasar, urusan kebersihan',
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Complaint>(res)).toMatchObject({ unitId: unitB.id, version: 2 });
    expect((await detail(opA, id)).statusCode).toBe(404);
    const d = json<Detail>(await detail(opB, id));
    expect(d.events.at(-1)).toMatchObject({ action: 'dialihkan', unitName: unitB.name, isPublic: false });
    expect(d.events.at(-1)?.note).toContain('Lokasi di pasar');
    const pub = json<PublicComplaint>(await citizen.get(`/api/v1/public/complaints/${created.trackingCode}`));
    expect(pub.unitName).toBe(unitB.name);
    expect(JSON.stringify(pub)).not.toContain('Lokasi di pasar');

    await move(opB, id, { to: 'ditolak', note: 'Di luar kewenangan', version: 2 });
    const closed = await opB.post(`/api/v1/regions/${HOME}/complaints/${id}/reassign`, { unitId: unitA.id, version: 3 });
    expect(errorOf(closed).code).toBe('COMPLAINT_CLOSED');
    const events = await t.db
      .select()
      .from(complaintEvents)
      .where(and(eq(complaintEvents.complaintId, id), eq(complaintEvents.action, 'dialihkan')));
    expect(events).toHaveLength(1);
  });
});

describe('statistics', () => {
  it('counts volume, resolution rate, median days and overdue per unit and category on a known set', async () => {
    const statsAdmin = (await clientFor(t, 'admin_daerah', STATS_REGION)).client;
    const u1 = await makeUnit(t.db, STATS_REGION, { name: 'Unit Satu' });
    const u2 = await makeUnit(t.db, STATS_REGION, { name: 'Unit Dua' });
    const c1 = await createCategory(statsAdmin, { code: 'satu', name: 'Kategori Satu', unitId: u1.id, slaDays: 5 }, STATS_REGION);
    const c2 = await createCategory(statsAdmin, { code: 'dua', name: 'Kategori Dua', unitId: u2.id, slaDays: 5 }, STATS_REGION);
    const day = 86_400_000;
    const base = Date.parse('2026-03-02T02:00:00Z');
    const now = Date.now();
    const rows: { cat: Category; unit: string; status: string; filed: number; closedAfter?: number; dueAt: number }[] = [
      { cat: c1, unit: u1.id, status: 'selesai', filed: base, closedAfter: 2 * day, dueAt: base + 5 * day },
      { cat: c1, unit: u1.id, status: 'selesai', filed: base + day, closedAfter: 3.5 * day, dueAt: base + 6 * day },
      { cat: c1, unit: u1.id, status: 'ditolak', filed: base + day, closedAfter: day, dueAt: base + 6 * day },
      { cat: c2, unit: u2.id, status: 'ditindaklanjuti', filed: base + 2 * day, dueAt: base + 7 * day },
      { cat: c2, unit: u2.id, status: 'diterima', filed: base + 3 * day, dueAt: now + 5 * day },
      // Filed outside the range asked for.
      { cat: c2, unit: u2.id, status: 'selesai', filed: Date.parse('2026-05-10T02:00:00Z'), closedAfter: day, dueAt: now },
    ];
    let n = 0;
    for (const r of rows) {
      await t.db.insert(complaints).values({
        regionCode: STATS_REGION,
        trackingCode: `ADU-ST${String(++n).padStart(4, '2')}`,
        categoryId: r.cat.id,
        unitId: r.unit,
        description: 'Pengaduan untuk statistik',
        address: 'Jl. Uji',
        status: r.status,
        dueAt: new Date(r.dueAt),
        closedAt: r.closedAfter === undefined ? null : new Date(r.filed + r.closedAfter),
        createdAt: new Date(r.filed),
        updatedAt: new Date(r.filed),
      });
    }
    const res = await statsAdmin.get(`/api/v1/regions/${STATS_REGION}/complaint-stats?from=2026-03-01&to=2026-03-31`);
    expect(res.statusCode, res.body).toBe(200);
    const s = json<Stats>(res);
    expect(s).toMatchObject({ total: 5, open: 2, closed: 3, overdue: 1, resolutionRate: '66.7', medianDaysToResolve: '2.8' });
    expect(s.byUnit).toEqual([
      { unitId: u1.id, unitName: 'Unit Satu', total: 3, resolved: 2, overdue: 0, medianDaysToResolve: '2.8' },
      { unitId: u2.id, unitName: 'Unit Dua', total: 2, resolved: 0, overdue: 1, medianDaysToResolve: null },
    ]);
    expect(s.byCategory).toEqual([
      { categoryId: c1.id, categoryName: 'Kategori Satu', total: 3, resolved: 2, overdue: 0 },
      { categoryId: c2.id, categoryName: 'Kategori Dua', total: 2, resolved: 0, overdue: 1 },
    ]);
    const whole = json<Stats>(await statsAdmin.get(`/api/v1/regions/${STATS_REGION}/complaint-stats`));
    expect(whole).toMatchObject({ total: 6, closed: 4, resolutionRate: '75.0', medianDaysToResolve: '2.0' });
    const bad = await statsAdmin.get(`/api/v1/regions/${STATS_REGION}/complaint-stats?from=2026-04-01&to=2026-03-01`);
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['querystring.to']);

    const op = (await clientFor(t, 'operator', STATS_REGION, u2.id)).client;
    const mine = json<Stats>(await op.get(`/api/v1/regions/${STATS_REGION}/complaint-stats?from=2026-03-01&to=2026-03-31`));
    expect(mine).toMatchObject({ total: 2, closed: 0, resolutionRate: null });

    // The same figures as a PDF to download, named by its range; the operator's shows their unit only.
    const pdf = await statsAdmin.get(`/api/v1/regions/${STATS_REGION}/complaint-stats/report.pdf?from=2026-03-01&to=2026-03-31`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="statistik-pengaduan-2026-03-01_2026-03-31.pdf"');
    const text = pdfText(pdf.rawPayload);
    for (const expected of ['Unit Satu', 'Unit Dua', 'Kategori Satu', '66,7']) expect(text, expected).toContain(expected);
    const operatorPdf = pdfText(
      (await op.get(`/api/v1/regions/${STATS_REGION}/complaint-stats/report.pdf?from=2026-03-01&to=2026-03-31`)).rawPayload,
    );
    expect(operatorPdf).toContain('Unit Dua');
    expect(operatorPdf).not.toContain('Unit Satu');
    expect((await statsAdmin.get(`/api/v1/regions/${STATS_REGION}/complaint-stats/report.pdf?from=2026-04-01&to=2026-03-01`)).statusCode).toBe(400);
  });
});

describe('category settings feed the form', () => {
  it('routes a new complaint by the category unit as changed', async () => {
    const cat = await createCategory(admin, { code: `pindah-${randomUUID().slice(0, 6)}`, name: 'Pindah', unitId: unitA.id, slaDays: 2 });
    await admin.put(`/api/v1/regions/${HOME}/complaint-categories/${cat.id}`, { ...cat, unitId: unitB.id });
    const created = await file(form({ categoryId: cat.id }));
    const [row] = await t.db.select({ unitId: complaints.unitId }).from(complaints).where(eq(complaints.trackingCode, created.trackingCode));
    expect(row?.unitId).toBe(unitB.id);
    const [stored] = await t.db.select({ unitId: complaintCategories.unitId }).from(complaintCategories).where(eq(complaintCategories.id, cat.id));
    expect(stored?.unitId).toBe(unitB.id);
  });
});
