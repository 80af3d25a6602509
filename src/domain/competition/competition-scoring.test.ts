import { describe, expect, it } from 'vitest';
import { loadShippedRubric } from './rubrics.ts';
import {
  advance,
  aggregateStage,
  CompetitionInputError,
  combineStages,
  criteriaByWeight,
  RubricScoreError,
  rankEntries,
  rubricSchema,
  tieBreakFromCriteria,
  toPercentScale,
  weightedScore,
} from './scoring.ts';
import type { Rubric, ScoreSheet } from './types.ts';

const IGA = loadShippedRubric('rubrik-iga-presentasi-2023');

/** Criterion scores in the IGA order: kebaharuan 30, kemanfaatan 25, kewenangan 15, replikasi 20, penguasaan 10. */
const iga = (k: number, m: number, w: number, r: number, p: number): Record<string, string> => ({
  kebaharuan: String(k),
  kemanfaatan: String(m),
  kewenangan_kolaborasi: String(w),
  replikasi: String(r),
  penguasaan_materi: String(p),
});

/** A one-criterion rubric, so a sheet's weighted score is its single score. */
const single: Rubric = {
  code: 'satu',
  name: 'Satu kriteria',
  scale: { min: '0', max: '100' },
  criteria: [{ code: 'nilai', name: 'Nilai', weight: '100' }],
};
const sheet = (judgeId: string, entryId: string, nilai: string): ScoreSheet => ({ judgeId, entryId, scores: { nilai } });

// ---------------------------------------------------------------------------------------------
// The worked example of docs/scoring/kompetisi.md: IGA presentation rubric, judges A, B and the
// harsh C, entries E1–E4. Each sheet's criteria are built so its weighted score is a whole number:
//   A E1 = 80,76,78,78,77 → (30·80 + 25·76 + 15·78 + 20·78 + 10·77)/100 = (2400+1900+1170+1560+770)/100 = 78
const EXAMPLE: ScoreSheet[] = [
  { judgeId: 'A', entryId: 'E1', scores: iga(80, 76, 78, 78, 77) }, // 78
  { judgeId: 'A', entryId: 'E2', scores: iga(86, 82, 84, 84, 83) }, // 84
  { judgeId: 'A', entryId: 'E3', scores: iga(88, 84, 86, 86, 85) }, // 86
  { judgeId: 'A', entryId: 'E4', scores: iga(94, 90, 92, 92, 91) }, // 92
  { judgeId: 'B', entryId: 'E1', scores: iga(84, 86, 84, 82, 83) }, // (2520+2150+1260+1640+830)/100 = 84
  { judgeId: 'B', entryId: 'E2', scores: iga(92, 94, 92, 90, 91) }, // 92
  { judgeId: 'B', entryId: 'E3', scores: iga(78, 80, 78, 76, 77) }, // 78
  { judgeId: 'B', entryId: 'E4', scores: iga(86, 88, 86, 84, 85) }, // 86
  { judgeId: 'C', entryId: 'E1', scores: iga(47, 50, 46, 48, 49) }, // (1410+1250+690+960+490)/100 = 48
  { judgeId: 'C', entryId: 'E2', scores: iga(53, 56, 52, 54, 55) }, // 54
  { judgeId: 'C', entryId: 'E3', scores: iga(55, 58, 54, 56, 57) }, // 56
  { judgeId: 'C', entryId: 'E4', scores: iga(61, 64, 60, 62, 63) }, // 62
];

