/**
 * Units (perangkat daerah) through the HTTP API: listing, the hierarchy rules, optimistic locking,
 * deletion of what is still in use, the audit trail, and the XLSX import/export round trip.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitKind } from '#domain/units/unit-kinds.ts';
import type { AuditItem } from '#shared/api/audit.ts';
import type { Unit, UnitImportReport } from '#shared/api/units.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { type Client, clientFor, makeUnit, makeUser, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const OTHER = '62.71';

let t: TestApp;
let admin: Client;
let adminUsername: string;
let nasional: Client;
/** Kab/kota nobody else in this file uses, one per test that needs a region of its own. */
let spareRegions: string[] = [];

interface UnitList {
  items: Unit[];
  total: number;
  page: number;
  pageSize: number;
}

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const uniq = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

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
  const regions = json<{ items: { code: string }[] }>(await nasional.get('/api/v1/regions?kind=kota')).items;
  spareRegions = regions.map((r) => r.code).filter((c) => c !== HOME && c !== OTHER);
});
afterAll(() => t.close());

const unitsUrl = (region = HOME) => `/api/v1/regions/${region}/units`;

async function createViaApi(client: Client, body: Record<string, unknown>, region = HOME): Promise<Unit> {
  const res = await client.post(unitsUrl(region), body);
  expect(res.statusCode, res.body).toBe(201);
  return json<Unit>(res);
}

async function getUnit(id: string, region = HOME) {
  return admin.get(`${unitsUrl(region)}/${id}`);
}

async function auditFor(entityId: string, action: string): Promise<AuditItem[]> {
  const res = await admin.get(`/api/v1/regions/${HOME}/audit?action=${action}&q=${entityId}`);
  expect(res.statusCode).toBe(200);
  return json<{ items: AuditItem[] }>(res).items;
}

// ---- XLSX helpers -------------------------------------------------------------------------------

const HEADERS = ['Nama', 'Singkatan', 'Jenis', 'Induk', 'Kepala'];

/** A sheet whose rows land on the given row numbers (the header is row 1), so gaps stay gaps. */
async function xlsx(rows: Record<number, (string | null)[]>, headers = HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Unit');
  sheet.getRow(1).values = headers;
  for (const [n, cells] of Object.entries(rows)) sheet.getRow(Number(n)).values = cells;
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Rows of a sheet listed in order, starting at row 2. */
const inOrder = (rows: (string | null)[][]) => Object.fromEntries(rows.map((r, i) => [i + 2, r]));

function upload(client: Client, file: Buffer, dryRun: boolean, region = HOME, contentType = XLSX_MIME) {
  return client.request('POST', `${unitsUrl(region)}/import?dryRun=${dryRun}`, file, { 'content-type': contentType });
}

async function readExport(file: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= HEADERS.length; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : String(v));
    }
    rows.push(cells);
  });
  return rows;
}

async function unitNamesIn(region: string): Promise<string[]> {
  const res = await nasional.get(`${unitsUrl(region)}?pageSize=200`);
  return json<UnitList>(res)
    .items.map((u) => u.name)
    .sort();
}

// ---- listing ------------------------------------------------------------------------------------

