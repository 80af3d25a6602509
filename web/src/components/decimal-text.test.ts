import { describe, expect, it } from 'vitest';
import { formatDecimalText } from '../i18n/i18n.tsx';
import { compareDecimalText, roundDecimalText, shortDecimalText } from './decimal-text.ts';

describe('decimal text for display', () => {
  it('rounds half-up at the digit the frameworks publish', () => {
    expect(roundDecimalText('4.745', 2)).toBe('4.75');
    expect(roundDecimalText('4.744999', 2)).toBe('4.74');
    expect(roundDecimalText('0.083333333333', 3)).toBe('0.083');
    expect(roundDecimalText('0.6', 2)).toBe('0.60');
    expect(roundDecimalText('9.995', 2)).toBe('10.00');
    expect(roundDecimalText('3', 0)).toBe('3');
    expect(roundDecimalText('2.5', 0)).toBe('3');
    expect(roundDecimalText('-0.004', 2)).toBe('0.00');
    expect(roundDecimalText('-1.255', 2)).toBe('-1.26');
    expect(roundDecimalText('n/a', 2)).toBe('n/a');
  });

  it('shortens gains without losing their first digits', () => {
    expect(shortDecimalText('0.6')).toBe('0.6');
    expect(shortDecimalText('0.083333333333')).toBe('0.083');
    expect(shortDecimalText('0.0275')).toBe('0.028');
    expect(shortDecimalText('2.000')).toBe('2');
    expect(shortDecimalText('12')).toBe('12');
  });

  it('compares exactly, whatever the number of places', () => {
    expect(compareDecimalText('2.30', '2.3')).toBe(0);
    expect(compareDecimalText('2.31', '2.3')).toBe(1);
    expect(compareDecimalText('0.000000000001', '0')).toBe(1);
    expect(compareDecimalText('-1', '0')).toBe(-1);
  });

  it('formats digit for digit in the Indonesian way', () => {
    const id = new Intl.NumberFormat('id-ID');
    const format = (text: string) => formatDecimalText(text, (w) => id.format(w), ',');
    expect(format('2.31')).toBe('2,31');
    expect(format('1234.500')).toBe('1.234,500');
    expect(format('48')).toBe('48');
    expect(format('-0.5')).toBe('-0,5');
    expect(format('—')).toBe('—');
  });
});
