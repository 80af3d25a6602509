import { describe, expect, it } from 'vitest';
import { loadShipped } from '../scoring/load-shipped.ts';
import { leaves } from '../scoring/tree.ts';
import { frameworkFamily, INDEX_EVIDENCE, indicatorsFor } from './index-evidence.ts';

describe('evidence of public services for the indices', () => {
  it('names framework families by the id before the year', () => {
    expect(frameworkFamily('iid-2026')).toBe('iid');
    expect(frameworkFamily('spbe-2020')).toBe('spbe');
    expect(frameworkFamily('iid-2027')).toBe('iid');
    expect(frameworkFamily('custom')).toBe('custom');
  });

  it('points only at indicators the shipped frameworks have, about surveys or complaints', () => {
    const names: string[] = [];
    for (const id of ['iid-2026', 'iid-2023', 'spbe-2020', 'pemdi-2026'] as const) {
      const framework = loadShipped(id);
      const byId = new Map(leaves(framework.root).map((n) => [n.id, n]));
      for (const source of Object.keys(INDEX_EVIDENCE) as Array<keyof typeof INDEX_EVIDENCE>) {
        for (const indicator of indicatorsFor(source, id)) {
          const node = byId.get(indicator);
          expect(node, `${id} has indicator ${indicator}`).toBeDefined();
          names.push(`${source} ${id} ${indicator} ${node?.name}`);
        }
      }
    }
    expect(names.filter((n) => n.startsWith('complaints')).every((n) => /pengaduan|pengguna/i.test(n))).toBe(true);
    expect(names.filter((n) => n.startsWith('skm iid')).every((n) => /monitoring/i.test(n))).toBe(true);
    expect(indicatorsFor('skm', 'smartcity-2021')).toEqual([]);
    // An event's attendance list: a bimtek for IID "Bimtek inovasi", a sosialisasi for "Sosialisasi inovasi daerah".
    expect(names.filter((n) => n.startsWith('bimtek iid'))).toEqual(['bimtek iid-2026 20 Bimtek inovasi', 'bimtek iid-2023 20 Bimtek inovasi']);
    expect(names.filter((n) => n.startsWith('sosialisasi iid')).every((n) => /sosialisasi/i.test(n))).toBe(true);
    const smartCity = new Set(leaves(loadShipped('smartcity-2021').root).map((n) => n.id));
    for (const source of ['bimtek', 'sosialisasi'] as const) {
      expect(indicatorsFor(source, 'smartcity-2021').every((id) => smartCity.has(id))).toBe(true);
      expect(indicatorsFor(source, 'smartcity-2021').length).toBeGreaterThan(0);
    }
  });
});
