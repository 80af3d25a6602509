import { describe, expect, it } from 'vitest';
import { Ratio } from '../scoring/decimal.ts';
import { shipped } from '../scoring/test-support.ts';
import { type CarryCandidate, iidLevers, indexWithInnovations, medianScore } from './levers.ts';
import { type IidPeriodData, projectBasis } from './projection.ts';
import { claim, innovation, period, SID_IDS, words } from './test-support.ts';
import { exactIndex } from './what-if.ts';

// iid-2026: minDivisor 12, count 0.38 per innovation (cap 200) once 5 of the 6 yandas urusan are
// covered as urusan utama, and IID = (SPD + SID) ÷ 250 × 100, i.e. × 2/5.
const iid2026 = shipped('iid-2026');
const r = (text: string) => Ratio.from(text);
const ratio = (num: number, den: number) => Ratio.int(num).div(Ratio.int(den));

const noAnswers = Object.fromEntries(SID_IDS.map((id) => [id, claim(0)]));
/** An innovation with every indicator at 0 (score 0) in the given urusan utama. */
const empty = (position: number, utama: string | null, spec: Parameters<typeof innovation>[1] = {}) =>
  innovation(position, { utama, answers: noAnswers, ...spec });

const projectionOf = (data: IidPeriodData) => projectBasis(iid2026, data, 'claimed', true);

