import type { PrometheusRule, PrometheusRuleGroup, RuleDataSourceType } from '../alerting/rule-model.ts';
import type { AlertRuleGroupSpec } from '../core/specs.ts';
import { toGrafanaRuleGroup } from '../alerting/to-grafana.ts';
import { grafanaRecordingRules } from '../config/base.ts';
import type { Definition, FromConfig } from './definition.ts';
import { makeDefinition, resolveInput, sealResource } from './definition.ts';

/** An alerting rule, written once; it renders to Prometheus and to Grafana. */
export interface AlertInput {
  /** PascalCase, prefixed by domain: `AlloyRemoteWriteFailing`. */
  readonly name: string;
  readonly expr: string;
  /** How long the condition must hold before the alert fires (Prometheus duration). */
  readonly for?: string;
  readonly keepFiringFor?: string;
  /** One of the severities of the Config's severity table; it decides the receiver. */
  readonly severity: string;
  readonly summary: string;
  readonly description?: string;
  readonly runbookUrl: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  /**
   * The dashboard panel to open from the notification: Grafana links it by uid and panel id, which come together
   * or not at all (it refuses the rule group otherwise); `url` is also written as the `dashboard_url`
   * annotation, which templates can use in Grafana and in Alertmanager alike.
   */
  readonly dashboard?: { readonly uid: string; readonly panelId: number; readonly url?: string };
}

/** A recording rule: `record` is the new metric's name. */
export interface RecordInput {
  readonly record: string;
  readonly expr: string;
  readonly labels?: Readonly<Record<string, string>>;
}

export type RuleInput = AlertInput | RecordInput;

export interface AlertRuleGroupInput {
  /** Resource uid of the group (`AlertRuleGroup/<uid>`); also the prefix of derived rule uids. */
  readonly uid: string;
  readonly folderUid: string;
  /** Group name, as Prometheus and Grafana show it. */
  readonly name: string;
  /** Evaluation interval (Prometheus duration; Grafana needs a multiple of 10 s). */
  readonly interval: string;
  readonly datasource: { readonly uid: string; readonly type: RuleDataSourceType };
  /** Where recording rules write in Grafana; defaults to the queried data source. */
  readonly targetDatasourceUid?: string;
  /** Labels added to every rule of the group (a rule's own labels win). */
  readonly labels?: Readonly<Record<string, string>>;
  readonly rules: readonly RuleInput[];
}

function isAlertInput(rule: RuleInput): rule is AlertInput {
  return 'name' in rule;
}

function toPrometheusRule(rule: RuleInput): PrometheusRule {
  if (!isAlertInput(rule)) return { record: rule.record, expr: rule.expr, labels: { ...rule.labels } };
  const annotations: Record<string, string> = {
    ...rule.annotations,
    summary: rule.summary,
    runbook_url: rule.runbookUrl,
  };
  if (rule.description !== undefined) annotations.description = rule.description;
  if (rule.dashboard !== undefined) {
    annotations.__dashboardUid__ = rule.dashboard.uid;
    annotations.__panelId__ = String(rule.dashboard.panelId);
    if (rule.dashboard.url !== undefined) annotations.dashboard_url = rule.dashboard.url;
  }
  return {
    alert: rule.name,
    expr: rule.expr,
    ...(rule.for === undefined ? {} : { for: rule.for }),
    ...(rule.keepFiringFor === undefined ? {} : { keep_firing_for: rule.keepFiringFor }),
    labels: { ...rule.labels, severity: rule.severity },
    annotations,
  };
}

/** A group of alerting and recording rules, evaluated together at one interval. */
export function defineAlertRuleGroup<C>(input: FromConfig<C, AlertRuleGroupInput>): Definition<C> {
  return makeDefinition<C>('AlertRuleGroup', ({ config, source }) => {
    const g = resolveInput(input, config);
    const group: PrometheusRuleGroup = {
      name: g.name,
      interval: g.interval,
      labels: { ...g.labels },
      rules: g.rules.map(toPrometheusRule),
    };
    const spec = toGrafanaRuleGroup(group, {
      folderUid: g.folderUid,
      datasource: g.datasource,
      targetDatasourceUid: g.targetDatasourceUid ?? g.datasource.uid,
      uidPrefix: g.uid,
      recordingRules: grafanaRecordingRules(config),
    });
    return [
      sealResource({
        kind: 'AlertRuleGroup',
        uid: g.uid,
        title: g.name,
        folderUid: g.folderUid,
        spec,
        source,
        origin: { group, datasourceType: g.datasource.type },
      }),
    ];
  });
}

export interface GrafanaAlertRuleGroupInput {
  /** Resource uid of the group (`AlertRuleGroup/<uid>`). */
  readonly uid: string;
  readonly folderUid: string;
  /**
   * The group as Grafana's provisioning API holds it (title, interval in seconds, rules with their queries,
   * expressions and condition): what `npm run import` writes for a group whose rules are not converted Prometheus
   * rules. Its rules keep their uids; nothing is derived.
   */
  readonly spec: Readonly<Record<string, unknown>>;
}

/** A Grafana-managed rule group written as Grafana holds it (no Prometheus rule file is rendered from it). */
export function defineGrafanaAlertRuleGroup<C>(
  input: FromConfig<C, GrafanaAlertRuleGroupInput>,
): Definition<C> {
  return makeDefinition<C>('AlertRuleGroup', ({ config, source }) => {
    const g = resolveInput(input, config);
    const spec = { ...g.spec, folderUid: g.folderUid } as unknown as AlertRuleGroupSpec;
    return [
      sealResource({
        kind: 'AlertRuleGroup',
        uid: g.uid,
        title: typeof g.spec.title === 'string' ? g.spec.title : g.uid,
        folderUid: g.folderUid,
        spec,
        source,
      }),
    ];
  });
}
