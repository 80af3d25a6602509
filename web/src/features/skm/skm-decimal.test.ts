import { describe, expect, it } from 'vitest';
import { differenceText, fractionOf } from './skm-decimal.ts';

describe('survey figures for display', () => {
  it('takes the difference of two indices exactly, in the places they are shown', () => {
    expect(differenceText('83.10', '82.35', 2)).toBe('0.75');
    expect(differenceText('82.35', '83.1', 2)).toBe('-0.75');
    expect(differenceText('80.005', '80', 2)).toBe('0.01');
    expect(differenceText('0.1', '0.2', 2)).toBe('-0.10');
    expect(differenceText('76.5', '76.50', 2)).toBe('0.00');
    expect(differenceText('x', '1', 2)).toBeNull();
  });

  it('places a figure on its scale for drawing', () => {
    expect(fractionOf('2.5', 1, 4)).toBe(0.5);
    expect(fractionOf('5', 1, 4)).toBe(1);
    expect(fractionOf('n/a', 1, 4)).toBe(0);
  });
});
