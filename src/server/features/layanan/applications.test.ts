/**
 * The application inventory through the HTTP API: adding applications with their owner, kind,
 * hosting and the services they serve, the field messages, operators' own-unit view, optimistic
 * locking, deletion, and the XLSX dry run, import and export round trip (services named by ";").
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditItem } from '#shared/api/audit.ts';
import type { Service } from '#shared/api/services.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { DEMO_APPLICATIONS, DEMO_SERVICES, seedDemoServices } from '#server/demo/demo-services.ts';
import { type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const OTHER = '62.71';

interface Application {
  id: string;
  unitId: string;
  unitName: string;
  name: string;
  kind: string;
  hosting: string;
  status: string;
  url: string | null;
  services: { id: string; name: string }[];
  version: number;
}
interface ImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  errors: { row: number; field: string; reason: string }[];
}

let t: TestApp;
let admin: Client;
let unitA: { id: string; name: string; shortName: string | null };
let unitB: { id: string; name: string; shortName: string | null };
let operatorA: Client;
let serviceA: Service;
let serviceB: Service;

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const uniq = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;
const url = (region = HOME) => `/api/v1/regions/${region}/applications`;
const servicesUrl = (region = HOME) => `/api/v1/regions/${region}/services`;

async function createService(body: Record<string, unknown>, region = HOME): Promise<Service> {
  const res = await admin.post(servicesUrl(region), body);
  expect(res.statusCode, res.body).toBe(201);
  return json<Service>(res);
}

async function create(client: Client, body: Record<string, unknown>): Promise<Application> {
  const res = await client.post(url(), body);
  expect(res.statusCode, res.body).toBe(201);
  return json<Application>(res);
}

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  unitA = await makeUnit(t.db, HOME, { name: uniq('Dinas Kominfo Uji'), shortName: uniq('DKI') });
  unitB = await makeUnit(t.db, HOME, { name: uniq('Badan Pendapatan Uji'), shortName: uniq('BPU') });
  operatorA = (await clientFor(t, 'operator', HOME, unitA.id)).client;
  serviceA = await createService({ name: uniq('Permohonan Informasi Publik'), unitId: unitA.id });
  serviceB = await createService({ name: uniq('Pembayaran PBB-P2'), unitId: unitB.id });
});
afterAll(() => t.close());

describe('adding and editing an application', () => {
  it('stores the owner, kind, hosting, status, address and the services it serves, shown on the services too', async () => {
    const name = uniq('Website Pemkot');
    const a = await create(admin, {
      name,
      unitId: unitA.id,
      kind: 'layanan_publik',
      hosting: 'cloud',
      url: 'https://pangkalpinangkota.go.id',
      serviceIds: [serviceA.id, serviceB.id, serviceA.id],
    });
    expect(a).toMatchObject({ name, unitId: unitA.id, unitName: unitA.name, kind: 'layanan_publik', hosting: 'cloud', status: 'aktif', version: 1 });
    expect(a.services.map((s) => s.id).sort()).toEqual([serviceA.id, serviceB.id].sort());
    const s = json<Service>(await admin.get(`${servicesUrl()}/${serviceB.id}`));
    expect(s.applicationNames).toContain(name);
    const audit = json<{ items: AuditItem[] }>(await admin.get(`/api/v1/regions/${HOME}/audit?action=application.created&q=${a.id}`));
    expect(audit.items.length).toBe(1);
  });

  it('names the field when the input is wrong, including a service of another region', async () => {
    const foreignUnit = await makeUnit(t.db, OTHER);
    const otherAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
    const foreignService = json<Service>(await otherAdmin.post(servicesUrl(OTHER), { name: 'Asing', unitId: foreignUnit.id }));
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: '', unitId: unitA.id, kind: 'layanan_publik' }, 'body.name', /Nama aplikasi wajib diisi/],
      [{ name: 'X', unitId: unitA.id }, 'body.kind', /layanan_publik atau administrasi_pemerintahan/],
      [{ name: 'X', unitId: unitA.id, kind: 'layanan_publik', hosting: 'rumah' }, 'body.hosting', /Hosting harus salah satu/],
      [{ name: 'X', unitId: unitA.id, kind: 'layanan_publik', url: 'bukan url' }, 'body.url', /URL http/],
      [
        { name: 'X', unitId: unitA.id, kind: 'layanan_publik', serviceIds: [serviceA.id, foreignService.id] },
        'body.serviceIds.1',
        /tidak ditemukan di daerah ini/,
      ],
      [{ name: 'X', unitId: foreignUnit.id, kind: 'layanan_publik' }, 'body.unitId', /tidak ditemukan di daerah ini/],
    ];
    for (const [body, field, reason] of cases) {
      const res = await admin.post(url(), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const issue = errorOf(res).issues?.find((i) => i.field === field);
      expect(issue?.reason, `${JSON.stringify(body)} ${res.body}`).toMatch(reason);
    }
  });

  it('keeps names unique in the region', async () => {
    const name = uniq('SIMPEG');
    await create(admin, { name, unitId: unitA.id, kind: 'administrasi_pemerintahan' });
    const res = await admin.post(url(), { name: name.toLowerCase(), unitId: unitB.id, kind: 'administrasi_pemerintahan' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toEqual([{ field: 'body.name', reason: 'Nama aplikasi sudah dipakai di daerah ini' }]);
  });

  it('updates with the loaded version (replacing the linked services) and refuses a stale one', async () => {
    const a = await create(admin, { name: uniq('e-PBB'), unitId: unitB.id, kind: 'layanan_publik', serviceIds: [serviceA.id] });
    const res = await admin.put(`${url()}/${a.id}`, {
      name: a.name,
      unitId: unitB.id,
      kind: 'layanan_publik',
      status: 'pengembangan',
      serviceIds: [serviceB.id],
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Application>(res)).toMatchObject({ version: 2, status: 'pengembangan', services: [{ id: serviceB.id, name: serviceB.name }] });
    const stale = await admin.put(`${url()}/${a.id}`, { name: a.name, unitId: unitB.id, kind: 'layanan_publik', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('STALE_VERSION');
  });

  it('deletes an application, keeping its services', async () => {
    const a = await create(admin, { name: uniq('SIMRS'), unitId: unitA.id, kind: 'layanan_publik', serviceIds: [serviceA.id] });
    const res = await admin.delete(`${url()}/${a.id}`);
    expect(res.statusCode).toBe(204);
    expect((await admin.get(`${url()}/${a.id}`)).statusCode).toBe(404);
    expect(json<Service>(await admin.get(`${servicesUrl()}/${serviceA.id}`)).applicationNames).not.toContain(a.name);
  });
});

describe('who sees and edits what', () => {
  it("shows an operator their unit's applications only, and lets them link any service of the region", async () => {
    const own = await create(operatorA, { name: uniq('Aplikasi PPID'), unitId: unitA.id, kind: 'layanan_publik', serviceIds: [serviceB.id] });
    const other = await create(admin, { name: uniq('e-BPHTB'), unitId: unitB.id, kind: 'layanan_publik' });
    const listed = json<{ items: Application[] }>(await operatorA.get(`${url()}?pageSize=200`)).items;
    expect(listed.map((a) => a.id)).toContain(own.id);
    expect(listed.every((a) => a.unitId === unitA.id)).toBe(true);
    expect((await operatorA.get(`${url()}/${other.id}`)).statusCode).toBe(404);
    expect((await operatorA.delete(`${url()}/${other.id}`)).statusCode).toBe(404);
    expect((await operatorA.post(url(), { name: 'X', unitId: unitB.id, kind: 'layanan_publik' })).statusCode).toBe(403);
    const pimpinan = (await clientFor(t, 'pimpinan', HOME)).client;
    expect((await pimpinan.get(`${url()}/${other.id}`)).statusCode).toBe(200);
    expect((await pimpinan.delete(`${url()}/${other.id}`)).statusCode).toBe(403);
    const otherAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
    expect((await otherAdmin.get(`${url(OTHER)}/${other.id}`)).statusCode).toBe(404);
  });

  it('filters by unit and kind, searches and sorts', async () => {
    const unit = await makeUnit(t.db, HOME, { name: uniq('Dinas Uji Aplikasi') });
    const tag = randomUUID().slice(0, 6);
    await create(admin, { name: `Alpha ${tag}`, unitId: unit.id, kind: 'layanan_publik' });
    await create(admin, { name: `Beta ${tag}`, unitId: unit.id, kind: 'administrasi_pemerintahan', description: 'kepegawaian' });
    const list = (q: string) => admin.get(`${url()}?unitId=${unit.id}&${q}`).then((r) => json<{ items: Application[]; total: number }>(r));
    expect((await list('')).total).toBe(2);
    expect((await list('kind=administrasi_pemerintahan')).items.map((a) => a.name)).toEqual([`Beta ${tag}`]);
    expect((await list('q=pegawai')).items.map((a) => a.name)).toEqual([`Beta ${tag}`]);
    expect((await list('sort=name&order=desc')).items.map((a) => a.name)).toEqual([`Beta ${tag}`, `Alpha ${tag}`]);
  });
});

// ---- XLSX -----------------------------------------------------------------------------------------

const HEADERS = ['Nama aplikasi', 'Unit pemilik', 'Jenis', 'Hosting', 'Status', 'Alamat', 'Layanan'];

async function xlsx(rows: (string | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Aplikasi');
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const upload = (client: Client, file: Buffer, dryRun: boolean) =>
  client.request('POST', `${url()}/import?dryRun=${dryRun}`, file, { 'content-type': XLSX_MIME });

describe('the XLSX import and export', () => {
  it('reports bad rows in a dry run and writes nothing', async () => {
    const name = uniq('SIAK');
    const file = await xlsx([
      [name, unitA.shortName, 'Layanan publik', 'Pusat data nasional', 'Aktif', null, `${serviceA.name}; Layanan Entah`],
      [uniq('OSS'), 'Unit Entah', 'Jenis lain', null, null, null, null],
      [name, unitA.name, 'administrasi_pemerintahan', null, 'Tidak aktif', null, null],
    ]);
    const report = json<ImportReport>(await upload(admin, file, true));
    expect(report.errors).toEqual(
      expect.arrayContaining([
        { row: 2, field: 'Layanan', reason: 'Layanan "Layanan Entah" tidak ditemukan di daerah ini' },
        { row: 3, field: 'Unit pemilik', reason: 'Unit "Unit Entah" tidak ditemukan di daerah ini' },
        expect.objectContaining({ row: 3, field: 'Jenis' }),
      ]),
    );
    expect(report.errors.filter((e) => e.row === 4)).toEqual([]);
    expect(report.created).toBe(1);
    expect((await upload(admin, file, false)).statusCode).toBe(400);
    const found = json<{ total: number }>(await admin.get(`${url()}?q=${encodeURIComponent(name)}`));
    expect(found.total).toBe(0);
  });

  it('writes a clean file, telling services of the same name apart by their unit', async () => {
    const shared = uniq('Pemeriksaan Umum');
    const inA = await createService({ name: shared, unitId: unitA.id });
    const inB = await createService({ name: shared, unitId: unitB.id });
    const existing = await create(admin, { name: uniq('SIMPUS'), unitId: unitA.id, kind: 'layanan_publik' });
    const ambiguous = await xlsx([[existing.name, unitA.shortName, 'Layanan publik', null, null, null, shared]]);
    const refused = json<ImportReport>(await upload(admin, ambiguous, true));
    expect(refused.errors[0]?.reason).toMatch(/ada di beberapa unit/);

    const file = await xlsx([
      [
        existing.name,
        unitA.shortName,
        'Layanan publik',
        'Cloud',
        'Pengembangan',
        'https://simpus.example.id',
        `${shared} (${unitB.shortName}); ${serviceA.name}`,
      ],
      [uniq('e-Retribusi'), unitB.name, 'layanan_publik', null, null, null, `${shared} (${unitA.name})`],
    ]);
    const res = await upload(admin, file, false);
    expect(res.statusCode, res.body).toBe(200);
    expect(json<ImportReport>(res)).toEqual({ dryRun: false, created: 1, updated: 1, errors: [] });
    const updated = json<Application>(await admin.get(`${url()}/${existing.id}`));
    expect(updated).toMatchObject({ hosting: 'cloud', status: 'pengembangan', url: 'https://simpus.example.id', version: 2 });
    expect(updated.services.map((s) => s.id).sort()).toEqual([inB.id, serviceA.id].sort());
    expect(json<Service>(await admin.get(`${servicesUrl()}/${inA.id}`)).applicationNames.length).toBe(1);
  });

  it('round-trips: the export imports back with no errors and only updates', async () => {
    const res = await admin.get(`${url()}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const total = json<{ total: number }>(await admin.get(`${url()}?pageSize=1`)).total;
    expect(total).toBeGreaterThan(3);
    const report = json<ImportReport>(await upload(admin, res.rawPayload, true));
    expect(report).toEqual({ dryRun: true, created: 0, updated: total, errors: [] });
    const template = await admin.get(`${url()}/template.xlsx`);
    expect(template.statusCode).toBe(200);
    expect(json<ImportReport>(await upload(admin, template.rawPayload, true))).toEqual({ dryRun: true, created: 0, updated: 0, errors: [] });
  });
});

describe('the demo catalogue', () => {
  let demo: TestApp;
  beforeAll(async () => {
    demo = await startTestApp();
  });
  afterAll(() => demo.close());

  it('seeds services with every standard component in their units, and applications linked to them, once', async () => {
    const shortNames = [...new Set([...DEMO_SERVICES.map((s) => s.unit), ...DEMO_APPLICATIONS.map((a) => a.unit)])];
    const unitIds = new Map<string, string>();
    for (const shortName of shortNames)
      unitIds.set(`${HOME}/${shortName}`, (await makeUnit(demo.db, HOME, { name: `Unit ${shortName}`, shortName })).id);
    const count = await demo.db.transaction((tx) => seedDemoServices(tx, unitIds));
    expect(count).toBe(DEMO_SERVICES.length);
    expect(count).toBeGreaterThanOrEqual(18);

    const reader = (await clientFor(demo, 'admin_daerah', HOME)).client;
    const listed = json<{ items: Service[]; total: number }>(await reader.get(`${servicesUrl()}?pageSize=200`));
    expect(listed.total).toBe(count);
    expect(new Set(listed.items.map((s) => s.unitId)).size).toBeGreaterThanOrEqual(8);
    for (const s of listed.items) {
      for (const text of [s.requirements, s.procedure, s.duration, s.cost, s.product, s.complaintHandling])
        expect(text.length, s.name).toBeGreaterThan(5);
      if (s.channel !== 'offline') expect(s.onlineUrl, s.name).toMatch(/^https:\/\//);
    }
    const apps = json<{ items: Application[] }>(await reader.get(`${url()}?pageSize=200`)).items;
    expect(apps.length).toBe(DEMO_APPLICATIONS.length);
    expect(apps.find((a) => a.name === 'SIAK Terpusat')?.services.length).toBe(4);
    const akta = listed.items.find((s) => s.name === 'Penerbitan Akta Kelahiran');
    expect(akta?.applicationNames).toEqual(['SIAK Terpusat', 'Website Pemerintah Kota Pangkalpinang']);

    // The demo's own export imports back cleanly (same-named puskesmas services included).
    const file = await reader.get(`${url()}/export.xlsx`);
    const report = json<ImportReport>(await upload(reader, file.rawPayload, true));
    expect(report).toEqual({ dryRun: true, created: 0, updated: apps.length, errors: [] });

    expect(await demo.db.transaction((tx) => seedDemoServices(tx, unitIds))).toBe(0);
  });
});
