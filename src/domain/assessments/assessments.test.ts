import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../access/roles.ts';
import { evaluate } from '../scoring/engine.ts';
import { shipped } from '../scoring/test-support.ts';
import { computeFigure, computeFigures, type ItemValues, basisValue, valuesOf } from './figures.ts';
import { analyseGaps, compareIndicators, nextStep } from './gaps.ts';
import { compareIndicatorIds, DEFAULT_DECIMAL_PLACES, listIndicators } from './indicators.ts';
import { Ratio } from '../scoring/decimal.ts';
import { assessmentAbilities, canFillItem, canVerifyItem, checkStageChange, isFillOpen, isVerifyOpen, mayTouchUnit, seesItem } from './stages.ts';
import { checkValue, sameValue } from './values.ts';

const spbe = shipped('spbe-2020');
const pemdi = shipped('pemdi-2026');
const spbeIndicators = listIndicators(spbe);
const pemdiIndicators = listIndicators(pemdi);

const allAt = (ids: readonly { id: string }[], value: string) => new Map<string, string | null>(ids.map((i) => [i.id, value]));

/** The engine's own answer for a complete set of values, to check the domain against. */
function engineIndex(values: Record<string, string>) {
  const out = evaluate(spbe, { values });
  if (!out.ok) throw new Error('engine refused');
  return out.result;
}

describe('indicators of a framework', () => {
  it('lists the 47 SPBE indicators with their domain and aspect, weight, levels and criteria', () => {
    expect(spbeIndicators).toHaveLength(47);
    const first = spbeIndicators[0];
    expect(first?.id).toBe('1');
    expect(first?.path).toEqual(['Kebijakan Internal SPBE', 'Kebijakan Internal Tata Kelola SPBE']);
    expect(first?.pathIds).toEqual(['D1', 'A1']);
    expect(first?.weight).toBe('1.30');
    expect(first?.scale.type).toBe('levels');
    expect(first?.scale.min).toBe('1');
    expect(first?.scale.max).toBe('5');
    expect(first?.scale.levels.map((l) => l.name)).toEqual(['Rintisan', 'Terkelola', 'Terdefinisi', 'Terpadu dan Terukur', 'Optimum']);
    expect(first?.scale.levels[3]?.criteria).toMatch(/^Kriteria tingkat 3 telah terpenuhi/);
    expect(first?.evidenceHints.length).toBeGreaterThan(0);
    expect(spbeIndicators.map((i) => i.id)).toEqual(Array.from({ length: 47 }, (_, i) => String(i + 1)));
    expect(spbeIndicators[46]?.pathIds).toEqual(['D4', 'A8']);
  });

  it('lists the 20 Pemdi indicators as decimals 1–5 with two places, and the "dianggap 1" defaults', () => {
    expect(pemdiIndicators).toHaveLength(20);
    const five = pemdiIndicators.find((i) => i.id === '5');
    expect(five?.scale).toEqual({ type: 'decimal', min: '1', max: '5', levels: [], places: DEFAULT_DECIMAL_PLACES });
    expect(five?.defaultValue).toBe('1');
    expect(pemdiIndicators.find((i) => i.id === '1')?.defaultValue).toBeNull();
  });

  it('orders ids as people read them', () => {
    expect(['10', '2', '2b', '2a', '1'].sort(compareIndicatorIds)).toEqual(['1', '2', '2a', '2b', '10']);
  });
});

