/** Reads of the national evaluation and its action plan, always scoped to the region. */
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/client.ts';
import { actionPlanTasks, assessmentItems, assessments, nationalEvaluationItems, nationalEvaluations, units, users } from '#server/db/schema.ts';

export type AssessmentRow = typeof assessments.$inferSelect;
export type NationalRow = typeof nationalEvaluations.$inferSelect;
export type NationalItemRow = typeof nationalEvaluationItems.$inferSelect;

export async function findAssessmentRow(db: DbOrTx, regionCode: string, id: string, lock = false): Promise<AssessmentRow | undefined> {
  const q = db
    .select()
    .from(assessments)
    .where(and(eq(assessments.regionCode, regionCode), eq(assessments.id, id)));
  const [row] = lock ? await q.for('share') : await q;
  return row;
}

export async function findNational(db: DbOrTx, regionCode: string, assessmentId: string, lock = false): Promise<NationalRow | undefined> {
  const q = db
    .select()
    .from(nationalEvaluations)
    .where(and(eq(nationalEvaluations.regionCode, regionCode), eq(nationalEvaluations.assessmentId, assessmentId)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export function listNationalItems(db: DbOrTx, regionCode: string, assessmentId: string): Promise<NationalItemRow[]> {
  return db
    .select()
    .from(nationalEvaluationItems)
    .where(and(eq(nationalEvaluationItems.regionCode, regionCode), eq(nationalEvaluationItems.assessmentId, assessmentId)));
}

export function listSelfItems(db: DbOrTx, regionCode: string, assessmentId: string) {
  return db
    .select({
      indicatorId: assessmentItems.indicatorId,
      claimedValue: assessmentItems.claimedValue,
      verification: assessmentItems.verification,
      verifiedValue: assessmentItems.verifiedValue,
    })
    .from(assessmentItems)
    .where(and(eq(assessmentItems.regionCode, regionCode), eq(assessmentItems.assessmentId, assessmentId)));
}

const taskColumns = {
  task: actionPlanTasks,
  unitName: units.name,
  ownerName: users.displayName,
};

export type TaskRow = typeof actionPlanTasks.$inferSelect & { unitName: string | null; ownerName: string | null };

function flatten(rows: { task: typeof actionPlanTasks.$inferSelect; unitName: string | null; ownerName: string | null }[]): TaskRow[] {
  return rows.map((r) => ({ ...r.task, unitName: r.unitName, ownerName: r.ownerName }));
}

function taskQuery(db: DbOrTx) {
  return db
    .select(taskColumns)
    .from(actionPlanTasks)
    .leftJoin(units, eq(units.id, actionPlanTasks.unitId))
    .leftJoin(users, eq(users.id, actionPlanTasks.ownerId));
}

export async function listTasksOfAssessment(db: DbOrTx, regionCode: string, assessmentId: string): Promise<TaskRow[]> {
  return flatten(
    await taskQuery(db)
      .where(and(eq(actionPlanTasks.regionCode, regionCode), eq(actionPlanTasks.assessmentId, assessmentId)))
      .orderBy(asc(actionPlanTasks.dueDate), asc(actionPlanTasks.createdAt)),
  );
}

/** Open tasks of earlier years of the same framework: they carry into this year's self-assessment. */
export async function listCarriedTasks(db: DbOrTx, regionCode: string, frameworkId: string, year: number): Promise<TaskRow[]> {
  return flatten(
    await taskQuery(db)
      .where(
        and(
          eq(actionPlanTasks.regionCode, regionCode),
          eq(actionPlanTasks.frameworkId, frameworkId),
          lt(actionPlanTasks.year, year),
          inArray(actionPlanTasks.status, ['belum', 'berjalan']),
        ),
      )
      .orderBy(desc(actionPlanTasks.year), asc(actionPlanTasks.dueDate)),
  );
}

export async function listRegionTasks(db: DbOrTx, regionCode: string, statuses: readonly string[] | null, q: string | undefined): Promise<TaskRow[]> {
  const conditions = [eq(actionPlanTasks.regionCode, regionCode)];
  if (statuses) conditions.push(inArray(actionPlanTasks.status, [...statuses]));
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`(${actionPlanTasks.title} ilike ${like} or ${actionPlanTasks.recommendation} ilike ${like} or ${actionPlanTasks.indicatorId} = ${q})`,
    );
  }
  return flatten(
    await taskQuery(db)
      .where(and(...conditions))
      .orderBy(sql`${actionPlanTasks.dueDate} asc nulls last`, desc(actionPlanTasks.year), asc(actionPlanTasks.indicatorId))
      .limit(1000),
  );
}

export async function findTask(db: DbOrTx, regionCode: string, assessmentId: string, taskId: string, lock = false) {
  const q = db
    .select()
    .from(actionPlanTasks)
    .where(and(eq(actionPlanTasks.regionCode, regionCode), eq(actionPlanTasks.assessmentId, assessmentId), eq(actionPlanTasks.id, taskId)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function unitInRegion(db: DbOrTx, regionCode: string, unitId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.regionCode, regionCode), eq(units.id, unitId)));
  return row !== undefined;
}

export async function userInRegion(db: DbOrTx, regionCode: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.regionCode, regionCode), eq(users.id, userId), eq(users.isActive, true)));
  return row !== undefined;
}
