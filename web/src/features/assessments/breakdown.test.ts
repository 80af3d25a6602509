import { describe, expect, it } from 'vitest';
import type { AssessmentItem, FrameworkTree } from '../../api/assessments.api.ts';
import { buildBreakdown, pathKey } from './breakdown.ts';
import { groupByPath, matchesFilter } from '../../components/evaluation/item-values.ts';

const tree: FrameworkTree = {
  id: 'spbe-2020',
  version: '1.0.0',
  root: {
    id: 'indeks',
    name: 'Indeks SPBE',
    children: [
      {
        id: 'D1',
        name: 'Kebijakan Internal SPBE',
        kind: 'domain',
        children: [
          {
            id: 'A1',
            name: 'Kebijakan Internal Tata Kelola SPBE',
            kind: 'aspek',
            children: [
              { id: '1', name: 'Arsitektur' },
              { id: '2', name: 'Peta Rencana' },
            ],
          },
        ],
      },
      {
        id: 'D2',
        name: 'Tata Kelola SPBE',
        kind: 'domain',
        children: [{ id: 'A2', name: 'Perencanaan Strategis SPBE', kind: 'aspek', children: [{ id: '11', name: 'Arsitektur' }] }],
      },
    ],
  },
};

const figure = (index: string) => ({ index, predicate: 'Cukup' });

describe('the domain and aspect breakdown', () => {
  it('lists inner nodes in framework order with their figures and finds them by the names items carry', () => {
    const { rows, nodeIdByPath } = buildBreakdown(
      tree,
      { frameworkId: 'spbe-2020', frameworkVersion: '1.0.0' },
      { D1: figure('2.10'), A1: figure('2.10') },
      {},
    );
    expect(rows.map((r) => [r.id, r.depth])).toEqual([
      ['D1', 0],
      ['A1', 1],
      ['D2', 0],
      ['A2', 1],
    ]);
    expect(rows[0]?.claimed).toEqual(figure('2.10'));
    expect(rows[0]?.verified).toBeNull();
    expect(nodeIdByPath.get(pathKey(['Kebijakan Internal SPBE', 'Kebijakan Internal Tata Kelola SPBE']))).toBe('A1');
    expect(nodeIdByPath.get(pathKey(['Tata Kelola SPBE']))).toBe('D2');
  });

  it('names nothing from the tree of another version (an upload under a shipped id)', () => {
    expect(buildBreakdown(tree, { frameworkId: 'spbe-2020', frameworkVersion: '2.0.0' }, {}, {}).rows).toEqual([]);
    expect(buildBreakdown(undefined, { frameworkId: 'spbe-2020', frameworkVersion: '1.0.0' }, {}, {}).rows).toEqual([]);
  });

  it('builds the rows of another version from the ancestors the items carry', () => {
    const items = [
      { path: ['Kebijakan', 'Tata Kelola'], pathIds: ['D1', 'A1'] },
      { path: ['Kebijakan', 'Tata Kelola'], pathIds: ['D1', 'A1'] },
      { path: ['Layanan', 'Administrasi'], pathIds: ['D4', 'A7'] },
    ];
    const { rows, nodeIdByPath } = buildBreakdown(tree, { frameworkId: 'spbe-2020', frameworkVersion: '2.0.0' }, { D4: figure('3.00') }, {}, items);
    expect(rows.map((r) => [r.id, r.name, r.depth])).toEqual([
      ['D1', 'Kebijakan', 0],
      ['A1', 'Tata Kelola', 1],
      ['D4', 'Layanan', 0],
      ['A7', 'Administrasi', 1],
    ]);
    expect(rows[2]?.claimed).toEqual(figure('3.00'));
    expect(nodeIdByPath.get(pathKey(['Layanan', 'Administrasi']))).toBe('A7');
  });
});

const item = (over: Partial<AssessmentItem>): AssessmentItem => ({
  id: 'x',
  indicatorId: '1',
  path: ['D1', 'A1'],
  pathIds: ['D1', 'A1'],
  name: 'n',
  weight: '1',
  scale: { type: 'levels', min: '1', max: '5', levels: [] },
  evidenceHints: [],
  unitId: 'u1',
  unitName: 'Unit',
  deadline: null,
  claimedValue: null,
  explanation: '',
  claimedAt: null,
  verification: 'pending',
  verifiedValue: null,
  verifierNote: null,
  verifiedAt: null,
  evidence: [],
  canFill: false,
  canVerify: false,
  version: 1,
  ...over,
});

describe('the indicator filters', () => {
  it('keep my unit, the unfilled, and the filled ones no assessor decided yet', () => {
    const unfilled = item({ unitId: 'u1' });
    const waiting = item({ unitId: 'u2', claimedValue: '3' });
    const decided = item({ unitId: 'u2', claimedValue: '3', verification: 'accepted' });
    const all = [unfilled, waiting, decided];
    expect(all.filter((i) => matchesFilter(i, 'mine', 'u1'))).toEqual([unfilled]);
    expect(all.filter((i) => matchesFilter(i, 'mine', null))).toEqual([]);
    expect(all.filter((i) => matchesFilter(i, 'unfilled', null))).toEqual([unfilled]);
    expect(all.filter((i) => matchesFilter(i, 'pending', null))).toEqual([waiting]);
    expect(all.filter((i) => matchesFilter(i, 'all', null))).toEqual(all);
  });

  it('group items by their path in the order they come', () => {
    const groups = groupByPath([item({ indicatorId: '1' }), item({ indicatorId: '11', path: ['D2', 'A2'] }), item({ indicatorId: '2' })]);
    expect(groups.map((g) => [g.path.join('/'), g.items.map((i) => i.indicatorId)])).toEqual([
      ['D1/A1', ['1', '2']],
      ['D2/A2', ['11']],
    ]);
  });
});
