/**
 * The national evaluation of an SPBE or Indeks Pemdi self-assessment (after the region's own final):
 * its stage (penilaian dokumen → interview → visitasi → hasil) and the LHE decree; the external
 * assessor's sheet per indicator (flags, notes, recommendation, evidence promised at the interview,
 * the assessor's value); and the action plan (rencana aksi) that turns the recommendations into tasks
 * per unit, carried into the next year's self-assessment while open. The national index is never
 * stored: it is the engine's figure of the assessor's values. Every table carries `region_code`.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { assessments, regions, units, users } from './schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** One national evaluation per assessment. */
export const nationalEvaluations = pgTable(
  'national_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    stage: text('stage').notNull().default('penilaian_dokumen'),
    /** The KepmenPANRB / LHE that publishes the result: a number and a date together. */
    decreeNumber: text('decree_number'),
    decreeDate: date('decree_date', { mode: 'string' }),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('national_evaluations_assessment_uq').on(t.assessmentId),
    check('national_evaluations_stage_check', sql`${t.stage} in ('penilaian_dokumen', 'interview', 'visitasi', 'hasil')`),
    check('national_evaluations_decree_check', sql`(${t.decreeNumber} is null) = (${t.decreeDate} is null)`),
  ],
);

/** The external assessor's record of one indicator. */
export const nationalEvaluationItems = pgTable(
  'national_evaluation_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    indicatorId: text('indicator_id').notNull(),
    isUploaded: boolean('is_uploaded').notNull().default(false),
    isInterviewed: boolean('is_interviewed').notNull().default(false),
    isApproved: boolean('is_approved').notNull().default(false),
    catatan: text('catatan').notNull().default(''),
    rekomendasi: text('rekomendasi').notNull().default(''),
    /** Evidence the region promised at the interview, its due date and whether it was delivered. */
    promisedEvidence: text('promised_evidence'),
    promisedDue: date('promised_due', { mode: 'string' }),
    isPromiseDelivered: boolean('is_promise_delivered').notNull().default(false),
    /** Decimal text on the indicator's scale (a level "3", a Pemdi value "1.26"); null = not given. */
    assessorValue: text('assessor_value'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('national_evaluation_items_uq').on(t.assessmentId, t.indicatorId),
    index('national_evaluation_items_region_idx').on(t.regionCode),
  ],
);

/** One task of the action plan: a recommendation made work for a unit. */
export const actionPlanTasks = pgTable(
  'action_plan_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** The assessment whose national result recommended it. */
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    frameworkId: text('framework_id').notNull(),
    year: integer('year').notNull(),
    indicatorId: text('indicator_id').notNull(),
    recommendation: text('recommendation').notNull(),
    title: text('title').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    ownerId: uuid('owner_id').references(() => users.id),
    dueDate: date('due_date', { mode: 'string' }),
    progress: integer('progress').notNull().default(0),
    status: text('status').notNull().default('belum'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    index('action_plan_tasks_region_idx').on(t.regionCode, t.status),
    index('action_plan_tasks_assessment_idx').on(t.assessmentId),
    check('action_plan_tasks_status_check', sql`${t.status} in ('belum', 'berjalan', 'selesai', 'batal')`),
    check('action_plan_tasks_progress_check', sql`${t.progress} between 0 and 100`),
  ],
);
