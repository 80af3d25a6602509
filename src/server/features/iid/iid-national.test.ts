/**
 * The 2026 profile fields and the exchange with the national IID application, through the HTTP API: each new
 * field's validation (klasifikasi, Asta Cita, a negative or malformed budget, a tematik outside the year's
 * framework list), what the catalogue may show; the national export read back (profile 1.1–1.16, then the
 * Indikator part, then SPD, in order); the import of the validation result (a dry run and a real run with bad
 * rows write nothing; replacing needs the version); the side-by-side figures equal the period page's.
 */
import { and, eq, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iidStructure } from '#domain/iid/structure.ts';
import { loadShipped } from '#domain/scoring/load-shipped.ts';
import type { ErrorBody } from '#shared/errors.ts';
import type { IidProjectionResponse } from '#shared/api/iid.ts';
import type { NationalComparison, NationalImportReport } from '#shared/api/iid-national.ts';
import type { Innovation, PublicInnovation } from '#shared/api/innovations.ts';
import {
  attachments,
  auditLog,
  frameworkVersions,
  iidAnswers,
  iidNationalInnovationResults,
  iidNationalResults,
  innovations,
  periods,
} from '#server/db/schema.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { anonymous, type Client, clientFor, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const OTHER = '62.71';
const SID_IDS = Array.from({ length: 20 }, (_, i) => String(i + 16));
const words = (n: number) => Array.from({ length: n }, (_, i) => ['warga', 'mendaftar', 'antrean', 'melalui', 'aplikasi'][i % 5]).join(' ');

let t: TestApp;
let admin: Client;
let operator: Client;
let otherAdmin: Client;
let unitId: string;

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const issuesOf = (res: LightMyRequestResponse) => (json<ErrorBody>(res).error.issues ?? []).map((i) => ({ field: i.field, reason: i.reason }));
const iidUrl = (path: string, region = HOME) => `/api/v1/regions/${region}/iid${path}`;

async function ok<T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return json<T>(r);
}

let year = 2040;
async function makePeriod(fields: Partial<typeof periods.$inferInsert> = {}) {
  year += 1;
  const [row] = await t.db
    .insert(periods)
    .values({ regionCode: HOME, year, opensOn: `${year}-01-01`, closesOn: `${year}-11-30`, targetTotal: 10, ...fields })
    .returning();
  if (!row) throw new Error('period not created');
  return row;
}

async function shippedVersionId(frameworkId: string): Promise<string> {
  const rows = await t.db
    .select({ id: frameworkVersions.id, version: frameworkVersions.version })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.frameworkId, frameworkId), isNull(frameworkVersions.regionCode)));
  const newest = rows.sort((a, b) => b.version.localeCompare(a.version, 'en', { numeric: true }))[0];
  if (!newest) throw new Error(`${frameworkId} is not registered`);
  return newest.id;
}

/** A region's own IID framework version whose tematik list differs from the shipped one. */
async function regionFrameworkWithTematik(list: Array<{ id: string; name: string }>): Promise<string> {
  const base = loadShipped('iid-2026');
  const body = { ...base, version: '9.0.0', innovationProfile: { tematik: list } };
  const [row] = await t.db
    .insert(frameworkVersions)
    .values({ frameworkId: base.id, version: body.version, name: base.name, inputKind: base.inputKind, regionCode: HOME, body, origin: 'upload' })
    .returning({ id: frameworkVersions.id });
  if (!row) throw new Error('framework not stored');
  return row.id;
}

let counter = 0;
async function makeInnovation(periodId: string, fields: Partial<typeof innovations.$inferInsert> = {}) {
  counter += 1;
  const [row] = await t.db
    .insert(innovations)
    .values({
      regionCode: HOME,
      periodId,
      unitId,
      name: `Inovasi ${String(counter).padStart(3, '0')}`,
      status: 'terverifikasi',
      urusanUtama: 'pendidikan',
      rancangBangun: words(320),
      waktuPenerapan: '2024-07-01',
      ...fields,
    })
    .returning();
  if (!row) throw new Error('innovation not created');
  return row;
}

