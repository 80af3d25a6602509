/**
 * The figures a region enters for the SPD indicators whose parameters are thresholds on a figure (a
 * poverty or unemployment rate, an audit opinion; `scale.figure` of the IID framework): the figure as
 * entered, and where it comes from. The parameter itself stays in `iid_answers`, chosen by the server
 * from the figure. Every row carries `region_code` and every query filters by it.
 */
import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { periods, regions, users } from './schema.ts';

export const iidSpdFigures = pgTable(
  'iid_spd_figures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id, { onDelete: 'cascade' }),
    indicatorId: text('indicator_id').notNull(),
    /** A decimal with a dot, or a category key (WTP), exactly as entered. */
    value: text('value').notNull(),
    /** Where the figure comes from (BPS release, LHP BPK), as text. */
    source: text('source').notNull(),
    sourceUrl: text('source_url'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('iid_spd_figures_uq').on(t.periodId, t.indicatorId)],
);
