import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type FrameworkIssue, parseFramework, SHIPPED_FRAMEWORK_IDS, withWeights } from './framework-registry.ts';
import { FRAMEWORKS_DIR, readShippedJson } from './load-shipped.ts';
import { shipped } from './test-support.ts';

type Json = Record<string, unknown>;

/** A small valid framework to break in one place per test. */
function tiny(): Json {
  return {
    id: 'contoh-2024',
    version: '1.0.0',
    name: 'Contoh',
    inputKind: 'values',
    effectiveYears: { from: 2024, to: null },
    source: { citation: 'Contoh', documents: [{ title: 'Contoh' }], confidence: 'verified' },
    weights: { mode: 'absolute', total: '100' },
    rounding: [{ places: 2, mode: 'half-up', appliesTo: ['indeks', 'aspek'] }],
    predicates: {
      basis: 'rounded',
      appliesTo: ['indeks'],
      bands: [
        { name: 'Tinggi', min: { value: '3', inclusive: true }, max: null },
        { name: 'Rendah', min: null, max: { value: '3', inclusive: false } },
      ],
    },
    root: {
      id: 'indeks',
      kind: 'indeks',
      name: 'Indeks',
      aggregation: { rule: 'weighted-mean' },
      children: [
        {
          id: 'A1',
          kind: 'aspek',
          name: 'Aspek 1',
          weight: '60',
          aggregation: { rule: 'weighted-mean' },
          children: [
            {
              id: '1',
              kind: 'indikator',
              name: 'Satu',
              weight: '30',
              scale: {
                type: 'levels',
                levels: [
                  { level: 1, name: 'Rendah' },
                  { level: 2, name: 'Tinggi' },
                ],
              },
            },
            { id: '2', kind: 'indikator', name: 'Dua', weight: '30', scale: { type: 'decimal', min: '1', max: '5' } },
          ],
        },
        { id: '3', kind: 'indikator', name: 'Tiga', weight: '40', scale: { type: 'decimal', min: '1', max: '5' } },
      ],
    },
  };
}

function errorsOf(json: unknown): FrameworkIssue[] {
  const parsed = parseFramework(json);
  if (parsed.ok) throw new Error('Expected the framework to be rejected');
  return parsed.errors;
}

function edit(mutate: (json: Json & { root: Json & { children: Json[] } }) => void): Json {
  const json = tiny() as Json & { root: Json & { children: Json[] } };
  mutate(json);
  return json;
}

const firstChild = (json: { root: { children: Json[] } }) => json.root.children[0] as Json & { children: Json[] };

describe('shipped frameworks', () => {
  it('every file in frameworks/ is listed, parses, and carries its file name as id', () => {
    // Competition rubrics (rubrik-*.json) are flat criteria lists, checked by the competition engine
    // (src/domain/competition/competition-rubrics.test.ts), not indicator frameworks.
    const files = readdirSync(FRAMEWORKS_DIR)
      .filter((f) => f.endsWith('.json') && !f.startsWith('rubrik-'))
      .map((f) => f.replace(/\.json$/, ''));
    expect([...files].sort()).toEqual([...SHIPPED_FRAMEWORK_IDS].sort());
    for (const id of SHIPPED_FRAMEWORK_IDS) {
      const parsed = parseFramework(readShippedJson(id));
      expect(parsed.ok ? parsed.framework.id : parsed.errors).toBe(id);
    }
  });

  it('every shipped framework cites a source, and keeps uncertain facts marked as data', () => {
    for (const id of SHIPPED_FRAMEWORK_IDS) {
      const framework = shipped(id);
      expect(framework.source.citation.length).toBeGreaterThan(20);
      expect(framework.source.documents.length).toBeGreaterThan(0);
    }
    const raw = (id: string) => readFileSync(new URL(`${id}.json`, FRAMEWORKS_DIR), 'utf8');
    for (const id of ['pemdi-2026', 'smartcity-2021', 'iid-2023', 'ikm-2017', 'spbe-2020']) {
      expect(raw(id)).toContain('"confidence": "uncertain"');
    }
  });

  it('the small test framework itself is valid', () => {
    expect(parseFramework(tiny()).ok).toBe(true);
  });
});

