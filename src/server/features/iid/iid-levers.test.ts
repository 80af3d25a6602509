/**
 * The IID levers through the HTTP API: the gate, seat and carry-over levers of a period short of the
 * yandas gate and under the divisor, the carry-over candidates of the previous period, and the gain of
 * the carry lever against the projection after really carrying the innovation over.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ratio } from '#domain/scoring/decimal.ts';
import type { IidProjectionResponse, WhatIfResponse } from '#shared/api/iid.ts';
import { frameworkVersions, iidAnswers, innovations, periods } from '#server/db/schema.ts';
import { type Client, clientFor, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const SID_IDS = Array.from({ length: 20 }, (_, i) => String(i + 16));
const words = (n: number) => Array.from({ length: n }, (_, i) => ['warga', 'mendaftar', 'antrean', 'melalui', 'aplikasi'][i % 5]).join(' ');

let t: TestApp;
let admin: Client;
let operatorB: Client;
let unitA: string;

const iidUrl = (path: string) => `/api/v1/regions/${HOME}/iid${path}`;
async function ok<T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

async function iid2026(): Promise<string> {
  const [row] = await t.db
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.frameworkId, 'iid-2026'), isNull(frameworkVersions.regionCode)))
    .orderBy(desc(frameworkVersions.createdAt), desc(frameworkVersions.version));
  if (!row) throw new Error('iid-2026 is not registered');
  return row.id;
}

async function makePeriod(year: number) {
  const [row] = await t.db
    .insert(periods)
    .values({
      regionCode: HOME,
      year,
      opensOn: `${year}-01-01`,
      closesOn: `${year}-11-30`,
      targetTotal: 100,
      iidFrameworkVersionId: await iid2026(),
      iidEvidenceRequired: false,
    })
    .returning();
  if (!row) throw new Error('period not created');
  return row;
}

async function makeInnovation(periodId: string, name: string, fields: Partial<typeof innovations.$inferInsert>, level: number) {
  const [row] = await t.db
    .insert(innovations)
    .values({
      regionCode: HOME,
      periodId,
      unitId: unitA,
      name,
      status: 'diajukan',
      urusanUtama: 'pendidikan',
      rancangBangun: words(320),
      waktuPenerapan: '2024-07-01',
      ...fields,
    })
    .returning();
  if (!row) throw new Error('innovation not created');
  const accepted = row.status === 'terverifikasi';
  await t.db.insert(iidAnswers).values(
    SID_IDS.map((indicatorId) => ({
      regionCode: HOME,
      periodId,
      innovationId: row.id,
      indicatorId,
      claimedLevel: level,
      basisUkur: indicatorId === '33' ? 'a' : null,
      verification: accepted ? 'accepted' : 'pending',
      verifiedLevel: accepted ? level : null,
    })),
  );
  return row;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  const a = await clientFor(t, 'operator', HOME);
  const b = await clientFor(t, 'operator', HOME);
  if (!a.user.unitId) throw new Error('operator without unit');
  unitA = a.user.unitId;
  operatorB = b.client;
});
afterAll(() => t.close());

describe('levers of a period short of the gate and under the divisor', () => {
  let periodId: string;
  let previousId: string;
  let sosialId: string;
  let carriedId: string;

  beforeAll(async () => {
    previousId = (await makePeriod(2025)).id;
    periodId = (await makePeriod(2026)).id;
    // Four innovations at level 1 everywhere, in four yandas urusan: 4 of the 5 required.
    for (const [i, urusan] of ['pendidikan', 'kesehatan', 'pupr', 'perumahan'].entries()) {
      await makeInnovation(periodId, `Inovasi ${i + 1}`, { urusanUtama: urusan }, 1);
    }
    // Last period: three verified innovations; one already carried, one in sosial, one rejected-free draft.
    const sosial = await makeInnovation(previousId, 'Posyandu Lansia', { status: 'terverifikasi', urusanUtama: 'sosial' }, 3);
    const carried = await makeInnovation(previousId, 'Sudah Dibawa', { status: 'terverifikasi', urusanUtama: 'pendidikan' }, 2);
    await makeInnovation(previousId, 'Belum Diverifikasi', { status: 'diajukan', urusanUtama: 'sosial' }, 3);
    sosialId = sosial.id;
    carriedId = carried.id;
    await makeInnovation(periodId, 'Sudah Dibawa', { previousId: carried.id, urusanUtama: 'pupr' }, 1);
  });

  const levers = (query = '') => ok<WhatIfResponse>(admin.get(iidUrl(`/periods/${periodId}/what-if${query}`)));

  it('names the missing yandas urusan, the empty seats and the carry-over candidates not yet carried', async () => {
    const body = await levers('?limit=100');
    expect(body.urusanShort).toBe(1);
    expect(body.missingUrusan.map((u) => u.key)).toEqual(['trantibum', 'sosial']);
    expect(body.emptySeats).toBe(7);
    expect(body.carryCandidates.map((c) => c.id)).toEqual([sosialId]);
    expect(body.carryCandidates.some((c) => c.id === carriedId)).toBe(false);
    const kinds = new Set(body.levers.map((l) => l.kind));
    for (const kind of ['gate-one', 'seat-new', 'seat-carry', 'raise']) expect(kinds.has(kind as never), kind).toBe(true);
    for (let i = 1; i < body.levers.length; i += 1) {
      expect(Ratio.from(body.levers[i - 1]?.gain ?? '0').cmp(Ratio.from(body.levers[i]?.gain ?? '0'))).toBeGreaterThanOrEqual(0);
    }
  });

  it('the stated score is used for a new innovation; a malformed one is refused in Indonesian', async () => {
    const body = await levers('?score=20&limit=100');
    expect(body.assumedScore).toBe('20');
    expect(body.assumedIsMedian).toBe(false);
    const refused = await admin.get(iidUrl(`/periods/${periodId}/what-if?score=banyak`));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Skor SID harus angka desimal');
  });

  it('carrying the sosial innovation over changes the index by exactly the lever’s gain (the gate closes)', async () => {
    const body = await levers('?limit=100');
    const lever = body.levers.find((l) => l.kind === 'seat-carry' && l.innovationId === sosialId);
    if (lever === undefined) throw new Error('no carry lever');
    const before = await ok<IidProjectionResponse>(admin.get(iidUrl(`/periods/${periodId}`)));
    expect(before.claimed.jumlah).toBe('0.00');
    await makeInnovation(periodId, 'Posyandu Lansia', { previousId: sosialId, urusanUtama: 'sosial' }, 3);
    const after = await ok<IidProjectionResponse>(admin.get(iidUrl(`/periods/${periodId}`)));
    expect(Ratio.from(after.claimed.value).sub(Ratio.from(before.claimed.value)).toPlain()).toBe(lever.gain);
    expect(after.claimed.index).toBe(lever.indexAfter);
    expect(after.claimed.jumlah).not.toBe('0.00');
    expect((await levers()).carryCandidates).toEqual([]);
  });

  it('an operator of another unit sees no innovation of unit A in the levers', async () => {
    const own = await ok<WhatIfResponse>(operatorB.get(iidUrl(`/periods/${periodId}/what-if?limit=500`)));
    expect(own.levers.every((l) => l.innovationId === null)).toBe(true);
    expect(own.carryCandidates).toEqual([]);
  });
});
