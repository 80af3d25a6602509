import { and, eq } from 'drizzle-orm';
import { type Actor, can } from '#domain/access/roles.ts';
import { computeFigure, computeFigures, type FigureBasis, valuesOf } from '#domain/assessments/figures.ts';
import { analyseGaps, compareIndicators } from '#domain/assessments/gaps.ts';
import { type Indicator, indicatorsById, listIndicators } from '#domain/assessments/indicators.ts';
import {
  type AssessmentStage,
  assessmentAbilities,
  checkStageChange,
  isAssessmentStage,
  isManageOpen,
  isVerifyOpen,
  seesItem,
} from '#domain/assessments/stages.ts';
import { checkValue, sameValue } from '#domain/assessments/values.ts';
import { isEffectiveIn } from '#domain/assessments/national.ts';
import type { Framework } from '#domain/scoring/framework.schema.ts';
import type { AssessmentDetail, AssessmentItem, AssessmentSummary, GapAnalysis } from '#shared/api/assessments.ts';
import type { Db, DbOrTx } from '#server/db/client.ts';
import { uniqueConstraintOf } from '#server/db/errors.ts';
import { assessmentItems, assessments } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { itemValuesOf } from '#server/platform/figures/assessment-index.ts';
import { beginAssessmentItemFill } from '#server/platform/evidence-owners.ts';
import {
  type AttachmentOwner,
  type AttachmentRow,
  attachFile,
  attachLink,
  detachAttachment,
  type FileUpload,
  openAttachment,
  type ReleaseResult,
  releaseBlob,
} from '#server/platform/attachments/attachments.ts';
import { loadFrameworkVersion } from '#server/platform/frameworks/registry.ts';
import {
  type AssessmentRow,
  findAssessment,
  findAssessmentSummary,
  findItem,
  findItemWithUnit,
  findPreviousAssessment,
  type ItemRow,
  listAssessments,
  listEvidenceOfItems,
  listItems,
  unitsInRegion,
} from './assessments.queries.ts';
import { type EvidenceEntry, presentEvidence, presentFigure, presentItem, presentSummary } from './assessments.presenter.ts';
import { noticeOfAssignment } from './assessment-notices.ts';

// ---- loading -----------------------------------------------------------------------------------

function stageOf(row: { id: string; stage: string }): AssessmentStage {
  if (!isAssessmentStage(row.stage)) throw new AppError('INTERNAL', { detail: `assessment ${row.id} has unknown stage ${row.stage}` });
  return row.stage;
}

async function frameworkOf(db: DbOrTx, row: { regionCode: string; frameworkVersionId: string }): Promise<Framework> {
  const found = await loadFrameworkVersion(db, row.regionCode, row.frameworkVersionId);
  if (!found) throw new AppError('INTERNAL', { detail: `framework version ${row.frameworkVersionId} is not visible to ${row.regionCode}` });
  return found.framework;
}

function indicatorOf(framework: Framework, indicatorId: string): Indicator {
  const indicator = indicatorsById(framework).get(indicatorId);
  if (!indicator) throw new AppError('INTERNAL', { detail: `indicator ${indicatorId} is not in ${framework.id} ${framework.version}` });
  return indicator;
}

export async function listAssessmentSummaries(db: Db, regionCode: string): Promise<AssessmentSummary[]> {
  const rows = await listAssessments(db, regionCode);
  return rows.map((r) => presentSummary(r, stageOf(r)));
}

/**
 * One assessment as the caller may see it: the claimed and verified figures over all items, progress
 * per unit, and the items in framework order (operators: their unit's items only) with their
 * criteria, evidence and what the caller may do with each.
 */
