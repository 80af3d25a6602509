/**
 * Acara through the HTTP API: organising an event with field messages, who may change which event (an
 * operator only their own unit's), registration with capacity and duplicates, the counts by unit and
 * organisation, check-in by the personal QR link counted once under retries and simultaneous scans,
 * the organiser's code entry, the public list without personal data, the participant import's dry
 * run, the attendance list and certificate PDFs, and the attendance list as evidence of a smart-city
 * evaluation item.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckinResult, EventDetail, EventSummary, Participant } from '#shared/api/events.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { pdfText } from '../../../../test/support/pdf-text.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const OTHER = '62.71';

let t: TestApp;
let admin: Client;
let operatorA: Client;
let unitA: { id: string; name: string; shortName: string | null };
let unitB: { id: string; name: string; shortName: string | null };

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const uniq = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;
const url = (rest = '', region = HOME) => `/api/v1/regions/${region}/events${rest}`;

/** An event around now (so its participants may check in), or at the given moment. */
function eventBody(fields: Record<string, unknown> = {}) {
  const start = new Date(Date.now() - 60 * 60 * 1000);
  const end = new Date(Date.now() + 3 * 60 * 60 * 1000);
  return {
    title: uniq('Bimtek Inovasi Daerah'),
    kind: 'bimtek',
    topic: 'inovasi_daerah',
    organiserUnitId: unitA.id,
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    place: 'Balai Besar Betason',
    ...fields,
  };
}

async function createEvent(client: Client, fields: Record<string, unknown> = {}): Promise<EventDetail> {
  const res = await client.post(url(), eventBody(fields));
  expect(res.statusCode, res.body).toBe(201);
  return json<EventDetail>(res);
}

async function register(client: Client, eventId: string, body: Record<string, unknown>): Promise<Participant> {
  const res = await client.post(url(`/${eventId}/participants`), body);
  expect(res.statusCode, res.body).toBe(201);
  return json<Participant>(res);
}

const tokenOf = (p: Participant) => p.checkinPath.replace('/hadir/', '');

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  unitA = await makeUnit(t.db, HOME, { name: uniq('Bapperida Uji'), shortName: uniq('BPU') });
  unitB = await makeUnit(t.db, HOME, { name: uniq('Diskominfo Uji'), shortName: uniq('DKI') });
  operatorA = (await clientFor(t, 'operator', HOME, unitA.id)).client;
});
afterAll(() => t.close());

describe('organising an event', () => {
  it('refuses an event without place or link, ending before it starts, or of an unknown kind, naming each field', async () => {
    const res = await admin.post(
      url(),
      eventBody({ place: null, kind: 'arisan', endsAt: new Date(Date.now() - 5 * 60 * 60 * 1000).toISOString(), onlineUrl: 'ftp://x' }),
    );
    expect(res.statusCode).toBe(400);
    const fields = (errorOf(res).issues ?? []).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.kind', 'body.onlineUrl']));
    const again = await admin.post(url(), eventBody({ place: null, endsAt: new Date(Date.now() - 5 * 60 * 60 * 1000).toISOString() }));
    expect(again.statusCode).toBe(400);
    const issues = errorOf(again).issues ?? [];
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: 'body.place', reason: 'Isi tempat acara atau tautan daring (salah satu wajib)' },
        { field: 'body.endsAt', reason: 'Waktu selesai tidak boleh sebelum waktu mulai' },
      ]),
    );
  });

  it('accepts an online-only event and lists it by year, kind, topic and unit', async () => {
    const created = await createEvent(admin, {
      place: null,
      onlineUrl: 'https://zoom.us/j/123',
      kind: 'sosialisasi',
      topic: 'spbe',
      startsAt: '2031-03-10T09:00:00+07:00',
      endsAt: '2031-03-10T12:00:00+07:00',
      invitedUnitIds: [unitB.id],
      invitedOrganisations: ['Universitas Bangka Belitung', 'universitas bangka belitung'],
    });
    expect(created).toMatchObject({ place: null, onlineUrl: 'https://zoom.us/j/123', canManage: true, participants: 0 });
    expect(created.invitedUnits).toEqual([{ id: unitB.id, name: unitB.name }]);
    expect(created.invitedOrganisations).toEqual(['Universitas Bangka Belitung']);
    const list = json<{ items: EventSummary[]; total: number }>(await admin.get(url(`?year=2031&kind=sosialisasi&topic=spbe&unitId=${unitA.id}`)));
    expect(list.items.map((e) => e.id)).toEqual([created.id]);
    const none = json<{ items: EventSummary[] }>(await admin.get(url('?year=2031&kind=rakor')));
    expect(none.items).toEqual([]);
    const month = json<{ items: EventSummary[] }>(await admin.get(url('?month=2031-03')));
    expect(month.items.map((e) => e.id)).toContain(created.id);
  });

  it('counts an event near midnight in the year of Western Indonesia time', async () => {
    // 31 Dec 2032 20:00 UTC is 1 Jan 2033 03:00 WIB.
    const e = await createEvent(admin, { startsAt: '2032-12-31T20:00:00Z', endsAt: '2032-12-31T23:00:00Z' });
    const y2033 = json<{ items: EventSummary[] }>(await admin.get(url('?year=2033')));
    const y2032 = json<{ items: EventSummary[] }>(await admin.get(url('?year=2032')));
    expect(y2033.items.map((i) => i.id)).toContain(e.id);
    expect(y2032.items.map((i) => i.id)).not.toContain(e.id);
  });
});

