/**
 * One alert per tier: it fires while any of the tier's window pairs has both windows above the pair's threshold,
 *
 *   burn_rate(long) and error_ratio(long) > T and error_ratio(short) > T   (or the next pair …)
 *
 * with T = factor × (1 − objective) written as exact decimal text. The comparison is on the error ratio, so no
 * division by the budget sits between the data and the threshold; the value the alert carries is the long
 * window's burn rate (`and` keeps its left side), for the summary. Page and ticket have their own names, so
 * each can be silenced, routed and tested on its own (Sloth gives both one name).
 */
import type { PrometheusAlertingRule } from '../alerting/rule-model.ts';
import { decimalText, exhaustionSeconds, percentText } from './burn-rate.ts';
import type { BurnPair, Slo, Tier } from './model.ts';
import { SLO_RULES, TIER_LABEL, serviceDashboardUid } from './naming.ts';
import { ownSeries } from './series.ts';
import { humanDuration } from './window.ts';
import { toNumber } from './decimal.ts';

function pairCondition(slo: Slo, pair: BurnPair): string {
  const own = (record: string): string => ownSeries(slo, record);
  const t = decimalText(pair.threshold);
  return [
    `(`,
    `  ${own(SLO_RULES.burnRate(pair.long.name))}`,
    `  and ${own(SLO_RULES.errorRatio(pair.long.name))} > ${t}`,
    `  and ${own(SLO_RULES.errorRatio(pair.short.name))} > ${t}`,
    `)`,
  ].join('\n');
}

function groupText(slo: Slo): string {
  if (slo.groupBy.length === 0) return '';
  return ` (${slo.groupBy.map((label) => `{{ $labels.${label} }}`).join(', ')})`;
}

function exhaustion(slo: Slo, pair: BurnPair): string {
  return humanDuration(toNumber(exhaustionSeconds(pair.factor, slo.period.seconds)));
}

function pairSentence(pair: BurnPair): string {
  return `above ${percentText(pair.threshold)}% errors (${decimalText(pair.factor)}× the budget) over both ${pair.long.name} and ${pair.short.name}`;
}

/** Annotations: what fired and what it costs, for the person who reads the notification. */
function annotations(slo: Slo, tier: Tier): Record<string, string> {
  const period = slo.period.name;
  const out: Record<string, string> = {
    ...slo.alertAnnotations,
    summary: `SLO ${slo.name}${groupText(slo)} is spending its ${period} error budget at {{ printf "%.1f" $value }}× the sustainable rate`,
    description: [
      slo.description,
      `Objective ${decimalText(slo.objective)}% over ${period}: an error budget of ${percentText(slo.budget)}%.`,
      `This ${tier.name} alert fires while the error ratio is ${tier.pairs.map(pairSentence).join(', or ')}.`,
      `At those burn rates ${tier.pairs.map((p) => `${decimalText(p.budgetPercent)}% of the budget goes in ${p.long.name} and all of it in ${exhaustion(slo, p)}`).join('; ')}.`,
    ].join(' '),
    burn_rate: '{{ printf "%.2f" $value }}',
    windows: tier.pairs.map((p) => `${p.long.name}/${p.short.name}`).join(', '),
    burn_rate_thresholds: tier.pairs.map((p) => decimalText(p.factor)).join(', '),
    error_ratio_thresholds: tier.pairs.map((p) => decimalText(p.threshold)).join(', '),
    budget_consumed: tier.pairs.map((p) => `${decimalText(p.budgetPercent)}% in ${p.long.name}`).join(', '),
    exhaustion: tier.pairs.map((p) => exhaustion(slo, p)).join(', '),
    objective: `${decimalText(slo.objective)}% over ${period}`,
    runbook_url: slo.runbookUrl,
  };
  // Linked by URL only: Grafana wants `__dashboardUid__` together with a `__panelId__` (it refuses the rule group
  // otherwise), and the panel ids of a service dashboard depend on the other SLOs of the service.

  if (slo.grafanaUrl !== undefined) {
    out.dashboard_url = `${slo.grafanaUrl}/d/${serviceDashboardUid(slo.service)}`;
  }
  return out;
}

export function alertRules(slo: Slo): PrometheusAlertingRule[] {
  // Every tier of a resolved SLO has window pairs: one without is a problem of the input (resolve-tiers.ts).
  return slo.tiers.map((tier) => ({
    alert: tier.alert,
    expr: tier.pairs.map((pair) => pairCondition(slo, pair)).join('\nor\n'),
    ...(tier.for === undefined ? {} : { for: tier.for }),
    labels: { ...slo.labels, ...slo.alertLabels, [TIER_LABEL]: tier.name, severity: tier.severity },
    annotations: annotations(slo, tier),
  }));
}