describe('weightedScore', () => {
  it('is Σ weight × score / 100 on the IGA rubric', () => {
    // 30·80 + 25·76 + 15·78 + 20·78 + 10·77 = 7800 → 78.00
    expect(weightedScore(IGA, iga(80, 76, 78, 78, 77))).toBe('78.00');
    // 30·91 + 25·77 + 15·64 + 20·88 + 10·73 = 2730+1925+960+1760+730 = 8105 → 81.05
    expect(weightedScore(IGA, iga(91, 77, 64, 88, 73))).toBe('81.05');
  });

  it('rounds half-up at .005 once, at the end (not to even)', () => {
    const half: Rubric = {
      ...single,
      criteria: [
        { code: 'a', name: 'A', weight: '50' },
        { code: 'b', name: 'B', weight: '50' },
      ],
    };
    expect(weightedScore(half, { a: '80.01', b: '80.00' })).toBe('80.01'); // 80.005 → up (to-even would give 80.00)
    expect(weightedScore(half, { a: '80.03', b: '80.00' })).toBe('80.02'); // 80.015 → up
    expect(weightedScore(half, { a: '80.01', b: '79.99' })).toBe('80.00'); // exactly 80
    expect(weightedScore(half, { a: '0.01', b: '0' })).toBe('0.01'); // 0.005 → 0.01
  });

  it('throws a RubricScoreError naming the criterion that is missing, unknown, out of scale or off step', () => {
    const error = (scores: Record<string, string>): unknown[] | string => {
      try {
        weightedScore(IGA, scores);
      } catch (e) {
        return e instanceof RubricScoreError ? [e.code, e.criterion, e.message] : String(e);
      }
      return 'no error';
    };
    const { replikasi: _left, ...withoutReplikasi } = iga(80, 80, 80, 80, 80);
    expect(error(withoutReplikasi)).toEqual(['missing', 'replikasi', 'Nilai kriteria "Replikasi dan aplikatif" belum diisi.']);
    expect(error({ ...iga(80, 80, 80, 80, 80), kebaharuan: '101' })).toEqual([
      'out_of_scale',
      'kebaharuan',
      'Nilai kriteria "Kebaharuan" (101) di luar skala 0–100.',
    ]);
    expect(error({ ...iga(80, 80, 80, 80, 80), kemanfaatan: '-1' })[0]).toBe('out_of_scale');
    expect(error({ ...iga(80, 80, 80, 80, 80), kemanfaatan: '80.5' })).toEqual([
      'off_step',
      'kemanfaatan',
      'Nilai kriteria "Kemanfaatan" (80.5) harus kelipatan 1.',
    ]);
    expect(error({ ...iga(80, 80, 80, 80, 80), penguasaan_materi: 'baik' })[0]).toBe('not_a_number');
    expect(error({ ...iga(80, 80, 80, 80, 80), inovatif: '80' })).toEqual([
      'unknown_criterion',
      'inovatif',
      `Kriteria "inovatif" tidak ada dalam rubrik ${IGA.name}.`,
    ]);
  });
});

