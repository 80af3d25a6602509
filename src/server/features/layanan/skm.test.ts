/**
 * Satisfaction surveys through the HTTP API on a real database: periods (overlap, framework, close and
 * reopen, populations), the public answer with every kind of bad input, retries and the device
 * interval (and nothing half-stored after a refusal), results per service, unit and region equal to the
 * engine's IKM of the raw answers, results by respondent group, paper-form import with operator
 * scoping, the raw-answer workbook, the follow-up plan with its evidence, and the report PDF.
 */
import { randomUUID } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSUR_KEYS, type UnsurKey } from '#domain/services/skm.ts';
import { evaluateSurvey } from '#domain/scoring/ikm.ts';
import { shipped } from '#domain/scoring/test-support.ts';
import type { FollowUp, IkmResult, SkmGroupResults, SkmPeriod, SkmResults } from '#shared/api/skm.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { services, skmPeriods, skmResponses, skmTallies } from '#server/db/schema.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { pdfText } from '../../../../test/support/pdf-text.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';
import { makePdf } from '../../../../test/support/files.ts';
import { todayInIndonesia } from './skm-periods.service.ts';
import { buildSkmReportPdf, skmReportData } from './skm-report.ts';
import { submitSkmResponse } from './skm-responses.service.ts';

const HOME = '19.71';
const framework = shipped('ikm-2017');
const TODAY = todayInIndonesia(new Date());
const YEAR = Number(TODAY.slice(0, 4));

let t: TestApp;
let admin: Client;
let pub: Client;

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const periodsUrl = (region = HOME) => `/api/v1/regions/${region}/skm-periods`;
const answerUrl = (serviceId: string) => `/api/v1/public/services/${serviceId}/skm-responses`;

async function makeService(region: string, unitId: string, fields: Partial<{ name: string; isActive: boolean }> = {}) {
  const [row] = await t.db
    .insert(services)
    .values({ regionCode: region, unitId, name: fields.name ?? `Layanan Uji ${randomUUID().slice(0, 8)}`, isActive: fields.isActive ?? true })
    .returning();
  if (!row) throw new Error('service not created');
  return row;
}

type Answers = Record<UnsurKey, number>;
const answersOf = (values: number[]): Answers => Object.fromEntries(UNSUR_KEYS.map((k, i) => [k, values[i % values.length] ?? 3])) as Answers;

function answer(serviceId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return pub.request('POST', answerUrl(serviceId), body, headers);
}

async function countsFor(serviceId: string) {
  const [rows] = await t.db.select({ n: count() }).from(skmResponses).where(eq(skmResponses.serviceId, serviceId));
  const [tally] = await t.db
    .select({ n: sql<number>`coalesce(sum(${skmTallies.responses}), 0)::int`, s1: sql<number>`coalesce(sum(${skmTallies.s1}), 0)::int` })
    .from(skmTallies)
    .where(eq(skmTallies.serviceId, serviceId));
  return { rows: rows?.n ?? 0, tallied: tally?.n ?? 0, s1: tally?.s1 ?? 0 };
}

async function createPeriod(body: Record<string, unknown>, region = HOME, client = admin): Promise<SkmPeriod> {
  const res = await client.post(periodsUrl(region), body);
  expect(res.statusCode, res.body).toBe(201);
  return json<SkmPeriod>(res);
}

/** A deterministic generator (mulberry32), so the random surveys replay. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const engineIkm = (answers: Answers[]) => {
  const result = evaluateSurvey(framework, { responses: answers });
  if (!result.ok) throw new Error('raw answers should score');
  return result.result;
};

// The home region's services for the whole file: a period of the current year over all services.
let unitA: { id: string; name: string };
let unitB: { id: string; name: string };
/** Where the other tests' services live, so units A and B hold only the results tests' services. */
let unitC: { id: string; name: string };
let serviceA1: { id: string; name: string };
let serviceA2: { id: string; name: string };
let serviceB1: { id: string; name: string };
let current: SkmPeriod;

beforeAll(async () => {
  t = await startTestApp({ publicWritePerMinute: 100_000 });
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  pub = anonymous(t.app);
  unitA = await makeUnit(t.db, HOME, { name: 'Dinas Kependudukan dan Pencatatan Sipil Uji' });
  unitB = await makeUnit(t.db, HOME, { name: 'Rumah Sakit Umum Daerah Uji' });
  unitC = await makeUnit(t.db, HOME, { name: 'Dinas Sosial Uji' });
  serviceA1 = await makeService(HOME, unitA.id, { name: 'Akta Kelahiran Uji' });
  serviceA2 = await makeService(HOME, unitA.id, { name: 'KTP Elektronik Uji' });
  serviceB1 = await makeService(HOME, unitB.id, { name: 'Poliklinik Uji' });
  current = await createPeriod({ year: YEAR, startsOn: `${YEAR}-01-01`, endsOn: `${YEAR}-12-31`, deviceIntervalHours: 24 });
});
afterAll(() => t.close());