describe('value checks', () => {
  const level = spbeIndicators[0]?.scale;
  const decimal = pemdiIndicators[0]?.scale;
  if (level === undefined || decimal === undefined) throw new Error('scales missing');

  it('accepts a level of the scale, written canonically', () => {
    expect(checkValue(level, '3')).toMatchObject({ ok: true, value: '3' });
    expect(checkValue(level, '4.0')).toMatchObject({ ok: true, value: '4' });
  });

  it('refuses a level out of range, a fraction or text with an Indonesian message', () => {
    expect(checkValue(level, '6')).toEqual({ ok: false, message: 'Tingkat harus bilangan bulat 1, 2, 3, 4 atau 5' });
    expect(checkValue(level, '0')).toMatchObject({ ok: false });
    expect(checkValue(level, '2.5')).toMatchObject({ ok: false });
    expect(checkValue(level, 'tiga')).toEqual({ ok: false, message: 'Nilai harus angka desimal dengan titik, mis. 3 atau 2.50' });
  });

  it('accepts a decimal within min..max with at most the scale places, written with those places', () => {
    expect(checkValue(decimal, '2.5')).toMatchObject({ ok: true, value: '2.50' });
    expect(checkValue(decimal, '1.26')).toMatchObject({ ok: true, value: '1.26' });
    expect(checkValue(decimal, '5')).toMatchObject({ ok: true, value: '5.00' });
    expect(checkValue(decimal, '1')).toMatchObject({ ok: true, value: '1.00' });
  });

  it('refuses a decimal outside the range or with too many places', () => {
    expect(checkValue(decimal, '0.99')).toEqual({ ok: false, message: 'Nilai harus antara 1 dan 5' });
    expect(checkValue(decimal, '5.01')).toMatchObject({ ok: false });
    expect(checkValue(decimal, '1.265')).toEqual({ ok: false, message: 'Nilai paling banyak 2 angka di belakang koma' });
    expect(checkValue(decimal, '1.260')).toMatchObject({ ok: true, value: '1.26' });
  });

  it('compares values as numbers', () => {
    expect(sameValue('2.5', '2.50')).toBe(true);
    expect(sameValue('3', '4')).toBe(false);
    expect(sameValue(null, '3')).toBe(false);
    expect(sameValue(null, null)).toBe(true);
  });
});

describe('stages', () => {
  it('opens filling in mandiri only and verification in verifikasi only', () => {
    expect([isFillOpen('mandiri'), isFillOpen('verifikasi'), isFillOpen('final')]).toEqual([true, false, false]);
    expect([isVerifyOpen('mandiri'), isVerifyOpen('verifikasi'), isVerifyOpen('final')]).toEqual([false, true, false]);
  });

  it('moves mandiri → verifikasi → final, and back from verifikasi to mandiri', () => {
    expect(checkStageChange('mandiri', 'verifikasi')).toEqual({ ok: true });
    expect(checkStageChange('verifikasi', 'final')).toEqual({ ok: true });
    expect(checkStageChange('verifikasi', 'mandiri')).toEqual({ ok: true });
  });

  it('refuses skipping verification, leaving final and standing still', () => {
    expect(checkStageChange('mandiri', 'final')).toMatchObject({ ok: false, reason: 'illegal' });
    expect(checkStageChange('final', 'verifikasi')).toMatchObject({ ok: false, reason: 'illegal', message: 'Penilaian tahap final sudah terkunci' });
    expect(checkStageChange('final', 'mandiri')).toMatchObject({ ok: false, reason: 'illegal' });
    expect(checkStageChange('mandiri', 'mandiri')).toMatchObject({ ok: false, reason: 'same_stage' });
  });
});

describe('who may do what', () => {
  const actor = (role: Role, unitId: string | null = null, regionCode = '19.71'): Actor => ({
    id: `u-${role}`,
    role,
    regionCode: role === 'admin_nasional' ? null : regionCode,
    unitId,
  });
  const admin = actor('admin_daerah');
  const operatorA = actor('operator', 'unit-a');
  const verifier = actor('verifikator');

  it('lets an operator fill only their unit’s items, only in mandiri', () => {
    expect(canFillItem(operatorA, '19.71', 'mandiri', 'unit-a')).toBe(true);
    expect(canFillItem(operatorA, '19.71', 'mandiri', 'unit-b')).toBe(false);
    expect(canFillItem(operatorA, '19.71', 'mandiri', null)).toBe(false);
    expect(canFillItem(operatorA, '19.71', 'verifikasi', 'unit-a')).toBe(false);
    expect(canFillItem(actor('operator', 'unit-a', '62.71'), '19.71', 'mandiri', 'unit-a')).toBe(false);
    expect(mayTouchUnit(operatorA, '19.71', 'unit-b')).toBe(false);
  });

  it('lets admins fill any item and verifiers none', () => {
    expect(canFillItem(admin, '19.71', 'mandiri', 'unit-b')).toBe(true);
    expect(canFillItem(actor('admin_nasional'), '19.71', 'mandiri', null)).toBe(true);
    expect(canFillItem(verifier, '19.71', 'mandiri', 'unit-a')).toBe(false);
  });

  it('lets verifiers and admins verify in verifikasi only; operators never', () => {
    expect(canVerifyItem(verifier, '19.71', 'verifikasi')).toBe(true);
    expect(canVerifyItem(admin, '19.71', 'verifikasi')).toBe(true);
    expect(canVerifyItem(verifier, '19.71', 'mandiri')).toBe(false);
    expect(canVerifyItem(operatorA, '19.71', 'verifikasi')).toBe(false);
  });

  it('gives managers the stage buttons that are legal now', () => {
    expect(assessmentAbilities(admin, '19.71', 'mandiri')).toEqual({ manage: true, advance: true, finalize: false });
    expect(assessmentAbilities(admin, '19.71', 'verifikasi')).toEqual({ manage: true, advance: true, finalize: true });
    expect(assessmentAbilities(admin, '19.71', 'final')).toEqual({ manage: false, advance: false, finalize: false });
    expect(assessmentAbilities(verifier, '19.71', 'verifikasi')).toEqual({ manage: false, advance: false, finalize: false });
  });

  it('shows operators their unit’s items only, everybody else all', () => {
    expect(seesItem(operatorA, '19.71', 'unit-a')).toBe(true);
    expect(seesItem(operatorA, '19.71', 'unit-b')).toBe(false);
    expect(seesItem(actor('pimpinan'), '19.71', 'unit-b')).toBe(true);
    expect(seesItem(actor('juri'), '19.71', 'unit-b')).toBe(false);
  });
});

