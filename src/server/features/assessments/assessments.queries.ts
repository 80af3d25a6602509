/** Queries on assessments, their items and their evidence. Every one filters by region code in SQL. */
import { type AttachmentRow, listAttachments } from '#server/platform/attachments/attachments.ts';
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/client.ts';
import { assessmentItems, assessments, frameworkVersions, units } from '#server/db/schema.ts';

export type AssessmentRow = typeof assessments.$inferSelect;
export type ItemRow = typeof assessmentItems.$inferSelect;

const summaryColumns = {
  id: assessments.id,
  regionCode: assessments.regionCode,
  frameworkId: assessments.frameworkId,
  frameworkVersionId: assessments.frameworkVersionId,
  frameworkName: frameworkVersions.name,
  frameworkVersion: frameworkVersions.version,
  year: assessments.year,
  stage: assessments.stage,
  deadline: assessments.deadline,
  version: assessments.version,
  itemCount: sql<number>`(select count(*)::int from ${assessmentItems} i where i.assessment_id = ${assessments.id} and i.region_code = ${assessments.regionCode})`,
  filledCount: sql<number>`(select count(*)::int from ${assessmentItems} i where i.assessment_id = ${assessments.id} and i.region_code = ${assessments.regionCode} and i.claimed_value is not null)`,
  verifiedCount: sql<number>`(select count(*)::int from ${assessmentItems} i where i.assessment_id = ${assessments.id} and i.region_code = ${assessments.regionCode} and i.verification <> 'pending')`,
};

export type AssessmentSummaryRow = Awaited<ReturnType<typeof listAssessments>>[number];

export async function listAssessments(db: DbOrTx, regionCode: string) {
  return db
    .select(summaryColumns)
    .from(assessments)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, assessments.frameworkVersionId))
    .where(eq(assessments.regionCode, regionCode))
    .orderBy(desc(assessments.year), asc(assessments.frameworkId), asc(assessments.id));
}

export async function findAssessmentSummary(db: DbOrTx, regionCode: string, id: string): Promise<AssessmentSummaryRow | undefined> {
  const [row] = await db
    .select(summaryColumns)
    .from(assessments)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, assessments.frameworkVersionId))
    .where(and(eq(assessments.regionCode, regionCode), eq(assessments.id, id)));
  return row;
}

/**
 * The assessment row. `lock: 'share'` holds off a concurrent stage change until the caller's
 * transaction ends (a fill and a move to verifikasi never interleave); `'update'` is for the stage
 * change itself.
 */
export async function findAssessment(db: DbOrTx, regionCode: string, id: string, lock?: 'share' | 'update'): Promise<AssessmentRow | undefined> {
  const query = db
    .select()
    .from(assessments)
    .where(and(eq(assessments.regionCode, regionCode), eq(assessments.id, id)));
  const [row] = lock === undefined ? await query : await query.for(lock);
  return row;
}

/** The latest assessment of the same framework before `year` in the region (last year's, usually). */
export async function findPreviousAssessment(db: DbOrTx, regionCode: string, frameworkId: string, year: number): Promise<AssessmentRow | undefined> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.regionCode, regionCode), eq(assessments.frameworkId, frameworkId), lt(assessments.year, year)))
    .orderBy(desc(assessments.year))
    .limit(1);
  return row;
}

export type ItemWithUnit = ItemRow & { unitName: string | null };

export async function listItems(db: DbOrTx, regionCode: string, assessmentId: string): Promise<ItemWithUnit[]> {
  const rows = await db
    .select({ item: assessmentItems, unitName: units.name })
    .from(assessmentItems)
    .leftJoin(units, and(eq(units.id, assessmentItems.unitId), eq(units.regionCode, assessmentItems.regionCode)))
    .where(and(eq(assessmentItems.regionCode, regionCode), eq(assessmentItems.assessmentId, assessmentId)));
  return rows.map((r) => ({ ...r.item, unitName: r.unitName }));
}

export async function findItem(db: DbOrTx, regionCode: string, assessmentId: string, itemId: string, lock = false): Promise<ItemRow | undefined> {
  const query = db
    .select()
    .from(assessmentItems)
    .where(and(eq(assessmentItems.regionCode, regionCode), eq(assessmentItems.assessmentId, assessmentId), eq(assessmentItems.id, itemId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findItemWithUnit(db: DbOrTx, regionCode: string, assessmentId: string, itemId: string): Promise<ItemWithUnit | undefined> {
  const [row] = await db
    .select({ item: assessmentItems, unitName: units.name })
    .from(assessmentItems)
    .leftJoin(units, and(eq(units.id, assessmentItems.unitId), eq(units.regionCode, assessmentItems.regionCode)))
    .where(and(eq(assessmentItems.regionCode, regionCode), eq(assessmentItems.assessmentId, assessmentId), eq(assessmentItems.id, itemId)));
  return row === undefined ? undefined : { ...row.item, unitName: row.unitName };
}

/** The evidence of the given items (of one assessment), oldest first. */
export async function listEvidenceOfItems(db: DbOrTx, regionCode: string, itemIds: readonly string[]): Promise<AttachmentRow[]> {
  return listAttachments(db, regionCode, 'assessment_item', itemIds);
}

/** Whether a unit belongs to the region; the ids among `ids` that do. */
export async function unitsInRegion(db: DbOrTx, regionCode: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.regionCode, regionCode), inArray(units.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}