describe('who may change which event', () => {
  it("lets an operator organise for their own unit only, read every event, and not edit another unit's", async () => {
    const own = await createEvent(operatorA);
    expect(own.canManage).toBe(true);
    const forOther = await operatorA.post(url(), eventBody({ organiserUnitId: unitB.id }));
    expect(forOther.statusCode).toBe(400);
    expect(errorOf(forOther).issues?.[0]?.field).toBe('body.organiserUnitId');

    const others = await createEvent(admin, { organiserUnitId: unitB.id });
    const read = await operatorA.get(url(`/${others.id}`));
    expect(read.statusCode).toBe(200);
    expect(json<EventDetail>(read).canManage).toBe(false);
    const edit = await operatorA.put(url(`/${others.id}`), {
      ...eventBody({ organiserUnitId: unitB.id, title: 'Diambil alih' }),
      version: others.version,
    });
    expect(edit.statusCode).toBe(403);
    expect((await operatorA.post(url(`/${others.id}/participants`), { kind: 'external', name: 'X', organisation: 'Y' })).statusCode).toBe(403);
    expect((await operatorA.delete(url(`/${others.id}`))).statusCode).toBe(403);
    expect((await operatorA.put(url(`/${others.id}/notes`), { notes: 'x', version: others.version })).statusCode).toBe(403);
    const after = json<EventDetail>(await admin.get(url(`/${others.id}`)));
    expect(after.title).toBe(others.title);
  });

  it('keeps juri out, lets verifikator and pimpinan read but not organise, and hides other regions', async () => {
    const e = await createEvent(admin);
    const juri = (await clientFor(t, 'juri', HOME)).client;
    expect((await juri.get(url())).statusCode).toBe(403);
    for (const role of ['verifikator', 'pimpinan'] as const) {
      const c = (await clientFor(t, role, HOME)).client;
      expect((await c.get(url(`/${e.id}`))).statusCode).toBe(200);
      expect((await c.post(url(), eventBody())).statusCode).toBe(403);
    }
    const foreign = (await clientFor(t, 'admin_daerah', OTHER)).client;
    expect((await foreign.get(url(`/${e.id}`))).statusCode).toBe(403);
    expect((await foreign.get(url(`/${e.id}`, OTHER))).statusCode).toBe(404);
  });

  it('refuses a stale edit and keeps the newer one', async () => {
    const e = await createEvent(admin);
    const first = await admin.put(url(`/${e.id}`), { ...eventBody({ title: 'Versi baru' }), version: e.version });
    expect(first.statusCode).toBe(200);
    const stale = await admin.put(url(`/${e.id}`), { ...eventBody({ title: 'Versi lama' }), version: e.version });
    expect(stale.statusCode).toBe(409);
    expect(json<EventDetail>(await admin.get(url(`/${e.id}`))).title).toBe('Versi baru');
  });
});

