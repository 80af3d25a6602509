import { describe, expect, it } from 'vitest';
import { Ratio, sumRatios } from './decimal.ts';
import { classify, evaluate } from './engine.ts';
import { parseFramework } from './framework-registry.ts';
import type { Framework } from './framework.schema.ts';
import { readShippedJson } from './load-shipped.ts';
import { levels, node, scoreErrors, scoreOk, shipped } from './test-support.ts';

const spbe = shipped('spbe-2020');

/** All 47 indicators: D1 (1–10), D2 (11–20), D3 (21–31), D4 (32–47). */
function spbeLevels(d1: number[], d2: number[], d3: number[], d4: number[]): Record<string, number> {
  const all = [...d1, ...d2, ...d3, ...d4];
  if (all.length !== 47) throw new Error(`47 levels expected, got ${all.length}`);
  return Object.fromEntries(all.map((level, i) => [String(i + 1), level]));
}
const fives = (n: number) => Array.from({ length: n }, () => 5);

describe('SPBE 2020: golden results (Laporan Pelaksanaan Evaluasi SPBE 2024, KemenPANRB, 13 Mar 2025)', () => {
  it('Kementerian Kominfo 2024: D1 5,00 D2 5,00 D3 3,45 D4 5,00 → Indeks SPBE 4,75 Memuaskan (exactly 4.745, half-up)', () => {
    // D3 = 38/11: eleven levels summing to 38.
    const d3 = [4, 4, 4, 3, 3, 3, 3, 4, 3, 4, 3];
    const result = scoreOk(spbe, { values: spbeLevels(fives(10), fives(10), d3, fives(16)) });
    expect(result.index).toBe('4.75');
    expect(result.value).toBe('4.745');
    expect(result.predicate).toBe('Memuaskan');
    expect(node(result, 'D1').index).toBe('5.00');
    expect(node(result, 'D2').index).toBe('5.00');
    expect(node(result, 'D3').index).toBe('3.45');
    expect(node(result, 'D3').value).toBe('3.454545454545');
    expect(node(result, 'D3').predicate).toBe('Baik');
    expect(node(result, 'D4').index).toBe('5.00');
  });

  it('Kab. Banyuwangi 2024: D1 5,00 D2 4,60 D3 4,18 D4 5,00 → Indeks SPBE 4,77 Memuaskan (exactly 4.765, half-up)', () => {
    const d2 = [5, 5, 5, 5, 5, 5, 4, 4, 4, 4]; // 46/10
    const d3 = [5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4]; // 46/11
    const result = scoreOk(spbe, { values: spbeLevels(fives(10), d2, d3, fives(16)) });
    expect(result.index).toBe('4.77');
    expect(result.value).toBe('4.765');
    expect(result.predicate).toBe('Memuaskan');
    expect(node(result, 'D2').index).toBe('4.60');
    expect(node(result, 'D2').predicate).toBe('Memuaskan');
    expect(node(result, 'D3').index).toBe('4.18');
    expect(node(result, 'D3').predicate).toBe('Sangat Baik');
  });

  // The national and Pemda averages are published per domain only; they check the domain weights
  // 13 / 25 / 16.5 / 45.5 of the shipped file by scoring the four domains as leaves.
  function domainLevelVariant(): Framework {
    const json = readShippedJson('spbe-2020') as {
      root: { children: Array<Record<string, unknown>> };
      rounding: Array<{ appliesTo: string[] }>;
      predicates: { appliesTo: string[] };
    };
    // Without aspects in the tree, rounding and predicates may not name them.
    for (const rule of json.rounding) rule.appliesTo = rule.appliesTo.filter((k) => k !== 'aspek');
    json.predicates.appliesTo = json.predicates.appliesTo.filter((k) => k !== 'aspek');
    json.root.children = json.root.children.map((d) => ({
      id: d.id,
      kind: d.kind,
      name: d.name,
      weight: d.weight,
      scale: { type: 'decimal', min: '1', max: '5' },
    }));
    const parsed = parseFramework(json);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.framework;
  }

  it('Indeks SPBE Nasional 2024: domains 3,36 / 2,62 / 1,86 / 3,78 → 3,12 Baik', () => {
    const result = scoreOk(domainLevelVariant(), { values: { D1: 3.36, D2: 2.62, D3: 1.86, D4: 3.78 } });
    expect(result.index).toBe('3.12');
    expect(result.predicate).toBe('Baik');
  });

  it('Pemda average 2024: Kebijakan 3,33 Baik / Tata Kelola 2,51 Cukup / Manajemen 1,76 Kurang / Layanan 3,79 Sangat Baik → 3,08 Baik', () => {
    const result = scoreOk(domainLevelVariant(), { values: { D1: 3.33, D2: 2.51, D3: 1.76, D4: 3.79 } });
    expect(result.index).toBe('3.08');
    expect(result.predicate).toBe('Baik');
    expect(node(result, 'D1').predicate).toBe('Baik');
    expect(node(result, 'D2').predicate).toBe('Cukup');
    expect(node(result, 'D3').predicate).toBe('Kurang');
    expect(node(result, 'D4').predicate).toBe('Sangat Baik');
  });

  it('published predicates: national 2023 2,79 Baik; Kota Jambi 2023 4,27 Memuaskan; Aceh Tengah 2025 domains 1,70 Kurang and 3,75 Sangat Baik', () => {
    expect(classify(spbe, 'indeks', Ratio.from('2.79')).predicate).toBe('Baik');
    expect(classify(spbe, 'indeks', Ratio.from('4.27')).predicate).toBe('Memuaskan');
    expect(classify(spbe, 'domain', Ratio.from('1.70')).predicate).toBe('Kurang');
    expect(classify(spbe, 'domain', Ratio.from('3.75')).predicate).toBe('Sangat Baik');
  });
});

