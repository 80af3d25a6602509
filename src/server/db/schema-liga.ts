/**
 * Liga OPD: the weights a region gives each component of its unit league table, for one year or as its
 * standing choice (year null). A year without its own row uses the standing choice, else the defaults
 * in `domain/liga/league.ts`. Carries `region_code` like every regional table.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, smallint, timestamp, uniqueIndex, uuid, text } from 'drizzle-orm/pg-core';
import { regions } from './schema.ts';

const weight = (name: string) => smallint(`${name}_weight`).notNull();
const enabled = (name: string) => boolean(`${name}_enabled`).notNull().default(true);

export const leagueWeights = pgTable(
  'league_weights',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** null: the region's weights for every year without its own row. */
    year: smallint('year'),
    innovationsWeight: weight('innovations'),
    innovationsEnabled: enabled('innovations'),
    ikmWeight: weight('ikm'),
    ikmEnabled: enabled('ikm'),
    assessmentsWeight: weight('assessments'),
    assessmentsEnabled: enabled('assessments'),
    complaintsWeight: weight('complaints'),
    complaintsEnabled: enabled('complaints'),
    programmesWeight: weight('programmes'),
    programmesEnabled: enabled('programmes'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('league_weights_region_year_uq').on(t.regionCode, sql`coalesce(${t.year}, 0)`),
    check(
      'league_weights_range_check',
      sql`least(${t.innovationsWeight}, ${t.ikmWeight}, ${t.assessmentsWeight}, ${t.complaintsWeight}, ${t.programmesWeight}) >= 0 and greatest(${t.innovationsWeight}, ${t.ikmWeight}, ${t.assessmentsWeight}, ${t.complaintsWeight}, ${t.programmesWeight}) <= 100`,
    ),
  ],
);
