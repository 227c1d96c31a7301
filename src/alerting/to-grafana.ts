import { parseDuration } from '../core/duration.ts';
import { derivedUid } from '../core/hash.ts';
import type { AlertQuerySpec, AlertRuleGroupSpec, AlertRuleSpec } from '../core/specs.ts';
import type { PrometheusRule, PrometheusRuleGroup, RuleDataSourceType } from './rule-model.ts';
import { isAlertingRule, ruleName } from './rule-model.ts';

/** The ref ids and expressions Grafana's Prometheus converter uses (pkg/services/ngalert/prom). */
export const QUERY_REF = 'query';
export const MATH_REF = 'prometheus_math';
export const THRESHOLD_REF = 'threshold';
export const EXPR_UID = '__expr__';
/** Turns every returned sample, NaN and Inf included, into 1: any series returned fires, as in Prometheus. */
export const MATH_EXPRESSION = `is_number($${QUERY_REF}) || is_nan($${QUERY_REF}) || is_inf($${QUERY_REF})`;
/** The converter queries the last 600 s at evaluation time. */
export const QUERY_WINDOW_SECONDS = 600;

export interface GrafanaTarget {
  readonly folderUid: string;
  /** The data source the rules query. */
  readonly datasource: { readonly uid: string; readonly type: RuleDataSourceType };
  /** Where recording rules write; Grafana requires a Prometheus data source. */
  readonly targetDatasourceUid: string;
  /** Stable prefix of derived rule uids (the group's resource uid). */
  readonly uidPrefix: string;
  /** Include recording rules (Grafana-managed recording rules need a feature flag before Grafana 12). */
  readonly recordingRules?: boolean;
  /**
   * The title of a recording rule in Grafana, from the metric it records (default: the metric itself). Grafana 10
   * and 11 want titles unique within a folder, so groups that record the same metrics in one folder tell them apart.
   */
  readonly recordingTitle?: (record: string) => string;
}

function queryNode(expr: string, target: GrafanaTarget): AlertQuerySpec {
  const { uid, type } = target.datasource;
  return {
    refId: QUERY_REF,
    relativeTimeRange: { from: QUERY_WINDOW_SECONDS, to: 0 },
    datasourceUid: uid,
    model: {
      datasource: { type, uid },
      expr,
      instant: true,
      range: false,
      refId: QUERY_REF,
      ...(type === 'loki' ? { queryType: 'instant' } : {}),
    },
  };
}

const EXPR_DATASOURCE = { type: EXPR_UID, uid: EXPR_UID };

function mathNode(): AlertQuerySpec {
  return {
    refId: MATH_REF,
    queryType: 'math',
    relativeTimeRange: { from: 0, to: 0 },
    datasourceUid: EXPR_UID,
    model: { datasource: EXPR_DATASOURCE, expression: MATH_EXPRESSION, refId: MATH_REF, type: 'math' },
  };
}

function thresholdNode(): AlertQuerySpec {
  return {
    refId: THRESHOLD_REF,
    queryType: 'threshold',
    relativeTimeRange: { from: 0, to: 0 },
    datasourceUid: EXPR_UID,
    model: {
      datasource: EXPR_DATASOURCE,
      expression: MATH_REF,
      conditions: [{ evaluator: { type: 'gt', params: [0] } }],
      refId: THRESHOLD_REF,
      type: 'threshold',
    },
  };
}

/**
 * Rule uids are derived from the group and the rule's name (and its position among rules of the same name), so
 * they survive reordering and never depend on the Grafana instance.
 */
function ruleUid(rule: PrometheusRule, occurrence: number, target: GrafanaTarget): string {
  return derivedUid(ruleName(rule), [target.uidPrefix, String(occurrence)]);
}

function convertRule(
  rule: PrometheusRule,
  group: PrometheusRuleGroup,
  target: GrafanaTarget,
  occurrence: number,
): AlertRuleSpec {
  const labels = { ...group.labels, ...rule.labels };
  const common = {
    uid: ruleUid(rule, occurrence, target),
    folderUID: target.folderUid,
    ruleGroup: group.name,
    isPaused: false,
    ...(Object.keys(labels).length > 0 ? { labels } : {}),
  };
  if (!isAlertingRule(rule)) {
    return {
      ...common,
      title: target.recordingTitle?.(rule.record) ?? rule.record,
      condition: QUERY_REF,
      data: [queryNode(rule.expr, target)],
      record: { metric: rule.record, from: QUERY_REF, target_datasource_uid: target.targetDatasourceUid },
    };
  }
  return {
    ...common,
    title: rule.alert,
    condition: THRESHOLD_REF,
    data: [queryNode(rule.expr, target), mathNode(), thresholdNode()],
    noDataState: 'OK',
    execErrState: 'Error',
    for: rule.for ?? '0s',
    ...(rule.keep_firing_for === undefined ? {} : { keep_firing_for: rule.keep_firing_for }),
    ...(Object.keys(rule.annotations).length > 0 ? { annotations: { ...rule.annotations } } : {}),
    // Prometheus resolves an alert as soon as its series disappears; Grafana's converter sets 1 to match.
    missingSeriesEvalsToResolve: 1,
  };
}

/** A Grafana-managed rule group built exactly as Grafana's Prometheus converter builds it. */
export function toGrafanaRuleGroup(group: PrometheusRuleGroup, target: GrafanaTarget): AlertRuleGroupSpec {
  const seen = new Map<string, number>();
  const rules = group.rules.flatMap((rule) => {
    const name = ruleName(rule);
    const occurrence = seen.get(name) ?? 0;
    seen.set(name, occurrence + 1);
    if (!isAlertingRule(rule) && target.recordingRules === false) return [];
    return [convertRule(rule, group, target, occurrence)];
  });
  // An interval that is not a duration becomes 0 here; validation reports it against the written text.
  const intervalMs = parseDuration(group.interval) ?? 0;
  return { title: group.name, folderUid: target.folderUid, interval: Math.floor(intervalMs / 1000), rules };
}
