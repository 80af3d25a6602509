/**
 * Reporting periods through the HTTP API: who may open one, the rules on its year and window,
 * optimistic locking on edits, tenancy of period ids, the innovation count shown in the list, and
 * the audit trail.
 */
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditItem } from '#shared/api/audit.ts';
import type { Period } from '#shared/api/innovations.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const OTHER = '62.71';

let t: TestApp;
let admin: Client;
let otherAdmin: Client;

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const fieldsOf = (res: LightMyRequestResponse) => (errorOf(res).issues ?? []).map((i) => i.field);
const periodsUrl = (region = HOME) => `/api/v1/regions/${region}/periods`;

/** Periods are unique per region and year: every test takes years of its own. */
let nextYear = 2030;
const freshYear = () => nextYear++;

function periodBody(
  year: number,
  fields: Partial<{ opensOn: string; closesOn: string; targetTotal: number; minPerUnit: number; countsSubUnits: boolean }> = {},
) {
  return {
    year,
    opensOn: `${year}-01-01`,
    closesOn: `${year}-11-30`,
    targetTotal: 100,
    minPerUnit: 1,
    countsSubUnits: false,
    ...fields,
  };
}

async function createPeriod(client: Client, year: number, region = HOME): Promise<Period> {
  const res = await client.post(periodsUrl(region), periodBody(year));
  expect(res.statusCode, res.body).toBe(201);
  return json<Period>(res);
}

/**
 * Fires requests at one period at the same moment. On a Postgres server the row is held locked until
 * every request waits for it, so all of them have read the same version before any writes: the real
 * race, made certain instead of likely. PGlite has a single connection and serialises them by itself.
 */
async function race(id: string, requests: (() => Promise<LightMyRequestResponse>)[]) {
  if (t.kind !== 'postgres') return Promise.all(requests.map((r) => r()));
  let pending: Promise<LightMyRequestResponse[]> | undefined;
  await t.db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from periods where id = ${id} for update`);
    pending = Promise.all(requests.map((r) => r()));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const result = await t.db.execute(
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      const [row] = (result as unknown as { rows: { n: number }[] }).rows;
      if ((row?.n ?? 0) >= requests.length) break;
      if (Date.now() > deadline) throw new Error('the racing requests never waited for the row');
    }
  });
  if (!pending) throw new Error('requests not sent');
  return pending;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  otherAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
});
afterAll(() => t.close());

describe('opening a period', () => {
  it('lets the regional admin open a year with its window and targets', async () => {
    const year = freshYear();
    const res = await admin.post(periodsUrl(), periodBody(year, { targetTotal: 120, minPerUnit: 2, countsSubUnits: true }));
    expect(res.statusCode, res.body).toBe(201);
    const created = json<Period>(res);
    expect(created).toMatchObject({
      regionCode: HOME,
      year,
      opensOn: `${year}-01-01`,
      closesOn: `${year}-11-30`,
      targetTotal: 120,
      minPerUnit: 2,
      countsSubUnits: true,
      innovationCount: 0,
      version: 1,
    });
    const read = await admin.get(`${periodsUrl()}/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect(json<Period>(read)).toEqual(created);
  });

  it('refuses a second period for the same year, naming the year', async () => {
    const year = freshYear();
    await createPeriod(admin, year);
    const res = await admin.post(periodsUrl(), periodBody(year));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('VALIDATION_FAILED');
    expect(errorOf(res).issues).toContainEqual({ field: 'body.year', reason: 'Periode untuk tahun ini sudah ada' });
  });

  it('allows the same year in another region', async () => {
    const year = freshYear();
    await createPeriod(admin, year);
    await createPeriod(otherAdmin, year, OTHER);
  });

  it('refuses a window that closes before it opens', async () => {
    const year = freshYear();
    const res = await admin.post(periodsUrl(), periodBody(year, { opensOn: `${year}-06-01`, closesOn: `${year}-05-31` }));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toContainEqual({ field: 'body.closesOn', reason: 'Tanggal tutup harus sesudah tanggal buka' });
    const list = json<{ items: Period[] }>(await admin.get(periodsUrl()));
    expect(list.items.map((p) => p.year)).not.toContain(year);
  });

  it('refuses a negative target and a malformed date with Indonesian messages naming the field', async () => {
    const year = freshYear();
    const res = await admin.post(periodsUrl(), periodBody(year, { targetTotal: -1, opensOn: '01-01-2030' }));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toEqual(
      expect.arrayContaining([
        { field: 'body.targetTotal', reason: 'Target tidak boleh negatif' },
        { field: 'body.opensOn', reason: 'Tanggal harus berformat YYYY-MM-DD' },
      ]),
    );
  });

  it.each(['operator', 'verifikator', 'pimpinan'] as const)('is refused to a %s (403)', async (role) => {
    const { client } = await clientFor(t, role, HOME);
    const year = freshYear();
    const res = await client.post(periodsUrl(), periodBody(year));
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    const list = json<{ items: Period[] }>(await admin.get(periodsUrl()));
    expect(list.items.map((p) => p.year)).not.toContain(year);
  });

  it('is refused to the admin of another region (403 REGION_FORBIDDEN)', async () => {
    const res = await otherAdmin.post(periodsUrl(HOME), periodBody(freshYear()));
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('REGION_FORBIDDEN');
  });
});

