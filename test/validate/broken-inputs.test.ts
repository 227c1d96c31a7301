import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import type { DashboardBuilder, Panel, VariableModel } from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderProject } from '../../src/commands/render.ts';
import { ValidationError } from '../../src/core/errors.ts';
import type { SecretRef } from '../../src/core/secret.ts';
import type { Definition } from '../../src/define/definition.ts';
import type {
  AlertInput,
  AlertRuleGroupInput,
  NotificationPolicyTreeSpec,
  RouteSpec,
} from '../../src/index.ts';
import {
  dashboardLink,
  labelVariable,
  policyTreeFromSeverities,
  logsPanel,
  lokiQuery,
  tablePanel,
  tempoQuery,
  datasourceVariable,
  defineAlertRuleGroup,
  defineContactPoint,
  defineDashboard,
  defineDataSource,
  defineNotificationPolicyTree,
  promQuery,
  secret,
  stackDashboard,
  timeseriesPanel,
} from '../../src/index.ts';
import { formatProblem } from '../../src/validate/problem.ts';
import {
  alertGroupInput,
  at,
  baseDefinitions,
  configSet,
  dashboardInput,
  fixtureProject,
  folder,
} from '../fixtures/project.ts';

type Defs = Record<string, Definition>;

interface Case {
  readonly name: string;
  readonly breakIt: (defs: Defs) => void;
  /** Every problem expected, as `<file> <ref> <path>`; no other problem may appear. */
  readonly expected: readonly string[];
}

interface DashboardOptions {
  readonly folderUid?: string;
  /** Leave out the Prometheus data source variable the kit's queries use. */
  readonly withoutVariable?: boolean;
  readonly variables?: readonly Builder<VariableModel>[];
}

/** A dashboard of the given panels, with the `$datasource` variable (default on `prom`). */
function dashboardOf(
  uid: string,
  panels: readonly Builder<Panel>[],
  options: DashboardOptions = {},
): Definition {
  const builder = stackDashboard({ title: `Dashboard ${uid}`, description: 'x', tags: [] });
  if (options.withoutVariable !== true) builder.withVariable(datasourceVariable('prometheus', 'prom'));
  for (const variable of options.variables ?? []) builder.withVariable(variable);
  for (const panel of panels) builder.withPanel(panel);
  return defineDashboard({ uid, folderUid: options.folderUid ?? 'services', dashboard: builder });
}

function alert(): AlertInput {
  const first = alertGroupInput().rules[0];
  if (first === undefined || !('name' in first)) throw new Error('the fixture group starts with an alert');
  return first;
}

/** The fixture's generated policy tree with one more route after the severity routes. */
function policyWith(extra: RouteSpec): NotificationPolicyTreeSpec {
  const tree = policyTreeFromSeverities(configSet.resolve().severities, { defaultReceiver: 'mail' });
  return { ...tree, routes: [...(tree.routes ?? []), extra] };
}

/** The fixture group's rules with the first (an alert) replaced. */
function withFirst(first: AlertInput): AlertRuleGroupInput['rules'] {
  return [first, ...alertGroupInput().rules.slice(1)];
}

/** The fixture group's rules with one more at the end. */
function withExtra(extra: AlertInput): AlertRuleGroupInput['rules'] {
  return [...alertGroupInput().rules, extra];
}

function rate(expr: string, unit = 'reqps'): TimeseriesBuilder {
  return timeseriesPanel({ title: 'Rate', description: 'x', unit, queries: [promQuery(expr)] });
}

