/**
 * The national evaluation and the action plan through the real HTTP app: a region's Indeks Pemdi 2026
 * self-assessment (claimed, verified with corrections, final) goes through the national stages in order
 * only; the assessor's values, keyed in or imported from XLSX (a dry run with a bad row writes nothing),
 * give the national index the exact engine gives on them; the LHE is recorded at hasil and locks the
 * sheet; recommendations become tasks that the owner reports on, and open ones carry into 2027.
 * Also: frameworks open only in their effective years unless an admin gives a reason.
 */
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIndicators } from '#domain/assessments/indicators.ts';
import { valueNameOf } from '#domain/assessments/national.ts';
import { evaluate } from '#domain/scoring/engine.ts';
import { loadShipped } from '#domain/scoring/load-shipped.ts';
import type { AssessmentDetail } from '#shared/api/assessments.ts';
import type { ActionTaskList, ActionTask, NationalEvaluation, NationalImportReport, RegionTaskList } from '#shared/api/national.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { actionPlanTasks, auditLog, nationalEvaluationItems } from '#server/db/schema.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';
import { makePdf } from '../../../../test/support/files.ts';

const HOME = '19.71';
const OTHER = '62.71';
const base = (region = HOME) => `/api/v1/regions/${region}/assessments`;
const nationalUrl = (id: string, region = HOME) => `${base(region)}/${id}/national`;
const planUrl = (id: string, region = HOME) => `${base(region)}/${id}/action-plan`;
const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;

const pemdi = loadShipped('pemdi-2026');
const IDS = Array.from({ length: 20 }, (_, i) => String(i + 1));
// Claimed 1.50 everywhere; the region's own verification corrects odd indicators to 1.40; the national
// assessors give lower values still, as in the Aceh Tengah 2026 sheet (1.42 claimed, 1.24 final).
const CLAIMED = '1.50';
const verifiedOf = (id: string) => (Number(id) % 2 === 1 ? '1.40' : '1.50');
const nationalOf = (id: string) => ['1.00', '1.17', '1.26', '1.50', '1.10'][Number(id) % 5] ?? '1.00';

function engineIndex(valueFor: (id: string) => string): string {
  const out = evaluate(pemdi, { values: Object.fromEntries(IDS.map((id) => [id, valueFor(id)])) });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result.index;
}

let t: TestApp;
let admin: Client;
let national: Client;
let verifier: Client;
let operator: Client;
let owner: { id: string };
let ownerClient: Client;
let foreignAdmin: Client;
let unitId: string;
let pemdiVersionId: string;
let spbeVersionId: string;
let a2026: string;

