/**
 * The region's IID through the HTTP API: the projection equals the engine on a constructed
 * period, the evidence rule and its switch, claimed against verified after a correction, the warnings
 * before the national deadline, the what-if ranking against a real re-evaluation, who may answer and
 * verify (owner, reviewer, region), stale versions, and the audit trail.
 */
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ratio } from '#domain/scoring/decimal.ts';
import { evaluate } from '#domain/scoring/engine.ts';
import type { EvaluationResult } from '#domain/scoring/result.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { attachments, auditLog, frameworkVersions, iidAnswers, innovationEvents, innovations, periods } from '#server/db/schema.ts';
import { type Client, clientFor, startTestApp, type TestApp } from '../../../../test/support/harness.ts';
import { loadShipped } from '#domain/scoring/load-shipped.ts';
import type { IidAnswerState, IidProjectionResponse, SidSheet, SpdSheet, WhatIfResponse } from '#shared/api/iid.ts';

const HOME = '19.71';
const OTHER = '62.71';

const SPD_IDS = ['1', '2a', '2b', '3', '4', '5a', '5b', '6', '7', '8', '9', '10a', '10b', '11a', '11b', '12', '13a', '13b', '14', '15'];
const SID_IDS = Array.from({ length: 20 }, (_, i) => String(i + 16));
const YANDAS5 = ['pendidikan', 'kesehatan', 'pupr', 'perumahan', 'trantibum'];
const WEIGHT: Record<string, number> = { 16: 3, 17: 2, 18: 2, 19: 2, 21: 2, 28: 2, 30: 2, 31: 3, 32: 2, 33: 3, 34: 2, 35: 4 };
const weightOf = (id: string) => WEIGHT[id] ?? 1;

const MANDATORY_SID = ['16', '17', '32', '33', '35'];
/** Known, varied levels: innovation i, SID indicator k; mandatory indicators claimed (at least 1), so every innovation is eligible. */
const level = (i: number, k: number) => (MANDATORY_SID.includes(SID_IDS[k] ?? '') ? Math.max(1, (i * 7 + k * 3) % 4) : (i * 7 + k * 3) % 4);
const spdLevel = (k: number) => (k % 3) + 1;
const words = (n: number) => Array.from({ length: n }, (_, i) => ['warga', 'mendaftar', 'antrean', 'melalui', 'aplikasi'][i % 5]).join(' ');

let t: TestApp;
let admin: Client;
let verifier: Client;
let operatorA: Client;
let operatorB: Client;
let otherAdmin: Client;
let unitA: string;
let unitB: string;

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const iidUrl = (path: string, region = HOME) => `/api/v1/regions/${region}/iid${path}`;

async function ok<T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return json<T>(r);
}

const projectionOf = (client: Client, periodId: string) => ok<IidProjectionResponse>(client.get(iidUrl(`/periods/${periodId}`)));
const answer = (client: Client, innovationId: string, indicatorId: string, body: object) =>
  client.put(iidUrl(`/innovations/${innovationId}/answers/${indicatorId}`), body);
const verify = (client: Client, innovationId: string, indicatorId: string, body: object) =>
  client.post(iidUrl(`/innovations/${innovationId}/answers/${indicatorId}/verify`), body);

// ---- factories (rows straight into the database; the behaviour under test goes through HTTP) ---------

/** The newest install-wide version of a shipped framework, as the registry recorded it at migration. */
async function shippedVersionId(frameworkId: string): Promise<string> {
  const [row] = await t.db
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.frameworkId, frameworkId), isNull(frameworkVersions.regionCode)))
    .orderBy(desc(frameworkVersions.createdAt), desc(frameworkVersions.version));
  if (!row) throw new Error(`${frameworkId} is not registered`);
  return row.id;
}

async function makePeriod(year: number, fields: Partial<typeof periods.$inferInsert> = {}) {
  const [row] = await t.db
    .insert(periods)
    .values({ regionCode: HOME, year, opensOn: `${year}-01-01`, closesOn: `${year}-11-30`, targetTotal: 100, ...fields })
    .returning();
  if (!row) throw new Error('period not created');
  return row;
}

