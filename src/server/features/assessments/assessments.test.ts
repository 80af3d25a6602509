/**
 * Self-assessments through the real HTTP app: an admin opens an SPBE 2020 assessment and assigns
 * indicators to units; operators fill their own unit's indicators with evidence during penilaian
 * mandiri; assessors accept or correct during verifikasi; final locks everything. The claimed and
 * verified index must equal the engine's, the gap analysis must rank by gain and compare with last
 * year, and nobody outside the rules (another unit, another region, a juri) gets in.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '#domain/scoring/engine.ts';
import { loadShipped } from '#domain/scoring/load-shipped.ts';
import type { AssessmentDetail, AssessmentItem, AssessmentSummary, GapAnalysis } from '#shared/api/assessments.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { assessments, auditLog } from '#server/db/schema.ts';
import { type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';
import { makePdf } from '../../../../test/support/files.ts';

const HOME = '19.71';
const OTHER = '62.71';
const base = (region = HOME) => `/api/v1/regions/${region}/assessments`;

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const fieldsOf = (res: LightMyRequestResponse) => (errorOf(res).issues ?? []).map((i) => i.field);

const spbe = loadShipped('spbe-2020');
const pemdi = loadShipped('pemdi-2026');

/** The engine's result for the given values, every other indicator at `rest` (what a provisional figure uses). */
function engine(framework: typeof spbe, ids: readonly string[], values: Record<string, string>, rest: string) {
  const all = Object.fromEntries(ids.map((id) => [id, values[id] ?? rest]));
  const out = evaluate(framework, { values: all });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
}
const SPBE_IDS = Array.from({ length: 47 }, (_, i) => String(i + 1));
const PEMDI_IDS = Array.from({ length: 20 }, (_, i) => String(i + 1));

function itemOf(detail: AssessmentDetail, indicatorId: string): AssessmentItem {
  const item = detail.items.find((i) => i.indicatorId === indicatorId);
  if (!item) throw new Error(`no item for indicator ${indicatorId}`);
  return item;
}

let t: TestApp;
let admin: Client;
let operatorA: Client;
let operatorB: Client;
let verifier: Client;
let pimpinan: Client;
let juri: Client;
let foreignAdmin: Client;
let unitA: { id: string; name: string };
let unitB: { id: string; name: string };
let spbeVersionId: string;
let pemdiVersionId: string;
let ikmVersionId: string;

beforeAll(async () => {
  t = await startTestApp();
  unitA = await makeUnit(t.db, HOME, { name: 'Dinas Komunikasi dan Informatika' });
  unitB = await makeUnit(t.db, HOME, { name: 'Badan Perencanaan Pembangunan Daerah' });
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  operatorA = (await clientFor(t, 'operator', HOME, unitA.id)).client;
  operatorB = (await clientFor(t, 'operator', HOME, unitB.id)).client;
  verifier = (await clientFor(t, 'verifikator', HOME)).client;
  pimpinan = (await clientFor(t, 'pimpinan', HOME)).client;
  juri = (await clientFor(t, 'juri', HOME)).client;
  foreignAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
  const res = await admin.get(`/api/v1/regions/${HOME}/framework-versions`);
  expect(res.statusCode, res.body).toBe(200);
  const versions = json<{ items: { id: string; frameworkId: string; origin: string }[] }>(res).items;
  const shippedId = (frameworkId: string) => {
    const found = versions.find((v) => v.frameworkId === frameworkId && v.origin === 'shipped');
    if (!found) throw new Error(`${frameworkId} is not shipped`);
    return found.id;
  };
  spbeVersionId = shippedId('spbe-2020');
  pemdiVersionId = shippedId('pemdi-2026');
  ikmVersionId = shippedId('ikm-2017');
});
afterAll(() => t.close());