describe('the unit list', () => {
  it('finds units by a part of their name or short name, ignoring case, and treats % literally', async () => {
    const region = freshRegion();
    await makeUnit(t.db, region, { kind: 'dinas', name: 'Dinas Kesehatan', shortName: 'Dinkes' });
    await makeUnit(t.db, region, { kind: 'dinas', name: 'Dinas Pendidikan', shortName: 'Disdik' });
    await makeUnit(t.db, region, { kind: 'badan', name: 'Badan Keuangan Daerah', shortName: 'BKD' });
    const names = async (q: string) => json<UnitList>(await nasional.get(`${unitsUrl(region)}?q=${encodeURIComponent(q)}`)).items.map((u) => u.name);

    expect(await names('kesehatan')).toEqual(['Dinas Kesehatan']);
    expect(await names('DISDIK')).toEqual(['Dinas Pendidikan']);
    expect(await names('dinas')).toEqual(['Dinas Kesehatan', 'Dinas Pendidikan']);
    expect(await names('%')).toEqual([]);
  });

  it('filters by kind', async () => {
    const region = freshRegion();
    const kec = await makeUnit(t.db, region, { kind: 'kecamatan', name: 'Kecamatan Satu' });
    await makeUnit(t.db, region, { kind: 'kelurahan', name: 'Kelurahan Satu', parentId: kec.id });
    await makeUnit(t.db, region, { kind: 'dinas', name: 'Dinas Satu' });
    const res = await nasional.get(`${unitsUrl(region)}?kind=kelurahan`);
    expect(res.statusCode).toBe(200);
    const list = json<UnitList>(res);
    expect(list.items.map((u) => [u.kind, u.name, u.parentName])).toEqual([['kelurahan', 'Kelurahan Satu', 'Kecamatan Satu']]);
    expect(list.total).toBe(1);
  });

  it('refuses an unknown kind filter with the field named', async () => {
    const res = await admin.get(`${unitsUrl()}?kind=kementerian`);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues?.map((i) => i.field)).toEqual(['querystring.kind']);
  });

  it('sorts by the chosen column in the chosen order', async () => {
    const region = freshRegion();
    await makeUnit(t.db, region, { kind: 'dinas', name: 'Beta', shortName: 'ZZ' });
    await makeUnit(t.db, region, { kind: 'dinas', name: 'Alfa', shortName: 'YY' });
    await makeUnit(t.db, region, { kind: 'badan', name: 'Gama', shortName: 'XX' });
    const names = async (query: string) => json<UnitList>(await nasional.get(`${unitsUrl(region)}?${query}`)).items.map((u) => u.name);

    expect(await names('')).toEqual(['Alfa', 'Beta', 'Gama']);
    expect(await names('sort=name&order=desc')).toEqual(['Gama', 'Beta', 'Alfa']);
    expect(await names('sort=shortName&order=asc')).toEqual(['Gama', 'Alfa', 'Beta']);
    expect((await names('sort=kind')).at(0)).toBe('Gama');
  });

  it('pages through the list, reporting the total of all matches', async () => {
    const region = freshRegion();
    for (const n of ['A', 'B', 'C', 'D', 'E']) await makeUnit(t.db, region, { kind: 'dinas', name: `Dinas ${n}` });
    const page = async (p: number) => json<UnitList>(await nasional.get(`${unitsUrl(region)}?pageSize=2&page=${p}`));

    const [p1, p2, p3, p4] = [await page(1), await page(2), await page(3), await page(4)];
    expect(p1.items.map((u) => u.name)).toEqual(['Dinas A', 'Dinas B']);
    expect(p2.items.map((u) => u.name)).toEqual(['Dinas C', 'Dinas D']);
    expect(p3.items.map((u) => u.name)).toEqual(['Dinas E']);
    expect(p4.items).toEqual([]);
    for (const p of [p1, p2, p3, p4]) expect(p.total).toBe(5);
    expect(p2).toMatchObject({ page: 2, pageSize: 2 });
  });

  it('shows how many children and users each unit has', async () => {
    const region = freshRegion();
    const dinas = await makeUnit(t.db, region, { kind: 'dinas' });
    await makeUnit(t.db, region, { kind: 'upt', parentId: dinas.id });
    await makeUser(t.db, { role: 'operator', regionCode: region, unitId: dinas.id });
    const res = await nasional.get(`${unitsUrl(region)}/${dinas.id}`);
    expect(json<Unit>(res)).toMatchObject({ childCount: 1, userCount: 1 });
  });
});

// ---- creating -----------------------------------------------------------------------------------

