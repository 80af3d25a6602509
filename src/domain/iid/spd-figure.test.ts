import { describe, expect, it } from 'vitest';
import { shipped } from '../scoring/test-support.ts';
import { chooseParameter, figureOf } from './spd-figure.ts';
import { findIndicator, iidStructure } from './structure.ts';

const structure = iidStructure(shipped('iid-2026'));
const figure = (id: string) => {
  const indicator = findIndicator(structure, 'spd', id);
  const f = indicator === undefined ? null : figureOf(indicator);
  if (f === null) throw new Error(`indicator ${id} has no figure`);
  return f;
};
const level = (id: string, value: string) => {
  const choice = chooseParameter(figure(id), value);
  return choice.ok ? choice.level : choice.reason;
};

describe('SPD parameters chosen from the figure (iid-2026)', () => {
  it('10b persentase penduduk miskin: ≤ 4,82 → 3; 4,81 s.d. 13,11 → 2; ≥ 13,10 → 1; where the source overlaps, the higher parameter', () => {
    expect(level('10b', '0')).toBe(3);
    // Exactly on a threshold: 4,81 and 4,82 are in both P3 (≤ 4,82) and P2 (≥ 4,81): the higher, P3.
    expect(level('10b', '4.81')).toBe(3);
    expect(level('10b', '4.82')).toBe(3);
    expect(level('10b', '4.83')).toBe(2);
    // 13,10 and 13,11 are in both P2 (≤ 13,11) and P1 (≥ 13,10): the higher, P2.
    expect(level('10b', '13.10')).toBe(2);
    expect(level('10b', '13.11')).toBe(2);
    expect(level('10b', '13.12')).toBe(1);
    expect(level('10b', '20')).toBe(1);
  });

  it('5b TPT: ≤ 2,35 → 3, 2,36–5,92 → 2, above 5,92 → 1 (5,91–5,92 overlap goes to P2)', () => {
    expect(level('5b', '2.35')).toBe(3);
    expect(level('5b', '2.36')).toBe(2);
    expect(level('5b', '5.92')).toBe(2);
    expect(level('5b', '5.93')).toBe(1);
  });

  it('11b capaian IPM: 69,99 → 1, 70,00 → 2, 79,99 → 2, 80,00 → 3; a third decimal is refused', () => {
    expect(level('11b', '69.99')).toBe(1);
    expect(level('11b', '70')).toBe(2);
    expect(level('11b', '79.99')).toBe(2);
    expect(level('11b', '80.00')).toBe(3);
    expect(level('11b', '69.995')).toContain('paling banyak 2 angka');
  });

  it('8 opini BPK: WTP 3, WDP 2, TW and TMP 1, case-insensitive; another word is refused naming the options', () => {
    expect(level('8', 'WTP')).toBe(3);
    expect(level('8', 'wdp')).toBe(2);
    expect(level('8', 'TW')).toBe(1);
    expect(level('8', 'TMP')).toBe(1);
    expect(level('8', 'baik')).toContain('WTP');
    expect(level('10b', 'sepuluh')).toContain('harus angka');
  });

  it('indicators without thresholds in the domain notes keep hand-picked parameters', () => {
    for (const id of ['1', '2a', '9', '10a']) {
      const indicator = findIndicator(structure, 'spd', id);
      expect(indicator === undefined ? 'missing' : figureOf(indicator), id).toBeNull();
    }
    expect(structure.spd.filter((i) => figureOf(i) !== null).map((i) => i.id)).toEqual(['5b', '8', '10b', '11b']);
  });
});