async function detailOf(id: string): Promise<AssessmentDetail> {
  const res = await admin.get(`${base()}/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<AssessmentDetail>(res);
}

async function sheetOf(client: Client, id: string): Promise<NationalEvaluation> {
  const res = await client.get(nationalUrl(id));
  expect(res.statusCode, res.body).toBe(200);
  return json<NationalEvaluation>(res);
}

async function xlsx(
  rows: (string | number | null)[][],
  headers = ['Indikator', 'Nilai asesor', 'Catatan', 'Rekomendasi', 'Diunggah', 'Diinterviu', 'Disetujui'],
) {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Hasil');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
const TEMPLATE_HEADERS = [
  'Indikator',
  'Nama indikator',
  'Nilai verifikasi daerah',
  'Nilai asesor',
  'Catatan',
  'Rekomendasi',
  'Diunggah',
  'Diinterviu',
  'Disetujui',
];

async function workbookOf(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook;
}

/** Each row's cells as text, the empty ones as '' (the sheet's nine columns). */
function rowsOf(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push(Array.from({ length: 9 }, (_, i) => row.getCell(i + 1).text)));
  return rows;
}

/** The downloaded template with cells filled per indicator ({column number: text}), as a clerk would. */
async function fillTemplate(template: Buffer, cellsFor: (indicatorId: string) => Record<number, string>): Promise<Buffer> {
  const workbook = await workbookOf(template);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    for (const [col, text] of Object.entries(cellsFor(row.getCell(1).text))) row.getCell(Number(col)).value = text;
  });
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const upload = (client: Client, id: string, file: Buffer, dryRun: boolean) =>
  client.request('POST', `${nationalUrl(id)}/import?dryRun=${dryRun}`, file, { 'content-type': XLSX_MIME });

async function advance(id: string, stage: string) {
  const s = await sheetOf(admin, id);
  return admin.post(`${nationalUrl(id)}/stage`, { stage, version: s.version });
}

/** Opens, fills (all 1.50), verifies (odd ones corrected to 1.40) and finalises a Pemdi assessment. */
async function runPemdi(year: number, overrideReason?: string): Promise<string> {
  const created = await admin.post(base(), { frameworkVersionId: pemdiVersionId, year, ...(overrideReason ? { overrideReason } : {}) });
  expect(created.statusCode, created.body).toBe(201);
  const id = json<AssessmentDetail>(created).id;
  let d = await detailOf(id);
  for (const item of d.items) {
    const res = await admin.put(`${base()}/${id}/items/${item.id}`, { value: CLAIMED, explanation: 'Jawaban', version: item.version });
    expect(res.statusCode, res.body).toBe(200);
  }
  expect((await admin.post(`${base()}/${id}/stage`, { stage: 'verifikasi', version: (await detailOf(id)).version })).statusCode).toBe(200);
  d = await detailOf(id);
  for (const item of d.items) {
    const v = verifiedOf(item.indicatorId);
    const body =
      v === CLAIMED
        ? { decision: 'accept', version: item.version, note: null }
        : { decision: 'correct', version: item.version, value: v, note: 'Bukti kurang' };
    const res = await verifier.post(`${base()}/${id}/items/${item.id}/verify`, body);
    expect(res.statusCode, res.body).toBe(200);
  }
  expect((await admin.post(`${base()}/${id}/stage`, { stage: 'final', version: (await detailOf(id)).version })).statusCode).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  unitId = (await makeUnit(t.db, HOME)).id;
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  national = (await clientFor(t, 'admin_nasional')).client;
  verifier = (await clientFor(t, 'verifikator', HOME)).client;
  operator = (await clientFor(t, 'operator', HOME, unitId)).client;
  const o = await clientFor(t, 'operator', HOME, unitId);
  owner = o.user;
  ownerClient = o.client;
  foreignAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
  const versions = json<{ items: { id: string; frameworkId: string; origin: string }[] }>(
    await admin.get(`/api/v1/regions/${HOME}/framework-versions`),
  );
  const find = (fid: string) => versions.items.find((v) => v.frameworkId === fid && v.origin === 'shipped')?.id ?? '';
  pemdiVersionId = find('pemdi-2026');
  spbeVersionId = find('spbe-2020');
  a2026 = await runPemdi(2026);
});
afterAll(() => t.close());

describe('effective years', () => {
  it('refuses SPBE 2020 for 2026 and Pemdi for 2025 without a reason, in Indonesian', async () => {
    const spbe = await admin.post(base(), { frameworkVersionId: spbeVersionId, year: 2026 });
    expect(spbe.statusCode).toBe(400);
    expect(errorOf(spbe).issues?.[0]).toMatchObject({ field: 'body.overrideReason' });
    expect(errorOf(spbe).issues?.[0]?.reason).toMatch(/berlaku untuk tahun 2020–2025, bukan 2026/);
    const early = await admin.post(base(), { frameworkVersionId: pemdiVersionId, year: 2025 });
    expect(early.statusCode).toBe(400);
    expect(errorOf(early).issues?.[0]?.reason).toMatch(/2026 dan seterusnya/);
  });

  it('opens it with an admin’s reason, kept in the audit log', async () => {
    const res = await admin.post(base(), {
      frameworkVersionId: spbeVersionId,
      year: 2026,
      overrideReason: 'Pembanding internal atas permintaan Sekda',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = json<AssessmentDetail>(res).id;
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'assessment.created'), eq(auditLog.entityId, id)));
    expect(entry?.after).toMatchObject({ effectiveYearsOverride: { from: 2020, to: 2025, reason: 'Pembanding internal atas permintaan Sekda' } });
  });

  it('names Pemdi values by truncation as framework data', () => {
    expect(valueNameOf(pemdi, '1.24')).toBe('1 Rintisan');
    expect(valueNameOf(pemdi, '1.99')).toBe('1 Rintisan');
    expect(valueNameOf(pemdi, '2.00')).toBe('2 Terkelola');
    expect(valueNameOf(pemdi, '4.50')).toBe('4 Terpadu dan Terukur');
    expect(valueNameOf(pemdi, '5.00')).toBe('5 Optimum');
    expect(valueNameOf(loadShipped('spbe-2020'), '2.50')).toBeNull();
  });
});

describe('national stages', () => {
  it('opens only after the region’s final, and not for another region', async () => {
    const s = await sheetOf(admin, a2026);
    expect(s.stage).toBeNull();
    expect(s.can.open).toBe(true);
    expect((await verifier.post(nationalUrl(a2026))).statusCode).toBe(403);
    expect((await foreignAdmin.post(nationalUrl(a2026))).statusCode).toBe(403);
    expect((await national.post(nationalUrl(a2026, OTHER))).statusCode).toBe(404);
    const res = await admin.post(nationalUrl(a2026));
    expect(res.statusCode, res.body).toBe(201);
    const opened = json<NationalEvaluation>(res);
    expect(opened.stage).toBe('penilaian_dokumen');
    expect(opened.items).toHaveLength(20);
    expect((await admin.post(nationalUrl(a2026))).statusCode).toBe(409);
  });

  it('refuses stages out of sequence, and hasil while assessor values are missing', async () => {
    const skip = await advance(a2026, 'visitasi');
    expect(skip.statusCode).toBe(409);
    expect(errorOf(skip).code).toBe('NATIONAL_STAGE_REFUSED');
    expect(errorOf(skip).issues?.[0]?.reason).toMatch(/hanya dapat lanjut ke interviu, bukan visitasi/);
    expect((await advance(a2026, 'hasil')).statusCode).toBe(409);
    expect((await advance(a2026, 'interview')).statusCode).toBe(200);
    const back = await advance(a2026, 'penilaian_dokumen');
    expect(back.statusCode).toBe(409);
    const early = await advance(a2026, 'hasil');
    expect(early.statusCode).toBe(409);
    expect(errorOf(early).issues?.[0]?.reason).toMatch(/20 indikator belum memiliki nilai asesor/);
    expect((await sheetOf(admin, a2026)).stage).toBe('interview');
  });

  it('keys in one indicator with flags and promised evidence, checking the value on the scale', async () => {
    const s = await sheetOf(admin, a2026);
    const item = s.items.find((i) => i.indicatorId === '5');
    if (!item) throw new Error('no item 5');
    const body = {
      isUploaded: true,
      isInterviewed: true,
      isApproved: false,
      catatan: 'Belum ada Perkada Satu Data',
      rekomendasi: 'Tetapkan Perkada Satu Data dan forum data',
      promisedEvidence: 'Draf Perkada Satu Data',
      promisedDue: '2026-10-01',
      isPromiseDelivered: false,
      assessorValue: '7',
      version: item.version,
    };
    const bad = await admin.put(`${nationalUrl(a2026)}/items/${item.id}`, body);
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).issues?.[0]?.reason).toMatch(/antara 1 dan 5/);
    const res = await national.put(`${nationalUrl(a2026)}/items/${item.id}`, { ...body, assessorValue: '1.1' });
    expect(res.statusCode, res.body).toBe(200);
    const after = json<NationalEvaluation>(res).items.find((i) => i.indicatorId === '5');
    expect(after).toMatchObject({
      assessorValue: '1.10',
      isUploaded: true,
      isInterviewed: true,
      isPromiseOverdue: true,
      claimed: '1.50',
      verified: '1.40',
    });
    expect(after?.gapClaimed).toBe('-0.4');
    const stale = await admin.put(`${nationalUrl(a2026)}/items/${item.id}`, { ...body, assessorValue: '1.2' });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('STALE_VERSION');
  });

  it('gives a template of the framework’s indicators: the verified value as a hint, what is recorded, the columns the import reads', async () => {
    const res = await admin.get(`${nationalUrl(a2026)}/template.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    expect(res.headers['content-disposition']).toContain(`templat-hasil-nasional-pemdi-2026-${HOME}-2026.xlsx`);
    const book = await workbookOf(res.rawPayload);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const rows = rowsOf(sheet);
    expect(rows[0]).toEqual(TEMPLATE_HEADERS);
    expect(rows.slice(1).map((r) => r[0])).toEqual(IDS);
    const names = new Map(listIndicators(pemdi).map((i) => [i.id, i.name]));
    expect(rows[1]?.slice(0, 4)).toEqual(['1', names.get('1'), '1.40', '']);
    expect(rows[2]?.slice(0, 4)).toEqual(['2', names.get('2'), '1.50', '']);
    // Indicator 5 was keyed in above: the template carries it, so importing it again changes nothing.
    expect(rows[5]).toEqual([
      '5',
      names.get('5'),
      '1.40',
      '1.10',
      'Belum ada Perkada Satu Data',
      'Tetapkan Perkada Satu Data dan forum data',
      'ya',
      'ya',
      '',
    ]);
    expect(String(sheet.getRow(1).getCell(3).note ?? '')).toMatch(/Tidak dibaca saat impor/);
    expect(book.getWorksheet('Petunjuk')?.getRow(1).getCell(1).text).toContain(`${pemdi.name} tahun 2026`);
  });

  it('keeps the template with the region’s managers, and only while the national evaluation is open', async () => {
    expect((await verifier.get(`${nationalUrl(a2026)}/template.xlsx`)).statusCode).toBe(403);
    expect((await foreignAdmin.get(`${nationalUrl(a2026)}/template.xlsx`)).statusCode).toBe(403);
    expect((await national.get(`${nationalUrl(a2026, OTHER)}/template.xlsx`)).statusCode).toBe(404);
    const created = await admin.post(base(), { frameworkVersionId: pemdiVersionId, year: 2028 });
    expect(created.statusCode, created.body).toBe(201);
    const closed = await admin.get(`${nationalUrl(json<AssessmentDetail>(created).id)}/template.xlsx`);
    expect(closed.statusCode).toBe(409);
    expect(errorOf(closed).issues?.[0]?.reason).toBe('Evaluasi nasional belum dibuka untuk penilaian ini');
  });

  it('reads the template back: unfilled rows are left as they are, filled rows pass the dry run, wrong cells are named by row', async () => {
    const template = (await admin.get(`${nationalUrl(a2026)}/template.xlsx`)).rawPayload;
    const before = await t.db.select().from(nationalEvaluationItems).where(eq(nationalEvaluationItems.assessmentId, a2026));
    const valuesOfItems = (rows: typeof before) =>
      rows.map((r) => [r.indicatorId, r.assessorValue, r.catatan, r.rekomendasi, r.isUploaded, r.isInterviewed, r.isApproved]).sort();

    // As downloaded: 19 indicators not assessed yet are not filled; indicator 5 reads back as recorded.
    const asIs = await upload(admin, a2026, template, true);
    expect(asIs.statusCode, asIs.body).toBe(200);
    expect(json<NationalImportReport>(asIs)).toEqual({ dryRun: true, updated: 1, skipped: 19, errors: [] });
    const real = await upload(admin, a2026, template, false);
    expect(real.statusCode, real.body).toBe(200);
    const afterReal = await t.db.select().from(nationalEvaluationItems).where(eq(nationalEvaluationItems.assessmentId, a2026));
    expect(valuesOfItems(afterReal)).toEqual(valuesOfItems(before));

    // Every Nilai asesor filled (decimal commas, as a clerk types them): no error, nothing written by the dry run.
    const filled = await fillTemplate(template, (id) => ({ 4: nationalOf(id).replace('.', ','), 7: 'ya', 8: 'ya', 9: 'ya' }));
    const dry = await upload(admin, a2026, filled, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(json<NationalImportReport>(dry)).toEqual({ dryRun: true, updated: 20, skipped: 0, errors: [] });
    const afterDry = await t.db.select().from(nationalEvaluationItems).where(eq(nationalEvaluationItems.assessmentId, a2026));
    expect(valuesOfItems(afterDry)).toEqual(valuesOfItems(before));

    // A value off the scale and a flag that is not ya/tidak: named by the spreadsheet's row and column.
    const wrongCells: Record<string, Record<number, string>> = { '3': { 4: '7' }, '6': { 4: '1,2', 8: 'mungkin' } };
    const wrong = await fillTemplate(template, (id) => wrongCells[id] ?? {});
    const report = json<NationalImportReport>(await upload(admin, a2026, wrong, true));
    expect(report.errors).toEqual([
      { row: 4, field: 'Nilai asesor', reason: expect.stringMatching(/antara 1 dan 5/) },
      { row: 7, field: 'Diinterviu', reason: 'Isi "ya" atau "tidak", bukan "mungkin"' },
    ]);
    expect((await upload(admin, a2026, wrong, false)).statusCode).toBe(400);
    const afterWrong = await t.db.select().from(nationalEvaluationItems).where(eq(nationalEvaluationItems.assessmentId, a2026));
    expect(valuesOfItems(afterWrong)).toEqual(valuesOfItems(before));
  });

  it('imports nothing when one row is wrong (dry run reports it; the real run refuses)', async () => {
    const before = await t.db.select().from(nationalEvaluationItems).where(eq(nationalEvaluationItems.assessmentId, a2026));
    const file = await xlsx([
      ['1', '1.00', '', '', 'ya', 'ya', 'tidak'],
      ['2', '9', '', '', 'ya', 'ya', 'ya'],
      ['99', '1', '', '', 'ya', 'ya', 'ya'],
      ['3', '1.26', '', '', 'mungkin', 'ya', 'ya'],
    ]);
    const dry = await upload(admin, a2026, file, true);
    expect(dry.statusCode, dry.body).toBe(200);
    const report = json<NationalImportReport>(dry);
    expect(report.dryRun).toBe(true);
    expect(report.updated).toBe(1);
    expect(report.skipped).toBe(0);
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'Nilai asesor'],
      [4, 'Indikator'],
      [5, 'Diunggah'],
    ]);
    const real = await upload(admin, a2026, file, false);
    expect(real.statusCode).toBe(400);
    const after = await t.db.select().from(nationalEvaluationItems).where(eq(nationalEvaluationItems.assessmentId, a2026));
    expect(after.map((r) => [r.indicatorId, r.assessorValue, r.version]).sort()).toEqual(
      before.map((r) => [r.indicatorId, r.assessorValue, r.version]).sort(),
    );
  });

  it('imports the whole national result; the national index is the engine on the assessor values', async () => {
    const rows = IDS.map((id) => [
      id,
      nationalOf(id).replace('.', ','),
      `Catatan ${id}`,
      Number(id) <= 3 ? `Rekomendasi ${id}` : '',
      'ya',
      'ya',
      'ya',
    ]);
    const res = await upload(admin, a2026, await xlsx(rows), false);
    expect(res.statusCode, res.body).toBe(200);
    expect(json<NationalImportReport>(res)).toMatchObject({ dryRun: false, updated: 20, skipped: 0, errors: [] });
    const s = await sheetOf(verifier, a2026);
    expect(s.national.index).toBe(engineIndex(nationalOf));
    expect(s.claimed.index).toBe(engineIndex(() => CLAIMED));
    expect(s.verified.index).toBe(engineIndex(verifiedOf));
    expect(s.national.complete).toBe(true);
    expect(s.national.valueName).toBe('1 Rintisan');
    // Lower than the region's own figures, as published sheets show.
    expect(Number(s.national.index)).toBeLessThan(Number(s.verified.index));
    expect(s.gapClaimed).toBe((Number(s.national.index) - Number(s.claimed.index)).toFixed(2));
    expect(s.items.find((i) => i.indicatorId === '2')?.rekomendasi).toBe('Rekomendasi 2');
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'national_evaluation.imported'), eq(auditLog.entityId, a2026)));
    // The template imported as downloaded (above), then this sheet.
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => (a.after as { rows: number }).rows).sort()).toEqual([1, 20]);
  });

  it('records the LHE only at hasil, then locks the sheet', async () => {
    let s = await sheetOf(admin, a2026);
    const lhe = { decreeNumber: 'B/123/M.SM.02.03/2026', decreeDate: '2026-11-20', notes: 'Hasil evaluasi 2026', version: s.version };
    const early = await admin.put(`${nationalUrl(a2026)}/lhe`, lhe);
    expect(early.statusCode).toBe(409);
    expect((await advance(a2026, 'hasil')).statusCode).toBe(200);
    s = await sheetOf(admin, a2026);
    expect(s.nextStages).toEqual([]);
    const res = await admin.put(`${nationalUrl(a2026)}/lhe`, { ...lhe, version: s.version });
    expect(res.statusCode, res.body).toBe(200);
    s = json<NationalEvaluation>(res);
    expect(s).toMatchObject({ decreeNumber: lhe.decreeNumber, decreeDate: '2026-11-20', can: { edit: false } });
    const item = s.items[0];
    if (!item) throw new Error('no item');
    const locked = await admin.put(`${nationalUrl(a2026)}/items/${item.id}`, { ...item, assessorValue: '2', version: item.version });
    expect(locked.statusCode).toBe(409);
    expect(errorOf(locked).code).toBe('NATIONAL_EVALUATION_CLOSED');
  });
});

