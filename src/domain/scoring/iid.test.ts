import { describe, expect, it } from 'vitest';
import { Ratio, sumRatios } from './decimal.ts';
import { classify } from './engine.ts';
import type { Framework, FrameworkNode } from './framework.schema.ts';
import { node, scoreErrors, scoreOk, shipped } from './test-support.ts';
import { maxValue, walk } from './tree.ts';

const iid2026 = shipped('iid-2026');
const iid2023 = shipped('iid-2023');

const SPD_IDS = ['1', '2a', '2b', '3', '4', '5a', '5b', '6', '7', '8', '9', '10a', '10b', '11a', '11b', '12', '13a', '13b', '14', '15'];
const SID_IDS = Array.from({ length: 20 }, (_, i) => String(i + 16));
const YANDAS = ['pendidikan', 'kesehatan', 'pupr', 'perumahan', 'trantibum', 'sosial'];

function find(framework: Framework, id: string): FrameworkNode {
  const hit = walk(framework.root).find((v) => v.node.id === id)?.node;
  if (hit === undefined) throw new Error(`No node ${id}`);
  return hit;
}

const spdAt = (level: number) => Object.fromEntries(SPD_IDS.map((id) => [id, level]));
const sidAt = (level: number) => Object.fromEntries(SID_IDS.map((id) => [id, level]));

/** Levels for one innovation whose score (Σ bobot × parameter) is exactly `target`. */
function sidScoring(framework: Framework, target: number): Record<string, number> {
  const weights = SID_IDS.map((id) => ({ id, weight: Number(find(framework, id).weight) })).sort((a, b) => b.weight - a.weight);
  let rest = target;
  const values: Record<string, number> = {};
  for (const { id, weight } of weights) {
    const level = Math.min(3, Math.floor(rest / weight));
    values[id] = level;
    rest -= level * weight;
  }
  if (rest !== 0) throw new Error(`Cannot build an innovation scoring ${target}`);
  return values;
}

/** n innovations scoring `total` together, covering the given urusan (spread over them). */
function innovationsTotalling(framework: Framework, n: number, total: number, urusan: string[]) {
  const base = Math.floor(total / n);
  const extra = total - base * n;
  return Array.from({ length: n }, (_, i) => ({
    values: sidScoring(framework, i < extra ? base + 1 : base),
    urusan: [urusan[i % urusan.length] ?? 'pariwisata'],
  }));
}

function innovations(n: number, level: number, urusan: string[]) {
  return Array.from({ length: n }, (_, i) => ({ values: sidAt(level), urusan: [urusan[i % urusan.length] ?? 'pariwisata'] }));
}

describe('IID 2026: the maxima and shares the guideline states (Lampiran I, Surat Kepala BSKDN 400.10.11/1887/BSKDN)', () => {
  it('SPD maximum 63, SID indicators 111 per innovation, Jumlah Inovasi 76, total 250', () => {
    expect(maxValue(find(iid2026, 'spd')).toPlain()).toBe('63');
    const sidIndicators = sumRatios((find(iid2026, 'sid').children ?? []).filter((c) => c.id !== 'jumlah').map(maxValue));
    expect(sidIndicators.toPlain()).toBe('111');
    expect(maxValue(find(iid2026, 'jumlah')).toPlain()).toBe('76');
    expect(iid2026.root.aggregation).toEqual({ rule: 'percent-of-max', maxScore: '250' });
  });

  it('shares SPD 25,20 %, SID indicators 44,40 %, Jumlah Inovasi 30,40 %', () => {
    const share = (r: Ratio) => r.div(Ratio.int(250)).mul(Ratio.int(100)).toPlain();
    expect(share(Ratio.int(63))).toBe('25.2');
    expect(share(Ratio.int(111))).toBe('44.4');
    expect(share(maxValue(find(iid2026, 'jumlah')))).toBe('30.4');
  });

  it('15 SPD indicators in 20 scored rows with 10 mandatory numbers; 20 SID indicators with 5 mandatory', () => {
    const spdLeaves = walk(find(iid2026, 'spd'))
      .filter((v) => v.node.scale !== undefined)
      .map((v) => v.node);
    expect(spdLeaves.map((l) => l.id)).toEqual(SPD_IDS);
    expect(new Set(spdLeaves.map((l) => l.id.replace(/[ab]$/, ''))).size).toBe(15);
    expect(new Set(spdLeaves.filter((l) => l.mandatory === true).map((l) => l.id.replace(/[ab]$/, ''))).size).toBe(10);
    const sidLeaves = walk(find(iid2026, 'sid'))
      .filter((v) => v.node.scale?.type === 'parameters')
      .map((v) => v.node);
    expect(sidLeaves.map((l) => l.id).sort((a, b) => Number(a) - Number(b))).toEqual(SID_IDS);
    expect(sidLeaves.filter((l) => l.mandatory === true).map((l) => l.name)).toEqual([
      'Regulasi Inovasi Daerah',
      'Ketersediaan dan peran SDM terhadap inovasi daerah',
      'Kecepatan penciptaan inovasi',
      'Kemanfaatan inovasi',
      'Video inovasi daerah',
    ]);
  });

  it('a perfect region (SPD all 3, 200 innovations all 3, six yandas) scores 100,00 Sangat Inovatif', () => {
    const result = scoreOk(iid2026, { spd: spdAt(3), innovations: innovations(200, 3, YANDAS) });
    expect(result.index).toBe('100.00');
    expect(result.predicate).toBe('Sangat Inovatif');
    expect(node(result, 'spd').index).toBe('63.00');
    expect(node(result, 'sid').index).toBe('187.00');
    expect(node(result, 'jumlah').index).toBe('76.00');
  });

  it('100 innovations covering the yandas gate give 38 of the 76 count points', () => {
    const result = scoreOk(iid2026, { spd: spdAt(0), innovations: innovations(100, 0, YANDAS) });
    expect(node(result, 'jumlah').index).toBe('38.00');
  });
});