describe('aggregateStage, worked example 1: raw means and the outlier flag', () => {
  const result = aggregateStage({ rubric: IGA, sheets: EXAMPLE, normalise: false });

  it('scores each entry as the mean of its judges’ weighted scores, 2 places half-up', () => {
    // E1 (78+84+48)/3 = 70; E2 (84+92+54)/3 = 230/3 = 76.666… → 76.67; E3 220/3 = 73.33; E4 240/3 = 80
    expect(result.entries.map((e) => [e.entryId, e.score, e.judgeCount])).toEqual([
      ['E1', '70.00', 3],
      ['E2', '76.67', 3],
      ['E3', '73.33', 3],
      ['E4', '80.00', 3],
    ]);
  });

  it('keeps the mean per criterion for the tie rule and the report', () => {
    // E1 kebaharuan (80+84+47)/3 = 211/3 = 70.33; kemanfaatan (76+86+50)/3 = 212/3 = 70.67; kewenangan (78+84+46)/3 = 69.33
    expect(result.entries[0]?.perCriterion).toEqual({
      kebaharuan: '70.33',
      kemanfaatan: '70.67',
      kewenangan_kolaborasi: '69.33',
      replikasi: '69.33',
      penguasaan_materi: '69.67',
    });
  });

  it('gives each judge’s mean and population SD', () => {
    // A: 78,84,86,92 mean 85, deviations −7,−1,1,7, variance (49+1+1+49)/4 = 25, SD 5. C = A − 30.
    expect(result.judges).toEqual([
      { judgeId: 'A', mean: '85.00', sd: '5.00' },
      { judgeId: 'B', mean: '85.00', sd: '5.00' },
      { judgeId: 'C', mean: '55.00', sd: '5.00' },
    ]);
    // All 12: mean 75; variance = mean within (25) + between ((10²+10²+20²)/3 = 200) = 225, SD 15.
    expect(result.overall).toEqual({ mean: '75.00', sd: '15.00' });
  });

  it('flags a judge more than 20 points (20 % of 0–100) from the mean of the other judges', () => {
    // C: E1 48 − (78+84)/2 = −33; E2 54 − 88 = −34; E3 56 − 82 = −26; E4 62 − 89 = −27: all flagged.
    // B is dragged in by C: E1 84 − (78+48)/2 = 21, E2 92 − (84+54)/2 = 23 (E3 78 − 71 = 7, E4 86 − 77 = 9).
    // A: E1 78 − 66 = 12, E2 84 − 73 = 11, E3 86 − 67 = 19, E4 92 − 74 = 18: none.
    expect(result.outliers).toEqual([
      { entryId: 'E1', judgeId: 'B', deviation: '21.00' },
      { entryId: 'E1', judgeId: 'C', deviation: '-33.00' },
      { entryId: 'E2', judgeId: 'B', deviation: '23.00' },
      { entryId: 'E2', judgeId: 'C', deviation: '-34.00' },
      { entryId: 'E3', judgeId: 'C', deviation: '-26.00' },
      { entryId: 'E4', judgeId: 'C', deviation: '-27.00' },
    ]);
    const strict = aggregateStage({ rubric: IGA, sheets: EXAMPLE, normalise: false, outlierThreshold: '30' });
    expect(strict.outliers.map((o) => `${o.entryId}/${o.judgeId}`)).toEqual(['E1/C', 'E2/C']);
  });
});

describe('aggregateStage, worked example 2: normalised', () => {
  const result = aggregateStage({ rubric: IGA, sheets: EXAMPLE, normalise: true });

  it('puts every judge on the panel’s mean 75 and SD 15: x′ = 75 + (x − μj)/5 × 15', () => {
    // A: 78 → 75 + (−7/5)·15 = 54; 84 → 72; 86 → 78; 92 → 96. B (E3 78, E1 84, E4 86, E2 92) likewise.
    // C: 48 → 75 + ((48−55)/5)·15 = 54: the harsh judge lands exactly where A does.
    expect(result.sheets.map((s) => `${s.judgeId}${s.entryId} ${s.weighted}→${s.normalised}`)).toEqual([
      'AE1 78.00→54.00',
      'BE1 84.00→72.00',
      'CE1 48.00→54.00',
      'AE2 84.00→72.00',
      'BE2 92.00→96.00',
      'CE2 54.00→72.00',
      'AE3 86.00→78.00',
      'BE3 78.00→54.00',
      'CE3 56.00→78.00',
      'AE4 92.00→96.00',
      'BE4 86.00→78.00',
      'CE4 62.00→96.00',
    ]);
  });

  it('scores each entry as the mean of the normalised scores', () => {
    // E1 (54+72+54)/3 = 60; E2 (72+96+72)/3 = 80; E3 (78+54+78)/3 = 70; E4 (96+78+96)/3 = 90
    expect(result.entries.map((e) => `${e.entryId} ${e.score}`)).toEqual(['E1 60.00', 'E2 80.00', 'E3 70.00', 'E4 90.00']);
    // Judges' statistics and outliers stay on the raw scores.
    expect(result.judges[2]).toEqual({ judgeId: 'C', mean: '55.00', sd: '5.00' });
    expect(result.outliers).toHaveLength(6);
  });
});

