/**
 * The service catalogue through the HTTP API: adding and editing services with their standar
 * pelayanan, the field messages, an operator's view of their own unit only, optimistic locking,
 * refusing to delete a service with survey answers or complaints, the audit trail, and the XLSX
 * template, dry run, import and export round trip.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditItem } from '#shared/api/audit.ts';
import type { Service } from '#shared/api/services.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { complaintCategories, complaints, services, skmPeriods, skmResponses } from '#server/db/schema.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const OTHER = '62.71';

let t: TestApp;
let admin: Client;
let unitA: { id: string; name: string; shortName: string | null };
let unitB: { id: string; name: string; shortName: string | null };
let operatorA: Client;

interface ServiceList {
  items: Service[];
  total: number;
}
interface ImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  errors: { row: number; field: string; reason: string }[];
}

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const uniq = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;
const url = (region = HOME) => `/api/v1/regions/${region}/services`;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  unitA = await makeUnit(t.db, HOME, { name: uniq('Dinas Kependudukan Uji'), shortName: uniq('DKU') });
  unitB = await makeUnit(t.db, HOME, { name: uniq('Dinas Perhubungan Uji'), shortName: uniq('DHU') });
  operatorA = (await clientFor(t, 'operator', HOME, unitA.id)).client;
});
afterAll(() => t.close());

async function create(client: Client, body: Record<string, unknown>, region = HOME): Promise<Service> {
  const res = await client.post(url(region), body);
  expect(res.statusCode, res.body).toBe(201);
  return json<Service>(res);
}

async function auditFor(entityId: string, action: string): Promise<AuditItem[]> {
  const res = await admin.get(`/api/v1/regions/${HOME}/audit?action=${action}&q=${entityId}`);
  expect(res.statusCode).toBe(200);
  return json<{ items: AuditItem[] }>(res).items;
}

describe('adding and editing a service', () => {
  it('takes just a name and a unit, with the standard components empty and the channel offline', async () => {
    const name = uniq('Penerbitan Akta Kelahiran');
    const s = await create(admin, { name, unitId: unitA.id });
    expect(s).toMatchObject({
      name,
      unitId: unitA.id,
      unitName: unitA.name,
      regionCode: HOME,
      channel: 'offline',
      onlineUrl: null,
      isActive: true,
      isDigital: false,
      requirements: '',
      applicationNames: [],
      version: 1,
    });
    const got = json<Service>(await admin.get(`${url()}/${s.id}`));
    expect(got.name).toBe(name);
    expect((await auditFor(s.id, 'service.created')).length).toBe(1);
  });

  it('stores the standar pelayanan texts and the online address', async () => {
    const s = await create(admin, {
      name: uniq('KTP-el'),
      unitId: unitA.id,
      category: 'Administrasi kependudukan',
      channel: 'keduanya',
      onlineUrl: 'https://dukcapil.example.go.id/ktp',
      isDigital: true,
      requirements: 'Fotokopi KK',
      procedure: 'Datang ke loket',
      duration: '1 hari kerja',
      cost: 'Tidak dipungut biaya',
      product: 'KTP-el',
      complaintHandling: 'SP4N-LAPOR!',
    });
    expect(s).toMatchObject({ channel: 'keduanya', onlineUrl: 'https://dukcapil.example.go.id/ktp', isDigital: true, cost: 'Tidak dipungut biaya' });
  });

  it('names the field when the input is wrong', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: '', unitId: unitA.id }, 'body.name', /Nama layanan wajib diisi/],
      [{ name: 'X' }, 'body.unitId', /Unit pelayanan wajib dipilih/],
      [{ name: 'X', unitId: unitA.id, channel: 'pos' }, 'body.channel', /online, offline atau keduanya/],
      [{ name: 'X', unitId: unitA.id, channel: 'online' }, 'body.onlineUrl', /wajib mencantumkan alamatnya/],
      [{ name: 'X', unitId: unitA.id, channel: 'online', onlineUrl: 'ftp://x.id' }, 'body.onlineUrl', /URL http/],
      [{ name: 'X', unitId: randomUUID() }, 'body.unitId', /tidak ditemukan di daerah ini/],
    ];
    for (const [body, field, reason] of cases) {
      const res = await admin.post(url(), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const issue = errorOf(res).issues?.find((i) => i.field === field);
      expect(issue?.reason, `${JSON.stringify(body)} ${res.body}`).toMatch(reason);
    }
  });

  it('refuses a unit of another region', async () => {
    const foreign = await makeUnit(t.db, OTHER);
    const res = await admin.post(url(), { name: 'X', unitId: foreign.id });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues?.[0]).toMatchObject({ field: 'body.unitId' });
  });

  it('keeps names unique per unit, ignoring case, but lets another unit use the same name', async () => {
    const name = uniq('Pemeriksaan Umum');
    await create(admin, { name, unitId: unitA.id });
    const res = await admin.post(url(), { name: name.toUpperCase(), unitId: unitA.id });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toEqual([{ field: 'body.name', reason: 'Nama layanan sudah dipakai di unit ini' }]);
    await create(admin, { name, unitId: unitB.id });
  });

  it('updates with the loaded version, refuses a stale one with 409, and drops the address of an offline service', async () => {
    const s = await create(admin, { name: uniq('Uji KIR'), unitId: unitB.id, channel: 'online', onlineUrl: 'https://kir.example.id' });
    const res = await admin.put(`${url()}/${s.id}`, {
      name: s.name,
      unitId: unitB.id,
      channel: 'offline',
      onlineUrl: 'https://kir.example.id',
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Service>(res)).toMatchObject({ version: 2, channel: 'offline', onlineUrl: null });
    const stale = await admin.put(`${url()}/${s.id}`, { name: 'Lain', unitId: unitB.id, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('STALE_VERSION');
    const audit = await auditFor(s.id, 'service.updated');
    expect(audit.length).toBe(1);
  });

  it('answers 404 for an unknown id', async () => {
    expect((await admin.get(`${url()}/${randomUUID()}`)).statusCode).toBe(404);
    expect((await admin.put(`${url()}/${randomUUID()}`, { name: 'X', unitId: unitA.id, version: 1 })).statusCode).toBe(404);
    expect((await admin.delete(`${url()}/${randomUUID()}`)).statusCode).toBe(404);
  });
});

describe('the list', () => {
  it('searches by word and by a fragment of the name, filters by unit, channel and activity, sorts and pages', async () => {
    const unit = await makeUnit(t.db, HOME, { name: uniq('Kecamatan Uji') });
    const tag = randomUUID().slice(0, 6);
    await create(admin, { name: `Surat Keterangan Domisili ${tag}`, unitId: unit.id });
    await create(admin, { name: `Surat Keterangan Usaha ${tag}`, unitId: unit.id, channel: 'online', onlineUrl: 'https://sku.example.id' });
    await create(admin, { name: `Legalisasi ${tag}`, unitId: unit.id, isActive: false, description: 'pengesahan dokumen kependudukan' });

    const list = (q: string) => admin.get(`${url()}?unitId=${unit.id}&${q}`).then((r) => json<ServiceList>(r));
    expect((await list('')).total).toBe(3);
    expect((await list('q=domisili')).items.map((s) => s.name)).toEqual([`Surat Keterangan Domisili ${tag}`]);
    expect((await list('q=ketera')).total).toBe(2); // a fragment, by ILIKE
    expect((await list('q=pengesahan')).items.map((s) => s.name)).toEqual([`Legalisasi ${tag}`]); // the description, by the vector
    expect((await list('channel=online')).items.map((s) => s.name)).toEqual([`Surat Keterangan Usaha ${tag}`]);
    expect((await list('active=tidak')).total).toBe(1);
    expect((await list('active=ya')).total).toBe(2);
    const desc = await list('sort=name&order=desc&pageSize=2');
    expect(desc.items.map((s) => s.name)).toEqual([`Surat Keterangan Usaha ${tag}`, `Surat Keterangan Domisili ${tag}`]);
    expect(desc.total).toBe(3);
    expect((await list('sort=name&order=desc&pageSize=2&page=2')).items.map((s) => s.name)).toEqual([`Legalisasi ${tag}`]);
  });
});

describe('who sees and edits what', () => {
  it("shows an operator their own unit's services only; another unit's is not there for them", async () => {
    const own = await create(admin, { name: uniq('Kartu Keluarga'), unitId: unitA.id });
    const other = await create(admin, { name: uniq('Izin Trayek'), unitId: unitB.id });
    const listed = json<ServiceList>(await operatorA.get(`${url()}?pageSize=200`));
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.items.every((s) => s.unitId === unitA.id)).toBe(true);
    expect(listed.items.map((s) => s.id)).toContain(own.id);
    expect((await operatorA.get(`${url()}/${own.id}`)).statusCode).toBe(200);
    expect((await operatorA.get(`${url()}/${other.id}`)).statusCode).toBe(404);
    expect((await operatorA.put(`${url()}/${other.id}`, { name: 'Diambil', unitId: unitA.id, version: 1 })).statusCode).toBe(404);
    expect((await operatorA.delete(`${url()}/${other.id}`)).statusCode).toBe(404);
    expect(json<Service>(await admin.get(`${url()}/${other.id}`)).name).toBe(other.name);
  });

  it("lets an operator add and edit their unit's services but not file one under another unit", async () => {
    const s = await create(operatorA, { name: uniq('Pindah Datang'), unitId: unitA.id });
    const res = await operatorA.put(`${url()}/${s.id}`, { name: s.name, unitId: unitA.id, duration: '1 hari', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect((await operatorA.post(url(), { name: 'X', unitId: unitB.id })).statusCode).toBe(403);
    const move = await operatorA.put(`${url()}/${s.id}`, { name: s.name, unitId: unitB.id, version: 2 });
    expect(move.statusCode).toBe(403);
    expect(json<Service>(await admin.get(`${url()}/${s.id}`)).unitId).toBe(unitA.id);
  });

  it('lets pimpinan read but not write, and shows another region nothing', async () => {
    const s = await create(admin, { name: uniq('Rekomendasi PBI'), unitId: unitB.id });
    const pimpinan = (await clientFor(t, 'pimpinan', HOME)).client;
    expect((await pimpinan.get(`${url()}/${s.id}`)).statusCode).toBe(200);
    expect((await pimpinan.post(url(), { name: 'X', unitId: unitB.id })).statusCode).toBe(403);
    expect((await pimpinan.delete(`${url()}/${s.id}`)).statusCode).toBe(403);

    const otherAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
    expect((await otherAdmin.get(`${url(OTHER)}/${s.id}`)).statusCode).toBe(404);
    expect(json<ServiceList>(await otherAdmin.get(url(OTHER))).items.map((x) => x.id)).not.toContain(s.id);
    expect((await otherAdmin.get(`${url(HOME)}/${s.id}`)).statusCode).toBe(403);
    expect((await otherAdmin.delete(`${url(OTHER)}/${s.id}`)).statusCode).toBe(404);
  });
});

describe('deleting a service', () => {
  it('deletes one without history, audited', async () => {
    const s = await create(admin, { name: uniq('Izin Reklame'), unitId: unitB.id });
    const res = await admin.delete(`${url()}/${s.id}`);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await admin.get(`${url()}/${s.id}`)).statusCode).toBe(404);
    expect((await auditFor(s.id, 'service.deleted')).length).toBe(1);
  });

  it('refuses one with survey answers, and one with complaints, naming what to do instead', async () => {
    const answered = await create(admin, { name: uniq('Poliklinik'), unitId: unitA.id });
    const complained = await create(admin, { name: uniq('IGD'), unitId: unitA.id });
    const year = 2000 + Math.floor(Math.random() * 90);
    const [period] = await t.db
      .insert(skmPeriods)
      .values({ regionCode: HOME, year, startsOn: `${year}-01-01`, endsOn: `${year}-12-31` })
      .returning({ id: skmPeriods.id });
    if (!period) throw new Error('no period');
    await t.db.insert(skmResponses).values({ regionCode: HOME, periodId: period.id, serviceId: answered.id, u1: 4, u2: 3 });
    const [category] = await t.db
      .insert(complaintCategories)
      .values({ regionCode: HOME, code: uniq('kat').replace(' ', '-'), name: 'Pelayanan', unitId: unitA.id })
      .returning({ id: complaintCategories.id });
    if (!category) throw new Error('no category');
    await t.db.insert(complaints).values({
      regionCode: HOME,
      trackingCode: uniq('PGD').replace(' ', '-'),
      categoryId: category.id,
      unitId: unitA.id,
      serviceId: complained.id,
      description: 'Antrean terlalu lama',
      dueAt: new Date(),
    });
    for (const s of [answered, complained]) {
      const res = await admin.delete(`${url()}/${s.id}`);
      expect(res.statusCode).toBe(409);
      expect(errorOf(res).code).toBe('SERVICE_IN_USE');
      expect(errorOf(res).message).toMatch(/Nonaktifkan/);
      expect((await admin.get(`${url()}/${s.id}`)).statusCode).toBe(200);
    }
    const [still] = await t.db.select({ id: services.id }).from(services).where(eq(services.id, answered.id));
    expect(still?.id).toBe(answered.id);
  });
});

// ---- XLSX -----------------------------------------------------------------------------------------

const HEADERS = ['Unit', 'Nama layanan', 'Kanal', 'Alamat daring', 'Digital', 'Aktif', 'Persyaratan', 'Biaya/tarif'];

async function xlsx(rows: (string | boolean | null)[][], headers = HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Layanan');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

function upload(client: Client, file: Buffer, dryRun: boolean) {
  return client.request('POST', `${url()}/import?dryRun=${dryRun}`, file, { 'content-type': XLSX_MIME });
}

async function namesOf(unitId: string, client = admin): Promise<string[]> {
  return json<ServiceList>(await client.get(`${url()}?unitId=${unitId}&pageSize=200`))
    .items.map((s) => s.name)
    .sort();
}

describe('the XLSX import and export', () => {
  it('offers a template with the headers the import reads and a sheet of instructions', async () => {
    const res = await admin.get(`${url()}/template.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const headers = ((workbook.worksheets[0]?.getRow(1).values ?? []) as string[]).filter(Boolean);
    expect(headers).toEqual(expect.arrayContaining(['Unit', 'Nama layanan', 'Kanal', 'Persyaratan', 'Sistem, mekanisme dan prosedur']));
    expect(workbook.getWorksheet('Petunjuk')?.getRow(1).getCell(1).value).toMatch(/Kolom wajib/);
  });

  it('reports every bad row in a dry run and writes nothing; a real run with errors writes nothing either', async () => {
    const unit = await makeUnit(t.db, HOME, { name: uniq('Puskesmas Uji'), shortName: uniq('PKM') });
    const file = await xlsx([
      [unit.shortName, 'Imunisasi', 'offline', null, 'Tidak', 'Ya', 'Buku KIA', 'Gratis'],
      ['Unit Entah', 'Pemeriksaan Umum', 'offline', null, null, null, null, null],
      [unit.name, 'Konsultasi Gizi', 'online', null, null, null, null, null],
      [unit.shortName, 'Imunisasi', 'offline', null, null, null, null, null],
      [unit.shortName, '', 'pos', null, 'mungkin', null, null, null],
    ]);
    const res = await upload(admin, file, true);
    expect(res.statusCode, res.body).toBe(200);
    const report = json<ImportReport>(res);
    expect(report.dryRun).toBe(true);
    expect(report.created).toBe(1);
    expect(report.errors).toEqual(
      expect.arrayContaining([
        { row: 3, field: 'Unit', reason: 'Unit "Unit Entah" tidak ditemukan di daerah ini' },
        { row: 4, field: 'Alamat daring', reason: 'Layanan daring wajib mencantumkan alamatnya' },
        { row: 5, field: 'Nama layanan', reason: 'Layanan yang sama (unit dan nama) sudah ada di baris 2' },
        expect.objectContaining({ row: 6, field: 'Kanal' }),
        expect.objectContaining({ row: 6, field: 'Digital' }),
        expect.objectContaining({ row: 6, field: 'Nama layanan' }),
      ]),
    );
    expect(await namesOf(unit.id)).toEqual([]);
    const real = await upload(admin, file, false);
    expect(real.statusCode).toBe(400);
    expect(errorOf(real).issues?.[0]?.field).toBe('baris 3 · Unit');
    expect(await namesOf(unit.id)).toEqual([]);
  });

  it('writes every row of a clean file, updating a service of the same unit and name', async () => {
    const unit = await makeUnit(t.db, HOME, { name: uniq('Puskesmas Uji'), shortName: uniq('PKM') });
    const existing = await create(admin, { name: 'Pemeriksaan Umum', unitId: unit.id, cost: 'lama' });
    const file = await xlsx([
      [unit.shortName, 'pemeriksaan umum', 'offline', null, false, true, 'Kartu BPJS atau KTP', 'Gratis bagi peserta JKN'],
      [unit.name, 'Imunisasi Dasar', 'keduanya', 'https://pkm.example.id/imunisasi', true, null, 'Buku KIA', null],
    ]);
    const dry = json<ImportReport>(await upload(admin, file, true));
    expect(dry).toEqual({ dryRun: true, created: 1, updated: 1, errors: [] });
    const res = await upload(admin, file, false);
    expect(res.statusCode, res.body).toBe(200);
    expect(json<ImportReport>(res)).toEqual({ dryRun: false, created: 1, updated: 1, errors: [] });
    const updated = json<Service>(await admin.get(`${url()}/${existing.id}`));
    expect(updated).toMatchObject({ cost: 'Gratis bagi peserta JKN', requirements: 'Kartu BPJS atau KTP', version: 2 });
    const list = json<ServiceList>(await admin.get(`${url()}?unitId=${unit.id}`)).items;
    expect(list.find((s) => s.name === 'Imunisasi Dasar')).toMatchObject({ channel: 'keduanya', isDigital: true, isActive: true });
    expect((await auditFor(existing.id, 'service.updated')).length).toBe(1);
  });

  it("refuses rows of another unit from an operator's file", async () => {
    const file = await xlsx([
      [unitA.shortName, uniq('Legalisir'), 'offline', null, null, null, null, null],
      [unitB.shortName, uniq('Izin Parkir'), 'offline', null, null, null, null, null],
    ]);
    const report = json<ImportReport>(await upload(operatorA, file, true));
    expect(report.created).toBe(1);
    expect(report.errors).toEqual([{ row: 3, field: 'Unit', reason: 'Anda hanya dapat mengimpor data unit Anda sendiri' }]);
  });

  it('round-trips: the export imports back with no errors and only updates', async () => {
    await create(admin, {
      name: uniq('Pendampingan NIB'),
      unitId: unitB.id,
      category: 'Perizinan',
      channel: 'keduanya',
      onlineUrl: 'https://oss.go.id',
      isDigital: true,
      requirements: 'KTP\nNPWP',
      procedure: 'Daftar di OSS, lalu datang ke loket pendampingan',
    });
    const res = await admin.get(`${url()}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const total = json<ServiceList>(await admin.get(`${url()}?pageSize=1`)).total;
    expect(sheet?.rowCount).toBe(total + 1);
    // Typed cells: yes/no as booleans, the update time as a date.
    const headers = sheet?.getRow(1).values as string[];
    expect(typeof sheet?.getRow(2).getCell(headers.indexOf('Aktif')).value).toBe('boolean');
    expect(sheet?.getRow(2).getCell(headers.indexOf('Diperbarui')).value).toBeInstanceOf(Date);
    const report = json<ImportReport>(await upload(admin, res.rawPayload, true));
    expect(report).toEqual({ dryRun: true, created: 0, updated: total, errors: [] });
  });

  it('refuses a file that is not XLSX, and a missing body', async () => {
    const res = await upload(admin, Buffer.from('Unit;Nama layanan\nA;B'), true);
    expect(res.statusCode).toBe(415);
    const empty = await admin.request('POST', `${url()}/import?dryRun=true`, Buffer.alloc(0), { 'content-type': XLSX_MIME });
    expect(empty.statusCode).toBe(400);
  });
});