// ---- periods ----------------------------------------------------------------------------------------

describe('survey periods', () => {
  it('are named by year (and semester), take the default wording unless the region rewords a question, and count services', async () => {
    expect(current).toMatchObject({ label: String(YEAR), status: 'dibuka', allServices: true, serviceCount: 3, version: 1 });
    const reworded = await admin.put(`${periodsUrl()}/${current.id}`, {
      year: YEAR,
      startsOn: `${YEAR}-01-01`,
      endsOn: `${YEAR}-12-31`,
      questions: { U3: { question: 'Seberapa cepat layanan kami?', options: ['Lambat sekali', 'Lambat', 'Cepat', 'Cepat sekali'] } },
      version: 1,
    });
    expect(reworded.statusCode, reworded.body).toBe(200);
    current = json<SkmPeriod>(reworded);
    expect(current.questions.U3?.question).toBe('Seberapa cepat layanan kami?');
    const detail = await pub.get(`/api/v1/public/services/${serviceA1.id}`);
    const survey = json<{ survey: { periodId: string; questions: Array<{ unsur: string; question: string; name: string }> } }>(detail).survey;
    expect(survey.periodId).toBe(current.id);
    expect(survey.questions.find((q) => q.unsur === 'U3')?.question).toBe('Seberapa cepat layanan kami?');
    expect(survey.questions.find((q) => q.unsur === 'U1')).toMatchObject({ name: 'Persyaratan', question: expect.stringContaining('persyaratan') });
  });

  it('refuses a period overlapping another for the same services, naming the other period', async () => {
    const res = await admin.post(periodsUrl(), { year: YEAR, semester: 2, startsOn: `${YEAR}-07-01`, endsOn: `${YEAR}-12-31` });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('SKM_PERIOD_OVERLAP');
    expect(errorOf(res).issues?.[0]?.reason).toContain(`periode ${YEAR}`);
    const [n] = await t.db.select({ n: count() }).from(skmPeriods).where(eq(skmPeriods.regionCode, HOME));
    expect(n?.n).toBe(1);
  });

  it('accepts a survey framework version the region may use and refuses any other kind', async () => {
    const versions = json<{ items: Array<{ id: string; inputKind: string; frameworkId: string }> }>(
      await admin.get(`/api/v1/regions/${HOME}/framework-versions`),
    ).items;
    const ikm = versions.find((v) => v.inputKind === 'survey');
    const iid = versions.find((v) => v.inputKind === 'innovations');
    if (!ikm || !iid) throw new Error('shipped frameworks missing');
    const base = { year: YEAR - 3, startsOn: `${YEAR - 3}-01-01`, endsOn: `${YEAR - 3}-12-31` };
    const wrong = await admin.post(periodsUrl(), { ...base, frameworkVersionId: iid.id });
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong).issues?.[0]?.field).toBe('body.frameworkVersionId');
    const right = await createPeriod({ ...base, frameworkVersionId: ikm.id });
    expect(right.frameworkVersionId).toBe(ikm.id);
    const wrongYear = await admin.post(periodsUrl(), { year: YEAR - 4, startsOn: `${YEAR - 3}-01-01`, endsOn: `${YEAR - 3}-02-01` });
    expect(wrongYear.statusCode).toBe(400);
  });

  it('closes and reopens with the version the caller saw; a stale version is refused', async () => {
    const other = await createPeriod({ year: YEAR - 5, startsOn: `${YEAR - 5}-01-01`, endsOn: `${YEAR - 5}-06-30`, semester: 1 });
    expect(other.label).toBe(`${YEAR - 5} Semester 1`);
    const closed = await admin.post(`${periodsUrl()}/${other.id}/close`, { version: 1 });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(json<SkmPeriod>(closed)).toMatchObject({ status: 'ditutup', version: 2 });
    expect((await admin.post(`${periodsUrl()}/${other.id}/reopen`, { version: 1 })).statusCode).toBe(409);
    const reopened = await admin.post(`${periodsUrl()}/${other.id}/reopen`, { version: 2 });
    expect(json<SkmPeriod>(reopened)).toMatchObject({ status: 'dibuka', version: 3 });
  });

  it('is managed by the region admin only: an operator may read but not open periods', async () => {
    const operator = (await clientFor(t, 'operator', HOME, unitA.id)).client;
    expect((await operator.get(periodsUrl())).statusCode).toBe(200);
    expect((await operator.post(periodsUrl(), { year: 2019, startsOn: '2019-01-01', endsOn: '2019-12-31' })).statusCode).toBe(403);
    expect((await operator.get(`${periodsUrl()}/${current.id}/results`)).statusCode).toBe(200);
  });
});

// ---- the public answer --------------------------------------------------------------------------------

