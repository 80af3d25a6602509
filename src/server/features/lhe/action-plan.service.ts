/**
 * The action plan (rencana aksi): the national recommendations made work. Each task names the
 * indicator, the recommendation, the unit and the person who answers for it, a due date, progress and
 * the evidence of completion; open tasks past their due date (WIB day) are flagged, and open tasks of
 * earlier years carry into the next self-assessment of the same framework, shown on its indicators.
 * Managers (`assessments.manage`) plan and remove tasks; the task's owner reports progress and evidence.
 */
import { and, eq } from 'drizzle-orm';
import { type Actor, can } from '#domain/access/roles.ts';
import { indicatorsById } from '#domain/assessments/indicators.ts';
import { isTaskOverdue, wibDay } from '#domain/assessments/national.ts';
import type { z } from 'zod';
import type { ActionTask, ActionTaskList, RegionTaskList, regionTaskQuery, taskCreateInput, taskUpdateInput } from '#shared/api/national.ts';
import type { Db, DbOrTx } from '#server/db/client.ts';
import { actionPlanTasks, nationalEvaluationItems } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import {
  type AttachmentRow,
  attachFile,
  detachAttachment,
  type FileUpload,
  listAttachments,
  openAttachment,
  type ReleaseResult,
  releaseBlob,
} from '#server/platform/attachments/attachments.ts';
import { recordAudit } from '#server/platform/audit.ts';
import {
  findAssessmentRow,
  findNational,
  findTask,
  listCarriedTasks,
  listRegionTasks as queryRegionTasks,
  listTasksOfAssessment,
  type TaskRow,
  unitInRegion,
  userInRegion,
} from './national.queries.ts';
import { frameworkOfAssessment } from './national.service.ts';

const manages = (actor: Actor, regionCode: string) => can(actor, 'assessments.manage', regionCode);
const OPEN = ['belum', 'berjalan'] as const;

function present(actor: Actor, row: TaskRow, evidence: AttachmentRow[], today: string): ActionTask {
  const isManager = manages(actor, row.regionCode);
  const status = row.status as ActionTask['status'];
  return {
    id: row.id,
    assessmentId: row.assessmentId,
    frameworkId: row.frameworkId,
    year: row.year,
    indicatorId: row.indicatorId,
    title: row.title,
    recommendation: row.recommendation,
    unitId: row.unitId,
    unitName: row.unitName,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    dueDate: row.dueDate,
    progress: row.progress,
    status,
    note: row.note,
    isOverdue: isTaskOverdue(row, today),
    evidence: evidence.map((e) => ({ id: e.id, title: e.title, fileName: e.fileName, url: e.url })),
    version: row.version,
    can: { edit: isManager, report: isManager || (row.ownerId !== null && row.ownerId === actor.id), remove: isManager },
  };
}

async function presentAll(db: DbOrTx, actor: Actor, regionCode: string, rows: TaskRow[], now: Date): Promise<ActionTask[]> {
  const evidence = await listAttachments(
    db,
    regionCode,
    'action_plan_task',
    rows.map((r) => r.id),
  );
  const byTask = new Map<string, AttachmentRow[]>();
  for (const e of evidence) byTask.set(e.ownerId, [...(byTask.get(e.ownerId) ?? []), e]);
  const today = wibDay(now);
  return rows.map((r) => present(actor, r, byTask.get(r.id) ?? [], today));
}

/** The tasks of an assessment's national result, and the open tasks of earlier years carried into it. */
export async function listTasks(db: Db, actor: Actor, regionCode: string, assessmentId: string, now: Date): Promise<ActionTaskList> {
  if (!can(actor, 'assessments.read', regionCode)) throw new AppError('FORBIDDEN');
  const assessment = await findAssessmentRow(db, regionCode, assessmentId);
  if (!assessment) throw new AppError('NOT_FOUND');
  const own = await listTasksOfAssessment(db, regionCode, assessmentId);
  const carried = await listCarriedTasks(db, regionCode, assessment.frameworkId, assessment.year);
  const national = await findNational(db, regionCode, assessmentId);
  return {
    items: await presentAll(db, actor, regionCode, own, now),
    carried: await presentAll(db, actor, regionCode, carried, now),
    can: { create: manages(actor, regionCode) && national !== undefined },
  };
}

