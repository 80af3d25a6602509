/**
 * Words that stand for each other when citizens and staff search. Indonesian keeps several spellings of
 * one word in daily use (akte/akta, antrian/antrean, ijin/izin, praktek/praktik): a region's service is
 * written one way and searched the other, and the full-text search stems words but cannot know that two
 * spellings are one word. The groups are data: the shipped file `search-synonyms.json`, plus the groups
 * an install adds in its own file (SINERGI_SEARCH_SYNONYMS). This module checks and merges them, and says
 * which groups a query touches; the server turns that into the search condition. Pure: no file, no
 * database.
 */
import shipped from './search-synonyms.json' with { type: 'json' };

/** Groups of interchangeable words, lowercase, as read from a file. */
export type SynonymGroups = readonly (readonly string[])[];

/** The merged groups, looked up by any of their words. */
export interface SynonymDictionary {
  /** Every known word (lowercase) with its whole group (the word itself included), in file order. */
  readonly groupOf: ReadonlyMap<string, readonly string[]>;
}

/**
 * One word per entry, letters and digits only: that is what a search word is once the query is split,
 * and it keeps every entry a plain search term (no phrase, operator or quote can hide in the data).
 */
const WORD = /^[\p{L}\p{N}]{2,40}$/u;
/** The search's own OR keyword cannot be a word of a group: the group is joined with it. */
const RESERVED = new Set(['or']);
const MAX_GROUP_WORDS = 20;
const MAX_GROUPS = 5000;

const normalize = (word: string) => word.normalize('NFC').toLowerCase();

/**
 * Checks a synonym file's content (`{"groups": [["akta", "akte"], ...]}`; other top-level keys such as
 * `about` are notes for people) and returns its groups in lowercase, or the problems, each in Indonesian
 * and English.
 */
export function parseSynonymFile(value: unknown): { groups: string[][] } | { problems: string[] } {
  const groups = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { groups?: unknown }).groups : undefined;
  if (!Array.isArray(groups))
    return { problems: ['harus berupa objek {"groups": [["kata", "varian"], ...]} / must be an object {"groups": [["word", "variant"], ...]}'] };
  if (groups.length > MAX_GROUPS) return { problems: [`paling banyak ${MAX_GROUPS} kelompok / at most ${MAX_GROUPS} groups`] };
  const problems: string[] = [];
  const result: string[][] = [];
  groups.forEach((group: unknown, i) => {
    const where = `groups[${i}]`;
    if (!Array.isArray(group) || group.length < 2 || group.length > MAX_GROUP_WORDS) {
      problems.push(`${where}: daftar 2–${MAX_GROUP_WORDS} kata / a list of 2–${MAX_GROUP_WORDS} words`);
      return;
    }
    const words: string[] = [];
    group.forEach((word: unknown, j) => {
      if (typeof word !== 'string' || !WORD.test(word.normalize('NFC'))) {
        problems.push(`${where}[${j}]: satu kata, 2–40 huruf atau angka / one word of 2–40 letters or digits (${JSON.stringify(word)})`);
        return;
      }
      const normal = normalize(word);
      if (RESERVED.has(normal)) problems.push(`${where}[${j}]: "${word}" tidak dapat dipakai / cannot be used`);
      else if (!words.includes(normal)) words.push(normal);
    });
    if (words.length >= 2) result.push(words);
  });
  return problems.length > 0 ? { problems } : { groups: result };
}

/**
 * One dictionary from several lists of groups (the shipped one, an install's own). Groups that share a
 * word become one group, so an install extends a shipped group by naming one of its words with the new
 * spellings (`["izin", "izinnya"]` joins `["izin", "ijin"]`).
 */
