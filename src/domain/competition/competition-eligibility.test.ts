import { describe, expect, it } from 'vitest';
import { checkEligibility, eligibilityRulesSchema, wholeYearsBetween } from './eligibility.ts';
import type { EligibilityContext, EligibilityRules, EntryCandidate } from './types.ts';

// KIPP-like rules: verified, penerapan only, 2 whole years, SK, 10 per unit; replikasi needs 1 year, 5 per unit.
const rules: EligibilityRules = {
  requireVerified: true,
  allowedTahapan: ['penerapan'],
  minYearsSincePenerapan: 2,
  requireInnovatorSk: true,
  maxEntriesPerUnit: 10,
  categories: { replikasi: { minYearsSincePenerapan: 1, maxEntriesPerUnit: 5 } },
};

const good: EntryCandidate = {
  status: 'terverifikasi',
  tahapan: 'penerapan',
  penerapanDate: '2023-03-01',
  hasInnovatorSk: true,
  unitId: 'dinkes',
  category: 'umum',
};
const ctx: EligibilityContext = { entriesOfUnitInCompetition: 3, entriesOfUnitInCategory: 3, today: '2026-03-01' };

const failuresOf = (candidate: Partial<EntryCandidate>, context: Partial<EligibilityContext> = {}, r: EligibilityRules = rules) =>
  checkEligibility(r, { ...good, ...candidate }, { ...ctx, ...context }).failures;

describe('checkEligibility', () => {
  it('accepts a candidate that meets every rule', () => {
    expect(checkEligibility(rules, good, ctx)).toEqual({ eligible: true, failures: [] });
  });

  it('refuses an innovation not yet verified', () => {
    expect(failuresOf({ status: 'diajukan' })).toEqual([
      { rule: 'verified', message: 'Inovasi belum terverifikasi; hanya inovasi yang sudah diverifikasi yang dapat diikutkan.' },
    ]);
  });

  it('refuses a tahapan the competition does not accept, naming the accepted ones', () => {
    expect(failuresOf({ tahapan: 'uji_coba' })).toEqual([
      { rule: 'tahapan', message: 'Tahapan inovasi "Uji coba" tidak dapat diikutkan; tahapan yang diterima: Penerapan.' },
    ]);
  });

  it('counts whole years since penerapan: one day short of two years fails', () => {
    // 2024-03-02 → 2026-03-01: 2 years minus a day = 1 whole year.
    expect(failuresOf({ penerapanDate: '2024-03-02' })).toEqual([
      { rule: 'min_years', message: 'Inovasi diterapkan sejak 02-03-2024 (1 tahun penuh per 01-03-2026); paling sedikit 2 tahun.' },
    ]);
    expect(failuresOf({ penerapanDate: '2024-03-01' })).toEqual([]);
  });

  it('asks for the penerapan date when the age rule applies and none is filled in', () => {
    expect(failuresOf({ penerapanDate: null })).toEqual([
      { rule: 'min_years', message: 'Tanggal penerapan belum diisi; inovasi harus sudah diterapkan paling sedikit 2 tahun.' },
    ]);
  });

  it('refuses an entry without the SK naming the innovator', () => {
    expect(failuresOf({ hasInnovatorSk: false })).toEqual([{ rule: 'innovator_sk', message: 'SK yang menetapkan inovator belum dilampirkan.' }]);
  });

  it('refuses the entry over the unit cap (the 11th of a cap of 10)', () => {
    expect(failuresOf({}, { entriesOfUnitInCompetition: 9 })).toEqual([]);
    expect(failuresOf({}, { entriesOfUnitInCompetition: 10 })).toEqual([
      { rule: 'unit_cap', message: 'Unit ini sudah mengikutkan 10 inovasi; batas per unit dalam kompetisi ini 10.' },
    ]);
  });

  it('applies a category override: replikasi needs 1 year and caps the unit at 5 in the category', () => {
    const replikasi = { category: 'replikasi', penerapanDate: '2025-03-01' };
    expect(failuresOf(replikasi, { entriesOfUnitInCategory: 4 })).toEqual([]);
    expect(failuresOf(replikasi, { entriesOfUnitInCategory: 5 })).toEqual([
      {
        rule: 'category_cap',
        message: 'Unit ini sudah mengikutkan 5 inovasi pada kategori replikasi; batas per unit pada kategori ini 5.',
      },
    ]);
    // The same date is too young for umum (2 years).
    expect(failuresOf({ penerapanDate: '2025-03-01' }).map((f) => f.rule)).toEqual(['min_years']);
  });

  it('reports every failing rule at once', () => {
    const failures = failuresOf(
      { status: 'draft', tahapan: 'inisiatif', penerapanDate: null, hasInnovatorSk: false },
      { entriesOfUnitInCompetition: 12 },
    );
    expect(failures.map((f) => f.rule)).toEqual(['verified', 'tahapan', 'min_years', 'innovator_sk', 'unit_cap']);
  });

  it('leaves out a rule that is switched off', () => {
    const open: EligibilityRules = {
      requireVerified: false,
      allowedTahapan: [],
      minYearsSincePenerapan: 0,
      requireInnovatorSk: false,
      maxEntriesPerUnit: null,
    };
    expect(
      failuresOf({ status: 'draft', tahapan: 'inisiatif', penerapanDate: null, hasInnovatorSk: false }, { entriesOfUnitInCompetition: 99 }, open),
    ).toEqual([]);
  });
});

describe('wholeYearsBetween', () => {
  it('counts an age: a year completes on the same month and day, 29 February on 1 March', () => {
    expect(wholeYearsBetween('2020-06-15', '2026-06-14')).toBe(5);
    expect(wholeYearsBetween('2020-06-15', '2026-06-15')).toBe(6);
    expect(wholeYearsBetween('2024-02-29', '2026-02-28')).toBe(1);
    expect(wholeYearsBetween('2024-02-29', '2026-03-01')).toBe(2);
  });
});

describe('eligibilityRulesSchema', () => {
  it('accepts the stored rules and types them', () => {
    const parsed: EligibilityRules = eligibilityRulesSchema.parse(JSON.parse(JSON.stringify(rules)));
    expect(parsed).toEqual(rules);
  });

  it('refuses nonsense with Indonesian messages', () => {
    const result = eligibilityRulesSchema.safeParse({ ...rules, allowedTahapan: ['selesai'], minYearsSincePenerapan: -1, maxEntriesPerUnit: 0 });
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual([
      'allowedTahapan.0: Tahapan harus inisiatif, uji_coba, atau penerapan',
      'minYearsSincePenerapan: Tidak boleh negatif',
      'maxEntriesPerUnit: Paling sedikit 1',
    ]);
  });
});