/** Every action-plan task of the region (open ones by default), overdue flagged. */
export async function listRegionTasks(
  db: Db,
  actor: Actor,
  regionCode: string,
  query: z.output<typeof regionTaskQuery>,
  now: Date,
): Promise<RegionTaskList> {
  if (!can(actor, 'assessments.read', regionCode)) throw new AppError('FORBIDDEN');
  const statuses = query.status === 'all' ? null : query.status === 'open' ? OPEN : [query.status];
  const rows = await queryRegionTasks(db, regionCode, statuses, query.q);
  return { items: await presentAll(db, actor, regionCode, rows, now) };
}

async function checkPeople(tx: DbOrTx, regionCode: string, unitId: string | null, ownerId: string | null) {
  const issues: { field: string; reason: string }[] = [];
  if (unitId !== null && !(await unitInRegion(tx, regionCode, unitId)))
    issues.push({ field: 'body.unitId', reason: 'Unit tidak ditemukan di daerah ini' });
  if (ownerId !== null && !(await userInRegion(tx, regionCode, ownerId)))
    issues.push({ field: 'body.ownerId', reason: 'Penanggung jawab bukan pengguna aktif daerah ini' });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { issues });
}

async function requireNational(tx: DbOrTx, regionCode: string, assessmentId: string) {
  const assessment = await findAssessmentRow(tx, regionCode, assessmentId, true);
  if (!assessment) throw new AppError('NOT_FOUND');
  const national = await findNational(tx, regionCode, assessmentId);
  if (!national) {
    throw new AppError('NATIONAL_EVALUATION_CLOSED', {
      issues: [{ field: 'stage', reason: 'Rencana aksi disusun dari rekomendasi evaluasi nasional; buka evaluasi nasional dahulu' }],
    });
  }
  return assessment;
}

async function recommendationOf(tx: DbOrTx, regionCode: string, assessmentId: string, indicatorId: string): Promise<string> {
  const [row] = await tx
    .select({ rekomendasi: nationalEvaluationItems.rekomendasi })
    .from(nationalEvaluationItems)
    .where(
      and(
        eq(nationalEvaluationItems.regionCode, regionCode),
        eq(nationalEvaluationItems.assessmentId, assessmentId),
        eq(nationalEvaluationItems.indicatorId, indicatorId),
      ),
    );
  return row?.rekomendasi ?? '';
}

/** Plans one task on an indicator; the recommendation defaults to the assessor's. */
export async function createTask(
  ctx: ServiceContext,
  regionCode: string,
  assessmentId: string,
  input: z.output<typeof taskCreateInput>,
): Promise<string> {
  if (!manages(ctx.actor, regionCode)) throw new AppError('FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    const assessment = await requireNational(tx, regionCode, assessmentId);
    const framework = await frameworkOfAssessment(tx, assessment);
    if (!indicatorsById(framework).has(input.indicatorId)) {
      throw fieldError('body.indicatorId', `Indikator ${input.indicatorId} tidak ada dalam ${framework.name}`);
    }
    await checkPeople(tx, regionCode, input.unitId, input.ownerId);
    const recommendation = input.recommendation ?? (await recommendationOf(tx, regionCode, assessmentId, input.indicatorId));
    const [created] = await tx
      .insert(actionPlanTasks)
      .values({
        regionCode,
        assessmentId,
        frameworkId: assessment.frameworkId,
        year: assessment.year,
        indicatorId: input.indicatorId,
        title: input.title,
        recommendation,
        unitId: input.unitId,
        ownerId: input.ownerId,
        dueDate: input.dueDate,
        createdBy: ctx.actor.id,
        updatedBy: ctx.actor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    if (!created) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, {
      action: 'action_plan.task_created',
      entityType: 'action_plan_task',
      entityId: created.id,
      regionCode,
      after: {
        assessmentId,
        indicatorId: created.indicatorId,
        title: created.title,
        unitId: created.unitId,
        ownerId: created.ownerId,
        dueDate: created.dueDate,
      },
    });
    return created.id;
  });
}

/**
 * Makes each assessor recommendation that has no task yet into a task (unassigned, to be planned):
 * the usual first step after the LHE. Returns how many were made.
 */
