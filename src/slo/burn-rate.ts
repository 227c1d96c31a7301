/**
 * Multi-window, multi-burn-rate thresholds (SRE Workbook, "Alerting on SLOs"). A pair of windows alerts when the
 * error ratio over both is above `factor × (1 − objective)`, where the factor is the burn rate that spends
 * `budgetPercent` of the whole period's budget within the long window: `factor = budget share × period / long`.
 * The Workbook's windows and budget shares are kept for every period and the factors recomputed (30d: 14.4, 6, 3,
 * 1; 28d: 13.44, 5.6, 2.8, 0.9333…), as Sloth does, rather than scaling windows to keep round factors (Pyrra's
 * 1h4m windows at 30d). All of it in exact fractions.
 */
import type { Rational } from './decimal.ts';
import { HUNDRED, div, formatDecimal, mul, rational, sub } from './decimal.ts';
import type { TiersInput } from './input.ts';

/** The Workbook's policy: page on 2% of the budget in 1h or 5% in 6h; ticket on 10% in 1d or in 3d. */
export const WORKBOOK_TIERS = {
  page: {
    severity: 'critical',
    windows: [
      { long: '1h', short: '5m', budgetPercent: 2 },
      { long: '6h', short: '30m', budgetPercent: 5 },
    ],
  },
  ticket: {
    severity: 'warning',
    windows: [
      { long: '1d', short: '2h', budgetPercent: 10 },
      { long: '3d', short: '6h', budgetPercent: 10 },
    ],
  },
} as const satisfies TiersInput;

/** The default period of an SLO. */
export const DEFAULT_PERIOD = '30d';

/** Error budget as a fraction: `(100 − objective) / 100`. */
export function errorBudget(objectivePercent: Rational): Rational {
  return div(sub(HUNDRED, objectivePercent), HUNDRED);
}

/** Burn rate that spends `budgetPercent` of the period's budget within `longSeconds`. */
export function burnFactor(budgetPercent: Rational, periodSeconds: bigint, longSeconds: bigint): Rational {
  return mul(div(budgetPercent, HUNDRED), rational(periodSeconds, longSeconds));
}

/** Error-ratio threshold of a window pair: `factor × (1 − objective)`. */
export function errorRatioThreshold(factor: Rational, budget: Rational): Rational {
  return mul(factor, budget);
}

/** How long the whole budget lasts at a burn rate: `period / factor` (equal to `long / budget share`). */
export function exhaustionSeconds(factor: Rational, periodSeconds: bigint): Rational {
  return div(rational(periodSeconds), factor);
}

/** Whether a threshold can be reached at all: an error ratio never exceeds 1. */
export function isReachable(threshold: Rational): boolean {
  return threshold.n < threshold.d;
}

/** Decimal text for rules and annotations: exact, or rounded up at 15 significant digits. */
export function decimalText(value: Rational): string {
  return formatDecimal(value);
}

/** A percentage for people: `0.1` for 0.001. */
export function percentText(fraction: Rational): string {
  return formatDecimal(mul(fraction, HUNDRED));
}
