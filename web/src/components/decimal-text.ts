/**
 * Scores travel as exact decimal text ("0.083333333333"); the interface rounds them for display with
 * integer arithmetic, half-up as the frameworks publish, never through a binary float.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** `text` rounded half-up (away from zero) to `places` decimals, trailing zeros kept ("0.0835" → "0.084" at 3). */
export function roundDecimalText(text: string, places: number): string {
  const m = DECIMAL.exec(text.trim());
  if (!m) return text;
  const [, sign = '', whole = '0', fraction = ''] = m;
  const padded = fraction.padEnd(places + 1, '0');
  const kept = BigInt(`${whole}${padded.slice(0, places)}`);
  const rounded = Number(padded[places] ?? '0') >= 5 ? kept + 1n : kept;
  const digits = rounded.toString().padStart(places + 1, '0');
  const intPart = digits.slice(0, digits.length - places);
  const fracPart = places > 0 ? `.${digits.slice(digits.length - places)}` : '';
  const isZero = /^0+$/.test(digits);
  return `${isZero ? '' : sign}${intPart}${fracPart}`;
}

/** Compares two decimal texts exactly: negative, zero or positive. Unparseable text sorts first. */
export function compareDecimalText(a: string, b: string): number {
  const scale = (text: string, places: number): bigint | null => {
    const m = DECIMAL.exec(text.trim());
    if (!m) return null;
    const [, sign = '', whole = '0', fraction = ''] = m;
    const value = BigInt(`${whole}${fraction.padEnd(places, '0')}`);
    return sign === '-' ? -value : value;
  };
  const places = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
  const x = scale(a, places);
  const y = scale(b, places);
  if (x === null || y === null) return x === null ? (y === null ? 0 : -1) : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A gain for display: at most `places` decimals, half-up, without trailing zeros ("0.600" → "0.6"). */
export function shortDecimalText(text: string, places = 3): string {
  const rounded = roundDecimalText(text, places);
  return rounded.includes('.') ? rounded.replace(/0+$/, '').replace(/\.$/, '') : rounded;
}