describe('participants', () => {
  it('registers a user, a named person of a unit and an outside guest, and counts them by unit and organisation', async () => {
    const e = await createEvent(admin, { capacity: 3 });
    const { user } = await clientFor(t, 'verifikator', HOME, unitB.id);
    const p1 = await register(admin, e.id, { kind: 'internal', userId: user.id });
    expect(p1).toMatchObject({ kind: 'internal', name: user.displayName, unitId: unitB.id, unitName: unitB.name, checkedInAt: null });
    expect(p1.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await register(admin, e.id, { kind: 'internal', unitId: unitA.id, name: 'Rina Marlina', position: 'Analis' });
    await register(admin, e.id, { kind: 'external', name: 'Budi Santoso', organisation: 'Universitas Bangka Belitung' });

    const dupUser = await admin.post(url(`/${e.id}/participants`), { kind: 'internal', userId: user.id });
    expect([400, 409]).toContain(dupUser.statusCode);
    const full = await admin.post(url(`/${e.id}/participants`), { kind: 'external', name: 'Citra', organisation: 'PT Timah' });
    expect(full.statusCode).toBe(409);
    expect(errorOf(full).code).toBe('EVENT_FULL');

    const detail = json<EventDetail>(await admin.get(url(`/${e.id}`)));
    expect(detail.participants).toBe(3);
    expect(detail.counts).toMatchObject({ internal: 2, external: 1 });
    expect(detail.counts.byOrganisation).toEqual([{ organisation: 'Universitas Bangka Belitung', participants: 1, attended: 0 }]);
    expect(detail.counts.byUnit.map((u) => u.unitId).sort()).toEqual([unitA.id, unitB.id].sort());
  });

  it('refuses the same person twice, a missing unit, and registration once closed', async () => {
    const e = await createEvent(admin);
    await register(admin, e.id, { kind: 'external', name: 'Dewi', organisation: 'PT Timah' });
    const twice = await admin.post(url(`/${e.id}/participants`), { kind: 'external', name: 'dewi', organisation: 'pt timah' });
    expect(twice.statusCode).toBe(400);
    expect(errorOf(twice).issues?.[0]?.field).toBe('body.name');
    const noUnit = await admin.post(url(`/${e.id}/participants`), { kind: 'internal', name: 'Tanpa Unit' });
    expect(errorOf(noUnit).issues?.[0]).toEqual({ field: 'body.unitId', reason: 'Unit peserta wajib dipilih' });
    await admin.put(url(`/${e.id}`), { ...eventBody({ title: e.title, isRegistrationOpen: false }), version: e.version });
    const closed = await admin.post(url(`/${e.id}/participants`), { kind: 'external', name: 'Eka', organisation: 'PT Timah' });
    expect(errorOf(closed).code).toBe('EVENT_REGISTRATION_CLOSED');
  });
});

describe('attendance by QR', () => {
  it('counts a participant once when the link is opened, retried with the same key, and scanned again', async () => {
    const e = await createEvent(admin);
    const p = await register(admin, e.id, { kind: 'external', name: 'Fajar Hidayat', organisation: 'Komunitas Babel Digital' });
    const visitor = anonymous(t.app);
    const ticket = await visitor.get(`/api/v1/public/event-checkin/${tokenOf(p)}`);
    expect(ticket.statusCode).toBe(200);
    expect(json<{ name: string; checkedInAt: string | null }>(ticket)).toMatchObject({ name: 'Fajar Hidayat', checkedInAt: null });

    const key = { 'idempotency-key': `scan-${randomUUID()}` };
    const first = await visitor.request('POST', `/api/v1/public/event-checkin/${tokenOf(p)}`, {}, key);
    expect(first.statusCode, first.body).toBe(200);
    expect(json<CheckinResult>(first).status).toBe('checked_in');
    const retry = await visitor.request('POST', `/api/v1/public/event-checkin/${tokenOf(p)}`, {}, key);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const second = await visitor.post(`/api/v1/public/event-checkin/${tokenOf(p)}`);
    expect(json<CheckinResult>(second).status).toBe('already');
    expect(json<CheckinResult>(second).checkedInAt).toBe(json<CheckinResult>(first).checkedInAt);

    const detail = json<EventDetail>(await admin.get(url(`/${e.id}`)));
    expect(detail.attended).toBe(1);
  });

  it('counts exactly one of many simultaneous scans', async () => {
    const e = await createEvent(admin);
    const p = await register(admin, e.id, { kind: 'internal', unitId: unitA.id, name: 'Gita Lestari' });
    const visitor = anonymous(t.app);
    const answers = await Promise.all(Array.from({ length: 8 }, () => visitor.post(`/api/v1/public/event-checkin/${tokenOf(p)}`)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200));
    const statuses = answers.map((a) => json<CheckinResult>(a).status);
    expect(statuses.filter((s) => s === 'checked_in')).toHaveLength(1);
    const list = json<{ items: Participant[] }>(await admin.get(url(`/${e.id}/participants?attendance=hadir`)));
    expect(list.items).toHaveLength(1);
    expect(json<EventDetail>(await admin.get(url(`/${e.id}`))).attended).toBe(1);
  });

  it('lets the organiser enter the short code or the scanned link, once, for this event only', async () => {
    const e = await createEvent(admin);
    const other = await createEvent(admin);
    const p = await register(admin, e.id, { kind: 'external', name: 'Hendra', organisation: 'PT Timah' });
    const q = await register(admin, other.id, { kind: 'external', name: 'Indah', organisation: 'PT Timah' });
    const byCode = await admin.post(url(`/${e.id}/checkin`), { code: p.code.toLowerCase().replace('-', '') });
    expect(json<CheckinResult>(byCode)).toMatchObject({ status: 'checked_in', name: 'Hendra' });
    const byLink = await admin.post(url(`/${e.id}/checkin`), { code: `https://sinergi.example${p.checkinPath}` });
    expect(json<CheckinResult>(byLink).status).toBe('already');
    const wrongEvent = await admin.post(url(`/${e.id}/checkin`), { code: q.code });
    expect(wrongEvent.statusCode).toBe(404);
    expect(errorOf(wrongEvent).code).toBe('CHECKIN_NOT_FOUND');
  });

  it('refuses a self check-in far from the event day and an unknown link, but the organiser may tick it', async () => {
    const e = await createEvent(admin, { startsAt: '2035-05-01T09:00:00+07:00', endsAt: '2035-05-01T12:00:00+07:00' });
    const p = await register(admin, e.id, { kind: 'external', name: 'Joko', organisation: 'PT Timah' });
    const early = await anonymous(t.app).post(`/api/v1/public/event-checkin/${tokenOf(p)}`);
    expect(early.statusCode).toBe(409);
    expect(errorOf(early).code).toBe('EVENT_CHECKIN_CLOSED');
    const unknown = await anonymous(t.app).post(`/api/v1/public/event-checkin/${'x'.repeat(32)}`);
    expect(errorOf(unknown).code).toBe('CHECKIN_NOT_FOUND');
    const ticked = await admin.put(url(`/${e.id}/participants/${p.id}/attendance`), { isPresent: true });
    expect(json<Participant>(ticked)).toMatchObject({ checkedInVia: 'manual' });
    expect(json<Participant>(ticked).checkedInAt).not.toBeNull();
  });
});

describe('the public list of events', () => {
  it('gives counts and never a participant name, e-mail or token', async () => {
    const e = await createEvent(admin, { startsAt: '2034-06-15T09:00:00+07:00', endsAt: '2034-06-15T12:00:00+07:00' });
    const p = await register(admin, e.id, { kind: 'external', name: 'Kartika Sari Rahasia', organisation: 'PT Timah', email: 'kartika@example.com' });
    const res = await anonymous(t.app).get(`/api/v1/public/regions/${HOME}/events?year=2034`);
    expect(res.statusCode).toBe(200);
    const body = json<{ items: { id: string; participants: number; place: string }[] }>(res);
    expect(body.items.find((i) => i.id === e.id)).toEqual({
      id: e.id,
      title: e.title,
      kind: 'bimtek',
      topic: 'inovasi_daerah',
      startsAt: new Date('2034-06-15T02:00:00Z').toISOString(),
      place: 'Balai Besar Betason',
      participants: 1,
    });
    expect(res.body).not.toContain('Kartika');
    expect(res.body).not.toContain('kartika@example.com');
    expect(res.body).not.toContain(tokenOf(p));
    expect(res.body).not.toContain(p.code);
    expect((await anonymous(t.app).get('/api/v1/public/regions/99.99/events')).statusCode).toBe(404);
  });
});

async function sheet(rows: (string | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Peserta');
  for (const row of rows) ws.addRow(row);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('importing a participant list', () => {
  it('reports bad rows in a dry run, writes nothing with errors, and imports a clean list skipping those registered', async () => {
    const e = await createEvent(admin);
    await register(admin, e.id, { kind: 'external', name: 'Lina', organisation: 'PT Timah' });
    const header = ['Nama', 'Jenis', 'Unit', 'Instansi/organisasi', 'Jabatan', 'Surel', 'Telepon'];
    const bad = await sheet([
      header,
      ['Made Wirawan', 'Internal', unitA.shortName, null, 'Kepala Bidang', null, null],
      ['Nur Aini', 'Internal', 'Dinas Yang Tidak Ada', null, null, null, null],
      [null, 'Eksternal', null, 'PT Timah', null, null, null],
      ['Oki', 'Eksternal', null, 'Universitas Bangka Belitung', null, 'bukan-surel', null],
      ['Made Wirawan', 'Internal', unitA.shortName, null, null, null, null],
      ['Lina', 'Eksternal', null, 'PT Timah', null, null, null],
    ]);
    const importUrl = (dryRun: boolean) => url(`/${e.id}/participants/import?dryRun=${dryRun}`);
    const dry = await admin.request('POST', importUrl(true), bad, { 'content-type': XLSX_MIME });
    expect(dry.statusCode, dry.body).toBe(200);
    const report = json<{ created: number; skipped: number; errors: { row: number; field: string; reason: string }[] }>(dry);
    expect(report.created).toBe(1);
    expect(report.skipped).toBe(1);
    expect(report.errors.map((x) => [x.row, x.field])).toEqual([
      [3, 'Unit'],
      [4, 'Nama'],
      [5, 'Surel'],
      [6, 'Nama'],
    ]);
    expect(report.errors[0]?.reason).toContain('Dinas Yang Tidak Ada');
    const refused = await admin.request('POST', importUrl(false), bad, { 'content-type': XLSX_MIME });
    expect(refused.statusCode).toBe(400);
    expect(json<EventDetail>(await admin.get(url(`/${e.id}`))).participants).toBe(1);

    const good = await sheet([
      header,
      ['Made Wirawan', 'Internal', unitA.shortName, null, 'Kepala Bidang', null, null],
      ['Lina', null, null, 'PT Timah', null, null, null],
    ]);
    const done = await admin.request('POST', importUrl(false), good, { 'content-type': XLSX_MIME });
    expect(json<{ created: number; skipped: number }>(done)).toMatchObject({ created: 1, skipped: 1 });
    const after = json<EventDetail>(await admin.get(url(`/${e.id}`)));
    expect(after.participants).toBe(2);
    expect(after.counts.byUnit).toEqual([{ unitId: unitA.id, unitName: unitA.name, participants: 1, attended: 0 }]);
  });
});

describe('documents', () => {
  it('prints every participant with their unit or organisation in the attendance list, and a certificate for one who came', async () => {
    const e = await createEvent(admin, { title: 'Bimtek Penyusunan Masterplan Kota Cerdas' });
    const came = await register(admin, e.id, { kind: 'internal', unitId: unitA.id, name: 'Putri Ayu Lestari' });
    const absent = await register(admin, e.id, { kind: 'external', name: 'Qori Ramadhan', organisation: 'Universitas Bangka Belitung' });
    await admin.post(url(`/${e.id}/checkin`), { code: came.code });

    const pdf = await admin.get(url(`/${e.id}/attendance.pdf`));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('DAFTAR HADIR');
    expect(text).toContain('Putri Ayu Lestari');
    expect(text).toContain('Qori Ramadhan');
    expect(text).toContain('Universitas Bangka Belitung');
    expect(text).toContain(unitA.name);
    expect(text).toContain('Tanda tangan');

    const cert = await admin.get(url(`/${e.id}/participants/${came.id}/certificate.pdf`));
    expect(cert.statusCode).toBe(200);
    const certText = pdfText(cert.rawPayload);
    expect(certText).toContain('Putri Ayu Lestari');
    expect(certText).toContain('Bimtek Penyusunan Masterplan Kota Cerdas');
    expect(certText).toContain(came.code);
    const none = await admin.get(url(`/${e.id}/participants/${absent.id}/certificate.pdf`));
    expect(none.statusCode).toBe(400);

    const check = await anonymous(t.app).get(`/api/v1/public/event-certificates/${came.code}`);
    expect(json<{ name: string; attended: boolean }>(check)).toMatchObject({ name: 'Putri Ayu Lestari', attended: true });
  });
});

describe('notulen, follow-ups and deleting', () => {
  it('tracks a follow-up to done only with its evidence, and keeps an event with attendance', async () => {
    const e = await createEvent(operatorA);
    const notes = await operatorA.put(url(`/${e.id}/notes`), { notes: 'Setiap OPD mengusulkan minimal satu inovasi.', version: e.version });
    expect(json<EventDetail>(notes).notes).toBe('Setiap OPD mengusulkan minimal satu inovasi.');
    const added = await operatorA.post(url(`/${e.id}/follow-ups`), { action: 'Kirim usulan inovasi', ownerUnitId: unitB.id, dueOn: '2020-01-31' });
    expect(added.statusCode, added.body).toBe(201);
    const followUp = json<EventDetail>(added).followUps[0];
    expect(followUp).toMatchObject({ status: 'open', isOverdue: true, ownerUnitName: unitB.name });
    if (!followUp) return;
    const withoutEvidence = await operatorA.put(url(`/${e.id}/follow-ups/${followUp.id}`), {
      action: followUp.action,
      ownerUnitId: unitB.id,
      dueOn: followUp.dueOn,
      status: 'done',
      version: followUp.version,
    });
    expect(errorOf(withoutEvidence).issues?.[0]?.field).toBe('body.evidence');
    const done = await operatorA.put(url(`/${e.id}/follow-ups/${followUp.id}`), {
      action: followUp.action,
      ownerUnitId: unitB.id,
      dueOn: followUp.dueOn,
      status: 'done',
      evidence: 'Nota dinas 12/2025',
      version: followUp.version,
    });
    expect(json<EventDetail>(done).followUps[0]).toMatchObject({ status: 'done', isOverdue: false });

    const p = await register(operatorA, e.id, { kind: 'external', name: 'Rudi', organisation: 'PT Timah' });
    await operatorA.put(url(`/${e.id}/participants/${p.id}/attendance`), { isPresent: true });
    const del = await operatorA.delete(url(`/${e.id}`));
    expect(del.statusCode).toBe(409);
    expect(errorOf(del).code).toBe('EVENT_HAS_ATTENDANCE');
    const empty = await createEvent(operatorA);
    expect((await operatorA.delete(url(`/${empty.id}`))).statusCode).toBe(204);
    expect((await operatorA.get(url(`/${empty.id}`))).statusCode).toBe(404);
  });
});

describe('evidence for the indices', () => {
  it("attaches a bimtek's attendance list and its link to a smart-city evaluation item, once", async () => {
    const versions = json<{ items: { id: string; frameworkId: string; origin: string }[] }>(
      await admin.get(`/api/v1/regions/${HOME}/framework-versions`),
    );
    const smartcity = versions.items.find((v) => v.frameworkId === 'smartcity-2021' && v.origin === 'shipped');
    expect(smartcity).toBeDefined();
    const created = await admin.post(`/api/v1/regions/${HOME}/assessments`, { frameworkVersionId: smartcity?.id, year: 2030 });
    expect(created.statusCode, created.body).toBe(201);
    const e = await createEvent(admin, { title: 'Bimtek Masterplan Smart City' });
    await register(admin, e.id, { kind: 'internal', unitId: unitA.id, name: 'Sinta Dewi' });

    const targets = json<{ assessmentItems: { itemId: string; indicatorId: string; frameworkId: string; attached: boolean }[] }>(
      await admin.get(url(`/${e.id}/index-evidence/targets`)),
    );
    const outcome = targets.assessmentItems.find((i) => i.frameworkId === 'smartcity-2021' && i.indicatorId === 'outcome');
    expect(outcome).toMatchObject({ attached: false });
    expect(targets.assessmentItems.some((i) => i.indicatorId === 'baseline')).toBe(false);
    if (!outcome) return;
    const target = { kind: 'assessment_item', assessmentId: json<{ id: string }>(created).id, itemId: outcome.itemId };
    const attached = await admin.post(url(`/${e.id}/index-evidence`), { target });
    expect(attached.statusCode, attached.body).toBe(201);
    expect(json<{ title: string }>(attached).title).toContain('Bimtek Masterplan Smart City');
    const again = await admin.post(url(`/${e.id}/index-evidence`), { target });
    expect(again.statusCode).toBe(409);
    const after = json<{ assessmentItems: { itemId: string; attached: boolean }[] }>(await admin.get(url(`/${e.id}/index-evidence/targets`)));
    expect(after.assessmentItems.find((i) => i.itemId === outcome.itemId)?.attached).toBe(true);

    const rakor = await createEvent(admin, { kind: 'rakor' });
    const refused = await admin.post(url(`/${rakor.id}/index-evidence`), { target });
    expect(refused.statusCode).toBe(400);
  });
});
