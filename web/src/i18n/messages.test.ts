import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { interpolate } from './i18n.tsx';
import { messagesEn } from './messages.en.ts';
import { type MessageKey, messagesId } from './messages.id.ts';

/** The values a message asks for: `{name}`, and the count behind a plural choice `{name|one|other}`. */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((m) => m[1]))].sort();
const keys = Object.keys(messagesId) as MessageKey[];

/**
 * The feature files merged into the two dictionaries, in pairs (`<area>.messages.id.ts` and `.en.ts`
 * under web/src/features), found on disk so a new area is checked without changing this test.
 */
const FEATURES = new URL('../features/', import.meta.url);
const FEATURE_FILES: [string, Record<string, string>, Record<string, string>][] = await Promise.all(
  readdirSync(FEATURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(new URL(`${d.name}/`, FEATURES))
        .filter((f) => f.endsWith('.messages.id.ts'))
        .map((f) => `${d.name}/${f.replace('.messages.id.ts', '')}`),
    )
    .map(async (base) => {
      const only = (module: Record<string, unknown>) => Object.values(module)[0] as Record<string, string>;
      const id = only(await import(new URL(`${base}.messages.id.ts`, FEATURES).href));
      const en = only(await import(new URL(`${base}.messages.en.ts`, FEATURES).href));
      return [base, id, en] as [string, Record<string, string>, Record<string, string>];
    }),
);

/** The keys written in a dictionary file itself (not the feature files it spreads in). */
function ownKeys(file: string): string[] {
  const text = readFileSync(new URL(file, import.meta.url), 'utf8');
  return [...text.matchAll(/^\s+'([\w.-]+)':/gm)].map((m) => m[1] ?? '');
}

describe('the interface dictionaries', () => {
  it('have the same keys in both languages, including those merged from the feature files', () => {
    expect(FEATURE_FILES.map(([name]) => name)).toContain('skm/skm');
    const en = Object.keys(messagesEn);
    expect(keys.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !(k in messagesId))).toEqual([]);
    for (const [name, id, english] of FEATURE_FILES) {
      expect({ name, missing: Object.keys(id).filter((k) => !(k in english)) }).toEqual({ name, missing: [] });
      expect({ name, extra: Object.keys(english).filter((k) => !(k in id)) }).toEqual({ name, extra: [] });
    }
  });

  it('define each key in one file only, so no feature file silently replaces another text', () => {
    const sources = [
      ['messages.id.ts', ownKeys('./messages.id.ts')] as const,
      ...FEATURE_FILES.map(([name, id]) => [name, Object.keys(id)] as const),
    ];
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [source, list] of sources) {
      for (const key of list) {
        const first = seen.get(key);
        if (first) twice.push(`${key} (${first}, ${source})`);
        else seen.set(key, source);
      }
    }
    expect(twice).toEqual([]);
    expect(ownKeys('./messages.en.ts').filter((k) => !ownKeys('./messages.id.ts').includes(k))).toEqual([]);
  });

  it('translate every message into English with the same placeholders', () => {
    const mismatched = keys.filter((k) => placeholders(messagesId[k]).join() !== placeholders(messagesEn[k]).join());
    expect(mismatched).toEqual([]);
  });

  it('leave no message empty', () => {
    const empty = keys.filter((k) => messagesId[k].trim() === '' || messagesEn[k].trim() === '');
    expect(empty).toEqual([]);
  });

  it('say "1 innovation", not "1 innovations", in the main English texts', () => {
    // Words ending in s that are not plural nouns (verbs, singular nouns), as they follow a number here.
    const singular = new Set(['is', 'was', 'has', 'this', 'its', 'status', 'access', 'address', 'basis', 'analysis', 'opens', 'closes']);
    const main = new Set(ownKeys('./messages.en.ts'));
    const wrong = keys
      .filter((k) => main.has(k))
      .flatMap((k) => {
        const text = messagesEn[k];
        const ones = Object.fromEntries(placeholders(text).map((name) => [name, 1]));
        const found = [...interpolate(text, ones).matchAll(/\b1 (?:[A-Za-z-]+ )?([a-z]+s)\b/g)].filter((m) => !singular.has(m[1] ?? ''));
        return found.map((m) => `${k}: ${m[0]}`);
      });
    expect(wrong).toEqual([]);
  });

  it('choose the plural by the count, formatted or not', () => {
    const text = '{n} {n|innovation|innovations}';
    expect(interpolate(text, { n: 1 })).toBe('1 innovation');
    expect(interpolate(text, { n: '1' })).toBe('1 innovation');
    expect(interpolate(text, { n: 0 })).toBe('0 innovations');
    expect(interpolate(text, { n: '1.001' })).toBe('1.001 innovations');
    expect(interpolate(text, {})).toBe('{n} {n|innovation|innovations}');
  });

  it('name in English every predicate of the shipped frameworks', () => {
    const dir = new URL('../../../frameworks/', import.meta.url);
    const names = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => {
        const framework = JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { predicates?: { bands?: { name: string }[] } };
        return (framework.predicates?.bands ?? []).map((b) => b.name);
      });
    expect(names).toContain('Tidak Dapat Dinilai');
    const key = (name: string) => `predicate.${name.trim().toLowerCase().replace(/\s+/g, '_')}`;
    expect(names.filter((n) => !(key(n) in messagesId))).toEqual([]);
    expect(names.filter((n) => messagesEn[key(n) as MessageKey] === n && n !== 'Inovatif')).toEqual([]);
  });

  it('name every role and region kind the server can send', async () => {
    const { ROLES } = await import('#domain/access/roles.ts');
    const { regionKind } = await import('#shared/api/regions.ts');
    const needed = [...ROLES.map((r) => `role.${r}`), ...regionKind.options.map((k) => `region.kind.${k}`)];
    expect(needed.filter((k) => !(k in messagesId))).toEqual([]);
  });
});