describe('a citizen answering the survey', () => {
  it('is stored with its tally share and answered 201 {id}', async () => {
    const service = await makeService(HOME, unitC.id);
    const res = await answer(service.id, {
      answers: answersOf([4, 3, 2]),
      respondent: { gender: 'perempuan', ageGroup: '30-39' },
      suggestion: 'Antrean dipercepat',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = json<{ id: string }>(res);
    const [row] = await t.db.select().from(skmResponses).where(eq(skmResponses.id, id));
    expect(row).toMatchObject({
      periodId: current.id,
      serviceId: service.id,
      u1: 4,
      u2: 3,
      u3: 2,
      gender: 'perempuan',
      channel: 'tautan',
      suggestion: 'Antrean dipercepat',
    });
    expect(await countsFor(service.id)).toEqual({ rows: 1, tallied: 1, s1: 4 });
  });

  it('refuses a missing unsur, naming it, and stores nothing', async () => {
    const service = await makeService(HOME, unitC.id);
    const { U3: _gone, ...rest } = answersOf([3]);
    const res = await answer(service.id, { answers: rest });
    expect(res.statusCode).toBe(400);
    expect(
      errorOf(res)
        .issues?.map((i) => i.field)
        .join(' '),
    ).toContain('U3');
    expect(await countsFor(service.id)).toEqual({ rows: 0, tallied: 0, s1: 0 });
  });

  it('refuses an answer of 5 or 0 or a fraction, naming the unsur', async () => {
    const service = await makeService(HOME, unitC.id);
    for (const bad of [5, 0, 2.5]) {
      const res = await answer(service.id, { answers: { ...answersOf([3]), U7: bad } });
      expect(res.statusCode).toBe(400);
      const issue = errorOf(res).issues?.[0];
      expect(issue?.field).toContain('U7');
      expect(issue?.reason).toContain('1–4');
    }
    expect(await countsFor(service.id)).toEqual({ rows: 0, tallied: 0, s1: 0 });
  });

  it('refuses an unknown or inactive service with 404 and an Indonesian message', async () => {
    const unknown = await answer(randomUUID(), { answers: answersOf([3]) });
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown)).toMatchObject({ code: 'SKM_SERVICE_NOT_FOUND', message: expect.stringContaining('Layanan tidak ditemukan') });
    const inactive = await makeService(HOME, unitC.id, { isActive: false });
    const res = await answer(inactive.id, { answers: answersOf([3]) });
    expect(res.statusCode).toBe(404);
    expect(await countsFor(inactive.id)).toEqual({ rows: 0, tallied: 0, s1: 0 });
  });

  it('refuses answers while no period is open for the service, and takes them again once reopened', async () => {
    const region = '19.01';
    const regionAdmin = (await clientFor(t, 'admin_daerah', region)).client;
    const unit = await makeUnit(t.db, region);
    const service = await makeService(region, unit.id);
    const period = await createPeriod({ year: YEAR, startsOn: `${YEAR}-01-01`, endsOn: `${YEAR}-12-31` }, region, regionAdmin);
    expect((await regionAdmin.post(`${periodsUrl(region)}/${period.id}/close`, { version: 1 })).statusCode).toBe(200);
    const res = await answer(service.id, { answers: answersOf([3]) });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res)).toMatchObject({ code: 'SKM_PERIOD_CLOSED', message: 'Survei untuk layanan ini sedang tidak dibuka.' });
    expect(await countsFor(service.id)).toEqual({ rows: 0, tallied: 0, s1: 0 });
    expect((await regionAdmin.post(`${periodsUrl(region)}/${period.id}/reopen`, { version: 2 })).statusCode).toBe(200);
    expect((await answer(service.id, { answers: answersOf([3]) })).statusCode).toBe(201);
  });

  it('refuses a service left out of a period of chosen services', async () => {
    const region = '19.02';
    const regionAdmin = (await clientFor(t, 'admin_daerah', region)).client;
    const unit = await makeUnit(t.db, region);
    const chosen = await makeService(region, unit.id);
    const left = await makeService(region, unit.id);
    await createPeriod(
      { year: YEAR, startsOn: `${YEAR}-01-01`, endsOn: `${YEAR}-12-31`, allServices: false, serviceIds: [chosen.id] },
      region,
      regionAdmin,
    );
    expect((await answer(chosen.id, { answers: answersOf([3]) })).statusCode).toBe(201);
    expect(errorOf(await answer(left.id, { answers: answersOf([3]) })).code).toBe('SKM_PERIOD_CLOSED');
  });

  it('takes answers at once for a new service of a region that set up no survey this year (the year opens itself)', async () => {
    const region = '19.04';
    const unit = await makeUnit(t.db, region);
    const service = await makeService(region, unit.id);
    const res = await answer(service.id, { answers: answersOf([4]) });
    expect(res.statusCode, res.body).toBe(201);
    const opened = await t.db.select().from(skmPeriods).where(eq(skmPeriods.regionCode, region));
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ year: YEAR, allServices: true, status: 'dibuka', endsOn: `${YEAR}-12-31` });
    // A second new service joins the same period.
    const later = await makeService(region, unit.id);
    expect((await answer(later.id, { answers: answersOf([2]) })).statusCode).toBe(201);
    expect(await t.db.select().from(skmPeriods).where(eq(skmPeriods.regionCode, region))).toHaveLength(1);
  });

  it('quietly drops a bot that fills the honeypot: 202, nothing stored', async () => {
    const service = await makeService(HOME, unitC.id);
    const res = await answer(service.id, { answers: answersOf([3]), website: 'http://spam.example' });
    expect(res.statusCode).toBe(202);
    expect(await countsFor(service.id)).toEqual({ rows: 0, tallied: 0, s1: 0 });
    // An empty honeypot is a person.
    expect((await answer(service.id, { answers: answersOf([3]), website: '' })).statusCode).toBe(201);
  });

  it('counts a retry with the same Idempotency-Key once and answers it with the same id', async () => {
    const service = await makeService(HOME, unitC.id);
    const key = `kios-${randomUUID()}`;
    const first = await answer(service.id, { answers: answersOf([2]) }, { 'idempotency-key': key });
    const retry = await answer(service.id, { answers: answersOf([2]) }, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(json<{ id: string }>(retry).id).toBe(json<{ id: string }>(first).id);
    expect(await countsFor(service.id)).toEqual({ rows: 1, tallied: 1, s1: 2 });
  });

  it('takes one answer per device per service within the interval (another service or device is fine)', async () => {
    const service = await makeService(HOME, unitC.id);
    const other = await makeService(HOME, unitC.id);
    const deviceId = `perangkat-${randomUUID()}`;
    expect((await answer(service.id, { answers: answersOf([3]), deviceId })).statusCode).toBe(201);
    const again = await answer(service.id, { answers: answersOf([4]), deviceId });
    expect(again.statusCode).toBe(429);
    expect(errorOf(again).code).toBe('SKM_DEVICE_LIMIT');
    expect(await countsFor(service.id)).toEqual({ rows: 1, tallied: 1, s1: 3 });
    expect((await answer(other.id, { answers: answersOf([3]), deviceId })).statusCode).toBe(201);
    expect((await answer(service.id, { answers: answersOf([3]), deviceId: `perangkat-${randomUUID()}` })).statusCode).toBe(201);
    // Only a hash of the device id is kept.
    const stored = await t.db.select({ hash: skmResponses.deviceHash }).from(skmResponses).where(eq(skmResponses.serviceId, service.id));
    expect(stored.every((s) => s.hash !== deviceId && /^[0-9a-f]{64}$/.test(s.hash ?? ''))).toBe(true);
  });
});