async function storeAnswers(periodId: string, innovationId: string | null, levels: Record<string, number>) {
  await t.db.insert(iidAnswers).values(
    Object.entries(levels).map(([indicatorId, level]) => ({
      regionCode: HOME,
      periodId,
      innovationId,
      indicatorId,
      claimedLevel: level,
      basisUkur: indicatorId === '33' ? 'a' : null,
      verification: 'accepted',
      verifiedLevel: level,
    })),
  );
}

async function readRows(file: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values: string[] = [];
    for (let c = 1; c <= 7; c += 1) {
      const v = row.getCell(c).value;
      values.push(v === null || v === undefined ? '' : String(v));
    }
    rows.push(values);
  });
  return rows;
}

type Cell = string | number | null;
async function sheetOf(headers: string[], rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Hasil');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const HEADERS = [
  'Jenis baris',
  'ID inovasi',
  'Nama inovasi',
  'Skor nasional',
  'Status nasional',
  'Catatan',
  'Indeks nasional',
  'Peringkat nasional',
  'Predikat',
];
const upload = (client: Client, periodId: string, file: Buffer, query: string) =>
  client.request('POST', iidUrl(`/periods/${periodId}/national-import?${query}`), file, { 'content-type': XLSX_MIME });

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  otherAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
  const op = await clientFor(t, 'operator', HOME);
  if (!op.user.unitId) throw new Error('operator without unit');
  operator = op.client;
  unitId = op.user.unitId;
});
afterAll(() => t.close());

// ---- the 2026 profile fields ------------------------------------------------------------------------