describe('SPBE 2020: structure of the shipped file', () => {
  it('has 4 domains, 8 aspects and 47 indicators whose weights add up to 100', () => {
    const result = scoreOk(spbe, { values: levels(1, 47, 3) });
    const nodes = Object.values(result.nodes);
    expect(nodes.filter((n) => n.kind === 'domain').map((n) => n.id)).toEqual(['D1', 'D2', 'D3', 'D4']);
    expect(nodes.filter((n) => n.kind === 'aspek')).toHaveLength(8);
    const indicators = nodes.filter((n) => n.kind === 'indikator');
    expect(indicators).toHaveLength(47);
    expect(sumRatios(indicators.map((n) => Ratio.from(n.weight ?? '0'))).toPlain()).toBe('100');
    expect(node(result, '32').weight).toBe('2.75');
    expect(node(result, '42').weight).toBe('3.00');
  });

  it('marks the reconstructed criteria of indicators 2 (level 5) and 3 (levels 2–4), and no others', () => {
    const reconstructed: string[] = [];
    const visit = (n: Framework['root']) => {
      if (n.scale?.type === 'levels') {
        for (const l of n.scale.levels) if (l.reconstructed === true) reconstructed.push(`${n.id}.${l.level}`);
      }
      for (const c of n.children ?? []) visit(c);
    };
    visit(spbe.root);
    expect(reconstructed).toEqual(['2.5', '3.2', '3.3', '3.4']);
  });

  it('gives the D4 indicators the technical-function level names and D1–D3 the process names', () => {
    const find = (id: string): Framework['root'] | undefined => {
      const stack = [spbe.root];
      while (stack.length > 0) {
        const n = stack.pop();
        if (n?.id === id) return n;
        stack.push(...(n?.children ?? []));
      }
      return undefined;
    };
    const names = (id: string) => {
      const scale = find(id)?.scale;
      return scale?.type === 'levels' ? scale.levels.map((l) => l.name) : [];
    };
    expect(names('1')).toEqual(['Rintisan', 'Terkelola', 'Terdefinisi', 'Terpadu dan Terukur', 'Optimum']);
    expect(names('47')).toEqual(['Informasi', 'Interaksi', 'Transaksi', 'Kolaborasi', 'Optimalisasi']);
  });
});

