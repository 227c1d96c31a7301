import { twinProblem } from '../../alerting/alertmanager.ts';
import { receiversFor } from '../../alerting/route-eval.ts';
import { SEVERITY_LABEL } from '../../alerting/routing.ts';
import { isAlertingRule } from '../../alerting/rule-model.ts';
import type { RouteSpec } from '../../core/specs.ts';
import type { ValidationContext, ValidationRule } from '../context.ts';
import { at, show } from '../context.ts';
import { matcherHolds } from '../../alerting/route-eval.ts';

/** Labels Grafana adds to every alert it evaluates; their values are not known in advance. */
const GRAFANA_LABELS = new Set(['grafana_folder', '__alert_rule_uid__', '__alert_rule_namespace_uid__']);

/** Every label value an alert of the repository can carry, by label name (`alertname` included). */
function alertLabels(context: ValidationContext): Map<string, Set<string>> {
  const labels = new Map<string, Set<string>>();
  const add = (name: string, value: string): void => {
    const values = labels.get(name) ?? new Set<string>();
    values.add(value);
    labels.set(name, values);
  };
  for (const group of context.registry.byKind('AlertRuleGroup')) {
    for (const rule of group.origin?.group.rules ?? []) {
      if (!isAlertingRule(rule)) continue;
      add('alertname', rule.alert);
      for (const [name, value] of Object.entries({ ...group.origin?.group.labels, ...rule.labels }))
        add(name, value);
    }
  }
  return labels;
}

function visitRoutes(route: RouteSpec, path: string, visit: (route: RouteSpec, path: string) => void): void {
  visit(route, path);
  (route.routes ?? []).forEach((child, i) => visitRoutes(child, at(at(path, 'routes'), i), visit));
}

/**
 * Severity routing holds together: every severity of the Config reaches its receiver, every contact point is used
 * by a route, every route matcher can match an alert the repository defines, and every contact point has an
 * Alertmanager twin.
 */
export const routingRules: ValidationRule = {
  name: 'routing',
  check(context) {
    const tree = context.registry.byKind('NotificationPolicyTree')[0];
    const contactPoints = context.registry.byKind('ContactPoint');
    for (const cp of contactPoints) {
      const problem = twinProblem(cp.spec);
      if (problem !== undefined) {
        context.report(
          cp,
          'settings',
          `has no Alertmanager twin: ${problem}`,
          'Use a type and settings Alertmanager supports',
        );
      }
    }
    if (tree === undefined) return;
    for (const [severity, route] of Object.entries(context.config.severities)) {
      const reached = receiversFor(tree.spec, { [SEVERITY_LABEL]: severity, alertname: 'ValidationProbe' });
      if (!reached.includes(route.receiver)) {
        context.report(
          tree,
          'routes',
          `alerts of severity ${show(severity)} reach ${reached.join(', ')}, not ${show(route.receiver)} as the severity table says`,
          'Generate the routes from the severity table (policyTreeFromSeverities) or add a route for it',
        );
      }
    }
    const used = new Set<string>();
    visitRoutes(tree.spec, '', (route) => {
      if (route.receiver !== undefined) used.add(route.receiver);
    });
    for (const cp of contactPoints) {
      if (!used.has(cp.spec.name)) {
        context.report(
          cp,
          'name',
          `contact point ${show(cp.spec.name)} is used by no route`,
          'Route alerts to it or delete it',
        );
      }
    }
    const labels = alertLabels(context);
    visitRoutes(tree.spec, '', (route, path) => {
      (route.object_matchers ?? []).forEach(([name, op, value], i) => {
        if (GRAFANA_LABELS.has(name)) return;
        const values = labels.get(name);
        const where = at(at(path, 'object_matchers'), i);
        if (values === undefined) {
          context.report(
            tree,
            where,
            `no alert of the repository carries the label ${show(name)}`,
            'Match on a label alerts have, or add it to the rules',
          );
          return;
        }
        const positive = op === '=' || op === '=~';
        if (positive && ![...values].some((v) => matcherHolds({ [name]: v }, name, op, value))) {
          context.report(
            tree,
            where,
            `no alert has ${name}${op}${JSON.stringify(value)} (values in use: ${[...values].sort().join(', ')})`,
            'Fix the matcher or the alerts it is meant for',
          );
        }
      });
    });
  },
};