describe('reading periods', () => {
  it('lets operators, verifiers and leaders of the region read the list, newest year first', async () => {
    const older = await createPeriod(admin, freshYear());
    const newer = await createPeriod(admin, freshYear());
    for (const role of ['operator', 'verifikator', 'pimpinan'] as const) {
      const { client } = await clientFor(t, role, HOME);
      const res = await client.get(periodsUrl());
      expect(res.statusCode, role).toBe(200);
      const ids = json<{ items: Period[] }>(res).items.map((p) => p.id);
      expect(ids.indexOf(newer.id), role).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(newer.id), role).toBeLessThan(ids.indexOf(older.id));
    }
  });

  it('does not list or show a period of another region', async () => {
    const foreign = await createPeriod(otherAdmin, freshYear(), OTHER);
    const list = json<{ items: Period[] }>(await admin.get(periodsUrl()));
    expect(list.items.map((p) => p.id)).not.toContain(foreign.id);
    const res = await admin.get(`${periodsUrl()}/${foreign.id}`);
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
  });

  // App bug: periods.service.ts:30 renders `${periods.id}` unqualified ("id") inside the subquery, where
  // it binds to `i.id`, so the count is always 0. Remove `.fails` once fixed.
  it('counts the innovations of each period in the list', async () => {
    const counted = await createPeriod(admin, freshYear());
    const empty = await createPeriod(admin, freshYear());
    const unit = await makeUnit(t.db, HOME);
    for (const name of ['Inovasi Hitung Satu', 'Inovasi Hitung Dua']) {
      const res = await admin.post(`/api/v1/regions/${HOME}/innovations`, { periodId: counted.id, unitId: unit.id, name });
      expect(res.statusCode, res.body).toBe(201);
    }
    const items = json<{ items: Period[] }>(await admin.get(periodsUrl())).items;
    expect(items.find((p) => p.id === counted.id)?.innovationCount).toBe(2);
    expect(items.find((p) => p.id === empty.id)?.innovationCount).toBe(0);
    expect(json<Period>(await admin.get(`${periodsUrl()}/${counted.id}`)).innovationCount).toBe(2);
  });
});

