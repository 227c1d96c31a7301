import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/core/duration.ts';

describe('parseDuration', () => {
  it.each([
    ['0', 0],
    ['0s', 0],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['1d', 86_400_000],
    ['2w', 1_209_600_000],
    ['1y', 31_536_000_000],
    ['250ms', 250],
    ['1m30s500ms', 90_500],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '5', '5 minutes', '1.5h', '30m1h', '-5m', 'm', '5M'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [60_000, '1m'],
    [90_000, '1m30s'],
    [86_400_000, '1d'],
    [604_800_000, '1w'],
    [90_061_001, '1d1h1m1s1ms'],
  ])('prints %d ms as %s, as Prometheus does', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('round-trips through parseDuration', () => {
    for (const text of ['1m30s', '4h', '1w2d', '15s'])
      expect(formatDuration(parseDuration(text) ?? -1)).toBe(text);
  });
});
