/**
 * The national evaluation of a final SPBE or Indeks Pemdi self-assessment: opening it, moving it
 * through penilaian dokumen → interview → visitasi → hasil (forward only; visitasi may be skipped),
 * keying in or importing the assessor's sheet per indicator (from an XLSX template of the framework's
 * indicators), and recording the LHE decree. The national index is the exact engine on the assessor's
 * values (domain/assessments/national.ts), shown beside the region's claim and its own verification
 * with the gaps. Entered by the regional admin (keying in
 * the assessor's sheet) and the national admin: both hold `assessments.manage`.
 */
import { and, eq } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { type Actor, can } from '#domain/access/roles.ts';
import { type Figure, valuesOf } from '#domain/assessments/figures.ts';
import { indicatorsById, listIndicators } from '#domain/assessments/indicators.ts';
import {
  checkNationalStageChange,
  indicatorGaps,
  isNationalStage,
  type NationalStage,
  nationalFigure,
  nextNationalStages,
  valueNameOf,
  wibDay,
} from '#domain/assessments/national.ts';
import { computeFigure } from '#domain/assessments/figures.ts';
import { checkValue } from '#domain/assessments/values.ts';
import { Ratio } from '#domain/scoring/decimal.ts';
import type { Framework } from '#domain/scoring/framework.schema.ts';
import type { z } from 'zod';
import type { lheInput, NationalEvaluation, NationalImportReport, nationalItemInput, nationalStageInput } from '#shared/api/national.ts';
import type { Db, DbOrTx } from '#server/db/client.ts';
import { nationalEvaluationItems, nationalEvaluations } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { readSheet } from '#server/lib/xlsx.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { itemValuesOf } from '#server/platform/figures/assessment-index.ts';
import { loadFrameworkVersion } from '#server/platform/frameworks/registry.ts';
import {
  type AssessmentRow,
  findAssessmentRow,
  findNational,
  listNationalItems,
  listSelfItems,
  type NationalItemRow,
  type NationalRow,
} from './national.queries.ts';

const canEnter = (actor: Actor, regionCode: string) => can(actor, 'assessments.manage', regionCode);

export async function frameworkOfAssessment(db: DbOrTx, row: AssessmentRow): Promise<Framework> {
  const found = await loadFrameworkVersion(db, row.regionCode, row.frameworkVersionId);
  if (!found) throw new AppError('INTERNAL', { detail: `framework version ${row.frameworkVersionId} is not visible to ${row.regionCode}` });
  return found.framework;
}

function stageOf(row: NationalRow): NationalStage {
  if (!isNationalStage(row.stage)) throw new AppError('INTERNAL', { detail: `national evaluation ${row.id} has unknown stage ${row.stage}` });
  return row.stage;
}

function presentFigure(framework: Framework, f: Figure) {
  return { index: f.index, predicate: f.predicate, valueName: valueNameOf(framework, f.index), complete: f.complete, missing: f.missing };
}

const gapOf = (a: string | null, b: string | null) => (a === null || b === null ? null : Ratio.from(a).sub(Ratio.from(b)).toDecimal().toFixed(2));

