import { describe, expect, it } from 'vitest';
import { countWords, isYandas, RANCANG_BANGUN_MIN_WORDS, URUSAN, YANDAS } from './profile.ts';
import { DUPLICATE_THRESHOLD, nameSimilarity } from './similarity.ts';

describe('urusan list', () => {
  it('holds 6 yandas, 18 wajib non-yandas and 8 pilihan urusan with unique ids', () => {
    const by = (g: string) => URUSAN.filter((u) => u.group === g).length;
    expect(by('wajib_yandas')).toBe(6);
    expect(by('wajib_non_yandas')).toBe(18);
    expect(by('pilihan')).toBe(8);
    // The national application's 38: the 32 urusan, then six supporting functions ending with "Fungsi lain".
    expect(URUSAN).toHaveLength(38);
    expect(URUSAN.filter((u) => u.group === 'penunjang').map((u) => u.name)).toEqual([
      'Perencanaan',
      'Keuangan',
      'Kepegawaian',
      'Pendidikan dan Pelatihan',
      'Penelitian dan Pengembangan',
      'Fungsi lain sesuai ketentuan peraturan perundang-undangan',
    ]);
    expect(URUSAN.map((u) => u.id)).not.toContain('pengawasan');
    expect(new Set(URUSAN.map((u) => u.id)).size).toBe(URUSAN.length);
    expect(YANDAS.map((u) => u.id)).toEqual(['pendidikan', 'kesehatan', 'pupr', 'perumahan', 'trantibum', 'sosial']);
    expect(isYandas('sosial')).toBe(true);
    expect(isYandas('pariwisata')).toBe(false);
  });
});

describe('countWords', () => {
  it('counts words as a reader does', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   \n ')).toBe(0);
    expect(countWords('Layanan  antar-jemput dokumen, 24 jam.')).toBe(5);
    expect(countWords('Inovasi “SIPANDU” (Sistem Pelayanan Terpadu)!')).toBe(5);
  });

  it('finds the 300-word edge', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `kata${i}`).join(' ');
    expect(countWords(words(RANCANG_BANGUN_MIN_WORDS - 1))).toBe(299);
    expect(countWords(words(RANCANG_BANGUN_MIN_WORDS))).toBe(300);
  });
});

describe('nameSimilarity', () => {
  it('sees the same innovation behind case, punctuation and word order', () => {
    expect(nameSimilarity('SIPANDU Online', 'sipandu-online')).toBe(1);
    expect(nameSimilarity('Layanan Antar Jemput Akta', 'Antar Jemput Akta Layanan')).toBe(1);
    expect(nameSimilarity('Sipandu Online', 'Sipandu Onlen')).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
  });

  it('keeps different innovations apart', () => {
    expect(nameSimilarity('Sipandu Online', 'Bank Sampah Digital')).toBeLessThan(DUPLICATE_THRESHOLD);
    expect(nameSimilarity('', 'Apa saja')).toBe(0);
  });
});
