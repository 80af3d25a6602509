/**
 * Turning untrusted JSON (a shipped file, an uploaded file, a CLI argument) into a checked
 * Framework, and the list of frameworks Sinergi ships. Reading files is not done here: the caller
 * hands over the parsed JSON (see load-shipped.ts for tests and the CLI).
 */
import { z } from 'zod';
import { DECIMAL_PATTERN, WEIGHT_PATTERN } from './decimal.ts';
import { checkFramework, type FrameworkIssue } from './framework-checks.ts';
import { FRAMEWORK_ID_PATTERN, type Framework, FrameworkSchema, ID_PATTERN } from './framework.schema.ts';

export type { FrameworkIssue } from './framework-checks.ts';

/** The frameworks in frameworks/*.json, by id (the file name without .json). */
export const SHIPPED_FRAMEWORK_IDS = ['spbe-2020', 'pemdi-2026', 'iid-2023', 'iid-2026', 'ikm-2017', 'smartcity-2021'] as const;
export type ShippedFrameworkId = (typeof SHIPPED_FRAMEWORK_IDS)[number];

export type ParseFrameworkResult = { ok: true; framework: Framework } | { ok: false; errors: FrameworkIssue[] };

const PATTERN_MESSAGES: ReadonlyArray<{ source: string; id: string; en: string }> = [
  {
    source: DECIMAL_PATTERN.source,
    id: 'harus bilangan desimal bertanda titik yang ditulis sebagai teks, mis. "1.30"',
    en: 'must be a decimal number written as a string with a dot, e.g. "1.30"',
  },
  {
    source: WEIGHT_PATTERN.source,
    id: 'harus bobot bertanda titik yang ditulis sebagai teks, mis. "1.30" atau pecahan "1/9"',
    en: 'must be a weight written as a string, e.g. "1.30" or the fraction "1/9"',
  },
  {
    source: ID_PATTERN.source,
    id: 'hanya boleh huruf, angka, dan pemisah . _ - (mis. "A1", "2a", "U9")',
    en: 'may hold only letters, digits and the separators . _ - (e.g. "A1", "2a", "U9")',
  },
  {
    source: FRAMEWORK_ID_PATTERN.source,
    id: 'hanya boleh huruf kecil, angka, dan tanda hubung (mis. "spbe-2020")',
    en: 'may hold only lower-case letters, digits and hyphens (e.g. "spbe-2020")',
  },
];

function errorMap(language: 'id' | 'en'): z.core.$ZodErrorMap {
  const locale = language === 'id' ? z.locales.id() : z.locales.en();
  return (issue) => {
    if (issue.code === 'invalid_format' && issue.format === 'regex' && 'pattern' in issue) {
      const known = PATTERN_MESSAGES.find((p) => p.source === String(issue.pattern).replace(/^\/|\/$/g, ''));
      if (known !== undefined) return language === 'id' ? known.id : known.en;
    }
    if (language === 'id' && issue.code === 'invalid_union' && Array.isArray(issue.options) && issue.options.length > 0) {
      return `Nilai tidak dikenal; pilihan: ${issue.options.map((o) => `'${String(o)}'`).join(' | ')}`;
    }
    return locale.localeError(issue);
  };
}

/** root.children[0].weight: the JSON path of an issue the way people read it. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`)).join('');
}

/**
 * Validates a framework: its shape (zod schema) and then its meaning (framework-checks). Every
 * problem is reported with the path in the file, in Indonesian and English.
 */
export function parseFramework(json: unknown): ParseFrameworkResult {
  const shaped = FrameworkSchema.safeParse(json, { error: errorMap('id') });
  if (!shaped.success) {
    const english = FrameworkSchema.safeParse(json, { error: errorMap('en') });
    const englishIssues = english.success ? [] : english.error.issues;
    return {
      ok: false,
      errors: shaped.error.issues.map((issue, i) => ({
        path: formatPath(issue.path),
        message: issue.message,
        messageEn: englishIssues[i]?.message ?? issue.message,
      })),
    };
  }
  const issues = checkFramework(shaped.data);
  if (issues.length > 0) return { ok: false, errors: issues };
  return { ok: true, framework: shaped.data };
}

/**
 * A copy of a framework with some node weights replaced, checked again. This is how a region
 * matches a legacy report without a code change, e.g. IKM with the weight 0.111 instead of 1/9.
 */
export function withWeights(framework: Framework, weights: Readonly<Record<string, string>>): ParseFrameworkResult {
  const copy: unknown = JSON.parse(JSON.stringify(framework), (key, value: unknown) => {
    if (key === '' || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const node = value as { id?: unknown; kind?: unknown; weight?: unknown };
    if (typeof node.id === 'string' && typeof node.kind === 'string' && node.id in weights) {
      return { ...node, weight: weights[node.id] };
    }
    return value;
  });
  const known = new Set<string>();
  const collect = (n: { id: string; children?: unknown }) => {
    known.add(n.id);
    if (Array.isArray(n.children)) for (const c of n.children) collect(c as { id: string });
  };
  collect(framework.root);
  const unknown = Object.keys(weights).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    return {
      ok: false,
      errors: unknown.map((id) => ({
        path: 'weights',
        message: `Simpul "${id}" tidak ada dalam kerangka ${framework.id}.`,
        messageEn: `Node "${id}" does not exist in framework ${framework.id}.`,
      })),
    };
  }
  return parseFramework(copy);
}