/** The national evaluation of an assessment as the caller sees it (an empty sheet before it is opened). */
export async function loadNational(db: Db, actor: Actor, regionCode: string, assessmentId: string, now: Date): Promise<NationalEvaluation> {
  if (!can(actor, 'assessments.read', regionCode)) throw new AppError('FORBIDDEN');
  const assessment = await findAssessmentRow(db, regionCode, assessmentId);
  if (!assessment) throw new AppError('NOT_FOUND');
  const framework = await frameworkOfAssessment(db, assessment);
  const national = await findNational(db, regionCode, assessmentId);
  const self = itemValuesOf(await listSelfItems(db, regionCode, assessmentId));
  const claimedValues = valuesOf(self, 'claimed');
  const verifiedValues = valuesOf(self, 'verified');
  const rows = national ? await listNationalItems(db, regionCode, assessmentId) : [];
  const byIndicator = new Map(rows.map((r) => [r.indicatorId, r]));
  const nationalValues = new Map(rows.map((r) => [r.indicatorId, r.assessorValue]));
  const claimed = computeFigure(framework, claimedValues);
  const verified = computeFigure(framework, verifiedValues);
  const nationalFig = nationalFigure(framework, nationalValues);
  const today = wibDay(now);
  const stage = national ? stageOf(national) : null;
  const enters = canEnter(actor, regionCode);
  const isLocked = national?.decreeNumber != null;

  const items = national
    ? indicatorGaps(framework, claimedValues, verifiedValues, nationalValues).flatMap((g) => {
        const r = byIndicator.get(g.indicatorId);
        if (!r) return [];
        return [
          {
            id: r.id,
            indicatorId: g.indicatorId,
            name: g.name,
            claimed: g.claimed,
            verified: g.verified,
            isUploaded: r.isUploaded,
            isInterviewed: r.isInterviewed,
            isApproved: r.isApproved,
            catatan: r.catatan,
            rekomendasi: r.rekomendasi,
            promisedEvidence: r.promisedEvidence,
            promisedDue: r.promisedDue,
            isPromiseDelivered: r.isPromiseDelivered,
            isPromiseOverdue: r.promisedEvidence !== null && !r.isPromiseDelivered && r.promisedDue !== null && r.promisedDue < today,
            assessorValue: r.assessorValue,
            gapClaimed: g.gapClaimed,
            gapVerified: g.gapVerified,
            version: r.version,
          },
        ];
      })
    : [];

  return {
    assessmentId,
    year: assessment.year,
    frameworkId: framework.id,
    frameworkName: framework.name,
    assessmentStage: assessment.stage,
    id: national?.id ?? null,
    stage,
    nextStages: stage ? [...nextNationalStages(stage)] : [],
    decreeNumber: national?.decreeNumber ?? null,
    decreeDate: national?.decreeDate ?? null,
    notes: national?.notes ?? '',
    version: national?.version ?? null,
    claimed: presentFigure(framework, claimed),
    verified: presentFigure(framework, verified),
    national: presentFigure(framework, nationalFig),
    gapClaimed: nationalFig.complete ? gapOf(nationalFig.index, claimed.index) : null,
    gapVerified: nationalFig.complete ? gapOf(nationalFig.index, verified.index) : null,
    items,
    can: {
      open: enters && national === undefined && assessment.stage === 'final',
      edit: enters && national !== undefined && !isLocked,
      advance: enters && stage !== null && nextNationalStages(stage).length > 0,
      recordLhe: enters && stage === 'hasil',
    },
  };
}

/** The region's own self-assessment must be final first: the ministry evaluates the submitted result. */
async function requireFinal(tx: DbOrTx, regionCode: string, assessmentId: string): Promise<AssessmentRow> {
  const assessment = await findAssessmentRow(tx, regionCode, assessmentId, true);
  if (!assessment) throw new AppError('NOT_FOUND');
  if (assessment.stage !== 'final') {
    throw new AppError('NATIONAL_EVALUATION_CLOSED', {
      issues: [{ field: 'stage', reason: `Penilaian mandiri masih pada tahap ${assessment.stage}; finalkan dahulu sebelum evaluasi nasional` }],
    });
  }
  return assessment;
}

async function requireOpen(tx: DbOrTx, regionCode: string, assessmentId: string) {
  const assessment = await requireFinal(tx, regionCode, assessmentId);
  const national = await findNational(tx, regionCode, assessmentId, true);
  if (!national) {
    throw new AppError('NATIONAL_EVALUATION_CLOSED', { issues: [{ field: 'stage', reason: 'Evaluasi nasional belum dibuka untuk penilaian ini' }] });
  }
  return { assessment, national };
}

function requireUnlocked(national: NationalRow) {
  if (national.decreeNumber !== null) {
    throw new AppError('NATIONAL_EVALUATION_CLOSED', {
      issues: [{ field: 'stage', reason: `LHE nomor ${national.decreeNumber} sudah dicatat; lembar asesor tidak dapat diubah lagi` }],
    });
  }
}

