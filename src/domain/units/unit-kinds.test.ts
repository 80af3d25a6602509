/** Which parent each kind of unit may have (kelurahan under kecamatan, UPT under an OPD, ...). */
import { describe, expect, it } from 'vitest';
import { checkUnitParent, isOpd, OPD_KINDS, PARENT_RULE_MESSAGES, UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from './unit-kinds.ts';

const NON_OPD: UnitKind[] = ['kecamatan', 'kelurahan', 'bagian', 'upt', 'sekolah', 'puskesmas'];

describe('OPD kinds', () => {
  it('are the seven kinds of perangkat daerah, and nothing else is an OPD', () => {
    expect([...OPD_KINDS].sort()).toEqual(['badan', 'dinas', 'inspektorat', 'kantor', 'rsud', 'satuan', 'sekretariat']);
    for (const kind of OPD_KINDS) expect(isOpd(kind), kind).toBe(true);
    for (const kind of NON_OPD) expect(isOpd(kind), kind).toBe(false);
  });

  it('stand alone: no parent is allowed, of any kind', () => {
    for (const kind of OPD_KINDS) {
      expect(checkUnitParent(kind, null), kind).toBeNull();
      for (const parent of UNIT_KINDS) expect(checkUnitParent(kind, parent), `${kind} under ${parent}`).toBe('parent_not_allowed');
    }
  });
});

describe('kecamatan', () => {
  it('stands alone and cannot be placed under anything', () => {
    expect(checkUnitParent('kecamatan', null)).toBeNull();
    for (const parent of UNIT_KINDS) expect(checkUnitParent('kecamatan', parent), parent).toBe('parent_not_allowed');
  });
});

describe('kelurahan', () => {
  it('needs a parent', () => {
    expect(checkUnitParent('kelurahan', null)).toBe('parent_required');
  });

  it('sits only under a kecamatan', () => {
    expect(checkUnitParent('kelurahan', 'kecamatan')).toBeNull();
    for (const parent of UNIT_KINDS.filter((k) => k !== 'kecamatan')) {
      expect(checkUnitParent('kelurahan', parent), parent).toBe('parent_wrong_kind');
    }
  });
});

describe('bagian', () => {
  it('needs a parent', () => {
    expect(checkUnitParent('bagian', null)).toBe('parent_required');
  });

  it('sits only under a sekretariat (Bagian Organisasi under the Setda)', () => {
    expect(checkUnitParent('bagian', 'sekretariat')).toBeNull();
    for (const parent of UNIT_KINDS.filter((k) => k !== 'sekretariat')) {
      expect(checkUnitParent('bagian', parent), parent).toBe('parent_wrong_kind');
    }
  });
});

describe('UPT', () => {
  it('needs a parent', () => {
    expect(checkUnitParent('upt', null)).toBe('parent_required');
  });

  it('sits under any OPD and under nothing else', () => {
    for (const parent of OPD_KINDS) expect(checkUnitParent('upt', parent), parent).toBeNull();
    for (const parent of NON_OPD) expect(checkUnitParent('upt', parent), parent).toBe('parent_wrong_kind');
  });
});

describe('sekolah and puskesmas', () => {
  it('may stand alone or sit under an OPD, but not under a kecamatan, kelurahan, UPT or each other', () => {
    for (const kind of ['sekolah', 'puskesmas'] as const) {
      expect(checkUnitParent(kind, null), kind).toBeNull();
      for (const parent of OPD_KINDS) expect(checkUnitParent(kind, parent), `${kind} under ${parent}`).toBeNull();
      for (const parent of NON_OPD) expect(checkUnitParent(kind, parent), `${kind} under ${parent}`).toBe('parent_wrong_kind');
    }
  });
});

describe('every kind', () => {
  it('has an Indonesian and an English label', () => {
    for (const kind of UNIT_KINDS) {
      expect(UNIT_KIND_LABELS[kind].id.length, kind).toBeGreaterThan(0);
      expect(UNIT_KIND_LABELS[kind].en.length, kind).toBeGreaterThan(0);
    }
  });

  it('gets a message in both languages for every violation the check can return', () => {
    const seen = new Set<string>();
    for (const kind of UNIT_KINDS) {
      for (const parent of [null, ...UNIT_KINDS]) {
        const v = checkUnitParent(kind, parent);
        if (!v) continue;
        seen.add(v);
        expect(PARENT_RULE_MESSAGES[v].id).toMatch(/induk/i);
        expect(PARENT_RULE_MESSAGES[v].en).toMatch(/parent/i);
      }
    }
    expect([...seen].sort()).toEqual(['parent_not_allowed', 'parent_required', 'parent_wrong_kind']);
  });
});
