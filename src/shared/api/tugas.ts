/**
 * The contract of "Tugas saya" (`GET /api/v1/regions/{code}/my-tasks`): the signed-in user's work in a
 * region, grouped by kind for their role, overdue first. Each group carries at most a page of items
 * and the full count, so the home page stays fast however much is waiting.
 */
import { z } from 'zod';

export const TASK_KINDS = [
  /** Operator: innovations returned to the unit, with the verifier's note. */
  'returned_innovations',
  /** Operator: the unit's drafts not yet submitted. */
  'draft_innovations',
  /** Operator: indicators of an open self-assessment assigned to the unit and not yet filled. */
  'assigned_indicators',
  /** Operator: complaints in the unit's inbox not yet resolved. */
  'unit_complaints',
  /** Operator: quarterly reports owed by the smart-city programmes the unit leads. */
  'programme_reports',
  /** Verifikator and admin: innovations awaiting verification, oldest first. */
  'verification_queue',
  /** Juri: competition entries assigned to the judge and not yet scored. */
  'judging',
  /** Admin: competition entries awaiting administrative screening. */
  'entries_to_screen',
  /** Admin: reporting windows and deadlines closing within 14 days. */
  'deadlines',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** What a deadline item is: a period's reporting window, an assessment's filling deadline, a competition stage. */
export const DEADLINE_TAGS = ['period', 'assessment', 'competition_stage'] as const;

export const taskItem = z.object({
  id: z.string(),
  /** The record's own name (an innovation, a programme, a complaint's tracking code). */
  title: z.string(),
  /** Where it belongs (the unit, the assessment, the competition), or what it is about. */
  context: z.string().nullable(),
  /** The verifier's note of a returned innovation; a programme report's quarter ("2026 TW2"). */
  note: z.string().nullable(),
  /** The page in the web app. */
  link: z.string(),
  /** `YYYY-MM-DD` on the regional calendar. */
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  /** For deadlines: what closes (period, assessment, competition_stage); for judging: the stage code. */
  tag: z.string().nullable(),
});

export const taskGroup = z.object({
  kind: z.enum(TASK_KINDS),
  /** Every item of the kind, beyond the page listed. */
  total: z.number().int(),
  overdue: z.number().int(),
  items: z.array(taskItem),
});

export const myTasks = z
  .object({
    role: z.string(),
    /** `YYYY-MM-DD`: the day overdue is measured against. */
    today: z.string(),
    /** Items listed per kind at most. */
    limit: z.number().int(),
    groups: z.array(taskGroup),
  })
  .meta({ id: 'MyTasks' });

export type TaskItem = z.infer<typeof taskItem>;
export type TaskGroup = z.infer<typeof taskGroup>;
export type MyTasks = z.infer<typeof myTasks>;