/** Opens the national evaluation at penilaian dokumen, with an empty assessor's record per indicator. */
export async function openNational(ctx: ServiceContext, regionCode: string, assessmentId: string): Promise<NationalEvaluation> {
  if (!canEnter(ctx.actor, regionCode)) throw new AppError('FORBIDDEN');
  await ctx.db.transaction(async (tx) => {
    const assessment = await requireFinal(tx, regionCode, assessmentId);
    const framework = await frameworkOfAssessment(tx, assessment);
    const [created] = await tx
      .insert(nationalEvaluations)
      .values({ regionCode, assessmentId, createdBy: ctx.actor.id, updatedBy: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now })
      .onConflictDoNothing()
      .returning();
    if (!created) throw new AppError('CONFLICT', { issues: [{ field: 'stage', reason: 'Evaluasi nasional penilaian ini sudah dibuka' }] });
    const indicators = [...indicatorsById(framework).keys()];
    await tx.insert(nationalEvaluationItems).values(indicators.map((indicatorId) => ({ regionCode, assessmentId, indicatorId, updatedAt: ctx.now })));
    await recordAudit(tx, ctx, {
      action: 'national_evaluation.opened',
      entityType: 'assessment',
      entityId: assessmentId,
      regionCode,
      after: { year: assessment.year, frameworkId: assessment.frameworkId, stage: created.stage },
    });
  });
  return loadNational(ctx.db, ctx.actor, regionCode, assessmentId, ctx.now);
}

/** Moves the national evaluation one stage forward; out of order or backwards is refused with the reason. */
export async function changeNationalStage(
  ctx: ServiceContext,
  regionCode: string,
  assessmentId: string,
  input: z.output<typeof nationalStageInput>,
): Promise<NationalEvaluation> {
  if (!canEnter(ctx.actor, regionCode)) throw new AppError('FORBIDDEN');
  await ctx.db.transaction(async (tx) => {
    const { national } = await requireOpen(tx, regionCode, assessmentId);
    if (national.version !== input.version) throw new AppError('STALE_VERSION');
    const from = stageOf(national);
    const rows = await listNationalItems(tx, regionCode, assessmentId);
    const missing = rows.filter((r) => r.assessorValue === null).length;
    const check = checkNationalStageChange(from, input.stage, missing);
    if (!check.ok) throw new AppError('NATIONAL_STAGE_REFUSED', { issues: [{ field: 'body.stage', reason: check.message }] });
    const [updated] = await tx
      .update(nationalEvaluations)
      .set({ stage: input.stage, version: national.version + 1, updatedBy: ctx.actor.id, updatedAt: ctx.now })
      .where(and(eq(nationalEvaluations.id, national.id), eq(nationalEvaluations.version, national.version)))
      .returning();
    if (!updated) throw new AppError('STALE_VERSION');
    await recordAudit(tx, ctx, {
      action: 'national_evaluation.stage_changed',
      entityType: 'assessment',
      entityId: assessmentId,
      regionCode,
      before: { stage: from },
      after: { stage: input.stage },
    });
  });
  return loadNational(ctx.db, ctx.actor, regionCode, assessmentId, ctx.now);
}

const itemAudit = (r: NationalItemRow) => ({
  isUploaded: r.isUploaded,
  isInterviewed: r.isInterviewed,
  isApproved: r.isApproved,
  catatan: r.catatan,
  rekomendasi: r.rekomendasi,
  promisedEvidence: r.promisedEvidence,
  promisedDue: r.promisedDue,
  isPromiseDelivered: r.isPromiseDelivered,
  assessorValue: r.assessorValue,
});

type ItemInput = z.output<typeof nationalItemInput>;