describe('IID 2026: divisor MAX(12, n) and count score with the yandas gate', () => {
  it('8 innovations still divide by 12: four empty seats, with a warning', () => {
    const result = scoreOk(iid2026, { spd: spdAt(0), innovations: innovations(8, 3, ['pendidikan']) });
    // 8 × 111 ÷ 12 = 74; the gate fails (1 of 6 urusan), so the count score is 0.
    expect(node(result, 'sid').value).toBe('74');
    expect(node(result, 'sid').explanation).toContain('dibagi MAX(12, n = 8) = 12, hasilnya 74');
    expect(result.warnings.map((w) => w.code)).toEqual(['EMPTY_SEATS', 'YANDAS_SHORT']);
    expect(result.innovations).toHaveLength(8);
    expect(result.innovations?.[0]).toEqual({ position: 0, score: '111' });
  });

  it('15 innovations divide by 15', () => {
    const result = scoreOk(iid2026, { spd: spdAt(0), innovations: innovations(15, 3, YANDAS) });
    expect(node(result, 'sid').value).toBe(Ratio.int(111).add(Ratio.from('5.7')).toPlain()); // 111 + 15 × 0.38
    expect(result.warnings).toEqual([]);
  });

  it('four of the six yandas: the count score is 0 and the warning names what is missing; five: it counts', () => {
    const four = scoreOk(iid2026, { spd: spdAt(2), innovations: innovations(20, 2, YANDAS.slice(0, 4)) });
    const five = scoreOk(iid2026, { spd: spdAt(2), innovations: innovations(20, 2, YANDAS.slice(0, 5)) });
    expect(node(four, 'jumlah').value).toBe('0');
    expect(node(five, 'jumlah').value).toBe('7.6');
    expect(Ratio.from(five.value).sub(Ratio.from(four.value)).toPlain()).toBe('3.04');
    const warning = four.warnings.find((w) => w.code === 'YANDAS_SHORT');
    expect(warning?.message).toContain('Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat');
    expect(warning?.message).toContain('Sosial');
  });

  it('matches yandas by key or name, ignoring case, counts each once, and ignores other urusan', () => {
    const list = [
      ['Pendidikan', 'pariwisata'],
      ['KESEHATAN'],
      ['pupr'],
      ['Perumahan Rakyat dan Kawasan Permukiman'],
      ['pendidikan'],
      ['Sosial', 'pertanian'],
    ];
    const result = scoreOk(iid2026, {
      spd: spdAt(0),
      innovations: list.map((urusan) => ({ values: sidAt(0), urusan })),
    });
    expect(node(result, 'jumlah').details).toEqual({ innovations: 6, yandas: 5 });
    expect(node(result, 'jumlah').value).toBe('2.28');
  });

  it('caps the count at 200 innovations', () => {
    const result = scoreOk(iid2026, { spd: spdAt(0), innovations: innovations(250, 0, YANDAS) });
    expect(node(result, 'jumlah').index).toBe('76.00');
  });
});