describe('creating a unit', () => {
  it('answers 201 with the new unit, which the list then shows', async () => {
    const name = uniq('Dinas Komunikasi');
    const created = await createViaApi(admin, { kind: 'dinas', name: `  ${name}  `, shortName: '', headName: 'Budi' });
    expect(created).toMatchObject({ kind: 'dinas', name, shortName: null, headName: 'Budi', parentId: null, version: 1, regionCode: HOME });
    const list = json<UnitList>(await admin.get(`${unitsUrl()}?q=${encodeURIComponent(name)}`));
    expect(list.items.map((u) => u.id)).toEqual([created.id]);
  });

  it('refuses invalid input with an Indonesian reason naming each field', async () => {
    const res = await admin.post(unitsUrl(), { kind: 'kementerian', name: '   ', shortName: 'x'.repeat(41) });
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    const reasons = Object.fromEntries((error.issues ?? []).map((i) => [i.field, i.reason]));
    expect(reasons['body.name']).toBe('Nama unit wajib diisi');
    expect(reasons['body.kind']).toMatch(/^Jenis unit harus salah satu dari: .*kecamatan/);
    expect(reasons['body.shortName']).toBe('Singkatan paling banyak 40 karakter');
  });

  it('refuses a name or short name already used in the region, ignoring case', async () => {
    const name = uniq('Dinas Sosial');
    const shortName = uniq('DS');
    await createViaApi(admin, { kind: 'dinas', name, shortName });

    const sameName = await admin.post(unitsUrl(), { kind: 'dinas', name: name.toUpperCase(), shortName: uniq('X') });
    expect(sameName.statusCode).toBe(400);
    expect(errorOf(sameName).issues).toEqual([{ field: 'body.name', reason: 'Nama unit sudah dipakai di daerah ini' }]);

    const sameShort = await admin.post(unitsUrl(), { kind: 'dinas', name: uniq('Lain'), shortName: shortName.toLowerCase() });
    expect(sameShort.statusCode).toBe(400);
    expect(errorOf(sameShort).issues).toEqual([{ field: 'body.shortName', reason: 'Singkatan sudah dipakai di daerah ini' }]);

    const names = json<UnitList>(await admin.get(`${unitsUrl()}?q=${encodeURIComponent(name)}`)).items;
    expect(names).toHaveLength(1);
  });

  it('accepts the same name and short name in another region', async () => {
    const name = uniq('Dinas Perhubungan');
    const shortName = uniq('Dishub');
    await createViaApi(admin, { kind: 'dinas', name, shortName });
    const other = await createViaApi(nasional, { kind: 'dinas', name, shortName }, OTHER);
    expect(other.regionCode).toBe(OTHER);
  });

  describe('follows the hierarchy rules', () => {
    it('a kelurahan needs a kecamatan as its parent', async () => {
      const kec = await makeUnit(t.db, HOME, { kind: 'kecamatan' });
      const dinas = await makeUnit(t.db, HOME, { kind: 'dinas' });
      const name = uniq('Kelurahan');

      const orphan = await admin.post(unitsUrl(), { kind: 'kelurahan', name });
      expect(orphan.statusCode).toBe(400);
      expect(errorOf(orphan).issues).toEqual([{ field: 'body.parentId', reason: 'Unit jenis ini wajib memiliki induk.' }]);

      const underDinas = await admin.post(unitsUrl(), { kind: 'kelurahan', name, parentId: dinas.id });
      expect(underDinas.statusCode).toBe(400);
      expect(errorOf(underDinas).issues?.[0]?.field).toBe('body.parentId');

      const ok = await createViaApi(admin, { kind: 'kelurahan', name, parentId: kec.id });
      expect(ok).toMatchObject({ parentId: kec.id, parentName: kec.name });
    });

    it('a UPT needs an OPD as its parent', async () => {
      const kec = await makeUnit(t.db, HOME, { kind: 'kecamatan' });
      const badan = await makeUnit(t.db, HOME, { kind: 'badan' });
      const name = uniq('UPTD');

      expect((await admin.post(unitsUrl(), { kind: 'upt', name })).statusCode).toBe(400);
      const underKec = await admin.post(unitsUrl(), { kind: 'upt', name, parentId: kec.id });
      expect(underKec.statusCode).toBe(400);
      expect(errorOf(underKec).issues?.[0]?.field).toBe('body.parentId');
      expect((await createViaApi(admin, { kind: 'upt', name, parentId: badan.id })).parentId).toBe(badan.id);
    });

    it('an OPD cannot have a parent', async () => {
      const dinas = await makeUnit(t.db, HOME, { kind: 'dinas' });
      const res = await admin.post(unitsUrl(), { kind: 'badan', name: uniq('Badan'), parentId: dinas.id });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).issues).toEqual([{ field: 'body.parentId', reason: 'OPD dan kecamatan tidak boleh memiliki induk.' }]);
    });

    it('a parent from another region is not found', async () => {
      const foreign = await makeUnit(t.db, OTHER, { kind: 'dinas' });
      const name = uniq('UPT');
      const res = await admin.post(unitsUrl(), { kind: 'upt', name, parentId: foreign.id });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).issues).toEqual([{ field: 'body.parentId', reason: 'Induk tidak ditemukan di daerah ini' }]);
      expect(json<UnitList>(await admin.get(`${unitsUrl()}?q=${encodeURIComponent(name)}`)).total).toBe(0);
    });
  });
});