/** Keys in the assessor's record of one indicator (value checked against the indicator's scale). */
export async function updateNationalItem(
  ctx: ServiceContext,
  regionCode: string,
  assessmentId: string,
  itemId: string,
  input: ItemInput,
): Promise<NationalEvaluation> {
  if (!canEnter(ctx.actor, regionCode)) throw new AppError('FORBIDDEN');
  await ctx.db.transaction(async (tx) => {
    const { assessment, national } = await requireOpen(tx, regionCode, assessmentId);
    const [row] = await tx
      .select()
      .from(nationalEvaluationItems)
      .where(
        and(
          eq(nationalEvaluationItems.regionCode, regionCode),
          eq(nationalEvaluationItems.assessmentId, assessmentId),
          eq(nationalEvaluationItems.id, itemId),
        ),
      )
      .for('update');
    if (!row) throw new AppError('NOT_FOUND');
    requireUnlocked(national);
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    const framework = await frameworkOfAssessment(tx, assessment);
    const indicator = indicatorsById(framework).get(row.indicatorId);
    if (!indicator) throw new AppError('INTERNAL', { detail: `indicator ${row.indicatorId} is not in ${framework.id}` });
    let value: string | null = null;
    if (input.assessorValue !== null) {
      const checked = checkValue(indicator.scale, input.assessorValue);
      if (!checked.ok) throw fieldError('body.assessorValue', checked.message);
      value = checked.value;
    }
    if (input.promisedEvidence === null && input.promisedDue !== null) {
      throw fieldError('body.promisedEvidence', 'Isi bukti yang dijanjikan bila tenggatnya diisi');
    }
    const values = {
      isUploaded: input.isUploaded,
      isInterviewed: input.isInterviewed,
      isApproved: input.isApproved,
      catatan: input.catatan,
      rekomendasi: input.rekomendasi,
      promisedEvidence: input.promisedEvidence,
      promisedDue: input.promisedDue,
      isPromiseDelivered: input.promisedEvidence === null ? false : input.isPromiseDelivered,
      assessorValue: value,
    };
    const [updated] = await tx
      .update(nationalEvaluationItems)
      .set({ ...values, version: row.version + 1, updatedBy: ctx.actor.id, updatedAt: ctx.now })
      .where(and(eq(nationalEvaluationItems.id, row.id), eq(nationalEvaluationItems.version, row.version)))
      .returning();
    if (!updated) throw new AppError('STALE_VERSION');
    await recordAudit(tx, ctx, {
      action: 'national_evaluation.item_updated',
      entityType: 'assessment',
      entityId: assessmentId,
      regionCode,
      before: { indicatorId: row.indicatorId, ...itemAudit(row) },
      after: { indicatorId: row.indicatorId, ...itemAudit(updated) },
    });
  });
  return loadNational(ctx.db, ctx.actor, regionCode, assessmentId, ctx.now);
}

/** Records (or corrects) the LHE decree; only at the hasil stage. The assessor's sheet locks with it. */
export async function recordLhe(
  ctx: ServiceContext,
  regionCode: string,
  assessmentId: string,
  input: z.output<typeof lheInput>,
): Promise<NationalEvaluation> {
  if (!canEnter(ctx.actor, regionCode)) throw new AppError('FORBIDDEN');
  await ctx.db.transaction(async (tx) => {
    const { assessment, national } = await requireOpen(tx, regionCode, assessmentId);
    if (national.version !== input.version) throw new AppError('STALE_VERSION');
    if (stageOf(national) !== 'hasil') {
      throw new AppError('NATIONAL_EVALUATION_CLOSED', {
        issues: [{ field: 'stage', reason: 'LHE dicatat pada tahap hasil; lanjutkan tahapnya dahulu' }],
      });
    }
    if (Number(input.decreeDate.slice(0, 4)) < assessment.year) {
      throw fieldError('body.decreeDate', `Tanggal keputusan tidak boleh sebelum tahun evaluasi ${assessment.year}`);
    }
    if (input.decreeDate > wibDay(ctx.now)) throw fieldError('body.decreeDate', 'Tanggal keputusan tidak boleh di masa depan');
    const [updated] = await tx
      .update(nationalEvaluations)
      .set({
        decreeNumber: input.decreeNumber,
        decreeDate: input.decreeDate,
        notes: input.notes,
        version: national.version + 1,
        updatedBy: ctx.actor.id,
        updatedAt: ctx.now,
      })
      .where(and(eq(nationalEvaluations.id, national.id), eq(nationalEvaluations.version, national.version)))
      .returning();
    if (!updated) throw new AppError('STALE_VERSION');
    await recordAudit(tx, ctx, {
      action: 'national_evaluation.lhe_recorded',
      entityType: 'assessment',
      entityId: assessmentId,
      regionCode,
      before: { decreeNumber: national.decreeNumber, decreeDate: national.decreeDate, notes: national.notes },
      after: { decreeNumber: updated.decreeNumber, decreeDate: updated.decreeDate, notes: updated.notes },
    });
  });
  return loadNational(ctx.db, ctx.actor, regionCode, assessmentId, ctx.now);
}