describe('IID: predicate bands and rounding edges', () => {
  it.each([
    ['65.01', 'Sangat Inovatif'],
    ['65.005', 'Sangat Inovatif'],
    ['65.00', 'Inovatif'],
    ['65.004', 'Inovatif'],
    ['40.01', 'Inovatif'],
    ['40.00', 'Kurang Inovatif'],
    ['0.01', 'Kurang Inovatif'],
    ['0.005', 'Kurang Inovatif'],
    ['0.004', 'Tidak Dapat Dinilai'],
    ['0', 'Tidak Dapat Dinilai'],
  ])('2026 (Sumbawa TOR; SIMONDA iga.py): %s → %s', (value, predicate) => {
    expect(classify(iid2026, 'indeks', Ratio.from(value)).predicate).toBe(predicate);
  });

  it.each([
    ['60.01', 'Sangat Inovatif'],
    ['60.00', 'Inovatif'],
    ['35.00', 'Inovatif'],
    ['34.995', 'Inovatif'],
    ['34.99', 'Kurang Inovatif'],
    ['0', 'Tidak Dapat Dinilai'],
  ])('2023 (PPT Sosialisasi IID 2023, BSKDN): %s → %s', (value, predicate) => {
    expect(classify(iid2023, 'indeks', Ratio.from(value)).predicate).toBe(predicate);
  });

  it('end to end: total 162,5 of 250 is exactly 65,00 (Inovatif); 162,525 is 65,01 (Sangat Inovatif)', () => {
    const at6500 = scoreOk(iid2026, { spd: spdAt(3), innovations: innovationsTotalling(iid2026, 25, 2250, YANDAS) });
    expect([at6500.value, at6500.index, at6500.predicate]).toEqual(['65', '65.00', 'Inovatif']);
    const at6501 = scoreOk(iid2026, { spd: spdAt(3), innovations: innovationsTotalling(iid2026, 40, 3373, YANDAS) });
    expect([at6501.value, at6501.index, at6501.predicate]).toEqual(['65.01', '65.01', 'Sangat Inovatif']);
  });

  it('end to end: exactly 65,005 publishes as 65,01 and takes the band of the published value', () => {
    const result = scoreOk(iid2026, { spd: spdAt(3), innovations: innovationsTotalling(iid2026, 80, 5529, YANDAS) });
    expect([result.value, result.index, result.predicate]).toEqual(['65.005', '65.01', 'Sangat Inovatif']);
  });

  it('a region with nothing filled and no innovations is "Tidak Dapat Dinilai" at 0,00', () => {
    const result = scoreOk(iid2026, { spd: spdAt(0), innovations: [] });
    expect([result.index, result.predicate]).toEqual(['0.00', 'Tidak Dapat Dinilai']);
  });
});

describe('IID: breakdown and explanations', () => {
  const input = {
    spd: { ...spdAt(2), 6: 3, 12: 1 },
    innovations: [
      { values: sidAt(3), urusan: ['pendidikan'] },
      { values: { ...sidAt(1), 35: 3 }, urusan: ['kesehatan'] },
      { values: sidAt(2), urusan: ['sosial'] },
    ],
  };

  it('computes SPD, SID and IID with the divisor and shows every step', () => {
    const result = scoreOk(iid2026, input);
    // SPD: 21 × 2 + 1.5 (indicator 6 at 3) − 2 (indicator 12 at 1) = 41.5
    expect(node(result, 'spd').value).toBe('41.5');
    // SID: (111 + (37 + 8) + 74) ÷ 12 = 230 ÷ 12; the gate fails (3 of 6 urusan).
    expect(node(result, 'sid').value).toBe(Ratio.int(230).div(Ratio.int(12)).toPlain());
    expect(node(result, 'sid').index).toBe('19.17');
    expect(result.innovations?.map((i) => i.score)).toEqual(['111', '45', '74']);
    expect(node(result, '6').explanation).toContain('parameter 3 ("≥ 94,76%"), skor = bobot 1,5 × 3 = 4,5');
    expect(node(result, '35').explanation).toContain('jumlah skor pada 3 inovasi = 32, dibagi MAX(12, n = 3) = 12, hasilnya ≈2,6667');
    expect(result.nodes.indeks?.explanation).toContain('÷ 250 × 100');
    // Contributions of SPD and SID add up to the unrounded IID.
    const total = Ratio.from(node(result, 'spd').contribution).add(Ratio.from(node(result, 'sid').contribution));
    expect(total.toPlain()).toBe(result.value);
    expect(result.index).toBe('24.27'); // (41.5 + 19.1666…) ÷ 250 × 100 = 24.2666…
  });
});

