/**
 * The full-text search condition every searchable list shares: Postgres' `indonesian` configuration on
 * a `search_vector` column, widened by the synonym dictionary (spelling variants such as akte/akta and
 * antrian/antrean, `src/domain/search/`), and the fragment-of-a-name match (ILIKE) widened the same way.
 *
 * The query keeps websearch syntax ("a phrase", -excluded, or): it is parsed by
 * `websearch_to_tsquery` as typed, then each dictionary word it touches is rewritten in the parsed query
 * (`ts_rewrite`) into the OR of its group, on stems, wherever it stands: in a phrase, after a minus,
 * inside an or. Every word reaches the database as a bound parameter and every function involved is
 * immutable, so the condition is folded to one constant before the GIN index is read.
 */
import { type Column, ilike, or, type SQL, sql } from 'drizzle-orm';
import {
  buildSynonymDictionary,
  SHIPPED_SYNONYMS,
  type SynonymDictionary,
  type SynonymGroups,
  spellingAlternatives,
  synonymRewritesFor,
} from '#domain/search/search-synonyms.ts';
import { escapeLike } from '#server/db/sql-helpers.ts';

/**
 * The install's dictionary: set once when the app is built from its configuration (the shipped groups
 * and the install's own file), read by every search. Module state because the dictionary is
 * configuration, the same for every request; query functions may be given another one (tests).
 */
let installed: SynonymDictionary = buildSynonymDictionary(SHIPPED_SYNONYMS);

/** Uses the shipped groups plus `extra` (an install's own, already checked) for every search from now on. */
export function installSearchSynonyms(extra: SynonymGroups): void {
  installed = buildSynonymDictionary(SHIPPED_SYNONYMS, extra);
}

/** The tsquery of a search as typed, with the synonym groups of its words. */
export function searchTsQuery(q: string, dictionary: SynonymDictionary = installed): SQL {
  let query = sql`websearch_to_tsquery('indonesian', ${q})`;
  for (const { word, group } of synonymRewritesFor(q, dictionary)) {
    // The target is the dictionary word's own stem, so a rewrite fires only where the query holds that
    // word (or a form with the same stem); the group is joined with websearch's own OR keyword.
    query = sql`ts_rewrite(${query}, websearch_to_tsquery('indonesian', ${word}), websearch_to_tsquery('indonesian', ${group.join(' or ')}))`;
  }
  return query;
}

/** `vector @@ query`: the row's search vector matches the search, its spelling variants included. */
export function matchesSearch(vector: Column | SQL, q: string, dictionary: SynonymDictionary = installed): SQL {
  return sql`${vector} @@ ${searchTsQuery(q, dictionary)}`;
}

/**
 * One of the columns contains the query as typed (a fragment such as "KTP" or "akta lah"), or as it
 * reads with another spelling of its words ("akte lah").
 */
export function containsSearchText(columns: readonly Column[], q: string, dictionary: SynonymDictionary = installed): SQL | undefined {
  const patterns = spellingAlternatives(q, dictionary).map((text) => `%${escapeLike(text)}%`);
  return or(...columns.flatMap((column) => patterns.map((pattern) => ilike(column, pattern))));
}
