/**
 * A period's reports through the HTTP API: the target dashboard (counts, units against their minimum,
 * yandas coverage), the XLSX export in the national form's column order, and the XLSX import with its
 * dry run, its all-or-nothing real run, and the export → import round trip.
 */
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InnovationStatus } from '#domain/innovations/workflow.ts';
import type { UnitKind } from '#domain/units/unit-kinds.ts';
import type { AuditItem } from '#shared/api/audit.ts';
import type { Innovation, InnovationSummary, Period, PeriodDashboard } from '#shared/api/innovations.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { innovations } from '#server/db/schema.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';
import type { InnovationImportReport } from '../../../shared/api/innovations.ts';

const HOME = '19.71';

let t: TestApp;
let admin: Client;
let nasional: Client;
/** Kab/kota nobody else in this file uses, one per dashboard test. */
let spareRegions: string[] = [];
let nextYear = 2030;

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  nasional = (await clientFor(t, 'admin_nasional')).client;
  const regions = json<{ items: { code: string }[] }>(await nasional.get('/api/v1/regions?kind=kota')).items;
  spareRegions = regions.map((r) => r.code).filter((c) => c !== HOME);
});
afterAll(() => t.close());

function freshRegion(): string {
  const code = spareRegions.shift();
  if (!code) throw new Error('out of spare regions');
  return code;
}

