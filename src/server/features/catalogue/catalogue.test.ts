/**
 * The public catalogue through the HTTP API, without login, on a small known dataset: only verified
 * innovations, Indonesian full-text search with ranking, the filters, paging, caching headers, and no
 * private field in any answer.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InnovationStatus } from '#domain/innovations/workflow.ts';
import type { PublicInnovation } from '#shared/api/innovations.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { innovations, periods } from '#server/db/schema.ts';
import { CATALOGUE_COUNT_CAP, listPublicInnovations } from './catalogue.queries.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const KOTA = '19.71'; // Kota Pangkal Pinang, province 19
const KABUPATEN = '19.01'; // Kabupaten Bangka, province 19
const ELSEWHERE = '62.71'; // Kota Palangka Raya, province 62

let t: TestApp;
let pub: Client;

interface PublicList {
  items: Pick<PublicInnovation, 'id' | 'regionCode' | 'regionName' | 'year' | 'unitName' | 'name' | 'tahapan' | 'jenis' | 'urusanUtama' | 'tujuan'>[];
  total: number;
  totalCapped: boolean;
}

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;

async function makePeriod(regionCode: string, year: number): Promise<string> {
  const [row] = await t.db
    .insert(periods)
    .values({ regionCode, year, opensOn: `${year}-01-01`, closesOn: `${year}-12-31`, targetTotal: 10 })
    .returning({ id: periods.id });
  if (!row) throw new Error('period not created');
  return row.id;
}

type InnovationRow = typeof innovations.$inferInsert;

async function makeInnovation(fields: Omit<InnovationRow, 'status'> & { status?: InnovationStatus }): Promise<string> {
  const [row] = await t.db
    .insert(innovations)
    .values({ status: 'terverifikasi', ...fields })
    .returning({ id: innovations.id });
  if (!row) throw new Error('innovation not created');
  return row.id;
}

const ids: Record<string, string> = {};
const SECRET = {
  contactName: 'Narahubung Rahasia Sekali',
  contactPhone: '+62 812 0000 4242',
  contactEmail: 'rahasia@pangkalpinang.go.id',
  reviewNotes: { tujuan: 'Catatan verifikator yang rahasia' },
};
let disdikId: string;

beforeAll(async () => {
  t = await startTestApp();
  pub = anonymous(t.app);
  const kota2024 = await makePeriod(KOTA, 2024);
  const kota2025 = await makePeriod(KOTA, 2025);
  const kab2025 = await makePeriod(KABUPATEN, 2025);
  const else2025 = await makePeriod(ELSEWHERE, 2025);
  const disdukcapil = await makeUnit(t.db, KOTA, { name: 'Dinas Kependudukan dan Pencatatan Sipil' });
  const disdik = await makeUnit(t.db, KOTA, { name: 'Dinas Pendidikan' });
  disdikId = disdik.id;
  const dinkes = await makeUnit(t.db, KOTA, { name: 'Dinas Kesehatan' });
  const dlh = await makeUnit(t.db, KABUPATEN, { name: 'Dinas Lingkungan Hidup Bangka' });
  const dkukm = await makeUnit(t.db, ELSEWHERE, { name: 'Dinas Koperasi dan UKM' });

  ids.antarJemput = await makeInnovation({
    regionCode: KOTA,
    periodId: kota2025,
    unitId: disdukcapil.id,
    name: 'Layanan Antar Jemput Dokumen Kependudukan',
    tahapan: 'penerapan',
    inisiator: 'opd',
    jenis: 'digital',
    bentuk: 'pelayanan_publik',
    urusanUtama: 'adminduk',
    urusanIrisan: ['kominfo'],
    tematik: 'digitalisasi_layanan',
    waktuUjiCoba: '2024-02-01',
    waktuPenerapan: '2024-08-01',
    rancangBangun: 'Petugas mengantar dokumen ke rumah warga.',
    tujuan: 'Mendekatkan dokumen kependudukan kepada warga',
    manfaat: 'Warga tidak perlu datang ke kantor',
    hasil: 'Dokumen sampai dalam dua hari',
    latitude: '-2.129000',
    longitude: '106.113000',
    ...SECRET,
    rejectionReason: 'alasan lama yang rahasia',
    verifiedAt: new Date('2025-03-01T08:00:00Z'),
  });
  ids.sekolah = await makeInnovation({
    regionCode: KOTA,
    periodId: kota2025,
    unitId: disdik.id,
    name: 'Sekolah Ramah Anak',
    tahapan: 'uji_coba',
    jenis: 'non_digital',
    urusanUtama: 'pendidikan',
    urusanIrisan: ['p3a'],
    tujuan: 'Meningkatkan pelayanan pendidikan yang aman bagi anak',
    verifiedAt: new Date('2025-04-01T08:00:00Z'),
  });
  ids.posyandu = await makeInnovation({
    regionCode: KOTA,
    periodId: kota2024,
    unitId: dinkes.id,
    name: 'Posyandu Digital',
    tahapan: 'penerapan',
    jenis: 'digital',
    urusanUtama: 'kesehatan',
    urusanIrisan: ['pendidikan'],
    tujuan: 'Pencatatan tumbuh kembang balita',
    verifiedAt: new Date('2024-06-01T08:00:00Z'),
  });
  ids.bankSampah = await makeInnovation({
    regionCode: KABUPATEN,
    periodId: kab2025,
    unitId: dlh.id,
    name: 'Bank Sampah Desa',
    tahapan: 'inisiatif',
    jenis: 'non_digital',
    urusanUtama: 'lingkungan_hidup',
    tujuan: 'Mengurangi sampah rumah tangga',
    verifiedAt: new Date('2025-02-01T08:00:00Z'),
  });
  ids.pasar = await makeInnovation({
    regionCode: ELSEWHERE,
    periodId: else2025,
    unitId: dkukm.id,
    name: 'Pasar Daring UMKM',
    tahapan: 'uji_coba',
    jenis: 'digital',
    urusanUtama: 'kukm',
    tujuan: 'Membuka pasar bagi usaha kecil',
    verifiedAt: new Date('2025-01-15T08:00:00Z'),
  });
  // Not verified: every one would match "pelayanan" and every filter of the kota's 2025 period.
  for (const status of ['draft', 'diajukan', 'dikembalikan', 'ditolak'] as const) {
    ids[status] = await makeInnovation({
      regionCode: KOTA,
      periodId: kota2025,
      unitId: disdik.id,
      status,
      name: `Layanan Antar Jemput ${status}`,
      tahapan: 'uji_coba',
      jenis: 'non_digital',
      urusanUtama: 'pendidikan',
      tujuan: 'Pelayanan pendidikan',
      ...SECRET,
    });
  }
});
afterAll(() => t.close());

const NAMES: Record<string, string> = {
  antarJemput: 'Layanan Antar Jemput Dokumen Kependudukan',
  sekolah: 'Sekolah Ramah Anak',
  posyandu: 'Posyandu Digital',
  bankSampah: 'Bank Sampah Desa',
  pasar: 'Pasar Daring UMKM',
};

async function search(query: string, client = pub): Promise<PublicList> {
  const res = await client.get(`/api/v1/public/innovations${query ? `?${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<PublicList>(res);
}

const namesOf = (list: PublicList) => list.items.map((i) => i.name);

describe('the public list', () => {
  it('shows only verified innovations, newest verified first, to a caller without a session', async () => {
    expect(pub.cookie).toBeNull();
    const list = await search('');
    expect(namesOf(list)).toEqual([NAMES.sekolah, NAMES.antarJemput, NAMES.bankSampah, NAMES.pasar, NAMES.posyandu]);
    expect(list.total).toBe(5);
  });

  it('describes each entry with its region, year and unit', async () => {
    const list = await search('region=19.71&year=2024');
    expect(list.items).toEqual([
      {
        id: ids.posyandu,
        regionCode: KOTA,
        regionName: 'Kota Pangkal Pinang',
        year: 2024,
        unitName: 'Dinas Kesehatan',
        name: NAMES.posyandu,
        tahapan: 'penerapan',
        jenis: 'digital',
        urusanUtama: 'kesehatan',
        tujuan: 'Pencatatan tumbuh kembang balita',
      },
    ]);
  });

  it('finds "Layanan …" when searching for "pelayanan" (Indonesian stemming), best match first', async () => {
    // The name match (weight A) outranks the newer innovation that mentions it only in its purpose.
    const list = await search('q=pelayanan');
    expect(namesOf(list)).toEqual([NAMES.antarJemput, NAMES.sekolah]);
    expect(list.total).toBe(2);
  });

  it('understands web-search syntax and finds nothing for an unknown word', async () => {
    expect(namesOf(await search(`q=${encodeURIComponent('"antar jemput" -sekolah')}`))).toEqual([NAMES.antarJemput]);
    expect(await search('q=zzqxwv')).toEqual({ items: [], total: 0, totalCapped: false });
  });

  it('takes a province code as all its kabupaten/kota, and a kabupaten/kota code as itself', async () => {
    expect(namesOf(await search('region=19'))).toEqual([NAMES.sekolah, NAMES.antarJemput, NAMES.bankSampah, NAMES.posyandu]);
    expect(namesOf(await search('region=19.71'))).toEqual([NAMES.sekolah, NAMES.antarJemput, NAMES.posyandu]);
    expect(namesOf(await search('region=19.01'))).toEqual([NAMES.bankSampah]);
    expect(namesOf(await search('region=62'))).toEqual([NAMES.pasar]);
  });

  it('filters by year, unit, urusan (utama or irisan), tahapan and jenis, and combines them', async () => {
    expect(namesOf(await search('year=2024'))).toEqual([NAMES.posyandu]);
    expect(namesOf(await search(`unit=${disdikId}`))).toEqual([NAMES.sekolah]);
    expect(namesOf(await search('urusan=pendidikan'))).toEqual([NAMES.sekolah, NAMES.posyandu]);
    expect(namesOf(await search('tahapan=penerapan'))).toEqual([NAMES.antarJemput, NAMES.posyandu]);
    expect(namesOf(await search('jenis=non_digital'))).toEqual([NAMES.sekolah, NAMES.bankSampah]);
    expect(namesOf(await search('region=19&year=2025&jenis=digital'))).toEqual([NAMES.antarJemput]);
  });

  it('pages through the results with the total of all matches on every page', async () => {
    const pages = [await search('pageSize=2&page=1'), await search('pageSize=2&page=2'), await search('pageSize=2&page=3')];
    expect(pages.map(namesOf)).toEqual([[NAMES.sekolah, NAMES.antarJemput], [NAMES.bankSampah, NAMES.pasar], [NAMES.posyandu]]);
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
  });

  it('finds a word within one year, and stops counting at its cap and says so', async () => {
    expect(namesOf(await search('q=pelayanan&year=2025'))).toEqual([NAMES.antarJemput, NAMES.sekolah]);
    expect(namesOf(await search('q=pelayanan&year=2024'))).toEqual([]);
    // The year is a lexeme of the vector: typing it as a word finds nothing.
    expect((await search(`q=${encodeURIComponent('#2025')}`)).total).toBe(0);
    const capped = await listPublicInnovations(t.db, { page: 1, pageSize: 2 }, 3);
    expect([capped.total, capped.totalCapped, capped.items.length]).toEqual([3, true, 2]);
    const exact = await listPublicInnovations(t.db, { page: 1, pageSize: 2 }, 5);
    expect([exact.total, exact.totalCapped]).toEqual([5, false]);
  });

  it('refuses a page past the last counted entry, naming the field', async () => {
    const res = await pub.get(`/api/v1/public/innovations?pageSize=100&page=${CATALOGUE_COUNT_CAP / 100 + 1}`);
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).error.issues?.map((i) => i.field)).toEqual(['page']);
    expect((await pub.get(`/api/v1/public/innovations?pageSize=100&page=${CATALOGUE_COUNT_CAP / 100}`)).statusCode).toBe(200);
  });

  it("keeps each innovation's year equal to its period's, even when the period's year is corrected", async () => {
    const period = await makePeriod(ELSEWHERE, 2019);
    const unit = await makeUnit(t.db, ELSEWHERE, { name: 'Dinas Perhubungan Uji Tahun' });
    const id = await makeInnovation({
      regionCode: ELSEWHERE,
      periodId: period,
      unitId: unit.id,
      name: 'Angkutan Sekolah Gratis',
      verifiedAt: new Date('2019-06-01T00:00:00Z'),
    });
    const yearOf = async () => (await t.db.select({ year: innovations.year }).from(innovations).where(eq(innovations.id, id)))[0]?.year;
    expect(await yearOf()).toBe(2019);
    // Writing the year directly does not stick: the period decides.
    await t.db.update(innovations).set({ year: 1999 }).where(eq(innovations.id, id));
    expect(await yearOf()).toBe(2019);
    await t.db.update(periods).set({ year: 2018 }).where(eq(periods.id, period));
    expect(await yearOf()).toBe(2018);
    expect(namesOf(await search('q=angkutan&year=2018'))).toEqual(['Angkutan Sekolah Gratis']);
    expect(namesOf(await search('q=angkutan&year=2019'))).toEqual([]);
    await t.db.delete(innovations).where(eq(innovations.id, id));
  });

  it('refuses a malformed filter with the field named', async () => {
    const res = await pub.get('/api/v1/public/innovations?region=19.7&tahapan=selesai');
    expect(res.statusCode).toBe(400);
    expect(
      json<ErrorBody>(res)
        .error.issues?.map((i) => i.field)
        .sort(),
    ).toEqual(['querystring.region', 'querystring.tahapan']);
  });

  it('never carries contacts or verifier notes', async () => {
    const res = await pub.get('/api/v1/public/innovations?q=antar');
    expect(res.statusCode).toBe(200);
    for (const secret of [SECRET.contactName, SECRET.contactPhone, SECRET.contactEmail, SECRET.reviewNotes.tujuan, 'contact', 'reviewNotes']) {
      expect(res.body).not.toContain(secret);
    }
  });
});

describe('the public detail', () => {
  it('shows a verified innovation with its public profile', async () => {
    const res = await pub.get(`/api/v1/public/innovations/${ids.antarJemput}`);
    expect(res.statusCode).toBe(200);
    expect(json<PublicInnovation>(res)).toEqual({
      id: ids.antarJemput,
      regionCode: KOTA,
      regionName: 'Kota Pangkal Pinang',
      year: 2025,
      unitName: 'Dinas Kependudukan dan Pencatatan Sipil',
      name: NAMES.antarJemput,
      tahapan: 'penerapan',
      inisiator: 'opd',
      jenis: 'digital',
      bentuk: 'pelayanan_publik',
      urusanUtama: 'adminduk',
      urusanIrisan: ['kominfo'],
      tematik: 'digitalisasi_layanan',
      tematikName: 'Digitalisasi layanan pemerintahan',
      klasifikasi: null,
      astaCita: null,
      pkpnKlaster: null,
      pkpnProgram: null,
      waktuUjiCoba: '2024-02-01',
      waktuPenerapan: '2024-08-01',
      rancangBangun: 'Petugas mengantar dokumen ke rumah warga.',
      tujuan: 'Mendekatkan dokumen kependudukan kepada warga',
      manfaat: 'Warga tidak perlu datang ke kantor',
      hasil: 'Dokumen sampai dalam dua hari',
      latitude: -2.129,
      longitude: 106.113,
      verifiedAt: '2025-03-01T08:00:00.000Z',
    });
  });

  it('never contains contacts, verifier notes, a rejection reason or the timeline, even for a logged-in admin', async () => {
    const admin = (await clientFor(t, 'admin_daerah', KOTA)).client;
    for (const client of [pub, admin]) {
      const res = await client.get(`/api/v1/public/innovations/${ids.antarJemput}`);
      expect(res.statusCode).toBe(200);
      for (const hidden of ['contactName', 'contactPhone', 'contactEmail', 'reviewNotes', 'rejectionReason', 'timeline', 'evidence']) {
        expect(res.body).not.toContain(hidden);
      }
      for (const secret of [SECRET.contactName, SECRET.contactPhone, SECRET.contactEmail, SECRET.reviewNotes.tujuan, 'alasan lama']) {
        expect(res.body).not.toContain(secret);
      }
    }
  });

  it('is not found for anything that is not verified, and for an unknown id', async () => {
    for (const key of ['draft', 'diajukan', 'dikembalikan', 'ditolak']) {
      const res = await pub.get(`/api/v1/public/innovations/${ids[key]}`);
      expect(res.statusCode, key).toBe(404);
      expect(json<ErrorBody>(res).error.code).toBe('NOT_FOUND');
      expect(res.body).not.toContain(SECRET.contactName);
    }
    expect((await pub.get(`/api/v1/public/innovations/${randomUUID()}`)).statusCode).toBe(404);
  });
});

describe('caching', () => {
  it('lets browsers and proxies keep an answer for a minute, and answers 304 to a matching ETag', async () => {
    for (const url of ['/api/v1/public/innovations?region=19.71', `/api/v1/public/innovations/${ids.sekolah}`]) {
      const first = await pub.get(url);
      expect(first.headers['cache-control']).toBe('public, max-age=60');
      const etag = String(first.headers.etag ?? '');
      expect(etag).toMatch(/^W\/".+"$/);
      const again = await pub.request('GET', url, undefined, { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      const stale = await pub.request('GET', url, undefined, { 'if-none-match': 'W/"something-else"' });
      expect(stale.statusCode).toBe(200);
    }
  });

  it('changes the ETag when the answer changes', async () => {
    const url = '/api/v1/public/innovations?region=63.71';
    const before = await pub.get(url);
    expect(json<PublicList>(before)).toEqual({ items: [], total: 0, totalCapped: false });
    const periodId = await makePeriod('63.71', 2025);
    const unit = await makeUnit(t.db, '63.71');
    await makeInnovation({
      regionCode: '63.71',
      periodId,
      unitId: unit.id,
      name: 'Kios Pelayanan Terpadu',
      verifiedAt: new Date('2025-05-01T00:00:00Z'),
    });
    const after = await pub.request('GET', url, undefined, { 'if-none-match': String(before.headers.etag) });
    expect(after.statusCode).toBe(200);
    expect(namesOf(json<PublicList>(after))).toEqual(['Kios Pelayanan Terpadu']);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });
});

describe('GET /api/v1/public/innovations/units', () => {
  it('lists only units with verified innovations of the region, with their counts, without login', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/innovations/units?region=19.71' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; count: number; regionCode: string }[];
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/public/innovations?region=19.71&pageSize=100' });
    const total = listed.json().total as number;
    expect(total).toBeGreaterThan(0);
    expect(items.reduce((n, u) => n + u.count, 0)).toBe(total);
    expect(items.every((u) => u.regionCode === '19.71')).toBe(true);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/public/innovations/units?region=x' });
    expect(bad.statusCode).toBe(400);
  });
});
