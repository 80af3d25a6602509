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
  });
});
