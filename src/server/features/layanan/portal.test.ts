/**
 * The public portal API without login: a region's active services (search, unit filter, the latest IKM
 * and whether the survey is open), one service's page with its questionnaire and published follow-up,
 * a service's IKM of a year, and the A4 poster whose QR code leads to the survey page.
 */
import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSUR_KEYS, type UnsurKey } from '#domain/services/skm.ts';
import type { SkmPeriod } from '#shared/api/skm.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { services } from '#server/db/schema.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';
import { qrMatrix } from './poster.ts';
import { todayInIndonesia } from './skm-periods.service.ts';
import { insertResponses } from './skm-responses.service.ts';

const HOME = '19.71';
const YEAR = Number(todayInIndonesia(new Date()).slice(0, 4));

let t: TestApp;
let admin: Client;
let pub: Client;
const json = <T>(res: LightMyRequestResponse): T => res.json() as T;

interface PublicItem {
  id: string;
  name: string;
  unitName: string;
  ikm: { index: string; grade: string; responses: number; year: number } | null;
  surveyOpen: boolean;
}

async function makeService(region: string, unitId: string, name: string, fields: Partial<typeof services.$inferInsert> = {}) {
  const [row] = await t.db
    .insert(services)
    .values({ regionCode: region, unitId, name, ...fields })
    .returning();
  if (!row) throw new Error('service not created');
  return row;
}

const answers = (v: number) => Object.fromEntries(UNSUR_KEYS.map((k) => [k, v])) as Record<UnsurKey, number>;

let dukcapil: { id: string };
let rsud: { id: string };
let akta: { id: string };
let ktp: { id: string };
let poli: { id: string };
let hidden: { id: string };
let previous: SkmPeriod;

beforeAll(async () => {
  t = await startTestApp({ publicWritePerMinute: 100_000 });
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  pub = anonymous(t.app);
  dukcapil = await makeUnit(t.db, HOME, { name: 'Dinas Kependudukan dan Pencatatan Sipil' });
  rsud = await makeUnit(t.db, HOME, { name: 'RSUD Depati Hamzah' });
  akta = await makeService(HOME, dukcapil.id, 'Penerbitan Akta Kelahiran', {
    category: 'Administrasi kependudukan',
    description: 'Pencatatan kelahiran dan penerbitan kutipan akta',
    requirements: 'Surat keterangan lahir',
    cost: 'Gratis',
  });
  ktp = await makeService(HOME, dukcapil.id, 'Penerbitan KTP-el');
  poli = await makeService(HOME, rsud.id, 'Poliklinik Rawat Jalan', { description: 'Pemeriksaan dokter spesialis' });
  hidden = await makeService(HOME, rsud.id, 'Layanan Lama', { isActive: false });

  // Last year's period: answers, closed, with a follow-up plan.
  const res = await admin.post(`/api/v1/regions/${HOME}/skm-periods`, { year: YEAR - 1, startsOn: `${YEAR - 1}-01-01`, endsOn: `${YEAR - 1}-12-31` });
  expect(res.statusCode, res.body).toBe(201);
  previous = json<SkmPeriod>(res);
  // Answers land in an open period covering today; last year's gets its answers as paper forms would, through the batch path.
  await insertResponses(t.db, [
    ...Array.from({ length: 5 }, () => ({
      regionCode: HOME,
      periodId: previous.id,
      serviceId: akta.id,
      answers: answers(4),
      channel: 'kertas' as const,
    })),
    ...Array.from({ length: 4 }, () => ({
      regionCode: HOME,
      periodId: previous.id,
      serviceId: poli.id,
      answers: answers(2),
      channel: 'kertas' as const,
    })),
  ]);
  await admin.post(`/api/v1/regions/${HOME}/skm-periods/${previous.id}/follow-ups`, {
    serviceId: poli.id,
    unsur: 'U3',
    action: 'Menambah loket pendaftaran',
    owner: 'Direktur RSUD',
    dueOn: `${YEAR}-06-30`,
    status: 'berjalan',
    progress: 50,
  });
  await admin.post(`/api/v1/regions/${HOME}/skm-periods/${previous.id}/follow-ups`, {
    serviceId: akta.id,
    action: 'Cetak mandiri akta di rumah',
    owner: 'Kepala Disdukcapil',
    dueOn: `${YEAR}-03-31`,
  });
  await admin.post(`/api/v1/regions/${HOME}/skm-periods/${previous.id}/close`, { version: 1 });

  // This year: an open period over chosen services (poliklinik left out).
  const current = await admin.post(`/api/v1/regions/${HOME}/skm-periods`, {
    year: YEAR,
    startsOn: `${YEAR}-01-01`,
    endsOn: `${YEAR}-12-31`,
    allServices: false,
    serviceIds: [akta.id, ktp.id],
  });
  expect(current.statusCode, current.body).toBe(201);
  expect((await pub.post(`/api/v1/public/services/${ktp.id}/skm-responses`, { answers: answers(3) })).statusCode).toBe(201);
});
afterAll(() => t.close());

