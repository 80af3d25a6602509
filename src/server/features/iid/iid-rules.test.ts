/**
 * IID as Kemendagri scores it, through the HTTP API and the CLI: the yandas gate reads urusan utama
 * (evaluate endpoint, `sinergi evaluate`, and a period's projection), the verified index counts only
 * eligible innovations and says so, a change of an indicator's evidence sends that indicator back to
 * pending, indicator 33 keeps its measurement basis, the documented development keeps an older
 * innovation eligible, and an uploaded iid-2027 (divisor 14, gate 6 of 6) drives the projection.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readShippedJson } from '#domain/scoring/load-shipped.ts';
import type { IidAnswerState, IidProjectionResponse, SidSheet } from '#shared/api/iid.ts';
import type { Innovation, Period } from '#shared/api/innovations.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { auditLog, iidAnswers, innovations, periods } from '#server/db/schema.ts';
import { type Client, clientFor, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const SPD_IDS = ['1', '2a', '2b', '3', '4', '5a', '5b', '6', '7', '8', '9', '10a', '10b', '11a', '11b', '12', '13a', '13b', '14', '15'];
const SID_IDS = Array.from({ length: 20 }, (_, i) => String(i + 16));
const YANDAS = ['pendidikan', 'kesehatan', 'pupr', 'perumahan', 'trantibum', 'sosial'];
const words = (n: number) => Array.from({ length: n }, (_, i) => ['warga', 'mendaftar', 'antrean', 'melalui', 'aplikasi'][i % 5]).join(' ');

let t: TestApp;
let admin: Client;
let operator: Client;
let unitId: string;

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
async function ok<T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return json<T>(r);
}
const projectionOf = (periodId: string) => ok<IidProjectionResponse>(admin.get(`/api/v1/regions/${HOME}/iid/periods/${periodId}`));

/** Twelve innovations of Diskominfo, each naming the six yandas only as irisan. */
const kominfoInput = () => ({
  spd: Object.fromEntries(SPD_IDS.map((id) => [id, 1])),
  innovations: Array.from({ length: 12 }, () => ({
    values: Object.fromEntries(SID_IDS.map((id) => [id, 1])),
    urusanUtama: 'kominfo',
    urusanIrisan: YANDAS,
  })),
});