export async function loadAssessmentDetail(db: Db, actor: Actor, regionCode: string, id: string): Promise<AssessmentDetail> {
  // The routes check this before parsing; callers outside HTTP (the report writer) get the same rule.
  if (!can(actor, 'assessments.read', regionCode)) throw new AppError('FORBIDDEN');
  const summary = await findAssessmentSummary(db, regionCode, id);
  if (!summary) throw new AppError('NOT_FOUND');
  const stage = stageOf(summary);
  const framework = await frameworkOf(db, summary);
  const items = await listItems(db, regionCode, id);
  const { claimed, verified } = computeFigures(framework, itemValuesOf(items));

  const byIndicator = new Map(items.map((i) => [i.indicatorId, i]));
  const visible = listIndicators(framework).flatMap((indicator) => {
    const item = byIndicator.get(indicator.id);
    return item && seesItem(actor, regionCode, item.unitId) ? [{ indicator, item }] : [];
  });
  const evidence = await listEvidenceOfItems(
    db,
    regionCode,
    visible.map((v) => v.item.id),
  );
  const evidenceByItem = new Map<string, AttachmentRow[]>();
  for (const e of evidence) evidenceByItem.set(e.ownerId, [...(evidenceByItem.get(e.ownerId) ?? []), e]);

  const progress = new Map<string, { unitId: string | null; unitName: string | null; total: number; filled: number; verified: number }>();
  for (const item of items) {
    const key = item.unitId ?? '';
    const entry = progress.get(key) ?? { unitId: item.unitId, unitName: item.unitName, total: 0, filled: 0, verified: 0 };
    entry.total += 1;
    if (item.claimedValue !== null) entry.filled += 1;
    if (item.verification !== 'pending') entry.verified += 1;
    progress.set(key, entry);
  }
  const progressByUnit = [...progress.values()].sort((a, b) => {
    if (a.unitName === null || b.unitName === null) return a.unitName === null ? (b.unitName === null ? 0 : 1) : -1;
    return a.unitName.localeCompare(b.unitName, 'id');
  });

  return {
    ...presentSummary(summary, stage),
    claimed: presentFigure(claimed),
    verified: presentFigure(verified),
    items: visible.map(({ indicator, item }) => presentItem(actor, { regionCode, stage }, indicator, item, evidenceByItem.get(item.id) ?? [])),
    progressByUnit,
    can: assessmentAbilities(actor, regionCode, stage),
  };
}

/** One item as the caller sees it after a change (the caller was allowed to change it, so may see it). */
async function loadItem(db: Db, actor: Actor, regionCode: string, assessmentId: string, itemId: string): Promise<AssessmentItem> {
  const assessment = await findAssessment(db, regionCode, assessmentId);
  const item = await findItemWithUnit(db, regionCode, assessmentId, itemId);
  if (!assessment || !item) throw new AppError('NOT_FOUND');
  const framework = await frameworkOf(db, assessment);
  const evidence = await listEvidenceOfItems(db, regionCode, [item.id]);
  return presentItem(actor, { regionCode, stage: stageOf(assessment) }, indicatorOf(framework, item.indicatorId), item, evidence);
}

// ---- creating and assigning --------------------------------------------------------------------

export interface AssessmentInput {
  frameworkVersionId: string;
  year: number;
  deadline: string | null;
  /** Why a framework is opened outside its effective years (null: it must be effective). */
  overrideReason?: string | null;
}