describe('parseFramework: shape errors name the path, in Indonesian and English', () => {
  it('a weight written as a JSON number', () => {
    const errors = errorsOf(
      edit((j) => {
        firstChild(j).weight = 60;
      }),
    );
    expect(errors).toEqual([expect.objectContaining({ path: 'root.children[0].weight' })]);
    expect(errors[0]?.message).toContain('diharapkan string');
    expect(errors[0]?.messageEn).toContain('expected string');
  });

  it('a weight that is not a decimal or fraction', () => {
    const errors = errorsOf(
      edit((j) => {
        firstChild(j).weight = '60%';
      }),
    );
    expect(errors[0]).toEqual({
      path: 'root.children[0].weight',
      message: 'harus bobot bertanda titik yang ditulis sebagai teks, mis. "1.30" atau pecahan "1/9"',
      messageEn: 'must be a weight written as a string, e.g. "1.30" or the fraction "1/9"',
    });
  });

  it('a misspelt key deep in the tree', () => {
    const errors = errorsOf(
      edit((j) => {
        (firstChild(j).children[1] as Json).wieght = '30';
      }),
    );
    expect(errors[0]?.path).toBe('root.children[0].children[1]');
    expect(errors[0]?.messageEn).toContain('wieght');
  });

  it('an unknown scale type and a band edge without "inclusive"', () => {
    const errors = errorsOf(
      edit((j) => {
        (firstChild(j).children[1] as Json).scale = { type: 'stars', min: '1', max: '5' };
        ((j.predicates as Json).bands as Json[])[0] = { name: 'Tinggi', min: { value: '3' }, max: null };
      }),
    );
    expect(errors.map((e) => e.path)).toEqual(['predicates.bands[0].min.inclusive', 'root.children[0].children[1].scale.type']);
    expect(errors[1]?.message).toBe("Nilai tidak dikenal; pilihan: 'levels' | 'parameters' | 'decimal' | 'likert' | 'count'");
  });

  it('not an object at all', () => {
    expect(errorsOf('spbe')[0]?.path).toBe('(file)');
  });
});

