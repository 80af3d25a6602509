/**
 * Whether an innovation may enter a competition. The rules are the competition's data (set by the
 * Bapperida when it opens the competition, stored as JSON), not code: KIPP's age rule and caps
 * change every year (2021: 2 years for umum, 1 for replikasi; 10 umum + 5 replikasi per agency),
 * and a region's own award sets its own. Every rule that fails is reported, with a message in
 * Indonesian the unit's operator can act on, so one attempt shows everything to fix.
 */
import { z } from 'zod';
import { TAHAPAN } from '#domain/innovations/profile.ts';
import type {
  EligibilityContext,
  EligibilityFailure,
  EligibilityResult,
  EligibilityRuleSet,
  EligibilityRules,
  EntryCandidate,
  Tahapan,
} from './types.ts';

const TAHAPAN_LABELS: Record<Tahapan, string> = { inisiatif: 'Inisiatif', uji_coba: 'Uji coba', penerapan: 'Penerapan' };

const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const ruleSetShape = {
  requireVerified: z.boolean({ error: 'Harus ya atau tidak' }),
  allowedTahapan: z
    .array(z.enum(TAHAPAN, { error: 'Tahapan harus inisiatif, uji_coba, atau penerapan' }))
    .refine((list) => new Set(list).size === list.length, {
      error: 'Tahapan tidak boleh berulang',
    }),
  minYearsSincePenerapan: z
    .number({ error: 'Harus bilangan bulat' })
    .int({ error: 'Harus bilangan bulat' })
    .min(0, { error: 'Tidak boleh negatif' })
    .max(50, { error: 'Paling banyak 50 tahun' }),
  requireInnovatorSk: z.boolean({ error: 'Harus ya atau tidak' }),
  maxEntriesPerUnit: z
    .number({ error: 'Harus bilangan bulat atau kosong' })
    .int({ error: 'Harus bilangan bulat' })
    .min(1, { error: 'Paling sedikit 1' })
    .nullable(),
};

/** The competition's eligibility rules as stored (JSON); messages in Indonesian. */
export const eligibilityRulesSchema = z.strictObject({
  ...ruleSetShape,
  categories: z.record(z.string().min(1, { error: 'Kode kategori tidak boleh kosong' }), z.strictObject(ruleSetShape).partial()).optional(),
});

/** The rules without restrictions: any tahapan, no age, no SK, no cap; only verified innovations. */
export const DEFAULT_ELIGIBILITY_RULES: EligibilityRules = {
  requireVerified: true,
  allowedTahapan: [],
  minYearsSincePenerapan: 0,
  requireInnovatorSk: false,
  maxEntriesPerUnit: null,
};

/** The rules in force for one category: the category's keys replace the competition's. */
export function rulesForCategory(
  rules: EligibilityRules,
  category: string,
): { competition: EligibilityRuleSet; category: Partial<EligibilityRuleSet> } {
  const override = rules.categories?.[category] ?? {};
  const { categories: _ignored, ...base } = rules;
  return { competition: base, category: override };
}

/**
 * Whole years from `from` to `to` (both YYYY-MM-DD), counted the way people count an age: a year
 * is complete on the same month and day. An innovation started on 29 February completes its year
 * on 1 March in a common year (the string "03-01" is past "02-29", "02-28" is not).
 */
export function wholeYearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) >= from.slice(5) ? years : years - 1;
}

function formatDateId(date: string): string {
  return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
}

/**
 * Checks a candidate entry against the rules. The counts in `ctx` are the unit's entries already
 * in the competition (and in the candidate's category), the candidate itself not counted; the
 * top-level `maxEntriesPerUnit` caps the whole competition, a category's `maxEntriesPerUnit` caps
 * that category. The other keys of a category override replace the top-level value.
 */
export function checkEligibility(rules: EligibilityRules, candidate: EntryCandidate, ctx: EligibilityContext): EligibilityResult {
  if (!DATE_PATTERN.test(ctx.today)) throw new RangeError(`today must be YYYY-MM-DD: ${ctx.today}`);
  const { competition, category } = rulesForCategory(rules, candidate.category);
  const effective: EligibilityRuleSet = { ...competition, ...category, maxEntriesPerUnit: competition.maxEntriesPerUnit };
  const failures: EligibilityFailure[] = [];

  if (effective.requireVerified && candidate.status !== 'terverifikasi') {
    failures.push({ rule: 'verified', message: 'Inovasi belum terverifikasi; hanya inovasi yang sudah diverifikasi yang dapat diikutkan.' });
  }
  if (effective.allowedTahapan.length > 0 && !effective.allowedTahapan.includes(candidate.tahapan)) {
    const allowed = effective.allowedTahapan.map((t) => TAHAPAN_LABELS[t]).join(', ');
    failures.push({
      rule: 'tahapan',
      message: `Tahapan inovasi "${TAHAPAN_LABELS[candidate.tahapan]}" tidak dapat diikutkan; tahapan yang diterima: ${allowed}.`,
    });
  }
  if (effective.minYearsSincePenerapan > 0) {
    const min = effective.minYearsSincePenerapan;
    if (candidate.penerapanDate === null || !DATE_PATTERN.test(candidate.penerapanDate)) {
      failures.push({ rule: 'min_years', message: `Tanggal penerapan belum diisi; inovasi harus sudah diterapkan paling sedikit ${min} tahun.` });
    } else {
      const years = Math.max(0, wholeYearsBetween(candidate.penerapanDate, ctx.today));
      if (years < min) {
        failures.push({
          rule: 'min_years',
          message: `Inovasi diterapkan sejak ${formatDateId(candidate.penerapanDate)} (${years} tahun penuh per ${formatDateId(ctx.today)}); paling sedikit ${min} tahun.`,
        });
      }
    }
  }
  if (effective.requireInnovatorSk && !candidate.hasInnovatorSk) {
    failures.push({ rule: 'innovator_sk', message: 'SK yang menetapkan inovator belum dilampirkan.' });
  }
  const unitCap = competition.maxEntriesPerUnit;
  if (unitCap !== null && ctx.entriesOfUnitInCompetition >= unitCap) {
    failures.push({
      rule: 'unit_cap',
      message: `Unit ini sudah mengikutkan ${ctx.entriesOfUnitInCompetition} inovasi; batas per unit dalam kompetisi ini ${unitCap}.`,
    });
  }
  const categoryCap = category.maxEntriesPerUnit ?? null;
  if (categoryCap !== null && ctx.entriesOfUnitInCategory >= categoryCap) {
    failures.push({
      rule: 'category_cap',
      message: `Unit ini sudah mengikutkan ${ctx.entriesOfUnitInCategory} inovasi pada kategori ${candidate.category}; batas per unit pada kategori ini ${categoryCap}.`,
    });
  }
  return { eligible: failures.length === 0, failures };
}
