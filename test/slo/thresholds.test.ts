/**
 * The burn-rate thresholds an objective and a period give, against values computed by hand:
 * factor = budget share × period / long window, threshold = factor × (1 − objective). The Workbook's windows and
 * budget shares (2% in 1h, 5% in 6h, 10% in 1d, 10% in 3d) are kept for every period.
 */
import { describe, expect, it } from 'vitest';
import { burnRateTable } from '../../src/index.ts';

type Row = readonly [long: string, short: string, factor: number, threshold: number];

// 99.9%: budget 0.001. 30d = 720h, 28d = 672h, 7d = 168h.
const HAND: Readonly<Record<string, readonly Row[]>> = {
  '30d': [
    ['1h', '5m', 0.02 * 720, 0.0144], // 14.4
    ['6h', '30m', (0.05 * 720) / 6, 0.006], // 6
    ['1d', '2h', (0.1 * 720) / 24, 0.003], // 3
    ['3d', '6h', (0.1 * 720) / 72, 0.001], // 1
  ],
  '28d': [
    ['1h', '5m', 13.44, 0.01344],
    ['6h', '30m', 5.6, 0.0056],
    ['1d', '2h', 2.8, 0.0028],
    ['3d', '6h', 14 / 15, 14 / 15 / 1000], // 0.9333…
  ],
  '7d': [
    ['1h', '5m', 3.36, 0.00336],
    ['6h', '30m', 1.4, 0.0014],
    ['1d', '2h', 0.7, 0.0007],
    ['3d', '6h', 7 / 30, 7 / 30 / 1000], // 0.2333…
  ],
};

describe('burn-rate thresholds at 99.9%', () => {
  for (const [period, rows] of Object.entries(HAND)) {
    it.each(rows.map((row, i) => [i, ...row] as const))(
      `${period}, pair %i (%s/%s): factor %s, threshold %s`,
      (i, long, short, factor, threshold) => {
        const row = burnRateTable(99.9, period)[i];
        expect(row?.long).toBe(long);
        expect(row?.short).toBe(short);
        expect(Math.abs(Number(row?.factor) - factor)).toBeLessThan(1e-12);
        expect(Math.abs(Number(row?.threshold) - threshold)).toBeLessThan(1e-12);
      },
    );
  }

  it('writes thresholds as exact decimal text, with no float noise', () => {
    const text = (period: string): string[] => burnRateTable(99.9, period).map((r) => r.threshold);
    expect(text('30d')).toEqual(['0.0144', '0.006', '0.003', '0.001']);
    expect(text('28d')).toEqual(['0.01344', '0.0056', '0.0028', '0.000933333333333334']);
    expect(text('7d')).toEqual(['0.00336', '0.0014', '0.0007', '0.000233333333333334']);
    expect(burnRateTable(99.9, '28d').map((r) => r.factor)).toEqual([
      '13.44',
      '5.6',
      '2.8',
      '0.933333333333334',
    ]);
  });

  it('never writes a threshold below the exact value (repeating decimals are rounded up)', () => {
    const exact = [14 / 15 / 1000, 7 / 30 / 1000];
    const written = [burnRateTable(99.9, '28d')[3]?.threshold, burnRateTable(99.9, '7d')[3]?.threshold];
    written.forEach((text, i) => expect(Number(text)).toBeGreaterThan(exact[i] ?? 1));
  });

  it('scales with the objective: 99.99% and 95% over 30 days', () => {
    expect(burnRateTable(99.99).map((r) => r.threshold)).toEqual(['0.00144', '0.0006', '0.0003', '0.0001']);
    expect(burnRateTable('95').map((r) => r.threshold)).toEqual(['0.72', '0.3', '0.15', '0.05']);
  });

  it('says how long the budget lasts at each threshold and which severity each tier pages with', () => {
    expect(burnRateTable(99.9).map((r) => [r.tier, r.severity, r.exhaustion])).toEqual([
      ['page', 'critical', '2d2h'],
      ['page', 'critical', '5d'],
      ['ticket', 'warning', '10d'],
      ['ticket', 'warning', '30d'],
    ]);
  });

  it('rejects a fast-burn threshold at or above 100% errors, explaining why', () => {
    expect(() => burnRateTable(50)).toThrow(
      /page burn threshold over 1h\/5m is 14\.4× the 50% error budget = 720% errors, at or above 100%: no error ratio can exceed it/,
    );
    // 93%: 14.4 × 7% = 100.8% errors: the page pair cannot fire; with the fast pair disabled it is fine.
    expect(() => burnRateTable(93)).toThrow(/1h\/5m is 14\.4× the 7% error budget = 100\.8% errors/);
    expect(
      burnRateTable(93, '30d', { page: { windows: [{ long: '6h', short: '30m', budgetPercent: 5 }] } })[0]
        ?.threshold,
    ).toBe('0.42');
  });
});
