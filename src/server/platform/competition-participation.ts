/**
 * Who takes part in a national competition: the regions it lists, every regency and city of a province
 * it lists, or every region when it lists none. The competitions feature (which national competitions a
 * region sees and may enter) and the notices of an opened stage (whom a national registration is
 * announced to) both read the rule here, so the two never disagree.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { competitions, regions } from '#server/db/schema.ts';

/** The condition "this row of `competitions` is a national competition the region takes part in"; the region a code or a column. */
export function nationalCompetitionOpenTo(regionCode: string | AnyPgColumn): SQL {
  return sql`(${competitions.scope} = 'national' and (cardinality(${competitions.participantRegions}) = 0 or ${regionCode} = any(${competitions.participantRegions}) or exists (select 1 from ${regions} where ${regions.code} = ${regionCode} and ${regions.provinceCode} = any(${competitions.participantRegions}))))`;
}
