/** The national evaluation's rules: stages forward only (visitasi optional), hasil needs every assessor value, Pemdi names by truncation, gaps exact, overdue on the WIB day. */
import { describe, expect, it } from 'vitest';
import { loadShipped } from '../scoring/load-shipped.ts';
import { checkNationalStageChange, indicatorGaps, isEffectiveIn, isTaskOverdue, nationalFigure, valueNameOf, wibDay } from './national.ts';

const pemdi = loadShipped('pemdi-2026');
const spbe = loadShipped('spbe-2020');

describe('national stages', () => {
  it('moves forward one step at a time, visitasi optional, never back', () => {
    expect(checkNationalStageChange('penilaian_dokumen', 'interview', 5)).toEqual({ ok: true });
    expect(checkNationalStageChange('interview', 'visitasi', 5)).toEqual({ ok: true });
    expect(checkNationalStageChange('interview', 'hasil', 0)).toEqual({ ok: true });
    expect(checkNationalStageChange('penilaian_dokumen', 'hasil', 0).ok).toBe(false);
    expect(checkNationalStageChange('visitasi', 'interview', 0).ok).toBe(false);
    expect(checkNationalStageChange('hasil', 'hasil', 0)).toMatchObject({ ok: false, message: 'Evaluasi nasional sudah pada tahap hasil' });
  });

  it('refuses hasil while an assessor value is missing', () => {
    expect(checkNationalStageChange('visitasi', 'hasil', 2)).toEqual({
      ok: false,
      message: '2 indikator belum memiliki nilai asesor; lengkapi sebelum tahap hasil',
    });
  });
});

describe('figures and names', () => {
  it('names a Pemdi value by truncation and SPBE not at all', () => {
    expect(['1.00', '1.24', '1.50', '2.00', '2.99', '3.10', '4.00', '5.00'].map((v) => valueNameOf(pemdi, v))).toEqual([
      '1 Rintisan',
      '1 Rintisan',
      '1 Rintisan',
      '2 Terkelola',
      '2 Terkelola',
      '3 Terdefinisi',
      '4 Terpadu dan Terukur',
      '5 Optimum',
    ]);
    expect(valueNameOf(spbe, '3.00')).toBeNull();
    expect(valueNameOf(pemdi, null)).toBeNull();
  });

  it('gives exact gaps per indicator, null where a value is missing', () => {
    const gaps = indicatorGaps(pemdi, new Map([['1', '1.50']]), new Map([['1', '1.40']]), new Map([['1', '1.17']]));
    expect(gaps[0]).toMatchObject({ indicatorId: '1', gapClaimed: '-0.33', gapVerified: '-0.23' });
    expect(gaps[1]).toMatchObject({ indicatorId: '2', gapClaimed: null });
  });

  it('scores the national figure as a floor until complete', () => {
    const f = nationalFigure(pemdi, new Map([['1', '3.00']]));
    expect(f.complete).toBe(false);
    expect(f.missing).toBe(19);
  });
});

describe('years and days', () => {
  it('opens SPBE 2020 for 2020–2025 and Pemdi from 2026', () => {
    expect([2019, 2020, 2025, 2026].map((y) => isEffectiveIn(spbe, y))).toEqual([false, true, true, false]);
    expect([2025, 2026, 2030].map((y) => isEffectiveIn(pemdi, y))).toEqual([false, true, true]);
  });

  it('counts overdue on the WIB day: 17:30 UTC on the due date is already the next day in Jakarta', () => {
    const now = new Date('2026-06-30T17:30:00Z');
    expect(wibDay(now)).toBe('2026-07-01');
    expect(isTaskOverdue({ status: 'berjalan', dueDate: '2026-06-30' }, wibDay(now))).toBe(true);
    expect(isTaskOverdue({ status: 'berjalan', dueDate: '2026-06-30' }, wibDay(new Date('2026-06-30T16:59:00Z')))).toBe(false);
    expect(isTaskOverdue({ status: 'selesai', dueDate: '2026-01-01' }, '2026-07-01')).toBe(false);
  });
});