describe('IID: invalid input is an error naming the indicator (and the innovation)', () => {
  const valid = { spd: spdAt(2), innovations: innovations(3, 2, YANDAS) };

  it('a mandatory SPD indicator left out', () => {
    const { 1: _dropped, ...spd } = valid.spd;
    expect(scoreErrors(iid2026, { ...valid, spd })).toEqual([expect.objectContaining({ indicator: '1', code: 'MISSING_VALUE' })]);
  });

  it('a mandatory SID indicator left out of the second innovation', () => {
    const { 35: _dropped, ...values } = sidAt(2);
    const list = [valid.innovations[0], { values, urusan: [] }];
    const errors = scoreErrors(iid2026, { ...valid, innovations: list });
    expect(errors).toEqual([expect.objectContaining({ indicator: '35', innovation: 1, code: 'MISSING_VALUE' })]);
    expect(errors[0]?.message).toContain('Inovasi ke-2');
  });

  it('optional indicators left out score 0, with one warning per indicator listing the innovations', () => {
    const { 18: _a, 34: _b, ...values } = sidAt(3);
    const result = scoreOk(iid2026, {
      spd: spdAt(3),
      innovations: [
        { values, urusan: [] },
        { values, urusan: [] },
      ],
    });
    // Indicators 18 and 34 weigh 2 each: 111 − 2 × 3 − 2 × 3 = 99 per innovation.
    expect(result.innovations?.map((i) => i.score)).toEqual(['99', '99']);
    const defaults = result.warnings.filter((w) => w.code === 'DEFAULT_USED');
    expect(defaults.map((w) => w.indicator)).toEqual(['18', '34']);
    expect(defaults[0]?.message).toContain('pada 2 inovasi (ke-1, 2)');
  });

  it('levels outside 0–3, fractional levels and non-numbers', () => {
    for (const [bad, code] of [
      [4, 'OUT_OF_RANGE'],
      [-1, 'OUT_OF_RANGE'],
      [1.5, 'OUT_OF_RANGE'],
      ['dua', 'INVALID_VALUE'],
    ] as const) {
      const errors = scoreErrors(iid2026, { ...valid, spd: { ...valid.spd, '5a': bad } });
      expect(errors).toEqual([expect.objectContaining({ indicator: '5a', code })]);
    }
  });

  it('indicators in the wrong place or unknown', () => {
    const errors = scoreErrors(iid2026, {
      spd: { ...valid.spd, 16: 3, 99: 1 },
      innovations: [{ values: { ...sidAt(1), 1: 3 }, urusan: [] }],
    });
    expect(errors.map((e) => [e.indicator, e.code, e.innovation])).toEqual([
      ['16', 'UNKNOWN_INDICATOR', undefined],
      ['99', 'UNKNOWN_INDICATOR', undefined],
      ['1', 'UNKNOWN_INDICATOR', 0],
    ]);
    expect(errors[0]?.message).toContain('per inovasi');
    expect(errors[2]?.message).toContain('indikator SPD');
  });

  it('malformed input: no spd, no innovations list, bad urusan, an innovation that is not an object', () => {
    expect(scoreErrors(iid2026, { innovations: [] })[0]).toMatchObject({ indicator: null, code: 'INVALID_INPUT' });
    expect(scoreErrors(iid2026, { spd: valid.spd })[0]?.message).toContain('kirim []');
    expect(scoreErrors(iid2026, { spd: valid.spd, innovations: [{ values: sidAt(1), urusan: 'pendidikan' }] })[0]).toMatchObject({
      innovation: 0,
      code: 'INVALID_INPUT',
    });
    expect(scoreErrors(iid2026, { spd: valid.spd, innovations: ['x'] })[0]).toMatchObject({ innovation: 0, code: 'INVALID_INPUT' });
    expect(scoreErrors(iid2026, { spd: valid.spd, innovations: [{ values: sidAt(1), urusan: [], judul: 'x' }] })[0]).toMatchObject({
      innovation: 0,
      code: 'INVALID_INPUT',
    });
  });
});

describe('IID 2023', () => {
  it('divides by MAX(10, n): 8 innovations all at 3 give 8 × 111 ÷ 10 = 88,8 plus the count score', () => {
    const result = scoreOk(iid2023, { spd: spdAt(0), innovations: innovations(8, 3, ['pendidikan']) });
    // No yandas gate is known for 2023, so 8 × 0.38 = 3.04 counts.
    expect(node(result, 'jumlah').value).toBe('3.04');
    expect(node(result, 'sid').value).toBe('91.84');
  });

  it('treats every SPD indicator as optional (its 2023 table is a placeholder) and warns about each one left out', () => {
    const result = scoreOk(iid2023, { spd: {}, innovations: [] });
    expect(result.index).toBe('0.00');
    expect(result.predicate).toBe('Tidak Dapat Dinilai');
    expect(result.warnings.filter((w) => w.code === 'DEFAULT_USED')).toHaveLength(20);
    expect(find(iid2023, 'spd').confidence).toBe('uncertain');
  });
});