let counter = 0;
async function makeInnovation(periodId: string, fields: Partial<typeof innovations.$inferInsert> = {}) {
  counter += 1;
  const [row] = await t.db
    .insert(innovations)
    .values({
      regionCode: HOME,
      periodId,
      unitId: unitA,
      name: `Inovasi ${String(counter).padStart(3, '0')}`,
      status: 'draft',
      urusanUtama: 'pendidikan',
      rancangBangun: words(320),
      waktuPenerapan: '2024-07-01',
      ...fields,
    })
    .returning();
  if (!row) throw new Error('innovation not created');
  return row;
}

async function storeAnswers(
  periodId: string,
  innovationId: string | null,
  levels: Record<string, number>,
  verification: 'pending' | 'accepted' = 'pending',
) {
  const rows = Object.entries(levels).map(([indicatorId, claimedLevel]) => ({
    regionCode: HOME,
    periodId,
    innovationId,
    indicatorId,
    claimedLevel,
    // Indicator 33 is answered with its measurement basis, as the answer form asks.
    basisUkur: indicatorId === '33' ? 'a' : null,
    verification,
    verifiedLevel: verification === 'accepted' ? claimedLevel : null,
  }));
  if (rows.length > 0) await t.db.insert(iidAnswers).values(rows);
}

async function storeEvidence(innovationId: string, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return;
  await t.db.insert(attachments).values(
    indicatorIds.map((id) => ({
      ownerType: 'innovation',
      ownerId: innovationId,
      regionCode: HOME,
      slot: `sid.${id}`,
      kind: 'link',
      title: `Bukti ${id}`,
      url: `https://example.go.id/bukti/${id}`,
    })),
  );
}

const sidLevels = (i: number) => Object.fromEntries(SID_IDS.map((id, k) => [id, level(i, k)]));
const spdLevels = () => Object.fromEntries(SPD_IDS.map((id, k) => [id, spdLevel(k)]));

function engine(input: unknown): EvaluationResult {
  const out = evaluate(loadShipped('iid-2026'), input);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  verifier = (await clientFor(t, 'verifikator', HOME)).client;
  otherAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
  const a = await clientFor(t, 'operator', HOME);
  const b = await clientFor(t, 'operator', HOME);
  if (!a.user.unitId || !b.user.unitId) throw new Error('operators without units');
  [operatorA, unitA, operatorB, unitB] = [a.client, a.user.unitId, b.client, b.user.unitId];
});
afterAll(() => t.close());

// ---- the projection --------------------------------------------------------------------------------