const listUrl = (query = '') => `/api/v1/public/regions/${HOME}/services${query}`;

describe('the public service list', () => {
  it('lists active services only, with their unit, latest IKM (of the latest period with answers) and survey state', async () => {
    const res = await pub.get(listUrl());
    expect(res.statusCode, res.body).toBe(200);
    const body = json<{ items: PublicItem[]; total: number }>(res);
    expect(body.total).toBe(3);
    expect(body.items.map((s) => s.name)).toEqual(['Penerbitan Akta Kelahiran', 'Penerbitan KTP-el', 'Poliklinik Rawat Jalan']);
    expect(body.items.some((s) => s.id === hidden.id)).toBe(false);
    const byName = Object.fromEntries(body.items.map((s) => [s.name, s]));
    expect(byName['Penerbitan Akta Kelahiran']).toMatchObject({
      unitName: 'Dinas Kependudukan dan Pencatatan Sipil',
      ikm: { index: '100.00', grade: 'A', responses: 5, year: YEAR - 1 },
      surveyOpen: true,
    });
    expect(byName['Penerbitan KTP-el']).toMatchObject({ ikm: { index: '75.00', grade: 'C', responses: 1, year: YEAR }, surveyOpen: true });
    expect(byName['Poliklinik Rawat Jalan']).toMatchObject({ ikm: { index: '50.00', grade: 'D', year: YEAR - 1 }, surveyOpen: false });
  });

  it('searches by words of the name, description or unit, and filters by unit', async () => {
    const names = async (query: string) => json<{ items: PublicItem[] }>(await pub.get(listUrl(query))).items.map((s) => s.name);
    expect(await names('?q=akta')).toEqual(['Penerbitan Akta Kelahiran']);
    expect(await names('?q=kelahiran')).toEqual(['Penerbitan Akta Kelahiran']);
    expect(await names('?q=dokter')).toEqual(['Poliklinik Rawat Jalan']);
    expect(await names('?q=depati')).toEqual(['Poliklinik Rawat Jalan']);
    expect(await names(`?unitId=${dukcapil.id}`)).toEqual(['Penerbitan Akta Kelahiran', 'Penerbitan KTP-el']);
    expect(await names('?q=%25')).toEqual([]);
    expect((await pub.get('/api/v1/public/regions/99.99/services')).statusCode).toBe(404);
  });
});

