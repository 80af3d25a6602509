/** Every kind of figure has one precision, and a change takes the precision of its figure. */
import { describe, expect, it } from 'vitest';
import { deltaParts, FIGURE_PLACES, figureText } from './figures.ts';

describe('figureText', () => {
  it('rounds each kind half-up to its places, keeping trailing zeros', () => {
    expect(figureText('3.6875', 'index')).toBe('3.69');
    expect(figureText('2.6', 'index')).toBe('2.60');
    expect(figureText('187.125', 'iid')).toBe('187.13');
    expect(figureText('82.5', 'ikm')).toBe('82.50');
    expect(figureText('66.666666', 'percent')).toBe('66.7');
    expect(figureText('100', 'percent')).toBe('100.0');
  });

  it('gives indexes, IID and IKM two places and percentages one', () => {
    expect(FIGURE_PLACES).toEqual({ index: 2, iid: 2, ikm: 2, percent: 1 });
  });
});

describe('deltaParts', () => {
  it('shows the changes the issue saw mixed with one precision: +0.03 beside +0.03, +0.60 beside +0.05', () => {
    expect(deltaParts('0.03', 'index')).toEqual({ sign: '+', magnitude: '0.03', direction: 'up' });
    expect(deltaParts('0.0275', 'index')).toEqual({ sign: '+', magnitude: '0.03', direction: 'up' });
    expect(deltaParts('0.6', 'iid')).toEqual({ sign: '+', magnitude: '0.60', direction: 'up' });
    expect(deltaParts('0.047', 'iid')).toEqual({ sign: '+', magnitude: '0.05', direction: 'up' });
  });

  it('writes a fall with a minus sign and a change that rounds to nothing as flat', () => {
    expect(deltaParts('-0.125', 'index')).toEqual({ sign: '−', magnitude: '0.13', direction: 'down' });
    expect(deltaParts('-0.004', 'index')).toEqual({ sign: '', magnitude: '0.00', direction: 'flat' });
    expect(deltaParts('0', 'ikm')).toEqual({ sign: '', magnitude: '0.00', direction: 'flat' });
    expect(deltaParts('-2.35', 'percent')).toEqual({ sign: '−', magnitude: '2.4', direction: 'down' });
  });
});
