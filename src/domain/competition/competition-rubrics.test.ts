import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS_DIR } from '#domain/scoring/load-shipped.ts';
import { loadShippedRubric, parseRubric, SHIPPED_RUBRIC_CODES } from './rubrics.ts';
import { rubricSchema } from './scoring.ts';

const weights = (criteria: { code: string; weight: string }[]) => Object.fromEntries(criteria.map((c) => [c.code, c.weight]));

const RUBRIK_IGA_PRESENTASI_2023 = loadShippedRubric('rubrik-iga-presentasi-2023');
const RUBRIK_KIPP_PROPOSAL_2026 = loadShippedRubric('rubrik-kipp-proposal-2026');

describe('shipped rubrics', () => {
  it('every frameworks/rubrik-*.json parses and is shipped under its file name', () => {
    const files = readdirSync(FRAMEWORKS_DIR).filter((f) => /^rubrik-.*\.json$/.test(f));
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...SHIPPED_RUBRIC_CODES].sort());
    for (const file of files) {
      const parsed = rubricSchema.safeParse(JSON.parse(readFileSync(new URL(file, FRAMEWORKS_DIR), 'utf8')));
      expect(parsed.success ? parsed.data.code : parsed.error.issues).toBe(file.replace(/\.json$/, ''));
    }
  });

  it('a broken rubric fails with every problem and its path', () => {
    expect(() =>
      parseRubric({ code: 'x', name: 'X', scale: { min: '0', max: '100' }, criteria: [{ code: 'a', name: 'A', weight: '90' }] }, 'uji.json'),
    ).toThrow('uji.json bukan rubrik yang valid:\n  criteria: Jumlah bobot kriteria harus 100, sekarang 90');
  });

  it('IGA 2023 presentation: BSKDN weights 30/25/15/20/10 on an assumed 0–100 scale', () => {
    expect(weights(RUBRIK_IGA_PRESENTASI_2023.criteria)).toEqual({
      kebaharuan: '30',
      kemanfaatan: '25',
      kewenangan_kolaborasi: '15',
      replikasi: '20',
      penguasaan_materi: '10',
    });
    expect(RUBRIK_IGA_PRESENTASI_2023.scale).toEqual({ min: '0', max: '100', step: '1' });
    expect(RUBRIK_IGA_PRESENTASI_2023.source).toContain('bskdn.kemendagri.go.id');
  });

  it('KIPP 2026 proposal: the 2026 form weights, marked unverified', () => {
    expect(weights(RUBRIK_KIPP_PROPOSAL_2026.criteria)).toEqual({
      ringkasan: '5',
      ide_inovatif: '20',
      signifikansi: '25',
      kontribusi_tpb: '5',
      adaptabilitas: '20',
      keberlanjutan: '20',
      kolaborasi: '5',
    });
    expect(RUBRIK_KIPP_PROPOSAL_2026.note).toContain('BELUM TERVERIFIKASI');
  });
});
