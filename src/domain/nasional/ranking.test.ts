import { describe, expect, it } from 'vitest';
import { clusterOf } from './clusters.ts';
import { histogram, rankMovement, rankWithinGroups, valueChange } from './ranking.ts';

const rows = [
  { code: 'a', kind: 'kota', v: '80.50' },
  { code: 'b', kind: 'kota', v: '80.5' },
  { code: 'c', kind: 'kota', v: '70.00' },
  { code: 'd', kind: 'kota', v: null },
  { code: 'e', kind: 'kabupaten', v: '10.00' },
  { code: 'f', kind: 'kota', v: '90.01' },
];

describe('rankWithinGroups', () => {
  const ranks = rankWithinGroups(
    rows,
    (r) => r.code,
    (r) => clusterOf(r.kind)?.id ?? null,
    (r) => r.v,
  );
  it('gives ties one rank and skips the next (1, 2, 2, 4), comparing decimals exactly', () => {
    expect(ranks.get('f')).toBe(1);
    expect(ranks.get('a')).toBe(2);
    expect(ranks.get('b')).toBe(2);
    expect(ranks.get('c')).toBe(4);
  });
  it('ranks each cluster on its own and leaves a region without the figure unranked', () => {
    expect(ranks.get('e')).toBe(1);
    expect(ranks.has('d')).toBe(false);
  });
});

describe('movement', () => {
  it('counts places climbed as positive and needs both years', () => {
    expect(rankMovement(2, 5)).toBe(3);
    expect(rankMovement(5, 2)).toBe(-3);
    expect(rankMovement(1, null)).toBeNull();
  });
  it('subtracts exactly with the places of the figure', () => {
    expect(valueChange('3.10', '2.95')).toBe('0.15');
    expect(valueChange('70.1', '70.15')).toBe('-0.05');
    expect(valueChange(null, '1')).toBeNull();
  });
});

describe('histogram', () => {
  it('puts the top value into the last bucket and boundaries into the upper bucket', () => {
    const h = histogram(['0', '9.99', '10', '100', '55.5'], 0, 100, 10);
    expect(h).toHaveLength(10);
    expect(h[0]?.count).toBe(2);
    expect(h[1]?.count).toBe(1);
    expect(h[5]?.count).toBe(1);
    expect(h[9]?.count).toBe(1);
  });
});