describe('aggregateStage, normalisation', () => {
  // A judges all four entries; B judges E1, E2; C judges E3, E4 and is B minus 10 for the same quality.
  const sheets = [
    sheet('A', 'E1', '70'),
    sheet('A', 'E2', '80'),
    sheet('A', 'E3', '70'),
    sheet('A', 'E4', '80'),
    sheet('B', 'E1', '72'),
    sheet('B', 'E2', '78'),
    sheet('C', 'E3', '62'),
    sheet('C', 'E4', '68'),
  ];

  it('undoes a judge who gives everyone 10 less', () => {
    const raw = aggregateStage({ rubric: single, sheets, normalise: false });
    // Raw: E1 (70+72)/2 = 71 but E3 (70+62)/2 = 66, only because C is harsher than B.
    expect(raw.entries.map((e) => e.score)).toEqual(['71.00', '79.00', '66.00', '74.00']);
    const fair = aggregateStage({ rubric: single, sheets, normalise: true });
    // Overall mean 580/8 = 72.5; deviations −2.5, 7.5, −2.5, 7.5, −0.5, 5.5, −10.5, −4.5; squares sum 286;
    // variance 286/8 = 35.75, S = √35.75 = 5.979130…; every judge's z is ±1 → 72.5 ∓ 5.979 = 66.52 / 78.48.
    expect(fair.entries.map((e) => e.score)).toEqual(['66.52', '78.48', '66.52', '78.48']);
    expect(fair.overall).toEqual({ mean: '72.50', sd: '5.98' });
    const normalised = (judge: string, entry: string) => fair.sheets.find((s) => s.judgeId === judge && s.entryId === entry)?.normalised;
    expect(normalised('C', 'E3')).toBe(normalised('B', 'E1'));
    expect(normalised('C', 'E4')).toBe(normalised('B', 'E2'));
  });

  it('a judge with one sheet or no spread keeps x − own mean + overall mean', () => {
    const flat = [sheet('A', 'E1', '60'), sheet('A', 'E2', '80'), sheet('F', 'E1', '70'), sheet('F', 'E2', '70'), sheet('S', 'E1', '90')];
    const result = aggregateStage({ rubric: single, sheets: flat, normalise: true });
    // Overall mean (60+80+70+70+90)/5 = 74. F (SD 0): 70 − 70 + 74 = 74. S (one sheet): 90 − 90 + 74 = 74.
    expect(result.sheets.filter((s) => s.judgeId !== 'A').map((s) => s.normalised)).toEqual(['74.00', '74.00', '74.00']);
  });

  it('clamps a rescaled score to the rubric’s scale', () => {
    // A: 0,100,0,100 (mean 50, SD 50). B: 50,50,50,90 (mean 60, deviations −10,−10,−10,30, variance 300, SD √300 = 17.32).
    // All 8: mean 440/8 = 55; squares 3025+2025+3025+2025+25+25+25+1225 = 11400, /8 = 1425, S = 37.75.
    // B on E4: 55 + 30/17.32 × 37.75 = 55 + 65.38 = 120.38 → clamped to 100.
    const wide = [
      ...['0', '100', '0', '100'].map((v, i) => sheet('A', `E${i + 1}`, v)),
      ...['50', '50', '50', '90'].map((v, i) => sheet('B', `E${i + 1}`, v)),
    ];
    const result = aggregateStage({ rubric: single, sheets: wide, normalise: true });
    expect(result.sheets.find((s) => s.judgeId === 'B' && s.entryId === 'E4')?.normalised).toBe('100.00');
    // A on E1: 55 + (−50/50) × 37.7492 = 17.2508 → 17.25.
    // B on E1: 55 + (−10/17.3205) × 37.7492 = 55 − 10 × √(1425/300) = 55 − 10 × 2.179449 = 33.2055 → 33.21.
    expect(result.sheets.find((s) => s.judgeId === 'A' && s.entryId === 'E1')?.normalised).toBe('17.25');
    expect(result.sheets.find((s) => s.judgeId === 'B' && s.entryId === 'E1')?.normalised).toBe('33.21');
  });

  it('rounds an entry mean of exactly .005 up', () => {
    const half = aggregateStage({
      rubric: { ...single, scale: { min: '0', max: '100', step: '0.01' } },
      sheets: [sheet('A', 'E1', '70.01'), sheet('B', 'E1', '70')],
      normalise: false,
    });
    expect(half.entries[0]?.score).toBe('70.01'); // (70.01 + 70)/2 = 70.005
  });

  it('refuses two sheets of one judge for one entry, and names the bad sheet', () => {
    expect(() => aggregateStage({ rubric: single, sheets: [sheet('A', 'E1', '1'), sheet('A', 'E1', '2')], normalise: false })).toThrow(
      CompetitionInputError,
    );
    try {
      aggregateStage({ rubric: single, sheets: [sheet('A', 'E1', '1'), sheet('B', 'E1', '120')], normalise: false });
      expect.unreachable();
    } catch (e) {
      expect(e instanceof RubricScoreError ? [e.code, e.sheet] : e).toEqual(['out_of_scale', { judgeId: 'B', entryId: 'E1' }]);
    }
  });
});