describe('parseFramework: semantic errors', () => {
  it('absolute weights that do not add up to the parent', () => {
    const errors = errorsOf(
      edit((j) => {
        firstChild(j).weight = '61';
      }),
    );
    expect(errors.map((e) => e.path)).toEqual(['root.children', 'root.children[0].children']);
    expect(errors[1]?.message).toBe('Bobot mutlak: jumlah bobot anak "A1" = 60, seharusnya 61.');
  });

  it('duplicate ids', () => {
    const errors = errorsOf(
      edit((j) => {
        (j.root.children[1] as Json).id = '1';
      }),
    );
    expect(errors).toEqual([
      expect.objectContaining({ path: 'root.children[1].id', messageEn: 'Node id "1" is already used at root.children[0].children[0].' }),
    ]);
  });

  it('a leaf without a scale, and a parent without an aggregation rule', () => {
    const errors = errorsOf(
      edit((j) => {
        delete (j.root.children[1] as Json).scale;
        delete firstChild(j).aggregation;
      }),
    );
    expect(errors.map((e) => e.path).sort()).toEqual(['root.children[0]', 'root.children[1]']);
  });

  it('a missing weight under a weighted mean', () => {
    const errors = errorsOf(
      edit((j) => {
        j.weights = { mode: 'relative' };
        delete (j.root.children[1] as Json).weight;
      }),
    );
    expect(errors).toEqual([expect.objectContaining({ path: 'root.children[1]' })]);
    expect(errors[0]?.message).toContain('perlu bobot');
  });

  it('overlapping bands and a gap between bands', () => {
    const overlap = errorsOf(
      edit((j) => {
        ((j.predicates as Json).bands as Json[])[1] = { name: 'Rendah', min: null, max: { value: '3', inclusive: true } };
      }),
    );
    expect(overlap).toEqual([expect.objectContaining({ path: 'predicates.bands[0]' })]);
    expect(overlap[0]?.messageEn).toContain('overlap');
    const gap = errorsOf(
      edit((j) => {
        ((j.predicates as Json).bands as Json[])[1] = { name: 'Rendah', min: null, max: { value: '2.99', inclusive: false } };
      }),
    );
    expect(gap[0]?.messageEn).toContain('Gap between band "Rendah"');
  });

  it('a gap narrower than the published precision is no gap (IKM 64.99 | 65.00)', () => {
    const json = edit((j) => {
      ((j.predicates as Json).bands as Json[])[1] = { name: 'Rendah', min: null, max: { value: '2.99', inclusive: true } };
    });
    expect(parseFramework(json).ok).toBe(true);
    (json.predicates as Json).basis = 'exact';
    expect(errorsOf(json)[0]?.messageEn).toContain('Gap');
  });

  it('predicates on the rounded value of a kind that is never rounded, or of a kind not in the tree', () => {
    const errors = errorsOf(
      edit((j) => {
        (j.predicates as Json).appliesTo = ['indikator', 'domain'];
      }),
    );
    expect(errors.map((e) => e.path)).toEqual(['predicates.basis', 'predicates.appliesTo', 'predicates.basis']);
  });

  it('a scale that cannot be used with the input kind, and a decimal scale upside down', () => {
    const errors = errorsOf(
      edit((j) => {
        (j.root.children[1] as Json).scale = { type: 'decimal', min: '5', max: '1' };
        (firstChild(j).children[0] as Json).scale = {
          type: 'likert',
          options: [
            { value: 1, label: 'a' },
            { value: 2, label: 'b' },
          ],
        };
      }),
    );
    expect(errors.map((e) => e.path)).toEqual(['root.children[0].children[0].scale.type', 'root.children[1].scale']);
  });

  it('levels out of order, a default that the scale does not accept, and a mandatory indicator with a default', () => {
    const errors = errorsOf(
      edit((j) => {
        (firstChild(j).children[0] as Json).scale = {
          type: 'levels',
          levels: [
            { level: 2, name: 'b' },
            { level: 1, name: 'a' },
          ],
        };
        (j.root.children[1] as Json).whenMissing = { value: '9', note: 'x' };
        (firstChild(j).children[1] as Json).mandatory = true;
        (firstChild(j).children[1] as Json).whenMissing = { value: '1', note: 'x' };
      }),
    );
    expect(errors.map((e) => e.path)).toEqual([
      'root.children[0].children[0].scale.levels',
      'root.children[0].children[1].whenMissing',
      'root.children[1].whenMissing.value',
    ]);
  });

  it('effective years the wrong way round', () => {
    expect(
      errorsOf(
        edit((j) => {
          j.effectiveYears = { from: 2026, to: 2020 };
        }),
      )[0]?.path,
    ).toBe('effectiveYears');
  });

  it('an IID file whose declared maximum differs from its tree, or whose count sits in the wrong place', () => {
    const json = readShippedJson('iid-2026') as Json & { root: Json & { children: Json[] } };
    (json.root.aggregation as Json).maxScore = '260';
    expect(errorsOf(json)).toEqual([
      expect.objectContaining({ path: 'root.aggregation.maxScore', messageEn: 'Declared maximum 260 differs from the maximum of the tree, 250.' }),
    ]);
    const moved = readShippedJson('iid-2026') as Json & { root: Json & { children: Json[] } };
    const sid = moved.root.children[1] as Json & { children: Json[] };
    const count = sid.children.pop() as Json;
    (moved.root.children[0] as Json & { children: Json[] }).children.push(count);
    expect(errorsOf(moved).map((e) => e.path)).toContain('root.children[0].children[3]');
  });
});

describe('withWeights', () => {
  it('replaces weights and checks the copy again', () => {
    const ikm = shipped('ikm-2017');
    const changed = withWeights(ikm, { U1: '0.111' });
    expect(changed.ok && changed.framework.root.children?.[0]?.weight).toBe('0.111');
    expect(ikm.root.children?.[0]?.weight).toBe('1/9');
  });

  it('rejects an unknown node and a weight that breaks the absolute sum', () => {
    const unknown = withWeights(shipped('ikm-2017'), { U10: '1' });
    expect(unknown.ok ? [] : unknown.errors).toEqual([expect.objectContaining({ path: 'weights' })]);
    const broken = withWeights(shipped('spbe-2020'), { '1': '2' });
    expect(broken.ok).toBe(false);
  });
});