describe('IID levers on hand-worked cases', () => {
  it('the index of the unchanged innovations is the projection exactly', () => {
    const p = projectionOf(period(new Map(), [innovation(0), innovation(1), innovation(2)]));
    const same = p.innovations.map((s) => ({ score: s.score, urusanUtama: s.data.urusanUtama, urusanIrisan: s.data.urusanIrisan }));
    expect(indexWithInnovations(p, same).eq(exactIndex(p))).toBe(true);
  });

  it('closing the gate: 4 of 5 yandas covered, one innovation in trantibum makes the count score appear', () => {
    // 4 innovations of score 0 in four yandas: index 0 (count score gated). One more at score 10 in
    // trantibum: n = 5, (10 ÷ 12 + 5 × 0.38) × 2/5 = (5/6 + 19/10) × 2/5 = 82/75.
    const data = period(new Map(), [empty(0, 'pendidikan'), empty(1, 'kesehatan'), empty(2, 'pupr'), empty(3, 'perumahan')]);
    const result = iidLevers(projectionOf(data), { assumedScore: r('10') });
    expect(result.urusanShort).toBe(1);
    expect(result.missingUrusan.map((u) => u.key)).toEqual(['trantibum', 'sosial']);
    const trantibum = result.levers.find((l) => l.kind === 'gate-one' && l.urusan[0] === 'trantibum');
    expect(trantibum?.gain.eq(ratio(82, 75))).toBe(true);
    expect(trantibum?.indexAfter).toBe('1.09');
    expect(trantibum?.action).toContain('skor jumlah inovasi muncul');
    // With one urusan short, no "all" lever is needed.
    expect(result.levers.some((l) => l.kind === 'gate-all')).toBe(false);
    // The same innovation without a yandas urusan only fills a seat: 10 ÷ 12 × 2/5 = 1/3.
    const seat = result.levers.find((l) => l.kind === 'seat-new');
    expect(seat?.gain.eq(ratio(1, 3))).toBe(true);
    expect(result.levers[0]?.kind).toBe('gate-one');
  });

  it('closing the gate with two urusan short: each alone gains only its seat, both together add the count score', () => {
    // 3 innovations (pendidikan, kesehatan, pupr) of score 0; assumed score 6.
    // One more: 6 ÷ 12 × 2/5 = 1/5 (gate still shut). Two more: (12 ÷ 12 + 5 × 0.38) × 2/5 = 2.9 × 2/5 = 29/25.
    const data = period(new Map(), [empty(0, 'pendidikan'), empty(1, 'kesehatan'), empty(2, 'pupr')]);
    const result = iidLevers(projectionOf(data), { assumedScore: r('6') });
    expect(result.urusanShort).toBe(2);
    const one = result.levers.filter((l) => l.kind === 'gate-one');
    expect(one.map((l) => l.urusan[0]).sort()).toEqual(['perumahan', 'sosial', 'trantibum']);
    for (const lever of one) expect(lever.gain.eq(ratio(1, 5)), lever.label).toBe(true);
    const all = result.levers.find((l) => l.kind === 'gate-all');
    expect(all?.urusan).toEqual(['perumahan', 'trantibum']);
    expect(all?.gain.eq(ratio(29, 25))).toBe(true);
    expect(result.levers[0]).toBe(all);
  });

  it('an empty seat: 7 innovations with the gate met, a new one at score 12 adds 12 ÷ 12 and one count step', () => {
    // Gate met (5 yandas); scores 0. One more at 12: (1 + 0.38) × 2/5 = 0.552.
    const keys = ['pendidikan', 'kesehatan', 'pupr', 'perumahan', 'trantibum', 'pariwisata', 'pariwisata'];
    const data = period(
      new Map(),
      keys.map((k, i) => empty(i, k)),
    );
    const result = iidLevers(projectionOf(data), { assumedScore: r('12') });
    expect(result.emptySeats).toBe(5);
    expect(result.urusanShort).toBe(0);
    expect(result.levers.some((l) => l.kind === 'gate-one')).toBe(false);
    const seat = result.levers.find((l) => l.kind === 'seat-new');
    expect(seat?.gain.eq(r('0.552'))).toBe(true);
    expect(seat?.action).toContain('5 kursi kosong');
  });

  it('a carried innovation fills a seat with its own score and urusan, and may close the gate too', () => {
    const data = period(new Map(), [empty(0, 'pendidikan'), empty(1, 'kesehatan'), empty(2, 'pupr'), empty(3, 'perumahan')]);
    const carry: CarryCandidate[] = [
      { id: 'lama-1', name: 'Posyandu Digital', score: r('24'), urusanUtama: 'sosial', urusanIrisan: [] },
      { id: 'lama-2', name: 'Pasar Daring', score: r('24'), urusanUtama: 'perdagangan', urusanIrisan: [] },
    ];
    const result = iidLevers(projectionOf(data), { assumedScore: r('0'), carryCandidates: carry });
    // Sosial closes the gate: (24 ÷ 12 + 5 × 0.38) × 2/5 = 3.9 × 2/5 = 1.56; perdagangan does not: 2 × 2/5 = 0.8.
    const sosial = result.levers.find((l) => l.innovationId === 'lama-1');
    const pasar = result.levers.find((l) => l.innovationId === 'lama-2');
    expect(sosial?.kind).toBe('seat-carry');
    expect(sosial?.gain.eq(r('1.56'))).toBe(true);
    expect(pasar?.gain.eq(r('0.8'))).toBe(true);
  });

  it('no seat levers once n reaches the divisor', () => {
    const data = period(
      new Map(),
      Array.from({ length: 12 }, (_, i) => innovation(i)),
    );
    const result = iidLevers(projectionOf(data), { carryCandidates: [{ id: 'x', name: 'X', score: r('5'), urusanUtama: null, urusanIrisan: [] }] });
    expect(result.emptySeats).toBe(0);
    expect(result.levers.some((l) => l.kind === 'seat-new' || l.kind === 'seat-carry')).toBe(false);
  });

  it('dropping an ineligible innovation above the divisor: a loss when it scores like the others and the count falls', () => {
    // 13 innovations, gate met, every score X (all indicators at 3); the 13th has a 10-word rancang
    // bangun (ineligible). Without it the average stays X, the count falls from 13 to 12 × 0.38:
    // − 0.38 × 2/5 = − 0.152.
    const keys = ['pendidikan', 'kesehatan', 'pupr', 'perumahan', 'trantibum'];
    const answers = Object.fromEntries(SID_IDS.map((id) => [id, claim(3)]));
    const list = Array.from({ length: 13 }, (_, i) =>
      innovation(i, { utama: keys[i % 5] ?? null, answers, ...(i === 12 ? { id: 'pendek', name: 'Pendek', rancangBangun: words(10) } : {}) }),
    );
    const result = iidLevers(projectionOf(period(new Map(), list)));
    const drop = result.levers.filter((l) => l.kind === 'drop-ineligible');
    expect(drop.map((l) => l.innovationId)).toEqual(['pendek']);
    expect(drop[0]?.gain.eq(r('-0.152'))).toBe(true);
    expect(result.levers.at(-1)).toBe(drop[0]);
  });

  it('dropping an ineligible innovation with score 0 among good ones above the divisor can be a gain', () => {
    // 12 equal innovations of score X and one ineligible of score 0: gain = (X ÷ 12 − 12X ÷ 13 ÷ 12 − 0.38) × 2/5 = (X ÷ 13 − 0.38) × 2/5.
    const keys = ['pendidikan', 'kesehatan', 'pupr', 'perumahan', 'trantibum'];
    const answers = Object.fromEntries(SID_IDS.map((id) => [id, claim(3)]));
    const good = Array.from({ length: 12 }, (_, i) => innovation(i, { utama: keys[i % 5] ?? null, answers }));
    const bad = empty(12, 'pendidikan', { id: 'lemah', name: 'Lemah', waktuPenerapan: null });
    const p = projectionOf(period(new Map(), [...good, bad]));
    const x = p.innovations[0]?.score ?? Ratio.ZERO;
    expect(x.gt(r('5'))).toBe(true);
    const expected = x.div(Ratio.int(13)).sub(r('0.38')).mul(ratio(2, 5));
    const drop = iidLevers(p).levers.find((l) => l.kind === 'drop-ineligible');
    expect(drop?.innovationId).toBe('lemah');
    expect(drop?.gain.eq(expected)).toBe(true);
    expect(drop?.gain.gt(Ratio.ZERO)).toBe(true);
    // The same as a full re-evaluation without it.
    const without = projectionOf(period(new Map(), good));
    expect(exactIndex(without).sub(exactIndex(p)).eq(expected)).toBe(true);
  });

  it('on the verified basis with eligible-verified counting, ineligible ones are already out: no drop lever', () => {
    const list = [innovation(0, { status: 'terverifikasi', rancangBangun: words(5) })];
    const p = projectBasis(iid2026, period(new Map(), list), 'verified', true);
    expect(p.innovations).toHaveLength(0);
    expect(iidLevers(p).levers.some((l) => l.kind === 'drop-ineligible')).toBe(false);
  });

  it('the one-step raises are in the list, the median is the assumed score by default, and the list is sorted', () => {
    const data = period(
      new Map(),
      Array.from({ length: 5 }, (_, i) => innovation(i)),
    );
    const p = projectionOf(data);
    const result = iidLevers(p);
    expect(result.assumedIsMedian).toBe(true);
    expect(result.assumedScore.eq(medianScore(p.innovations.map((s) => s.score)))).toBe(true);
    expect(result.levers.some((l) => l.kind === 'raise')).toBe(true);
    for (let i = 1; i < result.levers.length; i += 1) {
      expect(result.levers[i - 1]?.gain.cmp(result.levers[i]?.gain ?? Ratio.ZERO)).toBeGreaterThanOrEqual(0);
    }
  });

  it('median: odd, even (mean of the middle two), none', () => {
    expect(medianScore([r('3'), r('1'), r('2')]).eq(r('2'))).toBe(true);
    expect(medianScore([r('4'), r('1'), r('2'), r('7')]).eq(r('3'))).toBe(true);
    expect(medianScore([]).eq(Ratio.ZERO)).toBe(true);
  });
});