describe('a constructed period: 12 innovations covering 5 yandas urusan, known levels', () => {
  let periodId: string;
  const ids: string[] = [];
  let rejectedId: string;

  beforeAll(async () => {
    const period = await makePeriod(2026);
    periodId = period.id;
    for (let i = 0; i < 12; i += 1) {
      // 0–5 verified (their answers accepted), the rest at other stages of the workflow.
      const status = i < 6 ? 'terverifikasi' : (['diajukan', 'draft', 'dikembalikan'][i % 3] ?? 'draft');
      const row = await makeInnovation(periodId, { status, urusanUtama: YANDAS5[i % 5], unitId: i % 2 === 0 ? unitA : unitB });
      ids.push(row.id);
      const { 16: regulasi = 0, ...rest } = sidLevels(i);
      await storeAnswers(periodId, row.id, rest, i < 6 ? 'accepted' : 'pending');
      // Innovation 5's regulation (16) is not verified yet: it counts as claimed, not as verified.
      await storeAnswers(periodId, row.id, { 16: regulasi }, i < 6 && i !== 5 ? 'accepted' : 'pending');
      await storeEvidence(
        row.id,
        SID_IDS.filter((_, k) => level(i, k) > 0),
      );
    }
    // A rejected innovation: it alone covers the sixth yandas and must not count anywhere.
    const rejected = await makeInnovation(periodId, { status: 'ditolak', urusanUtama: 'sosial' });
    rejectedId = rejected.id;
    await storeAnswers(periodId, rejected.id, sidLevels(12));
    await storeAnswers(periodId, null, spdLevels(), 'accepted');
  });

  it('the claimed index, predicate, SPD, SID, Jumlah Inovasi and per-innovation scores equal the engine', async () => {
    const expected = engine({
      spd: spdLevels(),
      innovations: Array.from({ length: 12 }, (_, i) => ({ values: sidLevels(i), urusan: [YANDAS5[i % 5]] })),
    });
    const p = await projectionOf(admin, periodId);
    expect(p.frameworkId).toBe('iid-2026');
    expect(Ratio.from(p.claimed.value).gt(Ratio.int(20))).toBe(true);
    expect(p.claimed).toMatchObject({
      index: expected.index,
      value: expected.value,
      predicate: expected.predicate,
      spd: expected.nodes.spd?.index,
      sid: expected.nodes.sid?.index,
      jumlah: '4.56',
      innovations: 12,
      divisor: 12,
      yandasCovered: 5,
    });
    const scores = new Map(p.innovations.map((i) => [i.id, i.claimedScore]));
    expect(ids.map((id) => scores.get(id))).toEqual(expected.innovations?.map((s) => s.score));
    expect(scores.has(rejectedId)).toBe(false);
    expect(p.counting.claimed).not.toContain('ditolak');
    expect(p.counting.verified).toEqual(['terverifikasi']);
    const claimedWarnings = p.warnings.filter((w) => w.basis === 'claimed').map((w) => w.code);
    expect(claimedWarnings).not.toContain('EMPTY_SEATS');
    expect(claimedWarnings).not.toContain('YANDAS_SHORT');
  });

  it('the verified index counts only the 6 verified innovations, at their accepted levels (pending scores 0)', async () => {
    expect(level(5, 0)).toBeGreaterThan(0);
    const expected = engine({
      spd: spdLevels(),
      innovations: Array.from({ length: 6 }, (_, i) => ({ values: { ...sidLevels(i), ...(i === 5 ? { 16: 0 } : {}) }, urusan: [YANDAS5[i % 5]] })),
    });
    const p = await projectionOf(admin, periodId);
    expect(p.verified).toMatchObject({ index: expected.index, value: expected.value, innovations: 6, divisor: 12 });
    expect(
      p.innovations
        .filter((i) => i.countsForVerified)
        .map((i) => i.id)
        .sort(),
    ).toEqual(ids.slice(0, 6).sort());
    expect(p.warnings.find((w) => w.code === 'EMPTY_SEATS')?.basis).toBe('verified');
  });

  it('claimed and verified differ exactly by a correction (video 35 of innovation 0 corrected to 0)', async () => {
    const before = await projectionOf(admin, periodId);
    const claimedVideo = level(0, SID_IDS.indexOf('35'));
    expect(claimedVideo).toBeGreaterThan(0);
    const state = await ok<IidAnswerState>(
      verify(verifier, ids[0] ?? '', '35', { decision: 'correct', level: 0, note: 'Video tidak memuat unsur dampak.' }),
    );
    expect(state).toMatchObject({ verification: 'corrected', claimedLevel: claimedVideo, verifiedLevel: 0 });
    const after = await projectionOf(admin, periodId);
    expect(after.claimed.value).toBe(before.claimed.value);
    // 4 × level points fewer for one innovation, divided by 12, as a share of 250.
    const drop = Ratio.int(4 * claimedVideo)
      .div(Ratio.int(12))
      .mul(Ratio.int(100))
      .div(Ratio.int(250));
    expect(Ratio.from(before.verified.value).sub(Ratio.from(after.verified.value)).sub(drop).toPlain(10)).toBe('0');
    const row = after.innovations.find((i) => i.id === ids[0]);
    expect(
      Ratio.from(row?.claimedScore ?? '0')
        .sub(Ratio.from(row?.verifiedScore ?? '0'))
        .toPlain(),
    ).toBe(String(4 * claimedVideo));
  });

  it('operators see the region index but only their unit’s innovations and warnings', async () => {
    const full = await projectionOf(admin, periodId);
    const own = await projectionOf(operatorB, periodId);
    expect(own.claimed).toEqual(full.claimed);
    const ownIds = ids.filter((_, i) => i % 2 === 1);
    expect(own.innovations.map((i) => i.id).sort()).toEqual([...ownIds].sort());
    expect(full.innovations).toHaveLength(12);
    expect(own.warnings.every((w) => w.innovationId === null || ownIds.includes(w.innovationId))).toBe(true);
  });
});