export function buildSynonymDictionary(...lists: SynonymGroups[]): SynonymDictionary {
  // Union–find over words; `order` keeps the first-seen order so a group reads as written.
  const parent = new Map<string, string>();
  const order: string[] = [];
  const find = (word: string): string => {
    let root = word;
    for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root)) root = up;
    parent.set(word, root);
    return root;
  };
  for (const list of lists) {
    for (const group of list) {
      const words = group.map(normalize);
      for (const word of words) {
        if (!parent.has(word)) {
          parent.set(word, word);
          order.push(word);
        }
      }
      const [first, ...rest] = words;
      if (first === undefined) continue;
      for (const word of rest) parent.set(find(word), find(first));
    }
  }
  const members = new Map<string, string[]>();
  for (const word of order) {
    const root = find(word);
    const list = members.get(root) ?? [];
    list.push(word);
    members.set(root, list);
  }
  const groupOf = new Map<string, readonly string[]>();
  for (const list of members.values()) {
    if (list.length < 2) continue;
    for (const word of list) groupOf.set(word, list);
  }
  return { groupOf };
}

function shippedGroups(): string[][] {
  const parsed = parseSynonymFile(shipped);
  // The shipped file is checked by a unit test; a broken one must not start silently without it.
  if ('problems' in parsed) throw new Error(`search-synonyms.json: ${parsed.problems.join('; ')}`);
  return parsed.groups;
}

/** The groups shipped with Sinergi. */
export const SHIPPED_SYNONYMS: SynonymGroups = shippedGroups();

/** A dictionary word the query touches, with its group. */
export interface SynonymRewrite {
  word: string;
  group: readonly string[];
}

/** More would only make a long query's condition longer: a person's search has a few words. */
export const MAX_REWRITES = 16;
/** Below this length a word inside another is chance ("ijin" is in "perijinan"; "pa" is in everything). */
const MIN_AFFIX_MATCH = 4;

const wordsOf = (q: string) => normalize(q).match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The dictionary words whose variants a search for `q` should also find. A word of the query that is in
 * the dictionary comes first. Then the dictionary words inside a query word or beginning with it
 * ("perijinannya" holds "ijin", "antrian" begins with "antri"): the database rewrites a word only where its stem equals
 * the query word's stem, so such a guess never changes a query whose word is something else ("sistemik"
 * is not "sistem").
 */
export function synonymRewritesFor(q: string, dictionary: SynonymDictionary, limit = MAX_REWRITES): SynonymRewrite[] {
  const words = [...new Set(wordsOf(q))];
  const chosen = new Map<string, readonly string[]>();
  for (const word of words) {
    const group = dictionary.groupOf.get(word);
    if (group) chosen.set(word, group);
  }
  for (const word of words) {
    for (const [known, group] of dictionary.groupOf) {
      if (chosen.has(known)) continue;
      const inside = known.length >= MIN_AFFIX_MATCH && word.includes(known);
      const around = word.length >= MIN_AFFIX_MATCH && known.startsWith(word);
      if (inside || around) chosen.set(known, group);
    }
  }
  return [...chosen].slice(0, limit).map(([word, group]) => ({ word, group }));
}

/** Spellings of the query tried for a fragment of a name (ILIKE), the query as typed first. */
export const MAX_ALTERNATIVES = 8;

/**
 * The query as typed, then as it reads with the other spellings of its known words ("akte lahir" →
 * "akta lahir"), for the searches that look for a fragment of a name rather than for words. Whole words
 * only, at most `limit` strings.
 */
export function spellingAlternatives(q: string, dictionary: SynonymDictionary, limit = MAX_ALTERNATIVES): string[] {
  const spans = [...q.matchAll(/[\p{L}\p{N}]+/gu)].flatMap((m) => {
    const group = dictionary.groupOf.get(normalize(m[0]));
    return group ? [{ start: m.index, end: m.index + m[0].length, options: [m[0], ...group.filter((w) => w !== normalize(m[0]))] }] : [];
  });
  let texts = [''];
  let from = 0;
  for (const span of spans) {
    const between = q.slice(from, span.start);
    texts = texts.flatMap((text) => span.options.map((option) => text + between + option)).slice(0, limit);
    from = span.end;
  }
  return texts.map((text) => text + q.slice(from));
}
