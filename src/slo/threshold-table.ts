/**
 * The burn-rate thresholds an objective and period give, as the rules write them: for documentation, reviews and
 * the table test. Computed by the same code path as the rules (resolveSlo), not a copy of the formula.
 */
import { DEFAULT_PERIOD, decimalText, exhaustionSeconds } from './burn-rate.ts';
import { toNumber } from './decimal.ts';
import type { TiersInput } from './input.ts';
import { resolveSlo } from './resolve.ts';
import { humanDuration } from './window.ts';

export interface BurnRateRow {
  readonly tier: string;
  readonly severity: string;
  readonly long: string;
  readonly short: string;
  /** Percent of the period's budget spent in the long window at the threshold. */
  readonly budgetPercent: string;
  /** Burn-rate factor, exact decimal text (rounded up at 15 digits when it repeats). */
  readonly factor: string;
  /** Error-ratio threshold as written in the alert expression. */
  readonly threshold: string;
  /** How long the whole budget lasts at that burn rate. */
  readonly exhaustion: string;
}

export function burnRateTable(
  objective: number | string,
  period: string = DEFAULT_PERIOD,
  tiers?: TiersInput,
): BurnRateRow[] {
  const { slo, issues } = resolveSlo({
    service: 'table',
    name: 'table',
    description: 'Threshold table.',
    objective,
    period,
    sli: { kind: 'ratio', errors: 'errors_total', total: 'requests_total' },
    ...(tiers === undefined ? {} : { alerting: { tiers } }),
    runbookUrl: 'https://example.invalid/runbook.md',
    folderUid: 'table',
    datasourceUid: 'table',
  });
  if (slo === undefined) {
    throw new RangeError(issues.map((i) => `${i.path}: ${i.problem}. ${i.fix}`).join('\n'));
  }
  return slo.tiers.flatMap((tier) =>
    tier.pairs.map((pair) => ({
      tier: tier.name,
      severity: tier.severity,
      long: pair.long.name,
      short: pair.short.name,
      budgetPercent: decimalText(pair.budgetPercent),
      factor: decimalText(pair.factor),
      threshold: decimalText(pair.threshold),
      exhaustion: humanDuration(toNumber(exhaustionSeconds(pair.factor, slo.period.seconds))),
    })),
  );
}