async function makePeriod(year: number, fields: Partial<typeof periods.$inferInsert> = {}) {
  const [row] = await t.db
    .insert(periods)
    .values({ regionCode: HOME, year, opensOn: `${year}-01-01`, closesOn: `${year}-11-30`, targetTotal: 100, iidEvidenceRequired: false, ...fields })
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
      unitId,
      name: `Inovasi aturan ${String(counter).padStart(3, '0')}`,
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

/** Every SID indicator claimed at `level` and accepted (33 on basis a). */
async function acceptAll(periodId: string, innovationId: string, level = 2) {
  await t.db.insert(iidAnswers).values(
    SID_IDS.map((indicatorId) => ({
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

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  const op = await clientFor(t, 'operator', HOME);
  if (!op.user.unitId) throw new Error('operator without unit');
  operator = op.client;
  unitId = op.user.unitId;
});
afterAll(() => t.close());

describe('the yandas gate counts urusan utama on iid-2026', () => {
  it('the public evaluate endpoint: yandas only as irisan give no count score; as utama they do; the urusan list still reads as utama', async () => {
    const irisan = await ok<{ nodes: Record<string, { index: string }> }>(
      t.app.inject({ method: 'POST', url: '/api/v1/frameworks/iid-2026/evaluate', payload: kominfoInput() }),
    );
    expect(irisan.nodes.jumlah?.index).toBe('0.00');
    const asUtama = kominfoInput();
    asUtama.innovations.forEach((i, n) => {
      i.urusanUtama = YANDAS[n % 6] ?? 'kominfo';
    });
    const utama = await ok<{ nodes: Record<string, { index: string }> }>(
      t.app.inject({ method: 'POST', url: '/api/v1/frameworks/iid-2026/evaluate', payload: asUtama }),
    );
    expect(utama.nodes.jumlah?.index).toBe('4.56');
    const legacy = { ...kominfoInput(), innovations: kominfoInput().innovations.map((i, n) => ({ values: i.values, urusan: [YANDAS[n % 6]] })) };
    const old = await ok<{ nodes: Record<string, { index: string }> }>(
      t.app.inject({ method: 'POST', url: '/api/v1/frameworks/iid-2026/evaluate', payload: legacy }),
    );
    expect(old.nodes.jumlah?.index).toBe('4.56');
  });

  it('a malformed urusanIrisan is a 400 naming the innovation', async () => {
    const bad = kominfoInput();
    (bad.innovations[3] as Record<string, unknown>).urusanIrisan = 'pendidikan';
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/frameworks/iid-2026/evaluate', payload: bad });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues?.[0]?.field).toBe('innovations.3');
  });

  it('`sinergi evaluate` reads the same keys', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sinergi-iid-'));
    const input = path.join(dir, 'kominfo.json');
    writeFileSync(input, JSON.stringify(kominfoInput()));
    const out = JSON.parse(execFileSync(process.execPath, ['bin/sinergi.js', 'evaluate', '-f', 'iid-2026', '-i', input], { encoding: 'utf8' })) as {
      nodes: Record<string, { index: string; details?: Record<string, unknown> }>;
    };
    expect(out.nodes.jumlah?.index).toBe('0.00');
    expect(out.nodes.jumlah?.details).toEqual({ innovations: 12, yandas: 0 });
  });

  it("a period's projection reads each innovation's urusan utama, not its irisan", async () => {
    const period = await makePeriod(2026);
    for (let i = 0; i < 12; i += 1) {
      const row = await makeInnovation(period.id, { status: 'diajukan', urusanUtama: 'kominfo', urusanIrisan: YANDAS });
      await acceptAll(period.id, row.id, 1);
    }
    const p = await projectionOf(period.id);
    expect(p.claimed).toMatchObject({ innovations: 12, yandasCovered: 0, jumlah: '0.00', urusanCounted: 'utama' });
    expect(p.warnings.find((w) => w.code === 'YANDAS_SHORT' && w.basis === 'claimed')?.message).toContain('sebagai urusan utama');
  });
});

describe('the verified basis and the eligibility window', () => {
  let periodId: string;
  let shortId: string;
  let oldId: string;

  beforeAll(async () => {
    periodId = (await makePeriod(2031, { iidFrameworkVersionId: await newestIid2026() })).id;
    for (let i = 0; i < 3; i += 1) await acceptAll(periodId, (await makeInnovation(periodId, { urusanUtama: YANDAS[i] })).id);
    shortId = (await makeInnovation(periodId, { rancangBangun: words(100) })).id;
    await acceptAll(periodId, shortId);
    oldId = (await makeInnovation(periodId, { waktuPenerapan: '2021-03-01', unitId })).id;
    await acceptAll(periodId, oldId);
  });

  it('the API names the basis; an ineligible verified innovation stays out of n and is warned about', async () => {
    const p = await projectionOf(periodId);
    expect(p.counting.verifiedCounts).toBe('eligible-verified');
    expect(p.counting.note).toContain('layak');
    expect(p.window).toMatchObject({ from: '2024-01-01', to: '2025-12-31', developmentQualifies: true });
    expect(p.eligibility).toEqual({ rancangBangunMinWords: 300, mandatoryIndicatorsFilled: true });
    expect([p.claimed.innovations, p.verified.innovations]).toEqual([5, 3]);
    const row = (id: string) => p.innovations.find((i) => i.id === id);
    expect(row(shortId)).toMatchObject({ countsForVerified: false, eligibilityProblems: ['RANCANG_BANGUN_SHORT'] });
    expect(row(oldId)).toMatchObject({ countsForVerified: false, eligibilityProblems: ['PENERAPAN_OUTSIDE_WINDOW'] });
    expect(
      p.warnings
        .filter((w) => w.code === 'NOT_COUNTED_VERIFIED')
        .map((w) => w.innovationId)
        .sort(),
    ).toEqual([oldId, shortId].sort());
  });

  it('the profile takes the latest documented development, and it makes the older innovation eligible', async () => {
    await t.db.update(innovations).set({ status: 'draft' }).where(eq(innovations.id, oldId));
    const current = await ok<Innovation>(operator.get(`/api/v1/regions/${HOME}/innovations/${oldId}`));
    const { evidence: _e, timeline: _t, actions: _a, canEdit: _c, ...rest } = current;
    const saved = await ok<Innovation>(
      operator.put(`/api/v1/regions/${HOME}/innovations/${oldId}`, {
        name: rest.name,
        urusanUtama: rest.urusanUtama,
        rancangBangun: rest.rancangBangun,
        waktuPenerapan: rest.waktuPenerapan,
        waktuPengembangan: '2025-02-10',
        uraianPengembangan: 'Diperluas ke seluruh kecamatan dengan pendaftaran daring.',
        version: current.version,
      }),
    );
    expect(saved).toMatchObject({ waktuPengembangan: '2025-02-10', uraianPengembangan: 'Diperluas ke seluruh kecamatan dengan pendaftaran daring.' });
    await t.db.update(innovations).set({ status: 'terverifikasi' }).where(eq(innovations.id, oldId));
    const p = await projectionOf(periodId);
    expect(p.innovations.find((i) => i.id === oldId)).toMatchObject({ countsForVerified: true, eligibilityProblems: [] });
    expect(p.verified.innovations).toBe(4);
  });
});

describe('a change of evidence sends the indicator back to pending', () => {
  it('replacing the evidence of sid.16 puts indicator 16 back to pending, and leaves 17 accepted', async () => {
    const period = await makePeriod(2032, { iidFrameworkVersionId: await newestIid2026() });
    const row = await makeInnovation(period.id, { status: 'dikembalikan' });
    await acceptAll(period.id, row.id);
    const evidenceUrl = `/api/v1/regions/${HOME}/innovations/${row.id}/evidence`;
    const added = await ok<{ id: string }>(
      operator.post(`${evidenceUrl}/links`, { target: 'sid.16', title: 'Perkada lama', url: 'https://jdih.example.go.id/lama' }),
      201,
    );
    // The verifier accepts 16 again on the evidence now there.
    await t.db
      .update(iidAnswers)
      .set({ verification: 'accepted', verifiedLevel: 2 })
      .where(and(eq(iidAnswers.innovationId, row.id), eq(iidAnswers.indicatorId, '16')));
    // Replacing it: the old link removed, a new one added.
    const removed = await operator.delete(`${evidenceUrl}/${added.id}`);
    expect(removed.statusCode, removed.body).toBeLessThan(300);
    const sheet = await ok<SidSheet>(operator.get(`/api/v1/regions/${HOME}/iid/innovations/${row.id}/answers`));
    expect(sheet.indicators.find((i) => i.id === '16')).toMatchObject({ verification: 'pending', verifiedLevel: null, claimedLevel: 2 });
    expect(sheet.indicators.find((i) => i.id === '17')).toMatchObject({ verification: 'accepted' });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'iid.answer.reset'));
    expect(audit.some((a) => (a.after as { indicatorId?: string } | null)?.indicatorId === '16')).toBe(true);
  });

  it('evidence outside the SID slots changes no indicator', async () => {
    const period = await makePeriod(2033, { iidFrameworkVersionId: await newestIid2026() });
    const row = await makeInnovation(period.id, { status: 'draft' });
    await acceptAll(period.id, row.id);
    await ok(
      operator.post(`/api/v1/regions/${HOME}/innovations/${row.id}/evidence/links`, {
        target: 'umum',
        title: 'Profil',
        url: 'https://example.go.id/profil',
      }),
      201,
    );
    const answers = await t.db.select().from(iidAnswers).where(eq(iidAnswers.innovationId, row.id));
    expect(answers.every((a) => a.verification === 'accepted')).toBe(true);
  });
});

describe('indicator 33 keeps its measurement basis', () => {
  it('a level needs a basis a–f; the basis is stored, shown, and a new basis is verified again', async () => {
    const period = await makePeriod(2034, { iidFrameworkVersionId: await newestIid2026() });
    const row = await makeInnovation(period.id, { status: 'draft' });
    const url = `/api/v1/regions/${HOME}/iid/innovations/${row.id}/answers/33`;
    const missing = await operator.put(url, { level: 2 });
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).issues?.map((i) => i.field)).toEqual(['body.basisUkur']);
    const unknown = await operator.put(url, { level: 2, basisUkur: 'z' });
    expect(errorOf(unknown).issues?.[0]?.reason).toContain('a, b, c, d, e, f');
    const notForIt = await operator.put(`/api/v1/regions/${HOME}/iid/innovations/${row.id}/answers/16`, { level: 2, basisUkur: 'a' });
    expect(notForIt.statusCode).toBe(400);

    const state = await ok<IidAnswerState>(operator.put(url, { level: 2, basisUkur: 'd' }));
    expect(state).toMatchObject({ claimedLevel: 2, basisUkur: 'd' });
    await t.db
      .update(iidAnswers)
      .set({ verification: 'accepted', verifiedLevel: 2 })
      .where(and(eq(iidAnswers.innovationId, row.id), eq(iidAnswers.indicatorId, '33')));
    const sheet = await ok<SidSheet>(operator.get(`/api/v1/regions/${HOME}/iid/innovations/${row.id}/answers`));
    const i33 = sheet.indicators.find((i) => i.id === '33');
    expect(i33?.bases.map((b) => b.key)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(i33).toMatchObject({ basisUkur: 'd', verification: 'accepted' });

    // Same level on another basis is another claim.
    const changed = await ok<IidAnswerState>(operator.put(url, { level: 2, basisUkur: 'a', version: state.version }));
    expect(changed).toMatchObject({ basisUkur: 'a', verification: 'pending' });
  });
});