describe('claimed and verified figures', () => {
  it('all 47 SPBE indicators at level 3 give the index 3.00, complete (golden)', () => {
    const figure = computeFigure(spbe, allAt(spbeIndicators, '3'));
    expect(figure.index).toBe('3.00');
    expect(figure.value).toBe('3');
    expect(figure.predicate).toBe('Baik');
    expect(figure).toMatchObject({ complete: true, missing: 0 });
    expect(figure.nodes.D1).toEqual({ index: '3.00', predicate: 'Baik' });
  });

  it('counts a missing indicator at the scale minimum and says so', () => {
    const values = allAt(spbeIndicators, '3');
    values.set('47', null);
    const figure = computeFigure(spbe, values);
    // 3 − 3.00 % × (3 − 1) = 2.94
    expect(figure.value).toBe('2.94');
    expect(figure.index).toBe('2.94');
    expect(figure).toMatchObject({ complete: false, missing: 1 });
    const engine = engineIndex({ ...Object.fromEntries(spbeIndicators.map((i) => [i.id, '3'])), 47: '1' });
    expect(figure.value).toBe(engine.value);
  });

  it('has no index while nothing is filled', () => {
    const figure = computeFigure(spbe, new Map());
    expect(figure).toMatchObject({ index: null, predicate: null, complete: false, missing: 47, nodes: {} });
  });

  it('uses the Pemdi default ("dianggap 1") for a missing indicator that has one', () => {
    const values = allAt(pemdiIndicators, '3.00');
    values.set('5', null);
    const figure = computeFigure(pemdi, values);
    expect(figure.missing).toBe(1);
    // indicator 5 weighs 5 of 100: 3 − 0.05 × (3 − 1) = 2.9
    expect(figure.value).toBe('2.9');
    expect(figure.index).toBe('2.90');
  });

  it('verified values: corrected → the correction, accepted → the claim, pending → missing', () => {
    const item = (verification: ItemValues['verification'], verifiedValue: string | null): ItemValues => ({
      indicatorId: '1',
      claimedValue: '4',
      verification,
      verifiedValue,
    });
    expect(basisValue(item('corrected', '2'), 'verified')).toBe('2');
    expect(basisValue(item('accepted', null), 'verified')).toBe('4');
    expect(basisValue(item('pending', null), 'verified')).toBeNull();
    expect(basisValue(item('corrected', '2'), 'claimed')).toBe('4');
  });

  it('side by side: a correction moves the verified figure and not the claimed one', () => {
    const items: ItemValues[] = spbeIndicators.map((i) => ({ indicatorId: i.id, claimedValue: '3', verification: 'accepted', verifiedValue: null }));
    const corrected = items.map((i) => (i.indicatorId === '11' ? { ...i, verification: 'corrected' as const, verifiedValue: '1' } : i));
    const { claimed, verified } = computeFigures(spbe, corrected);
    expect(claimed.index).toBe('3.00');
    // indicator 11 weighs 2.50 %: 3 − 0.025 × 2 = 2.95
    expect(verified.value).toBe('2.95');
    expect(verified.complete).toBe(true);
    const pending = computeFigures(
      spbe,
      items.map((i) => (i.indicatorId === '1' ? { ...i, verification: 'pending' as const } : i)),
    );
    expect(pending.verified).toMatchObject({ complete: false, missing: 1 });
    expect(valuesOf(items, 'verified').get('1')).toBe('3');
  });
});

