/**
 * The yearly evaluation's figures, read by the assessment page (hasil evaluasi) and the smart-city
 * masterplan page (evaluasi tahunan) alike, so both show the same number: the engine's published index
 * per pillar and overall on the assessors' verified values, and the change against the previous
 * evaluation of the same framework in the region (the latest earlier year). The rules are pure in
 * domain/assessments/evaluation.ts; this module reads the rows. Read-only; the assessor's result is
 * written by the assessments feature.
 */
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import { computeFigure, type Figure, type ItemValues, valuesOf, type VerificationState } from '#domain/assessments/figures.ts';
import { deltaOf, type EvaluationFigures, evaluationFigures, isSmartCityFramework } from '#domain/assessments/evaluation.ts';
import { type AssessmentStage, isAssessmentStage } from '#domain/assessments/stages.ts';
import type { Framework } from '#domain/scoring/framework.schema.ts';
import type { AssessmentEvaluation, EvaluationHistory } from '#shared/api/evaluations.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { assessmentEvaluations, assessmentItems, assessments, frameworkVersions } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import { listAttachments } from '#server/platform/attachments/attachments.ts';
import { loadFrameworkVersion } from '#server/platform/frameworks/registry.ts';

export type EvaluationRow = typeof assessmentEvaluations.$inferSelect;
type AssessmentRow = typeof assessments.$inferSelect;

/** The slot of the evaluation letter among the result's attachments. */
export const LETTER_SLOT = 'surat';

const VERIFICATION: readonly VerificationState[] = ['pending', 'accepted', 'corrected'];

function stageOf(row: { id: string; stage: string }): AssessmentStage {
  if (!isAssessmentStage(row.stage)) throw new AppError('INTERNAL', { detail: `assessment ${row.id} has unknown stage ${row.stage}` });
  return row.stage;
}

async function frameworkOf(db: DbOrTx, row: AssessmentRow): Promise<Framework> {
  const found = await loadFrameworkVersion(db, row.regionCode, row.frameworkVersionId);
  if (!found) throw new AppError('INTERNAL', { detail: `framework version ${row.frameworkVersionId} is not visible to ${row.regionCode}` });
  return found.framework;
}

async function itemValuesOf(db: DbOrTx, regionCode: string, assessmentIds: readonly string[]): Promise<Map<string, ItemValues[]>> {
  const out = new Map<string, ItemValues[]>();
  if (assessmentIds.length === 0) return out;
  const rows = await db
    .select({
      assessmentId: assessmentItems.assessmentId,
      indicatorId: assessmentItems.indicatorId,
      claimedValue: assessmentItems.claimedValue,
      verification: assessmentItems.verification,
      verifiedValue: assessmentItems.verifiedValue,
    })
    .from(assessmentItems)
    .where(and(eq(assessmentItems.regionCode, regionCode), inArray(assessmentItems.assessmentId, [...assessmentIds])));
  for (const r of rows) {
    const verification = VERIFICATION.find((v) => v === r.verification) ?? 'pending';
    out.set(r.assessmentId, [...(out.get(r.assessmentId) ?? []), { ...r, verification }]);
  }
  return out;
}

interface Scored {
  row: AssessmentRow;
  framework: Framework;
  verified: Figure;
  claimed: Figure;
}

async function scoreAll(db: DbOrTx, rows: readonly AssessmentRow[]): Promise<Scored[]> {
  const first = rows[0];
  if (first === undefined) return [];
  const values = await itemValuesOf(
    db,
    first.regionCode,
    rows.map((r) => r.id),
  );
  const out: Scored[] = [];
  for (const row of rows) {
    const framework = await frameworkOf(db, row);
    const items = values.get(row.id) ?? [];
    out.push({
      row,
      framework,
      verified: computeFigure(framework, valuesOf(items, 'verified')),
      claimed: computeFigure(framework, valuesOf(items, 'claimed')),
    });
  }
  return out;
}

async function findAssessmentRow(db: DbOrTx, regionCode: string, id: string): Promise<AssessmentRow | undefined> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.regionCode, regionCode), eq(assessments.id, id)));
  return row;
}

/** The latest assessment of the same framework before `year` in the region: the previous evaluation. */
async function findPrevious(db: DbOrTx, row: Pick<AssessmentRow, 'regionCode' | 'frameworkId' | 'year'>): Promise<AssessmentRow | undefined> {
  const [previous] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.regionCode, row.regionCode), eq(assessments.frameworkId, row.frameworkId), lt(assessments.year, row.year)))
    .orderBy(desc(assessments.year))
    .limit(1);
  return previous;
}