describe('the 2026 profile fields', () => {
  const create = (periodId: string, fields: object) =>
    operator.post(`/api/v1/regions/${HOME}/innovations`, { periodId, name: 'Posyandu Digital', ...fields });

  it('refuses a bad klasifikasi, an Asta Cita outside 1–8, an unknown PKPN cluster, a negative or malformed budget and an unknown source, naming each field', async () => {
    const period = await makePeriod();
    const res = await create(period.id, {
      klasifikasi: 'kecamatan',
      astaCita: '9',
      pkpnKlaster: 'pariwisata',
      anggaran: '-5000000',
      sumberAnggaran: 'hibah_luar_negeri',
    });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual(
      expect.arrayContaining([
        { field: 'body.klasifikasi', reason: 'Klasifikasi harus Perangkat Daerah, Desa atau Masyarakat' },
        { field: 'body.astaCita', reason: 'Asta Cita harus salah satu dari nomor 1 sampai 8' },
        { field: 'body.pkpnKlaster', reason: 'Klaster PKPN tidak dikenal' },
        { field: 'body.anggaran', reason: 'Anggaran tidak boleh negatif' },
        { field: 'body.sumberAnggaran', reason: 'Sumber anggaran harus APBD, APBDes, APBN, swasta atau lainnya' },
      ]),
    );
    const malformed = await create(period.id, { anggaran: '1.500.000' });
    expect(issuesOf(malformed)).toEqual([
      {
        field: 'body.anggaran',
        reason: 'Anggaran ditulis dalam rupiah dengan angka saja, paling banyak dua desimal (mis. 150000000 atau 2500000.50)',
      },
    ]);
    // A number is refused: a budget never travels as a binary float.
    expect((await create(period.id, { anggaran: 150000000 })).statusCode).toBe(400);
    const [row] = await t.db.select({ id: innovations.id }).from(innovations).where(eq(innovations.periodId, period.id));
    expect(row).toBeUndefined();
  });

  it('stores the fields exactly (the budget to the sen) and shows them on the detail, but not the budget or the name on the catalogue', async () => {
    const period = await makePeriod();
    const created = await ok<{ id: string }>(
      create(period.id, {
        klasifikasi: 'desa',
        astaCita: '6',
        pkpnKlaster: 'ekonomi_desa',
        pkpnProgram: 'Koperasi Desa Merah Putih',
        anggaran: '9999999999999.99',
        sumberAnggaran: 'apbdes',
        namaInisiator: 'Kepala Desa Air Itam',
        tematik: 'penanggulangan_kemiskinan',
      }),
      201,
    );
    const detail = await ok<Innovation>(admin.get(`/api/v1/regions/${HOME}/innovations/${created.id}`));
    expect(detail).toMatchObject({
      klasifikasi: 'desa',
      astaCita: '6',
      pkpnKlaster: 'ekonomi_desa',
      pkpnProgram: 'Koperasi Desa Merah Putih',
      anggaran: '9999999999999.99',
      sumberAnggaran: 'apbdes',
      namaInisiator: 'Kepala Desa Air Itam',
      tematik: 'penanggulangan_kemiskinan',
    });
    expect(detail.tematikOptions.map((o) => o.id)).toContain('penanggulangan_kemiskinan');

    await t.db.update(innovations).set({ status: 'terverifikasi', verifiedAt: new Date() }).where(eq(innovations.id, created.id));
    const pub = await ok<PublicInnovation>(anonymous(t.app).get(`/api/v1/public/innovations/${created.id}`));
    expect(pub).toMatchObject({ klasifikasi: 'desa', astaCita: '6', pkpnKlaster: 'ekonomi_desa', tematikName: 'Penanggulangan kemiskinan' });
    expect(Object.keys(pub)).not.toContain('anggaran');
    expect(Object.keys(pub)).not.toContain('namaInisiator');
    expect(JSON.stringify(pub)).not.toContain('Kepala Desa Air Itam');
  });

  it('takes the tematik list from the IID framework of the period: a tematik of another year is refused with the year named', async () => {
    const versionId = await regionFrameworkWithTematik([
      { id: 'ketahanan_pangan', name: 'Ketahanan pangan' },
      { id: 'non_tematik', name: 'Non tematik' },
    ]);
    const period = await makePeriod({ iidFrameworkVersionId: versionId });
    const refused = await create(period.id, { tematik: 'kemudahan_investasi' });
    expect(refused.statusCode).toBe(400);
    expect(issuesOf(refused)).toEqual([
      {
        field: 'body.tematik',
        reason: `Tematik "kemudahan_investasi" tidak ada dalam daftar tematik IID tahun ${period.year}; pilih salah satu: Ketahanan pangan, Non tematik`,
      },
    ]);
    const accepted = await ok<{ id: string }>(create(period.id, { tematik: 'ketahanan_pangan' }), 201);
    const detail = await ok<Innovation>(operator.get(`/api/v1/regions/${HOME}/innovations/${accepted.id}`));
    expect(detail.tematikOptions).toEqual([
      { id: 'ketahanan_pangan', name: 'Ketahanan pangan' },
      { id: 'non_tematik', name: 'Non tematik' },
    ]);
    // Changing it later to another year's theme is refused too; the stored one stays.
    const update = await operator.put(`/api/v1/regions/${HOME}/innovations/${accepted.id}`, {
      name: 'Posyandu Digital',
      tematik: 'digitalisasi_layanan',
      version: detail.version,
    });
    expect(update.statusCode).toBe(400);
    expect(issuesOf(update)[0]?.field).toBe('body.tematik');

    // A period on the shipped 2026 framework keeps the 2023 form's list.
    const shipped = await makePeriod({ iidFrameworkVersionId: await shippedVersionId('iid-2026') });
    expect((await create(shipped.id, { tematik: 'kemudahan_investasi' })).statusCode).toBe(201);
    expect((await create(shipped.id, { tematik: 'ketahanan_pangan' })).statusCode).toBe(400);
  });
});

// ---- export, import, side by side -------------------------------------------------------------------

