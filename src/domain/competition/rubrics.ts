/**
 * The rubrics Sinergi ships, as versioned data in frameworks/rubrik-*.json. They are not entries
 * of the indicator-framework registry (framework_versions): that registry's schema, checks,
 * migration seeding and pages are built for indicator trees, and a rubric is a flat list of
 * weighted criteria. Like #domain/scoring/load-shipped.ts this module reads the files from disk
 * when asked (the layer rules keep frameworks/ out of the domain's imports), and every file is
 * checked with rubricSchema, so a broken file fails loudly instead of scoring with wrong weights.
 */
import { readFileSync } from 'node:fs';
import { FRAMEWORKS_DIR } from '#domain/scoring/load-shipped.ts';
import { rubricSchema } from './scoring.ts';
import type { Rubric } from './types.ts';

/**
 * The shipped rubric files (frameworks/<code>.json): the IGA 2023 presentation (BSKDN's published
 * weights, scale 0–100 assumed) and the KIPP 2026 proposal, kelompok umum (third-party weights,
 * unverified, scale 0–100 assumed).
 */
export const SHIPPED_RUBRIC_CODES = ['rubrik-iga-presentasi-2023', 'rubrik-kipp-proposal-2026'] as const;
export type ShippedRubricCode = (typeof SHIPPED_RUBRIC_CODES)[number];

/** Checks a rubric's JSON; throws with every problem and its path when it is not a valid rubric. */
export function parseRubric(json: unknown, origin: string): Rubric {
  const parsed = rubricSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`${origin} bukan rubrik yang valid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

const cache = new Map<ShippedRubricCode, Rubric>();

/** A shipped rubric, read and checked once. */
export function loadShippedRubric(code: ShippedRubricCode): Rubric {
  const known = cache.get(code);
  if (known !== undefined) return known;
  const rubric = parseRubric(JSON.parse(readFileSync(new URL(`${code}.json`, FRAMEWORKS_DIR), 'utf8')), `frameworks/${code}.json`);
  if (rubric.code !== code) throw new Error(`frameworks/${code}.json memuat kode "${rubric.code}"; kode harus sama dengan nama berkas`);
  cache.set(code, rubric);
  return rubric;
}

/** Every shipped rubric, in SHIPPED_RUBRIC_CODES order. */
export function loadShippedRubrics(): Rubric[] {
  return SHIPPED_RUBRIC_CODES.map(loadShippedRubric);
}
