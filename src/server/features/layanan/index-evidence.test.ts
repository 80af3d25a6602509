/**
 * One click from a public-service document to the index indicators: the SKM report of a period goes to
 * Pemdi 19/20 and IID 34 of an innovation, the complaint statistics to SPBE 42 and IID 29; each under
 * the target's own rule (penilaian mandiri only; an innovation waiting for review is locked, a verified
 * one goes back for review), only for whoever manages the source, never to an indicator that does not
 * ask for it, and never across regions.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentDetail } from '#shared/api/assessments.ts';
import type { IndexEvidenceTargets } from '#shared/api/index-evidence.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { assessments, attachments, iidAnswers, innovations, periods, services, skmPeriods } from '#server/db/schema.ts';
import { type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const OTHER = '63.71';
let t: TestApp;
let admin: Client;
let operator: Client;
let foreignAdmin: Client;
let skmPeriodId: string;
let spbe: AssessmentDetail;
let pemdi: AssessmentDetail;
let draftId: string;
let verifiedId: string;
let submittedId: string;

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const base = (region = HOME) => `/api/v1/regions/${region}/index-evidence`;
const itemOf = (a: AssessmentDetail, indicatorId: string) => {
  const item = a.items.find((i) => i.indicatorId === indicatorId);
  if (!item) throw new Error(`no item ${indicatorId}`);
  return item;
};

async function shippedVersion(client: Client, frameworkId: string) {
  const res = await client.get(`/api/v1/regions/${HOME}/framework-versions`);
  const found = json<{ items: { id: string; frameworkId: string; origin: string }[] }>(res).items.find(
    (v) => v.frameworkId === frameworkId && v.origin === 'shipped',
  );
  if (!found) throw new Error(`${frameworkId} not shipped`);
  return found.id;
}

async function createAssessment(frameworkId: string, year: number): Promise<AssessmentDetail> {
  const res = await admin.post(`/api/v1/regions/${HOME}/assessments`, { frameworkVersionId: await shippedVersion(admin, frameworkId), year });
  expect(res.statusCode, res.body).toBe(201);
  return json<AssessmentDetail>(res);
}

async function attachmentsOf(ownerId: string) {
  return t.db.select().from(attachments).where(eq(attachments.ownerId, ownerId));
}

beforeAll(async () => {
  t = await startTestApp();
  const unit = await makeUnit(t.db, HOME, { name: 'Dinas Kependudukan dan Pencatatan Sipil' });
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  operator = (await clientFor(t, 'operator', HOME, unit.id)).client;
  foreignAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
  await t.db.insert(services).values({ regionCode: HOME, unitId: unit.id, name: 'Akta Kelahiran' });
  const [period] = await t.db
    .insert(skmPeriods)
    .values({ regionCode: HOME, year: 2025, startsOn: '2025-01-01', endsOn: '2025-12-31', status: 'ditutup' })
    .returning({ id: skmPeriods.id });
  skmPeriodId = period?.id ?? '';
  spbe = await createAssessment('spbe-2020', 2025);
  pemdi = await createAssessment('pemdi-2026', 2026);
  const [innovationPeriod] = await t.db
    .insert(periods)
    .values({ regionCode: HOME, year: 2026, opensOn: '2026-01-01', closesOn: '2026-11-30', targetTotal: 10 })
    .returning({ id: periods.id });
  const make = async (name: string, status: string) => {
    const [row] = await t.db
      .insert(innovations)
      .values({ regionCode: HOME, periodId: innovationPeriod?.id ?? '', unitId: unit.id, name, status })
      .returning({ id: innovations.id });
    return row?.id ?? '';
  };
  draftId = await make('Akta Lahir Langsung Jadi', 'draft');
  verifiedId = await make('Antrean Daring Dukcapil', 'terverifikasi');
  submittedId = await make('Jemput Bola KTP-el', 'diajukan');
});
afterAll(() => t.close());

describe('where a document can go', () => {
  it('lists the SKM report targets: Pemdi 19 and 20, and IID 34 of each innovation, with whether each is open', async () => {
    const res = await admin.get(`${base()}/skm/${skmPeriodId}/targets`);
    expect(res.statusCode, res.body).toBe(200);
    const targets = json<IndexEvidenceTargets>(res);
    expect(targets.assessmentItems.map((i) => `${i.frameworkId}/${i.indicatorId}`).sort()).toEqual(['pemdi-2026/19', 'pemdi-2026/20']);
    expect(targets.innovations.map((i) => `${i.name}/${i.indicatorId}/${i.open}`).sort()).toEqual([
      'Akta Lahir Langsung Jadi/34/true',
      'Antrean Daring Dukcapil/34/true',
      'Jemput Bola KTP-el/34/false',
    ]);
  });

  it('lists the complaint statistics targets: SPBE 42, Pemdi 19 and IID 29', async () => {
    const res = await admin.get(`${base()}/complaints/targets?from=2026-01-01&to=2026-12-31`);
    expect(res.statusCode, res.body).toBe(200);
    const targets = json<IndexEvidenceTargets>(res);
    expect(targets.assessmentItems.map((i) => `${i.frameworkId}/${i.indicatorId}`).sort()).toEqual(['pemdi-2026/19', 'spbe-2020/42']);
    expect(new Set(targets.innovations.map((i) => i.indicatorId))).toEqual(new Set(['29']));
    // Named as the IID framework names it, not by its number alone.
    expect(new Set(targets.innovations.map((i) => i.indicatorName))).toEqual(new Set(['Penyelesaian layanan pengaduan']));
  });

  it('is for whoever manages the source, in their own region', async () => {
    expect((await operator.get(`${base()}/skm/${skmPeriodId}/targets`)).statusCode).toBe(403);
    expect((await foreignAdmin.get(`${base()}/skm/${skmPeriodId}/targets`)).statusCode).toBe(403);
    expect((await foreignAdmin.get(`${base(OTHER)}/skm/${skmPeriodId}/targets`)).statusCode).toBe(404);
  });
});

describe('attaching in one click', () => {
  it('attaches the SKM report PDF to a Pemdi item, once', async () => {
    const item = itemOf(pemdi, '20');
    const res = await admin.post(`${base()}/skm/${skmPeriodId}`, { target: { kind: 'assessment_item', assessmentId: pemdi.id, itemId: item.id } });
    expect(res.statusCode, res.body).toBe(201);
    const rows = await attachmentsOf(item.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.mimeType).toBe('application/pdf');
    expect(rows[0]?.title).toBe('Laporan SKM 2025');
    const stored = await t.app.storage.get(rows[0]?.storageKey ?? '');
    const chunks: Buffer[] = [];
    for await (const chunk of stored) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
    const again = await admin.post(`${base()}/skm/${skmPeriodId}`, { target: { kind: 'assessment_item', assessmentId: pemdi.id, itemId: item.id } });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('ATTACHMENT_DUPLICATE');
    const targets = json<IndexEvidenceTargets>(await admin.get(`${base()}/skm/${skmPeriodId}/targets`));
    expect(targets.assessmentItems.find((i) => i.itemId === item.id)?.attached).toBe(true);
  });

  it('refuses an indicator that does not ask for the document, and writes nothing', async () => {
    const item = itemOf(spbe, '1');
    const res = await admin.post(`${base()}/skm/${skmPeriodId}`, { target: { kind: 'assessment_item', assessmentId: spbe.id, itemId: item.id } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues?.map((i) => i.field)).toEqual(['body.target']);
    expect(await attachmentsOf(item.id)).toHaveLength(0);
    const iid = await admin.post(`${base()}/skm/${skmPeriodId}`, { target: { kind: 'innovation', innovationId: draftId, indicatorId: '16' } });
    expect(iid.statusCode).toBe(400);
    expect(await attachmentsOf(draftId)).toHaveLength(0);
  });

  it('attaches the complaint statistics to SPBE 42 while the assessment is open, not after it moved on', async () => {
    const item = itemOf(spbe, '42');
    const ok = await admin.post(`${base()}/complaints`, {
      from: '2026-01-01',
      to: '2026-12-31',
      target: { kind: 'assessment_item', assessmentId: spbe.id, itemId: item.id },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(json<{ title: string }>(ok).title).toBe('Statistik penanganan pengaduan (2026-01-01 s.d. 2026-12-31)');
    await t.db.update(assessments).set({ stage: 'verifikasi' }).where(eq(assessments.id, spbe.id));
    const closed = await admin.post(`${base()}/complaints`, { target: { kind: 'assessment_item', assessmentId: spbe.id, itemId: item.id } });
    expect(closed.statusCode).toBe(409);
    expect(errorOf(closed).code).toBe('ASSESSMENT_FILL_CLOSED');
    expect(await attachmentsOf(item.id)).toHaveLength(1);
  });

  it('attaches to an innovation in its IID indicator slot; a verified one goes back for review; one waiting for review is locked', async () => {
    const draft = await admin.post(`${base()}/skm/${skmPeriodId}`, { target: { kind: 'innovation', innovationId: draftId, indicatorId: '34' } });
    expect(draft.statusCode, draft.body).toBe(201);
    expect((await attachmentsOf(draftId)).map((a) => a.slot)).toEqual(['sid.34']);

    // The verifier had accepted indicator 29 on the evidence then there: new evidence reopens it.
    const [innovationRow] = await t.db.select({ periodId: innovations.periodId }).from(innovations).where(eq(innovations.id, verifiedId));
    await t.db.insert(iidAnswers).values({
      regionCode: HOME,
      periodId: innovationRow?.periodId ?? '',
      innovationId: verifiedId,
      indicatorId: '29',
      claimedLevel: 2,
      verification: 'accepted',
      verifiedLevel: 2,
    });
    const verified = await admin.post(`${base()}/complaints`, { target: { kind: 'innovation', innovationId: verifiedId, indicatorId: '29' } });
    expect(verified.statusCode, verified.body).toBe(201);
    const [after] = await t.db.select({ status: innovations.status }).from(innovations).where(eq(innovations.id, verifiedId));
    expect(after?.status).toBe('diajukan');
    const [answer] = await t.db
      .select({ verification: iidAnswers.verification, verifiedLevel: iidAnswers.verifiedLevel })
      .from(iidAnswers)
      .where(and(eq(iidAnswers.innovationId, verifiedId), eq(iidAnswers.indicatorId, '29')));
    expect(answer).toEqual({ verification: 'pending', verifiedLevel: null });

    const locked = await admin.post(`${base()}/skm/${skmPeriodId}`, { target: { kind: 'innovation', innovationId: submittedId, indicatorId: '34' } });
    expect(locked.statusCode).toBe(409);
    expect(errorOf(locked).code).toBe('INNOVATION_EVIDENCE_LOCKED');
    expect(await attachmentsOf(submittedId)).toHaveLength(0);
  });

  it('is refused to an operator and to another region, writing nothing', async () => {
    const item = itemOf(pemdi, '19');
    const body = { target: { kind: 'assessment_item', assessmentId: pemdi.id, itemId: item.id } };
    expect((await operator.post(`${base()}/skm/${skmPeriodId}`, body)).statusCode).toBe(403);
    expect((await foreignAdmin.post(`${base()}/skm/${skmPeriodId}`, body)).statusCode).toBe(403);
    expect(await attachmentsOf(item.id)).toHaveLength(0);
    const count = await t.db
      .select()
      .from(attachments)
      .where(and(eq(attachments.regionCode, OTHER)));
    expect(count).toHaveLength(0);
  });
});
