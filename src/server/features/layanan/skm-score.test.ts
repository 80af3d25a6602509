/**
 * The IKM of tallied sums is the engine's IKM of the raw answers, exactly: on random surveys of many
 * sizes (including answers with unsur left blank), every published and unrounded value, the grade and
 * the explanations agree with `evaluateSurvey`; an empty survey or an unsur nobody answered gives no
 * result, as the engine refuses those.
 */
import { describe, expect, it } from 'vitest';
import { UNSUR_KEYS, type UnsurKey } from '#domain/services/skm.ts';
import { evaluateSurvey } from '#domain/scoring/ikm.ts';
import { shipped } from '#domain/scoring/test-support.ts';
import { addTotals, emptyTotals, evaluateTotals, ikmOf, totalsOfAnswers, weakestUnsur } from './skm-score.ts';

const framework = shipped('ikm-2017');

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function survey(seed: number, size: number, blankRate: number) {
  const next = random(seed);
  // Each unsur leans its own way, so the NRRs differ and the bands are crossed across seeds.
  const lean = UNSUR_KEYS.map(() => next());
  return Array.from({ length: size }, () => {
    const answers: Partial<Record<UnsurKey, number>> = {};
    UNSUR_KEYS.forEach((k, i) => {
      if (next() < blankRate) return;
      const r = (next() + (lean[i] ?? 0.5)) / 2;
      answers[k] = r < 0.1 ? 1 : r < 0.3 ? 2 : r < 0.7 ? 3 : 4;
    });
    return answers;
  });
}

describe('IKM from tallies', () => {
  it.each([
    [1, 1, 0],
    [2, 7, 0],
    [3, 29, 0],
    [4, 196, 0],
    [5, 1000, 0],
    [6, 250, 0.05],
    [7, 3333, 0.01],
  ])('seed %i, %i respondents (blank rate %f): equals evaluateSurvey on the raw answers', (seed, size, blankRate) => {
    const answers = survey(seed, size, blankRate);
    const raw = evaluateSurvey(framework, { responses: answers });
    const tallied = evaluateTotals(framework, totalsOfAnswers(answers));
    if (!raw.ok) throw new Error(`the raw survey should score: ${JSON.stringify(raw.errors[0])}`);
    expect(tallied).not.toBeNull();
    expect({ ...tallied, warnings: [] }).toEqual({ ...raw.result, warnings: [] });
  });

  it('adds shards, services and units up to the same result as all answers at once', () => {
    const answers = survey(11, 500, 0);
    const parts = [answers.slice(0, 123), answers.slice(123, 124), answers.slice(124, 480), answers.slice(480)];
    const summed = parts.map(totalsOfAnswers).reduce(addTotals, emptyTotals());
    const raw = evaluateSurvey(framework, { responses: answers });
    if (!raw.ok) throw new Error('survey should score');
    expect(evaluateTotals(framework, summed)?.index).toBe(raw.result.index);
    expect(evaluateTotals(framework, summed)?.value).toBe(raw.result.value);
  });

  it('presents the contract: index and NRR as strings, grade A–D, respondents, answered per unsur', () => {
    const allFour = Array.from({ length: 3 }, () => Object.fromEntries(UNSUR_KEYS.map((k) => [k, 4])));
    expect(ikmOf(framework, totalsOfAnswers(allFour))).toEqual({
      index: '100.00',
      grade: 'A',
      gradeName: 'Sangat Baik',
      responses: 3,
      unsur: Object.fromEntries(UNSUR_KEYS.map((k) => [k, { nrr: '4.000', answered: 3 }])),
    });
    // 3,3,…: NRR 3 → IKM 75.00, band C (65.00–76.60).
    const allThree = [Object.fromEntries(UNSUR_KEYS.map((k) => [k, 3]))];
    expect(ikmOf(framework, totalsOfAnswers(allThree))).toMatchObject({ index: '75.00', grade: 'C', gradeName: 'Kurang Baik' });
  });

  it('gives no result without answers or when an unsur has none', () => {
    expect(evaluateTotals(framework, emptyTotals())).toBeNull();
    const noU9 = [Object.fromEntries(UNSUR_KEYS.filter((k) => k !== 'U9').map((k) => [k, 3]))];
    expect(evaluateSurvey(framework, { responses: noU9 }).ok).toBe(false);
    expect(evaluateTotals(framework, totalsOfAnswers(noU9))).toBeNull();
  });

  it('lists the unsur weakest first', () => {
    const answers = [Object.fromEntries(UNSUR_KEYS.map((k, i) => [k, i === 2 ? 1 : i === 8 ? 2 : 4]))];
    const result = evaluateTotals(framework, totalsOfAnswers(answers));
    if (!result) throw new Error('should score');
    expect(
      weakestUnsur(result)
        .map((w) => w.unsur)
        .slice(0, 3),
    ).toEqual(['U3', 'U9', 'U1']);
    expect(weakestUnsur(result)[0]).toEqual({ unsur: 'U3', name: 'Waktu Penyelesaian', nrr: '1.000' });
  });

  it('answers the same totals from memory, and new totals afresh', () => {
    const answers = [Object.fromEntries(UNSUR_KEYS.map((k) => [k, 3])), Object.fromEntries(UNSUR_KEYS.map((k) => [k, 4]))];
    const first = evaluateTotals(framework, totalsOfAnswers(answers));
    expect(evaluateTotals(framework, totalsOfAnswers(answers))).toBe(first);
    const moved = evaluateTotals(framework, totalsOfAnswers([...answers, Object.fromEntries(UNSUR_KEYS.map((k) => [k, 1]))]));
    expect(moved).not.toBe(first);
    const raw = evaluateSurvey(framework, { responses: [...answers, Object.fromEntries(UNSUR_KEYS.map((k) => [k, 1]))] });
    if (!raw.ok) throw new Error('should score');
    expect(moved?.index).toBe(raw.result.index);
    expect(moved?.index).toBe('66.67');
    expect(first?.index).toBe('87.50');
  });
});