// ---- updating -----------------------------------------------------------------------------------

describe('updating a unit', () => {
  it('saves with the version the editor loaded, and refuses a stale version without changing anything', async () => {
    const created = await createViaApi(admin, { kind: 'dinas', name: uniq('Dinas Lama'), shortName: uniq('DL') });
    const loaded = json<Unit>(await getUnit(created.id));

    const firstName = uniq('Dinas Baru');
    const first = await admin.put(`${unitsUrl()}/${created.id}`, { kind: 'badan', name: firstName, headName: 'Siti', version: loaded.version });
    expect(first.statusCode, first.body).toBe(200);
    expect(json<Unit>(first)).toMatchObject({ kind: 'badan', name: firstName, headName: 'Siti', shortName: null, version: loaded.version + 1 });

    const second = await admin.put(`${unitsUrl()}/${created.id}`, { kind: 'dinas', name: uniq('Timpa'), version: loaded.version });
    expect(second.statusCode).toBe(409);
    expect(errorOf(second).code).toBe('STALE_VERSION');

    expect(json<Unit>(await getUnit(created.id))).toMatchObject({ kind: 'badan', name: firstName, headName: 'Siti', version: loaded.version + 1 });
  });

  it('refuses to change the kind of a kecamatan that still has kelurahan', async () => {
    const kec = await createViaApi(admin, { kind: 'kecamatan', name: uniq('Kecamatan') });
    await createViaApi(admin, { kind: 'kelurahan', name: uniq('Kelurahan'), parentId: kec.id });
    const res = await admin.put(`${unitsUrl()}/${kec.id}`, { kind: 'dinas', name: kec.name, version: kec.version });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues?.map((i) => i.field)).toEqual(['body.kind']);
    expect(json<Unit>(await getUnit(kec.id))).toMatchObject({ kind: 'kecamatan', version: kec.version });
  });

  it('refuses to take a name another unit of the region already has', async () => {
    const a = await createViaApi(admin, { kind: 'dinas', name: uniq('Dinas A') });
    const b = await createViaApi(admin, { kind: 'dinas', name: uniq('Dinas B') });
    const res = await admin.put(`${unitsUrl()}/${b.id}`, { kind: 'dinas', name: a.name, version: b.version });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues?.map((i) => i.field)).toEqual(['body.name']);
    expect(json<Unit>(await getUnit(b.id)).name).toBe(b.name);
  });
});

// ---- deleting -----------------------------------------------------------------------------------