describe('evidence per indicator', () => {
  let periodId: string;
  let innovationId: string;

  beforeAll(async () => {
    periodId = (await makePeriod(2027, { iidFrameworkVersionId: await shippedVersionId('iid-2026') })).id;
    innovationId = (await makeInnovation(periodId, { unitId: unitA })).id;
  });

  const scoreOf = async () => (await projectionOf(admin, periodId)).innovations.find((i) => i.id === innovationId)?.claimedScore;

  it('an indicator claimed without evidence scores zero, with a warning; evidence on target sid.16 restores it', async () => {
    await ok<IidAnswerState>(answer(operatorA, innovationId, '16', { level: 3 }));
    expect(await scoreOf()).toBe('0');
    const warned = (await projectionOf(admin, periodId)).warnings.filter((w) => w.code === 'EVIDENCE_MISSING');
    expect(warned.map((w) => [w.innovationId, w.indicatorId])).toEqual([[innovationId, '16']]);

    const sheet = await ok<SidSheet>(operatorA.get(iidUrl(`/innovations/${innovationId}/answers`)));
    const row16 = sheet.indicators.find((i) => i.id === '16');
    expect(row16).toMatchObject({ claimedLevel: 3, scoredLevel: 0, withoutEvidence: true, evidenceTarget: 'sid.16', evidence: [] });
    expect(row16?.parameters.map((p) => p.level)).toEqual([1, 2, 3]);
    expect(row16?.evidenceHints.length).toBeGreaterThan(0);

    // The innovation evidence API, with the target the sheet names.
    await ok(
      operatorA.post(`/api/v1/regions/${HOME}/innovations/${innovationId}/evidence/links`, {
        target: row16?.evidenceTarget,
        title: 'Perkada inovasi',
        url: 'https://jdih.example.go.id/perkada-12-2025',
      }),
      201,
    );
    expect(await scoreOf()).toBe('9');
    const again = await ok<SidSheet>(operatorA.get(iidUrl(`/innovations/${innovationId}/answers`)));
    expect(again.indicators.find((i) => i.id === '16')).toMatchObject({ scoredLevel: 3, withoutEvidence: false });
    expect(again.indicators.find((i) => i.id === '16')?.evidence.map((e) => e.title)).toEqual(['Perkada inovasi']);
  });

  it('switching iidEvidenceRequired off counts the indicator without evidence; on again zeroes it', async () => {
    await ok<IidAnswerState>(answer(operatorA, innovationId, '35', { level: 2 }));
    expect(await scoreOf()).toBe('9');
    await t.db.update(periods).set({ iidEvidenceRequired: false }).where(eq(periods.id, periodId));
    expect(await scoreOf()).toBe('17'); // + bobot 4 × 2
    expect((await projectionOf(admin, periodId)).evidenceRequired).toBe(false);
    await t.db.update(periods).set({ iidEvidenceRequired: true }).where(eq(periods.id, periodId));
    expect(await scoreOf()).toBe('9');
  });
});

