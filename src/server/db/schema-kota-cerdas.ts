/**
 * Kota cerdas: a region's smart-city masterplan (six dimensions of elements, as data the region owns),
 * its programmes with funding per year and source, outputs with yearly KPI targets, links to the
 * region's innovations, and the lead unit's quarterly progress reports. Every table carries
 * `region_code` and every query filters by it (ARCHITECTURE.md, "Tenancy").
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { innovations, regions, units, users } from './schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const money = (name: string) => numeric(name, { precision: 18, scale: 2 });

/** A masterplan (Rencana Induk Kota Cerdas) adopted by a Perkada; a region may have several over time, one active. */
export const smartcityMasterplans = pgTable(
  'smartcity_masterplans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    title: text('title').notNull(),
    startYear: smallint('start_year').notNull(),
    endYear: smallint('end_year').notNull(),
    /** The RPJMD period it follows, as the region writes it ("RPJMD 2018–2023"). */
    rpjmdPeriod: text('rpjmd_period'),
    perkadaNumber: text('perkada_number'),
    perkadaDate: date('perkada_date', { mode: 'string' }),
    vision: text('vision').notNull().default(''),
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('smartcity_masterplans_region_idx').on(t.regionCode, t.startYear),
    uniqueIndex('smartcity_masterplans_one_active_uq').on(t.regionCode).where(sql`${t.isActive}`),
    check('smartcity_masterplans_years_check', sql`${t.startYear} <= ${t.endYear}`),
  ],
);

export const smartcityDimensions = pgTable(
  'smartcity_dimensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    masterplanId: uuid('masterplan_id')
      .notNull()
      .references(() => smartcityMasterplans.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    position: smallint('position').notNull(),
    baselineText: text('baseline_text').notNull().default(''),
    baselineFigure: numeric('baseline_figure', { precision: 20, scale: 4 }),
    baselineUnit: text('baseline_unit'),
  },
  (t) => [uniqueIndex('smartcity_dimensions_code_uq').on(t.masterplanId, t.code)],
);

export const smartcityElements = pgTable(
  'smartcity_elements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    dimensionId: uuid('dimension_id')
      .notNull()
      .references(() => smartcityDimensions.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    position: smallint('position').notNull(),
  },
  (t) => [uniqueIndex('smartcity_elements_code_uq').on(t.dimensionId, t.code)],
);

export const smartcityProgrammes = pgTable(
  'smartcity_programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    masterplanId: uuid('masterplan_id')
      .notNull()
      .references(() => smartcityMasterplans.id),
    elementId: uuid('element_id')
      .notNull()
      .references(() => smartcityElements.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** quick_win, jangka_pendek, jangka_menengah, jangka_panjang. */
    kind: text('kind').notNull(),
    /** A label such as "tahap I" for quick wins announced in batches. */
    stage: text('stage'),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => units.id),
    rpjmdProgramCode: text('rpjmd_program_code'),
    startYear: smallint('start_year').notNull(),
    startQuarter: smallint('start_quarter').notNull(),
    endYear: smallint('end_year').notNull(),
    endQuarter: smallint('end_quarter').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('smartcity_programmes_masterplan_idx').on(t.masterplanId),
    index('smartcity_programmes_region_idx').on(t.regionCode, t.name),
    index('smartcity_programmes_lead_idx').on(t.leadUnitId),
    uniqueIndex('smartcity_programmes_name_uq').on(t.masterplanId, sql`lower(${t.name})`),
    check('smartcity_programmes_kind_check', sql`${t.kind} in ('quick_win', 'jangka_pendek', 'jangka_menengah', 'jangka_panjang')`),
    check('smartcity_programmes_quarters_check', sql`${t.startQuarter} between 1 and 4 and ${t.endQuarter} between 1 and 4`),
    check('smartcity_programmes_span_check', sql`${t.startYear} * 4 + ${t.startQuarter} <= ${t.endYear} * 4 + ${t.endQuarter}`),
  ],
);

/** Units that support a programme besides its lead unit. */
export const smartcityProgrammeUnits = pgTable(
  'smartcity_programme_units',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => smartcityProgrammes.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.unitId] })],
);

/** Planned funding: one amount per year and source (apbd, apbn, csr, kpbu, hibah). */
export const smartcityFunding = pgTable(
  'smartcity_funding',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => smartcityProgrammes.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    source: text('source').notNull(),
    amount: money('amount').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.year, t.source] }),
    check('smartcity_funding_source_check', sql`${t.source} in ('apbd', 'apbn', 'csr', 'kpbu', 'hibah')`),
    check('smartcity_funding_amount_check', sql`${t.amount} >= 0`),
  ],
);

/** An output of a programme, measured by one KPI with a target per year. */
export const smartcityOutputs = pgTable(
  'smartcity_outputs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => smartcityProgrammes.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kpiName: text('kpi_name').notNull(),
    unitOfMeasure: text('unit_of_measure').notNull(),
    position: smallint('position').notNull(),
  },
  (t) => [index('smartcity_outputs_programme_idx').on(t.programmeId)],
);

export const smartcityOutputTargets = pgTable(
  'smartcity_output_targets',
  {
    outputId: uuid('output_id')
      .notNull()
      .references(() => smartcityOutputs.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    target: numeric('target', { precision: 20, scale: 4 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.outputId, t.year] })],
);

/** A programme carries out or builds on innovations of the region (shown on both sides). */
export const smartcityProgrammeInnovations = pgTable(
  'smartcity_programme_innovations',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => smartcityProgrammes.id, { onDelete: 'cascade' }),
    innovationId: uuid('innovation_id')
      .notNull()
      .references(() => innovations.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.innovationId] }), index('smartcity_programme_innovations_innovation_idx').on(t.innovationId)],
);

/** The lead unit's report of one quarter: status, budget realised, a note; KPI figures in the next table. */
export const smartcityProgressReports = pgTable(
  'smartcity_progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => smartcityProgrammes.id),
    year: smallint('year').notNull(),
    quarter: smallint('quarter').notNull(),
    /** berjalan, selesai, terhambat. */
    status: text('status').notNull(),
    obstacle: text('obstacle'),
    note: text('note').notNull().default(''),
    budgetRealised: money('budget_realised').notNull().default('0'),
    reportedBy: uuid('reported_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('smartcity_progress_quarter_uq').on(t.programmeId, t.year, t.quarter),
    check('smartcity_progress_status_check', sql`${t.status} in ('berjalan', 'selesai', 'terhambat')`),
    check('smartcity_progress_quarter_check', sql`${t.quarter} between 1 and 4`),
    check('smartcity_progress_obstacle_check', sql`${t.status} <> 'terhambat' or coalesce(${t.obstacle}, '') <> ''`),
    check('smartcity_progress_budget_check', sql`${t.budgetRealised} >= 0`),
  ],
);

/** KPI realisation of one output in a quarter, cumulative within the year. */
export const smartcityProgressFigures = pgTable(
  'smartcity_progress_figures',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => smartcityProgressReports.id, { onDelete: 'cascade' }),
    outputId: uuid('output_id')
      .notNull()
      .references(() => smartcityOutputs.id),
    realised: numeric('realised', { precision: 20, scale: 4 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.outputId] })],
);
