/**
 * The national validation result of a region's IID period, as the national application (Kemendagri/BSKDN)
 * publishes it and the region's admin imports it: the region's index, rank and predicate, and per innovation
 * the national score and status. Kept beside the region's own claimed and verified figures so the period page
 * shows the three side by side. A new import of a period replaces the previous one (one current result).
 * Every table carries `region_code` and every query filters by it (ARCHITECTURE.md, "Tenancy").
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { innovations, periods, regions } from './schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** The region's national figures for one period: one row per period. */
export const iidNationalResults = pgTable(
  'iid_national_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id),
    /** The index as the national application published it (two decimals, already rounded there). */
    nationalIndex: numeric('national_index', { precision: 6, scale: 2 }),
    nationalRank: integer('national_rank'),
    predicate: text('predicate'),
    /** The uploaded file's name, to tell the clerk which sheet the figures came from. */
    fileName: text('file_name').notNull().default(''),
    importedBy: uuid('imported_by'),
    importedAt: createdAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('iid_national_results_period_uq').on(t.periodId),
    index('iid_national_results_region_idx').on(t.regionCode),
    check('iid_national_results_rank_check', sql`${t.nationalRank} is null or ${t.nationalRank} >= 1`),
  ],
);

/** One innovation's national score and status in that result. */
export const iidNationalInnovationResults = pgTable(
  'iid_national_innovation_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id),
    innovationId: uuid('innovation_id')
      .notNull()
      .references(() => innovations.id),
    nationalScore: numeric('national_score', { precision: 10, scale: 2 }),
    nationalStatus: text('national_status').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('iid_national_innovation_results_uq').on(t.periodId, t.innovationId),
    index('iid_national_innovation_results_region_idx').on(t.regionCode, t.periodId),
  ],
);