describe('the exchange with the national application', () => {
  let periodId: string;
  let periodYear: number;
  let first: typeof innovations.$inferSelect;
  let second: typeof innovations.$inferSelect;

  beforeAll(async () => {
    const period = await makePeriod({ iidFrameworkVersionId: await shippedVersionId('iid-2026'), iidEvidenceRequired: false });
    periodId = period.id;
    periodYear = period.year;
    first = await makeInnovation(periodId, {
      name: 'Antrean Puskesmas Daring',
      klasifikasi: 'perangkat_daerah',
      inisiator: 'asn',
      namaInisiator: 'dr. Rina',
      anggaran: '250000000.00',
      sumberAnggaran: 'apbd',
      astaCita: '4',
      tematik: 'digitalisasi_layanan',
    });
    second = await makeInnovation(periodId, { name: 'Bank Sampah Sekolah', urusanUtama: 'lingkungan_hidup' });
    await makeInnovation(periodId, { name: 'Draf Belum Diajukan', status: 'draft' });
    await storeAnswers(periodId, first.id, Object.fromEntries(SID_IDS.map((id) => [id, 3])));
    await storeAnswers(periodId, second.id, Object.fromEntries(SID_IDS.map((id) => [id, 1])));
    await storeAnswers(periodId, null, { '1': 2, '2a': 3 });
    await t.db.insert(attachments).values({
      ownerType: 'innovation',
      ownerId: first.id,
      regionCode: HOME,
      slot: 'sid.16',
      kind: 'link',
      title: 'Perbup',
      url: 'https://jdih.example.go.id/perbup-12.pdf',
    });
  });

  it('exports the verified innovations: profile 1.1–1.16, then the Indikator part, then the SPD answers', async () => {
    const res = await admin.get(iidUrl(`/periods/${periodId}/national-export.xlsx`));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    const rows = await readRows(res.rawPayload);
    expect(rows[0]).toEqual(['Bagian', 'No', 'Butir', 'Inovasi', 'Isian', 'Bukti dukung', 'Kematangan']);
    const body = rows.slice(1);
    // The draft is not exported; the verified ones by name.
    expect([...new Set(body.map((r) => r[3]).filter(Boolean))]).toEqual(['Antrean Puskesmas Daring', 'Bank Sampah Sekolah']);
    // Per innovation: Profil lines, then Indikator lines; the SPD part comes last.
    expect(body.map((r) => `${r[0]}:${r[3]}`).filter((v, i, all) => all[i - 1] !== v)).toEqual([
      'Profil:Antrean Puskesmas Daring',
      'Indikator:Antrean Puskesmas Daring',
      'Profil:Bank Sampah Sekolah',
      'Indikator:Bank Sampah Sekolah',
      'SPD:',
    ]);
    const profile = body.filter((r) => r[0] === 'Profil' && r[3] === 'Antrean Puskesmas Daring');
    const numbers = [...new Set(profile.map((r) => r[1]))];
    expect(numbers).toEqual(Array.from({ length: 16 }, (_, i) => `1.${i + 1}`));
    const item = (label: string) => profile.find((r) => r[2] === label)?.[4];
    expect(item('Klasifikasi')).toBe('Inovasi Perangkat Daerah');
    expect(item('Nama inisiator')).toBe('dr. Rina');
    expect(item('Anggaran (Rp)')).toBe('250000000.00');
    expect(item('Sumber anggaran')).toBe('APBD');
    expect(item('Tematik')).toBe('Digitalisasi layanan pemerintahan');
    expect(item('Asta Cita')).toMatch(/^Asta Cita 4: Memperkuat pembangunan sumber daya manusia/);

    const indicators = body.filter((r) => r[0] === 'Indikator' && r[3] === 'Antrean Puskesmas Daring');
    // In the framework's own order (the national form's), every SID indicator once.
    expect(indicators.map((r) => r[1])).toEqual(iidStructure(loadShipped('iid-2026')).sid.map((i) => i.id));
    expect([...(indicators.map((r) => r[1]) as string[])].sort((a, b) => Number(a) - Number(b))).toEqual(SID_IDS);
    // Indicator 16 (bobot 3) at parameter 3 (3 points): kematangan 9.00, with its evidence link.
    const regulasi = indicators.find((r) => r[1] === '16');
    expect(regulasi).toEqual(expect.arrayContaining(['16', 'https://jdih.example.go.id/perbup-12.pdf', '9.00']));
    expect(regulasi?.[4]).toMatch(/^3\. /);
    // 1.16 Kematangan is the innovation's verified score, as the period page shows it.
    const page = await ok<IidProjectionResponse>(admin.get(iidUrl(`/periods/${periodId}`)));
    expect(item('Kematangan')).toBe(page.innovations.find((i) => i.id === first.id)?.verifiedScore);

    const spd = body.filter((r) => r[0] === 'SPD');
    expect(spd.slice(0, 2).map((r) => r[1])).toEqual(['1', '2a']);
    expect(spd.at(-1)?.[2]).toBe('Jumlah skor SPD (terverifikasi)');
  });

  it('checks every row of the national result on a dry run and writes nothing while any row is bad', async () => {
    const bad = await sheetOf(HEADERS, [
      ['DAERAH', null, null, null, null, null, '105', 'satu', 'Luar Biasa'],
      ['INOVASI', first.id, null, '-3', 'Valid', null, null, null, null],
      ['INOVASI', '00000000-0000-4000-8000-000000000000', null, '10', 'Valid', null, null, null, null],
      ['INOVASI', null, 'Bank Sampah Sekolah', '12.5', 'mungkin', null, null, null, null],
      ['INOVASI', second.id, null, '12.5', 'Valid', null, null, null, null],
      ['KECAMATAN', null, null, null, null, null, null, null, null],
    ]);
    const dry = await ok<NationalImportReport>(upload(admin, periodId, bad, 'dryRun=true'));
    expect(dry.dryRun).toBe(true);
    expect(dry.saved).toBe(0);
    expect(dry.errors).toEqual([
      { row: 2, field: 'Indeks nasional', reason: 'Indeks nasional "105" harus angka 0 sampai 100 dengan paling banyak dua desimal' },
      { row: 2, field: 'Peringkat nasional', reason: 'Peringkat nasional "satu" harus bilangan bulat mulai 1' },
      {
        row: 2,
        field: 'Predikat',
        reason:
          'Predikat "Luar Biasa" tidak dikenal pada Indeks Inovasi Daerah 2026 (BSKDN Kemendagri); gunakan salah satu: Sangat Inovatif, Inovatif, Kurang Inovatif, Tidak Dapat Dinilai',
      },
      { row: 3, field: 'Skor nasional', reason: 'Skor nasional "-3" harus angka tidak negatif dengan paling banyak dua desimal' },
      {
        row: 4,
        field: 'ID inovasi',
        reason: `Inovasi dengan ID "00000000-0000-4000-8000-000000000000" tidak ada pada periode ${periodYear} daerah ini`,
      },
      { row: 5, field: 'Status nasional', reason: 'Status nasional "mungkin" tidak dikenal; tulis Valid atau Tidak valid' },
      { row: 6, field: 'ID inovasi', reason: 'Inovasi "Bank Sampah Sekolah" sudah ada pada baris 5' },
      { row: 7, field: 'Jenis baris', reason: 'Jenis baris "KECAMATAN" tidak dikenal; tulis DAERAH atau INOVASI' },
    ]);

    const real = await upload(admin, periodId, bad, 'dryRun=false');
    expect(real.statusCode).toBe(400);
    expect(issuesOf(real)[0]).toEqual({
      field: 'baris 2 · Indeks nasional',
      reason: 'Indeks nasional "105" harus angka 0 sampai 100 dengan paling banyak dua desimal',
    });
    expect(await t.db.select().from(iidNationalResults).where(eq(iidNationalResults.periodId, periodId))).toEqual([]);
    expect(await t.db.select().from(iidNationalInnovationResults).where(eq(iidNationalInnovationResults.periodId, periodId))).toEqual([]);
  });

  it('stores a clean result and shows claimed, verified and national side by side, equal to the period page, with the gap', async () => {
    const good = await sheetOf(HEADERS, [
      ['DAERAH', null, null, null, null, null, '41,5', '120', 'inovatif'],
      ['INOVASI', first.id, null, '60', 'Valid', null, null, null, null],
      ['INOVASI', null, 'bank sampah sekolah', '10.25', 'Ditolak', 'Bukti kurang', null, null, null],
    ]);
    const dry = await ok<NationalImportReport>(upload(admin, periodId, good, 'dryRun=true'));
    expect(dry.errors).toEqual([]);
    expect(dry.region).toEqual({ nationalIndex: '41.5', nationalRank: 120, predicate: 'Inovatif' });
    expect(await t.db.select().from(iidNationalResults).where(eq(iidNationalResults.periodId, periodId))).toEqual([]);
    const saved = await ok<NationalImportReport>(upload(admin, periodId, good, 'dryRun=false&fileName=hasil-2026.xlsx'));
    expect(saved.saved).toBe(3);

    const page = await ok<IidProjectionResponse>(admin.get(iidUrl(`/periods/${periodId}`)));
    const side = await ok<NationalComparison>(admin.get(iidUrl(`/periods/${periodId}/national`)));
    expect(side.region.claimed).toEqual({ index: page.claimed.index, predicate: page.claimed.predicate });
    expect(side.region.verified).toEqual({ index: page.verified.index, predicate: page.verified.predicate });
    expect(side.region.national).toEqual({ index: '41.50', rank: 120, predicate: 'Inovatif' });
    const expectedGap = (Math.round((41.5 - Number(page.verified.index)) * 100) / 100).toFixed(2);
    expect(side.region.gap?.replace('+', '')).toBe(expectedGap);
    for (const i of page.innovations) {
      const s = side.innovations.find((x) => x.id === i.id);
      expect(s).toMatchObject({ claimedScore: i.claimedScore, verifiedScore: i.verifiedScore });
    }
    const firstLine = side.innovations.find((x) => x.id === first.id);
    expect(firstLine).toMatchObject({ nationalScore: '60.00', nationalStatus: 'valid' });
    const secondLine = side.innovations.find((x) => x.id === second.id);
    expect(secondLine).toMatchObject({ nationalScore: '10.25', nationalStatus: 'tidak_valid', nationalNote: 'Bukti kurang' });
    expect(side.imported).toMatchObject({ fileName: 'hasil-2026.xlsx', version: 1, innovationCount: 2 });

    // Replacing it needs the version; with it, the new result replaces the old one whole.
    const again = await sheetOf(HEADERS, [['DAERAH', null, null, null, null, null, '42', '110', 'Inovatif']]);
    const stale = await upload(admin, periodId, again, 'dryRun=false');
    expect(stale.statusCode).toBe(409);
    await ok(upload(admin, periodId, again, 'dryRun=false&version=1'));
    const after = await ok<NationalComparison>(admin.get(iidUrl(`/periods/${periodId}/national`)));
    expect(after.region.national).toEqual({ index: '42.00', rank: 110, predicate: 'Inovatif' });
    expect(after.innovations.every((i) => i.nationalScore === null)).toBe(true);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'iid.national_imported'), eq(auditLog.entityId, periodId)));
    expect(audit).toHaveLength(2);
  });

  it('offers a template with the DAERAH line and one line per verified innovation', async () => {
    const res = await admin.get(iidUrl(`/periods/${periodId}/national-template.xlsx`));
    expect(res.statusCode).toBe(200);
    const rows = await readRows(res.rawPayload);
    expect(rows[0]?.slice(0, 3)).toEqual(['Jenis baris', 'ID inovasi', 'Nama inovasi']);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['DAERAH', ''],
      ['INOVASI', first.id],
      ['INOVASI', second.id],
    ]);
  });

  it('keeps it inside the region and with the admin', async () => {
    for (const path of ['/national', '/national-export.xlsx', '/national-template.xlsx']) {
      expect((await otherAdmin.get(iidUrl(`/periods/${periodId}${path}`))).statusCode).toBe(403);
    }
    expect((await otherAdmin.get(iidUrl(`/periods/${periodId}/national`, OTHER))).statusCode).toBe(404);
    expect((await operator.get(iidUrl(`/periods/${periodId}/national-export.xlsx`))).statusCode).toBe(403);
    const file = await sheetOf(HEADERS, [['DAERAH', null, null, null, null, null, '1', '1', null]]);
    expect((await upload(operator, periodId, file, 'dryRun=true')).statusCode).toBe(403);
  });
});
