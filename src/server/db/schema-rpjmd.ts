/**
 * RPJMD: the region's five-year development plan (Rencana Pembangunan Jangka Menengah Daerah) as its
 * cascade misi → tujuan → sasaran → program, so smart-city programmes and innovations can name the RPJMD
 * programme they serve (by its code). Every table carries `region_code` and every query filters by it.
 */
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regions } from './schema.ts';

/** One RPJMD period of a region (e.g. 2018–2023), adopted by a Perda. */
export const rpjmdPeriods = pgTable(
  'rpjmd_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    title: text('title').notNull(),
    startYear: smallint('start_year').notNull(),
    endYear: smallint('end_year').notNull(),
    perdaNumber: text('perda_number'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rpjmd_periods_region_start_uq').on(t.regionCode, t.startYear),
    check('rpjmd_periods_years_check', sql`${t.startYear} <= ${t.endYear}`),
  ],
);

/**
 * One entry of the cascade. A misi has no parent; a tujuan's parent is a misi, a sasaran's a tujuan, a
 * program's a sasaran. The code is unique within the RPJMD, so a sheet can name a parent by its code.
 */
export const rpjmdEntries = pgTable(
  'rpjmd_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    rpjmdId: uuid('rpjmd_id')
      .notNull()
      .references(() => rpjmdPeriods.id, { onDelete: 'cascade' }),
    level: text('level').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => rpjmdEntries.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rpjmd_entries_code_uq').on(t.rpjmdId, t.code),
    index('rpjmd_entries_region_level_idx').on(t.regionCode, t.level, t.code),
    index('rpjmd_entries_parent_idx').on(t.parentId),
    check('rpjmd_entries_level_check', sql`${t.level} in ('misi', 'tujuan', 'sasaran', 'program')`),
  ],
);