// ---- XLSX template and import of the assessor's sheet ----------------------------------------------

/**
 * The template's columns, in order. `key` is the field the import reads from it; the indicator's name
 * and the region's own verified value are there to help whoever copies the assessor's sheet, and are
 * not read back.
 */
const TEMPLATE_COLUMNS = [
  { header: 'Indikator', key: 'indicator', width: 11, note: 'Nomor indikator dalam kerangka penilaian. Jangan diubah.' },
  { header: 'Nama indikator', key: null, width: 60, note: null },
  {
    header: 'Nilai verifikasi daerah',
    key: null,
    width: 14,
    note: 'Nilai daerah sendiri setelah verifikasi internal, sebagai pembanding. Tidak dibaca saat impor.',
  },
  {
    header: 'Nilai asesor',
    key: 'value',
    width: 13,
    note: 'Nilai dari asesor nasional pada skala indikator; desimal boleh memakai koma atau titik.',
  },
  { header: 'Catatan', key: 'catatan', width: 40, note: null },
  { header: 'Rekomendasi', key: 'rekomendasi', width: 40, note: 'Setiap rekomendasi dapat dijadikan tugas rencana aksi.' },
  { header: 'Diunggah', key: 'uploaded', width: 11, note: 'Isi "ya" atau "tidak" (kosong berarti tidak).' },
  { header: 'Diinterviu', key: 'interviewed', width: 11, note: 'Isi "ya" atau "tidak" (kosong berarti tidak).' },
  { header: 'Disetujui', key: 'approved', width: 11, note: 'Isi "ya" atau "tidak" (kosong berarti tidak).' },
] as const;

const HEADERS: Record<string, string> = {
  ...Object.fromEntries(TEMPLATE_COLUMNS.flatMap((c) => (c.key === null ? [] : [[c.header.toLowerCase(), c.key]]))),
  'no indikator': 'indicator',
  nilai: 'value',
};
const FIELD_LABEL: Record<string, string> = Object.fromEntries(TEMPLATE_COLUMNS.flatMap((c) => (c.key === null ? [] : [[c.key, c.header]])));
/** The columns the assessor fills: a row with all of them blank is not filled yet and is left as it is. */
const ASSESSOR_KEYS = ['value', 'catatan', 'rekomendasi', 'uploaded', 'interviewed', 'approved'] as const;
const YES = new Set(['ya', 'y', 'yes', 'true', '1', 'v', '✓']);
const NO = new Set(['', 'tidak', 't', 'no', 'false', '0', '-']);

async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/**
 * The assessor's sheet to fill: one row per indicator of the assessment's framework with its name and
 * the region's own verified value as a hint, and what is already recorded (value, notes, recommendation,
 * flags), so a sheet filled in and imported again changes only what was changed. A guide sheet says
 * which columns are read. Given while the national evaluation is open.
 */