async function detailOf(client: Client, id: string, region = HOME): Promise<AssessmentDetail> {
  const res = await client.get(`${base(region)}/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<AssessmentDetail>(res);
}

async function create(client: Client, frameworkVersionId: string, year: number, region = HOME): Promise<AssessmentDetail> {
  const res = await client.post(base(region), { frameworkVersionId, year, deadline: `${year}-06-30` });
  expect(res.statusCode, res.body).toBe(201);
  return json<AssessmentDetail>(res);
}

function fill(client: Client, a: AssessmentDetail, item: AssessmentItem, value: string | number | null, explanation = '', version = item.version) {
  return client.put(`${base()}/${a.id}/items/${item.id}`, { value, explanation, version });
}

async function filled(
  client: Client,
  a: AssessmentDetail,
  item: AssessmentItem,
  value: string | number | null,
  explanation = '',
): Promise<AssessmentItem> {
  const res = await fill(client, a, item, value, explanation);
  expect(res.statusCode, res.body).toBe(200);
  return json<AssessmentItem>(res);
}

function upload(client: Client, a: AssessmentDetail, item: AssessmentItem, data: Buffer, fileName: string, title?: string) {
  const query = new URLSearchParams({ fileName, ...(title ? { title } : {}) });
  return client.request('POST', `${base()}/${a.id}/items/${item.id}/evidence/files?${query}`, data, { 'content-type': 'application/pdf' });
}

async function stage(client: Client, a: { id: string }, to: string): Promise<LightMyRequestResponse> {
  const current = await detailOf(admin, a.id);
  return client.post(`${base()}/${a.id}/stage`, { stage: to, version: current.version });
}

async function staged(a: { id: string }, to: string): Promise<AssessmentDetail> {
  const res = await stage(admin, a, to);
  expect(res.statusCode, res.body).toBe(200);
  return json<AssessmentDetail>(res);
}

async function gapsOf(a: { id: string }, basis: 'claimed' | 'verified'): Promise<GapAnalysis> {
  const res = await pimpinan.get(`${base()}/${a.id}/gaps?basis=${basis}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<GapAnalysis>(res);
}

describe('an SPBE 2020 self-assessment, from penilaian mandiri to final', () => {
  let a: AssessmentDetail;
  const pdf = makePdf('Perwali Arsitektur SPBE');

  it('opens for a year with one unassigned item per indicator, criteria of every level beside it', async () => {
    a = await create(admin, spbeVersionId, 2024);
    expect(a).toMatchObject({
      frameworkId: 'spbe-2020',
      year: 2024,
      stage: 'mandiri',
      deadline: '2024-06-30',
      itemCount: 47,
      filledCount: 0,
      version: 1,
    });
    expect(a.items.map((i) => i.indicatorId)).toEqual(SPBE_IDS);
    const first = itemOf(a, '1');
    expect(first).toMatchObject({
      path: ['Kebijakan Internal SPBE', 'Kebijakan Internal Tata Kelola SPBE'],
      weight: '1.30',
      unitId: null,
      claimedValue: null,
      verification: 'pending',
    });
    expect(first.scale.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
    expect(first.scale.levels[4]?.criteria).toMatch(/ditindaklanjuti dengan kebijakan baru/);
    expect(a.claimed).toMatchObject({ index: null, complete: false, missing: 47 });
    expect(a.can).toEqual({ manage: true, advance: true, finalize: false });

    const list = await pimpinan.get(base());
    expect(list.statusCode).toBe(200);
    expect(json<{ items: AssessmentSummary[] }>(list).items.map((s) => s.id)).toContain(a.id);
  });

  it('refuses the same framework twice in a year, a survey framework and an unknown version (400)', async () => {
    const again = await admin.post(base(), { frameworkVersionId: spbeVersionId, year: 2024 });
    expect(again.statusCode).toBe(400);
    expect(fieldsOf(again)).toEqual(['body.year']);
    const survey = await admin.post(base(), { frameworkVersionId: ikmVersionId, year: 2024 });
    expect(survey.statusCode).toBe(400);
    expect(fieldsOf(survey)).toEqual(['body.frameworkVersionId']);
    const unknown = await admin.post(base(), { frameworkVersionId: '00000000-0000-4000-8000-000000000000', year: 2024 });
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown)).toEqual(['body.frameworkVersionId']);
  });

  it('assigns indicators to units with deadlines, and refuses a unit of another region', async () => {
    const foreign = await makeUnit(t.db, OTHER);
    const refused = await admin.post(`${base()}/${a.id}/assignments`, { assignments: [{ indicatorId: '1', unitId: foreign.id }] });
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toEqual(['body.assignments.0.unitId']);
    const unknown = await admin.post(`${base()}/${a.id}/assignments`, { assignments: [{ indicatorId: '48', unitId: unitA.id }] });
    expect(fieldsOf(unknown)).toEqual(['body.assignments.0.indicatorId']);

    const res = await admin.post(`${base()}/${a.id}/assignments`, {
      assignments: [
        ...Array.from({ length: 10 }, (_, i) => ({ indicatorId: String(i + 1), unitId: unitA.id, deadline: '2024-05-31' })),
        { indicatorId: '11', unitId: unitB.id },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    a = json<AssessmentDetail>(res);
    expect(itemOf(a, '1')).toMatchObject({ unitId: unitA.id, unitName: unitA.name, deadline: '2024-05-31', version: 2 });
    expect(itemOf(a, '11')).toMatchObject({ unitId: unitB.id, deadline: null });
    expect(a.progressByUnit).toEqual([
      { unitId: unitB.id, unitName: unitB.name, total: 1, filled: 0, verified: 0 },
      { unitId: unitA.id, unitName: unitA.name, total: 10, filled: 0, verified: 0 },
      { unitId: null, unitName: null, total: 36, filled: 0, verified: 0 },
    ]);
    const operatorView = await operatorA.post(`${base()}/${a.id}/assignments`, { assignments: [{ indicatorId: '12', unitId: unitA.id }] });
    expect(operatorView.statusCode).toBe(403);
  });

  it('shows an operator the summary and only their unit’s items, each fillable', async () => {
    const mine = await detailOf(operatorA, a.id);
    expect(mine.items.map((i) => i.indicatorId)).toEqual(SPBE_IDS.slice(0, 10));
    expect(mine.items.every((i) => i.canFill && !i.canVerify)).toBe(true);
    expect(mine.itemCount).toBe(47);
    expect(mine.can).toEqual({ manage: false, advance: false, finalize: false });
    const theirs = await detailOf(operatorB, a.id);
    expect(theirs.items.map((i) => i.indicatorId)).toEqual(['11']);
    const boss = await detailOf(pimpinan, a.id);
    expect(boss.items).toHaveLength(47);
    expect(boss.items.some((i) => i.canFill || i.canVerify)).toBe(false);
  });

  it('lets the operator fill two indicators with a PDF as evidence; the claimed index follows the engine', async () => {
    const one = await filled(operatorA, a, itemOf(a, '1'), '3', 'Perwali 12/2023 tentang Arsitektur SPBE');
    expect(one).toMatchObject({ claimedValue: '3', explanation: 'Perwali 12/2023 tentang Arsitektur SPBE', version: 3, verification: 'pending' });
    expect(one.claimedAt).not.toBeNull();
    await filled(operatorA, a, itemOf(a, '2'), '4');

    const up = await upload(operatorA, a, one, pdf, 'perwali-arsitektur.pdf', 'Perwali Arsitektur SPBE');
    expect(up.statusCode, up.body).toBe(201);
    const file = json<AssessmentItem['evidence'][number]>(up);
    expect(file).toMatchObject({
      kind: 'file',
      title: 'Perwali Arsitektur SPBE',
      fileName: 'perwali-arsitektur.pdf',
      mimeType: 'application/pdf',
      sizeBytes: pdf.length,
    });
    const link = await operatorA.post(`${base()}/${a.id}/items/${one.id}/evidence/links`, {
      title: 'JDIH',
      url: 'https://jdih.example.go.id/perwali-12-2023',
    });
    expect(link.statusCode, link.body).toBe(201);

    const content = await operatorA.get(`${base()}/${a.id}/items/${one.id}/evidence/${file.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src 'self'");
    expect(content.headers['content-disposition']).toMatch(/^inline; filename="perwali-arsitektur.pdf"/);
    expect(content.rawPayload.equals(pdf)).toBe(true);

    a = await detailOf(admin, a.id);
    expect(a.filledCount).toBe(2);
    expect(itemOf(a, '1').evidence.map((e) => e.kind)).toEqual(['file', 'link']);
    const expected = engine(spbe, SPBE_IDS, { 1: '3', 2: '4' }, '1');
    expect(a.claimed).toMatchObject({ index: expected.index, predicate: expected.predicate, complete: false, missing: 45 });
    // 1 + 1.30 % × (2 + 3) = 1.065 → 1.07 (half-up)
    expect(a.claimed.index).toBe('1.07');
    expect(a.claimed.nodes.A1).toEqual({ index: '1.50', predicate: 'Kurang' });
    expect(a.verified).toMatchObject({ index: null, missing: 47 });
    expect(a.progressByUnit.find((p) => p.unitId === unitA.id)).toMatchObject({ total: 10, filled: 2 });
  });

  it('refuses an operator another unit’s item or an unassigned one (403), and refuses evidence there too', async () => {
    const res = await fill(operatorB, a, itemOf(a, '1'), '5');
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect((await fill(operatorA, a, itemOf(a, '12'), '2')).statusCode).toBe(403);
    expect((await upload(operatorB, a, itemOf(a, '1'), makePdf('lain'), 'lain.pdf')).statusCode).toBe(403);
    const file = itemOf(a, '1').evidence[0];
    if (!file) throw new Error('no evidence');
    expect((await operatorB.delete(`${base()}/${a.id}/items/${itemOf(a, '1').id}/evidence/${file.id}`)).statusCode).toBe(403);
    // Operator B does not even see it.
    expect((await operatorB.get(`${base()}/${a.id}/items/${itemOf(a, '1').id}/evidence/${file.id}/content`)).statusCode).toBe(404);
    expect(itemOf(await detailOf(admin, a.id), '1').claimedValue).toBe('3');
  });

  it('refuses a stale version (409 STALE_VERSION) and an invalid level (400 naming body.value)', async () => {
    const stale = await fill(operatorA, a, itemOf(a, '1'), '4', '', 1);
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('STALE_VERSION');
    const current = itemOf(await detailOf(admin, a.id), '3');
    const six = await fill(operatorA, a, current, '6');
    expect(six.statusCode).toBe(400);
    expect(errorOf(six).issues).toEqual([{ field: 'body.value', reason: 'Tingkat harus bilangan bulat 1, 2, 3, 4 atau 5' }]);
    const half = await fill(operatorA, a, current, '2.5');
    expect(fieldsOf(half)).toEqual(['body.value']);
    const text = await fill(operatorA, a, current, 'tiga');
    expect(text.statusCode).toBe(400);
    expect(fieldsOf(text)).toEqual(['body.value']);
    expect(itemOf(await detailOf(admin, a.id), '3')).toMatchObject({ claimedValue: null, version: current.version });
  });

  it('keeps verifiers, juri and other regions out of filling', async () => {
    const byVerifier = await fill(verifier, a, itemOf(a, '3'), '3');
    expect(byVerifier.statusCode).toBe(403);
    expect(errorOf(byVerifier).code).toBe('FORBIDDEN');
    const byJuri = await juri.get(`${base()}/${a.id}`);
    expect(byJuri.statusCode).toBe(403);
    expect(errorOf(byJuri).code).toBe('FORBIDDEN');
    expect((await juri.get(`${base()}/${a.id}/gaps`)).statusCode).toBe(403);
    const foreign = await foreignAdmin.get(`${base()}/${a.id}`);
    expect(foreign.statusCode).toBe(403);
    expect(errorOf(foreign).code).toBe('REGION_FORBIDDEN');
    const foreignFill = await foreignAdmin.put(`${base()}/${a.id}/items/${itemOf(a, '1').id}`, { value: '5', version: 3 });
    expect(foreignFill.statusCode).toBe(403);
  });

  it('does not find an assessment of another region under this region', async () => {
    const theirs = await create(foreignAdmin, spbeVersionId, 2024, OTHER);
    expect((await admin.get(`${base()}/${theirs.id}`)).statusCode).toBe(404);
    const item = itemOf(theirs, '1');
    const res = await admin.put(`${base()}/${theirs.id}/items/${item.id}`, { value: '5', version: item.version });
    expect(res.statusCode).toBe(404);
    expect((await admin.post(`${base()}/${theirs.id}/stage`, { stage: 'verifikasi', version: 1 })).statusCode).toBe(404);
  });

  it('refuses verification during mandiri and illegal or stale stage changes (409)', async () => {
    const early = await verifier.post(`${base()}/${a.id}/items/${itemOf(a, '1').id}/verify`, { decision: 'accept', version: 3 });
    expect(early.statusCode).toBe(409);
    const skip = await stage(admin, a, 'final');
    expect(skip.statusCode).toBe(409);
    expect(fieldsOf(skip)).toEqual(['body.stage']);
    const same = await stage(admin, a, 'mandiri');
    expect(same.statusCode).toBe(409);
    const stale = await admin.post(`${base()}/${a.id}/stage`, { stage: 'verifikasi', version: 99 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('STALE_VERSION');
    expect((await stage(verifier, a, 'verifikasi')).statusCode).toBe(403);
    expect((await stage(operatorA, a, 'verifikasi')).statusCode).toBe(403);
  });

  it('moves to verifikasi, after which units can no longer fill or change evidence (409)', async () => {
    a = await staged(a, 'verifikasi');
    expect(a).toMatchObject({ stage: 'verifikasi', version: 2 });
    expect(a.can).toEqual({ manage: true, advance: true, finalize: true });
    const res = await fill(operatorA, a, itemOf(a, '1'), '4');
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('ASSESSMENT_FILL_CLOSED');
    expect((await upload(operatorA, a, itemOf(a, '1'), makePdf('terlambat'), 'terlambat.pdf')).statusCode).toBe(409);
    const mine = await detailOf(operatorA, a.id);
    expect(mine.items.some((i) => i.canFill)).toBe(false);
    expect((await detailOf(verifier, a.id)).items.every((i) => i.canVerify)).toBe(true);
  });

  it('lets the verifier correct one indicator with a note: the verified index moves, the claimed one does not', async () => {
    const one = itemOf(a, '1');
    const noNote = await verifier.post(`${base()}/${a.id}/items/${one.id}/verify`, { decision: 'correct', value: '2', version: one.version });
    expect(noNote.statusCode).toBe(400);
    expect(fieldsOf(noNote)).toEqual(['body.note']);
    const badLevel = await verifier.post(`${base()}/${a.id}/items/${one.id}/verify`, {
      decision: 'correct',
      value: '7',
      note: 'x',
      version: one.version,
    });
    expect(fieldsOf(badLevel)).toEqual(['body.value']);

    const res = await verifier.post(`${base()}/${a.id}/items/${one.id}/verify`, {
      decision: 'correct',
      value: '2',
      note: 'Perwali belum memuat seluruh domain arsitektur',
      version: one.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<AssessmentItem>(res)).toMatchObject({
      verification: 'corrected',
      verifiedValue: '2',
      claimedValue: '3',
      verifierNote: 'Perwali belum memuat seluruh domain arsitektur',
    });

    const two = itemOf(a, '2');
    const accepted = await verifier.post(`${base()}/${a.id}/items/${two.id}/verify`, { decision: 'accept', version: two.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(json<AssessmentItem>(accepted)).toMatchObject({ verification: 'accepted', verifiedValue: null });

    const unfilled = itemOf(a, '5');
    const nothing = await verifier.post(`${base()}/${a.id}/items/${unfilled.id}/verify`, { decision: 'accept', version: unfilled.version });
    expect(nothing.statusCode).toBe(409);

    const before = a.claimed;
    a = await detailOf(admin, a.id);
    expect(a.claimed).toEqual(before);
    const verified = engine(spbe, SPBE_IDS, { 1: '2', 2: '4' }, '1');
    // 1 + 1.30 % × (1 + 3) = 1.052 → 1.05
    expect(a.verified).toMatchObject({ index: verified.index, complete: false, missing: 45 });
    expect(a.verified.index).toBe('1.05');
    expect(a.verifiedCount).toBe(2);

    const stale = await verifier.post(`${base()}/${a.id}/items/${two.id}/verify`, { decision: 'accept', version: two.version });
    expect(errorOf(stale).code).toBe('STALE_VERSION');
  });

  it('back in mandiri, a changed value sends the item back to pending; an explanation alone does not', async () => {
    a = await staged(a, 'mandiri');
    const two = await filled(operatorA, a, itemOf(a, '2'), '5');
    expect(two).toMatchObject({ claimedValue: '5', verification: 'pending', verifiedAt: null });
    const one = await filled(operatorA, a, itemOf(a, '1'), '3', 'Ditambah lampiran domain arsitektur');
    expect(one).toMatchObject({ verification: 'corrected', verifiedValue: '2' });
    a = await staged(a, 'verifikasi');
    const res = await verifier.post(`${base()}/${a.id}/items/${two.id}/verify`, { decision: 'accept', version: two.version });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('finalizes, which locks filling, verifying, assigning, evidence and the stage', async () => {
    a = await staged(a, 'final');
    expect(a.stage).toBe('final');
    expect(a.can).toEqual({ manage: false, advance: false, finalize: false });
    const [row] = await t.db
      .select()
      .from(assessments)
      .where(and(eq(assessments.id, a.id), eq(assessments.regionCode, HOME)));
    expect(row?.finalizedAt).toBeInstanceOf(Date);

    const one = itemOf(a, '1');
    expect((await fill(admin, a, one, '5')).statusCode).toBe(409);
    expect((await verifier.post(`${base()}/${a.id}/items/${one.id}/verify`, { decision: 'accept', version: one.version })).statusCode).toBe(409);
    expect((await admin.post(`${base()}/${a.id}/assignments`, { assignments: [{ indicatorId: '1', unitId: unitB.id }] })).statusCode).toBe(409);
    expect((await upload(admin, a, one, makePdf('final'), 'final.pdf')).statusCode).toBe(409);
    const file = one.evidence[0];
    if (!file) throw new Error('no evidence');
    expect((await admin.delete(`${base()}/${a.id}/items/${one.id}/evidence/${file.id}`)).statusCode).toBe(409);
    for (const to of ['mandiri', 'verifikasi']) expect((await stage(admin, a, to)).statusCode).toBe(409);
    expect(a.items.some((i) => i.canFill || i.canVerify)).toBe(false);
    expect((await detailOf(admin, a.id)).verified.index).toBe(engine(spbe, SPBE_IDS, { 1: '2', 2: '5' }, '1').index);
  });

  it('records every write in the audit log with before and after', async () => {
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.regionCode, HOME)).orderBy(auditLog.id);
    const actions = rows.map((r) => r.action);
    for (const action of [
      'assessment.created',
      'assessment.assigned',
      'assessment_item.filled',
      'assessment_item.verified',
      'assessment.stage_changed',
      'assessment_evidence.added',
    ]) {
      expect(actions).toContain(action);
    }
    const correction = rows.find(
      (r) => r.action === 'assessment_item.verified' && (r.after as { verification?: string }).verification === 'corrected',
    );
    expect(correction?.before).toMatchObject({ indicatorId: '1', claimedValue: '3', verification: 'pending' });
    expect(correction?.after).toMatchObject({
      claimedValue: '3',
      verifiedValue: '2',
      verifierNote: 'Perwali belum memuat seluruh domain arsitektur',
    });
    const finalized = rows.find((r) => r.action === 'assessment.stage_changed' && (r.after as { stage?: string }).stage === 'final');
    expect(finalized?.before).toEqual({ stage: 'verifikasi' });
    expect(finalized?.entityId).toBe(a.id);
  });

  it('removes evidence in mandiri and audits it', async () => {
    const b = await create(admin, spbeVersionId, 2023);
    const item = itemOf(b, '4');
    const up = await upload(admin, b, item, makePdf('hapus saya'), 'hapus.pdf');
    expect(up.statusCode, up.body).toBe(201);
    const again = await upload(admin, b, item, makePdf('hapus saya'), 'hapus.pdf');
    expect(again.statusCode).toBe(409);
    const id = json<{ id: string }>(up).id;
    const res = await admin.delete(`${base()}/${b.id}/items/${item.id}/evidence/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(itemOf(await detailOf(admin, b.id), '4').evidence).toEqual([]);
    expect((await admin.delete(`${base()}/${b.id}/items/${item.id}/evidence/${id}`)).statusCode).toBe(404);
    const [removed] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'assessment_evidence.removed'), eq(auditLog.entityId, id)));
    expect(removed?.before).toMatchObject({ indicatorId: '4', fileName: 'hapus.pdf' });
  });
});

describe('the index as claimed, the gap analysis and last year', () => {
  let current: AssessmentDetail;

  beforeAll(async () => {
    current = await create(admin, spbeVersionId, 2025);
  });

  it('all 47 indicators at level 3 give the claimed index 3.00, as the engine does', async () => {
    for (const item of current.items) await filled(admin, current, item, '3');
    current = await detailOf(admin, current.id);
    expect(current.claimed).toMatchObject({ index: '3.00', predicate: 'Baik', complete: true, missing: 0 });
    expect(current.claimed.index).toBe(engine(spbe, SPBE_IDS, {}, '3').index);
    expect(current.claimed.nodes.D4).toEqual({ index: '3.00', predicate: 'Baik' });
    expect(current.verified).toMatchObject({ index: null, complete: false, missing: 47 });
    expect(current.filledCount).toBe(47);
  });

  it('ranks gaps by gain: a 3.00 % indicator first, a 1.30 % one gains exactly 0.013', async () => {
    const gaps = await gapsOf(current, 'claimed');
    expect(gaps).toMatchObject({ basis: 'claimed', index: '3.00' });
    expect(gaps.items).toHaveLength(47);
    expect(gaps.items[0]).toMatchObject({
      indicatorId: '42',
      current: '3',
      next: '4',
      gain: '0.03',
      indexAfter: '3.03',
      nextLevelName: 'Kolaborasi',
    });
    expect(gaps.items.map((g) => g.indicatorId).slice(0, 6)).toEqual(['42', '43', '44', '45', '46', '47']);
    const one = gaps.items.find((g) => g.indicatorId === '1');
    expect(one).toMatchObject({ gain: '0.013', indexAfter: '3.01', nextLevelName: 'Terpadu dan Terukur' });
    expect(one?.nextCriteria).toMatch(/^Kriteria tingkat 3 telah terpenuhi/);
    const after = engine(spbe, SPBE_IDS, { 1: '4' }, '3');
    expect(after.value).toBe('3.013');
    const gains = gaps.items.map((g) => Number(g.gain));
    expect([...gains].sort((x, y) => y - x)).toEqual(gains);
  });

  it('compares with last year’s verified (final) assessment, indicator by indicator, even on this year’s claims', async () => {
    const gaps = await gapsOf(current, 'claimed');
    // 2024 claimed 1: 3 and 2: 5 (1.08 on claims) but was verified at 1: 2 and 2: 5 → 1 + 1.30 % × (1 + 4)
    // = 1.065 → 1.07: last year's result is its verified index, never its claims.
    expect(gaps.previous).toMatchObject({ year: 2024, index: '1.07', basis: 'verified' });
    expect(gaps.previous?.indicators.find((i) => i.indicatorId === '1')).toEqual({ indicatorId: '1', previous: '2', current: '3' });
    expect(gaps.previous?.indicators.find((i) => i.indicatorId === '2')).toEqual({ indicatorId: '2', previous: '5', current: '3' });
    expect(gaps.previous?.indicators.find((i) => i.indicatorId === '3')).toEqual({ indicatorId: '3', previous: null, current: '3' });
    const verified = await gapsOf(current, 'verified');
    expect(verified.index).toBeNull();
    // verified: 1 corrected to 2, 2 accepted at 5 → 1 + 1.30 % × (1 + 4) = 1.065 → 1.07 (half-up)
    expect(verified.previous).toMatchObject({ year: 2024, index: '1.07' });
    expect(verified.previous?.indicators.find((i) => i.indicatorId === '1')).toEqual({ indicatorId: '1', previous: '2', current: null });
  });

  it('has no previous assessment for the first year', async () => {
    const first = await create(admin, spbeVersionId, 2020);
    expect((await gapsOf(first, 'verified')).previous).toBeNull();
  });
});

describe('an Indeks Pemdi 2026 assessment with decimal values', () => {
  let p: AssessmentDetail;

  beforeAll(async () => {
    p = await create(admin, pemdiVersionId, 2026);
  });

  it('has 20 decimal indicators 1–5', () => {
    expect(p.items).toHaveLength(20);
    expect(itemOf(p, '20').scale).toEqual({ type: 'decimal', min: '1', max: '5', levels: [] });
    expect(itemOf(p, '20').path).toEqual(['Kepuasan Pengguna Layanan Digital Pemerintah']);
  });

  it('stores decimals with two places and refuses out-of-range or over-precise values, naming body.value', async () => {
    expect(await filled(admin, p, itemOf(p, '1'), '2.5')).toMatchObject({ claimedValue: '2.50' });
    const refused = await fill(admin, p, itemOf(p, '3'), '1.265');
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).issues).toEqual([{ field: 'body.value', reason: 'Nilai paling banyak 2 angka di belakang koma' }]);
    const low = await fill(admin, p, itemOf(p, '3'), '0.5');
    expect(errorOf(low).issues).toEqual([{ field: 'body.value', reason: 'Nilai harus antara 1 dan 5' }]);
    expect(await filled(admin, p, itemOf(p, '20'), 1.3)).toMatchObject({ claimedValue: '1.30' });
  });

  it('computes the claimed index as the engine does, defaults and minimums for the rest', async () => {
    p = await detailOf(admin, p.id);
    const expected = engine(pemdi, PEMDI_IDS, { 1: '2.50', 20: '1.30' }, '1');
    expect(p.claimed).toMatchObject({ index: expected.index, complete: false, missing: 18 });
    // 1 + (5 × 1.5 + 15 × 0.3) ÷ 100 = 1.12
    expect(p.claimed.index).toBe('1.12');
    expect(p.claimed.nodes.A1?.index).toBe('1.75');
  });

  it('steps a decimal gap to the next half point', async () => {
    const gaps = await gapsOf(p, 'claimed');
    const one = gaps.items.find((g) => g.indicatorId === '1');
    // 5 of 100 × 0.5 = 0.025
    expect(one).toMatchObject({ current: '2.50', next: '3.00', gain: '0.025', nextLevelName: null, nextCriteria: null });
    const twenty = gaps.items.find((g) => g.indicatorId === '20');
    // 15 of 100 × 0.2 = 0.03
    expect(twenty).toMatchObject({ current: '1.30', next: '1.50', gain: '0.03' });
    expect(gaps.items[0]?.indicatorId).toBe('19');
  });

  it('corrects a decimal in verifikasi', async () => {
    p = await staged(p, 'verifikasi');
    const one = itemOf(p, '1');
    const res = await verifier.post(`${base()}/${p.id}/items/${one.id}/verify`, {
      decision: 'correct',
      value: '2.25',
      note: 'Sebagian layanan belum memakai SOP',
      version: one.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<AssessmentItem>(res)).toMatchObject({ verifiedValue: '2.25' });
    p = await detailOf(admin, p.id);
    // 1 + 5 × 1.25 ÷ 100 = 1.0625 → 1.06
    expect(p.verified).toMatchObject({ index: engine(pemdi, PEMDI_IDS, { 1: '2.25' }, '1').index, missing: 19 });
    expect(p.verified.index).toBe('1.06');
  });
});