describe('rankEntries: the tie rule', () => {
  it('ranks by score, then the highest-weight criterion, then earlier submission, then "1224"', () => {
    const ranked = rankEntries([
      { entryId: 'P', score: '80.00', tiebreak: { criterionScores: ['70', '90'], submittedAt: '2026-05-01T08:00:00+07:00' } },
      { entryId: 'Q', score: '80.00', tiebreak: { criterionScores: ['75', '60'], submittedAt: '2026-05-03T08:00:00+07:00' } },
      { entryId: 'R', score: '85.50', tiebreak: {} },
      { entryId: 'S', score: '80.00', tiebreak: { criterionScores: ['70', '90'], submittedAt: '2026-04-30T08:00:00+07:00' } },
      { entryId: 'T', score: '70.00', tiebreak: { criterionScores: ['60'], submittedAt: '2026-04-30T08:00:00+07:00' } },
      { entryId: 'U', score: '70.00', tiebreak: { criterionScores: ['60'], submittedAt: '2026-04-30T08:00:00+07:00' } },
      { entryId: 'V', score: '65', tiebreak: {} },
    ]);
    // R first on score. P, Q, S tie at 80: Q wins on the first criterion (75 > 70); P and S tie
    // on both criteria and S was submitted a day earlier. T and U are equal on every key: both 6th, next is 8th.
    expect(ranked.map((r) => `${r.rank}${r.tied ? '=' : ''} ${r.entryId}`)).toEqual(['1 R', '2 Q', '3 S', '4 P', '5= T', '5= U', '7 V']);
  });

  it('a missing tie-break key loses to a present one', () => {
    const ranked = rankEntries([
      { entryId: 'a', score: '50', tiebreak: {} },
      { entryId: 'b', score: '50', tiebreak: { criterionScores: ['0'] } },
    ]);
    expect(ranked.map((r) => r.entryId)).toEqual(['b', 'a']);
    expect(ranked.every((r) => !r.tied)).toBe(true);
  });

  it('builds the criterion keys from the rubric, highest weight first', () => {
    expect(criteriaByWeight(IGA)).toEqual(['kebaharuan', 'kemanfaatan', 'replikasi', 'kewenangan_kolaborasi', 'penguasaan_materi']);
    const perCriterion = {
      kebaharuan: '70.33',
      kemanfaatan: '70.67',
      kewenangan_kolaborasi: '69.33',
      replikasi: '69.00',
      penguasaan_materi: '69.67',
    };
    expect(tieBreakFromCriteria(IGA, perCriterion, '2026-05-01')).toEqual({
      criterionScores: ['70.33', '70.67', '69.00', '69.33', '69.67'],
      submittedAt: '2026-05-01',
    });
  });
});

