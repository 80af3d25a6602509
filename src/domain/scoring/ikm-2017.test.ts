import { describe, expect, it } from 'vitest';
import { Ratio } from './decimal.ts';
import { classify } from './engine.ts';
import { withWeights } from './framework-registry.ts';
import { node, scoreErrors, scoreOk, shipped } from './test-support.ts';

const ikm = shipped('ikm-2017');
const UNSUR = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'] as const;

/** Responses built column by column from how many people gave 4, 3, 2 and 1 to each unsur. */
function fromCounts(counts: Record<string, [number, number, number, number]>): Array<Record<string, number | null>> {
  const columns = Object.entries(counts).map(([unsur, [c4, c3, c2, c1]]) => ({
    unsur,
    answers: [...Array(c4).fill(4), ...Array(c3).fill(3), ...Array(c2).fill(2), ...Array(c1).fill(1)] as number[],
  }));
  const n = Math.max(...columns.map((c) => c.answers.length));
  return Array.from({ length: n }, (_, r) => Object.fromEntries(columns.map((c) => [c.unsur, c.answers[r] ?? null])));
}

/** n responses whose 9n answers add up to `total` (IKM = 25 × total ÷ 9n). */
function withTotal(n: number, total: number): Array<Record<string, number>> {
  const answers = 9 * n;
  const base = Math.floor(total / answers);
  let extra = total - base * answers;
  return Array.from({ length: n }, () =>
    Object.fromEntries(
      UNSUR.map((u) => {
        const v = extra > 0 ? base + 1 : base;
        extra -= 1;
        return [u, v];
      }),
    ),
  );
}

// rennn9/GASPUL_BACKEND rumus_perhitungan_ikm_lengkap.md, "Triwulan III", 29 respondents. GASPUL numbers
// Sarana as U8 and Pengaduan as U9; ikm-2017 follows the regulation (U8 Pengaduan, U9 Sarana).
const gaspulTriwulan3 = fromCounts({
  U1: [18, 11, 0, 0],
  U2: [14, 15, 0, 0],
  U3: [15, 12, 2, 0],
  U4: [29, 0, 0, 0],
  U5: [15, 14, 0, 0],
  U6: [18, 11, 0, 0],
  U7: [19, 10, 0, 0],
  U8: [28, 1, 0, 0],
  U9: [18, 11, 0, 0],
});

describe('IKM 2017: golden results', () => {
  it('GASPUL Triwulan III, 29 respondents, weight 1/9: IKM 91,48, mutu A, Sangat Baik', () => {
    const result = scoreOk(ikm, { responses: gaspulTriwulan3 });
    expect(result.index).toBe('91.48');
    expect(result.value).toBe('91.475095785441'); // 23875/261
    expect(result.grade).toBe('A');
    expect(result.predicate).toBe('Sangat Baik');
    expect(result.respondents).toBe(29);
    expect(node(result, 'U1').index).toBe('3.621'); // 105/29
    expect(node(result, 'U3').index).toBe('3.448'); // 100/29
    expect(node(result, 'U4').index).toBe('4.000');
    expect(node(result, 'U3').details).toEqual({ answered: 29, sum: '100' });
  });

  it('GASPUL Triwulan III with the legacy weight 0,11 per unsur: IKM 90,56 as that report prints', () => {
    const legacy = withWeights(ikm, Object.fromEntries(UNSUR.map((u) => [u, '0.11'])));
    if (!legacy.ok) throw new Error(JSON.stringify(legacy.errors));
    const result = scoreOk(legacy.framework, { responses: gaspulTriwulan3 });
    expect(result.index).toBe('90.56');
    expect(result.grade).toBe('A');
  });

  it('Tulang Bawang Barat practice: all answers 4 with weight 0,111 give 99,90, not the 100 such reports print; exact 1/9 gives 100,00', () => {
    const allFour = [Object.fromEntries(UNSUR.map((u) => [u, 4]))];
    expect(scoreOk(ikm, { responses: allFour }).index).toBe('100.00');
    const legacy = withWeights(ikm, Object.fromEntries(UNSUR.map((u) => [u, '0.111'])));
    if (!legacy.ok) throw new Error(JSON.stringify(legacy.errors));
    expect(scoreOk(legacy.framework, { responses: allFour }).index).toBe('99.90');
  });
});

