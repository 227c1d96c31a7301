/**
 * The one definition of a rule, in Prometheus' own terms. Both outputs come from it: the Prometheus rule file
 * (tested by promtool) and the Grafana-managed rule group (built as Grafana's converter builds it).
 */

export interface PrometheusAlertingRule {
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly keep_firing_for?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

export interface PrometheusRecordingRule {
  readonly record: string;
  readonly expr: string;
  readonly labels: Readonly<Record<string, string>>;
}

export type PrometheusRule = PrometheusAlertingRule | PrometheusRecordingRule;

export function isAlertingRule(rule: PrometheusRule): rule is PrometheusAlertingRule {
  return 'alert' in rule;
}

export function ruleName(rule: PrometheusRule): string {
  return isAlertingRule(rule) ? rule.alert : rule.record;
}

/** The query language of a rule group, from the data source it queries. */
export type RuleDataSourceType = 'prometheus' | 'loki';

export interface PrometheusRuleGroup {
  readonly name: string;
  /** Prometheus duration; Grafana needs a multiple of 10 s. */
  readonly interval: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly rules: readonly PrometheusRule[];
}