/** Opens an assessment for a year, with one unassigned item per indicator of the framework version. */
export async function createAssessment(ctx: ServiceContext, regionCode: string, input: AssessmentInput): Promise<string> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const found = await loadFrameworkVersion(tx, regionCode, input.frameworkVersionId);
      if (!found) throw fieldError('body.frameworkVersionId', 'Versi kerangka tidak ditemukan untuk daerah ini');
      const framework = found.framework;
      if (framework.inputKind !== 'values') {
        throw fieldError(
          'body.frameworkVersionId',
          `Kerangka ${framework.name} tidak dinilai per indikator; penilaian mandiri hanya untuk kerangka bernilai per indikator (SPBE, Indeks Pemdi)`,
        );
      }
      // SPBE 2020 is evaluated up to 2025 and Indeks Pemdi from 2026: a region opening the wrong one
      // would report an index the ministry no longer publishes. An admin may still do it, with a reason.
      const overrideReason = input.overrideReason ?? null;
      if (!isEffectiveIn(framework, input.year) && overrideReason === null) {
        const { from, to } = framework.effectiveYears;
        throw fieldError(
          'body.overrideReason',
          `${framework.name} berlaku untuk tahun ${from}${to === null ? ' dan seterusnya' : `–${to}`}, bukan ${input.year}; pilih kerangka yang berlaku atau isi alasan pengecualian`,
        );
      }
      const indicators = listIndicators(framework);
      const [created] = await tx
        .insert(assessments)
        .values({
          regionCode,
          frameworkVersionId: found.id,
          frameworkId: framework.id,
          year: input.year,
          deadline: input.deadline,
          createdBy: ctx.actor.id,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning({ id: assessments.id });
      if (!created) throw new AppError('INTERNAL');
      await tx
        .insert(assessmentItems)
        .values(indicators.map((i) => ({ assessmentId: created.id, regionCode, indicatorId: i.id, updatedAt: ctx.now })));
      await recordAudit(tx, ctx, {
        action: 'assessment.created',
        entityType: 'assessment',
        entityId: created.id,
        regionCode,
        after: {
          frameworkId: framework.id,
          frameworkVersion: framework.version,
          frameworkVersionId: found.id,
          year: input.year,
          deadline: input.deadline,
          itemCount: indicators.length,
          ...(overrideReason === null
            ? {}
            : { effectiveYearsOverride: { from: framework.effectiveYears.from, to: framework.effectiveYears.to, reason: overrideReason } }),
        },
      });
      return created.id;
    });
  } catch (err) {
    if (uniqueConstraintOf(err) === 'assessments_region_framework_year_uq') {
      throw fieldError('body.year', `Penilaian kerangka ini untuk tahun ${input.year} sudah ada di daerah ini`);
    }
    throw err;
  }
}

export interface Assignment {
  indicatorId: string;
  unitId: string | null;
  deadline: string | null;
}

/** Assigns indicators to the units responsible for them, with deadlines. Units must be the region's. */
export async function assignIndicators(ctx: ServiceContext, regionCode: string, id: string, assignments: readonly Assignment[]): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const assessment = await findAssessment(tx, regionCode, id, 'update');
    if (!assessment) throw new AppError('NOT_FOUND');
    if (!isManageOpen(stageOf(assessment))) throw new AppError('ASSESSMENT_FINAL');
    const items = new Map((await listItems(tx, regionCode, id)).map((i) => [i.indicatorId, i]));
    const known = await unitsInRegion(
      tx,
      regionCode,
      assignments.flatMap((a) => (a.unitId === null ? [] : [a.unitId])),
    );
    const seen = new Set<string>();
    const issues: { field: string; reason: string }[] = [];
    assignments.forEach((a, n) => {
      if (!items.has(a.indicatorId))
        issues.push({ field: `body.assignments.${n}.indicatorId`, reason: `Indikator ${a.indicatorId} tidak ada dalam penilaian ini` });
      else if (seen.has(a.indicatorId))
        issues.push({ field: `body.assignments.${n}.indicatorId`, reason: `Indikator ${a.indicatorId} disebut lebih dari sekali` });
      seen.add(a.indicatorId);
      if (a.unitId !== null && !known.has(a.unitId))
        issues.push({ field: `body.assignments.${n}.unitId`, reason: 'Unit tidak ditemukan di daerah ini' });
    });
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { issues });

    const before: Assignment[] = [];
    const after: Assignment[] = [];
    for (const a of assignments) {
      const item = items.get(a.indicatorId);
      if (!item || (item.unitId === a.unitId && item.deadline === a.deadline)) continue;
      await tx
        .update(assessmentItems)
        .set({ unitId: a.unitId, deadline: a.deadline, version: item.version + 1, updatedAt: ctx.now })
        .where(and(eq(assessmentItems.id, item.id), eq(assessmentItems.regionCode, regionCode)));
      before.push({ indicatorId: a.indicatorId, unitId: item.unitId, deadline: item.deadline });
      after.push(a);
    }
    if (after.length === 0) return;
    await tx
      .update(assessments)
      .set({ updatedAt: ctx.now })
      .where(and(eq(assessments.id, id), eq(assessments.regionCode, regionCode)));
    await recordAudit(tx, ctx, { action: 'assessment.assigned', entityType: 'assessment', entityId: id, regionCode, before, after });
    await noticeOfAssignment(
      tx,
      ctx,
      assessment,
      after.filter((a, n) => a.unitId !== before[n]?.unitId),
    );
  });
}