describe('action plan', () => {
  let task: ActionTask;

  it('makes each recommendation a task, once', async () => {
    const res = await admin.post(`${planUrl(a2026)}/from-recommendations`);
    expect(res.statusCode, res.body).toBe(200);
    const list = json<ActionTaskList>(res);
    expect(list.items.map((i) => i.indicatorId).sort()).toEqual(['1', '2', '3']);
    expect(list.items.find((i) => i.indicatorId === '2')?.recommendation).toBe('Rekomendasi 2');
    const again = json<ActionTaskList>(await admin.post(`${planUrl(a2026)}/from-recommendations`));
    expect(again.items).toHaveLength(3);
    expect((await operator.post(`${planUrl(a2026)}/from-recommendations`)).statusCode).toBe(403);
  });

  it('assigns a unit, an owner and a due date; past due (WIB) is overdue', async () => {
    const list = json<ActionTaskList>(await admin.get(planUrl(a2026)));
    const first = list.items.find((i) => i.indicatorId === '1');
    if (!first) throw new Error('no task');
    const res = await admin.put(`${planUrl(a2026)}/${first.id}`, {
      title: first.title,
      unitId,
      ownerId: owner.id,
      dueDate: '2026-01-31',
      progress: 0,
      status: 'belum',
      note: '',
      version: first.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    task = json<ActionTask>(res);
    expect(task).toMatchObject({ unitId, ownerId: owner.id, isOverdue: true, can: { edit: true } });
    const foreignUnit = (await makeUnit(t.db, OTHER)).id;
    const bad = await admin.put(`${planUrl(a2026)}/${first.id}`, {
      ...json<Record<string, unknown>>(res),
      unitId: foreignUnit,
      version: task.version,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('lets the owner report progress and evidence, but not change the plan; others may not', async () => {
    const report = {
      title: task.title,
      unitId,
      ownerId: owner.id,
      dueDate: task.dueDate,
      progress: 60,
      status: 'berjalan',
      note: 'Draf disusun',
      version: task.version,
    };
    expect((await operator.put(`${planUrl(a2026)}/${task.id}`, report)).statusCode).toBe(403);
    const moved = await ownerClient.put(`${planUrl(a2026)}/${task.id}`, { ...report, dueDate: '2027-12-31' });
    expect(moved.statusCode).toBe(403);
    const res = await ownerClient.put(`${planUrl(a2026)}/${task.id}`, report);
    expect(res.statusCode, res.body).toBe(200);
    task = json<ActionTask>(res);
    expect(task).toMatchObject({ progress: 60, status: 'berjalan', can: { edit: false, report: true } });
    const up = await ownerClient.request('POST', `${planUrl(a2026)}/${task.id}/evidence`, makePdf('Perkada'), {
      'content-type': 'application/pdf',
      'x-file-name': 'perkada.pdf',
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(json<ActionTask>(up).evidence).toHaveLength(1);
    const done = await ownerClient.put(`${planUrl(a2026)}/${task.id}`, { ...report, status: 'selesai', version: task.version });
    expect(done.statusCode).toBe(400);
  });

  it('lists the region’s open tasks with overdue first, and not to another region', async () => {
    const res = await verifier.get(`/api/v1/regions/${HOME}/action-plan`);
    expect(res.statusCode, res.body).toBe(200);
    const list = json<RegionTaskList>(res);
    expect(list.items).toHaveLength(3);
    expect(list.items[0]).toMatchObject({ id: task.id, isOverdue: true });
    const q = json<RegionTaskList>(await verifier.get(`/api/v1/regions/${HOME}/action-plan?q=Rekomendasi%202`));
    expect(q.items.map((i) => i.indicatorId)).toEqual(['2']);
    expect((await foreignAdmin.get(`/api/v1/regions/${HOME}/action-plan`)).statusCode).toBe(403);
    expect(json<RegionTaskList>(await foreignAdmin.get(`/api/v1/regions/${OTHER}/action-plan`)).items).toEqual([]);
  });

  it('carries open tasks into next year’s self-assessment; finished ones stay behind', async () => {
    const list = json<ActionTaskList>(await admin.get(planUrl(a2026)));
    const third = list.items.find((i) => i.indicatorId === '3');
    if (!third) throw new Error('no task 3');
    const finish = await admin.put(`${planUrl(a2026)}/${third.id}`, {
      title: third.title,
      unitId: null,
      ownerId: null,
      dueDate: null,
      progress: 100,
      status: 'selesai',
      note: 'Selesai',
      version: third.version,
    });
    expect(finish.statusCode, finish.body).toBe(200);
    const created = await admin.post(base(), { frameworkVersionId: pemdiVersionId, year: 2027 });
    expect(created.statusCode, created.body).toBe(201);
    const next = json<AssessmentDetail>(created).id;
    const carried = json<ActionTaskList>(await operator.get(planUrl(next)));
    expect(carried.items).toEqual([]);
    expect(carried.carried.map((c) => [c.year, c.indicatorId]).sort()).toEqual([
      [2026, '1'],
      [2026, '2'],
    ]);
    expect(carried.carried.find((c) => c.indicatorId === '1')?.progress).toBe(60);
    expect(carried.can.create).toBe(false);
  });

  it('deletes a task with its evidence, managers only', async () => {
    expect((await ownerClient.delete(`${planUrl(a2026)}/${task.id}`)).statusCode).toBe(403);
    const res = await admin.delete(`${planUrl(a2026)}/${task.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await admin.get(`${planUrl(a2026)}`)).json().items).toHaveLength(2);
  });

  it('refuses a task by hand with a clear reason at each wrong field, and writes nothing', async () => {
    const count = async () => (await t.db.select().from(actionPlanTasks).where(eq(actionPlanTasks.assessmentId, a2026))).length;
    const before = await count();
    const foreignUnit = (await makeUnit(t.db, OTHER)).id;
    const foreignUser = (await clientFor(t, 'operator', OTHER)).user.id;
    const cases: Array<[Record<string, unknown>, Array<{ field: string; reason: string }>]> = [
      [
        { indicatorId: '', title: '' },
        [
          { field: 'body.indicatorId', reason: 'Indikator wajib diisi' },
          { field: 'body.title', reason: 'Judul tugas wajib diisi' },
        ],
      ],
      [{ indicatorId: '4', title: 'Tugas', dueDate: '31-12-2026' }, [{ field: 'body.dueDate', reason: 'Tanggal harus berformat YYYY-MM-DD' }]],
      [{ indicatorId: '99', title: 'Tugas' }, [{ field: 'body.indicatorId', reason: `Indikator 99 tidak ada dalam ${pemdi.name}` }]],
      [
        { indicatorId: '4', title: 'Tugas', unitId: foreignUnit, ownerId: foreignUser },
        [
          { field: 'body.unitId', reason: 'Unit tidak ditemukan di daerah ini' },
          { field: 'body.ownerId', reason: 'Penanggung jawab bukan pengguna aktif daerah ini' },
        ],
      ],
    ];
    for (const [body, issues] of cases) {
      const res = await admin.post(planUrl(a2026), body);
      expect(res.statusCode, res.body).toBe(400);
      expect(errorOf(res).code).toBe('VALIDATION_FAILED');
      expect(errorOf(res).issues).toEqual(issues);
    }
    expect((await operator.post(planUrl(a2026), { indicatorId: '4', title: 'Tugas' })).statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('plans a task by hand on any indicator, the assessor’s recommendation by default, and not before the national evaluation', async () => {
    const res = await admin.post(planUrl(a2026), {
      indicatorId: '2',
      title: 'Susun forum data daerah',
      unitId,
      ownerId: owner.id,
      dueDate: '2027-06-30',
    });
    expect(res.statusCode, res.body).toBe(201);
    const made = json<ActionTaskList>(res).items.find((i) => i.title === 'Susun forum data daerah');
    expect(made).toMatchObject({
      indicatorId: '2',
      recommendation: 'Rekomendasi 2',
      unitId,
      ownerId: owner.id,
      dueDate: '2027-06-30',
      progress: 0,
      status: 'belum',
      can: { edit: true, remove: true },
    });
    const own = await admin.post(planUrl(a2026), { indicatorId: '7', title: 'Tugas sendiri', recommendation: 'Rekomendasi tim daerah' });
    expect(json<ActionTaskList>(own).items.find((i) => i.indicatorId === '7')?.recommendation).toBe('Rekomendasi tim daerah');
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'action_plan.task_created'), eq(auditLog.entityId, made?.id ?? '')));
    expect(entry?.after).toMatchObject({ indicatorId: '2', title: 'Susun forum data daerah', dueDate: '2027-06-30' });

    const list = json<{ items: { id: string; year: number; frameworkId: string }[] }>(await admin.get(base()));
    const next = list.items.find((i) => i.frameworkId === 'pemdi-2026' && i.year === 2027)?.id ?? '';
    const closed = await admin.post(planUrl(next), { indicatorId: '2', title: 'Terlalu awal' });
    expect(closed.statusCode).toBe(409);
    expect(errorOf(closed).code).toBe('NATIONAL_EVALUATION_CLOSED');
  });
});