describe('the survey day', () => {
  it('is the date in WIB (UTC+7), turning at 17:00 UTC, for any moment asked in any order', () => {
    const day = (iso: string) => todayInIndonesia(new Date(iso));
    expect(day('2026-03-01T16:59:59.999Z')).toBe('2026-03-01');
    expect(day('2026-03-01T17:00:00.000Z')).toBe('2026-03-02');
    expect(day('2026-03-01T16:59:59.999Z')).toBe('2026-03-01');
    expect(day('2025-12-31T17:00:00.000Z')).toBe('2026-01-01');
    expect(day('2026-03-02T16:59:59.999Z')).toBe('2026-03-02');
    expect(day('2026-03-01T00:00:00.000Z')).toBe('2026-03-01');
  });
});

describe('many citizens answering at the same moment', () => {
  /** Rows and tallies of a service, every counter: the tallies must add up to the rows exactly. */
  async function talliesAndRows(serviceId: string) {
    const sums = UNSUR_KEYS.map((_, i) => `coalesce(sum(u${i + 1}), 0)::int, count(u${i + 1})::int`).join(', ');
    const tallySums = UNSUR_KEYS.map((_, i) => `coalesce(sum(s${i + 1}), 0)::int, coalesce(sum(c${i + 1}), 0)::int`).join(', ');
    const rows = await t.db.execute(sql.raw(`select count(*)::int as n, array[${sums}] as v from skm_responses where service_id = '${serviceId}'`));
    const tally = await t.db.execute(
      sql.raw(`select coalesce(sum(responses), 0)::int as n, array[${tallySums}] as v from skm_tallies where service_id = '${serviceId}'`),
    );
    const first = (r: unknown) => (r as { rows: Array<{ n: number; v: number[] }> }).rows[0];
    return { rows: first(rows), tally: first(tally) };
  }

  it('store every answer of a burst once, with tallies equal to the rows, one per device and one per key', async () => {
    const services = [await makeService(HOME, unitC.id), await makeService(HOME, unitC.id), await makeService(HOME, unitC.id)];
    const next = random(7);
    const sameKey = `kios-burst-${randomUUID()}`;
    const sameDevice = `perangkat-burst-${randomUUID()}`;
    const sent = Array.from({ length: 60 }, (_, n) => {
      const service = services[n % 3] as { id: string };
      const body: Record<string, unknown> = { answers: answersOf(Array.from({ length: 9 }, () => 1 + Math.floor(next() * 4))) };
      // Five retries of one key (the first four on one service, all in the same burst), and one device answering one service four times.
      const headers: Record<string, string> = n < 5 ? { 'idempotency-key': sameKey } : { 'idempotency-key': `kios-${randomUUID()}` };
      if (n >= 5 && n < 20 && n % 3 === 2) body.deviceId = sameDevice;
      return { service: n < 5 ? (services[0] as { id: string }) : service, body, headers };
    });
    const responses = await Promise.all(sent.map((s) => answer(s.service.id, s.body, s.headers)));
    const statuses = responses.map((r) => r.statusCode);

    const retried = responses.slice(0, 5).map((r) => json<{ id: string }>(r).id);
    expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(retried).size).toBe(1);
    expect(responses.slice(0, 5).filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
    // The device's five answers went to service index 2: one stored, the others refused.
    const deviceAnswers = sent.map((s, n) => ({ s, n })).filter(({ s }) => s.body.deviceId === sameDevice);
    expect(deviceAnswers.map(({ n }) => statuses[n]).sort()).toEqual([201, 429, 429, 429, 429]);
    expect(statuses.filter((c) => c !== 201 && c !== 429)).toEqual([]);

    const stored = responses.filter((r) => r.statusCode === 201 && r.headers['idempotent-replayed'] !== 'true');
    const ids = stored.map((r) => json<{ id: string }>(r).id);
    expect(new Set(ids).size).toBe(60 - 4 - 4);
    const [found] = await t.db.select({ n: count() }).from(skmResponses).where(sql`${skmResponses.id} in ${ids}`);
    expect(found?.n).toBe(ids.length);
    let total = 0;
    for (const service of services) {
      const { rows, tally } = await talliesAndRows(service.id);
      expect(tally).toEqual(rows);
      total += rows?.n ?? 0;
    }
    expect(total).toBe(ids.length);
  });

  it('give two app instances sending the same key at once one answer: the later waits and replays it', async () => {
    const service = await makeService(HOME, unitC.id);
    // A second instance: the same database, its own queue (another process behind the same load balancer).
    const other = Object.create(t.db) as typeof t.db;
    const key = { scope: 'POST /api/v1/public/services/:id/skm-responses', keyHash: `uji-${randomUUID()}` };
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        submitSkmResponse(n % 2 === 0 ? t.db : other, service.id, { answers: answersOf([3]), suggestion: null, channel: 'kiosk' }, new Date(), key),
      ),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await countsFor(service.id)).toEqual({ rows: 1, tallied: 1, s1: 3 });
  });

  it('store the good answers of a batch when one of them fails, and nothing of the failed one', async () => {
    const service = await makeService(HOME, unitC.id);
    // Past the schema (this calls the service directly): the database refuses a 9, and so the whole statement.
    const inputs = [2, 3, 9, 4, 1].map((v) => ({ answers: answersOf([v]), suggestion: null, channel: 'tautan' as const }));
    const settled = await Promise.allSettled(inputs.map((input) => submitSkmResponse(t.db, service.id, input, new Date())));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const { rows, tally } = await talliesAndRows(service.id);
    expect(rows?.n).toBe(4);
    expect(rows?.v[0]).toBe(2 + 3 + 4 + 1);
    expect(tally).toEqual(rows);
  });

  it('refuse answers at once after their period closes, and replay a stored answer retried afterwards', async () => {
    const region = '19.03';
    const regionAdmin = (await clientFor(t, 'admin_daerah', region)).client;
    const unit = await makeUnit(t.db, region);
    const service = await makeService(region, unit.id);
    const period = await createPeriod({ year: YEAR, startsOn: `${YEAR}-01-01`, endsOn: `${YEAR}-12-31` }, region, regionAdmin);
    const key = `kios-${randomUUID()}`;
    const first = await answer(service.id, { answers: answersOf([4]) }, { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    expect((await regionAdmin.post(`${periodsUrl(region)}/${period.id}/close`, { version: 1 })).statusCode).toBe(200);
    // The open period was remembered a moment ago; the write checks it again.
    const late = await answer(service.id, { answers: answersOf([4]) });
    expect(late.statusCode).toBe(409);
    expect(errorOf(late).code).toBe('SKM_PERIOD_CLOSED');
    const retry = await answer(service.id, { answers: answersOf([4]) }, { 'idempotency-key': key });
    expect(retry.statusCode).toBe(201);
    expect(json<{ id: string }>(retry).id).toBe(json<{ id: string }>(first).id);
    expect(await countsFor(service.id)).toEqual({ rows: 1, tallied: 1, s1: 4 });
  });
});

