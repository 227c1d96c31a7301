import { describe, expect, it } from 'vitest';
import { div, formatDecimal, mul, parseDecimal, rational, sub, toNumber } from '../../src/slo/decimal.ts';

function exact(text: string): ReturnType<typeof rational> {
  const value = parseDecimal(text);
  if (value === undefined) throw new Error(`not a decimal: ${text}`);
  return value;
}

describe('exact decimals', () => {
  it('reads a number as the decimal a person wrote, not as its binary double', () => {
    expect(parseDecimal(99.9)).toEqual(rational(999n, 10n));
    expect(parseDecimal('99.95')).toEqual(rational(1999n, 20n));
    expect(parseDecimal('1e-3')).toEqual(rational(1n, 1000n));
    expect(parseDecimal(0.1)).toEqual(rational(1n, 10n));
  });

  it('rejects what is not a finite decimal', () => {
    expect(parseDecimal('abc')).toBeUndefined();
    expect(parseDecimal('')).toBeUndefined();
    expect(parseDecimal('.')).toBeUndefined();
    expect(parseDecimal(Number.NaN)).toBeUndefined();
    expect(parseDecimal(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('computes 1 − 99.9% without the float noise of 0.0009999999999999432', () => {
    const budget = div(sub(rational(100n), exact('99.9')), rational(100n));
    expect(formatDecimal(budget)).toBe('0.001');
    expect(formatDecimal(mul(exact('14.4'), budget))).toBe('0.0144');
    expect(formatDecimal(div(exact('99.9'), rational(100n)))).toBe('0.999');
    // What floating point gives, for contrast:
    expect((100 - 99.9) / 100).not.toBe(0.001);
  });

  it('writes finite expansions exactly and repeating ones rounded up, never down', () => {
    expect(formatDecimal(rational(1n, 1024n))).toBe('0.0009765625');
    expect(formatDecimal(rational(14n, 15n))).toBe('0.933333333333334');
    expect(formatDecimal(rational(2n, 3n), 5)).toBe('0.66667');
    expect(formatDecimal(rational(1n, 3n), 5)).toBe('0.33334');
    expect(formatDecimal(rational(720n))).toBe('720');
    expect(formatDecimal(rational(0n))).toBe('0');
  });

  it('keeps rounded-up text at or above the exact value once read back as a double', () => {
    for (const [n, d] of [
      [14n, 15n],
      [7n, 30000n],
      [1n, 3n],
      [2n, 7n],
    ] as const) {
      const value = Number(formatDecimal(rational(n, d)));
      expect(value).toBeGreaterThanOrEqual(Number(n) / Number(d));
      expect(value - Number(n) / Number(d)).toBeLessThan(1e-14);
    }
  });

  it('converts to the nearest double through the decimal text', () => {
    expect(toNumber(exact('14.4'))).toBe(14.4);
    expect(toNumber(rational(-1n, 4n))).toBe(-0.25);
  });
});
