import { hasUnclosedAction } from '../../alerting/template-text.ts';
import { parseDuration } from '../../core/duration.ts';
import type { ResourceOf } from '../../core/resource.ts';
import { isAlertingRule, ruleName } from '../../alerting/rule-model.ts';
import { LABEL_NAME, METRIC_NAME } from '../../promql/names.ts';
import type { ValidationContext, ValidationRule } from '../context.ts';
import { at, show } from '../context.ts';
import { panelsOf } from '../dashboard-walk.ts';

/** Grafana's scheduler ticks every 10 s; group intervals must be a positive multiple of it. */
export const SCHEDULER_TICK_SECONDS = 10;

const URL = /^https?:\/\/[^\s/$.?#][^\s]*$/;

function checkDuration(
  context: ValidationContext,
  group: ResourceOf<'AlertRuleGroup'>,
  path: string,
  value: string | undefined,
): void {
  if (value === undefined || parseDuration(value) !== undefined) return;
  context.report(
    group,
    path,
    `${show(value)} is not a duration`,
    'Write a Prometheus duration such as 30s, 5m, 1h30m or 1d',
  );
}

function checkLabels(
  context: ValidationContext,
  group: ResourceOf<'AlertRuleGroup'>,
  path: string,
  labels: Readonly<Record<string, string>>,
): void {
  for (const name of Object.keys(labels)) {
    if (!LABEL_NAME.test(name)) {
      context.report(
        group,
        at(path, name),
        `${show(name)} is not a valid label name`,
        'Use letters, digits and _, not starting with a digit',
      );
    } else if (name.startsWith('__')) {
      context.report(group, at(path, name), `label names starting with __ are reserved`, 'Rename the label');
    }
  }
}

function checkGroup(context: ValidationContext, group: ResourceOf<'AlertRuleGroup'>): void {
  const origin = group.origin;
  if (origin === undefined) return;
  const { config } = context;
  const severities = Object.keys(config.severities);
  const interval = parseDuration(origin.group.interval);
  if (interval === undefined) checkDuration(context, group, 'interval', origin.group.interval);
  else if (interval <= 0 || interval % (SCHEDULER_TICK_SECONDS * 1000) !== 0) {
    context.report(
      group,
      'interval',
      `interval ${origin.group.interval} is not a positive multiple of ${SCHEDULER_TICK_SECONDS}s; Grafana rejects it`,
      'Use an interval such as 30s, 1m or 5m',
    );
  }
  checkLabels(context, group, 'labels', origin.group.labels);
  origin.group.rules.forEach((rule, i) => {
    const path = at('rules', i);
    const name = ruleName(rule);
    checkLabels(context, group, at(path, 'labels'), rule.labels);
    if (!isAlertingRule(rule)) {
      if (!METRIC_NAME.test(rule.record)) {
        context.report(
          group,
          at(path, 'record'),
          `${show(rule.record)} is not a valid metric name`,
          'Use letters, digits, _ and :, as in level:metric:operations',
        );
      }
      return;
    }
    if (name.trim() === '')
      context.report(
        group,
        at(path, 'name'),
        'alert has no name',
        'Name it in PascalCase, prefixed by its domain',
      );
    const severity = rule.labels.severity ?? '';
    if (!severities.includes(severity)) {
      context.report(
        group,
        at(path, 'severity'),
        `alert ${name} has ${severity === '' ? 'no severity' : `unknown severity ${show(severity)}`}`,
        `Use one of the severities of the Config: ${severities.join(', ')}`,
      );
    }
    if ((rule.annotations.summary ?? '').trim() === '') {
      context.report(
        group,
        at(path, 'summary'),
        `alert ${name} has no summary`,
        'Say in one line what is wrong, with the labels that identify it',
      );
    }
    const runbook = rule.annotations.runbook_url ?? '';
    if (runbook.trim() === '') {
      context.report(
        group,
        at(path, 'runbookUrl'),
        `alert ${name} has no runbook_url`,
        'Link the runbook that says what to do when it fires',
      );
    } else if (!URL.test(runbook)) {
      context.report(
        group,
        at(path, 'runbookUrl'),
        `runbook_url ${show(runbook)} is not an http(s) URL`,
        'Give the full URL of the runbook',
      );
    }
    checkDuration(context, group, at(path, 'for'), rule.for);
    checkDuration(context, group, at(path, 'keepFiringFor'), rule.keep_firing_for);
    checkDashboardLink(context, group, path, rule.annotations);
    for (const [kind, values] of [
      ['annotations', rule.annotations],
      ['labels', rule.labels],
    ] as const) {
      for (const [key, value] of Object.entries(values)) {
        if (!hasUnclosedAction(value)) continue;
        context.report(
          group,
          at(at(path, kind), key),
          `${show(value)} opens a template action with "{{" that it never closes; Grafana refuses the rule's template`,
          'Close every {{ … }} action',
        );
      }
    }
  });
}

/** What Go's strconv.ParseInt(s, 10, 64) accepts (range aside). */
const PANEL_ID = /^[+-]?\d{1,19}$/;

/**
 * The dashboard link of an alert: Grafana refuses a rule whose `__dashboardUid__` and `__panelId__` annotations
 * do not come together, or whose panel id is not an integer (AlertRule.SetDashboardAndPanelFromAnnotations,
 * grafana/grafana pkg/services/ngalert/models/alert_rule.go), and with it the whole rule group. A link into a
 * dashboard of the repository must name one of its panels.
 */
function checkDashboardLink(
  context: ValidationContext,
  group: ResourceOf<'AlertRuleGroup'>,
  path: string,
  annotations: Readonly<Record<string, string>>,
): void {
  const dashboardUid = annotations.__dashboardUid__ ?? '';
  const panelId = annotations.__panelId__ ?? '';
  if (dashboardUid === '' && panelId === '') return;
  if (dashboardUid === '' || panelId === '') {
    context.report(
      group,
      at(path, 'dashboard'),
      `the dashboard link has ${dashboardUid === '' ? `a panel id (${panelId}) but no dashboard uid` : `dashboard ${show(dashboardUid)} but no panel id`}; Grafana refuses the rule group (both annotations __dashboardUid__ and __panelId__ must be specified)`,
      'Give both (dashboard: { uid, panelId }), or link by URL only with the dashboard_url annotation',
    );
    return;
  }
  if (!PANEL_ID.test(panelId)) {
    context.report(
      group,
      at(path, 'dashboard.panelId'),
      `panel id ${show(panelId)} is not an integer; Grafana refuses the rule group`,
      'Give the id of a panel of the dashboard',
    );
    return;
  }
  const dashboard = context.registry.byKind('Dashboard').find((d) => d.uid === dashboardUid);
  if (dashboard === undefined) return;
  const panels = panelsOf(dashboard.spec).filter((v) => v.panel.type !== 'row');
  if (panels.some((v) => v.panel.id === Number(panelId))) return;
  const known = panels.map((v) => `${String(v.panel.id)} ${show(v.panel.title ?? '')}`);
  context.report(
    group,
    at(path, 'dashboard.panelId'),
    `Dashboard/${dashboardUid} (${dashboard.source}) has no panel with id ${panelId}`,
    `Use the id of one of its panels: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}`,
  );
}

/** Alerts carry a known severity, a summary and a runbook; durations, names and labels are valid. */
export const alertRules: ValidationRule = {
  name: 'alert-rules',
  check(context) {
    for (const group of context.registry.byKind('AlertRuleGroup')) checkGroup(context, group);
  },
};

/** Grafana up to 11.x refuses two rules with the same title in one folder, even in different groups. */
export const uniqueRuleTitles: ValidationRule = {
  name: 'unique-rule-title',
  check(context) {
    const first = new Map<string, { group: ResourceOf<'AlertRuleGroup'>; index: number }>();
    for (const group of context.registry.byKind('AlertRuleGroup')) {
      group.spec.rules.forEach((rule, index) => {
        const key = `${group.spec.folderUid}\u0000${rule.title}`;
        const earlier = first.get(key);
        if (earlier === undefined) {
          first.set(key, { group, index });
          return;
        }
        context.report(
          group,
          at(at('rules', index), rule.record === undefined ? 'name' : 'record'),
          `rule title ${show(rule.title)} is already used in folder ${show(group.spec.folderUid)} by AlertRuleGroup/${earlier.group.uid} rules[${earlier.index}] (${earlier.group.source})`,
          'Rename one of them or move one group to another folder; Grafana 10 and 11 reject duplicates',
        );
      });
    }
  },
};