describe('gap analysis', () => {
  it('raising a 1.30 % indicator from 3 to 4 gains exactly 0.013, as the engine computes it', () => {
    const gaps = analyseGaps(spbe, allAt(spbeIndicators, '3'));
    const one = gaps.items.find((g) => g.indicatorId === '1');
    expect(one).toMatchObject({ current: '3', next: '4', nextLevelName: 'Terpadu dan Terukur', gain: '0.013', indexAfter: '3.01' });
    expect(one?.nextCriteria).toMatch(/direviu dan dievaluasi secara periodik/);
    const base = Object.fromEntries(spbeIndicators.map((i) => [i.id, '3']));
    const after = engineIndex({ ...base, 1: '4' });
    expect(
      Ratio.from(after.value)
        .sub(Ratio.from(engineIndex(base).value))
        .toPlain(),
    ).toBe('0.013');
    expect(after.value).toBe('3.013');
  });

  it('sorts by gain, largest first, then by indicator id', () => {
    const gaps = analyseGaps(spbe, allAt(spbeIndicators, '3'));
    expect(gaps.index).toBe('3.00');
    expect(gaps.items).toHaveLength(47);
    expect(gaps.items.slice(0, 7).map((g) => [g.indicatorId, g.gain])).toEqual([
      ['42', '0.03'],
      ['43', '0.03'],
      ['44', '0.03'],
      ['45', '0.03'],
      ['46', '0.03'],
      ['47', '0.03'],
      ['32', '0.0275'],
    ]);
    expect(gaps.items.at(-1)).toMatchObject({ indicatorId: '10', gain: '0.013' });
    const gains = gaps.items.map((g) => Ratio.from(g.gain));
    for (let i = 1; i < gains.length; i += 1) expect(gains[i - 1]?.cmp(gains[i] ?? Ratio.ZERO)).toBeGreaterThanOrEqual(0);
  });

  it('leaves out indicators at the top and weighs a low level by its larger step', () => {
    const values = allAt(spbeIndicators, '5');
    values.set('21', '1');
    const gaps = analyseGaps(spbe, values);
    expect(gaps.items).toEqual([expect.objectContaining({ indicatorId: '21', current: '1', next: '2', nextLevelName: 'Terkelola', gain: '0.015' })]);
  });

  it('counts a missing indicator from its provisional value', () => {
    const values = allAt(spbeIndicators, '5');
    values.set('1', null);
    expect(analyseGaps(spbe, values).items).toEqual([expect.objectContaining({ indicatorId: '1', current: '1', next: '2' })]);
  });

  it('steps a Pemdi decimal to the next half point, capped at 5', () => {
    const scale = pemdiIndicators[0]?.scale;
    if (scale === undefined) throw new Error('no scale');
    expect(nextStep(scale, Ratio.from('1.26'))?.toPlain()).toBe('1.5');
    expect(nextStep(scale, Ratio.from('1.5'))?.toPlain()).toBe('2');
    expect(nextStep(scale, Ratio.from('4.8'))?.toPlain()).toBe('5');
    expect(nextStep(scale, Ratio.from('5'))).toBeNull();
    const values = allAt(pemdiIndicators, '5.00');
    values.set('1', '1.26');
    const gaps = analyseGaps(pemdi, values);
    // indicator 1 weighs 5 of 100: 5 × 0.24 ÷ 100 = 0.012
    expect(gaps.items).toEqual([
      {
        indicatorId: '1',
        name: 'Tata Kelola Pemerintah Digital',
        current: '1.26',
        next: '1.50',
        nextLevelName: null,
        nextCriteria: null,
        gain: '0.012',
        indexAfter: '4.83',
      },
    ]);
  });
});

describe('comparison with last year', () => {
  it('pairs values by indicator id, null where a year has none', () => {
    const previous = new Map<string, string | null>([
      ['1', '2'],
      ['2', null],
    ]);
    const current = new Map<string, string | null>([
      ['1', '3'],
      ['3', '4'],
    ]);
    const rows = compareIndicators(spbeIndicators.slice(0, 3), previous, current);
    expect(rows).toEqual([
      { indicatorId: '1', previous: '2', current: '3' },
      { indicatorId: '2', previous: null, current: null },
      { indicatorId: '3', previous: null, current: '4' },
    ]);
  });
});
