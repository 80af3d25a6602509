import { describe, expect, it } from 'vitest';
import { Ratio } from '../scoring/decimal.ts';
import { shipped } from '../scoring/test-support.ts';
import { type IidAnswer, type IidBasis, type IidPeriodData, projectBasis } from './projection.ts';
import { accepted, claim, innovation, period, SID_IDS, spdAnswers, withAnswer } from './test-support.ts';
import { exactIndex, type WhatIfItem, whatIf } from './what-if.ts';

const iid2026 = shipped('iid-2026');

/** The index after applying the step by a full re-evaluation of the period. */
function reEvaluated(data: IidPeriodData, basis: IidBasis, item: WhatIfItem): Ratio {
  const answer: IidAnswer = basis === 'claimed' ? claim(item.next) : accepted(item.next);
  const after = withAnswer(data, item.innovationId, item.indicatorId, answer, item.needsEvidence);
  return exactIndex(projectBasis(iid2026, after, basis, true));
}

// 7 innovations (5 empty seats under the divisor 12), levels varied, two indicators claimed without
// evidence; SPD partly filled.
const small = period(
  spdAnswers((_id, k) => (k % 4 === 0 ? undefined : claim((k % 3) + 1))),
  Array.from({ length: 7 }, (_, i) => innovation(i, { evidence: i === 2 ? SID_IDS.filter((id) => id !== '35' && id !== '31') : undefined })),
);

describe('what-if gains', () => {
  it('the exact index agrees with the engine value', () => {
    const p = projectBasis(iid2026, small, 'claimed', true);
    expect(exactIndex(p).toPlain(12)).toBe(p.result.value);
  });

  it('every gain equals the difference of a full re-evaluation (n below the divisor)', () => {
    const before = projectBasis(iid2026, small, 'claimed', true);
    const items = whatIf(before);
    expect(items.length).toBeGreaterThan(100);
    const now = exactIndex(before);
    for (const item of items) {
      expect(reEvaluated(small, 'claimed', item).sub(now).eq(item.gain), `${item.innovationId} ${item.indicatorId}`).toBe(true);
    }
  });

  it('with 16 innovations (divisor 16) every gain is exact and the published values differ by it to the last digit', () => {
    const big = period(
      small.spd,
      Array.from({ length: 16 }, (_, i) => innovation(i)),
    );
    const before = projectBasis(iid2026, big, 'claimed', true);
    const items = whatIf(before);
    expect(items.some((i) => i.innovationId === null) && items.some((i) => i.innovationId !== null)).toBe(true);
    for (const item of items) {
      const after = projectBasis(iid2026, withAnswer(big, item.innovationId, item.indicatorId, claim(item.next)), 'claimed', true);
      const label = `${item.innovationId} ${item.indicatorId}`;
      expect(Ratio.from(after.result.value).sub(Ratio.from(before.result.value)).toPlain(), label).toBe(item.gain.toPlain());
      expect(after.result.index, label).toBe(item.indexAfter);
    }
  });

  it('sorts by gain, largest first; SPD steps weigh the full bobot, SID steps are divided by the divisor', () => {
    const items = whatIf(projectBasis(iid2026, small, 'claimed', true));
    for (let i = 1; i < items.length; i += 1) {
      expect(items[i - 1]?.gain.cmp(items[i]?.gain ?? Ratio.ZERO)).toBeGreaterThanOrEqual(0);
    }
    // SPD 12 (bobot 2) one step: 2 × 100 ÷ 250 = 0.8; SID 35 (bobot 4) one step: 4 ÷ 12 × 0.4.
    const spd12 = items.find((i) => i.innovationId === null && i.indicatorId === '12');
    expect(spd12?.gain.toPlain()).toBe('0.8');
    const video = items.find((i) => i.innovationId === 'inov-0' && i.indicatorId === '35' && !i.needsEvidence);
    expect(video?.gain.eq(Ratio.int(4).div(Ratio.int(12)).mul(Ratio.from('0.4')))).toBe(true);
  });

  it('an indicator claimed without evidence is offered as "attach evidence" back to its claim', () => {
    const items = whatIf(projectBasis(iid2026, small, 'claimed', true));
    const evidence = items.filter((i) => i.needsEvidence);
    // Innovation 2 claims level 3 on both 31 and 35 (the test-support pattern) but has no evidence for them.
    expect(evidence.map((i) => [i.innovationId, i.indicatorId, i.next]).sort()).toEqual([
      ['inov-2', '31', 3],
      ['inov-2', '35', 3],
    ]);
    for (const item of evidence) expect(item.current).toBe(0);
  });

  it('skips indicators already at the top level and honours the limit', () => {
    const full = period(
      spdAnswers(() => claim(3)),
      [innovation(0, { answers: Object.fromEntries(SID_IDS.map((id) => [id, claim(3)])) })],
    );
    expect(whatIf(projectBasis(iid2026, full, 'claimed', true))).toEqual([]);
    expect(whatIf(projectBasis(iid2026, small, 'claimed', true), { limit: 3 })).toHaveLength(3);
  });

  it('on the verified basis only verified innovations are candidates', () => {
    const data = period(small.spd, [
      innovation(0, { status: 'terverifikasi', answers: Object.fromEntries(SID_IDS.map((id) => [id, accepted(1)])) }),
      innovation(1, { status: 'diajukan' }),
    ]);
    const before = projectBasis(iid2026, data, 'verified', true);
    const items = whatIf(before);
    expect(new Set(items.map((i) => i.innovationId))).toEqual(new Set([null, 'inov-0']));
    const top = items.find((i) => i.innovationId === 'inov-0');
    if (top === undefined) throw new Error('no innovation item');
    expect(reEvaluated(data, 'verified', top).sub(exactIndex(before)).eq(top.gain)).toBe(true);
  });
});
