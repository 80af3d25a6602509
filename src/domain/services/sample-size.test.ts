/**
 * The Krejcie–Morgan minimum sample as PermenPANRB 14/2017 uses it: the rows seen in published copies
 * of the table (marked verified in the domain notes), the next-higher-row lookup between rows, and
 * the edges (small populations ask everyone, huge ones stop at 384, no population yet gives no judgement).
 */
import { describe, expect, it } from 'vitest';
import { KREJCIE_MORGAN, minimumSample, sampleSufficient } from './sample-size.ts';

// Rows marked ✓ (seen in stored copies of the table) in spbe-smartcity-ikm.md §3.6.
const VERIFIED: ReadonlyArray<readonly [number, number]> = [
  [10, 10],
  [15, 14],
  [20, 19],
  [25, 24],
  [30, 28],
  [35, 32],
  [40, 36],
  [45, 40],
  [50, 44],
  [55, 48],
  [60, 52],
  [220, 140],
  [230, 144],
  [240, 148],
  [250, 152],
  [260, 155],
  [270, 159],
  [280, 162],
  [290, 165],
  [300, 169],
  [320, 175],
  [340, 181],
  [500, 217],
  [1200, 291],
  [1300, 297],
  [1400, 302],
  [1500, 306],
  [1600, 310],
  [1700, 313],
  [1800, 317],
  [1900, 320],
  [2000, 322],
  [2200, 327],
];

/** The formula behind the table: s = X²NP(1−P) / (d²(N−1) + X²P(1−P)), X² = 3.841, P = 0.5, d = 0.05. */
const formula = (n: number) => (3.841 * n * 0.25) / (0.0025 * (n - 1) + 3.841 * 0.25);

describe('minimumSample (Krejcie–Morgan)', () => {
  it.each(VERIFIED)('population %i needs %i respondents, as the published table says', (population, sample) => {
    expect(minimumSample(population)).toBe(sample);
  });

  it('looks up the next-higher row between rows (196 users: the 200 row, 132)', () => {
    expect(minimumSample(196)).toBe(132);
    expect(minimumSample(201)).toBe(136);
    expect(minimumSample(301)).toBe(175);
    expect(minimumSample(2001)).toBe(327);
  });

  it('asks every user of a service with ten users or fewer', () => {
    expect(minimumSample(0)).toBe(0);
    expect(minimumSample(1)).toBe(1);
    expect(minimumSample(7)).toBe(7);
    expect(minimumSample(11)).toBe(14);
  });

  it('stops at 384 for very large populations', () => {
    expect(minimumSample(1_000_000)).toBe(384);
    expect(minimumSample(25_000_000)).toBe(384);
  });

  it('every table row is within one respondent of the formula behind it, and never shrinks as the population grows', () => {
    let previous = 0;
    for (const [n, s] of KREJCIE_MORGAN) {
      expect(Math.abs(formula(n) - s), `row ${n}`).toBeLessThanOrEqual(1);
      expect(s).toBeGreaterThanOrEqual(previous);
      previous = s;
    }
  });

  it('gives no judgement without a population, and refuses a population that is not a whole number', () => {
    expect(minimumSample(null)).toBeNull();
    expect(sampleSufficient(50, null)).toBeNull();
    expect(() => minimumSample(-1)).toThrow(RangeError);
    expect(() => minimumSample(10.5)).toThrow(RangeError);
  });

  it('judges the sample sufficient from the minimum on (74 of 196 is not, 132 is)', () => {
    expect(sampleSufficient(74, 196)).toBe(false);
    expect(sampleSufficient(131, 196)).toBe(false);
    expect(sampleSufficient(132, 196)).toBe(true);
  });
});