export async function nationalTemplate(db: Db, actor: Actor, regionCode: string, assessmentId: string): Promise<{ file: Buffer; fileName: string }> {
  if (!canEnter(actor, regionCode)) throw new AppError('FORBIDDEN');
  const assessment = await findAssessmentRow(db, regionCode, assessmentId);
  if (!assessment) throw new AppError('NOT_FOUND');
  if (!(await findNational(db, regionCode, assessmentId))) {
    throw new AppError('NATIONAL_EVALUATION_CLOSED', { issues: [{ field: 'stage', reason: 'Evaluasi nasional belum dibuka untuk penilaian ini' }] });
  }
  const framework = await frameworkOfAssessment(db, assessment);
  const verified = valuesOf(itemValuesOf(await listSelfItems(db, regionCode, assessmentId)), 'verified');
  const recorded = new Map((await listNationalItems(db, regionCode, assessmentId)).map((r) => [r.indicatorId, r]));
  const yes = (flag: boolean | undefined) => (flag ? 'ya' : null);

  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Sinergi';
  const sheet = workbook.addWorksheet(`Hasil nasional ${assessment.year}`);
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  TEMPLATE_COLUMNS.forEach((c, i) => {
    if (c.note) header.getCell(i + 1).note = c.note;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // Indicator numbers are text: "1.10" must not become 1.1.
  sheet.getColumn(1).numFmt = '@';
  const indicators = listIndicators(framework);
  for (const indicator of indicators) {
    const r = recorded.get(indicator.id);
    sheet.addRow([
      indicator.id,
      indicator.name,
      verified.get(indicator.id) ?? null,
      r?.assessorValue ?? null,
      r?.catatan || null,
      r?.rekomendasi || null,
      yes(r?.isUploaded),
      yes(r?.isInterviewed),
      yes(r?.isApproved),
    ]);
  }
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(`G2:I${indicators.length + 1}`, { type: 'list', allowBlank: true, formulae: ['"ya,tidak"'] });
  const guide = workbook.addWorksheet('Petunjuk');
  guide.getColumn(1).width = 120;
  for (const line of [
    `Templat hasil evaluasi nasional ${framework.name} tahun ${assessment.year}, daerah ${regionCode}.`,
    'Satu baris satu indikator. Kolom yang dibaca saat impor: Indikator, Nilai asesor, Catatan, Rekomendasi, Diunggah, Diinterviu, Disetujui.',
    'Nama indikator dan Nilai verifikasi daerah hanya petunjuk (nilai daerah sendiri setelah verifikasi internal); keduanya tidak dibaca.',
    'Nilai asesor: nilai dari asesor nasional pada skala indikator; desimal boleh memakai koma atau titik.',
    'Diunggah, Diinterviu, Disetujui: isi "ya" atau "tidak"; kosong berarti tidak.',
    'Isian yang sudah tercatat di Sinergi sudah ada di templat ini. Pada baris yang diisi, kolom yang dikosongkan ikut dikosongkan.',
    'Baris yang semua kolom asesornya kosong dianggap belum diisi: dilewati, dan isian indikator itu tetap seperti sekarang.',
    'Unggah berkas untuk diperiksa dahulu: kesalahan per baris ditampilkan tanpa menyimpan apa pun.',
  ])
    guide.addRow([line]);
  const out = await workbook.xlsx.writeBuffer();
  return {
    file: Buffer.from(out as ArrayBuffer),
    fileName: `templat-hasil-nasional-${framework.id}-${regionCode}-${assessment.year}.xlsx`,
  };
}

/**
 * Imports the national result per indicator (the assessor's value, notes, recommendation, flags).
 * Every row is checked first: with `dryRun` nothing is written; otherwise all rows are written or, if
 * any row is wrong, none. Columns not in the file leave their fields as they are; a row whose assessor
 * columns are all blank (the template's row of an indicator not assessed yet) is counted as not filled
 * and leaves its indicator as it is, while a blank cell in a filled row empties that field.
 */
export async function importNational(
  ctx: ServiceContext,
  regionCode: string,
  assessmentId: string,
  file: Buffer,
  dryRun: boolean,
): Promise<NationalImportReport> {
  if (!canEnter(ctx.actor, regionCode)) throw new AppError('FORBIDDEN');
  const sheetRows = await readSheet(file, HEADERS, ['indicator', 'value'], 500);
  return ctx.db.transaction(async (tx) => {
    const { assessment, national } = await requireOpen(tx, regionCode, assessmentId);
    requireUnlocked(national);
    const framework = await frameworkOfAssessment(tx, assessment);
    const indicators = indicatorsById(framework);
    const rows = new Map((await listNationalItems(tx, regionCode, assessmentId)).map((r) => [r.indicatorId, r]));
    const errors: NationalImportReport['errors'] = [];
    const err = (row: number, key: string, reason: string) => errors.push({ row, field: FIELD_LABEL[key] ?? key, reason });
    const seen = new Map<string, number>();
    const plan: { row: NationalItemRow; set: Partial<typeof nationalEvaluationItems.$inferInsert> }[] = [];
    let skipped = 0;
    for (const { rowNumber, cells } of sheetRows) {
      const before = errors.length;
      const indicatorId = (cells.indicator ?? '').trim();
      const indicator = indicators.get(indicatorId);
      const target = rows.get(indicatorId);
      if (!indicatorId) err(rowNumber, 'indicator', 'Nomor indikator wajib diisi');
      else if (!indicator || !target) err(rowNumber, 'indicator', `Indikator "${indicatorId}" tidak ada dalam ${framework.name}`);
      else if (seen.has(indicatorId)) err(rowNumber, 'indicator', `Indikator ${indicatorId} sudah ada di baris ${seen.get(indicatorId)}`);
      if (indicatorId) seen.set(indicatorId, seen.get(indicatorId) ?? rowNumber);
      if (ASSESSOR_KEYS.every((key) => (cells[key] ?? '').trim() === '')) {
        if (errors.length === before) skipped += 1;
        continue;
      }
      const set: Partial<typeof nationalEvaluationItems.$inferInsert> = {};
      const valueText = (cells.value ?? '').trim().replace(',', '.');
      if (valueText === '') set.assessorValue = null;
      else if (indicator) {
        const checked = checkValue(indicator.scale, valueText);
        if (!checked.ok) err(rowNumber, 'value', checked.message);
        else set.assessorValue = checked.value;
      }
      for (const [key, column] of [
        ['uploaded', 'isUploaded'],
        ['interviewed', 'isInterviewed'],
        ['approved', 'isApproved'],
      ] as const) {
        const text = cells[key];
        if (text === undefined) continue;
        const word = text.trim().toLowerCase();
        if (YES.has(word)) set[column] = true;
        else if (NO.has(word)) set[column] = false;
        else err(rowNumber, key, `Isi "ya" atau "tidak", bukan "${text}"`);
      }
      if (cells.catatan !== undefined) {
        if (cells.catatan.length > 5000) err(rowNumber, 'catatan', 'Catatan paling banyak 5000 karakter');
        else set.catatan = cells.catatan;
      }
      if (cells.rekomendasi !== undefined) {
        if (cells.rekomendasi.length > 5000) err(rowNumber, 'rekomendasi', 'Rekomendasi paling banyak 5000 karakter');
        else set.rekomendasi = cells.rekomendasi;
      }
      if (errors.length === before && target) plan.push({ row: target, set });
    }
    errors.sort((a, b) => a.row - b.row);
    const report = { dryRun, updated: plan.length, skipped, errors };
    if (dryRun) return report;
    if (errors.length > 0) {
      throw new AppError('VALIDATION_FAILED', {
        issues: errors.slice(0, 200).map((e) => ({ field: `baris ${e.row} · ${e.field}`, reason: e.reason })),
      });
    }
    for (const p of plan) {
      await tx
        .update(nationalEvaluationItems)
        .set({ ...p.set, version: p.row.version + 1, updatedBy: ctx.actor.id, updatedAt: ctx.now })
        .where(eq(nationalEvaluationItems.id, p.row.id));
    }
    await recordAudit(tx, ctx, {
      action: 'national_evaluation.imported',
      entityType: 'assessment',
      entityId: assessmentId,
      regionCode,
      after: { rows: plan.length, skipped, values: Object.fromEntries(plan.map((p) => [p.row.indicatorId, p.set.assessorValue ?? null])) },
    });
    return report;
  });
}
