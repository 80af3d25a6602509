/**
 * Exact numbers for scoring. Every score is kept as a fraction of two decimal.js integers
 * (`Ratio`), so sums of weighted levels, averages like 38/11 and weights like 1/9 stay exact until
 * a value is published. Rounding (half-up, to the places the framework names) happens only there.
 * Why not plain decimals: an index computed from rounded intermediate quotients can land a hair
 * below an exact .xx5 (Kominfo SPBE 2024 is exactly 4.745 and must publish as 4.75).
 */
import decimalModule from 'decimal.js';
import type { Decimal } from 'decimal.js';

// decimal.js ships one declaration file for its CommonJS and ESM builds, so under `nodenext`
// TypeScript types the default import as the CommonJS module object. At run time the default
// export is the Decimal class itself (both builds), which is what this cast states.
const DecimalClass = decimalModule as unknown as typeof decimalModule.Decimal;

/** The one decimal type of the scoring engine: 40 significant digits, ties rounded away from zero. */
export const Dec = DecimalClass.clone({ precision: 40, rounding: DecimalClass.ROUND_HALF_UP });
export type Dec = Decimal;

// Integers with more digits than this could be rounded by a 40-digit multiplication.
const MAX_EXACT_DIGITS = 39;
const TEN = new Dec(10);
const ONE = new Dec(1);
const ZERO = new Dec(0);

/** Decimal number written with a dot, optional sign: "3", "-0.5", "1.30". */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;
/** A weight: a non-negative decimal or a fraction of two decimals, e.g. "1.30" or "1/9". */
export const WEIGHT_PATTERN = /^\d+(\.\d+)?(\/\d+(\.\d+)?)?$/;

function digitCount(integer: Dec): number {
  return integer.isZero() ? 1 : integer.e + 1;
}

// Below 2^53 integers are exact as JS numbers, and Euclid on numbers is far cheaper.
const SAFE_DIGITS = 15;

