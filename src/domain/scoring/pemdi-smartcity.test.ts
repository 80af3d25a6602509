import { describe, expect, it } from 'vitest';
import { Ratio } from './decimal.ts';
import { withWeights } from './framework-registry.ts';
import { levels, node, scoreErrors, scoreOk, shipped } from './test-support.ts';

const pemdi = shipped('pemdi-2026');
const smart = shipped('smartcity-2021');

// Assessor values for Kab. Aceh Tengah, Evaluasi Kinerja Pemerintah Digital 2026 (interview
// material, 21 Sep 2026), as kept in Niumination/PemdiAcehTengah data/evaluasi-asesor-2026.json.
const acehTengah2026: Record<string, number | string> = {
  1: 2.0,
  2: 1.5,
  3: 1.26,
  4: 1.3,
  5: 1.0,
  6: 1.0,
  7: 1.0,
  8: 1.0,
  9: 1.0,
  10: 1.0,
  11: 1.5,
  12: 1.25,
  13: 1.17,
  14: 1.0,
  15: 1.0,
  16: 1.0,
  17: 2.5,
  18: 1.0,
  19: 1.0,
  20: 1.3,
};

describe('Indeks Pemdi 2026: golden result (asesor eksternal KemenPANRB, Kab. Aceh Tengah 2026)', () => {
  it('indicator values → Indeks Pemdi 1,24 and aspects 1,75 / 1,28 / 1,00 / 1,17 / 1,40 / 1,18 as published', () => {
    const result = scoreOk(pemdi, { values: acehTengah2026 });
    expect(result.index).toBe('1.24');
    expect(result.value).toBe('1.2415');
    expect(node(result, 'A1').index).toBe('1.75');
    expect(node(result, 'A2').index).toBe('1.28');
    expect(node(result, 'A3').index).toBe('1.00');
    expect(node(result, 'A4').index).toBe('1.17');
    expect(node(result, 'A6').index).toBe('1.40');
    expect(node(result, 'A7').index).toBe('1.18');
  });

  it('aspect 5 is published as 1,08: from the displayed 1,17 it is exactly 1,085 → 1,09; from 7/6 (the likely unrounded 1,17) it is 1,08', () => {
    // Indicator 13 is shown as 1,17; (5 × 1.17 + 5 × 1) ÷ 10 = 1.085 exactly, which rounds half-up
    // to 1.09. The published 1,08 matches an unrounded indicator value such as 7/6 = 1.1666…
    const shown = scoreOk(pemdi, { values: acehTengah2026 });
    expect(node(shown, 'A5').value).toBe('1.085');
    expect(node(shown, 'A5').index).toBe('1.09');
    const unrounded = scoreOk(pemdi, { values: { ...acehTengah2026, 13: '1.166666666666666667' } });
    expect(node(unrounded, 'A5').index).toBe('1.08');
    expect(unrounded.index).toBe('1.24');
  });

  it('gives 1,24 the band "Kurang" (Merintis) of the shipped table, which is marked uncertain', () => {
    const result = scoreOk(pemdi, { values: acehTengah2026 });
    expect(result.predicate).toBe('Kurang');
    expect(pemdi.predicates?.confidence).toBe('uncertain');
    expect(pemdi.predicates?.bands.find((b) => b.name === 'Kurang')?.label).toBe('Merintis (Initiate)');
  });
});