describe('IKM 2017: bands (classified on the value rounded to 2 decimals)', () => {
  it.each([
    ['100', 'A', 'Sangat Baik'],
    ['88.31', 'A', 'Sangat Baik'],
    ['88.305', 'A', 'Sangat Baik'],
    ['88.30', 'B', 'Baik'],
    ['76.61', 'B', 'Baik'],
    ['76.605', 'B', 'Baik'],
    ['76.60', 'C', 'Kurang Baik'],
    ['65.00', 'C', 'Kurang Baik'],
    ['64.995', 'C', 'Kurang Baik'],
    ['64.99', 'D', 'Tidak Baik'],
    ['25', 'D', 'Tidak Baik'],
  ])('%s → mutu %s (%s)', (value, grade, predicate) => {
    expect(classify(ikm, 'indeks', Ratio.from(value))).toEqual({ published: Ratio.from(value).roundHalfUp(2).toFixed(2), grade, predicate });
  });

  it('end to end: 5,000 responses worth exactly 64,995 publish as 65,00 (C) and 88,305 as 88,31 (A)', () => {
    const low = scoreOk(ikm, { responses: withTotal(5000, 116_991) });
    expect(low.value).toBe('64.995');
    expect([low.index, low.grade]).toEqual(['65.00', 'C']);
    const high = scoreOk(ikm, { responses: withTotal(5000, 158_949) });
    expect(high.value).toBe('88.305');
    expect([high.index, high.grade]).toEqual(['88.31', 'A']);
  });

  it('all answers 1 give the floor 25,00, mutu D', () => {
    const result = scoreOk(ikm, { responses: withTotal(3, 27) });
    expect([result.index, result.grade, result.predicate]).toEqual(['25.00', 'D', 'Tidak Baik']);
  });
});

describe('IKM 2017: unanswered unsur and counting', () => {
  it('leaves an unanswered unsur out of that unsur’s average instead of counting it as zero', () => {
    const allFour = Object.fromEntries(UNSUR.map((u) => [u, 4]));
    const twos = Object.fromEntries(UNSUR.filter((u) => u !== 'U3').map((u) => [u, 2]));
    const result = scoreOk(ikm, { responses: [allFour, { ...twos, U9: null }] });
    // U3 answered once (4); U9 answered once (4); the other seven (4 + 2) ÷ 2 = 3.
    expect(node(result, 'U3').details).toEqual({ answered: 1, sum: '4' });
    expect(node(result, 'U9').details).toEqual({ answered: 1, sum: '4' });
    expect(result.value).toBe('80.555555555556'); // 25/9 × (7 × 3 + 4 + 4)
    expect(result.index).toBe('80.56');
  });

  it('does not count a response with no answers, and says so', () => {
    const result = scoreOk(ikm, { responses: [...gaspulTriwulan3, {}] });
    expect(result.respondents).toBe(29);
    expect(result.index).toBe('91.48');
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'EMPTY_RESPONSE' })]);
  });

  it('explains the NRR and the IKM in Indonesian', () => {
    const result = scoreOk(ikm, { responses: gaspulTriwulan3 });
    expect(node(result, 'U1').explanation).toContain('jumlah nilai 105 ÷ 29 responden yang menjawab');
    expect(result.nodes.indeks?.explanation).toContain('× 25');
    expect(result.nodes.indeks?.explanation).toContain('Predikat Sangat Baik (mutu A)');
  });
});

describe('IKM 2017: invalid input is an error naming the unsur and the respondent', () => {
  it('rejects an answer outside 1–4 and a non-number', () => {
    const responses = [Object.fromEntries(UNSUR.map((u) => [u, 3])), { ...Object.fromEntries(UNSUR.map((u) => [u, 3])), U5: 5, U6: 'baik' }];
    const errors = scoreErrors(ikm, { responses });
    expect(errors).toEqual([
      expect.objectContaining({ indicator: 'U5', respondent: 1, code: 'OUT_OF_RANGE' }),
      expect.objectContaining({ indicator: 'U6', respondent: 1, code: 'INVALID_VALUE' }),
    ]);
    expect(errors[0]?.message).toContain('Responden ke-2');
  });

  it('rejects an unknown unsur key', () => {
    const errors = scoreErrors(ikm, { responses: [{ ...Object.fromEntries(UNSUR.map((u) => [u, 3])), U10: 4 }] });
    expect(errors).toEqual([expect.objectContaining({ indicator: 'U10', respondent: 0, code: 'UNKNOWN_INDICATOR' })]);
  });

  it('rejects a survey where an unsur has no answers at all', () => {
    const errors = scoreErrors(ikm, { responses: [Object.fromEntries(UNSUR.filter((u) => u !== 'U9').map((u) => [u, 3]))] });
    expect(errors).toEqual([expect.objectContaining({ indicator: 'U9', code: 'MISSING_VALUE' })]);
  });

  it('rejects empty and malformed input', () => {
    expect(scoreErrors(ikm, { responses: [] })[0]).toMatchObject({ indicator: null, code: 'NO_DATA' });
    expect(scoreErrors(ikm, { responses: {} })[0]).toMatchObject({ indicator: null, code: 'INVALID_INPUT' });
    expect(scoreErrors(ikm, { values: {} })[0]).toMatchObject({ indicator: null, code: 'INVALID_INPUT' });
    expect(scoreErrors(ikm, { responses: [Object.fromEntries(UNSUR.map((u) => [u, 3])), 7] })[0]).toMatchObject({
      respondent: 1,
      code: 'INVALID_INPUT',
    });
  });

  it('summarises after 50 errors', () => {
    const bad = Array.from({ length: 100 }, () => ({ U1: 9 }));
    const errors = scoreErrors(ikm, { responses: bad });
    expect(errors).toHaveLength(51);
    expect(errors[50]?.message).toContain('kesalahan lain');
  });
});
