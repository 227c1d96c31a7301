/**
 * Exact rational arithmetic for SLO numbers. Objectives, budget shares and periods are decimals a person wrote
 * (`99.9`, `2`, `30d`); thresholds are products of them. Doing that in floating point gives Sloth's
 * `0.0009999999999999432`: a threshold below the exact value, which fires on a burn rate of exactly 1. Here every
 * number stays an exact fraction of two BigInts until it is written as decimal text, and text that cannot be
 * exact (a repeating decimal) is rounded up, never down.
 */

/** n / d with d > 0, in lowest terms. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('division by zero');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d);
  return g === 0n ? { n: 0n, d: 1n } : { n: (sign * n) / g, d: (sign * d) / g };
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * The exact value of decimal text (`"99.9"`, `"1e-3"`), or of a number as JavaScript writes it: `99.9` is the
 * shortest text that reads back as the same double, which is the decimal the person typed. Undefined for text that
 * is not a finite decimal.
 */
export function parseDecimal(value: number | string): Rational | undefined {
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (match === null) return undefined;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return undefined;
  const digits = BigInt(`${whole}${fraction}` || '0');
  const scale = BigInt(exponent) - BigInt(fraction.length);
  const magnitude = scale >= 0n ? rational(digits * 10n ** scale) : rational(digits, 10n ** -scale);
  return sign === '-' ? neg(magnitude) : magnitude;
}

export function neg(a: Rational): Rational {
  return { n: -a.n, d: a.d };
}

export function add(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  return add(a, neg(b));
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError('division by zero');
  return rational(a.n * b.d, a.d * b.n);
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

export const ZERO = rational(0n);
export const ONE = rational(1n);
export const HUNDRED = rational(100n);

/** Whether the fraction has a finite decimal expansion (its denominator has no prime factor but 2 and 5). */
function isFiniteDecimal(r: Rational): boolean {
  let d = r.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b === 0n ? q : q + 1n;
}

/** Number of decimal digits of a positive integer. */
function digitCount(x: bigint): number {
  return x.toString().length;
}

function plainDecimal(integer: bigint, scale: number): string {
  if (scale <= 0) return (integer * 10n ** BigInt(-scale)).toString();
  const text = integer.toString().padStart(scale + 1, '0');
  const whole = text.slice(0, text.length - scale);
  const fraction = text.slice(text.length - scale).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/**
 * Decimal text of a non-negative fraction, without exponent: exact when the expansion is finite and at most
 * `significant` digits long; otherwise rounded **up** at `significant` significant digits, so that a threshold
 * written this way is never below the exact value (and, being 15 digits, reads back as a double above it).
 */
export function formatDecimal(r: Rational, significant = 15): string {
  if (r.n < 0n) throw new RangeError('formatDecimal takes non-negative values');
  if (r.n === 0n) return '0';
  // The smallest scale s with r × 10^s ≥ 10^(significant-1): ceil(r × 10^s) then has `significant` digits.
  const floor = 10n ** BigInt(significant - 1);
  const reaches = (s: number): boolean =>
    s >= 0 ? r.n * 10n ** BigInt(s) >= floor * r.d : r.n >= floor * r.d * 10n ** BigInt(-s);
  let scale = significant - 1 - (digitCount(r.n) - digitCount(r.d));
  while (!reaches(scale)) scale += 1;
  while (reaches(scale - 1)) scale -= 1;
  if (isFiniteDecimal(r)) {
    // The exact expansion, if it fits in the digits allowed.
    for (let s = 0; s <= scale; s += 1) {
      const scaled = r.n * 10n ** BigInt(s);
      if (scaled % r.d === 0n) return plainDecimal(scaled / r.d, s);
    }
  }
  const up =
    scale >= 0 ? ceilDiv(r.n * 10n ** BigInt(scale), r.d) : ceilDiv(r.n, r.d * 10n ** BigInt(-scale));
  return plainDecimal(up, scale);
}

/** The nearest double (through the decimal text, so that 14.4 stays 14.4). */
export function toNumber(r: Rational): number {
  const negative = r.n < 0n;
  const text = formatDecimal(negative ? neg(r) : r, 17);
  return negative ? -Number(text) : Number(text);
}