// ---- filling and verifying ---------------------------------------------------------------------

export interface ItemRef {
  regionCode: string;
  assessmentId: string;
  itemId: string;
}

function itemAudit(item: ItemRow) {
  return {
    indicatorId: item.indicatorId,
    claimedValue: item.claimedValue,
    explanation: item.explanation,
    verification: item.verification,
    verifiedValue: item.verifiedValue,
    verifierNote: item.verifierNote,
  };
}

export interface FillInput {
  value: string | null;
  explanation: string;
  version: number;
}

/** Saves a unit's value and explanation; a changed value sends the item back to pending verification. */
export async function fillItem(ctx: ServiceContext, ref: ItemRef, input: FillInput): Promise<AssessmentItem> {
  await ctx.db.transaction(async (tx) => {
    const { assessment, item } = await beginAssessmentItemFill(ctx, tx, ref);
    if (item.version !== input.version) throw new AppError('STALE_VERSION');
    const framework = await frameworkOf(tx, assessment);
    const indicator = indicatorOf(framework, item.indicatorId);
    let value: string | null = null;
    if (input.value !== null) {
      const check = checkValue(indicator.scale, input.value);
      if (!check.ok) throw fieldError('body.value', check.message);
      value = check.value;
    }
    const explanation = input.explanation.trim();
    const isValueChanged = !sameValue(item.claimedValue, value);
    if (!isValueChanged && explanation === item.explanation) return;
    const [updated] = await tx
      .update(assessmentItems)
      .set({
        claimedValue: value,
        explanation,
        claimedBy: ctx.actor.id,
        claimedAt: ctx.now,
        ...(isValueChanged ? { verification: 'pending', verifiedValue: null, verifierNote: null, verifiedBy: null, verifiedAt: null } : {}),
        version: item.version + 1,
        updatedAt: ctx.now,
      })
      .where(and(eq(assessmentItems.id, item.id), eq(assessmentItems.regionCode, ref.regionCode), eq(assessmentItems.version, item.version)))
      .returning();
    if (!updated) throw new AppError('STALE_VERSION');
    await recordAudit(tx, ctx, {
      action: 'assessment_item.filled',
      entityType: 'assessment_item',
      entityId: item.id,
      regionCode: ref.regionCode,
      before: itemAudit(item),
      after: itemAudit(updated),
    });
  });
  return loadItem(ctx.db, ctx.actor, ref.regionCode, ref.assessmentId, ref.itemId);
}

export type VerifyInput =
  | { decision: 'accept'; version: number; note: string | null }
  | { decision: 'correct'; version: number; value: string; note: string };