describe('one service page', () => {
  it('shows the standard, the open questionnaire and the published follow-up of the latest closed period', async () => {
    const res = await pub.get(`/api/v1/public/services/${akta.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = json<{
      regionName: string;
      requirements: string;
      cost: string;
      surveyOpen: boolean;
      survey: { label: string; questions: Array<{ unsur: string; name: string; options: string[] }> } | null;
      followUps: Array<{ action: string; status: string }>;
    }>(res);
    expect(body).toMatchObject({ regionName: 'Kota Pangkal Pinang', requirements: 'Surat keterangan lahir', cost: 'Gratis', surveyOpen: true });
    expect(body.survey?.label).toBe(String(YEAR));
    expect(body.survey?.questions.map((q) => q.unsur)).toEqual([...UNSUR_KEYS]);
    expect(body.survey?.questions[3]).toMatchObject({ name: 'Biaya/Tarif', options: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'] });
    // Its own follow-up; the poliklinik's stays on the poliklinik's page.
    expect(body.followUps).toEqual([
      { unsur: null, action: 'Cetak mandiri akta di rumah', dueOn: `${YEAR}-03-31`, status: 'direncanakan', progress: 0 },
    ]);

    const poliPage = json<{ survey: unknown; surveyOpen: boolean; followUps: Array<{ action: string }> }>(
      await pub.get(`/api/v1/public/services/${poli.id}`),
    );
    expect(poliPage).toMatchObject({ survey: null, surveyOpen: false, followUps: [{ action: 'Menambah loket pendaftaran' }] });
  });

  it('is 404 for an inactive or unknown service', async () => {
    for (const id of [hidden.id, randomUUID()]) {
      const res = await pub.get(`/api/v1/public/services/${id}`);
      expect(res.statusCode).toBe(404);
      expect(json<ErrorBody>(res).error.code).toBe('SKM_SERVICE_NOT_FOUND');
    }
  });
});

describe('a service IKM by year', () => {
  it('answers the contract for a given year, the latest year without one, and 404 for a year without answers', async () => {
    const lastYear = json<{ index: string; grade: string; responses: number; unsur: Record<string, { nrr: string }> }>(
      await pub.get(`/api/v1/public/services/${poli.id}/ikm?year=${YEAR - 1}`),
    );
    expect(lastYear).toMatchObject({ index: '50.00', grade: 'D', responses: 4 });
    expect(lastYear.unsur.U9).toEqual({ nrr: '2.000', answered: 4 });
    expect(json<{ responses: number }>(await pub.get(`/api/v1/public/services/${ktp.id}/ikm`)).responses).toBe(1);
    const none = await pub.get(`/api/v1/public/services/${poli.id}/ikm?year=${YEAR}`);
    expect(none.statusCode).toBe(404);
    expect(json<ErrorBody>(none).error.code).toBe('SKM_NO_RESULTS');
    expect((await pub.get(`/api/v1/public/services/${poli.id}/ikm?year=abc`)).statusCode).toBe(400);
  });
});

describe('the survey poster', () => {
  it('is an A4 PDF with the service, its unit and a QR code of the survey page', async () => {
    const res = await pub.request('GET', `/api/v1/public/services/${akta.id}/poster.pdf`, undefined, { host: 'layanan.pangkalpinangkota.go.id' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const content = inflated(pdf);
    const url = `http://layanan.pangkalpinangkota.go.id/portal/${HOME}/layanan/${akta.id}/survei`;
    const text = textOf(content);
    for (const expected of ['Penerbitan Akta Kelahiran', 'Dinas Kependudukan dan Pencatatan Sipil', url]) expect(text).toContain(expected);
    // The QR modules are drawn as filled squares: as many as the code of that address has dark modules.
    const dark = (await qrMatrix(url)).flat().filter(Boolean).length;
    expect(dark).toBeGreaterThan(200);
    expect((content.match(/ re\n/g) ?? []).length).toBeGreaterThanOrEqual(dark);
    expect((await pub.get(`/api/v1/public/services/${hidden.id}/poster.pdf`)).statusCode).toBe(404);
  });
});

describe('the per-address limit of survey answers', () => {
  it('refuses answers past SINERGI_PUBLIC_WRITES_PER_MINUTE from one address, storing none of them', async () => {
    const limited = await startTestApp({ publicWritePerMinute: 3 });
    try {
      const unit = await makeUnit(limited.db, HOME);
      const [service] = await limited.db.insert(services).values({ regionCode: HOME, unitId: unit.id, name: 'Layanan Sibuk' }).returning();
      if (!service) throw new Error('service not created');
      const client = anonymous(limited.app);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await client.post(`/api/v1/public/services/${service.id}/skm-responses`, { answers: answers(3) })).statusCode);
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      const listed = json<{ items: PublicItem[] }>(await client.get(`/api/v1/public/regions/${HOME}/services`)).items;
      expect(listed[0]?.ikm?.responses).toBe(3);
    } finally {
      await limited.close();
    }
  });
});

/** The PDF with its Flate streams inflated. */
function inflated(pdf: Buffer): string {
  return pdf.toString('latin1').replace(/stream\n([\s\S]*?)\nendstream/g, (whole, body: string) => {
    try {
      return `stream\n${inflateSync(Buffer.from(body, 'latin1')).toString('latin1')}\nendstream`;
    } catch {
      return whole;
    }
  });
}

/** pdfkit's standard fonts write text as hex strings inside TJ arrays. */
function textOf(content: string): string {
  const lines: string[] = [];
  for (const match of content.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?\d+(?:\.\d+)?)*)\]\s*TJ/g)) {
    let line = '';
    for (const hex of (match[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) line += Buffer.from(hex[1] ?? '', 'hex').toString('latin1');
    lines.push(line);
  }
  return lines.join('');
}