describe('Indeks Pemdi 2026: rules', () => {
  it('indicators 5, 6, 7 and 18 (taken from other national indices) count as 1 when not given, with a warning each', () => {
    const { 5: _a, 6: _b, 7: _c, 18: _d, ...rest } = acehTengah2026;
    const result = scoreOk(pemdi, { values: rest });
    expect(result.index).toBe('1.24');
    expect(result.warnings.map((w) => [w.indicator, w.code])).toEqual([
      ['5', 'DEFAULT_USED'],
      ['6', 'DEFAULT_USED'],
      ['7', 'DEFAULT_USED'],
      ['18', 'DEFAULT_USED'],
    ]);
    expect(node(result, '6').input).toBeNull();
    expect(node(result, '6').explanation).toContain('dipakai 1');
  });

  it('a mandatory indicator left out is an error, not a default', () => {
    const { 8: _dropped, ...rest } = acehTengah2026;
    expect(scoreErrors(pemdi, { values: rest })).toEqual([expect.objectContaining({ indicator: '8', code: 'MISSING_VALUE' })]);
  });

  it('rejects values outside 1–5 and decimal commas', () => {
    for (const bad of [5.01, 0.99, -1]) {
      expect(scoreErrors(pemdi, { values: { ...acehTengah2026, 17: bad } })[0]).toMatchObject({ indicator: '17', code: 'OUT_OF_RANGE' });
    }
    expect(scoreErrors(pemdi, { values: { ...acehTengah2026, 17: '2,5' } })[0]).toMatchObject({ indicator: '17', code: 'INVALID_VALUE' });
  });

  it.each(['1', '2.37', '3.5', '5'])('every indicator at %s gives that index, aspects alike', (v) => {
    const result = scoreOk(pemdi, { values: levels(1, 20, Number(v)) });
    expect(Ratio.from(result.value).eq(Ratio.from(v))).toBe(true);
    expect(node(result, 'A4').value).toBe(Ratio.from(v).toPlain());
  });

  it('places the band edges as in the shipped table (3,50 Sangat Baik; 3,49 Baik; 4,00 Memuaskan)', () => {
    expect(scoreOk(pemdi, { values: levels(1, 20, 3.5) }).predicate).toBe('Sangat Baik');
    expect(scoreOk(pemdi, { values: levels(1, 20, 3.49) }).predicate).toBe('Baik');
    expect(scoreOk(pemdi, { values: levels(1, 20, 4) }).predicate).toBe('Memuaskan');
    expect(scoreOk(pemdi, { values: levels(1, 20, 3.995) }).predicate).toBe('Memuaskan'); // publishes as 4.00
  });
});

describe('Smart city 2021: golden results (Kominfo, Pemberitahuan Hasil Evaluasi Smart City)', () => {
  it('Kota Jambi 2024 (B-1478/DJAI/AI.01.02/11/2024): 3,84 / 3,18 / 3,53 / 3,63 / 3,35 → final 3,48 (exactly 3.475, half-up)', () => {
    const result = scoreOk(smart, {
      values: { baseline: 3.84, output: 3.18, outcome: 3.53, impact: 3.63, quickwin: 3.35 },
    });
    expect(result.value).toBe('3.475');
    expect(result.index).toBe('3.48');
    expect(result.predicate).toBeNull();
  });

  it('Kota Kediri 2022 (B-1003/DJAI/AI.01.04/12/2022): published 3,31; the published (already rounded) dimensions give 3,315 → 3,32, within 0,01', () => {
    const result = scoreOk(smart, {
      values: { baseline: 3.6, output: 3.21, outcome: 3.23, impact: 3.07, quickwin: 3.65 },
    });
    expect(result.value).toBe('3.315');
    expect(result.index).toBe('3.32');
    expect(Ratio.from(result.index).sub(Ratio.from('3.31')).toPlain()).toBe('0.01');
    // Unrounded dimensions consistent with the published ones (outcome 3.228 shows as 3,23) give 3,31.
    const consistent = scoreOk(smart, {
      values: { baseline: 3.6, output: 3.21, outcome: 3.228, impact: 3.07, quickwin: 3.65 },
    });
    expect(consistent.index).toBe('3.31');
  });

  it('the Sleman weight set 10/20/30/30/10 reproduces neither published result (why 10/20/30/20/20 ships)', () => {
    const sleman = withWeights(smart, { impact: '30', quickwin: '10' });
    if (!sleman.ok) throw new Error(JSON.stringify(sleman.errors));
    const jambi = scoreOk(sleman.framework, {
      values: { baseline: 3.84, output: 3.18, outcome: 3.53, impact: 3.63, quickwin: 3.35 },
    });
    expect(jambi.index).not.toBe('3.48');
    expect(jambi.index).toBe('3.50');
  });
});

describe('Smart city 2021: rules', () => {
  it('all five dimensions are required and must lie within 1–5', () => {
    expect(scoreErrors(smart, { values: { baseline: 3, output: 3, outcome: 3, impact: 3 } })).toEqual([
      expect.objectContaining({ indicator: 'quickwin', code: 'MISSING_VALUE' }),
    ]);
    expect(scoreErrors(smart, { values: { baseline: 3, output: 3, outcome: 6, impact: 3, quickwin: 3 } })[0]).toMatchObject({
      indicator: 'outcome',
      code: 'OUT_OF_RANGE',
    });
  });

  it('explains the weighted mean with the weights and values', () => {
    const result = scoreOk(smart, {
      values: { baseline: 3.84, output: 3.18, outcome: 3.53, impact: 3.63, quickwin: 3.35 },
    });
    expect(result.nodes.indeks?.explanation).toContain('347,5 ÷ 100 = 3,475');
    expect(node(result, 'outcome').contribution).toBe('1.059');
  });
});
