/**
 * Smart-city councils through the HTTP API on a real database: a Dewan Smart City formed by an SK
 * (the latest one in force, its document an attachment), members from the platform and from outside,
 * meetings with notulen and follow-ups tracked from terbuka to selesai (overdue ones flagged), Indonesian
 * validation that leaves nothing half-written, every write audited, and readers who may not write.
 */
import { and, count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouncilDetail, CouncilSummary, FollowUp } from '#shared/api/councils.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { auditLog, councilFollowUps, councilMembers, councils } from '#server/db/schema.ts';
import { makePdf } from '../../../../test/support/files.ts';
import { type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const OTHER = '62.71';

let t: TestApp;
let admin: Client;
let operator: Client;
let pimpinan: Client;
let foreignAdmin: Client;
let unitId: string;
let operatorUserId: string;
let council: CouncilDetail;

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const base = (region = HOME) => `/api/v1/regions/${region}/councils`;

beforeAll(async () => {
  t = await startTestApp();
  unitId = (await makeUnit(t.db, HOME, { name: 'Dinas Komunikasi dan Informatika Uji' })).id;
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  const op = await clientFor(t, 'operator', HOME, unitId);
  operator = op.client;
  operatorUserId = op.user.id;
  pimpinan = (await clientFor(t, 'pimpinan', HOME)).client;
  foreignAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
});
afterAll(() => t.close());

async function auditCount(action: string, entityId: string): Promise<number> {
  const [row] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
  return row?.n ?? 0;
}

describe('councils', () => {
  it('are formed by an admin and audited', async () => {
    const res = await admin.post(base(), { kind: 'dewan_smart_city', name: 'Dewan Smart City Uji', description: 'Pengarah kota cerdas' });
    expect(res.statusCode, res.body).toBe(201);
    council = json<CouncilDetail>(res);
    expect(council).toMatchObject({ kind: 'dewan_smart_city', memberCount: 0, currentDecree: null, canManage: true });
    expect(await auditCount('council.created', council.id)).toBe(1);
  });

  it('refuses a bad kind and an empty name in Indonesian, writing nothing', async () => {
    const before = await t.db.select({ n: count() }).from(councils);
    const res = await admin.post(base(), { kind: 'paguyuban', name: '  ' });
    expect(res.statusCode).toBe(400);
    const fields = errorOf(res).issues?.map((i) => [i.field, i.reason]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['body.kind', 'Jenis harus dewan_smart_city, tim_pelaksana atau forum'],
        ['body.name', 'Nama wajib diisi'],
      ]),
    );
    expect(await t.db.select({ n: count() }).from(councils)).toEqual(before);
  });

  it('may be read but not written by an operator or a pimpinan', async () => {
    const list = await operator.get(base());
    expect(list.statusCode).toBe(200);
    expect(json<{ canManage: boolean }>(list).canManage).toBe(false);
    expect((await pimpinan.get(`${base()}/${council.id}`)).statusCode).toBe(200);
    expect((await operator.post(base(), { kind: 'forum', name: 'Forum Operator' })).statusCode).toBe(403);
    expect((await operator.post(`${base()}/${council.id}/members`, { name: 'X', organisation: 'Y', role: 'anggota' })).statusCode).toBe(403);
    expect((await pimpinan.delete(`${base()}/${council.id}`)).statusCode).toBe(403);
  });

  it('are not visible from another region', async () => {
    expect((await foreignAdmin.get(`${base()}/${council.id}`)).statusCode).toBe(403);
    expect((await foreignAdmin.get(`${base(OTHER)}/${council.id}`)).statusCode).toBe(404);
    expect((await foreignAdmin.put(`${base(OTHER)}/${council.id}`, { kind: 'forum', name: 'Diambil alih' })).statusCode).toBe(404);
  });
});

