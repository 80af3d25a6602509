import { describe, expect, it } from 'vitest';
import { checkLeagueWeights, componentScores, compositeScore, DEFAULT_LEAGUE_WEIGHTS, rankChange, rankUnits, type UnitFacts } from './league.ts';

const facts = (over: Partial<UnitFacts> = {}): UnitFacts => ({
  unitId: 'u',
  unitName: 'Dinas',
  innovations: null,
  ikm: null,
  assessments: { assigned: 0, done: 0 },
  complaints: { due: 0, onTime: 0 },
  programmes: [],
  ...over,
});

describe('league rules', () => {
  it('caps innovations at the minimum and rounds half-up to 2 places', () => {
    expect(componentScores(facts({ innovations: { proposed: 5, verified: 5, minimum: 3 } })).innovations).toBe('100.00');
    // 1 ÷ 3 = 33.333… → 33.33; 2 ÷ 3 = 66.666… → 66.67
    expect(componentScores(facts({ assessments: { assigned: 3, done: 1 } })).assessments).toBe('33.33');
    expect(componentScores(facts({ complaints: { due: 3, onTime: 2 } })).complaints).toBe('66.67');
    // A minimum of 0: nothing verified is no data, something verified is full marks.
    expect(componentScores(facts({ innovations: { proposed: 0, verified: 0, minimum: 0 } })).innovations).toBeNull();
    expect(componentScores(facts({ innovations: { proposed: 1, verified: 1, minimum: 0 } })).innovations).toBe('100.00');
    // Programmes: the mean of the led programmes' progress.
    expect(componentScores(facts({ programmes: ['80.00', '45.55'] })).programmes).toBe('62.78');
  });

  it('re-weights over the components a unit has and has no composite without any', () => {
    const scores = componentScores(facts({ ikm: '80.00', complaints: { due: 2, onTime: 1 } }));
    // (20 × 80 + 15 × 50) ÷ 35 = 2350 ÷ 35 = 67.142… → 67.14
    expect(compositeScore(scores, DEFAULT_LEAGUE_WEIGHTS)).toBe('67.14');
    expect(compositeScore(componentScores(facts()), DEFAULT_LEAGUE_WEIGHTS)).toBeNull();
    const ikmOff = { ...DEFAULT_LEAGUE_WEIGHTS, ikm: { weight: 20, enabled: false } };
    expect(compositeScore(scores, ikmOff)).toBe('50.00');
  });

  it('ranks ties alike, skips the next rank, and leaves units without a composite unranked', () => {
    const ranked = rankUnits([
      { unitId: 'c', unitName: 'Gama', composite: '70.00' },
      { unitId: 'x', unitName: 'Zeta', composite: null },
      { unitId: 'a', unitName: 'Alfa', composite: '70.00' },
      { unitId: 'b', unitName: 'Beta', composite: '90.10' },
      { unitId: 'd', unitName: 'Delta', composite: '9.50' },
    ]);
    expect(ranked.map((r) => [r.unitName, r.rank])).toEqual([
      ['Beta', 1],
      ['Alfa', 2],
      ['Gama', 2],
      ['Delta', 4],
      ['Zeta', null],
    ]);
    expect(rankChange(2, 5)).toBe(3);
    expect(rankChange(4, 1)).toBe(-3);
    expect(rankChange(null, 1)).toBeNull();
    expect(rankChange(1, undefined)).toBeNull();
  });

  it('checks the weights: whole numbers 0–100, the active ones adding up to 100', () => {
    expect(checkLeagueWeights(DEFAULT_LEAGUE_WEIGHTS)).toEqual([]);
    expect(checkLeagueWeights({ ...DEFAULT_LEAGUE_WEIGHTS, ikm: { weight: 30, enabled: true } })).toEqual([
      { component: '_sum', reason: 'Jumlah bobot komponen aktif harus 100; sekarang 110' },
    ]);
    expect(checkLeagueWeights({ ...DEFAULT_LEAGUE_WEIGHTS, ikm: { weight: 2.5, enabled: true } })[0]?.component).toBe('ikm');
  });
});
