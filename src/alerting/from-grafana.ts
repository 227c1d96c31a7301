import { isJsonObject } from '../core/json.ts';
import type { AlertRuleGroupSpec, AlertRuleSpec } from '../core/specs.ts';
import type { PrometheusRule } from './rule-model.ts';
import {
  EXPR_UID,
  MATH_EXPRESSION,
  MATH_REF,
  QUERY_REF,
  QUERY_WINDOW_SECONDS,
  THRESHOLD_REF,
} from './to-grafana.ts';

/** A Grafana-managed rule that does not have the shape of a converted Prometheus rule, and why. */
export class NotConvertedError extends Error {}

function fail(rule: AlertRuleSpec, why: string): never {
  throw new NotConvertedError(`rule ${JSON.stringify(rule.title)}: ${why}`);
}

function expressionOf(rule: AlertRuleSpec): string {
  const query = rule.data[0];
  if (query === undefined || query.refId !== QUERY_REF) fail(rule, `the first query is not "${QUERY_REF}"`);
  if (query.relativeTimeRange.from !== QUERY_WINDOW_SECONDS || query.relativeTimeRange.to !== 0) {
    fail(rule, `the query window is not [${QUERY_WINDOW_SECONDS}s, 0]`);
  }
  const expr = query.model.expr;
  if (typeof expr !== 'string') fail(rule, 'the query has no expr');
  if (query.model.instant !== true || query.model.range !== false) fail(rule, 'the query is not instant');
  return expr;
}

function checkAlertNodes(rule: AlertRuleSpec): void {
  const [, math, threshold] = rule.data;
  if (rule.data.length !== 3 || rule.condition !== THRESHOLD_REF)
    fail(rule, 'it is not query → math → threshold');
  if (
    math?.refId !== MATH_REF ||
    math.datasourceUid !== EXPR_UID ||
    math.model.expression !== MATH_EXPRESSION
  ) {
    fail(rule, `the math node is not ${MATH_EXPRESSION}`);
  }
  const conditions = threshold?.model.conditions;
  const evaluator =
    Array.isArray(conditions) && isJsonObject(conditions[0]) ? conditions[0].evaluator : undefined;
  const params = isJsonObject(evaluator) ? evaluator.params : undefined;
  if (
    threshold?.refId !== THRESHOLD_REF ||
    threshold.model.expression !== MATH_REF ||
    !isJsonObject(evaluator) ||
    evaluator.type !== 'gt' ||
    !Array.isArray(params) ||
    params.length !== 1 ||
    params[0] !== 0
  ) {
    fail(rule, `the threshold node is not "${MATH_REF} > 0"`);
  }
  // Grafana before 12 has no missingSeriesEvalsToResolve (and resolves after one evaluation, as 1 says).
  const resolveAfter = rule.missingSeriesEvalsToResolve ?? 1;
  if (rule.noDataState !== 'OK' || rule.execErrState !== 'Error' || resolveAfter !== 1) {
    fail(rule, 'its states are not those of a converted Prometheus rule (OK, Error, resolve after 1)');
  }
}

/**
 * The Prometheus rule a Grafana-managed rule stands for, read back from its Grafana form, independently of the
 * code that built it. Labels come back merged (group labels included), as Grafana keeps them.
 */
export function prometheusRuleOf(rule: AlertRuleSpec): PrometheusRule {
  const expr = expressionOf(rule);
  const labels = { ...rule.labels };
  if (rule.record !== undefined) {
    if (rule.data.length !== 1 || rule.record.from !== QUERY_REF)
      fail(rule, 'a recording rule reads one query');
    return { record: rule.record.metric, expr, labels };
  }
  checkAlertNodes(rule);
  return {
    alert: rule.title,
    expr,
    ...(rule.for === undefined || rule.for === '0s' ? {} : { for: rule.for }),
    ...(rule.keep_firing_for === undefined ? {} : { keep_firing_for: rule.keep_firing_for }),
    labels,
    annotations: { ...rule.annotations },
  };
}

export function prometheusRulesOf(group: AlertRuleGroupSpec): PrometheusRule[] {
  return group.rules.map(prometheusRuleOf);
}
