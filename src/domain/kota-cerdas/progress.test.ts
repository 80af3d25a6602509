import { describe, expect, it } from 'vitest';
import { isWithinSpan, programmeProgress, programmeStatus, type QuarterFigures, sumAmounts } from './progress.ts';

const outputs = [
  { outputId: 'a', targets: { 2024: '10', 2025: '20' } },
  { outputId: 'b', targets: { 2024: '3', 2025: '0' } },
];

describe('programmeProgress', () => {
  it('is null without any target above zero', () => {
    expect(programmeProgress([{ outputId: 'a', targets: { 2024: '0' } }], [])).toBeNull();
    expect(programmeProgress([], [])).toBeNull();
  });

  it('counts unreported years as 0 and takes the last quarter of each year', () => {
    // 2024: a 4/10 in Q2 then 7/10 in Q4 (Q4 counts) → 0.7; b 1/3 → 0.3333…; 2025 a unreported → 0.
    // (0.7 + 1/3 + 0) / 3 = 0.34444… → 34.44
    const reports = [
      { year: 2024, quarter: 2, status: 'berjalan' as const, figures: { a: '4', b: '3' } },
      { year: 2024, quarter: 4, status: 'berjalan' as const, figures: { a: '7', b: '1' } },
    ];
    expect(programmeProgress(outputs, reports)).toBe('34.44');
  });

  it('caps each target at 100 % and rounds half-up', () => {
    const reports: QuarterFigures[] = [
      { year: 2024, quarter: 4, status: 'selesai' as const, figures: { a: '25', b: '3' } },
      { year: 2025, quarter: 1, status: 'berjalan' as const, figures: { a: '1' } },
    ];
    // (1 + 1 + 1/20) / 3 = 0.68333… → 68.33
    expect(programmeProgress(outputs, reports)).toBe('68.33');
    // 1/8 = 12.5 % exactly; 1/16 = 6.25 %; 1/200 = 0.5 %
    expect(
      programmeProgress([{ outputId: 'x', targets: { 2024: '200' } }], [{ year: 2024, quarter: 1, status: 'berjalan', figures: { x: '1' } }]),
    ).toBe('0.50');
    expect(
      programmeProgress([{ outputId: 'x', targets: { 2024: '3' } }], [{ year: 2024, quarter: 1, status: 'berjalan', figures: { x: '2' } }]),
    ).toBe('66.67');
  });
});

describe('programmeStatus', () => {
  it('is the latest quarter’s status, or not yet reported', () => {
    expect(programmeStatus([])).toBe('belum_dilaporkan');
    expect(
      programmeStatus([
        { year: 2025, quarter: 1, status: 'terhambat' },
        { year: 2024, quarter: 4, status: 'selesai' },
      ]),
    ).toBe('terhambat');
  });
});

describe('sumAmounts', () => {
  it('adds decimals exactly', () => {
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
    expect(sumAmounts(['1250000000.55', '99999999999.45'])).toBe('101250000000.00');
    expect(sumAmounts([])).toBe('0.00');
  });
});

describe('isWithinSpan', () => {
  const span = { startYear: 2023, startQuarter: 3, endYear: 2024, endQuarter: 2 };
  it('includes both ends and nothing outside', () => {
    expect(isWithinSpan({ year: 2023, quarter: 3 }, span)).toBe(true);
    expect(isWithinSpan({ year: 2024, quarter: 2 }, span)).toBe(true);
    expect(isWithinSpan({ year: 2023, quarter: 2 }, span)).toBe(false);
    expect(isWithinSpan({ year: 2024, quarter: 3 }, span)).toBe(false);
  });
});