describe('warnings before the national deadline', () => {
  let p: IidProjectionResponse;
  let shortId: string;
  let goodId: string;

  beforeAll(async () => {
    const periodId = (await makePeriod(2029, { iidFrameworkVersionId: await shippedVersionId('iid-2026'), iidEvidenceRequired: false })).id;
    const complete = Object.fromEntries(SID_IDS.map((id) => [id, 2]));
    const { 17: _sdm, ...withoutSdm } = complete;
    shortId = (await makeInnovation(periodId, { urusanUtama: 'pendidikan', rancangBangun: words(120), waktuPenerapan: '2023-05-01' })).id;
    goodId = (await makeInnovation(periodId, { urusanUtama: 'kesehatan', urusanIrisan: ['kominfo'], waktuPenerapan: '2025-12-31' })).id;
    await storeAnswers(periodId, shortId, withoutSdm);
    await storeAnswers(periodId, goodId, complete);
    const { 1: _visi, ...spd } = spdLevels();
    await storeAnswers(periodId, null, spd);
    p = await projectionOf(admin, periodId);
  });

  const about = (code: string) => p.warnings.filter((w) => w.code === code);

  it('empty seats under the divisor: 2 innovations, divisor 12', () => {
    expect(about('EMPTY_SEATS').find((w) => w.basis === 'claimed')?.message).toContain('Baru 2 inovasi');
    expect(p.claimed.divisor).toBe(12);
  });

  it('yandas coverage short of the gate: 2 of the 5 required, count score 0', () => {
    expect(about('YANDAS_SHORT').find((w) => w.basis === 'claimed')?.message).toContain('2 dari 5');
    expect(p.claimed).toMatchObject({ jumlah: '0.00', yandasCovered: 2, yandasRequired: 5 });
  });

  it('mandatory indicators unfilled: SPD 1 and SID 17 of the one innovation', () => {
    expect(about('MANDATORY_UNFILLED').map((w) => [w.innovationId, w.indicatorId])).toEqual([
      [null, '1'],
      [shortId, '17'],
    ]);
  });

  it('rancang bangun under 300 words, and penerapan outside 1 Jan 2024 – 31 Dec 2025', () => {
    expect(about('RANCANG_BANGUN_SHORT').map((w) => w.innovationId)).toEqual([shortId]);
    expect(about('RANCANG_BANGUN_SHORT')[0]?.message).toContain('120 kata');
    expect(about('PENERAPAN_OUTSIDE_WINDOW').map((w) => w.innovationId)).toEqual([shortId]);
    expect(p.window).toMatchObject({ from: '2024-01-01', to: '2025-12-31' });
    expect(p.warnings.filter((w) => w.innovationId === goodId)).toEqual([]);
  });

  it('a year without its own guideline is projected on the nearest earlier rules, and says so', async () => {
    const old = await makePeriod(2025);
    const res = await projectionOf(admin, old.id);
    expect([res.frameworkId, res.frameworkExact, res.window]).toEqual(['iid-2023', false, null]);
    expect(res.warnings[0]?.code).toBe('FRAMEWORK_ASSUMED');
  });
});

// ---- what-if ----------------------------------------------------------------------------------------

describe('what-if', () => {
  let periodId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    // 16 innovations: divisor 16, so every value is a terminating decimal and gains compare exactly.
    periodId = (await makePeriod(2030, { iidFrameworkVersionId: await shippedVersionId('iid-2026'), iidEvidenceRequired: false })).id;
    for (let i = 0; i < 16; i += 1) {
      const row = await makeInnovation(periodId, { urusanUtama: YANDAS5[i % 5] });
      ids.push(row.id);
      await storeAnswers(periodId, row.id, sidLevels(i));
    }
    await storeAnswers(periodId, null, Object.fromEntries(SPD_IDS.map((id, k) => [id, k % 4])));
  });

  const ranking = (query = '') => ok<WhatIfResponse>(admin.get(iidUrl(`/periods/${periodId}/what-if${query}`)));

  async function apply(item: WhatIfResponse['items'][number]) {
    const url =
      item.innovationId === null
        ? iidUrl(`/periods/${periodId}/spd/${item.indicatorId}`)
        : iidUrl(`/innovations/${item.innovationId}/answers/${item.indicatorId}`);
    await ok<IidAnswerState>(admin.put(url, { level: item.next }));
  }

  it('ranks by gain, and the top item’s gain is the difference of a full re-evaluation', async () => {
    const { items, index } = await ranking('?limit=5');
    expect(items).toHaveLength(5);
    for (let i = 1; i < items.length; i += 1) {
      expect(Ratio.from(items[i - 1]?.gain ?? '0').cmp(Ratio.from(items[i]?.gain ?? '0'))).toBeGreaterThanOrEqual(0);
    }
    const before = await projectionOf(admin, periodId);
    expect(index).toBe(before.claimed.index);
    const top = items[0];
    if (top === undefined) throw new Error('no what-if items');
    await apply(top);
    const after = await projectionOf(admin, periodId);
    expect(Ratio.from(after.claimed.value).sub(Ratio.from(before.claimed.value)).toPlain()).toBe(top.gain);
    expect(after.claimed.index).toBe(top.indexAfter);
  });

  it('the best step on an innovation: bobot × points ÷ 16 × 100 ÷ 250, equal to a re-evaluation', async () => {
    const { items } = await ranking('?limit=500');
    const best = items.find((i) => i.innovationId !== null);
    if (best === undefined) throw new Error('no innovation item');
    expect(best.gain).toBe(Ratio.int(weightOf(best.indicatorId)).div(Ratio.int(40)).toPlain());
    const before = await projectionOf(admin, periodId);
    await apply(best);
    const after = await projectionOf(admin, periodId);
    expect(Ratio.from(after.claimed.value).sub(Ratio.from(before.claimed.value)).toPlain()).toBe(best.gain);
  });

  it('on the verified basis only verified innovations are candidates; operators see only their own', async () => {
    const verified = await ranking('?basis=verified&limit=500');
    expect(verified.items.every((i) => i.innovationId === null)).toBe(true);
    const own = await ok<WhatIfResponse>(operatorB.get(iidUrl(`/periods/${periodId}/what-if?limit=500`)));
    expect(own.items.every((i) => i.innovationId === null)).toBe(true); // all 16 belong to unit A
    expect((await ranking('?limit=500')).items.some((i) => i.innovationId !== null)).toBe(true);
  });
});