const cases: readonly Case[] = [
  {
    name: 'a dashboard uid used twice is reported on the second file, citing the first',
    breakIt: (d) => {
      d.copy = at(
        'dashboards/copy.ts',
        defineDashboard({
          ...dashboardInput(),
          dashboard: stackDashboard({ title: 'Other', description: 'x', tags: [] }),
        }),
      );
    },
    expected: ['dashboards/copy.ts Dashboard/red uid'],
  },
  {
    name: 'a uid longer than 40 characters is rejected',
    breakIt: (d) => {
      d.long = at('dashboards/long.ts', dashboardOf('a'.repeat(41), [rate('up')]));
    },
    expected: [`dashboards/long.ts Dashboard/${'a'.repeat(41)} uid`],
  },
  {
    name: 'a uid with characters Grafana rejects is reported',
    breakIt: (d) => {
      d.folder = at('dashboards/folders.ts', folder({ uid: 'my services' }));
      d.services = at('dashboards/folders2.ts', folder({ title: 'Services 2' }));
    },
    expected: ['dashboards/folders.ts Folder/my services uid'],
  },
  {
    name: 'a dashboard in a folder nobody defines is reported at folderUid',
    breakIt: (d) => {
      d.lost = at('dashboards/lost.ts', dashboardOf('lost', [rate('up')], { folderUid: 'nowhere' }));
    },
    expected: ['dashboards/lost.ts Dashboard/lost folderUid'],
  },
  {
    name: 'a rule group in a folder nobody defines is reported at folderUid',
    breakIt: (d) => {
      d.alerts = at('alerts/api.ts', defineAlertRuleGroup({ ...alertGroupInput(), folderUid: 'nowhere' }));
    },
    expected: ['alerts/api.ts AlertRuleGroup/api folderUid'],
  },
  {
    name: 'a panel query on an unknown data source uid is reported at the target',
    breakIt: (d) => {
      d.bad = at(
        'dashboards/bad.ts',
        dashboardOf('bad', [
          timeseriesPanel({
            title: 'x',
            description: 'x',
            unit: 's',
            queries: [promQuery('up', { datasource: { type: 'prometheus', uid: 'prom-main' } })],
          }),
        ]),
      );
    },
    expected: ['dashboards/bad.ts Dashboard/bad panels[0].targets[0].datasource'],
  },
  {
    name: 'a panel query on an undefined data source variable is reported at the target',
    breakIt: (d) => {
      d.bad = at('dashboards/bad.ts', dashboardOf('bad', [rate('up')], { withoutVariable: true }));
    },
    expected: ['dashboards/bad.ts Dashboard/bad panels[0].targets[0].datasource'],
  },
  {
    name: 'a rule group querying an unknown data source is reported once at datasource.uid',
    breakIt: (d) => {
      d.alerts = at(
        'alerts/api.ts',
        defineAlertRuleGroup({ ...alertGroupInput(), datasource: { uid: 'mimir', type: 'prometheus' } }),
      );
    },
    expected: ['alerts/api.ts AlertRuleGroup/api datasource.uid'],
  },
  {
    name: 'a data source linking to an unknown data source is reported in jsonData',
    breakIt: (d) => {
      d.traces = at(
        'datasources/traces.ts',
        defineDataSource({
          uid: 'traces',
          name: 'Tempo',
          type: 'tempo',
          url: 'http://tempo:3200',
          jsonData: { tracesToLogsV2: { datasourceUid: 'loki-old' } },
        }),
      );
    },
    expected: ['datasources/traces.ts DataSource/traces jsonData.tracesToLogsV2.datasourceUid'],
  },
  {
    name: 'PromQL that does not parse is reported at the target expression',
    breakIt: (d) => {
      d.bad = at(
        'dashboards/bad.ts',
        dashboardOf('bad', [rate('sum(rate(http_requests_total[$__rate_interval])')]),
      );
    },
    expected: ['dashboards/bad.ts Dashboard/bad panels[0].targets[0].expr'],
  },
  {
    name: 'LogQL that does not parse is reported at the target expression',
    breakIt: (d) => {
      const input = dashboardInput();
      d.dashboard = at(
        'dashboards/red.ts',
        defineDashboard({
          ...input,
          dashboard: (input.dashboard as DashboardBuilder).withPanel(
            logsPanel({ title: 'Broken', description: 'x', queries: [lokiQuery('{job="api" |= "error"')] }),
          ),
        }),
      );
    },
    expected: ['dashboards/red.ts Dashboard/red panels[3].targets[0].expr'],
  },
  {
    name: 'TraceQL that does not parse is reported at the target query',
    breakIt: (d) => {
      const input = dashboardInput();
      d.dashboard = at(
        'dashboards/red.ts',
        defineDashboard({
          ...input,
          dashboard: (input.dashboard as DashboardBuilder).withPanel(
            tablePanel({
              title: 'Broken',
              description: 'x',
              queries: [tempoQuery('{ .http.status_code = }')],
            }),
          ),
        }),
      );
    },
    expected: ['dashboards/red.ts Dashboard/red panels[3].targets[0].query'],
  },
  {
    name: 'a rule expression that does not parse is reported at the rule',
    breakIt: (d) => {
      const input = alertGroupInput();
      d.alerts = at(
        'alerts/api.ts',
        defineAlertRuleGroup({ ...input, rules: [{ record: 'job:x:sum', expr: 'sum(x' }, ...input.rules] }),
      );
    },
    expected: ['alerts/api.ts AlertRuleGroup/api rules[0].expr'],
  },
  {
    name: 'a query using a variable the dashboard does not define is reported',
    breakIt: (d) => {
      d.bad = at('dashboards/bad.ts', dashboardOf('bad', [rate('up{job=~"$cluster"}')]));
    },
    expected: ['dashboards/bad.ts Dashboard/bad panels[0].targets[0].expr'],
  },
  {
    name: 'an alert with a severity missing from the Config is reported at severity',
    breakIt: (d) => {
      d.alerts = at(
        'alerts/api.ts',
        defineAlertRuleGroup({
          ...alertGroupInput(),
          rules: withExtra({ ...alert(), name: 'ApiGone', severity: 'urgent' }),
        }),
      );
    },
    expected: ['alerts/api.ts AlertRuleGroup/api rules[3].severity'],
  },
  {
    name: 'an alert without a summary is reported at summary',
    breakIt: (d) => {
      d.alerts = at(
        'alerts/api.ts',
        defineAlertRuleGroup({ ...alertGroupInput(), rules: withFirst({ ...alert(), summary: ' ' }) }),
      );
    },
    expected: ['alerts/api.ts AlertRuleGroup/api rules[0].summary'],
  },
  {
    name: 'an alert without a runbook URL is reported at runbookUrl',
    breakIt: (d) => {
      d.alerts = at(
        'alerts/api.ts',
        defineAlertRuleGroup({ ...alertGroupInput(), rules: withFirst({ ...alert(), runbookUrl: '' }) }),
      );
    },
    expected: ['alerts/api.ts AlertRuleGroup/api rules[0].runbookUrl'],
  },
  {
    name: 'an alert with a for that is not a duration is reported at for',
    breakIt: (d) => {
      d.alerts = at(
        'alerts/api.ts',
        defineAlertRuleGroup({ ...alertGroupInput(), rules: withFirst({ ...alert(), for: '5 minutes' }) }),
      );
    },
    expected: ['alerts/api.ts AlertRuleGroup/api rules[0].for'],
  },
  {
    name: 'a group interval that is not a multiple of 10s is reported at interval',
    breakIt: (d) => {
      d.alerts = at('alerts/api.ts', defineAlertRuleGroup({ ...alertGroupInput(), interval: '45s' }));
    },
    expected: ['alerts/api.ts AlertRuleGroup/api interval'],
  },
  {
    name: 'a group interval that is not a duration is reported at interval',
    breakIt: (d) => {
      d.alerts = at(
        'alerts/api.ts',
        defineAlertRuleGroup({ ...alertGroupInput(), interval: 'every minute' }),
      );
    },
    expected: ['alerts/api.ts AlertRuleGroup/api interval'],
  },
  {
    name: 'overlapping panels are reported at the second panel',
    breakIt: (d) => {
      d.bad = at(
        'dashboards/bad.ts',
        dashboardOf('bad', [
          rate('up').gridPos({ x: 0, y: 0, w: 12, h: 8 }),
          rate('up').gridPos({ x: 6, y: 4, w: 12, h: 8 }),
        ]),
      );
    },
    expected: ['dashboards/bad.ts Dashboard/bad panels[1].gridPos'],
  },
  {
    name: 'a panel running past the 24-column grid is reported',
    breakIt: (d) => {
      d.bad = at('dashboards/bad.ts', dashboardOf('bad', [rate('up').gridPos({ x: 20, y: 0, w: 8, h: 8 })]));
    },
    expected: ['dashboards/bad.ts Dashboard/bad panels[0].gridPos'],
  },
  {
    name: 'a time series without a unit is reported at fieldConfig.defaults.unit',
    breakIt: (d) => {
      d.bad = at('dashboards/bad.ts', dashboardOf('bad', [rate('up', '')]));
    },
    expected: ['dashboards/bad.ts Dashboard/bad panels[0].fieldConfig.defaults.unit'],
  },
  {
    name: 'a refresh that is not a duration is reported',
    breakIt: (d) => {
      const builder = stackDashboard({ title: 'Refresh', description: 'x', tags: [], refresh: 'often' });
      d.bad = at(
        'dashboards/bad.ts',
        defineDashboard({ uid: 'bad', folderUid: 'services', dashboard: builder }),
      );
    },
    expected: ['dashboards/bad.ts Dashboard/bad refresh'],
  },
  {
    name: 'a link to a dashboard the repository does not define is reported',
    breakIt: (d) => {
      const builder = stackDashboard({ title: 'Links', description: 'x', tags: [] }).link(
        dashboardLink('Gone', 'gone'),
      );
      d.bad = at(
        'dashboards/bad.ts',
        defineDashboard({ uid: 'bad', folderUid: 'services', dashboard: builder }),
      );
    },
    expected: ['dashboards/bad.ts Dashboard/bad links[0].url'],
  },
  {
    name: 'a secret written literally in a contact point is reported',
    breakIt: (d) => {
      d.pager = at(
        'alerts/contact-points.ts',
        defineContactPoint({
          uid: 'pager',
          name: 'pager',
          type: 'pagerduty',
          // A literal where a secret('ENV') belongs, as plain JavaScript content could write it.
          settings: { integrationKey: 'abc123' as unknown as SecretRef },
        }),
      );
    },
    expected: ['alerts/contact-points.ts ContactPoint/pager settings.integrationKey'],
  },
  {
    name: 'a secret placed in a dashboard is reported',
    breakIt: (d) => {
      const built = stackDashboard({ title: 'Secret', description: 'x', tags: [] }).build();
      d.bad = at(
        'dashboards/bad.ts',
        defineDashboard({
          uid: 'bad',
          folderUid: 'services',
          dashboard: { ...built, description: secret('X') as unknown as string },
        }),
      );
    },
    expected: ['dashboards/bad.ts Dashboard/bad description'],
  },
  {
    name: 'a route to a receiver that is not a contact point is reported',
    breakIt: (d) => {
      d.policy = at('alerts/routing.ts', defineNotificationPolicyTree(policyWith({ receiver: 'opsgenie' })));
    },
    expected: ['alerts/routing.ts NotificationPolicyTree/root routes[2].receiver'],
  },
  {
    name: 'a route muted by an undefined time interval, and a timer that is not a duration, are both reported',
    breakIt: (d) => {
      d.policy = at(
        'alerts/routing.ts',
        defineNotificationPolicyTree(
          policyWith({ receiver: 'chat', group_wait: 'soon', mute_time_intervals: ['weekends'] }),
        ),
      );
    },
    expected: [
      'alerts/routing.ts NotificationPolicyTree/root routes[2].group_wait',
      'alerts/routing.ts NotificationPolicyTree/root routes[2].mute_time_intervals[0]',
    ],
  },
  {
    name: 'a severity of the Config that no route sends to its receiver is reported, and so is the unused contact point',
    breakIt: (d) => {
      d.policy = at(
        'alerts/routing.ts',
        defineNotificationPolicyTree({
          receiver: 'mail',
          routes: [{ receiver: 'chat', object_matchers: [['severity', '=', 'warning']] }],
        }),
      );
    },
    expected: [
      'alerts/contact-points.ts ContactPoint/pager name',
      'alerts/routing.ts NotificationPolicyTree/root routes',
    ],
  },
  {
    name: 'a route matching a label value no alert carries is reported at the matcher',
    breakIt: (d) => {
      d.policy = at(
        'alerts/routing.ts',
        defineNotificationPolicyTree(
          policyWith({ receiver: 'chat', object_matchers: [['team', '=', 'db']] }),
        ),
      );
    },
    expected: ['alerts/routing.ts NotificationPolicyTree/root routes[2].object_matchers[0]'],
  },
  {
    name: 'a dashboard with the uid of a folder is reported (Grafana shares the uid space)',
    breakIt: (d) => {
      d.bad = at('dashboards/bad.ts', dashboardOf('services', [rate('up')]));
    },
    expected: ['dashboards/bad.ts Dashboard/services uid'],
  },
  {
    name: 'a dashboard titled like a folder is reported (Grafana 10 and 11.2 refuse it)',
    breakIt: (d) => {
      const builder = stackDashboard({ title: 'Services', description: 'x', tags: [] });
      d.bad = at(
        'dashboards/bad.ts',
        defineDashboard({ uid: 'bad', folderUid: 'services', dashboard: builder }),
      );
    },
    expected: ['dashboards/bad.ts Dashboard/bad title'],
  },
  {
    name: 'two data sources with one name are reported on the second',
    breakIt: (d) => {
      d.logs = at(
        'datasources/logs.ts',
        defineDataSource({ uid: 'logs', name: 'Prometheus', type: 'loki', url: 'http://loki:3100' }),
      );
    },
    expected: ['datasources/logs.ts DataSource/logs name'],
  },
  {
    name: 'a variable query that does not parse is reported at the variable',
    breakIt: (d) => {
      d.bad = at(
        'dashboards/bad.ts',
        dashboardOf('bad', [rate('up')], {
          variables: [labelVariable({ name: 'job', labelName: 'job', series: 'up{job=' })],
        }),
      );
    },
    expected: ['dashboards/bad.ts Dashboard/bad templating.list[1].query'],
  },
  {
    name: 'problems in several files are all reported at once, sorted by file',
    breakIt: (d) => {
      d.alerts = at(
        'alerts/api.ts',
        defineAlertRuleGroup({
          ...alertGroupInput(),
          rules: withExtra({ ...alert(), name: 'ApiGone', severity: 'page', runbookUrl: 'runbook' }),
        }),
      );
      d.bad = at('dashboards/bad.ts', dashboardOf('bad-uid!', [rate('rate(x[5m]'), rate('up', '')]));
      d.logs = at(
        'datasources/logs.ts',
        defineDataSource({
          uid: 'logs',
          name: 'Loki',
          type: 'loki',
          url: 'http://loki:3100',
          jsonData: { password: 'hunter2' },
        }),
      );
    },
    expected: [
      'alerts/api.ts AlertRuleGroup/api rules[3].runbookUrl',
      'alerts/api.ts AlertRuleGroup/api rules[3].severity',
      'dashboards/bad.ts Dashboard/bad-uid! panels[0].targets[0].expr',
      'dashboards/bad.ts Dashboard/bad-uid! panels[1].fieldConfig.defaults.unit',
      'dashboards/bad.ts Dashboard/bad-uid! uid',
      'datasources/logs.ts DataSource/logs jsonData.password',
    ],
  },
  {
    name: 'dashboard lint: a fixed data source, a fixed rate window and a panel without a description, each at its field',
    breakIt: (d) => {
      d.bad = at(
        'dashboards/bad.ts',
        dashboardOf('bad', [
          timeseriesPanel({
            title: 'Fixed',
            description: 'x',
            unit: 'short',
            queries: [promQuery('up', { datasource: { type: 'prometheus', uid: 'prom' } })],
          }),
          rate('sum(rate(http_requests_total[5m]))'),
          timeseriesPanel({ title: 'Bare', description: '', unit: 's', queries: [promQuery('up')] }),
        ]),
      );
    },
    expected: [
      'dashboards/bad.ts Dashboard/bad panels[0].targets[0].datasource',
      'dashboards/bad.ts Dashboard/bad panels[1].targets[0].expr',
      'dashboards/bad.ts Dashboard/bad panels[2].description',
    ],
  },
  {
    name: 'dashboard lint: a table without a unit, a picker a query ignores and a picker nobody uses',
    breakIt: (d) => {
      d.bad = at(
        'dashboards/bad.ts',
        dashboardOf(
          'bad',
          [
            tablePanel({ title: 'Table', description: 'x', queries: [promQuery('sum by (job) (up)')] }),
            rate('sum(rate(http_requests_total{job="api"}[$__rate_interval]))'),
            rate('up{job="api", instance=~"$instance"}', 'short'),
          ],
          {
            variables: [
              labelVariable({ name: 'instance', labelName: 'instance', series: 'up{job="api"}' }),
              labelVariable({ name: 'unused', labelName: 'pod', series: 'kube_pod_info' }),
            ],
          },
        ),
      );
    },
    expected: [
      'dashboards/bad.ts Dashboard/bad panels[0].fieldConfig.defaults.unit',
      'dashboards/bad.ts Dashboard/bad panels[1].targets[0].expr',
      'dashboards/bad.ts Dashboard/bad templating.list[2]',
    ],
  },
];

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'gsac-broken-'));
});
afterEach(() => {
  rmSync(out, { recursive: true, force: true });
});

describe('broken inputs', () => {
  it('the base fixture is valid', () => {
    const result = renderProject(fixtureProject(), { outDir: out, check: false });
    expect(result.files).toBeGreaterThan(10);
  });

  it.each(cases)('$name', ({ breakIt, expected }) => {
    const defs = baseDefinitions();
    breakIt(defs);
    let caught: unknown;
    try {
      renderProject(fixtureProject(defs), { outDir: out });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const problems = (caught as ValidationError).problems;
    const where = problems.map((p) => [p.file, p.ref, p.path].filter((x) => x !== undefined).join(' '));
    expect(where, problems.map(formatProblem).join('\n')).toEqual(expected);
    for (const p of problems) {
      expect(p.problem.length).toBeGreaterThan(0);
      expect(p.fix.length).toBeGreaterThan(0);
    }
    expect(readdirSync(out)).toEqual([]);
  });
});
