import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bandContains, checkBands, describeBand } from './bands.ts';
import { Dec, formatId, Ratio } from './decimal.ts';
import type { Band } from './framework.schema.ts';

describe('Ratio: exact arithmetic', () => {
  it('parses decimals and fractions exactly', () => {
    expect(Ratio.from('1.30').toPlain()).toBe('1.3');
    expect(Ratio.from('1/9').mul(Ratio.int(9)).toPlain()).toBe('1');
    expect(Ratio.from('-0.5').toPlain()).toBe('-0.5');
    expect(Ratio.parse('1,5')).toBeNull();
    expect(Ratio.parse('1/0')).toBeNull();
    expect(Ratio.parse('1/2/3')).toBeNull();
    expect(Ratio.parse('')).toBeNull();
  });

  it('adds 0.1 and 0.2 to exactly 0.3, unlike binary floats', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(Ratio.from('0.1').add(Ratio.from('0.2')).eq(Ratio.from('0.3'))).toBe(true);
  });

  it('keeps 38/11 exact through multiplication, so 0.165 × 38/11 is exactly 0.57', () => {
    expect(
      Ratio.from('0.165')
        .mul(Ratio.int(38).div(Ratio.int(11)))
        .toPlain(),
    ).toBe('0.57');
  });

  it('nine thirds of a ninth make one third: no drift from repeated 1/9', () => {
    let sum = Ratio.ZERO;
    for (let i = 0; i < 9; i += 1) sum = sum.add(Ratio.from('1/9').mul(Ratio.from('3')));
    expect(sum.toPlain()).toBe('3');
  });

  it('compares, takes min and max', () => {
    const a = Ratio.from('2.5');
    const b = Ratio.from('5/2');
    expect(a.eq(b)).toBe(true);
    expect(Ratio.from('1/3').lt(Ratio.from('0.3334'))).toBe(true);
    expect(Ratio.from('1/3').gt(Ratio.from('0.3333'))).toBe(true);
    expect(a.min(Ratio.int(1)).toPlain()).toBe('1');
    expect(a.max(Ratio.int(1)).toPlain()).toBe('2.5');
  });

  it('throws on division by zero (a programming error, never reached from user input)', () => {
    expect(() => Ratio.int(1).div(Ratio.ZERO)).toThrow(RangeError);
  });
});

describe('Ratio: half-up rounding', () => {
  it.each([
    ['4.745', 2, '4.75'],
    ['4.765', 2, '4.77'],
    ['2.675', 2, '2.68'], // 2.675 is 2.67499999… as a binary float
    ['1.005', 2, '1.01'],
    ['3.625', 2, '3.63'], // half-even would give 3.62
    ['3.615', 2, '3.62'],
    ['0.004', 2, '0.00'],
    ['0.005', 2, '0.01'],
    ['-1.005', 2, '-1.01'], // ties away from zero
    ['99.995', 2, '100.00'],
    ['7', 2, '7.00'],
  ])('%s to %i places is %s', (value, places, expected) => {
    expect(Ratio.from(value).roundHalfUp(places).toFixed(places)).toBe(expected);
  });

  it('binary floats get 2.675 and 1.005 wrong; the engine does not', () => {
    expect((2.675).toFixed(2)).toBe('2.67');
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(
      Ratio.fromDecimal(new Dec(String(2.675)))
        .roundHalfUp(2)
        .toFixed(2),
    ).toBe('2.68');
  });

  it('rounds a non-terminating value correctly on either side of the tie', () => {
    expect(Ratio.int(38).div(Ratio.int(11)).roundHalfUp(2).toFixed(2)).toBe('3.45');
    expect(Ratio.from('2/3').roundHalfUp(2).toFixed(2)).toBe('0.67');
  });
});

