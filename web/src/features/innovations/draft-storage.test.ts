import { describe, expect, it } from 'vitest';
import { type DraftStorage, draftKey, readDrafts, removeDraft, writeDraft } from './draft-storage.ts';
import type { ProfileValues } from './profile-values.ts';

function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      map.set(k, v);
    },
    removeItem: (k) => {
      map.delete(k);
    },
  };
}

const values = (name: string): ProfileValues => ({
  name,
  tahapan: null,
  inisiator: null,
  jenis: null,
  bentuk: null,
  urusanUtama: null,
  urusanIrisan: [],
  tematik: null,
  waktuUjiCoba: '',
  waktuPenerapan: '',
  waktuPengembangan: '',
  uraianPengembangan: '',
  rancangBangun: '',
  tujuan: '',
  manfaat: '',
  hasil: '',
  latitude: '',
  longitude: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  rpjmdProgramCode: '',
  klasifikasi: null,
  astaCita: null,
  pkpnKlaster: null,
  pkpnProgram: '',
  anggaran: '',
  sumberAnggaran: null,
  namaInisiator: '',
});

describe('unsaved innovation drafts in the browser', () => {
  it('keeps one copy per innovation and version, newest version first', () => {
    const storage = memoryStorage();
    writeDraft(storage, { innovationId: 'a', version: 3, values: values('tiga'), savedAt: '2026-01-01T00:00:00Z' });
    writeDraft(storage, { innovationId: 'a', version: 5, values: values('lima'), savedAt: '2026-01-02T00:00:00Z' });
    writeDraft(storage, { innovationId: 'b', version: 1, values: values('lain'), savedAt: '2026-01-02T00:00:00Z' });
    expect(readDrafts(storage, 'a').map((d) => [d.version, d.values.name])).toEqual([
      [5, 'lima'],
      [3, 'tiga'],
    ]);
    expect(storage.map.has(draftKey('a', 3))).toBe(true);
  });

  it('removes only the copy of the version that was saved', () => {
    const storage = memoryStorage();
    writeDraft(storage, { innovationId: 'a', version: 3, values: values('tiga'), savedAt: '2026-01-01T00:00:00Z' });
    writeDraft(storage, { innovationId: 'a', version: 4, values: values('empat'), savedAt: '2026-01-01T00:00:00Z' });
    removeDraft(storage, 'a', 3);
    expect(readDrafts(storage, 'a').map((d) => d.version)).toEqual([4]);
  });

  it('skips copies it cannot read (another app version, a hand edit) instead of failing', () => {
    const storage = memoryStorage();
    storage.setItem(draftKey('a', 1), '{not json');
    storage.setItem(draftKey('a', 2), JSON.stringify({ innovationId: 'a', version: 2, savedAt: 'x', values: { name: 'tanpa isian lain' } }));
    expect(readDrafts(storage, 'a')).toEqual([]);
  });

  it('reports a browser that refuses to store, and reads nothing without storage', () => {
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(writeDraft(full, { innovationId: 'a', version: 1, values: values('x'), savedAt: 'now' })).toBe(false);
    expect(readDrafts(null, 'a')).toEqual([]);
  });
});