describe('deleting a unit', () => {
  it('removes an unused unit', async () => {
    const u = await createViaApi(admin, { kind: 'kantor', name: uniq('Kantor') });
    const res = await admin.delete(`${unitsUrl()}/${u.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect((await getUnit(u.id)).statusCode).toBe(404);
  });

  it('refuses with 409 UNIT_HAS_CHILDREN while a child unit stands under it, and keeps it', async () => {
    const dinas = await makeUnit(t.db, HOME, { kind: 'dinas' });
    await makeUnit(t.db, HOME, { kind: 'upt', parentId: dinas.id });
    const res = await admin.delete(`${unitsUrl()}/${dinas.id}`);
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('UNIT_HAS_CHILDREN');
    expect((await getUnit(dinas.id)).statusCode).toBe(200);
  });

  it('refuses with 409 UNIT_HAS_USERS while a user works in it, and keeps it', async () => {
    const dinas = await makeUnit(t.db, HOME, { kind: 'dinas' });
    await makeUser(t.db, { role: 'operator', regionCode: HOME, unitId: dinas.id });
    const res = await admin.delete(`${unitsUrl()}/${dinas.id}`);
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('UNIT_HAS_USERS');
    expect((await getUnit(dinas.id)).statusCode).toBe(200);
  });
});

// ---- audit trail --------------------------------------------------------------------------------

describe('every write to a unit', () => {
  it('leaves an audit entry with who did it and the state before and after', async () => {
    const name = uniq('Dinas Audit');
    const created = await createViaApi(admin, { kind: 'dinas', name, shortName: `DAU${randomUUID().slice(0, 4)}` });
    const renamed = uniq('Dinas Audit Baru');
    const put = await admin.put(`${unitsUrl()}/${created.id}`, { kind: 'dinas', name: renamed, headName: 'Ani', version: created.version });
    expect(put.statusCode).toBe(200);
    expect((await admin.delete(`${unitsUrl()}/${created.id}`)).statusCode).toBe(200);

    const [createdEntry] = await auditFor(created.id, 'unit.created');
    expect(createdEntry).toMatchObject({ actorUsername: adminUsername, entityType: 'unit', entityId: created.id, before: null });
    expect(createdEntry?.after).toMatchObject({ kind: 'dinas', name, shortName: created.shortName, parentId: null });

    const [updatedEntry] = await auditFor(created.id, 'unit.updated');
    expect(updatedEntry?.before).toMatchObject({ name, headName: null });
    expect(updatedEntry?.after).toMatchObject({ name: renamed, headName: 'Ani', shortName: null });
    expect(updatedEntry?.requestId).toBe(put.headers['x-request-id']);

    const [deletedEntry] = await auditFor(created.id, 'unit.deleted');
    expect(deletedEntry).toMatchObject({ actorUsername: adminUsername, after: null });
    expect(deletedEntry?.before).toMatchObject({ name: renamed, headName: 'Ani' });
  });

  it('leaves no audit entry when it is refused', async () => {
    const dinas = await makeUnit(t.db, HOME, { kind: 'dinas' });
    await makeUnit(t.db, HOME, { kind: 'upt', parentId: dinas.id });
    expect((await admin.delete(`${unitsUrl()}/${dinas.id}`)).statusCode).toBe(409);
    expect(await auditFor(dinas.id, 'unit.deleted')).toEqual([]);
  });
});

// ---- roles --------------------------------------------------------------------------------------

describe('an operator', () => {
  it('may read the units of their region but not create, edit, delete or import', async () => {
    const { client: operator } = await clientFor(t, 'operator', HOME);
    const existing = await makeUnit(t.db, HOME, { kind: 'dinas' });
    expect((await operator.get(unitsUrl())).statusCode).toBe(200);
    expect((await operator.get(`${unitsUrl()}/${existing.id}`)).statusCode).toBe(200);

    const name = uniq('Dinas Operator');
    const post = await operator.post(unitsUrl(), { kind: 'dinas', name });
    expect(post.statusCode).toBe(403);
    expect(errorOf(post).code).toBe('FORBIDDEN');
    expect((await operator.put(`${unitsUrl()}/${existing.id}`, { kind: 'dinas', name, version: 1 })).statusCode).toBe(403);
    expect((await operator.delete(`${unitsUrl()}/${existing.id}`)).statusCode).toBe(403);
    expect((await upload(operator, await xlsx(inOrder([[name, null, 'Dinas', null, null]])), false)).statusCode).toBe(403);

    expect(json<UnitList>(await admin.get(`${unitsUrl()}?q=${encodeURIComponent(name)}`)).total).toBe(0);
    expect(json<Unit>(await getUnit(existing.id)).name).toBe(existing.name);
  });
});

// ---- import and export --------------------------------------------------------------------------

describe('importing units from XLSX', () => {
  const brokenSheet = () =>
    xlsx({
      2: ['Dinas Baik', 'DB', 'Dinas', null, null],
      3: ['Kelurahan Yatim', null, 'Kelurahan', null, null],
      // row 4 left blank on purpose: row numbers must still match the sheet
      5: ['Unit Aneh', null, 'Kementerian', null, null],
      6: ['Dinas Baik', 'DB2', 'Dinas', null, null],
      7: ['UPT Hilang', null, 'UPT/UPTD', 'Dinas Tidak Ada', null],
      8: ['UPT Salah', null, 'upt', 'Kecamatan Ada', null],
      9: ['Kecamatan Ada', null, 'Kecamatan', null, null],
    });

  it('dry run: reports every bad row with its sheet row number, column and reason, and writes nothing', async () => {
    const region = freshRegion();
    const { client } = await clientFor(t, 'admin_daerah', region);
    const res = await upload(client, await brokenSheet(), true, region);
    expect(res.statusCode, res.body).toBe(200);
    const report = json<UnitImportReport>(res);
    expect(report).toMatchObject({ dryRun: true, totalRows: 7, created: 0, updated: 0 });
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'Induk'],
      [5, 'Jenis'],
      [6, 'Nama'],
      [7, 'Induk'],
      [8, 'Induk'],
    ]);
    const reasons = Object.fromEntries(report.errors.map((e) => [e.row, e.reason]));
    expect(reasons[3]).toBe('Unit jenis ini wajib memiliki induk.');
    expect(reasons[5]).toMatch(/^Jenis "Kementerian" tidak dikenal/);
    expect(reasons[6]).toBe('Nama sama dengan baris 2');
    expect(reasons[7]).toBe('Induk "Dinas Tidak Ada" tidak ditemukan di daerah ini maupun di berkas');
    expect(reasons[8]).toMatch(/^Jenis induk tidak sesuai/);
    expect(report.validRows).toBe(2);
    expect(await unitNamesIn(region)).toEqual([]);
  });

  it('real run with any error: answers 400 naming row and column, and writes nothing at all', async () => {
    const region = freshRegion();
    const { client } = await clientFor(t, 'admin_daerah', region);
    const res = await upload(client, await brokenSheet(), false, region);
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues?.map((i) => i.field)).toEqual(['baris 3 · Induk', 'baris 5 · Jenis', 'baris 6 · Nama', 'baris 7 · Induk', 'baris 8 · Induk']);
    expect(await unitNamesIn(region)).toEqual([]);
  });

  it('real run of a clean sheet: creates units (parents may come later in the sheet) and updates a unit matched by name', async () => {
    const region = freshRegion();
    const { client } = await clientFor(t, 'admin_daerah', region);
    const existing = await makeUnit(t.db, region, { kind: 'dinas', name: 'Dinas Kesehatan', shortName: 'Dinkes', headName: 'Lama' });
    const file = await xlsx(
      inOrder([
        ['Kelurahan Bukit', 'Kel. Bukit', 'Kelurahan', 'Kecamatan Bukit', null],
        ['Puskesmas Bukit', null, 'Puskesmas', 'Dinkes', null],
        ['dinas kesehatan', 'Dinkes', 'Dinas', null, 'dr. Baru'],
        ['Kecamatan Bukit', 'Kec. Bukit', 'Kecamatan', null, 'Camat'],
        ['UPT Lab', null, 'UPT/UPTD', 'Dinas Kesehatan', null],
      ]),
    );

    const dry = json<UnitImportReport>(await upload(client, file, true, region));
    expect(dry.errors).toEqual([]);
    expect(dry.preview.map((p) => [p.row, p.action])).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'update'],
      [5, 'create'],
      [6, 'create'],
    ]);
    expect(await unitNamesIn(region)).toEqual(['Dinas Kesehatan']);

    const res = await upload(client, file, false, region);
    expect(res.statusCode, res.body).toBe(200);
    expect(json<UnitImportReport>(res)).toMatchObject({ dryRun: false, created: 4, updated: 1, errors: [] });

    const list = json<UnitList>(await client.get(`${unitsUrl(region)}?pageSize=50`)).items;
    const byName = new Map(list.map((u) => [u.name, u]));
    expect([...byName.keys()].sort()).toEqual(['Kecamatan Bukit', 'Kelurahan Bukit', 'Puskesmas Bukit', 'UPT Lab', 'dinas kesehatan']);
    expect(byName.get('Kelurahan Bukit')).toMatchObject({ kind: 'kelurahan', parentName: 'Kecamatan Bukit' });
    expect(byName.get('Puskesmas Bukit')).toMatchObject({ kind: 'puskesmas', parentId: existing.id });
    expect(byName.get('UPT Lab')).toMatchObject({ kind: 'upt', parentId: existing.id });
    expect(byName.get('Kecamatan Bukit')).toMatchObject({ headName: 'Camat', parentId: null });
    expect(byName.get('dinas kesehatan')).toMatchObject({ id: existing.id, headName: 'dr. Baru', version: 2 });

    const audit = json<{ items: AuditItem[] }>(await client.get(`/api/v1/regions/${region}/audit?action=unit.imported`)).items;
    expect(audit.map((a) => a.after)).toEqual([{ created: 4, updated: 1, rows: 5 }]);
  });

  it('exports every unit, and the exported file re-imports (dry run) as updates only, without errors', async () => {
    const region = freshRegion();
    const { client } = await clientFor(t, 'admin_daerah', region);
    const kec = await makeUnit(t.db, region, { kind: 'kecamatan', name: 'Kecamatan Timur', shortName: 'Kec. Timur', headName: 'Camat Timur' });
    await makeUnit(t.db, region, { kind: 'kelurahan', name: 'Kelurahan Fajar', shortName: null, parentId: kec.id });
    const dinas = await makeUnit(t.db, region, { kind: 'satuan', name: 'Satuan Polisi Pamong Praja', shortName: 'Satpol PP' });
    await makeUnit(t.db, region, { kind: 'upt', name: 'UPT Damkar', shortName: 'UPT-D', parentId: dinas.id });
    await makeUnit(t.db, region, { kind: 'sekolah', name: 'Sekolah Dasar Negeri 3', shortName: null });

    const res = await client.get(`${unitsUrl(region)}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="unit-${region}.xlsx"`);
    const rows = await readExport(res.rawPayload);
    expect(rows).toEqual([
      HEADERS,
      ['Kecamatan Timur', 'Kec. Timur', 'Kecamatan', '', 'Camat Timur'],
      ['Kelurahan Fajar', '', 'Kelurahan', 'Kecamatan Timur', ''],
      ['Satuan Polisi Pamong Praja', 'Satpol PP', 'Satuan (Satpol PP)', '', ''],
      ['Sekolah Dasar Negeri 3', '', 'Sekolah', '', ''],
      ['UPT Damkar', 'UPT-D', 'UPT/UPTD', 'Satuan Polisi Pamong Praja', ''],
    ]);

    const report = json<UnitImportReport>(await upload(client, res.rawPayload, true, region));
    expect(report.errors).toEqual([]);
    expect(report.totalRows).toBe(5);
    expect(report.validRows).toBe(5);
    expect(report.preview.map((p) => p.action)).toEqual(['update', 'update', 'update', 'update', 'update']);
  });

  it('refuses a file that is not XLSX even when sent with the XLSX content type (415)', async () => {
    const name = uniq('Dinas Teks');
    const text = Buffer.from(`Nama,Jenis\n${name},Dinas\n`);
    const res = await upload(admin, text, false);
    expect(res.statusCode).toBe(415);
    expect(errorOf(res).code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const zipNotXlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]);
    expect((await upload(admin, zipNotXlsx, false)).statusCode).toBe(415);
    expect(json<UnitList>(await admin.get(`${unitsUrl()}?q=${encodeURIComponent(name)}`)).total).toBe(0);
  });

  it('refuses a content type other than XLSX (415) and an empty upload (400)', async () => {
    const file = await xlsx(inOrder([[uniq('Dinas'), null, 'Dinas', null, null]]));
    expect((await upload(admin, file, true, HOME, 'text/csv')).statusCode).toBe(415);
    const empty = await upload(admin, Buffer.alloc(0), true);
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).issues?.map((i) => i.field)).toEqual(['file']);
  });

  it('refuses a sheet without a required column (400), naming the column', async () => {
    const name = uniq('Dinas Tanpa Jenis');
    const file = await xlsx(inOrder([[name, 'X']]), ['Nama', 'Singkatan']);
    const res = await upload(admin, file, false);
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues?.map((i) => i.field)).toEqual(['kolom.Jenis']);
    expect(error.issues?.[0]?.reason).toBe('Kolom "Jenis" tidak ditemukan pada baris judul');
    expect(json<UnitList>(await admin.get(`${unitsUrl()}?q=${encodeURIComponent(name)}`)).total).toBe(0);
  });

  it('accepts header aliases and kind names in any case', async () => {
    const region = freshRegion();
    const { client } = await clientFor(t, 'admin_daerah', region);
    const file = await xlsx(inOrder([['Badan Riset', 'BRIDA', 'BADAN', null]]), ['Nama Unit', 'Nama Singkat', 'Jenis Unit', 'Unit Induk']);
    const res = await upload(client, file, false, region);
    expect(res.statusCode, res.body).toBe(200);
    expect(json<UnitImportReport>(res).created).toBe(1);
    const [created] = json<UnitList>(await client.get(unitsUrl(region))).items;
    expect(created).toMatchObject({ name: 'Badan Riset', shortName: 'BRIDA', kind: 'badan' });
  });

  it('refuses a short name that an existing unit already uses', async () => {
    const region = freshRegion();
    const { client } = await clientFor(t, 'admin_daerah', region);
    await makeUnit(t.db, region, { kind: 'dinas', name: 'Dinas Pariwisata', shortName: 'Dispar' });
    const report = json<UnitImportReport>(await upload(client, await xlsx(inOrder([['Dinas Pasar', 'DISPAR', 'Dinas', null, null]])), true, region));
    expect(report.errors).toEqual([{ row: 2, field: 'Singkatan', reason: 'Singkatan sudah dipakai oleh "Dinas Pariwisata"' }]);
  });

  // BUG: importUnits checks each row's own parent but not the units already standing under a unit
  // whose kind the sheet changes, so an import turns a kecamatan with kelurahan into a dinas and
  // leaves the kelurahan under a dinas (the PUT route refuses exactly this with body.kind).
  it('does not change the kind of a kecamatan that still has kelurahan', async () => {
    const region = freshRegion();
    const { client } = await clientFor(t, 'admin_daerah', region);
    const kec = await makeUnit(t.db, region, { kind: 'kecamatan', name: 'Kecamatan Barat', shortName: 'Kec. Barat' });
    const kel = await makeUnit(t.db, region, { kind: 'kelurahan', name: 'Kelurahan Senja', parentId: kec.id });
    const file = await xlsx(inOrder([['Kecamatan Barat', 'Kec. Barat', 'Dinas', null, null]]));

    const res = await upload(client, file, false, region);
    const after = json<Unit>(await client.get(`${unitsUrl(region)}/${kec.id}`));
    const child = json<Unit>(await client.get(`${unitsUrl(region)}/${kel.id}`));
    // The kelurahan must not end up under a dinas: the row is refused like the same edit through PUT.
    expect(after.kind).toBe('kecamatan');
    expect(child).toMatchObject({ kind: 'kelurahan', parentId: kec.id });
    expect(res.statusCode).toBe(400);
    const dry = json<UnitImportReport>(await upload(client, file, true, region));
    expect(dry.errors.map((e) => e.row)).toEqual([2]);
  });

  // BUG: on a real run, an updated row's NEW short name is not registered in the name→id map
  // (units.service.ts, the write loop only does `ids.set(p.name...)` for existing units), so a child
  // row naming its parent by that short name passes the checks but is written with parentId = null:
  // a UPT without a parent, which the hierarchy rules forbid.
  it('links a child to a parent named by the short name that the same sheet gives it', async () => {
    const region = freshRegion();
    const { client } = await clientFor(t, 'admin_daerah', region);
    const dinas = await makeUnit(t.db, region, { kind: 'dinas', name: 'Dinas Lingkungan Hidup', shortName: 'DLH-lama' });
    const file = await xlsx(
      inOrder([
        ['Dinas Lingkungan Hidup', 'DLH', 'Dinas', null, null],
        ['UPT Sampah', null, 'UPT/UPTD', 'DLH', null],
      ]),
    );
    const dry = json<UnitImportReport>(await upload(client, file, true, region));
    expect(dry.errors).toEqual([]);

    const res = await upload(client, file, false, region);
    expect(res.statusCode, res.body).toBe(200);
    const upt = json<UnitList>(await client.get(`${unitsUrl(region)}?kind=upt`)).items[0];
    expect(upt).toMatchObject({ name: 'UPT Sampah', parentId: dinas.id });
  });
});

describe('the kinds a unit may take', () => {
  it('are exactly those the API accepts', async () => {
    const kinds: UnitKind[] = ['sekretariat', 'dinas', 'badan', 'inspektorat', 'kantor', 'rsud', 'satuan', 'kecamatan', 'sekolah', 'puskesmas'];
    for (const kind of kinds) {
      const res = await admin.post(unitsUrl(), { kind, name: uniq(`Unit ${kind}`) });
      expect(res.statusCode, `${kind}: ${res.body}`).toBe(201);
    }
  });
});
