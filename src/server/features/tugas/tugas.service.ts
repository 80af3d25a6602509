/**
 * "Tugas saya": the signed-in user's work in a region, by role. An operator sees their unit's returned
 * innovations (with the verifier's note), drafts, assigned indicators, open complaints and the
 * smart-city reports their unit owes; a verifier the verification queue; a judge the entries to score;
 * a regional admin what waits on them (verification, screening) and what closes within 14 days.
 * A leader (pimpinan) has nothing waiting on them here. The reads are the platform's (platform/tasks).
 */
import type { Role } from '#domain/access/roles.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { digestDay } from '#server/platform/mail/digest.ts';
import {
  assignedIndicators,
  closingDeadlines,
  draftInnovations,
  entriesToScreen,
  judgingSheets,
  programmeReports,
  returnedInnovations,
  type TaskQuery,
  type TaskScope,
  taskGroups,
  unitComplaints,
  verificationQueue,
} from '#server/platform/tasks/my-tasks.ts';
import type { MyTasks, TaskKind } from '#shared/api/tugas.ts';

/** Items listed per kind; the group's total says how many more there are. */
export const TASKS_PER_KIND = 20;

function kindsFor(role: Role, actor: { id: string; unitId: string | null }): [TaskKind, TaskQuery][] {
  switch (role) {
    case 'operator': {
      const unitId = actor.unitId;
      // An operator without a unit has no unit's work to do.
      if (!unitId) return [];
      return [
        ['returned_innovations', (s) => returnedInnovations(s, unitId)],
        ['programme_reports', (s) => programmeReports(s, unitId)],
        ['assigned_indicators', (s) => assignedIndicators(s, unitId)],
        ['unit_complaints', (s) => unitComplaints(s, unitId)],
        ['draft_innovations', (s) => draftInnovations(s, unitId)],
      ];
    }
    case 'verifikator':
      return [['verification_queue', verificationQueue]];
    case 'juri':
      return [['judging', (s) => judgingSheets(s, actor.id)]];
    case 'admin_daerah':
    case 'admin_nasional':
      return [
        ['verification_queue', verificationQueue],
        ['entries_to_screen', entriesToScreen],
        ['deadlines', closingDeadlines],
      ];
    case 'pimpinan':
      return [];
  }
}

export async function myTasks(ctx: ServiceContext, regionCode: string): Promise<MyTasks> {
  const today = digestDay(ctx.now);
  const scope: TaskScope = { db: ctx.db, regionCode, today, now: ctx.now, limit: TASKS_PER_KIND };
  const groups = await taskGroups(scope, kindsFor(ctx.actor.role, ctx.actor));
  return { role: ctx.actor.role, today, limit: TASKS_PER_KIND, groups };
}