/** An assessor's decision on one item: accept the claimed value, or set a corrected one with a note. */
export async function verifyItem(ctx: ServiceContext, ref: ItemRef, input: VerifyInput): Promise<AssessmentItem> {
  await ctx.db.transaction(async (tx) => {
    const assessment = await findAssessment(tx, ref.regionCode, ref.assessmentId, 'share');
    if (!assessment) throw new AppError('NOT_FOUND');
    const item = await findItem(tx, ref.regionCode, ref.assessmentId, ref.itemId, true);
    if (!item) throw new AppError('NOT_FOUND');
    const stage = stageOf(assessment);
    if (!isVerifyOpen(stage)) {
      throw new AppError('ASSESSMENT_VERIFY_CLOSED', {
        issues: [{ field: 'stage', reason: `Verifikasi hanya pada tahap verifikasi; penilaian ini pada tahap ${stage}` }],
      });
    }
    if (item.version !== input.version) throw new AppError('STALE_VERSION');
    let verifiedValue: string | null = null;
    if (input.decision === 'accept') {
      if (item.claimedValue === null) {
        throw new AppError('ASSESSMENT_NOTHING_TO_ACCEPT', {
          issues: [{ field: 'body.decision', reason: 'Indikator belum diisi: tidak ada nilai untuk diterima; tetapkan nilai koreksi' }],
        });
      }
    } else {
      const framework = await frameworkOf(tx, assessment);
      const check = checkValue(indicatorOf(framework, item.indicatorId).scale, input.value);
      if (!check.ok) throw fieldError('body.value', check.message);
      verifiedValue = check.value;
    }
    const [updated] = await tx
      .update(assessmentItems)
      .set({
        verification: input.decision === 'accept' ? 'accepted' : 'corrected',
        verifiedValue,
        verifierNote: input.note,
        verifiedBy: ctx.actor.id,
        verifiedAt: ctx.now,
        version: item.version + 1,
        updatedAt: ctx.now,
      })
      .where(and(eq(assessmentItems.id, item.id), eq(assessmentItems.regionCode, ref.regionCode), eq(assessmentItems.version, item.version)))
      .returning();
    if (!updated) throw new AppError('STALE_VERSION');
    await recordAudit(tx, ctx, {
      action: 'assessment_item.verified',
      entityType: 'assessment_item',
      entityId: item.id,
      regionCode: ref.regionCode,
      before: itemAudit(item),
      after: itemAudit(updated),
    });
  });
  return loadItem(ctx.db, ctx.actor, ref.regionCode, ref.assessmentId, ref.itemId);
}

// ---- stages ------------------------------------------------------------------------------------

/** Moves the assessment to another stage (legal steps only); final records when it was closed. */
export async function changeStage(
  ctx: ServiceContext,
  regionCode: string,
  id: string,
  input: { stage: AssessmentStage; version: number },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const assessment = await findAssessment(tx, regionCode, id, 'update');
    if (!assessment) throw new AppError('NOT_FOUND');
    if (assessment.version !== input.version) throw new AppError('STALE_VERSION');
    const from = stageOf(assessment);
    const check = checkStageChange(from, input.stage);
    if (!check.ok) throw new AppError('ASSESSMENT_STAGE_REFUSED', { issues: [{ field: 'body.stage', reason: check.message }] });
    const items = await listItems(tx, regionCode, id);
    const unfilled = items.filter((i) => i.claimedValue === null).length;
    const finalizedAt = input.stage === 'final' ? ctx.now : null;
    const [updated] = await tx
      .update(assessments)
      .set({ stage: input.stage, finalizedAt, version: assessment.version + 1, updatedAt: ctx.now })
      .where(and(eq(assessments.id, id), eq(assessments.regionCode, regionCode), eq(assessments.version, assessment.version)))
      .returning({ id: assessments.id });
    if (!updated) throw new AppError('STALE_VERSION');
    await recordAudit(tx, ctx, {
      action: 'assessment.stage_changed',
      entityType: 'assessment',
      entityId: id,
      regionCode,
      before: { stage: from },
      after: { stage: input.stage, unfilledItems: unfilled, ...(finalizedAt ? { finalizedAt: finalizedAt.toISOString() } : {}) },
    });
  });
}

// ---- evidence ----------------------------------------------------------------------------------

const ownerOf = (ref: ItemRef, itemId: string): AttachmentOwner => ({ regionCode: ref.regionCode, ownerType: 'assessment_item', ownerId: itemId });

/** What the audit log says about an item's evidence besides the attachment itself. */
const auditOf = (action: string, ref: ItemRef, indicatorId: string) => ({
  action,
  entityType: 'assessment_evidence',
  extra: { assessmentId: ref.assessmentId, itemId: ref.itemId, indicatorId },
});

/** Attaches a file to an item: checked by its bytes, hashed, stored once per content. */
export async function addItemFile(
  ctx: ServiceContext,
  storage: BlobStorage,
  limits: { maxUploadBytes: number },
  ref: ItemRef,
  upload: FileUpload,
): Promise<EvidenceEntry> {
  return ctx.db.transaction(async (tx) => {
    // Who and which stage first: a caller who may not touch the item learns nothing about the file.
    const { item } = await beginAssessmentItemFill(ctx, tx, ref);
    const row = await attachFile(
      tx,
      ctx,
      storage,
      { ...ownerOf(ref, item.id), slot: 'umum' },
      upload,
      limits,
      auditOf('assessment_evidence.added', ref, item.indicatorId),
    );
    return presentEvidence(row);
  });
}

