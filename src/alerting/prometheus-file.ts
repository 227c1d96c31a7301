import type { PrometheusRule, PrometheusRuleGroup } from './rule-model.ts';
import { isAlertingRule } from './rule-model.ts';

/** A rule as Prometheus' rule files write it, keys in the conventional order. */
export type PrometheusRuleYaml = Record<string, string | Record<string, string>>;

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * One rule in Prometheus form. Group labels are merged into each rule (the rule's own win), as Grafana's
 * converter does, because Prometheus 2.x rule files have no group-level labels.
 */
export function ruleYaml(
  rule: PrometheusRule,
  groupLabels: Readonly<Record<string, string>>,
): PrometheusRuleYaml {
  const labels = sortedRecord({ ...groupLabels, ...rule.labels });
  const out: PrometheusRuleYaml = isAlertingRule(rule)
    ? { alert: rule.alert, expr: rule.expr }
    : { record: rule.record, expr: rule.expr };
  if (isAlertingRule(rule)) {
    if (rule.for !== undefined) out.for = rule.for;
    if (rule.keep_firing_for !== undefined) out.keep_firing_for = rule.keep_firing_for;
  }
  if (Object.keys(labels).length > 0) out.labels = labels;
  if (isAlertingRule(rule) && Object.keys(rule.annotations).length > 0)
    out.annotations = sortedRecord(rule.annotations);
  return out;
}

/** The `groups:` document of a Prometheus (or Loki ruler) rule file holding one group. */
export function ruleFileYaml(group: PrometheusRuleGroup): { groups: Record<string, unknown>[] } {
  return {
    groups: [
      {
        name: group.name,
        interval: group.interval,
        rules: group.rules.map((r) => ruleYaml(r, group.labels)),
      },
    ],
  };
}
