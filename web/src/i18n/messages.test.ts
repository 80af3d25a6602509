import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { interpolate } from './i18n.tsx';
import { messagesEn } from './messages.en.ts';
import { type MessageKey, messagesId } from './messages.id.ts';

/** The values a message asks for: `{name}`, and the count behind a plural choice `{name|one|other}`. */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((m) => m[1]))].sort();
const keys = Object.keys(messagesId) as MessageKey[];

/**
 * Texts whose count is a median in days written with one decimal place ("1,0"): English takes the
 * plural for any number with a fraction, and the formatted text cannot tell "0,1" from 1.
 */
const DECIMAL_COUNTS = new Set<MessageKey>(['complaints.stats.days', 'complaints.stats.rowMedian']);

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

  it('say "1 innovation", not "1 innovations", in every English text, the feature files included', () => {
    // Words ending in s that are not plural nouns (verbs, singular nouns), as they follow a number here.
    const singular = new Set(['is', 'was', 'has', 'this', 'its', 'status', 'access', 'address', 'basis', 'analysis', 'opens', 'closes']);
    const wrong = keys
      .filter((k) => !DECIMAL_COUNTS.has(k))
      .flatMap((k) => {
        const text = messagesEn[k];
        const ones = Object.fromEntries(placeholders(text).map((name) => [name, 1]));
        const found = [...interpolate(text, ones).matchAll(/\b1 (?:[A-Za-z-]+ )?([a-z]+s)\b/g)].filter((m) => !singular.has(m[1] ?? ''));
        return found.map((m) => `${k}: ${m[0]}`);
      });
    expect(wrong).toEqual([]);
  });

  it('count services, respondents, answers, complaints and days in agreement with the number', () => {
    const en = (key: MessageKey, params: Record<string, string | number>) => interpolate(messagesEn[key], params);
    expect(en('portal.count', { n: '1' })).toBe('1 service');
    expect(en('portal.count', { n: '1.250' })).toBe('1.250 services');
    expect(en('aplikasi.serviceCount', { n: 0 })).toBe('0 services');
    expect(en('layanan.import.done', { created: 1, updated: 2 })).toBe('Import finished: 1 new service, 2 updated.');
    expect(en('skm.periods.countsShort', { services: '1', responses: '2' })).toBe('1 service · 2 respondents');
    expect(en('skm.periods.countsShort', { services: '2', responses: '1' })).toBe('2 services · 1 respondent');
    expect(en('skm.services.insufficient', { n: '1' })).toBe('1 service has not reached the minimum sample.');
    expect(en('skm.services.insufficient', { n: '2' })).toBe('2 services have not reached the minimum sample.');
    expect(en('skm.region.sample', { n: '0', of: '1' })).toBe('Sample enough in 0 of 1 service with a population.');
    expect(en('portal.survey.unanswered', { n: 1 })).toBe('1 question is not answered yet.');
    expect(en('portal.kiosk.dropped', { n: 2, reason: 'x' })).toBe('2 answers were refused by the server and cannot be sent: x');
    expect(en('complaints.stats.rowSummary', { total: '1', resolved: '0' })).toBe('1 complaint, 0 resolved');
    expect(en('complaints.category.slaText', { n: '1' })).toBe('SLA 1 day');
    expect(en('portal.complaintForm.categoryUnit', { unit: 'Dinas', days: 5 })).toBe('Handled by Dinas, to be resolved within 5 days.');
  });

  it('keep the plural after a median in days, a decimal with one place ("0,1 days", "1,0 days")', () => {
    for (const key of DECIMAL_COUNTS) {
      for (const n of ['0,1', '1,0', '2,5']) expect(interpolate(messagesEn[key], { n })).toMatch(new RegExp(`${n} days`));
    }
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
