/**
 * Checking a value a person gives for an indicator against the indicator's scale, with a message in
 * Indonesian, and writing accepted values in one canonical form ("3"; "2.50" with the scale's places)
 * so that equal values are stored as equal text.
 */
import { DECIMAL_PATTERN, Dec, Ratio } from '../scoring/decimal.ts';
import type { IndicatorScale } from './indicators.ts';

export type ValueCheck = { ok: true; value: string; ratio: Ratio } | { ok: false; message: string };

const id = (text: string) => text.replace('.', ',');

function levelList(scale: IndicatorScale): string {
  const values = scale.levels.map((l) => String(l.level));
  const head = values.slice(0, -1).join(', ');
  const last = values[values.length - 1] ?? '';
  return head === '' ? last : `${head} atau ${last}`;
}

/** Validates decimal text ("3", "2.5") for a scale; the accepted value comes back canonical. */
export function checkValue(scale: IndicatorScale, text: string): ValueCheck {
  const trimmed = text.trim();
  if (!DECIMAL_PATTERN.test(trimmed)) {
    return { ok: false, message: 'Nilai harus angka desimal dengan titik, mis. 3 atau 2.50' };
  }
  const ratio = Ratio.fromDecimal(new Dec(trimmed));
  if (scale.type === 'levels') {
    const level = ratio.isInteger() ? scale.levels.find((l) => Ratio.int(l.level).eq(ratio)) : undefined;
    if (level === undefined) return { ok: false, message: `Tingkat harus bilangan bulat ${levelList(scale)}` };
    return { ok: true, value: String(level.level), ratio };
  }
  const min = Ratio.from(scale.min);
  const max = Ratio.from(scale.max);
  if (ratio.lt(min) || ratio.gt(max)) {
    return { ok: false, message: `Nilai harus antara ${id(scale.min)} dan ${id(scale.max)}` };
  }
  if (!ratio.terminatesWithin(scale.places)) {
    return { ok: false, message: `Nilai paling banyak ${scale.places} angka di belakang koma` };
  }
  return { ok: true, value: ratio.toDecimal().toFixed(scale.places), ratio };
}

/** Whether two stored values (null = not filled) are the same number ("2.5" and "2.50" are). */
export function sameValue(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const x = Ratio.parse(a);
  const y = Ratio.parse(b);
  if (x === null || y === null) return a === b;
  return x.eq(y);
}