/** The assessor's stored result of an assessment (locked for update when asked). */
export async function findEvaluationRow(db: DbOrTx, regionCode: string, assessmentId: string, lock = false): Promise<EvaluationRow | undefined> {
  const query = db
    .select()
    .from(assessmentEvaluations)
    .where(and(eq(assessmentEvaluations.regionCode, regionCode), eq(assessmentEvaluations.assessmentId, assessmentId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export interface AssessmentEvaluationFigures extends EvaluationFigures {
  assessment: AssessmentRow;
  stage: AssessmentStage;
  framework: Framework;
  previous: { assessmentId: string; year: number; index: string | null } | null;
}

/** The figures of one assessment's evaluation, against the previous evaluation. Null when the assessment is not the region's. */
export async function assessmentEvaluationFigures(db: DbOrTx, regionCode: string, assessmentId: string): Promise<AssessmentEvaluationFigures | null> {
  const row = await findAssessmentRow(db, regionCode, assessmentId);
  if (!row) return null;
  const earlier = await findPrevious(db, row);
  const [current, before] = await scoreAll(db, earlier ? [row, earlier] : [row]);
  if (!current) return null;
  const figures = evaluationFigures(current.framework, current.verified, current.claimed, before?.verified ?? null);
  return {
    ...figures,
    assessment: row,
    stage: stageOf(row),
    framework: current.framework,
    previous: before ? { assessmentId: before.row.id, year: before.row.year, index: before.verified.index } : null,
  };
}

/**
 * The change of an evaluation whose verified index the caller has already scored (the region's dashboard)
 * against the previous evaluation of its framework, as `assessmentEvaluationFigures` gives it: only the
 * previous one is scored here.
 */
export async function evaluationChange(
  db: DbOrTx,
  current: { regionCode: string; frameworkId: string; year: number; verifiedIndex: string | null },
): Promise<string | null> {
  const earlier = await findPrevious(db, current);
  if (!earlier) return null;
  const [before] = await scoreAll(db, [earlier]);
  return deltaOf(current.verifiedIndex, before?.verified.index ?? null);
}

/**
 * One assessment's evaluation as the API shows it: the figures, the pillars with the assessor's
 * findings, and the recorded result with its letter. `canRecord` comes from the caller's rights.
 */
export async function loadAssessmentEvaluation(
  db: DbOrTx,
  regionCode: string,
  assessmentId: string,
  canRecord: boolean,
): Promise<AssessmentEvaluation> {
  const figures = await assessmentEvaluationFigures(db, regionCode, assessmentId);
  if (!figures) throw new AppError('NOT_FOUND');
  const { assessment, framework } = figures;
  const [version] = await db
    .select({ name: frameworkVersions.name, version: frameworkVersions.version })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.id, assessment.frameworkVersionId));
  const stored = await findEvaluationRow(db, regionCode, assessmentId);
  const findingsOf = new Map((stored?.pillarFindings ?? []).map((f) => [f.pillarId, f.findings]));
  const [letter] = stored ? await listAttachments(db, regionCode, 'assessment_evaluation', [stored.id]) : [];
  return {
    assessmentId: assessment.id,
    frameworkId: assessment.frameworkId,
    frameworkName: version?.name ?? framework.name,
    frameworkVersion: version?.version ?? framework.version,
    isSmartCity: isSmartCityFramework(assessment.frameworkId),
    year: assessment.year,
    stage: figures.stage,
    index: figures.index,
    claimedIndex: figures.claimedIndex,
    complete: figures.complete,
    missing: figures.missing,
    previous: figures.previous,
    delta: figures.delta,
    pillars: figures.pillars.map((p) => ({ ...p, findings: findingsOf.get(p.id) ?? '' })),
    result: stored
      ? {
          evaluator: stored.evaluator,
          findings: stored.findings,
          letterNumber: stored.letterNumber,
          letterDate: stored.letterDate,
          version: stored.version,
          updatedAt: stored.updatedAt.toISOString(),
          document: letter
            ? {
                id: letter.id,
                title: letter.title,
                fileName: letter.fileName,
                mimeType: letter.mimeType,
                sizeBytes: letter.sizeBytes,
                createdAt: letter.createdAt.toISOString(),
              }
            : null,
        }
      : null,
    can: { record: canRecord && figures.stage !== 'mandiri' },
  };
}

/**
 * The region's smart-city evaluations over the years, newest first, each against the previous one of
 * its framework: the trend the masterplan page shows beside programme progress.
 */
export async function smartCityEvaluationHistory(db: DbOrTx, regionCode: string): Promise<EvaluationHistory> {
  const rows = (await db.select().from(assessments).where(eq(assessments.regionCode, regionCode)).orderBy(asc(assessments.year))).filter((r) =>
    isSmartCityFramework(r.frameworkId),
  );
  const scored = await scoreAll(db, rows);
  const names = new Map(
    rows.length === 0
      ? []
      : (
          await db
            .select({ id: frameworkVersions.id, name: frameworkVersions.name })
            .from(frameworkVersions)
            .where(
              inArray(
                frameworkVersions.id,
                rows.map((r) => r.frameworkVersionId),
              ),
            )
        ).map((v) => [v.id, v.name]),
  );
  const letters = new Map(
    rows.length === 0
      ? []
      : (
          await db
            .select({
              assessmentId: assessmentEvaluations.assessmentId,
              letterNumber: assessmentEvaluations.letterNumber,
              letterDate: assessmentEvaluations.letterDate,
            })
            .from(assessmentEvaluations)
            .where(
              and(
                eq(assessmentEvaluations.regionCode, regionCode),
                inArray(
                  assessmentEvaluations.assessmentId,
                  rows.map((r) => r.id),
                ),
              ),
            )
        ).map((e) => [e.assessmentId, e]),
  );
  const lastOf = new Map<string, Scored>();
  const items: EvaluationHistory['items'] = [];
  for (const s of scored) {
    const previous = lastOf.get(s.row.frameworkId) ?? null;
    lastOf.set(s.row.frameworkId, s);
    const figures = evaluationFigures(s.framework, s.verified, s.claimed, previous?.verified ?? null);
    const letter = letters.get(s.row.id);
    items.push({
      assessmentId: s.row.id,
      frameworkId: s.row.frameworkId,
      frameworkName: names.get(s.row.frameworkVersionId) ?? s.framework.name,
      year: s.row.year,
      stage: stageOf(s.row),
      index: figures.index,
      complete: figures.complete,
      delta: figures.delta,
      pillars: figures.pillars.map((p) => ({ id: p.id, name: p.name, index: p.index, delta: p.delta })),
      letterNumber: letter?.letterNumber ?? null,
      letterDate: letter?.letterDate ?? null,
    });
  }
  return { items: items.reverse() };
}