describe("the period's framework", () => {
  it('an uploaded iid-2027 (divisor 14, gate 6 of 6) drives the projection of a 2027 period with no code change; 2028 is marked assumed', async () => {
    const body = readShippedJson('iid-2026') as Record<string, unknown>;
    const text = JSON.stringify({
      ...body,
      id: 'iid-2027',
      version: '1.0.0',
      name: 'Indeks Inovasi Daerah 2027',
      effectiveYears: { from: 2027, to: 2027 },
    })
      .replace('"minDivisor":12', '"minDivisor":14')
      .replace('"minimum":5', '"minimum":6');
    await ok(admin.post(`/api/v1/regions/${HOME}/framework-versions`, JSON.parse(text)), 201);

    const opened = await ok<Period>(
      admin.post(`/api/v1/regions/${HOME}/periods`, {
        year: 2027,
        opensOn: '2027-03-01',
        closesOn: '2027-08-31',
        targetTotal: 50,
        minPerUnit: 1,
        countsSubUnits: false,
        iidFrameworkVersionId: null,
      }),
      201,
    );
    // Thirteen innovations covering five yandas: enough for 2026 (5 of 6), not for 2027 (6 of 6).
    for (let i = 0; i < 13; i += 1) {
      const row = await makeInnovation(opened.id, { status: 'diajukan', urusanUtama: YANDAS[i % 5] });
      await acceptAll(opened.id, row.id, 1);
    }
    const p = await projectionOf(opened.id);
    expect(p).toMatchObject({ frameworkId: 'iid-2027', frameworkExact: true });
    expect(p.claimed).toMatchObject({ innovations: 13, divisor: 14, yandasCovered: 5, yandasRequired: 6, jumlah: '0.00' });
    expect(p.warnings.find((w) => w.code === 'EMPTY_SEATS' && w.basis === 'claimed')?.message).toContain('pembagi tetap 14');

    const later = await makePeriod(2028);
    const assumed = await projectionOf(later.id);
    expect(assumed).toMatchObject({ frameworkId: 'iid-2027', frameworkExact: false });
    expect(assumed.warnings[0]?.code).toBe('FRAMEWORK_ASSUMED');
  });
});

async function newestIid2026(): Promise<string> {
  const rows = await admin.get(`/api/v1/regions/${HOME}/framework-versions`);
  const items = json<{ items: Array<{ id: string; frameworkId: string; version: string; regionCode: string | null }> }>(rows).items;
  const found = items.filter((v) => v.frameworkId === 'iid-2026' && v.regionCode === null).sort((a, b) => b.version.localeCompare(a.version))[0];
  if (!found) throw new Error('iid-2026 not registered');
  return found.id;
}
