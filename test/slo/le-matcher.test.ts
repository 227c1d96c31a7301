import { describe, expect, it } from 'vitest';
import { leRegex } from '../../src/slo/le-matcher.ts';

/** Prometheus anchors label regexes at both ends (RE2); JavaScript's syntax agrees for these. */
function matches(bound: number, le: string): boolean {
  return new RegExp(`^(?:${leRegex(bound)})$`).test(le);
}

describe('le matcher of a latency SLI', () => {
  it.each([
    [0.2, '0.2', true],
    [0.2, '0.20', true],
    [0.2, '0.200', true],
    [0.2, '0.25', false],
    [0.2, '0.02', false],
    [0.2, '0x2', false],
    [1, '1', true],
    [1, '1.0', true],
    [1, '1.00', true],
    [1, '10', false],
    [1, '1.5', false],
    [10, '10.0', true],
    [10, '1', false],
    [2.5, '2.5', true],
    [2.5, '2.50', true],
    [0.005, '0.005', true],
    [0.005, '0.05', false],
  ] as const)('bound %s and le="%s": %s', (bound, le, expected) => {
    expect(matches(bound, le)).toBe(expected);
  });

  it('matches what Prometheus 2 keeps (le="1") and what Prometheus 3 writes (le="1.0") alike', () => {
    expect(leRegex(1)).toBe('1(\\.0*)?');
    expect(leRegex(0.2)).toBe('0\\.20*');
  });

  it('handles bounds Go writes with an exponent', () => {
    expect(matches(1e-7, '1e-07')).toBe(true);
    expect(matches(1e-7, '1e-7')).toBe(true);
    expect(matches(1e-7, '1e-08')).toBe(false);
  });
});