describe('SPBE 2020: properties', () => {
  it.each([1, 2, 3, 4, 5])('all 47 indicators at level %i give index %i.00 and every domain and aspect %i.00', (level) => {
    const result = scoreOk(spbe, { values: levels(1, 47, level) });
    expect(result.index).toBe(`${level}.00`);
    for (const n of Object.values(result.nodes)) {
      if (n.kind === 'domain' || n.kind === 'aspek') expect(n.index).toBe(`${level}.00`);
    }
  });

  it.each([
    [1, 'Kurang'],
    [2, 'Cukup'],
    [3, 'Baik'],
    [4, 'Sangat Baik'],
    [5, 'Memuaskan'],
  ])('uniform level %i is predicate %s', (level, predicate) => {
    expect(scoreOk(spbe, { values: levels(1, 47, level) }).predicate).toBe(predicate);
  });

  it('contributions of the 47 indicators add up exactly to the unrounded index', () => {
    const result = scoreOk(spbe, { values: levels(1, 47, (i) => (i % 5) + 1) });
    const indicators = Object.values(result.nodes).filter((n) => n.kind === 'indikator');
    const total = sumRatios(indicators.map((n) => Ratio.from(n.contribution)));
    expect(total.toPlain()).toBe(result.value);
    // Indicator 42 at level 3 weighs 3 % of the index: 0.09.
    expect(node(result, '42').contribution).toBe('0.09');
  });

  it('raising one indicator by one level raises the index by exactly its weight ÷ 100', () => {
    const base = scoreOk(spbe, { values: levels(1, 47, 3) });
    const raised = scoreOk(spbe, { values: { ...levels(1, 47, 3), 44: 4 } });
    expect(Ratio.from(raised.value).sub(Ratio.from(base.value)).toPlain()).toBe('0.03');
  });
});

describe('SPBE 2020: band edges and rounding edges', () => {
  it('index exactly 4.20 is Memuaskan; 4.195 publishes as 4.20 and is Memuaskan; 4.19 is Sangat Baik', () => {
    // Baseline all 4; each indicator raised to 5 adds its weight ÷ 100.
    const at420 = scoreOk(spbe, { values: { ...levels(1, 47, 4), ...levels(11, 18, 5) } }); // 8 × 2.5 = 20
    expect(at420.index).toBe('4.20');
    expect(at420.predicate).toBe('Memuaskan');
    const at4195 = scoreOk(spbe, { values: { ...levels(1, 47, 4), ...levels(42, 47, 5), 21: 5 } }); // 18 + 1.5
    expect(at4195.value).toBe('4.195');
    expect(at4195.index).toBe('4.20');
    expect(at4195.predicate).toBe('Memuaskan');
    const at419 = scoreOk(spbe, { values: { ...levels(1, 47, 4), ...levels(11, 14, 5), ...levels(45, 47, 5) } }); // 10 + 9
    expect(at419.index).toBe('4.19');
    expect(at419.predicate).toBe('Sangat Baik');
  });

  it('index exactly 3.50 is Sangat Baik (inclusive lower edge); 3.49 is Baik', () => {
    const at350 = scoreOk(spbe, { values: { ...levels(1, 47, 3), ...levels(29, 47, 4) } }); // 4.5 + 45.5
    expect(at350.index).toBe('3.50');
    expect(at350.predicate).toBe('Sangat Baik');
    const at349 = scoreOk(spbe, { values: { ...levels(1, 47, 3), ...levels(11, 20, 4), ...levels(42, 47, 4), ...levels(21, 24, 4) } }); // 25 + 18 + 6
    expect(at349.index).toBe('3.49');
    expect(at349.predicate).toBe('Baik');
  });

  it('classifies the band edges of the shipped table as published', () => {
    const p = (v: string) => classify(spbe, 'indeks', Ratio.from(v)).predicate;
    expect(p('5')).toBe('Memuaskan');
    expect(p('1.8')).toBe('Cukup');
    expect(p('1.79')).toBe('Kurang');
    expect(p('1.795')).toBe('Cukup'); // publishes as 1.80
    expect(p('2.6')).toBe('Baik');
    expect(p('2.59')).toBe('Cukup');
    expect(p('1')).toBe('Kurang');
  });

  it('an aspect mean of exactly x.xx5 rounds up: A5 with levels summing to 29 is 3.625 → 3.63', () => {
    const a5 = { 21: 4, 22: 4, 23: 4, 24: 4, 25: 4, 26: 3, 27: 3, 28: 3 };
    const result = scoreOk(spbe, { values: { ...levels(1, 47, 3), ...a5 } });
    expect(node(result, 'A5').value).toBe('3.625');
    expect(node(result, 'A5').index).toBe('3.63');
  });
});

