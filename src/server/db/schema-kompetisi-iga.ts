/**
 * IGA nominee preparation: the field-validation checklist of each nominee. Before the national team's
 * verifikasi lapangan, the region's own judges walk every IID indicator of the nominee innovation and
 * check that the evidence behind the answer holds. Only lines someone has checked are stored; an
 * indicator without a row is "belum diperiksa", so the checklist always follows the innovation's
 * current framework even when the framework changes.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { competitionEntries, competitions } from './schema-kompetisi.ts';
import { users } from './schema.ts';

export const competitionFieldChecks = pgTable(
  'competition_field_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    competitionId: uuid('competition_id')
      .notNull()
      .references(() => competitions.id, { onDelete: 'cascade' }),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => competitionEntries.id, { onDelete: 'cascade' }),
    /** The IID (SID) indicator of the innovation's framework. */
    indicatorId: text('indicator_id').notNull(),
    /** belum_diperiksa | sesuai | tidak_sesuai | perlu_perbaikan. */
    status: text('status').notNull().default('belum_diperiksa'),
    note: text('note').notNull().default(''),
    checkedBy: uuid('checked_by').references(() => users.id),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('competition_field_checks_entry_indicator_uq').on(t.entryId, t.indicatorId),
    index('competition_field_checks_competition_idx').on(t.competitionId),
    check('competition_field_checks_status_check', sql`${t.status} in ('belum_diperiksa', 'sesuai', 'tidak_sesuai', 'perlu_perbaikan')`),
  ],
);