/** Attaches a link (a page, a video) to an item; nothing is fetched. */
export async function addItemLink(ctx: ServiceContext, ref: ItemRef, input: { title: string; url: string }): Promise<EvidenceEntry> {
  return ctx.db.transaction(async (tx) => {
    const { item } = await beginAssessmentItemFill(ctx, tx, ref);
    const row = await attachLink(
      tx,
      ctx,
      { ...ownerOf(ref, item.id), slot: 'umum' },
      input,
      auditOf('assessment_evidence.added', ref, item.indicatorId),
    );
    return presentEvidence(row);
  });
}

/**
 * Removes one piece of an item's evidence. The stored blob goes only when no attachment of any kind
 * still uses it, after the removal committed, under the blob's lock.
 */
export async function removeItemEvidence(ctx: ServiceContext, storage: BlobStorage, ref: ItemRef, evidenceId: string): Promise<ReleaseResult> {
  const removed = await ctx.db.transaction(async (tx) => {
    const { item } = await beginAssessmentItemFill(ctx, tx, ref);
    return detachAttachment(tx, ctx, ownerOf(ref, item.id), evidenceId, auditOf('assessment_evidence.removed', ref, item.indicatorId));
  });
  return releaseBlob(ctx.db, storage, removed.storageKey);
}

/** A stored file of an item the caller may see, to send inline. Links have no content (404). */
export async function openItemEvidence(db: Db, actor: Actor, storage: BlobStorage, ref: ItemRef, evidenceId: string) {
  const item = await findItem(db, ref.regionCode, ref.assessmentId, ref.itemId);
  if (!item || !seesItem(actor, ref.regionCode, item.unitId)) throw new AppError('NOT_FOUND');
  return openAttachment(db, storage, ownerOf(ref, item.id), evidenceId);
}

// ---- gap analysis ------------------------------------------------------------------------------

async function valuesOfAssessment(db: DbOrTx, row: AssessmentRow, basis: FigureBasis) {
  const framework = await frameworkOf(db, row);
  const items = await listItems(db, row.regionCode, row.id);
  return { framework, values: valuesOf(itemValuesOf(items), basis) };
}

/**
 * For each indicator below the top of its scale: the next step, its criteria and the gain in the index
 * (see domain/assessments/gaps.ts), on the claimed or the verified values; and the comparison with the
 * latest earlier assessment of the same framework on the same basis.
 */
export async function loadGapAnalysis(db: Db, actor: Actor, regionCode: string, id: string, basis: 'verified' | 'claimed'): Promise<GapAnalysis> {
  if (!can(actor, 'assessments.read', regionCode)) throw new AppError('FORBIDDEN');
  const assessment = await findAssessment(db, regionCode, id);
  if (!assessment) throw new AppError('NOT_FOUND');
  const { framework, values } = await valuesOfAssessment(db, assessment, basis);
  const figure = computeFigure(framework, values);
  const gaps = analyseGaps(framework, values);

  let previous: GapAnalysis['previous'] = null;
  const earlier = await findPreviousAssessment(db, regionCode, assessment.frameworkId, assessment.year);
  if (earlier) {
    // Last year is compared on its verified (final) values whatever this year's basis: quoting last
    // year's claims as its index overstated it (Pangkalpinang 2025: claims 2.98, verified 2.87).
    const before = await valuesOfAssessment(db, earlier, 'verified');
    const beforeFigure = computeFigure(before.framework, before.values);
    previous = {
      assessmentId: earlier.id,
      year: earlier.year,
      index: beforeFigure.index,
      predicate: beforeFigure.predicate,
      basis: 'verified',
      indicators: compareIndicators(listIndicators(framework), before.values, values),
    };
  }
  return { basis, index: figure.index, items: gaps.items, previous };
}