// ---- results ------------------------------------------------------------------------------------------

describe('results of a period', () => {
  const posted = new Map<string, Array<{ answers: Answers; gender: string }>>();

  beforeAll(async () => {
    const next = random(42);
    const lean: Record<string, number> = { [serviceA1.id]: 0.75, [serviceA2.id]: 0.6, [serviceB1.id]: 0.35 };
    for (const service of [serviceA1, serviceA2, serviceB1]) {
      const list: Array<{ answers: Answers; gender: string }> = [];
      for (let i = 0; i < 40; i++) {
        const answers = Object.fromEntries(
          UNSUR_KEYS.map((k, u) => {
            const r = (next() + (lean[service.id] ?? 0.5) - (u === 2 ? 0.2 : 0)) / 1.5;
            return [k, r < 0.15 ? 1 : r < 0.35 ? 2 : r < 0.6 ? 3 : 4];
          }),
        ) as Answers;
        const gender = next() < 0.5 ? 'perempuan' : 'laki_laki';
        const res = await answer(service.id, { answers, respondent: { gender } });
        expect(res.statusCode).toBe(201);
        list.push({ answers, gender });
      }
      posted.set(service.id, list);
    }
    const res = await admin.put(`${periodsUrl()}/${current.id}/populations`, {
      items: [
        { serviceId: serviceA1.id, population: 45 },
        { serviceId: serviceA2.id, population: 196 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  const ofService = (id: string) => (posted.get(id) ?? []).map((p) => p.answers);

  it('gives each service, unit and the region exactly the engine IKM of its raw answers', async () => {
    const res = await admin.get(`${periodsUrl()}/${current.id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const results = json<SkmResults>(res);
    const check = (ikm: IkmResult | null | undefined, answers: Answers[]) => {
      const engine = engineIkm(answers);
      expect(ikm?.index).toBe(engine.index);
      expect(ikm?.grade).toBe(engine.grade);
      expect(ikm?.responses).toBe(answers.length);
      for (const k of UNSUR_KEYS) expect(ikm?.unsur[k]?.nrr).toBe(engine.nodes[k]?.index);
    };
    for (const service of [serviceA1, serviceA2, serviceB1])
      check(results.services.find((s) => s.serviceId === service.id)?.ikm, ofService(service.id));
    check(results.units.find((u) => u.unitId === unitA.id)?.ikm, [...ofService(serviceA1.id), ...ofService(serviceA2.id)]);
    check(results.units.find((u) => u.unitId === unitB.id)?.ikm, ofService(serviceB1.id));
    // The region also counts the answers of the other tests' services in this period: compare with all stored rows.
    const rows = await t.db.select().from(skmResponses).where(eq(skmResponses.periodId, current.id));
    check(
      results.region,
      rows.map((r) => answersOf([r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9].map((v) => v ?? 0))),
    );
    const engine = engineIkm(rows.map((r) => answersOf([r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9].map((v) => v ?? 0))));
    const weakestByEngine = UNSUR_KEYS.map((k) => ({ k, v: Number(engine.nodes[k]?.value) })).sort((a, b) => a.v - b.v)[0]?.k;
    expect(results.weakest[0]?.unsur).toBe(weakestByEngine);
  });

  it('shows sample progress against the Krejcie–Morgan minimum of each population', async () => {
    const results = json<SkmResults>(await admin.get(`${periodsUrl()}/${current.id}/results`));
    expect(results.services.find((s) => s.serviceId === serviceA1.id)).toMatchObject({
      population: 45,
      minimumSample: 40,
      responses: 40,
      sufficient: true,
    });
    expect(results.services.find((s) => s.serviceId === serviceA2.id)).toMatchObject({
      population: 196,
      minimumSample: 132,
      responses: 40,
      sufficient: false,
    });
    expect(results.services.find((s) => s.serviceId === serviceB1.id)).toMatchObject({ population: null, minimumSample: null, sufficient: null });
  });

  it('compares with the previous period', async () => {
    const results = json<SkmResults>(await admin.get(`${periodsUrl()}/${current.id}/results`));
    expect(results.previous?.label).toMatch(/^\d{4}/);
    expect(results.previous?.index).toBeNull();
  });

  it('breaks the IKM down by respondent group, equal to the engine on each group', async () => {
    const res = await admin.get(`${periodsUrl()}/${current.id}/groups?group=gender&serviceId=${serviceB1.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const groups = json<SkmGroupResults>(res);
    expect(groups.rows.map((r) => r.value)).toEqual(['laki_laki', 'perempuan']);
    for (const value of ['laki_laki', 'perempuan']) {
      const subset = (posted.get(serviceB1.id) ?? []).filter((p) => p.gender === value).map((p) => p.answers);
      expect(groups.rows.find((r) => r.value === value)?.ikm?.index).toBe(engineIkm(subset).index);
    }
    const byAge = json<SkmGroupResults>(await admin.get(`${periodsUrl()}/${current.id}/groups?group=ageGroup&serviceId=${serviceB1.id}`));
    expect(byAge.rows.at(-1)).toMatchObject({ value: null, ikm: { responses: 40 } });
  });

  it('publishes a service IKM of the year on the public contract', async () => {
    const res = await pub.get(`/api/v1/public/services/${serviceB1.id}/ikm?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = json<IkmResult>(res);
    expect(body.index).toBe(engineIkm(ofService(serviceB1.id)).index);
    expect(body.unsur.U1?.nrr).toMatch(/^\d\.\d{3}$/);
    expect((await pub.get(`/api/v1/public/services/${serviceB1.id}/ikm?year=2018`)).statusCode).toBe(404);
  });
});

// ---- paper forms ----------------------------------------------------------------------------------------

const PAPER_HEADERS = ['Layanan', 'Tanggal layanan', ...UNSUR_KEYS, 'Jenis kelamin', 'Usia', 'Pendidikan', 'Pekerjaan', 'Kelompok rentan', 'Saran'];

async function paperSheet(rows: Array<Array<string | number | null>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Formulir');
  sheet.addRow(PAPER_HEADERS);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const importUrl = (dryRun: boolean) => `${periodsUrl()}/${current.id}/responses/import?dryRun=${dryRun}`;

describe('paper forms', () => {
  it('imports all rows or none, each error naming its row and column; operators only for their unit', async () => {
    const operator = (await clientFor(t, 'operator', HOME, unitB.id)).client;
    const service = await makeService(HOME, unitB.id, { name: 'Rawat Jalan Uji' });
    const before = await countsFor(service.id);
    const bad = await paperSheet([
      ['Rawat Jalan Uji', '2026-03-04', 4, 4, 3, 4, 4, 4, 4, 4, 3, 'Perempuan', '30-39', 'SMA/SMK', 'Wiraswasta', 'tidak', 'Bagus'],
      ['Rawat Jalan Uji', '31/02/2026', 4, 4, 5, 4, 4, 4, 4, 4, 3, 'P', null, null, null, null, null],
      ['Akta Kelahiran Uji', null, 3, 3, 3, 3, 3, 3, 3, 3, 3, 'X', null, null, null, null, null],
    ]);
    const report = json<{ created: number; errors: Array<{ row: number; field: string; reason: string }> }>(
      await operator.request('POST', importUrl(false), bad, { 'content-type': XLSX_MIME }),
    );
    expect(report.created).toBe(0);
    expect(report.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: 'U3' }),
        expect.objectContaining({ row: 3, field: 'Tanggal layanan' }),
        expect.objectContaining({ row: 4, field: 'Layanan', reason: expect.stringContaining('bukan layanan unit Anda') }),
        expect.objectContaining({ row: 4, field: 'Jenis kelamin' }),
      ]),
    );
    expect(await countsFor(service.id)).toEqual(before);

    const good = await paperSheet([
      ['Rawat Jalan Uji', '2026-03-04', 4, 4, 3, 4, 4, 4, 4, 4, 3, 'Perempuan', '30-39', 'SMA/SMK', 'Wiraswasta', 'tidak', 'Bagus'],
      ['rawat jalan uji', '04/03/2026', 2, 3, 1, 4, 3, 3, 3, 2, 2, 'L', null, null, null, 'Lanjut usia', null],
    ]);
    const dry = json<{ created: number; errors: unknown[] }>(await operator.request('POST', importUrl(true), good, { 'content-type': XLSX_MIME }));
    expect(dry).toMatchObject({ created: 2, errors: [] });
    expect(await countsFor(service.id)).toEqual(before);
    const real = await operator.request('POST', importUrl(false), good, { 'content-type': XLSX_MIME });
    expect(real.statusCode, real.body).toBe(200);
    expect(json<{ created: number }>(real).created).toBe(2);
    expect(await countsFor(service.id)).toEqual({ rows: 2, tallied: 2, s1: 6 });
    const rows = await t.db.select().from(skmResponses).where(eq(skmResponses.serviceId, service.id));
    expect(rows.map((r) => [r.channel, r.gender, r.vulnerable, r.serviceDate])).toEqual(
      expect.arrayContaining([
        ['kertas', 'perempuan', 'tidak', '2026-03-04'],
        ['kertas', 'laki_laki', 'lansia', '2026-03-04'],
      ]),
    );
    expect(rows.every((r) => r.enteredBy !== null)).toBe(true);
  });

  it('gives a template whose guide lists the services the operator may enter', async () => {
    const operator = (await clientFor(t, 'operator', HOME, unitA.id)).client;
    const res = await operator.get(`${periodsUrl()}/${current.id}/responses/template.xlsx`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const form = workbook.getWorksheet('Formulir');
    if (!form) throw new Error('no form sheet');
    const headers = (form.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(PAPER_HEADERS);
    const guide: string[] = [];
    workbook.getWorksheet('Petunjuk')?.eachRow((row) => {
      guide.push(String(row.getCell(1).value ?? ''));
    });
    expect(guide).toContain('Akta Kelahiran Uji');
    expect(guide).not.toContain('Poliklinik Uji');
  });

  it('is refused for a closed period', async () => {
    const closed = await createPeriod({ year: 2018, startsOn: '2018-01-01', endsOn: '2018-12-31' });
    await admin.post(`${periodsUrl()}/${closed.id}/close`, { version: 1 });
    const file = await paperSheet([['Poliklinik Uji', null, 3, 3, 3, 3, 3, 3, 3, 3, 3, null, null, null, null, null, null]]);
    const res = await admin.request('POST', `${periodsUrl()}/${closed.id}/responses/import?dryRun=false`, file, { 'content-type': XLSX_MIME });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('SKM_PERIOD_LOCKED');
  });
});

// ---- raw answers, follow-ups, report -------------------------------------------------------------------

describe('raw answers workbook', () => {
  it('has typed cells: numbers for answers, dates for times', async () => {
    const res = await admin.get(`${periodsUrl()}/${current.id}/responses.xlsx`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 5)).toEqual(['No.', 'Waktu', 'Unit', 'Layanan', 'Kanal']);
    const row = sheet.getRow(2);
    expect(typeof row.getCell(1).value).toBe('number');
    expect(row.getCell(2).value).toBeInstanceOf(Date);
    for (let c = 6; c <= 14; c++) expect(typeof row.getCell(c).value).toBe('number');
    const [n] = await t.db.select({ n: count() }).from(skmResponses).where(eq(skmResponses.periodId, current.id));
    expect(sheet.rowCount).toBe((n?.n ?? 0) + 1);
  });
});

describe('the follow-up plan', () => {
  const url = () => `${periodsUrl()}/${current.id}/follow-ups`;

  it('tracks items to completion, flags overdue ones, and keeps their evidence', async () => {
    const created = await admin.post(url(), {
      serviceId: serviceB1.id,
      unsur: 'U3',
      action: 'Menambah loket pendaftaran pada jam sibuk',
      owner: 'Kepala Instalasi Rawat Jalan',
      dueOn: '2020-01-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    const item = json<FollowUp>(created);
    expect(item).toMatchObject({ serviceName: 'Poliklinik Uji', status: 'direncanakan', overdue: true, evidenceCount: 0, version: 1 });

    const upload = await admin.request('POST', `${url()}/${item.id}/evidence`, makePdf('Foto loket tambahan'), {
      'content-type': 'application/pdf',
      'x-file-name': 'loket.pdf',
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const evidence = json<{ id: string; fileName: string }>(upload);
    expect(evidence.fileName).toBe('loket.pdf');
    const download = await admin.get(`${url()}/${item.id}/evidence/${evidence.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const done = await admin.put(`${url()}/${item.id}`, {
      serviceId: serviceB1.id,
      unsur: 'U3',
      action: 'Menambah loket pendaftaran pada jam sibuk',
      owner: 'Kepala Instalasi Rawat Jalan',
      dueOn: '2020-01-31',
      status: 'selesai',
      progress: 100,
      result: 'Dua loket baru sejak Maret',
      version: 1,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(json<FollowUp>(done)).toMatchObject({ status: 'selesai', overdue: false, evidenceCount: 1, version: 2 });

    const other = json<FollowUp>(await admin.post(url(), { action: 'Sosialisasi kanal pengaduan', owner: 'Bagian Organisasi', dueOn: '2099-12-31' }));
    expect(other.overdue).toBe(false);
    const list = json<{ items: FollowUp[] }>(await admin.get(url())).items;
    expect(list.map((f) => f.id)).toEqual([item.id, other.id]);
    expect((await admin.delete(`${url()}/${other.id}`)).statusCode).toBe(204);
    expect(json<{ items: FollowUp[] }>(await admin.get(url())).items).toHaveLength(1);
  });
});

describe('the report PDF', () => {
  it('is a PDF with pages, naming the services, the outline sections and the follow-up', async () => {
    const res = await admin.get(`${periodsUrl()}/${current.id}/report.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const [period] = await t.db
      .select()
      .from(skmPeriods)
      .where(and(eq(skmPeriods.regionCode, HOME), eq(skmPeriods.id, current.id)));
    if (!period) throw new Error('period missing');
    const pdf = await buildSkmReportPdf(await skmReportData(t.db, HOME, period, new Date()), { compress: false });
    const text = pdfText(pdf);
    for (const expected of [
      'I. Pendahuluan',
      'II. Metodologi',
      'Krejcie',
      'III. Hasil',
      'IV. Analisis',
      'V. Rencana tindak lanjut',
      'Poliklinik Uji',
      'Akta Kelahiran Uji',
      'Menambah loket',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0)).toBeGreaterThanOrEqual(2);
  });
});