describe('SPBE 2020: explanations', () => {
  it('explains the index with its numbers in Indonesian, and each indicator with its level name', () => {
    const d3 = [4, 4, 4, 3, 3, 3, 3, 4, 3, 4, 3];
    const result = scoreOk(spbe, { values: spbeLevels(fives(10), fives(10), d3, fives(16)) });
    expect(result.nodes.indeks?.explanation).toContain('474,5 ÷ 100 = 4,745');
    expect(result.nodes.indeks?.explanation).toContain('Nilai terbit 4,75 (dibulatkan setengah ke atas ke 2 desimal)');
    expect(result.nodes.indeks?.explanation).toContain('Predikat Memuaskan karena 4,2 ≤ nilai ≤ 5,0');
    expect(node(result, '24').explanation).toContain('tingkat 3 (Terdefinisi)');
    expect(node(result, '32').explanation).toContain('tingkat 5 (Optimalisasi)');
    expect(node(result, '24').explanation).toContain('Sumbangan ke Indeks SPBE: 0,045');
  });
});

describe('SPBE 2020: invalid input is an error naming the indicator', () => {
  const valid = levels(1, 47, 3);

  it('rejects a level above 5 or below 1, and a fractional level', () => {
    for (const bad of [6, 0, 2.5]) {
      const errors = scoreErrors(spbe, { values: { ...valid, 12: bad } });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ indicator: '12', code: 'OUT_OF_RANGE' });
      expect(errors[0]?.message).toContain('tingkat 1, 2, 3, 4 atau 5');
    }
  });

  it('rejects values that are not numbers', () => {
    for (const bad of ['tiga', true, {}, Number.NaN, Number.POSITIVE_INFINITY, '3,5']) {
      const errors = scoreErrors(spbe, { values: { ...valid, 7: bad } });
      expect(errors[0]).toMatchObject({ indicator: '7', code: 'INVALID_VALUE' });
    }
  });

  it('accepts a level written as a numeric string', () => {
    expect(scoreOk(spbe, { values: { ...valid, 7: '5' } }).value).toBe('3.026');
  });

  it('rejects an unknown indicator and a domain given as if it were an indicator', () => {
    const errors = scoreErrors(spbe, { values: { ...valid, 48: 3, D1: 4 } });
    expect(errors.map((e) => [e.indicator, e.code])).toEqual([
      ['48', 'UNKNOWN_INDICATOR'],
      ['D1', 'UNKNOWN_INDICATOR'],
    ]);
    expect(errors[1]?.message).toContain('bukan indikator');
  });

  it('reports every missing indicator instead of scoring it zero', () => {
    const { 47: _dropped, 3: _alsoDropped, ...partial } = valid;
    const errors = scoreErrors(spbe, { values: partial });
    expect(errors.map((e) => [e.indicator, e.code])).toEqual([
      ['3', 'MISSING_VALUE'],
      ['47', 'MISSING_VALUE'],
    ]);
  });

  it('reports all 47 indicators for empty values, and a clear error for malformed input', () => {
    expect(scoreErrors(spbe, { values: {} })).toHaveLength(47);
    expect(scoreErrors(spbe, {})[0]).toMatchObject({ indicator: null, code: 'INVALID_INPUT' });
    expect(scoreErrors(spbe, null)[0]).toMatchObject({ indicator: null, code: 'INVALID_INPUT' });
    expect(scoreErrors(spbe, [1, 2, 3])[0]).toMatchObject({ indicator: null, code: 'INVALID_INPUT' });
    expect(scoreErrors(spbe, { values: [3, 3] })[0]).toMatchObject({ indicator: null, code: 'INVALID_INPUT' });
    const typo = scoreErrors(spbe, { values: valid, valeus: {} });
    expect(typo).toHaveLength(1);
    expect(typo[0]?.message).toContain('"valeus"');
  });

  it('never throws on hostile input', () => {
    for (const input of [undefined, 42, 'x', { values: null }, { values: { __proto__: { 1: 3 } } }]) {
      expect(() => evaluate(spbe, input)).not.toThrow();
      expect(evaluate(spbe, input).ok).toBe(false);
    }
  });
});
