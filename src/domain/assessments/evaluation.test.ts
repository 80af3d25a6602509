import { describe, expect, it } from 'vitest';
import { loadShipped } from '../scoring/load-shipped.ts';
import { deltaOf, isSmartCityFramework, pillarsOf } from './evaluation.ts';

describe('evaluation rules', () => {
  it('takes the difference of two published values exactly, with the longer number of places', () => {
    expect(deltaOf('3.13', '2.94')).toBe('0.19');
    expect(deltaOf('2.94', '3.13')).toBe('-0.19');
    expect(deltaOf('3.1', '3.05')).toBe('0.05');
    expect(deltaOf('3.00', '3.00')).toBe('0.00');
    expect(deltaOf('3.13', null)).toBeNull();
    expect(deltaOf(null, '2.94')).toBeNull();
  });

  it('knows smart-city frameworks by name and their pillars from the data', () => {
    expect(isSmartCityFramework('smartcity-2021')).toBe(true);
    expect(isSmartCityFramework('spbe-2020')).toBe(false);
    expect(isSmartCityFramework('smartcityx')).toBe(false);
    expect(pillarsOf(loadShipped('smartcity-2021')).map((p) => `${p.id}:${p.weight}`)).toEqual([
      'baseline:10',
      'output:20',
      'outcome:30',
      'impact:20',
      'quickwin:20',
    ]);
  });
});