export async function tasksFromRecommendations(ctx: ServiceContext, regionCode: string, assessmentId: string): Promise<number> {
  if (!manages(ctx.actor, regionCode)) throw new AppError('FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    const assessment = await requireNational(tx, regionCode, assessmentId);
    const framework = await frameworkOfAssessment(tx, assessment);
    const names = indicatorsById(framework);
    const recs = await tx
      .select({ indicatorId: nationalEvaluationItems.indicatorId, rekomendasi: nationalEvaluationItems.rekomendasi })
      .from(nationalEvaluationItems)
      .where(and(eq(nationalEvaluationItems.regionCode, regionCode), eq(nationalEvaluationItems.assessmentId, assessmentId)));
    const planned = new Set((await listTasksOfAssessment(tx, regionCode, assessmentId)).map((t) => t.indicatorId));
    const fresh = recs.filter((r) => r.rekomendasi !== '' && !planned.has(r.indicatorId));
    if (fresh.length === 0) return 0;
    await tx.insert(actionPlanTasks).values(
      fresh.map((r) => ({
        regionCode,
        assessmentId,
        frameworkId: assessment.frameworkId,
        year: assessment.year,
        indicatorId: r.indicatorId,
        title: `Tindak lanjut indikator ${r.indicatorId}: ${names.get(r.indicatorId)?.name ?? ''}`.slice(0, 300),
        recommendation: r.rekomendasi,
        createdBy: ctx.actor.id,
        updatedBy: ctx.actor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'action_plan.tasks_from_recommendations',
      entityType: 'assessment',
      entityId: assessmentId,
      regionCode,
      after: { indicators: fresh.map((r) => r.indicatorId) },
    });
    return fresh.length;
  });
}

const taskAudit = (t: typeof actionPlanTasks.$inferSelect) => ({
  title: t.title,
  unitId: t.unitId,
  ownerId: t.ownerId,
  dueDate: t.dueDate,
  progress: t.progress,
  status: t.status,
  note: t.note,
});

/**
 * Edits a task. A manager changes anything; the task's owner reports progress, status and a note only
 * (changing the plan itself, who or when, stays with the managers).
 */
export async function updateTask(
  ctx: ServiceContext,
  regionCode: string,
  assessmentId: string,
  taskId: string,
  input: z.output<typeof taskUpdateInput>,
): Promise<ActionTask> {
  if (!can(ctx.actor, 'assessments.read', regionCode)) throw new AppError('FORBIDDEN');
  await ctx.db.transaction(async (tx) => {
    const task = await findTask(tx, regionCode, assessmentId, taskId, true);
    if (!task) throw new AppError('NOT_FOUND');
    const isManager = manages(ctx.actor, regionCode);
    const isOwner = task.ownerId !== null && task.ownerId === ctx.actor.id;
    if (!isManager && !isOwner) throw new AppError('FORBIDDEN');
    if (task.version !== input.version) throw new AppError('STALE_VERSION');
    if (
      !isManager &&
      (input.title !== task.title || input.unitId !== task.unitId || input.ownerId !== task.ownerId || input.dueDate !== task.dueDate)
    ) {
      throw new AppError('FORBIDDEN', { detail: 'an owner reports progress only' });
    }
    if (isManager) await checkPeople(tx, regionCode, input.unitId, input.ownerId);
    if (input.status === 'selesai' && input.progress !== 100) throw fieldError('body.progress', 'Tugas selesai harus berprogres 100');
    const isDone = input.status === 'selesai';
    const [updated] = await tx
      .update(actionPlanTasks)
      .set({
        title: input.title,
        unitId: input.unitId,
        ownerId: input.ownerId,
        dueDate: input.dueDate,
        progress: input.progress,
        status: input.status,
        note: input.note,
        completedAt: isDone ? (task.completedAt ?? ctx.now) : null,
        version: task.version + 1,
        updatedBy: ctx.actor.id,
        updatedAt: ctx.now,
      })
      .where(and(eq(actionPlanTasks.id, task.id), eq(actionPlanTasks.version, task.version)))
      .returning();
    if (!updated) throw new AppError('STALE_VERSION');
    await recordAudit(tx, ctx, {
      action: 'action_plan.task_updated',
      entityType: 'action_plan_task',
      entityId: task.id,
      regionCode,
      before: taskAudit(task),
      after: taskAudit(updated),
    });
  });
  return loadTask(ctx.db, ctx.actor, regionCode, assessmentId, taskId, ctx.now);
}

async function loadTask(db: Db, actor: Actor, regionCode: string, assessmentId: string, taskId: string, now: Date): Promise<ActionTask> {
  const rows = (await listTasksOfAssessment(db, regionCode, assessmentId)).filter((t) => t.id === taskId);
  const [task] = await presentAll(db, actor, regionCode, rows, now);
  if (!task) throw new AppError('NOT_FOUND');
  return task;
}

/** Removes a task and its evidence (the blobs go once nothing else uses them). */
export async function deleteTask(ctx: ServiceContext, storage: BlobStorage, regionCode: string, assessmentId: string, taskId: string): Promise<void> {
  if (!manages(ctx.actor, regionCode)) throw new AppError('FORBIDDEN');
  const removed = await ctx.db.transaction(async (tx) => {
    const task = await findTask(tx, regionCode, assessmentId, taskId, true);
    if (!task) throw new AppError('NOT_FOUND');
    const owner = { regionCode, ownerType: 'action_plan_task' as const, ownerId: task.id };
    const files = await listAttachments(tx, regionCode, 'action_plan_task', [task.id]);
    const gone = [];
    for (const f of files)
      gone.push(await detachAttachment(tx, ctx, owner, f.id, { action: 'action_plan.evidence_removed', entityType: 'action_plan_evidence' }));
    await tx.delete(actionPlanTasks).where(eq(actionPlanTasks.id, task.id));
    await recordAudit(tx, ctx, {
      action: 'action_plan.task_deleted',
      entityType: 'action_plan_task',
      entityId: task.id,
      regionCode,
      before: taskAudit(task),
    });
    return gone;
  });
  for (const r of removed) await releaseBlob(ctx.db, storage, r.storageKey);
}

async function beginEvidence(ctx: ServiceContext, tx: DbOrTx, regionCode: string, assessmentId: string, taskId: string) {
  const task = await findTask(tx, regionCode, assessmentId, taskId, true);
  if (!task) throw new AppError('NOT_FOUND');
  const isOwner = task.ownerId !== null && task.ownerId === ctx.actor.id;
  if (!manages(ctx.actor, regionCode) && !isOwner) throw new AppError('FORBIDDEN');
  return { regionCode, ownerType: 'action_plan_task' as const, ownerId: task.id };
}

/** Attaches evidence of completion (PDF or image, checked by its bytes). */
export async function addTaskEvidence(
  ctx: ServiceContext,
  storage: BlobStorage,
  limits: { maxUploadBytes: number },
  regionCode: string,
  assessmentId: string,
  taskId: string,
  upload: FileUpload,
): Promise<ActionTask> {
  await ctx.db.transaction(async (tx) => {
    const owner = await beginEvidence(ctx, tx, regionCode, assessmentId, taskId);
    await attachFile(tx, ctx, storage, { ...owner, slot: 'umum' }, upload, limits, {
      action: 'action_plan.evidence_added',
      entityType: 'action_plan_evidence',
    });
  });
  return loadTask(ctx.db, ctx.actor, regionCode, assessmentId, taskId, ctx.now);
}

export async function removeTaskEvidence(
  ctx: ServiceContext,
  storage: BlobStorage,
  regionCode: string,
  assessmentId: string,
  taskId: string,
  evidenceId: string,
): Promise<ReleaseResult> {
  const removed = await ctx.db.transaction(async (tx) => {
    const owner = await beginEvidence(ctx, tx, regionCode, assessmentId, taskId);
    return detachAttachment(tx, ctx, owner, evidenceId, { action: 'action_plan.evidence_removed', entityType: 'action_plan_evidence' });
  });
  return releaseBlob(ctx.db, storage, removed.storageKey);
}

export async function openTaskEvidence(db: Db, storage: BlobStorage, regionCode: string, assessmentId: string, taskId: string, evidenceId: string) {
  const task = await findTask(db, regionCode, assessmentId, taskId);
  if (!task) throw new AppError('NOT_FOUND');
  return openAttachment(db, storage, { regionCode, ownerType: 'action_plan_task', ownerId: task.id }, evidenceId);
}
