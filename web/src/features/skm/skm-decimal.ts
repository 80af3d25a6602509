/**
 * Exact arithmetic on the API's decimal text for what the survey pages show: the change of an IKM
 * against the previous period (in the same places as the figures themselves) and a fraction of a
 * scale for drawing a bar or a point. Differences go through integers, never binary floats, so
 * "82,35 → 83,10" always reads "+0,75".
 */
import { FIGURE_PLACES } from '../../components/figures.ts';
import { roundDecimalText } from '../../components/decimal-text.ts';

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function scaled(text: string, places: number): bigint | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const [, sign = '', whole = '0', fraction = ''] = m;
  const value = BigInt(`${whole}${fraction.padEnd(places, '0').slice(0, places)}`);
  return sign === '-' ? -value : value;
}

/** `a − b` of two figures first rounded to `places` (as both are shown), as text with `places` decimals. */
export function differenceText(a: string, b: string, places: number): string | null {
  const x = scaled(roundDecimalText(a, places), places);
  const y = scaled(roundDecimalText(b, places), places);
  if (x === null || y === null) return null;
  const d = x - y;
  const negative = d < 0n;
  const digits = (negative ? -d : d).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = places > 0 ? `.${digits.slice(digits.length - places)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * Where `text` lies between `min` and `max`, from 0 to 1, for drawing only (a bar's length, a point's
 * height): the figure itself is always shown as its text.
 */
export function fractionOf(text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || max <= min) return 0;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

/** One precision per kind of figure: the IKM (0–100) as every page shows it, an unsur's NRR (1–4) in 3. */
export const IKM_PLACES = FIGURE_PLACES.ikm;
export const NRR_PLACES = 3;