// ---- answering, verifying, access ------------------------------------------------------------------

describe('answering and verifying', () => {
  let periodId: string;

  beforeAll(async () => {
    periodId = (await makePeriod(2031, { iidFrameworkVersionId: await shippedVersionId('iid-2026') })).id;
  });

  it('operators cannot answer another unit’s innovation (404), verifiers cannot answer at all (403)', async () => {
    const ofA = await makeInnovation(periodId, { unitId: unitA });
    expect((await answer(operatorB, ofA.id, '16', { level: 2 })).statusCode).toBe(404);
    expect((await operatorB.get(iidUrl(`/innovations/${ofA.id}/answers`))).statusCode).toBe(404);
    const byVerifier = await answer(verifier, ofA.id, '16', { level: 2 });
    expect([byVerifier.statusCode, errorOf(byVerifier).code]).toEqual([403, 'FORBIDDEN']);
    expect((await answer(operatorA, ofA.id, '16', { level: 2 })).statusCode).toBe(200);
    expect((await verify(operatorA, ofA.id, '16', { decision: 'accept' })).statusCode).toBe(403);
    expect((await operatorA.put(iidUrl(`/periods/${periodId}/spd/1`), { level: 2 })).statusCode).toBe(403);
  });

  it('another region is refused (403), and this region’s ids are not found from another region (404)', async () => {
    const res = await otherAdmin.get(iidUrl(`/periods/${periodId}`));
    expect([res.statusCode, errorOf(res).code]).toEqual([403, 'REGION_FORBIDDEN']);
    expect((await otherAdmin.get(iidUrl(`/periods/${periodId}`, OTHER))).statusCode).toBe(404);
    const ofA = await makeInnovation(periodId);
    expect((await otherAdmin.put(iidUrl(`/innovations/${ofA.id}/answers/16`, OTHER), { level: 1 })).statusCode).toBe(404);
  });

  it('levels are checked against the framework’s scale, naming the indicator', async () => {
    const row = await makeInnovation(periodId);
    const tooHigh = await answer(operatorA, row.id, '16', { level: 4 });
    expect(tooHigh.statusCode).toBe(400);
    expect(errorOf(tooHigh).issues?.[0]).toMatchObject({ field: 'body.level' });
    expect(errorOf(tooHigh).issues?.[0]?.reason).toContain('indikator 16 (Regulasi Inovasi Daerah)');
    const spdHere = await answer(operatorA, row.id, '1', { level: 1 });
    expect([spdHere.statusCode, errorOf(spdHere).issues?.[0]?.reason]).toEqual([400, expect.stringContaining('SPD')]);
    expect((await answer(operatorA, row.id, '99', { level: 1 })).statusCode).toBe(400);
    const spd = await admin.put(iidUrl(`/periods/${periodId}/spd/6`), { level: 5 });
    expect(errorOf(spd).issues?.[0]?.reason).toContain('indikator 6');
  });

  it('only while editable: a submitted innovation refuses (409); a verified one goes back to diajukan', async () => {
    const submitted = await makeInnovation(periodId, { status: 'diajukan' });
    expect((await answer(operatorA, submitted.id, '16', { level: 1 })).statusCode).toBe(409);
    const done = await makeInnovation(periodId, { status: 'terverifikasi' });
    const state = await ok<IidAnswerState>(answer(operatorA, done.id, '16', { level: 1 }));
    expect(state.innovationStatus).toBe('diajukan');
    const [row] = await t.db.select().from(innovations).where(eq(innovations.id, done.id));
    expect([row?.status, row?.version]).toEqual(['diajukan', done.version + 1]);
    const events = await t.db.select().from(innovationEvents).where(eq(innovationEvents.innovationId, done.id));
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([['edited_after_verification', 'terverifikasi', 'diajukan']]);
  });

  it('a changed claim resets its verification; a stale version is refused (409)', async () => {
    const row = await makeInnovation(periodId, { status: 'diajukan' });
    await storeAnswers(periodId, row.id, { 33: 2 });
    const accepted = await ok<IidAnswerState>(verify(verifier, row.id, '33', { decision: 'accept' }));
    expect(accepted).toMatchObject({ verification: 'accepted', verifiedLevel: 2, version: 2 });
    await t.db.update(innovations).set({ status: 'dikembalikan' }).where(eq(innovations.id, row.id));
    const stale = await answer(operatorA, row.id, '33', { level: 3, basisUkur: 'a', version: 1 });
    expect([stale.statusCode, errorOf(stale).code]).toEqual([409, 'STALE_VERSION']);
    const changed = await ok<IidAnswerState>(answer(operatorA, row.id, '33', { level: 3, basisUkur: 'a', version: 2 }));
    expect(changed).toMatchObject({ claimedLevel: 3, verification: 'pending', verifiedLevel: null, version: 3 });
  });

  it('verifying needs a claim (409) and an innovation under review (409 for a draft)', async () => {
    const draft = await makeInnovation(periodId);
    await storeAnswers(periodId, draft.id, { 16: 2 });
    expect((await verify(verifier, draft.id, '16', { decision: 'accept' })).statusCode).toBe(409);
    const submitted = await makeInnovation(periodId, { status: 'diajukan' });
    expect((await verify(verifier, submitted.id, '16', { decision: 'accept' })).statusCode).toBe(409);
  });

  it('the SPD sheet: answer, verify with a correction, and see both scores', async () => {
    await ok<IidAnswerState>(admin.put(iidUrl(`/periods/${periodId}/spd/12`), { level: 3, version: 0 }));
    await ok<IidAnswerState>(verifier.post(iidUrl(`/periods/${periodId}/spd/12/verify`), { decision: 'correct', level: 1, note: 'Baru piagam.' }));
    const sheet = await ok<SpdSheet>(operatorA.get(iidUrl(`/periods/${periodId}/spd`)));
    expect(sheet.indicators.map((i) => i.id)).toEqual(SPD_IDS);
    expect(sheet.indicators.find((i) => i.id === '12')).toMatchObject({
      claimedLevel: 3,
      verification: 'corrected',
      verifiedLevel: 1,
      verifierNote: 'Baru piagam.',
      version: 2,
    });
    expect([sheet.claimedScore, sheet.verifiedScore, sheet.canAnswer, sheet.canVerify]).toEqual(['6', '2', false, false]);
  });

  it('every answer and verification is in the audit log, with before and after', async () => {
    const row = await makeInnovation(periodId, { status: 'draft' });
    const answered = await ok<IidAnswerState>(answer(admin, row.id, '35', { level: 3 }));
    await t.db.update(innovations).set({ status: 'diajukan' }).where(eq(innovations.id, row.id));
    await ok(verify(verifier, row.id, '35', { decision: 'correct', level: 2, note: 'Unsur dampak kurang.' }));
    const [stored] = await t.db
      .select()
      .from(iidAnswers)
      .where(and(eq(iidAnswers.innovationId, row.id), eq(iidAnswers.indicatorId, '35')));
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'iid_answer'), eq(auditLog.entityId, stored?.id ?? '')))
      .orderBy(asc(auditLog.id));
    expect(entries.map((e) => [e.action, e.regionCode])).toEqual([
      ['iid.answer.answered', HOME],
      ['iid.answer.verified', HOME],
    ]);
    expect(entries[0]?.before).toBeNull();
    expect(entries[0]?.after).toMatchObject({ innovationId: row.id, indicatorId: '35', claimedLevel: 3 });
    expect(entries[1]?.after).toMatchObject({ verification: 'corrected', verifiedLevel: 2, verifierNote: 'Unsur dampak kurang.' });
    expect(answered.version).toBe(1);
    const spdEntries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'iid.spd.verified'), eq(auditLog.regionCode, HOME)));
    expect(spdEntries.length).toBeGreaterThan(0);
  });
});