describe('decrees', () => {
  it('keep their history; the latest by date is in force', async () => {
    let res = await admin.post(`${base()}/${council.id}/decrees`, { number: '188.45/120/DISKOMINFO/2022', decreeDate: '2022-03-14' });
    expect(res.statusCode, res.body).toBe(200);
    res = await admin.post(`${base()}/${council.id}/decrees`, {
      number: '188.45/77/DISKOMINFO/2024',
      decreeDate: '2024-02-01',
      note: 'Pembaruan susunan',
    });
    council = json<CouncilDetail>(res);
    expect(council.currentDecree?.number).toBe('188.45/77/DISKOMINFO/2024');
    expect(council.decrees.map((d) => [d.number, d.isCurrent])).toEqual([
      ['188.45/77/DISKOMINFO/2024', true],
      ['188.45/120/DISKOMINFO/2022', false],
    ]);
    const bad = await admin.post(`${base()}/${council.id}/decrees`, { number: '', decreeDate: '14-03-2022' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).issues?.map((i) => i.reason)).toEqual(
      expect.arrayContaining(['Nomor SK wajib diisi', 'Tanggal SK harus berformat YYYY-MM-DD']),
    );
  });

  it('carry their document as an attachment, downloadable by readers', async () => {
    const decreeId = council.decrees[0]?.id ?? '';
    const up = await admin.request('POST', `${base()}/${council.id}/decrees/${decreeId}/documents`, makePdf('SK Dewan'), {
      'content-type': 'application/pdf',
      'x-file-name': 'sk-dewan-2024.pdf',
    });
    expect(up.statusCode, up.body).toBe(201);
    const doc = json<{ id: string }>(up);
    const down = await pimpinan.get(`${base()}/${council.id}/decrees/${decreeId}/documents/${doc.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const detail = json<CouncilDetail>(await pimpinan.get(`${base()}/${council.id}`));
    expect(detail.decrees[0]?.documents.map((d) => d.fileName)).toEqual(['sk-dewan-2024.pdf']);
    expect(await auditCount('council_decree.document_added', doc.id)).toBe(1);
  });
});

describe('members', () => {
  it('are platform users or outside people with their organisation, chair first', async () => {
    let res = await admin.post(`${base()}/${council.id}/members`, {
      name: 'Dr. Rina Kartika',
      organisation: 'Universitas Bangka Belitung',
      position: 'Dosen',
      role: 'anggota',
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await admin.post(`${base()}/${council.id}/members`, { userId: operatorUserId, position: 'Kepala Dinas', role: 'ketua' });
    expect(res.statusCode, res.body).toBe(200);
    council = json<CouncilDetail>(res);
    expect(council.memberCount).toBe(2);
    expect(council.members.map((m) => [m.role, m.isExternal, m.organisation])).toEqual([
      ['ketua', false, null],
      ['anggota', true, 'Universitas Bangka Belitung'],
    ]);
  });

  it('refuse an outside person without organisation, both kinds at once, a user twice or from another region', async () => {
    const before = await t.db.select({ n: count() }).from(councilMembers);
    let res = await admin.post(`${base()}/${council.id}/members`, { name: 'Tanpa Organisasi', role: 'anggota' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toContainEqual({ field: 'body.organisation', reason: 'Organisasi anggota dari luar wajib diisi' });
    res = await admin.post(`${base()}/${council.id}/members`, { userId: operatorUserId, name: 'Dobel', role: 'anggota' });
    expect(errorOf(res).issues).toContainEqual({ field: 'body.name', reason: 'Pilih pengguna atau isi nama orang luar, bukan keduanya' });
    res = await admin.post(`${base()}/${council.id}/members`, { userId: operatorUserId, role: 'anggota' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toContainEqual({ field: 'userId', reason: 'Pengguna ini sudah menjadi anggota' });
    const foreign = await clientFor(t, 'operator', OTHER);
    res = await admin.post(`${base()}/${council.id}/members`, { userId: foreign.user.id, role: 'anggota' });
    expect(errorOf(res).issues).toContainEqual({ field: 'userId', reason: 'Pengguna tidak ditemukan di daerah ini' });
    res = await admin.post(`${base()}/${council.id}/members`, { name: 'X', organisation: 'Y', role: 'bendahara' });
    expect(errorOf(res).issues?.[0]?.reason).toBe('Peran harus ketua, wakil_ketua, sekretaris, anggota atau narasumber');
    expect(await t.db.select({ n: count() }).from(councilMembers)).toEqual(before);
  });
});

describe('meetings and follow-ups', () => {
  let meetingId: string;

  it('records a meeting with notulen, and its follow-ups with a unit or a member responsible', async () => {
    let res = await admin.post(`${base()}/${council.id}/meetings`, {
      meetingDate: '2025-03-10',
      place: 'Ruang Rapat Wali Kota',
      agenda: 'Evaluasi quick win tahap I',
      minutes: 'Rapat dibuka pukul 09.00.',
      decisions: 'Percepat integrasi layanan.',
    });
    expect(res.statusCode, res.body).toBe(200);
    council = json<CouncilDetail>(res);
    meetingId = council.meetings[0]?.id ?? '';
    const external = council.members.find((m) => m.isExternal)?.id;
    res = await admin.post(`${base()}/${council.id}/meetings/${meetingId}/follow-ups`, {
      action: 'Susun kajian integrasi data',
      responsibleMemberId: external,
      dueDate: '2025-04-30',
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await admin.post(`${base()}/${council.id}/meetings/${meetingId}/follow-ups`, {
      action: 'Anggarkan pusat data di APBD Perubahan',
      responsibleUnitId: unitId,
      dueDate: '2999-12-31',
    });
    council = json<CouncilDetail>(res);
    const followUps = council.meetings[0]?.followUps ?? [];
    expect(followUps.map((f) => [f.action, f.status, f.isOverdue, f.responsibleUnit?.name ?? f.responsibleMember?.name])).toEqual([
      ['Susun kajian integrasi data', 'terbuka', true, 'Dr. Rina Kartika'],
      ['Anggarkan pusat data di APBD Perubahan', 'terbuka', false, 'Dinas Komunikasi dan Informatika Uji'],
    ]);
    expect(council.openFollowUps).toBe(2);
    expect(council.overdueFollowUps).toBe(1);
    const up = await admin.request('POST', `${base()}/${council.id}/meetings/${meetingId}/notulen`, makePdf('Notulen'), {
      'content-type': 'application/pdf',
      'x-file-name': 'notulen-maret.pdf',
    });
    expect(up.statusCode, up.body).toBe(201);
  });

  it('refuses a follow-up with no or two responsible parties, or due before its meeting', async () => {
    const before = await t.db.select({ n: count() }).from(councilFollowUps);
    let res = await admin.post(`${base()}/${council.id}/meetings/${meetingId}/follow-ups`, {
      action: 'Tanpa penanggung jawab',
      dueDate: '2025-05-01',
    });
    expect(errorOf(res).issues).toContainEqual({ field: 'body.responsibleUnitId', reason: 'Pilih satu penanggung jawab: unit atau anggota' });
    res = await admin.post(`${base()}/${council.id}/meetings/${meetingId}/follow-ups`, {
      action: 'Mundur',
      responsibleUnitId: unitId,
      dueDate: '2025-01-01',
    });
    expect(errorOf(res).issues).toContainEqual({ field: 'dueDate', reason: 'Batas waktu tidak boleh sebelum tanggal rapat' });
    const otherUnit = await makeUnit(t.db, OTHER);
    res = await admin.post(`${base()}/${council.id}/meetings/${meetingId}/follow-ups`, {
      action: 'Unit asing',
      responsibleUnitId: otherUnit.id,
      dueDate: '2025-05-01',
    });
    expect(errorOf(res).issues).toContainEqual({ field: 'responsibleUnitId', reason: 'Unit tidak ditemukan di daerah ini' });
    expect(await t.db.select({ n: count() }).from(councilFollowUps)).toEqual(before);
  });

  it('moves a follow-up from terbuka to selesai with its date, refuses it twice, and reopens it', async () => {
    const overdue = council.meetings[0]?.followUps.find((f) => f.isOverdue);
    if (!overdue) throw new Error('no overdue follow-up');
    const early = await admin.post(`${base()}/${council.id}/follow-ups/${overdue.id}/done`, { doneOn: '2025-03-01' });
    expect(errorOf(early).issues).toContainEqual({ field: 'doneOn', reason: 'Tanggal selesai tidak boleh sebelum tanggal rapat' });
    const future = await admin.post(`${base()}/${council.id}/follow-ups/${overdue.id}/done`, { doneOn: '2999-01-01' });
    expect(errorOf(future).issues).toContainEqual({ field: 'doneOn', reason: 'Tanggal selesai tidak boleh di masa depan' });
    expect((await operator.post(`${base()}/${council.id}/follow-ups/${overdue.id}/done`, { doneOn: '2025-04-20' })).statusCode).toBe(403);

    const done = await admin.post(`${base()}/${council.id}/follow-ups/${overdue.id}/done`, { doneOn: '2025-04-20' });
    expect(done.statusCode, done.body).toBe(200);
    council = json<CouncilDetail>(done);
    const after = council.meetings[0]?.followUps.find((f) => f.id === overdue.id);
    expect(after).toMatchObject({ status: 'selesai', doneOn: '2025-04-20', isOverdue: false });
    expect([council.openFollowUps, council.overdueFollowUps]).toEqual([1, 0]);
    expect(await auditCount('council_follow_up.done', overdue.id)).toBe(1);

    const again = await admin.post(`${base()}/${council.id}/follow-ups/${overdue.id}/done`, { doneOn: '2025-04-21' });
    expect(again.statusCode).toBe(409);
    const open = json<{ items: FollowUp[] }>(await pimpinan.get(`${base()}/follow-ups?status=terbuka`));
    expect(open.items.map((f) => f.action)).toEqual(['Anggarkan pusat data di APBD Perubahan']);

    const reopened = await admin.post(`${base()}/${council.id}/follow-ups/${overdue.id}/reopen`);
    expect(reopened.statusCode).toBe(200);
    const row = json<CouncilDetail>(reopened).meetings[0]?.followUps.find((f) => f.id === overdue.id);
    expect(row).toMatchObject({ status: 'terbuka', doneOn: null, isOverdue: true });
    expect(await auditCount('council_follow_up.reopened', overdue.id)).toBe(1);
  });

  it('edits the council, a member, an SK, a meeting and a follow-up, each audited with before and after', async () => {
    let res = await admin.put(`${base()}/${council.id}`, { kind: 'dewan_smart_city', name: 'Dewan Smart City Kota Uji', description: '' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<CouncilDetail>(res).name).toBe('Dewan Smart City Kota Uji');
    const external = council.members.find((m) => m.isExternal);
    res = await admin.put(`${base()}/${council.id}/members/${external?.id}`, {
      name: 'Dr. Rina Kartika, M.Kom.',
      organisation: 'Universitas Bangka Belitung',
      role: 'wakil_ketua',
    });
    expect(json<CouncilDetail>(res).members.map((m) => [m.name, m.role])).toContainEqual(['Dr. Rina Kartika, M.Kom.', 'wakil_ketua']);
    const oldest = council.decrees[1];
    res = await admin.put(`${base()}/${council.id}/decrees/${oldest?.id}`, { number: oldest?.number, decreeDate: '2025-01-10' });
    // Moving the older SK past the other makes it the one in force.
    expect(json<CouncilDetail>(res).currentDecree?.id).toBe(oldest?.id);
    res = await admin.put(`${base()}/${council.id}/meetings/${meetingId}`, {
      meetingDate: '2025-03-10',
      place: 'Command Center',
      agenda: 'Evaluasi quick win tahap I',
    });
    expect(json<CouncilDetail>(res).meetings[0]?.place).toBe('Command Center');
    const open = council.meetings[0]?.followUps.find((f) => f.action === 'Anggarkan pusat data di APBD Perubahan');
    res = await admin.put(`${base()}/${council.id}/follow-ups/${open?.id}`, {
      action: open?.action,
      responsibleMemberId: external?.id,
      dueDate: '2025-03-31',
    });
    const edited = json<CouncilDetail>(res).meetings[0]?.followUps.find((f) => f.id === open?.id);
    expect(edited).toMatchObject({ responsibleUnit: null, responsibleMember: { id: external?.id }, isOverdue: true });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'council_follow_up.updated'), eq(auditLog.entityId, open?.id ?? '')));
    expect(entry?.before).toMatchObject({ responsibleUnitId: unitId, dueDate: '2999-12-31' });
    expect(entry?.after).toMatchObject({ responsibleMemberId: external?.id, dueDate: '2025-03-31' });
    council = json<CouncilDetail>(res);
  });

  it('keeps a member who is responsible for a follow-up, and a council that has meetings', async () => {
    const external = council.members.find((m) => m.isExternal);
    const res = await admin.delete(`${base()}/${council.id}/members/${external?.id}`);
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).issues?.[0]?.reason).toBe('Anggota ini penanggung jawab tindak lanjut; alihkan tindak lanjutnya dahulu');
    const del = await admin.delete(`${base()}/${council.id}`);
    expect(del.statusCode).toBe(409);
    expect((await admin.get(`${base()}/${council.id}`)).statusCode).toBe(200);
  });

  it('deletes a meeting with its follow-ups and notulen, then the council once its SKs are gone', async () => {
    let res = await admin.delete(`${base()}/${council.id}/meetings/${meetingId}`);
    expect(res.statusCode, res.body).toBe(200);
    council = json<CouncilDetail>(res);
    expect([council.meetings.length, council.openFollowUps]).toEqual([0, 0]);
    expect(await auditCount('council_meeting.removed', meetingId)).toBe(1);
    for (const d of council.decrees) {
      res = await admin.delete(`${base()}/${council.id}/decrees/${d.id}`);
      expect(res.statusCode).toBe(200);
    }
    const del = await admin.delete(`${base()}/${council.id}`);
    expect(del.statusCode).toBe(204);
    expect(await auditCount('council.deleted', council.id)).toBe(1);
    const list = json<{ items: CouncilSummary[] }>(await admin.get(base()));
    expect(list.items.map((c) => c.id)).not.toContain(council.id);
  });
});