describe('editing a period', () => {
  it('saves with the loaded version, then refuses the same old version (409) and keeps the first edit', async () => {
    const year = freshYear();
    const p = await createPeriod(admin, year);
    const first = await admin.put(`${periodsUrl()}/${p.id}`, { ...periodBody(year, { targetTotal: 150 }), version: p.version });
    expect(first.statusCode, first.body).toBe(200);
    expect(json<Period>(first)).toMatchObject({ targetTotal: 150, version: p.version + 1 });

    const stale = await admin.put(`${periodsUrl()}/${p.id}`, { ...periodBody(year, { targetTotal: 90 }), version: p.version });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('STALE_VERSION');
    expect(json<Period>(await admin.get(`${periodsUrl()}/${p.id}`))).toMatchObject({ targetTotal: 150, version: p.version + 1 });
  });

  // App bug on a Postgres server: updatePeriod (periods.service.ts:82-85) checks the version it read but
  // updates without `version = ?` in the WHERE, so both admins win (lost update). PGlite serialises every
  // transaction and cannot show it. Remove `.fails` once fixed.
  it('lets exactly one of two admins who loaded the same version save', async () => {
    const year = freshYear();
    const p = await createPeriod(admin, year);
    const secondAdmin = (await clientFor(t, 'admin_daerah', HOME)).client;
    const [a, b] = await race(p.id, [
      () => admin.put(`${periodsUrl()}/${p.id}`, { ...periodBody(year, { targetTotal: 111 }), version: p.version }),
      () => secondAdmin.put(`${periodsUrl()}/${p.id}`, { ...periodBody(year, { targetTotal: 222 }), version: p.version }),
    ]);
    if (!a || !b) throw new Error('missing responses');
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(errorOf(loser).code).toBe('STALE_VERSION');
    const winnerTarget = a.statusCode === 200 ? 111 : 222;
    expect(json<Period>(await admin.get(`${periodsUrl()}/${p.id}`))).toMatchObject({ targetTotal: winnerTarget, version: p.version + 1 });
  });

  it('refuses to move a period onto a year that already has one', async () => {
    const taken = freshYear();
    await createPeriod(admin, taken);
    const year = freshYear();
    const p = await createPeriod(admin, year);
    const res = await admin.put(`${periodsUrl()}/${p.id}`, { ...periodBody(taken), version: p.version });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toContainEqual({ field: 'body.year', reason: 'Periode untuk tahun ini sudah ada' });
    expect(json<Period>(await admin.get(`${periodsUrl()}/${p.id}`))).toMatchObject({ year, version: p.version });
  });

  // App bug: the guard at periods.service.ts:77 reads innovationCount, which is always 0 (line 30).
  it('refuses to change the year once the period holds innovations', async () => {
    const year = freshYear();
    const p = await createPeriod(admin, year);
    const unit = await makeUnit(t.db, HOME);
    const created = await admin.post(`/api/v1/regions/${HOME}/innovations`, { periodId: p.id, unitId: unit.id, name: 'Inovasi Penahan Tahun' });
    expect(created.statusCode, created.body).toBe(201);
    const res = await admin.put(`${periodsUrl()}/${p.id}`, { ...periodBody(freshYear()), version: p.version });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toContain('body.year');
    const moreTarget = await admin.put(`${periodsUrl()}/${p.id}`, { ...periodBody(year, { targetTotal: 300 }), version: p.version });
    expect(moreTarget.statusCode, moreTarget.body).toBe(200);
  });

  it('answers 404 for a period id of another region, and leaves that period alone', async () => {
    const year = freshYear();
    const foreign = await createPeriod(otherAdmin, year, OTHER);
    const res = await admin.put(`${periodsUrl()}/${foreign.id}`, { ...periodBody(year, { targetTotal: 1 }), version: foreign.version });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
    expect(json<Period>(await otherAdmin.get(`${periodsUrl(OTHER)}/${foreign.id}`))).toMatchObject({ targetTotal: 100, version: 1 });
  });

  it('is refused to an operator (403)', async () => {
    const year = freshYear();
    const p = await createPeriod(admin, year);
    const { client } = await clientFor(t, 'operator', HOME);
    const res = await client.put(`${periodsUrl()}/${p.id}`, { ...periodBody(year, { targetTotal: 1 }), version: p.version });
    expect(res.statusCode).toBe(403);
    expect(json<Period>(await admin.get(`${periodsUrl()}/${p.id}`)).targetTotal).toBe(100);
  });
});

describe('the audit trail of periods', () => {
  it('records who opened and who changed a period, with what changed', async () => {
    const year = freshYear();
    const p = await createPeriod(admin, year);
    const put = await admin.put(`${periodsUrl()}/${p.id}`, { ...periodBody(year, { targetTotal: 175 }), version: p.version });
    expect(put.statusCode, put.body).toBe(200);
    const res = await admin.get(`/api/v1/regions/${HOME}/audit?entityType=period&q=${p.id}`);
    expect(res.statusCode).toBe(200);
    const items = json<{ items: AuditItem[] }>(res).items;
    const created = items.find((i) => i.action === 'period.created');
    const updated = items.find((i) => i.action === 'period.updated');
    expect(created?.entityId).toBe(p.id);
    expect(created?.after).toMatchObject({ year, targetTotal: 100 });
    expect(updated?.before).toMatchObject({ targetTotal: 100 });
    expect(updated?.after).toMatchObject({ targetTotal: 175 });
  });
});
