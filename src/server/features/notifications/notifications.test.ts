/**
 * Notifications through the real app and database: notify() inside a rolled-back transaction tells
 * nobody; a dedupe key tells each person once; each wired event (innovation returned and verified,
 * indicators assigned, complaint routed and reassigned) tells exactly the right people, in their
 * language; a user sees and marks only their own; preferences decide e-mail at once, digest or none.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationItem, NotificationPreferences } from '#shared/api/notifications.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { innovations, mailOutbox, notifications, periods, users } from '#server/db/schema.ts';
import { notify } from '#server/platform/notifications/notify.ts';
import { anonymous, type Client, clientFor, loginAs, makeUnit, makeUser, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const ME = '/api/v1/me/notifications';

let t: TestApp;
let admin: Client;
let verifier: Client;
let unitU: { id: string; name: string };
let unitV: { id: string; name: string };
/** Operators of unit U: one reads English, one Indonesian; one of unit V; an operator elsewhere. */
let opEn: { id: string; client: Client };
let opId: { id: string; client: Client };
let opV: { id: string; client: Client };
let opOther: { id: string; client: Client };
let author: { id: string; client: Client };
let periodId: string;

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
type List = { items: NotificationItem[]; total: number; unread: number };

async function listOf(client: Client, query = ''): Promise<List> {
  const res = await client.get(`${ME}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<List>(res);
}

async function rowsOf(userId: string, kind?: string) {
  return t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), kind ? eq(notifications.kind, kind) : undefined));
}

async function person(role: 'operator' | 'admin_daerah', unitId: string | null, email: string) {
  const user = await makeUser(t.db, { role, regionCode: HOME, unitId });
  await t.db.update(users).set({ email }).where(eq(users.id, user.id));
  return { id: user.id, client: await loginAs(t.app, user.username) };
}

async function setPreferences(client: Client, body: Record<string, unknown>) {
  const res = await client.put(`${ME}/preferences`, body);
  expect(res.statusCode, res.body).toBe(200);
  return json<NotificationPreferences>(res);
}

async function submittedInnovation(name: string) {
  const [row] = await t.db
    .insert(innovations)
    .values({ regionCode: HOME, periodId, unitId: unitU.id, status: 'diajukan', name, createdBy: author.id, submittedAt: new Date() })
    .returning();
  if (!row) throw new Error('no innovation');
  return row;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  verifier = (await clientFor(t, 'verifikator', HOME)).client;
  unitU = await makeUnit(t.db, HOME, { name: 'Dinas Kesehatan Uji Notifikasi' });
  unitV = await makeUnit(t.db, HOME, { name: 'Dinas Perhubungan Uji Notifikasi' });
  opEn = await person('operator', unitU.id, 'op.en@example.go.id');
  opId = await person('operator', unitU.id, 'op.id@example.go.id');
  opV = await person('operator', unitV.id, 'op.v@example.go.id');
  opOther = await person('operator', (await makeUnit(t.db, HOME)).id, 'op.other@example.go.id');
  author = await person('admin_daerah', null, 'penulis@example.go.id');
  await setPreferences(opEn.client, { language: 'en', kinds: [] });
  const [period] = await t.db
    .insert(periods)
    .values({ regionCode: HOME, year: 2031, opensOn: '2031-01-01', closesOn: '2031-11-30', targetTotal: 10 })
    .returning();
  if (!period) throw new Error('no period');
  periodId = period.id;
});
afterAll(() => t.close());

describe('notify()', () => {
  it('writes nothing when the transaction it is part of rolls back', async () => {
    const failed = t.db.transaction(async (tx) => {
      await notify(tx, { recipients: [opOther.id], kind: 'innovation_verified', params: { innovation: 'X', actor: 'Y' }, link: '/inovasi' });
      throw new Error('the state change failed');
    });
    await expect(failed).rejects.toThrow('the state change failed');
    expect(await rowsOf(opOther.id)).toHaveLength(0);
    expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.userId, opOther.id))).toHaveLength(0);
  });

  it('tells each recipient once per dedupe key, with one e-mail, however often it is called', async () => {
    const input = {
      recipients: [opOther.id, opOther.id],
      kind: 'complaint_overdue' as const,
      params: { code: 'ABC123', category: 'Jalan rusak', unit: 'Dinas PU', due: '01/02/2031' },
      link: '/pengaduan-masuk/x',
      dedupeKey: 'uji-dedupe-1',
    };
    const first = await t.db.transaction((tx) => notify(tx, input));
    const second = await t.db.transaction((tx) => notify(tx, input));
    expect([first.created, second.created]).toEqual([1, 0]);
    expect(await rowsOf(opOther.id, 'complaint_overdue')).toHaveLength(1);
    // complaint_overdue goes to the digest by default: no immediate mail, one pending digest entry.
    const [row] = await rowsOf(opOther.id, 'complaint_overdue');
    expect(row?.digestState).toBe('pending');
    expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.userId, opOther.id))).toHaveLength(0);
  });
});

describe('the events that tell people', () => {
  it('a returned innovation tells its unit’s operators and its author, each in their language, once', async () => {
    const innovation = await submittedInnovation('Antrean Daring Puskesmas');
    const res = await verifier.post(`/api/v1/regions/${HOME}/innovations/${innovation.id}/transition`, {
      action: 'return',
      version: innovation.version,
      notes: { tujuan: 'Tujuan belum terukur' },
    });
    expect(res.statusCode, res.body).toBe(200);
    // The same request again is refused as stale and tells nobody a second time.
    const retry = await verifier.post(`/api/v1/regions/${HOME}/innovations/${innovation.id}/transition`, {
      action: 'return',
      version: innovation.version,
      notes: { tujuan: 'Tujuan belum terukur' },
    });
    expect(retry.statusCode).toBe(409);

    for (const who of [opEn, opId, author]) expect(await rowsOf(who.id, 'innovation_returned')).toHaveLength(1);
    for (const who of [opV, opOther]) expect(await rowsOf(who.id, 'innovation_returned')).toHaveLength(0);

    const en = (await listOf(opEn.client)).items.find((n) => n.kind === 'innovation_returned');
    expect(en?.title).toBe('Innovation returned: Antrean Daring Puskesmas');
    expect(en?.link).toBe(`/inovasi/${innovation.id}`);
    const id = (await listOf(opId.client)).items.find((n) => n.kind === 'innovation_returned');
    expect(id?.title).toBe('Inovasi dikembalikan: Antrean Daring Puskesmas');
    expect(id?.body).toContain('untuk diperbaiki');

    // innovation_returned is e-mailed at once by default: one mail each, in their language.
    const mails = await t.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.notificationId, en?.id ?? ''));
    expect(mails.map((m) => [m.toAddress, m.subject])).toEqual([['op.en@example.go.id', 'Innovation returned: Antrean Daring Puskesmas']]);
  });

  it('a verified innovation tells the same people, and nobody else', async () => {
    const innovation = await submittedInnovation('Sistem Informasi Posyandu');
    const res = await verifier.post(`/api/v1/regions/${HOME}/innovations/${innovation.id}/transition`, {
      action: 'verify',
      version: innovation.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const told = await t.db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.kind, 'innovation_verified'));
    expect(told.map((r) => r.userId).sort()).toEqual([opEn.id, opId.id, author.id].sort());
  });

  it('assigned indicators tell each unit’s operators once, with the count', async () => {
    const versions = json<{ items: { id: string; frameworkId: string; origin: string }[] }>(
      await admin.get(`/api/v1/regions/${HOME}/framework-versions`),
    ).items;
    const spbe = versions.find((v) => v.frameworkId === 'spbe-2020' && v.origin === 'shipped');
    const created = await admin.post(`/api/v1/regions/${HOME}/assessments`, {
      frameworkVersionId: spbe?.id,
      year: 2031,
      deadline: '2031-06-30',
      // SPBE 2020 ends with 2025: an admin opens it for 2031 only with a reason.
      overrideReason: 'Uji notifikasi',
    });
    expect(created.statusCode, created.body).toBe(201);
    const a = json<{ id: string }>(created);
    const body = {
      assignments: [
        { indicatorId: '1', unitId: unitU.id, deadline: null },
        { indicatorId: '2', unitId: unitU.id, deadline: null },
        { indicatorId: '3', unitId: unitU.id, deadline: null },
        { indicatorId: '4', unitId: unitV.id, deadline: null },
      ],
    };
    expect((await admin.post(`/api/v1/regions/${HOME}/assessments/${a.id}/assignments`, body)).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/regions/${HOME}/assessments/${a.id}/assignments`, body)).statusCode).toBe(200);

    const [forU] = await rowsOf(opId.id, 'indicator_assigned');
    expect(await rowsOf(opId.id, 'indicator_assigned')).toHaveLength(1);
    expect(forU?.params).toMatchObject({ count: 3, unit: unitU.name });
    expect((await rowsOf(opEn.id, 'indicator_assigned')).length).toBe(1);
    const [forV] = await rowsOf(opV.id, 'indicator_assigned');
    expect(forV?.params).toMatchObject({ count: 1, unit: unitV.name });
    expect(forV?.link).toBe(`/penilaian/${a.id}`);
    expect(await rowsOf(opOther.id, 'indicator_assigned')).toHaveLength(0);
    const en = (await listOf(opEn.client)).items.find((n) => n.kind === 'indicator_assigned');
    expect(en?.title).toMatch(/^3 .* indicators assigned to Dinas Kesehatan Uji Notifikasi$/);
  });

  it('a complaint tells the operators of the unit it is routed to, and of the unit it is handed to', async () => {
    const category = await admin.post(`/api/v1/regions/${HOME}/complaint-categories`, {
      code: 'uji-notifikasi',
      name: 'Pelayanan puskesmas',
      unitId: unitU.id,
      slaDays: 5,
    });
    expect(category.statusCode, category.body).toBe(201);
    const filed = await anonymous(t.app).post(`/api/v1/public/regions/${HOME}/complaints`, {
      categoryId: json<{ id: string }>(category).id,
      description: 'Antrean di puskesmas sangat panjang dan petugas loket tidak ada sejak pagi.',
      address: 'Jl. Merdeka 1',
      latitude: null,
      longitude: null,
      contactName: null,
      contactEmail: null,
      contactPhone: null,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const code = json<{ trackingCode: string }>(filed).trackingCode;
    for (const who of [opEn, opId]) expect(await rowsOf(who.id, 'complaint_assigned')).toHaveLength(1);
    expect(await rowsOf(opV.id, 'complaint_assigned')).toHaveLength(0);
    const [routed] = await rowsOf(opId.id, 'complaint_assigned');
    expect(routed?.params).toMatchObject({ code, category: 'Pelayanan puskesmas', unit: unitU.name });

    const id = routed?.link.split('/').pop() ?? '';
    const moved = await admin.post(`/api/v1/regions/${HOME}/complaints/${id}/reassign`, { unitId: unitV.id, note: null, version: 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await rowsOf(opV.id, 'complaint_assigned')).toHaveLength(1);
    expect(await rowsOf(opId.id, 'complaint_assigned')).toHaveLength(1);
  });
});

describe('my notifications', () => {
  it('lists only mine, unread first, a page at a time, and counts the unread', async () => {
    const all = await listOf(opId.client, '?pageSize=2');
    expect(all.total).toBe((await rowsOf(opId.id)).length);
    expect(all.items).toHaveLength(2);
    const count = json<{ unread: number }>(await opId.client.get(`${ME}/unread-count`));
    expect(count.unread).toBe(all.total);
    expect(all.unread).toBe(all.total);

    const first = all.items[0];
    expect((await opId.client.post(`${ME}/${first?.id}/read`)).statusCode).toBe(200);
    const after = await listOf(opId.client, '?pageSize=50');
    expect(after.unread).toBe(all.total - 1);
    // The read one moves to the end.
    expect(after.items.at(-1)?.id).toBe(first?.id);
    expect(after.items.at(-1)?.isRead).toBe(true);
    expect((await listOf(opId.client, '?filter=unread')).total).toBe(all.total - 1);
  });

  it('another user’s notification is not found, and marking all touches only mine', async () => {
    const [theirs] = await rowsOf(opEn.id);
    const res = await opV.client.post(`${ME}/${theirs?.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(json<ErrorBody>(res).error.code).toBe('NOT_FOUND');
    expect((await opV.client.post(`${ME}/read-all`)).statusCode).toBe(200);
    expect((await listOf(opV.client)).unread).toBe(0);
    expect((await listOf(opEn.client)).unread).toBeGreaterThan(0);
    expect((await anonymous(t.app).get(ME)).statusCode).toBe(401);
    expect((await opV.client.post(`${ME}/not-a-uuid/read`)).statusCode).toBe(400);
  });
});

describe('preferences', () => {
  it('defaults per kind, and a saved choice decides: no e-mail, or the daily digest', async () => {
    const before = json<NotificationPreferences>(await opV.client.get(`${ME}/preferences`));
    expect(before.language).toBe('id');
    expect(before.hasEmailAddress).toBe(true);
    expect(before.emailEnabled).toBe(false);
    expect(before.kinds.find((k) => k.kind === 'innovation_returned')).toEqual({ kind: 'innovation_returned', email: true, delivery: 'immediate' });

    await setPreferences(opV.client, {
      language: 'id',
      kinds: [
        { kind: 'complaint_assigned', email: false, delivery: 'immediate' },
        { kind: 'indicator_assigned', email: true, delivery: 'digest' },
      ],
    });
    await t.db.transaction(async (tx) => {
      const base = {
        recipients: [opV.id],
        link: '/x',
        params: { code: 'Q', category: 'c', unit: 'u', due: 'd', count: 1, assessment: 'a', actor: 'b' },
      };
      await notify(tx, { ...base, kind: 'complaint_assigned', dedupeKey: 'pref-1' });
      await notify(tx, { ...base, kind: 'indicator_assigned', dedupeKey: 'pref-2' });
    });
    const [off] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, opV.id), eq(notifications.dedupeKey, 'pref-1')));
    const [digest] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, opV.id), eq(notifications.dedupeKey, 'pref-2')));
    expect(off?.digestState).toBeNull();
    expect(digest?.digestState).toBe('pending');
    for (const n of [off, digest])
      expect(
        await t.db
          .select()
          .from(mailOutbox)
          .where(eq(mailOutbox.notificationId, n?.id ?? '')),
      ).toHaveLength(0);
  });

  it('refuses an unknown kind, a kind named twice and an unknown language, naming the field', async () => {
    const bad = await opV.client.put(`${ME}/preferences`, { language: 'fr', kinds: [{ kind: 'nope', email: true, delivery: 'soon' }] });
    expect(bad.statusCode).toBe(400);
    const fields = (json<ErrorBody>(bad).error.issues ?? []).map((i) => i.field).sort();
    expect(fields).toEqual(['body.kinds.0.delivery', 'body.kinds.0.kind', 'body.language']);
    const twice = await opV.client.put(`${ME}/preferences`, {
      language: 'id',
      kinds: [
        { kind: 'deadline_h1', email: true, delivery: 'digest' },
        { kind: 'deadline_h1', email: false, delivery: 'digest' },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect((json<ErrorBody>(twice).error.issues ?? []).map((i) => i.field)).toEqual(['body.kinds.1.kind']);
  });
});