function gcdNumbers(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

function gcd(a: Dec, b: Dec): Dec {
  if (a.eq(ONE) || b.eq(ONE)) return ONE;
  if (digitCount(a) <= SAFE_DIGITS && digitCount(b) <= SAFE_DIGITS) {
    return new Dec(gcdNumbers(a.toNumber(), b.toNumber()));
  }
  let x = a.abs();
  let y = b.abs();
  while (!y.isZero()) {
    const r = x.mod(y);
    x = y;
    y = r;
  }
  return x;
}

function pow10(places: number): Dec {
  return TEN.pow(places);
}

// Ratios are immutable, so the common ones are shared.
const SMALL_INTEGERS = new Map<number, Ratio>();
const PARSED = new Map<string, Ratio>();

/** An exact rational number. The denominator is positive and the fraction is reduced. */
export class Ratio {
  private constructor(
    readonly num: Dec,
    readonly den: Dec,
  ) {}

  static readonly ZERO = new Ratio(ZERO, ONE);
  static readonly ONE = new Ratio(ONE, ONE);

  /** Builds num/den from two integers (throws on a zero denominator: a programming error). */
  static of(num: Dec, den: Dec): Ratio {
    if (den.isZero()) throw new RangeError('Ratio with zero denominator');
    if (!num.isInteger() || !den.isInteger()) {
      return Ratio.fromDecimal(num).div(Ratio.fromDecimal(den));
    }
    let n = num;
    let d = den;
    if (d.isNegative()) {
      n = n.neg();
      d = d.neg();
    }
    if (n.isZero()) return Ratio.ZERO;
    const g = gcd(n, d);
    if (!g.eq(ONE)) {
      n = n.div(g);
      d = d.div(g);
    }
    return new Ratio(n, d);
  }

  static int(n: number): Ratio {
    if (Number.isSafeInteger(n) && n >= -16 && n <= 256) {
      const cached = SMALL_INTEGERS.get(n);
      if (cached !== undefined) return cached;
      const made = new Ratio(new Dec(n), ONE);
      SMALL_INTEGERS.set(n, made);
      return made;
    }
    return Ratio.of(new Dec(n), ONE);
  }

  /** The exact value of a finite decimal. */
  static fromDecimal(value: Dec): Ratio {
    if (!value.isFinite()) throw new RangeError('Ratio from a non-finite decimal');
    const places = value.decimalPlaces();
    if (places === 0) return Ratio.of(value, ONE);
    return Ratio.of(value.times(pow10(places)), pow10(places));
  }

  /** Parses "1.30", "-2", "1/9" or "0.5/3"; null when the text is none of these. */
  static parse(text: string): Ratio | null {
    const trimmed = text.trim();
    const parts = trimmed.split('/');
    if (parts.length > 2) return null;
    const [a, b] = parts;
    if (a === undefined || !DECIMAL_PATTERN.test(a)) return null;
    const numerator = Ratio.fromDecimal(new Dec(a));
    if (b === undefined) return numerator;
    if (!DECIMAL_PATTERN.test(b)) return null;
    const denominator = Ratio.fromDecimal(new Dec(b));
    if (denominator.isZero()) return null;
    return numerator.div(denominator);
  }

  /** Same as parse, for text already validated by a schema; throws if it is not a number. */
  static from(text: string): Ratio {
    // Framework files repeat the same few weights and points thousands of times per evaluation.
    const cached = PARSED.get(text);
    if (cached !== undefined) return cached;
    const parsed = Ratio.parse(text);
    if (parsed === null) throw new RangeError(`Not a decimal or fraction: ${text}`);
    if (PARSED.size < 10_000) PARSED.set(text, parsed);
    return parsed;
  }

  isZero(): boolean {
    return this.num.isZero();
  }

  isNegative(): boolean {
    return this.num.isNegative() && !this.num.isZero();
  }

  isInteger(): boolean {
    return this.den.eq(ONE);
  }

  add(other: Ratio): Ratio {
    if (this.isZero()) return other;
    if (other.isZero()) return this;
    if (this.den.eq(other.den) && digitCount(this.num) < MAX_EXACT_DIGITS && digitCount(other.num) < MAX_EXACT_DIGITS) {
      const sum = this.num.plus(other.num);
      return this.den.eq(ONE) ? new Ratio(sum, ONE) : Ratio.of(sum, this.den);
    }
    const g = gcd(this.den, other.den);
    const left = other.den.div(g);
    const right = this.den.div(g);
    if (
      digitCount(this.num) + digitCount(left) > MAX_EXACT_DIGITS ||
      digitCount(other.num) + digitCount(right) > MAX_EXACT_DIGITS ||
      digitCount(this.den) + digitCount(left) > MAX_EXACT_DIGITS
    ) {
      return Ratio.approximate(this.toDecimal().plus(other.toDecimal()));
    }
    return Ratio.of(this.num.times(left).plus(other.num.times(right)), this.den.times(left));
  }

  sub(other: Ratio): Ratio {
    return this.add(other.neg());
  }

  neg(): Ratio {
    return new Ratio(this.num.neg(), this.den);
  }

  mul(other: Ratio): Ratio {
    if (this.isZero() || other.isZero()) return Ratio.ZERO;
    if (this.den.eq(ONE) && other.den.eq(ONE) && digitCount(this.num) + digitCount(other.num) <= MAX_EXACT_DIGITS) {
      return new Ratio(this.num.times(other.num), ONE);
    }
    const g1 = gcd(this.num, other.den);
    const g2 = gcd(other.num, this.den);
    const n1 = this.num.div(g1);
    const n2 = other.num.div(g2);
    const d1 = this.den.div(g2);
    const d2 = other.den.div(g1);
    if (digitCount(n1) + digitCount(n2) > MAX_EXACT_DIGITS || digitCount(d1) + digitCount(d2) > MAX_EXACT_DIGITS) {
      return Ratio.approximate(this.toDecimal().times(other.toDecimal()));
    }
    return Ratio.of(n1.times(n2), d1.times(d2));
  }

  div(other: Ratio): Ratio {
    if (other.isZero()) throw new RangeError('Division by zero');
    return this.mul(new Ratio(other.den, other.num).normalizedSign());
  }

  cmp(other: Ratio): number {
    if (this.den.eq(other.den)) return this.num.comparedTo(other.num);
    if (digitCount(this.num) + digitCount(other.den) <= MAX_EXACT_DIGITS && digitCount(other.num) + digitCount(this.den) <= MAX_EXACT_DIGITS) {
      return this.num.times(other.den).comparedTo(other.num.times(this.den));
    }
    return this.sub(other).num.comparedTo(ZERO);
  }

  eq(other: Ratio): boolean {
    return this.cmp(other) === 0;
  }

  lt(other: Ratio): boolean {
    return this.cmp(other) < 0;
  }

  gt(other: Ratio): boolean {
    return this.cmp(other) > 0;
  }

  min(other: Ratio): Ratio {
    return this.cmp(other) <= 0 ? this : other;
  }

  max(other: Ratio): Ratio {
    return this.cmp(other) >= 0 ? this : other;
  }

  /** The quotient to 40 significant digits (exact when it terminates within them). */
  toDecimal(): Dec {
    return this.num.div(this.den);
  }

  /** True when the value has a finite decimal expansion of at most `maxPlaces` places. */
  terminatesWithin(maxPlaces: number): boolean {
    return this.placesNeeded() <= maxPlaces;
  }

  /** Exact half-up rounding (ties away from zero) to `places` decimal places. */
  roundHalfUp(places: number): Dec {
    const scale = pow10(places);
    if (digitCount(this.num) + places > MAX_EXACT_DIGITS) {
      return this.toDecimal().toDecimalPlaces(places, DecimalClass.ROUND_HALF_UP);
    }
    const scaled = this.num.abs().times(scale);
    let quotient = scaled.divToInt(this.den);
    const remainder = scaled.minus(quotient.times(this.den));
    if (remainder.times(2).gte(this.den)) quotient = quotient.plus(ONE);
    const rounded = quotient.div(scale);
    return this.isNegative() ? rounded.neg() : rounded;
  }

  /**
   * Plain decimal text: exact when the expansion ends within `maxPlaces` places, otherwise rounded
   * half-up to `maxPlaces` with trailing zeros removed.
   */
  toPlain(maxPlaces = 12): string {
    if (this.terminatesWithin(maxPlaces)) return this.toDecimal().toFixed();
    return trimZeros(this.roundHalfUp(maxPlaces).toFixed(maxPlaces));
  }

  private normalizedSign(): Ratio {
    return this.den.isNegative() ? new Ratio(this.num.neg(), this.den.neg()) : this;
  }

  /** Decimal places of the exact expansion, or Infinity when it does not terminate. */
  private placesNeeded(): number {
    if (digitCount(this.den) <= SAFE_DIGITS) {
      let n = this.den.toNumber();
      let twos = 0;
      let fives = 0;
      while (n % 2 === 0) {
        n /= 2;
        twos += 1;
      }
      while (n % 5 === 0) {
        n /= 5;
        fives += 1;
      }
      return n === 1 ? Math.max(twos, fives) : Number.POSITIVE_INFINITY;
    }
    let d = this.den;
    let twos = 0;
    let fives = 0;
    const two = new Dec(2);
    const five = new Dec(5);
    while (d.mod(two).isZero()) {
      d = d.div(two);
      twos += 1;
    }
    while (d.mod(five).isZero()) {
      d = d.div(five);
      fives += 1;
    }
    return d.eq(ONE) ? Math.max(twos, fives) : Number.POSITIVE_INFINITY;
  }

  // Fallback when an exact fraction would outgrow 40 digits (only with thousands of unequal
  // denominators, e.g. a survey where every unsur was answered by a different number of people).
  // Thirty significant digits cannot move a two-decimal published value.
  private static approximate(value: Dec): Ratio {
    return Ratio.fromDecimal(value.toSignificantDigits(30));
  }
}

function trimZeros(text: string): string {
  if (!text.includes('.')) return text;
  return text.replace(/0+$/, '').replace(/\.$/, '');
}

/** Sum of a list of ratios. */
export function sumRatios(values: readonly Ratio[]): Ratio {
  return values.reduce((acc, v) => acc.add(v), Ratio.ZERO);
}

/**
 * Number formatting for the Indonesian explanation texts: decimal comma, at most `maxPlaces`
 * places, and "≈" when the value had to be shortened.
 */
export function formatId(value: Ratio, maxPlaces = 4): string {
  const exact = value.terminatesWithin(maxPlaces);
  const text = value.toPlain(maxPlaces).replace('.', ',');
  return exact ? text : `≈${text}`;
}

/** A published (already rounded) value with a decimal comma, keeping its trailing zeros. */
export function formatRoundedId(value: Dec, places: number): string {
  return value.toFixed(places).replace('.', ',');
}

/** A decimal string from a schema-validated file, with a decimal comma for people. */
export function formatTextId(text: string): string {
  return text.replace('.', ',');
}