describe('Ratio: text', () => {
  it('prints exact values exactly and long ones to 12 places', () => {
    expect(Ratio.from('91.475').toPlain()).toBe('91.475');
    expect(Ratio.int(23875).div(Ratio.int(261)).toPlain()).toBe('91.475095785441');
    expect(Ratio.int(10).toPlain()).toBe('10');
    expect(Ratio.from('1/3').toPlain(4)).toBe('0.3333');
  });

  it('formats for people with a decimal comma and ≈ when shortened', () => {
    expect(formatId(Ratio.from('4.745'))).toBe('4,745');
    expect(formatId(Ratio.from('38/11'))).toBe('≈3,4545');
    expect(formatId(Ratio.int(100))).toBe('100');
  });

  it('stays usable with huge denominators (falls back to 30 significant digits)', () => {
    let sum = Ratio.ZERO;
    const primes = [101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197];
    for (const p of primes) sum = sum.add(Ratio.int(1).div(Ratio.int(p)));
    expect(sum.toPlain(6)).toBe('0.141192'); // the exact sum has a 44-digit denominator
  });
});

describe('bands', () => {
  const band = (min: [string, boolean] | null, max: [string, boolean] | null, name = 'x'): Band => ({
    name,
    min: min === null ? null : { value: min[0], inclusive: min[1] },
    max: max === null ? null : { value: max[0], inclusive: max[1] },
  });

  it('honours inclusive and exclusive edges, and unbounded ones', () => {
    const b = band(['3.5', true], ['4.2', false]);
    expect(bandContains(b, Ratio.from('3.5'))).toBe(true);
    expect(bandContains(b, Ratio.from('4.2'))).toBe(false);
    expect(bandContains(b, Ratio.from('4.1999'))).toBe(true);
    expect(bandContains(band(null, ['1.8', false]), Ratio.from('-100'))).toBe(true);
    expect(bandContains(band(['0', false], null), Ratio.from('0'))).toBe(false);
  });

  it('describes a band with its edges', () => {
    expect(describeBand(band(['4.2', true], ['5.0', true]))).toBe('4,2 ≤ nilai ≤ 5,0');
    expect(describeBand(band(null, ['1.8', false]))).toBe('nilai < 1,8');
    expect(describeBand(band(['0', false], null))).toBe('0 < nilai');
  });

  it('finds an empty band, an overlap and a gap; allows a sub-step gap on a grid', () => {
    expect(checkBands([band(['2', true], ['1', true])], null)).toHaveLength(1);
    expect(checkBands([band(['0', true], ['2', true], 'a'), band(['2', true], ['3', true], 'b')], null)[0]?.messageEn).toContain('overlap');
    expect(checkBands([band(['0', true], ['2', false], 'a'), band(['2', false], ['3', true], 'b')], null)[0]?.messageEn).toContain('Gap');
    expect(checkBands([band(['0', true], ['2', false], 'a'), band(['2', true], ['3', true], 'b')], null)).toEqual([]);
    expect(checkBands([band(['0', true], ['64.99', true], 'D'), band(['65.00', true], ['100', true], 'C')], 2)).toEqual([]);
    expect(checkBands([band(['0', true], ['64.98', true], 'D'), band(['65.00', true], ['100', true], 'C')], 2)).toHaveLength(1);
  });
});

describe('purity of the engine', () => {
  it('no engine module touches files, network, database, clock or randomness', () => {
    const dir = new URL('./', import.meta.url);
    const engineFiles = readdirSync(dir).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'load-shipped.ts' && f !== 'test-support.ts',
    );
    expect(engineFiles.length).toBeGreaterThan(8);
    const forbidden = [
      /from 'node:/,
      /from '(fs|http|https|net|pg|drizzle-orm|@electric-sql)/,
      /Date\.now|new Date\(/,
      /Math\.random/,
      /#server\//,
      /console\./,
    ];
    for (const file of engineFiles) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      for (const pattern of forbidden) expect(`${file}: ${pattern.test(text)}`).toBe(`${file}: false`);
    }
  });
});
