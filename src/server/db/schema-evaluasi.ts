/**
 * Hasil evaluasi: the assessor's result of a yearly evaluation (the smart-city evaluation, sent as a
 * letter by the ministry): findings overall and per pillar, the letter's number and date, and who
 * evaluated. The scores themselves stay on the assessment's items (the assessors' verified values), so
 * the index is always the engine's figure of those values; the letter document is an attachment of
 * owner `assessment_evaluation`. One result per assessment; carries `region_code` like every regional table.
 */
import { sql } from 'drizzle-orm';
import { check, date, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { assessments, regions } from './schema.ts';

/** The assessor's findings on one pillar (a top-level node of the framework, e.g. `outcome`). */
export interface PillarFinding {
  pillarId: string;
  findings: string;
}

export const assessmentEvaluations = pgTable(
  'assessment_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    /** Who evaluated (the ministry's directorate, the assessor team). */
    evaluator: text('evaluator').notNull().default(''),
    findings: text('findings').notNull().default(''),
    pillarFindings: jsonb('pillar_findings').$type<PillarFinding[]>().notNull().default([]),
    letterNumber: text('letter_number'),
    letterDate: date('letter_date', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assessment_evaluations_assessment_uq').on(t.assessmentId),
    // A letter is a number and a date together, or not yet there.
    check('assessment_evaluations_letter_check', sql`(${t.letterNumber} is null) = (${t.letterDate} is null)`),
  ],
);