async function createPeriod(
  region: string,
  fields: Partial<{ year: number; minPerUnit: number; countsSubUnits: boolean }> = {},
  client = nasional,
): Promise<Period> {
  const year = fields.year ?? nextYear++;
  const res = await client.post(`/api/v1/regions/${region}/periods`, {
    year,
    opensOn: `${year}-01-01`,
    closesOn: `${year}-11-30`,
    targetTotal: 50,
    minPerUnit: fields.minPerUnit ?? 1,
    countsSubUnits: fields.countsSubUnits ?? false,
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<Period>(res);
}

type NewInnovation = Omit<typeof innovations.$inferInsert, 'regionCode' | 'periodId' | 'unitId' | 'name' | 'status'> & {
  name?: string;
  status?: InnovationStatus;
};

let innovationCounter = 0;

/** Inserts an innovation directly, to set up any status without walking the workflow. */
async function insertInnovation(region: string, periodId: string, unitId: string, fields: NewInnovation = {}): Promise<string> {
  const [row] = await t.db
    .insert(innovations)
    .values({ name: `Inovasi ${++innovationCounter}`, status: 'draft', ...fields, regionCode: region, periodId, unitId })
    .returning({ id: innovations.id });
  if (!row) throw new Error('innovation not created');
  return row.id;
}

async function dashboard(region: string, periodId: string): Promise<PeriodDashboard> {
  const res = await nasional.get(`/api/v1/regions/${region}/periods/${periodId}/dashboard`);
  expect(res.statusCode, res.body).toBe(200);
  return json<PeriodDashboard>(res);
}

const unitsOf = (d: PeriodDashboard) => d.units.map((u) => [u.unitName, u.total, u.verified, u.meetsMinimum]);

// ---- dashboard ----------------------------------------------------------------------------------

describe('the target dashboard', () => {
  it('counts the period by status, tahapan, jenis and urusan utama; a draft or a rejected one only by status', async () => {
    const region = freshRegion();
    const period = await createPeriod(region);
    const alfa = await makeUnit(t.db, region, { kind: 'dinas', name: 'Dinas Alfa' });
    const beta = await makeUnit(t.db, region, { kind: 'badan', name: 'Badan Beta' });
    await insertInnovation(region, period.id, alfa.id, { status: 'draft', tahapan: 'uji_coba', jenis: 'digital', urusanUtama: 'pendidikan' });
    await insertInnovation(region, period.id, alfa.id, {
      status: 'terverifikasi',
      tahapan: 'penerapan',
      jenis: 'non_digital',
      urusanUtama: 'kesehatan',
    });
    await insertInnovation(region, period.id, alfa.id, { status: 'diajukan', tahapan: 'penerapan', jenis: 'digital', urusanUtama: 'pendidikan' });
    await insertInnovation(region, period.id, beta.id, { status: 'dikembalikan' });
    await insertInnovation(region, period.id, beta.id, { status: 'ditolak', tahapan: 'inisiatif', jenis: 'digital', urusanUtama: 'sosial' });

    const d = await dashboard(region, period.id);
    expect(d.period.id).toBe(period.id);
    expect(d.byStatus).toEqual([
      { key: 'draft', count: 1 },
      { key: 'diajukan', count: 1 },
      { key: 'dikembalikan', count: 1 },
      { key: 'terverifikasi', count: 1 },
      { key: 'ditolak', count: 1 },
    ]);
    expect({ total: d.total, verified: d.verified }).toEqual({ total: 3, verified: 1 });
    expect(d.byTahapan).toEqual([
      { key: 'inisiatif', count: 0 },
      { key: 'uji_coba', count: 0 },
      { key: 'penerapan', count: 2 },
      { key: 'belum_diisi', count: 1 },
    ]);
    expect(d.byJenis).toEqual([
      { key: 'digital', count: 1 },
      { key: 'non_digital', count: 1 },
      { key: 'belum_diisi', count: 1 },
    ]);
    expect(d.byUrusan).toEqual([
      { key: 'pendidikan', count: 1 },
      { key: 'kesehatan', count: 1 },
      { key: 'belum_diisi', count: 1 },
    ]);
  });

  it('counts nothing from another period or another region', async () => {
    const region = freshRegion();
    const period = await createPeriod(region);
    const other = await createPeriod(region);
    const alfa = await makeUnit(t.db, region, { kind: 'dinas', name: 'Dinas Alfa' });
    await insertInnovation(region, period.id, alfa.id, { status: 'terverifikasi', urusanUtama: 'pendidikan' });
    await insertInnovation(region, other.id, alfa.id, { status: 'terverifikasi', urusanUtama: 'pendidikan' });
    // A row of another region that names this period: the region filter alone must keep it out.
    const foreign = freshRegion();
    const foreignUnit = await makeUnit(t.db, foreign);
    await insertInnovation(foreign, period.id, foreignUnit.id, { status: 'terverifikasi', urusanUtama: 'pendidikan' });

    const d = await dashboard(region, period.id);
    expect({ total: d.total, verified: d.verified }).toEqual({ total: 1, verified: 1 });
    expect(d.byUrusan).toEqual([{ key: 'pendidikan', count: 1 }]);
    expect(unitsOf(d)).toEqual([['Dinas Alfa', 1, 1, true]]);
    expect(d.yandas.find((y) => y.urusan === 'pendidikan')?.count).toBe(1);
  });

  it('lists every unit that owes the minimum, those short of it first, a unit with none at 0', async () => {
    const region = freshRegion();
    const period = await createPeriod(region, { minPerUnit: 2 });
    const alfa = await makeUnit(t.db, region, { kind: 'dinas', name: 'Dinas Alfa' });
    const beta = await makeUnit(t.db, region, { kind: 'badan', name: 'Badan Beta' });
    const gama = await makeUnit(t.db, region, { kind: 'kecamatan', name: 'Kecamatan Gama' });
    const delta = await makeUnit(t.db, region, { kind: 'inspektorat', name: 'Inspektorat Delta' });
    await makeUnit(t.db, region, { kind: 'kelurahan', name: 'Kelurahan Epsilon', parentId: gama.id });
    await insertInnovation(region, period.id, alfa.id, { status: 'dikembalikan' });
    await insertInnovation(region, period.id, alfa.id, { status: 'terverifikasi' });
    // Two rejected ones do not make up for the missing second innovation.
    await insertInnovation(region, period.id, beta.id, { status: 'diajukan' });
    await insertInnovation(region, period.id, beta.id, { status: 'ditolak' });
    await insertInnovation(region, period.id, beta.id, { status: 'ditolak' });
    for (const status of ['diajukan', 'dikembalikan', 'terverifikasi'] as const) await insertInnovation(region, period.id, delta.id, { status });

    const d = await dashboard(region, period.id);
    expect(unitsOf(d)).toEqual([
      ['Badan Beta', 1, 0, false],
      ['Kecamatan Gama', 0, 0, false],
      ['Dinas Alfa', 2, 1, true],
      ['Inspektorat Delta', 3, 1, true],
    ]);
    expect(d.units.find((u) => u.unitName === 'Kecamatan Gama')).toEqual({
      unitId: gama.id,
      unitName: 'Kecamatan Gama',
      kind: 'kecamatan',
      total: 0,
      verified: 0,
      drafts: 0,
      minimum: 2,
      meetsMinimum: false,
    });
  });

  it('makes schools, kelurahan and UPT owe the minimum only when the period counts sub-units', async () => {
    const region = freshRegion();
    const period = await createPeriod(region, { countsSubUnits: false });
    const make = (kind: UnitKind, name: string, parentId: string | null = null) => makeUnit(t.db, region, { kind, name, parentId });
    const disdik = await make('dinas', 'Dinas Pendidikan');
    const kecamatan = await make('kecamatan', 'Kecamatan Bukit');
    await make('upt', 'UPT Sanggar Belajar', disdik.id);
    const sekolah = await make('sekolah', 'SD Negeri 1', disdik.id);
    const kelurahan = await make('kelurahan', 'Kelurahan Lembah', kecamatan.id);
    await insertInnovation(region, period.id, sekolah.id, { status: 'terverifikasi' });
    await insertInnovation(region, period.id, kelurahan.id, { status: 'diajukan' });

    // Not counted: sub-units are absent, and what they propose counts for the unit above them.
    expect(unitsOf(await dashboard(region, period.id))).toEqual([
      ['Dinas Pendidikan', 1, 1, true],
      ['Kecamatan Bukit', 1, 0, true],
    ]);

    const res = await nasional.put(`/api/v1/regions/${region}/periods/${period.id}`, {
      year: period.year,
      opensOn: period.opensOn,
      closesOn: period.closesOn,
      targetTotal: period.targetTotal,
      minPerUnit: period.minPerUnit,
      countsSubUnits: true,
      version: period.version,
    });
    expect(res.statusCode, res.body).toBe(200);

    // Counted: every unit owes the minimum and counts only its own innovations.
    const d = await dashboard(region, period.id);
    expect(unitsOf(d)).toEqual([
      ['Dinas Pendidikan', 0, 0, false],
      ['Kecamatan Bukit', 0, 0, false],
      ['UPT Sanggar Belajar', 0, 0, false],
      ['Kelurahan Lembah', 1, 0, true],
      ['SD Negeri 1', 1, 1, true],
    ]);
    expect(d.units.map((u) => u.kind)).toEqual(['dinas', 'kecamatan', 'upt', 'kelurahan', 'sekolah']);
  });

  it('covers a yandas urusan through an urusan utama or an irisan, but not through a draft or a rejected innovation', async () => {
    const region = freshRegion();
    const period = await createPeriod(region);
    const unit = await makeUnit(t.db, region, { kind: 'dinas' });
    await insertInnovation(region, period.id, unit.id, { status: 'draft', urusanUtama: 'pendidikan' });
    await insertInnovation(region, period.id, unit.id, { status: 'terverifikasi', urusanUtama: 'kominfo', urusanIrisan: ['kesehatan', 'sosial'] });
    await insertInnovation(region, period.id, unit.id, { status: 'diajukan', urusanUtama: 'pendidikan', urusanIrisan: ['trantibum'] });
    await insertInnovation(region, period.id, unit.id, { status: 'ditolak', urusanUtama: 'pupr', urusanIrisan: ['perumahan'] });

    const d = await dashboard(region, period.id);
    expect(d.yandas).toEqual([
      { urusan: 'pendidikan', name: 'Pendidikan', count: 1 },
      { urusan: 'kesehatan', name: 'Kesehatan', count: 1 },
      { urusan: 'pupr', name: 'Pekerjaan Umum dan Penataan Ruang', count: 0 },
      { urusan: 'perumahan', name: 'Perumahan Rakyat dan Kawasan Permukiman', count: 0 },
      { urusan: 'trantibum', name: 'Ketenteraman, Ketertiban Umum dan Pelindungan Masyarakat', count: 1 },
      { urusan: 'sosial', name: 'Sosial', count: 1 },
    ]);
    expect(d.yandasCovered).toBe(4);
  });

  it('does not count a draft toward a unit minimum, and the period list counts what the headline counts', async () => {
    const region = freshRegion();
    const period = await createPeriod(region, { minPerUnit: 1 });
    const draftOnly = await makeUnit(t.db, region, { kind: 'dinas', name: 'Dinas Draf Saja' });
    const submitted = await makeUnit(t.db, region, { kind: 'badan', name: 'Badan Sudah Mengajukan' });
    await insertInnovation(region, period.id, draftOnly.id, { status: 'draft' });
    await insertInnovation(region, period.id, draftOnly.id, { status: 'ditolak' });
    await insertInnovation(region, period.id, submitted.id, { status: 'diajukan' });
    await insertInnovation(region, period.id, submitted.id, { status: 'draft' });

    const d = await dashboard(region, period.id);
    expect(d.units.map((u) => [u.unitName, u.total, u.drafts, u.meetsMinimum])).toEqual([
      ['Dinas Draf Saja', 0, 1, false],
      ['Badan Sudah Mengajukan', 1, 1, true],
    ]);
    expect(d.total).toBe(1);

    const listed = json<{ items: Period[] }>(await nasional.get(`/api/v1/regions/${region}/periods`)).items.find((p) => p.id === period.id);
    expect({ proposed: listed?.proposedCount, all: listed?.innovationCount }).toEqual({ proposed: d.total, all: 4 });
  });
});

// ---- XLSX ---------------------------------------------------------------------------------------

const EXPECTED_HEADERS = [
  'Nama inovasi',
  'Dibuat oleh',
  'Tahapan',
  'Inisiator',
  'Jenis',
  'Bentuk',
  'Urusan utama',
  'Urusan irisan',
  'Tematik',
  'Rancang bangun',
  'Tujuan',
  'Manfaat',
  'Hasil',
  'Waktu uji coba',
  'Waktu penerapan',
  'Status',
  'Koordinat',
  'Nama narahubung',
  'Telepon narahubung',
  'Surel narahubung',
  'Klasifikasi',
  'Nama inisiator',
  'Asta Cita',
  'Klaster PKPN',
  'Program PKPN',
  'Anggaran (Rp)',
  'Sumber anggaran',
];

/** The 2026 form's columns (Klasifikasi … Sumber anggaran) of an innovation that has none of them. */
const NO_2026_FIELDS = ['', '', '', '', '', '', ''];

type CellInput = string | number | Date | null;

/** A sheet with the given header row and data rows from row 2 on. */
async function xlsx(headers: string[], rows: CellInput[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Inovasi');
  sheet.getRow(1).values = headers;
  rows.forEach((cells, i) => {
    sheet.getRow(i + 2).values = cells;
  });
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

async function readSheetRows(file: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= EXPECTED_HEADERS.length; c++) {
      const cell = row.getCell(c);
      const v = cell.value;
      // A date must arrive as a date cell in the day-first format, not as text: say so in the value.
      if (v instanceof Date) cells.push(`date ${v.toISOString().slice(0, 10)} ${cell.numFmt}`);
      else cells.push(v === null || v === undefined ? '' : String(v));
    }
    rows.push(cells);
  });
  return rows;
}

async function exportOf(periodId: string): Promise<{ res: LightMyRequestResponse; file: Buffer }> {
  const res = await admin.get(`/api/v1/regions/${HOME}/periods/${periodId}/export.xlsx`);
  expect(res.statusCode, res.body).toBe(200);
  return { res, file: res.rawPayload };
}

function upload(file: Buffer, periodId: string, dryRun: boolean, client = admin) {
  return client.request('POST', `/api/v1/regions/${HOME}/innovations/import?periodId=${periodId}&dryRun=${dryRun}`, file, {
    'content-type': XLSX_MIME,
  });
}

async function periodCount(periodId: string): Promise<number> {
  const res = await admin.get(`/api/v1/regions/${HOME}/periods/${periodId}`);
  return json<Period>(res).innovationCount;
}

async function innovationsIn(periodId: string): Promise<InnovationSummary[]> {
  const res = await admin.get(`/api/v1/regions/${HOME}/innovations?periodId=${periodId}&pageSize=200&sort=name&order=asc`);
  expect(res.statusCode).toBe(200);
  return json<{ items: InnovationSummary[] }>(res).items;
}

const RANCANG_BANGUN = 'Warga mendaftar lewat aplikasi; petugas mengantar dokumen jadi ke rumah.';

describe('the XLSX export', () => {
  it('writes one row per innovation in the column order of the national form, with human labels', async () => {
    const period = await createPeriod(HOME, {}, admin);
    const kominfo = await makeUnit(t.db, HOME, { name: 'Dinas Komunikasi dan Informatika', shortName: 'Diskominfo X1' });
    const dukcapil = await makeUnit(t.db, HOME, { name: 'Dinas Kependudukan dan Pencatatan Sipil', shortName: 'Disdukcapil X1' });
    const created = await admin.post(`/api/v1/regions/${HOME}/innovations`, {
      periodId: period.id,
      unitId: dukcapil.id,
      name: 'Layanan Antar Jemput Dokumen',
      tahapan: 'uji_coba',
      inisiator: 'kepala_daerah',
      jenis: 'non_digital',
      bentuk: 'pelayanan_publik',
      urusanUtama: 'adminduk',
      urusanIrisan: ['kukm', 'trantibum'],
      tematik: 'penanggulangan_kemiskinan',
      waktuUjiCoba: '2025-02-03',
      rancangBangun: RANCANG_BANGUN,
      tujuan: 'Mendekatkan layanan',
      manfaat: 'Hemat waktu warga',
      hasil: 'Dokumen sampai dalam dua hari',
      latitude: -2.1291,
      longitude: 106.1134,
      contactName: 'Budi',
      contactPhone: '0812 3456',
      contactEmail: 'budi@pangkalpinang.go.id',
    });
    expect(created.statusCode, created.body).toBe(201);
    await insertInnovation(HOME, period.id, kominfo.id, {
      name: 'Aplikasi Lapor Warga',
      status: 'terverifikasi',
      tahapan: 'penerapan',
      jenis: 'digital',
      urusanUtama: 'kominfo',
      waktuUjiCoba: '2024-01-10',
      waktuPenerapan: '2024-07-01',
    });

    const { res, file } = await exportOf(period.id);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="inovasi-${HOME}-${period.year}.xlsx"`);
    const rows = await readSheetRows(file);
    expect(rows[0]).toEqual(EXPECTED_HEADERS);
    expect(rows.slice(1)).toEqual([
      [
        'Layanan Antar Jemput Dokumen',
        'Dinas Kependudukan dan Pencatatan Sipil',
        'Uji coba',
        'Kepala Daerah',
        'Non digital',
        'Inovasi pelayanan publik',
        'Administrasi Kependudukan dan Pencatatan Sipil',
        'Koperasi, Usaha Kecil dan Menengah; Ketenteraman, Ketertiban Umum dan Pelindungan Masyarakat',
        'Penanggulangan kemiskinan',
        RANCANG_BANGUN,
        'Mendekatkan layanan',
        'Hemat waktu warga',
        'Dokumen sampai dalam dua hari',
        'date 2025-02-03 dd/mm/yyyy',
        '',
        'Draf',
        '-2.129100, 106.113400',
        'Budi',
        '0812 3456',
        'budi@pangkalpinang.go.id',
        ...NO_2026_FIELDS,
      ],
      [
        'Aplikasi Lapor Warga',
        'Dinas Komunikasi dan Informatika',
        'Penerapan',
        '',
        'Digital',
        '',
        'Komunikasi dan Informatika',
        '',
        '',
        '',
        '',
        '',
        '',
        'date 2024-01-10 dd/mm/yyyy',
        'date 2024-07-01 dd/mm/yyyy',
        'Terverifikasi',
        '',
        '',
        '',
        '',
        ...NO_2026_FIELDS,
      ],
    ]);
  });
});

describe('the XLSX import', () => {
  const IMPORT_HEADERS = EXPECTED_HEADERS.map((h) => h.toUpperCase());
  let unitName: string;
  let shortName: string;

  beforeAll(async () => {
    const unit = await makeUnit(t.db, HOME, { name: 'Badan Perencanaan Pembangunan Daerah', shortName: 'Bappeda' });
    unitName = unit.name;
    shortName = 'BAPPEDA';
  });

  const row = (cells: Partial<Record<(typeof EXPECTED_HEADERS)[number], CellInput>>): CellInput[] => EXPECTED_HEADERS.map((h) => cells[h] ?? null);

  it('lists every row error in a dry run and writes nothing', async () => {
    const period = await createPeriod(HOME, {}, admin);
    const file = await xlsx(IMPORT_HEADERS, [
      row({
        'Nama inovasi': 'Sistem Antrean Daring',
        'Dibuat oleh': shortName,
        Tahapan: 'Uji coba',
        Jenis: 'digital',
        'Urusan utama': 'Komunikasi dan Informatika',
      }),
      row({ 'Nama inovasi': 'Inovasi Tanpa Unit', 'Dibuat oleh': 'Dinas Yang Tidak Ada' }),
      row({ 'Nama inovasi': 'Inovasi Tahapan Aneh', 'Dibuat oleh': unitName, Tahapan: 'Selesai' }),
      row({ 'Nama inovasi': 'Inovasi Tanggal Aneh', 'Dibuat oleh': unitName, 'Waktu uji coba': '2025-02-30' }),
      row({ 'Dibuat oleh': unitName, Tahapan: 'Inisiatif' }),
    ]);

    const res = await upload(file, period.id, true);
    expect(res.statusCode, res.body).toBe(200);
    const report = json<InnovationImportReport>(res);
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'Dibuat oleh'],
      [4, 'Tahapan'],
      [5, 'Waktu uji coba'],
      [6, 'Nama inovasi'],
    ]);
    expect(report.errors[0]?.reason).toContain('Dinas Yang Tidak Ada');
    expect(report.errors[1]?.reason).toContain('Selesai');
    expect(report.errors[2]?.reason).toContain('YYYY-MM-DD');
    expect(report.errors[3]?.reason).toBe('Nama inovasi wajib diisi');
    expect(report).toMatchObject({ dryRun: true, totalRows: 5, validRows: 1, created: 0 });
    expect(report.preview).toEqual([
      { row: 2, name: 'Sistem Antrean Daring', unitName, tahapan: 'uji_coba', jenis: 'digital', urusanUtama: 'kominfo' },
    ]);
    expect(await periodCount(period.id)).toBe(0);

    // The same file for real: refused as a whole, still nothing written.
    const real = await upload(file, period.id, false);
    expect(real.statusCode).toBe(400);
    expect(errorOf(real).code).toBe('VALIDATION_FAILED');
    expect(errorOf(real).issues?.map((i) => i.field)).toEqual([
      'baris 3 · Dibuat oleh',
      'baris 4 · Tahapan',
      'baris 5 · Waktu uji coba',
      'baris 6 · Nama inovasi',
    ]);
    expect(await periodCount(period.id)).toBe(0);
  });

  it('checks enums, urusan, coordinates and e-mail like the form does', async () => {
    const period = await createPeriod(HOME, {}, admin);
    const file = await xlsx(IMPORT_HEADERS, [
      row({
        'Nama inovasi': 'Inovasi Berisi Salah',
        'Dibuat oleh': unitName,
        Inisiator: 'Camat',
        Jenis: 'Analog',
        Bentuk: 'Lain-lain sekali',
        'Urusan utama': 'Urusan Antariksa',
        'Urusan irisan': 'Kesehatan; Perikanan Darat',
        Tematik: 'Tematik baru',
        'Waktu penerapan': '31/12/2025',
        Koordinat: 'di dekat pasar',
        'Surel narahubung': 'bukan-surel',
      }),
    ]);
    const report = json<InnovationImportReport>(await upload(file, period.id, true));
    expect(report.errors.map((e) => e.field)).toEqual([
      'Inisiator',
      'Jenis',
      'Bentuk',
      'Urusan utama',
      'Urusan irisan',
      'Tematik',
      'Waktu penerapan',
      'Koordinat',
      'Surel narahubung',
    ]);
    expect(report.validRows).toBe(0);
  });

  it('creates draft innovations in a real run, each with an "imported" event, and one audit entry', async () => {
    const period = await createPeriod(HOME, {}, admin);
    const file = await xlsx(IMPORT_HEADERS, [
      row({
        'Nama inovasi': 'Sistem Antrean Daring',
        'Dibuat oleh': shortName,
        Tahapan: 'uji_coba',
        Inisiator: 'ASN',
        Jenis: 'Non-Digital',
        Bentuk: 'Inovasi tata kelola pemerintahan daerah',
        'Urusan utama': 'perencanaan',
        'Urusan irisan': 'Kesehatan; Koperasi, Usaha Kecil dan Menengah',
        Tematik: 'Non tematik',
        'Rancang bangun': RANCANG_BANGUN,
        Tujuan: 'Antrean tertib',
        'Waktu uji coba': new Date(Date.UTC(2025, 0, 15)),
        'Waktu penerapan': '2025-06-01',
        Status: 'Terverifikasi',
        Koordinat: '-2.1, 106.1',
        'Nama narahubung': 'Siti',
        'Surel narahubung': 'siti@pangkalpinang.go.id',
      }),
      row({ 'Nama inovasi': 'Bank Data Pembangunan', 'Dibuat oleh': unitName.toUpperCase() }),
    ]);

    const res = await upload(file, period.id, false);
    expect(res.statusCode, res.body).toBe(200);
    expect(json<InnovationImportReport>(res)).toMatchObject({ dryRun: false, totalRows: 2, validRows: 2, created: 2, errors: [] });

    const list = await innovationsIn(period.id);
    expect(list.map((i) => [i.name, i.status, i.unitName])).toEqual([
      ['Bank Data Pembangunan', 'draft', unitName],
      ['Sistem Antrean Daring', 'draft', unitName],
    ]);
    const id = list[1]?.id ?? '';
    const detail = json<Innovation>(await admin.get(`/api/v1/regions/${HOME}/innovations/${id}`));
    expect(detail).toMatchObject({
      tahapan: 'uji_coba',
      inisiator: 'asn',
      jenis: 'non_digital',
      bentuk: 'tata_kelola',
      urusanUtama: 'perencanaan',
      urusanIrisan: ['kesehatan', 'kukm'],
      tematik: 'non_tematik',
      rancangBangun: RANCANG_BANGUN,
      tujuan: 'Antrean tertib',
      waktuUjiCoba: '2025-01-15',
      waktuPenerapan: '2025-06-01',
      latitude: -2.1,
      longitude: 106.1,
      contactName: 'Siti',
      contactEmail: 'siti@pangkalpinang.go.id',
    });
    expect(detail.timeline.map((e) => [e.action, e.toStatus, e.note])).toEqual([['imported', 'draft', 'Impor XLSX, baris 2']]);

    const audit = await admin.get(`/api/v1/regions/${HOME}/audit?action=innovation.imported`);
    const entries = json<{ items: AuditItem[] }>(audit).items.filter((a) => (a.after as { periodId?: string }).periodId === period.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.after).toMatchObject({ created: 2, rows: 2 });
  });

  it('reads back what the export wrote: a clean dry run, and a real run that exports identically', async () => {
    const source = await createPeriod(HOME, {}, admin);
    const unit = await makeUnit(t.db, HOME, { name: 'Dinas Sosial', shortName: 'Dinsos X2' });
    await insertInnovation(HOME, source.id, unit.id, {
      name: 'Dapur Umum Keliling',
      status: 'terverifikasi',
      tahapan: 'penerapan',
      inisiator: 'masyarakat',
      jenis: 'non_digital',
      bentuk: 'lainnya',
      urusanUtama: 'sosial',
      urusanIrisan: ['trantibum', 'kukm', 'kesehatan'],
      tematik: 'prioritas_aktual_presiden',
      rancangBangun: `${RANCANG_BANGUN}\nBaris kedua.`,
      tujuan: 'Makanan bagi warga terdampak',
      manfaat: 'Tidak ada yang kelaparan',
      hasil: '1.200 porsi per hari',
      waktuUjiCoba: '2023-03-01',
      waktuPenerapan: '2023-09-15',
      latitude: '-2.123456',
      longitude: '106.654321',
      contactName: 'Andi',
      contactPhone: '0812000',
      contactEmail: 'andi@pangkalpinang.go.id',
      klasifikasi: 'masyarakat',
      namaInisiator: 'Karang Taruna Bukit Intan',
      astaCita: '6',
      pkpnKlaster: 'kemiskinan',
      pkpnProgram: 'Makan bergizi',
      anggaran: '125000000.50',
      sumberAnggaran: 'apbdes',
    });
    await insertInnovation(HOME, source.id, unit.id, { name: 'Inovasi Baru Dimulai', status: 'draft' });
    await insertInnovation(HOME, source.id, unit.id, {
      name: 'Kartu Sehat Digital',
      status: 'ditolak',
      tahapan: 'inisiatif',
      inisiator: 'anggota_dprd',
      jenis: 'digital',
      bentuk: 'tata_kelola',
      urusanUtama: 'kesehatan',
      tematik: 'digitalisasi_layanan',
    });
    const { file } = await exportOf(source.id);

    const target = await createPeriod(HOME, {}, admin);
    const dry = json<InnovationImportReport>(await upload(file, target.id, true));
    expect(dry).toMatchObject({ totalRows: 3, validRows: 3, created: 0, errors: [] });
    expect(dry.preview.map((p) => p.name)).toEqual(['Dapur Umum Keliling', 'Inovasi Baru Dimulai', 'Kartu Sehat Digital']);
    expect(await periodCount(target.id)).toBe(0);

    const real = await upload(file, target.id, false);
    expect(real.statusCode, real.body).toBe(200);
    const status = EXPECTED_HEADERS.indexOf('Status');
    const withoutStatus = (rows: string[][]) => rows.map((r) => r.filter((_, i) => i !== status));
    const again = await readSheetRows((await exportOf(target.id)).file);
    expect(withoutStatus(again)).toEqual(withoutStatus(await readSheetRows(file)));
    expect(again.slice(1).map((r) => r[status])).toEqual(['Draf', 'Draf', 'Draf']);
  });

  it('refuses a sheet without the required columns, a file that is not XLSX, an unknown period and a file over 5 MB', async () => {
    const period = await createPeriod(HOME, {}, admin);
    const noUnit = await upload(await xlsx(['Nama inovasi', 'Tahapan'], [['Inovasi', 'Inisiatif']]), period.id, true);
    expect(noUnit.statusCode).toBe(400);
    expect(errorOf(noUnit).issues?.map((i) => i.reason)).toEqual(['Kolom "Dibuat oleh" tidak ditemukan pada baris judul']);

    const notXlsx = await upload(Buffer.from('Nama inovasi,Dibuat oleh\nA,B\n'), period.id, true);
    expect(notXlsx.statusCode).toBe(415);

    const good = await xlsx(EXPECTED_HEADERS, [row({ 'Nama inovasi': 'Inovasi', 'Dibuat oleh': unitName })]);
    const unknownPeriod = await upload(good, '00000000-0000-4000-8000-000000000000', true);
    expect(unknownPeriod.statusCode).toBe(400);
    expect(errorOf(unknownPeriod).issues?.map((i) => i.field)).toEqual(['querystring.periodId']);

    const tooBig = await upload(Buffer.alloc(5 * 1024 * 1024 + 1), period.id, true);
    expect(tooBig.statusCode).toBe(413);
    expect(await periodCount(period.id)).toBe(0);
  });

  it('is for the regional admin: an operator may not import', async () => {
    const period = await createPeriod(HOME, {}, admin);
    const operator = (await clientFor(t, 'operator', HOME)).client;
    const file = await xlsx(EXPECTED_HEADERS, [row({ 'Nama inovasi': 'Inovasi', 'Dibuat oleh': unitName })]);
    const res = await upload(file, period.id, false, operator);
    expect(res.statusCode).toBe(403);
    expect(await periodCount(period.id)).toBe(0);
  });
});