describe('combineStages', () => {
  it('weights the stages and the public vote converted to count / most votes × 100', () => {
    // proposal 40 %, presentasi 50 %, vote 10 %. Votes 200, 50, 0 → vote scores 100, 25, 0.
    // K1: (40·80 + 50·90 + 10·100)/100 = (3200+4500+1000)/100 = 87.00
    // K2: (40·85.5 + 50·80 + 10·25)/100 = (3420+4000+250)/100 = 76.70
    // K3: (40·90 + 50·70.01 + 10·0)/100 = (3600+3500.5)/100 = 71.005 → 71.01 (half-up)
    const result = combineStages({
      stages: [
        { code: 'proposal', weight: '40', scores: { K1: '80', K2: '85.5', K3: '90' } },
        { code: 'presentasi', weight: '50', scores: { K1: '90', K2: '80', K3: '70.01' } },
      ],
      vote: { share: '10', counts: { K1: 200, K2: 50 } },
    });
    expect(result).toEqual({ K1: '87.00', K2: '76.70', K3: '71.01' });
  });

  it('keeps a third of the top vote exact until the final rounding', () => {
    // Stage 50 % at 60; vote 50 %, 1 of 3 votes → 33.333…; (50·60 + 50·100/3)/100 = 30 + 16.666… = 46.67
    expect(
      combineStages({ stages: [{ code: 's', weight: '50', scores: { a: '60', b: '60' } }], vote: { share: '50', counts: { a: 1, b: 3 } } }),
    ).toEqual({
      a: '46.67',
      b: '80.00',
    });
  });

  it('refuses weights that do not add up to 100 and an entry missing a stage score', () => {
    expect(() => combineStages({ stages: [{ code: 's', weight: '60', scores: { a: '1' } }], vote: { share: '30', counts: {} } })).toThrow(
      'Jumlah bobot tahap dan porsi suara publik harus 100, sekarang 90.',
    );
    expect(() =>
      combineStages({
        stages: [
          { code: 'proposal', weight: '50', scores: { a: '1', b: '2' } },
          { code: 'presentasi', weight: '50', scores: { a: '1' } },
        ],
      }),
    ).toThrow('Peserta b belum punya nilai tahap presentasi.');
  });
});

describe('advance', () => {
  const ranked = rankEntries([
    { entryId: 'a', score: '92', tiebreak: {} },
    { entryId: 'b', score: '85.00', tiebreak: {} },
    { entryId: 'c', score: '85', tiebreak: {} },
    { entryId: 'd', score: '84.99', tiebreak: {} },
  ]);

  it('top n takes everyone tied at the cut', () => {
    expect(advance(ranked, { kind: 'top', n: 1 })).toEqual(['a']);
    expect(advance(ranked, { kind: 'top', n: 2 })).toEqual(['a', 'b', 'c']);
  });

  it('passing takes every score at or above the passing grade (KIPP 2025: ≥ 85)', () => {
    expect(advance(ranked, { kind: 'passing', min: '85' })).toEqual(['a', 'b', 'c']);
  });
});

describe('rubricSchema', () => {
  it('refuses weights that do not add up to 100, repeated codes and an inverted scale, in Indonesian', () => {
    const result = rubricSchema.safeParse({
      code: 'uji',
      name: 'Uji',
      scale: { min: '5', max: '1' },
      criteria: [
        { code: 'a', name: 'A', weight: '60' },
        { code: 'a', name: 'A lagi', weight: '30' },
      ],
    });
    expect(result.success ? [] : result.error.issues.map((i) => i.message)).toEqual([
      'Nilai maksimum skala harus lebih besar dari minimum',
      'Kode kriteria "a" berulang',
      'Jumlah bobot kriteria harus 100, sekarang 90',
    ]);
  });

  it('converts a 1–5 rubric score to 0–100 for combining stages', () => {
    const five: Rubric = { ...single, scale: { min: '1', max: '5' } };
    expect(toPercentScale(five, '4')).toBe('75.00'); // (4 − 1)/(5 − 1) × 100
  });
});
