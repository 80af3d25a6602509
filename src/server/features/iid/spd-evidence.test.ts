/**
 * Evidence of the SPD answers through the HTTP API: files and links per region-level indicator, shown
 * on the SPD sheet; any change puts a verified indicator back to pending (menunggu), audited; who may
 * change it, and another region's caller learns nothing.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IidAnswerState, SpdSheet } from '#shared/api/iid.ts';
import { auditLog, periods } from '#server/db/schema.ts';
import { type Client, clientFor, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const OTHER = '62.71';
// The smallest valid PDF the content check accepts.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let t: TestApp;
let admin: Client;
let verifier: Client;
let operator: Client;
let otherAdmin: Client;
let periodId: string;

const iidUrl = (path: string, region = HOME) => `/api/v1/regions/${region}/iid${path}`;
async function ok<T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}
const sheet = () => ok<SpdSheet>(admin.get(iidUrl(`/periods/${periodId}/spd`)));
const indicator = async (id: string) => {
  const found = (await sheet()).indicators.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no SPD indicator ${id}`);
  return found;
};
const addLink = (client: Client, id: string, url: string, region = HOME) =>
  client.post(iidUrl(`/periods/${periodId}/spd/${id}/evidence/links`, region), { title: `Bukti ${id}`, url });

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  verifier = (await clientFor(t, 'verifikator', HOME)).client;
  operator = (await clientFor(t, 'operator', HOME)).client;
  otherAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
  const [row] = await t.db
    .insert(periods)
    .values({ regionCode: HOME, year: 2026, opensOn: '2026-01-01', closesOn: '2026-11-30', targetTotal: 10 })
    .returning();
  if (!row) throw new Error('period not created');
  periodId = row.id;
});
afterAll(() => t.close());

describe('SPD evidence', () => {
  it('a link and a file on indicator 1 appear on the sheet under spd.1', async () => {
    await ok(addLink(admin, '1', 'https://jdih.example.go.id/perkada-visi-inovasi'), 201);
    await ok(
      admin.request('POST', iidUrl(`/periods/${periodId}/spd/1/evidence/files?fileName=rpjmd.pdf&title=RPJMD`), PDF, {
        'content-type': 'application/octet-stream',
      }),
      201,
    );
    const one = await indicator('1');
    expect(one.evidenceTarget).toBe('spd.1');
    expect(one.evidence.map((e) => e.kind).sort()).toEqual(['file', 'link']);
    expect((await indicator('2a')).evidence).toEqual([]);
  });

  it('adding or removing evidence puts a verified indicator back to pending, audited', async () => {
    await ok<IidAnswerState>(admin.put(iidUrl(`/periods/${periodId}/spd/9`), { level: 3 }));
    await ok<IidAnswerState>(verifier.post(iidUrl(`/periods/${periodId}/spd/9/verify`), { decision: 'accept' }));
    expect((await indicator('9')).verification).toBe('accepted');
    const link = await ok<{ id: string }>(addLink(admin, '9', 'https://example.go.id/lakip-a'), 201);
    const after = await indicator('9');
    expect(after.verification).toBe('pending');
    expect(after.claimedLevel).toBe(3);
    await ok<IidAnswerState>(verifier.post(iidUrl(`/periods/${periodId}/spd/9/verify`), { decision: 'correct', level: 2, note: 'Nilai B' }));
    expect((await indicator('9')).verification).toBe('corrected');
    await ok(admin.delete(iidUrl(`/periods/${periodId}/spd-evidence/${link.id}`)));
    const removed = await indicator('9');
    expect(removed.verification).toBe('pending');
    expect(removed.verifiedLevel).toBeNull();
    expect(removed.evidence).toEqual([]);
    const resets = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.regionCode, HOME), eq(auditLog.action, 'iid.spd.reset')));
    expect(resets).toHaveLength(2);
  });

  it('an unknown or SID indicator is refused in Indonesian; a duplicate link is refused', async () => {
    const sid = await addLink(admin, '16', 'https://example.go.id/x');
    expect(sid.statusCode).toBe(400);
    expect(sid.body).toContain('dinilai per inovasi');
    expect((await addLink(admin, '99', 'https://example.go.id/x')).statusCode).toBe(400);
    expect((await addLink(admin, '1', 'https://jdih.example.go.id/perkada-visi-inovasi')).statusCode).toBe(409);
  });

  it('operators and verifiers may not change SPD evidence; another region gets 403 and no data', async () => {
    expect((await addLink(operator, '2a', 'https://example.go.id/apbd')).statusCode).toBe(403);
    expect((await addLink(verifier, '2a', 'https://example.go.id/apbd')).statusCode).toBe(403);
    expect((await addLink(otherAdmin, '2a', 'https://example.go.id/apbd')).statusCode).toBe(403);
    const fromOther = await addLink(otherAdmin, '2a', 'https://example.go.id/apbd', OTHER);
    expect(fromOther.statusCode).toBe(404);
    const evidenceId = (await indicator('1')).evidence[0]?.id ?? '';
    expect((await otherAdmin.delete(iidUrl(`/periods/${periodId}/spd-evidence/${evidenceId}`, OTHER))).statusCode).toBe(404);
    expect((await otherAdmin.get(iidUrl(`/periods/${periodId}/spd-evidence/${evidenceId}/content`, OTHER))).statusCode).toBe(404);
    expect((await indicator('1')).evidence).toHaveLength(2);
  });
});

describe('SPD figures choose the parameter', () => {
  const put = (id: string, body: object) => admin.put(iidUrl(`/periods/${periodId}/spd/${id}`), body);
  const bps = { source: 'BPS, Berita Resmi Statistik Maret 2025', sourceUrl: 'https://bps.go.id/brs' };

  it('10b: 13,10 % (on the overlap of P1 and P2) gives parameter 2; the sheet shows the figure and its thresholds', async () => {
    const state = await ok<IidAnswerState>(put('10b', { level: null, figure: { value: '13.10', ...bps } }));
    expect(state.claimedLevel).toBe(2);
    const row = await indicator('10b');
    expect(row.figureValue).toEqual({ value: '13.10', source: bps.source, sourceUrl: bps.sourceUrl });
    expect(row.figure?.kind).toBe('numeric');
    expect(row.figure?.kind === 'numeric' ? row.figure.thresholds.map((t) => t.label) : []).toEqual(['≤ 4,82', '4,81 s.d. 13,11', '≥ 13,10']);
    expect((await ok<IidAnswerState>(put('10b', { level: null, figure: { value: '13.12', ...bps } }))).claimedLevel).toBe(1);
  });

  it('another parameter than the figure gives is refused, and so is a level without a figure, with the reason', async () => {
    const other = await put('10b', { level: 3, figure: { value: '13.12', ...bps } });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('memberi parameter 1; parameter 3 tidak dapat dipilih');
    const bare = await put('10b', { level: 3 });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('ditentukan dari Persentase penduduk miskin');
    const precise = await put('10b', { level: null, figure: { value: '4.815', ...bps } });
    expect(precise.statusCode).toBe(400);
    expect(precise.body).toContain('paling banyak 2 angka');
    const noSource = await put('10b', { level: null, figure: { value: '4.8', source: '' } });
    expect(noSource.statusCode).toBe(400);
    const onHandPicked = await put('1', { level: 2, figure: { value: '3', ...bps } });
    expect(onHandPicked.statusCode).toBe(400);
    expect((await indicator('10b')).claimedLevel).toBe(1);
  });

  it('8 opini BPK: WTP gives 3; a new source on the same parameter is verified again', async () => {
    const lhp = { source: 'LHP BPK atas LKPD 2024' };
    expect((await ok<IidAnswerState>(put('8', { level: null, figure: { value: 'WTP', ...lhp } }))).claimedLevel).toBe(3);
    await ok<IidAnswerState>(verifier.post(iidUrl(`/periods/${periodId}/spd/8/verify`), { decision: 'accept' }));
    expect((await indicator('8')).verification).toBe('accepted');
    await ok<IidAnswerState>(put('8', { level: null, figure: { value: 'WTP', source: 'LHP BPK Nomor 12/LHP/2025' } }));
    const after = await indicator('8');
    expect(after.claimedLevel).toBe(3);
    expect(after.verification).toBe('pending');
    expect(after.figureValue?.source).toBe('LHP BPK Nomor 12/LHP/2025');
  });
});
