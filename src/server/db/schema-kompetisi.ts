/**
 * Kompetisi inovasi: a region's innovation competitions (its own lomba inovasi daerah, the KIPP
 * pre-selection, the IGA nominee choice) with their stages, the entries of its units' innovations,
 * the judges of each stage, the judges' score sheets and the results of each locked stage. The
 * scoring itself is the pure engine in src/domain/competition; these tables keep its inputs and what
 * it answered when the admin locked a stage, so a published ranking never changes afterwards.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { innovations, regions, units, users } from './schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * One competition of a region and year (or, run by the national admin, across regions): its
 * categories, eligibility rules and proposal sections as data.
 */
export const competitions = pgTable(
  'competitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The region that runs it; null for a national competition, which no region owns. */
    regionCode: text('region_code').references(() => regions.code),
    /** region: one region's own competition; national: the national admin's, open to many regions. */
    scope: text('scope').notNull().default('region'),
    /**
     * For a national competition, the provinces and regions that may enter (a province admits every
     * region under it); empty means every region of the install.
     */
    participantRegions: text('participant_regions').array().notNull().default(sql`'{}'::text[]`),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull().default(''),
    /** [{code, name}]: KIPP umum/replikasi/khusus, or clusters (OPD, kecamatan, sekolah, puskesmas). */
    categories: jsonb('categories').$type<{ code: string; name: string }[]>().notNull(),
    /** The engine's EligibilityRules, as the admin set them. */
    eligibility: jsonb('eligibility').$type<Record<string, unknown>>().notNull(),
    /** The proposal's sections in order: [{code, title, guidance, wordLimit}]. */
    sections: jsonb('sections').$type<{ code: string; title: string; guidance: string; wordLimit: number }[]>().notNull(),
    /** draft → berjalan → ditetapkan → diumumkan. */
    status: text('status').notNull().default('draft'),
    decreeNumber: text('decree_number'),
    decreeDate: date('decree_date', { mode: 'string' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('competitions_region_year_idx').on(t.regionCode, t.year),
    index('competitions_scope_idx').on(t.scope, t.status),
    check(
      'competitions_scope_check',
      sql`(${t.scope} = 'region' and ${t.regionCode} is not null) or (${t.scope} = 'national' and ${t.regionCode} is null)`,
    ),
    check('competitions_status_check', sql`${t.status} in ('draft', 'berjalan', 'ditetapkan', 'diumumkan')`),
    check('competitions_kind_check', sql`${t.kind} in ('lomba_inovasi_daerah', 'kipp_preselection', 'iga_nominee', 'lainnya')`),
  ],
);

/** The stages the admin picked, in order, with their dates and (for a scored stage) rubric and rules. */
export const competitionStages = pgTable(
  'competition_stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    competitionId: uuid('competition_id')
      .notNull()
      .references(() => competitions.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    position: integer('position').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** A shipped rubric's code; set on the scored stages only. */
    rubricCode: text('rubric_code'),
    judgesPerEntry: integer('judges_per_entry').notNull().default(3),
    /** none, top (advanceN per category) or passing (passingScore). */
    advanceKind: text('advance_kind').notNull().default('none'),
    advanceN: integer('advance_n'),
    passingScore: numeric('passing_score', { precision: 7, scale: 2 }),
    /** Percent of the final score. */
    weight: numeric('weight', { precision: 7, scale: 2 }).notNull().default('0'),
    normalise: boolean('normalise').notNull().default(false),
    /** menunggu → berjalan → dikunci. */
    status: text('status').notNull().default('menunggu'),
    /** Outliers the engine flagged when the stage was locked: [{entryId, judgeId, deviation}]. */
    outliers: jsonb('outliers').$type<{ entryId: string; judgeId: string; deviation: string }[]>().notNull().default([]),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    advancedAt: timestamp('advanced_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('competition_stages_code_uq').on(t.competitionId, t.code),
    check(
      'competition_stages_code_check',
      sql`${t.code} in ('pendaftaran', 'seleksi_administrasi', 'penilaian_proposal', 'presentasi', 'verifikasi_lapangan', 'penetapan')`,
    ),
    check('competition_stages_status_check', sql`${t.status} in ('menunggu', 'berjalan', 'dikunci')`),
    check('competition_stages_advance_check', sql`${t.advanceKind} in ('none', 'top', 'passing')`),
    check('competition_stages_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** An innovation entered in a category; its proposal sections and video link. */
export const competitionEntries = pgTable(
  'competition_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    competitionId: uuid('competition_id')
      .notNull()
      .references(() => competitions.id, { onDelete: 'cascade' }),
    innovationId: uuid('innovation_id')
      .notNull()
      .references(() => innovations.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    category: text('category').notNull(),
    /** Section code → text. */
    sections: jsonb('sections').$type<Record<string, string>>().notNull().default({}),
    videoUrl: text('video_url'),
    /** draft → diajukan → lolos / tidak_lolos (seleksi administrasi). */
    status: text('status').notNull().default('draft'),
    screeningReason: text('screening_reason'),
    screenedAt: timestamp('screened_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** The last stage whose advance this entry passed (null: none yet). */
    reachedStage: text('reached_stage'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('competition_entries_innovation_uq').on(t.competitionId, t.innovationId),
    index('competition_entries_competition_idx').on(t.competitionId, t.category),
    index('competition_entries_unit_idx').on(t.unitId),
    check('competition_entries_status_check', sql`${t.status} in ('draft', 'diajukan', 'lolos', 'tidak_lolos')`),
  ],
);

/** A judge (a user with the juri role) on a stage's panel, with the conflicts they declared. */
export const competitionJudges = pgTable(
  'competition_judges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    competitionId: uuid('competition_id')
      .notNull()
      .references(() => competitions.id, { onDelete: 'cascade' }),
    stageId: uuid('stage_id')
      .notNull()
      .references(() => competitionStages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    conflictEntryIds: jsonb('conflict_entry_ids').$type<string[]>().notNull().default([]),
    conflictUnitIds: jsonb('conflict_unit_ids').$type<string[]>().notNull().default([]),
    conflictNote: text('conflict_note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('competition_judges_stage_user_uq').on(t.stageId, t.userId), index('competition_judges_user_idx').on(t.userId)],
);

/**
 * One judge's score sheet for one entry in one stage. The assignment IS the sheet: the engine's
 * assignment creates the empty sheets, the judge fills and submits them.
 */
export const competitionSheets = pgTable(
  'competition_sheets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    stageId: uuid('stage_id')
      .notNull()
      .references(() => competitionStages.id, { onDelete: 'cascade' }),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => competitionEntries.id, { onDelete: 'cascade' }),
    judgeUserId: uuid('judge_user_id')
      .notNull()
      .references(() => users.id),
    /** Criterion code → score (decimal text on the rubric's scale). */
    scores: jsonb('scores').$type<Record<string, string>>().notNull().default({}),
    comments: jsonb('comments').$type<Record<string, string>>().notNull().default({}),
    /** draft → submitted (reopened by the admin back to draft, with a reason). */
    status: text('status').notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reopenReason: text('reopen_reason'),
    version: integer('version').notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('competition_sheets_uq').on(t.stageId, t.entryId, t.judgeUserId),
    index('competition_sheets_judge_idx').on(t.judgeUserId),
    check('competition_sheets_status_check', sql`${t.status} in ('draft', 'submitted')`),
  ],
);

/** What the engine answered for an entry when its stage was locked (and, for penetapan, the final ranking). */
export const competitionResults = pgTable(
  'competition_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    stageId: uuid('stage_id')
      .notNull()
      .references(() => competitionStages.id, { onDelete: 'cascade' }),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => competitionEntries.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    score: numeric('score', { precision: 7, scale: 2 }).notNull(),
    rank: integer('rank').notNull(),
    tied: boolean('tied').notNull().default(false),
    judgeCount: integer('judge_count').notNull().default(0),
    perCriterion: jsonb('per_criterion').$type<Record<string, string>>().notNull().default({}),
    advanced: boolean('advanced').notNull().default(false),
  },
  (t) => [uniqueIndex('competition_results_uq').on(t.stageId, t.entryId)],
);
