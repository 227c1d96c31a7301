import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import type { DashboardBuilder, Panel, VariableModel } from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/exit-codes.ts';
import { buildProject } from '../../src/project/project.ts';
import { publishProject } from '../../src/publish/publish.ts';
import { secretsNeeded } from '../../src/publish/secrets.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';
import { renderProject } from '../../src/commands/render.ts';
import { ValidationError } from '../../src/core/errors.ts';
import type { SecretRef } from '../../src/core/secret.ts';
import type { Definition } from '../../src/define/definition.ts';
import type {
  AlertInput,
  AlertRuleGroupInput,
  ContactPointInput,
  NotificationPolicyTreeSpec,
  RouteSpec,
} from '../../src/index.ts';
import {
  asDashboard,
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
  defineMuteTiming,
  defineNotificationPolicyTree,
  defineNotificationTemplate,
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
  FIXTURE_METRICS,
  fixtureProject,
  folder,
} from '../fixtures/project.ts';

type Defs = Record<string, Definition>;

interface Case {
  readonly name: string;
  readonly breakIt: (defs: Defs) => void;
  /**
   * Every problem expected, as `<file> <ref> <path>` and a distinctive part of its message; no other problem may
   * appear.
   */
  readonly expected: readonly (readonly [where: string, message: string])[];
  /** A distinctive part of the first problem's fix. */
  readonly fix?: string;
  /** Config fields replacing the fixture's. */
  readonly config?: Record<string, unknown>;
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

/** The fixture's rule group with its first alert changed by `patch`. */
function withFirstAlert(patch: Partial<AlertInput>): Definition {
  const input = alertGroupInput();
  const [first, ...rest] = input.rules;
  return defineAlertRuleGroup({ ...input, rules: [{ ...(first as AlertInput), ...patch }, ...rest] });
}

/**
 * The `chat` contact point (the warning route's receiver) as another type, of a kind the typed builder does not
 * offer: as plain JavaScript content could define it.
 */
function chatOfType(type: string, settings: Record<string, unknown>): Definition {
  return at(
    'alerts/contact-points.ts',
    defineContactPoint({ uid: 'chat', name: 'chat', type, settings } as unknown as ContactPointInput),
  );
}

/** A contact point outside the routing tree, of any type (as plain JavaScript content could define it). */
function otherContactPoint(uid: string, type: string, settings: Record<string, unknown>): Definition {
  return at(
    'alerts/contact-points.ts',
    defineContactPoint({ uid, name: uid, type, settings } as unknown as ContactPointInput),
  );
}

/** Contact point types without an Alertmanager twin, each missing a setting Grafana requires. */
const missingRequired: readonly (readonly [
  type: string,
  settings: Record<string, unknown>,
  missing: string,
])[] = [
  ['teams', {}, 'url'],
  ['discord', { title: 'x' }, 'url'],
  ['googlechat', {}, 'url'],
  ['opsgenie', { message: 'x' }, 'apiKey'],
  ['telegram', { bottoken: secret('TELEGRAM_BOT_TOKEN') }, 'chatid'],
  ['telegram', { chatid: '-1001' }, 'bottoken'],
];

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
    expected: [
      [
        'dashboards/copy.ts Dashboard/red uid',
        'uid "red" is already used by the Dashboard defined in dashboards/red.ts',
      ],
    ],
  },
  {
    name: 'a uid longer than 40 characters is rejected',
    breakIt: (d) => {
      d.long = at('dashboards/long.ts', dashboardOf('a'.repeat(41), [rate('up')]));
    },
    expected: [
      [
        `dashboards/long.ts Dashboard/${'a'.repeat(41)} uid`,
        'uid is 41 characters long; Grafana allows at most 40',
      ],
    ],
  },
  {
    name: 'a uid with characters Grafana rejects is reported',
    breakIt: (d) => {
      d.folder = at('dashboards/folders.ts', folder({ uid: 'my services' }));
      d.services = at('dashboards/folders2.ts', folder({ title: 'Services 2' }));
    },
    expected: [
      ['dashboards/folders.ts Folder/my services uid', 'uid contains characters Grafana rejects: " "'],
    ],
  },
  {
    name: 'a dashboard in a folder nobody defines is reported at folderUid',
    breakIt: (d) => {
      d.lost = at('dashboards/lost.ts', dashboardOf('lost', [rate('up')], { folderUid: 'nowhere' }));
    },
    expected: [['dashboards/lost.ts Dashboard/lost folderUid', 'unknown folder "nowhere"']],
  },
  {
    name: 'a rule group in a folder nobody defines is reported at folderUid',
    breakIt: (d) => {
      d.alerts = at('alerts/api.ts', defineAlertRuleGroup({ ...alertGroupInput(), folderUid: 'nowhere' }));
    },
    expected: [['alerts/api.ts AlertRuleGroup/api folderUid', 'unknown folder "nowhere"']],
  },
  {
    name: 'an alert linking a dashboard without a panel id is reported (Grafana refuses the group)',
    breakIt: (d) => {
      d.alerts = at('alerts/api.ts', withFirstAlert({ annotations: { __dashboardUid__: 'red' } }));
    },
    expected: [
      [
        'alerts/api.ts AlertRuleGroup/api rules[0].dashboard',
        'the dashboard link has dashboard "red" but no panel id',
      ],
    ],
  },
  {
    name: 'an alert with a panel id that is not an integer is reported',
    breakIt: (d) => {
      d.alerts = at(
        'alerts/api.ts',
        withFirstAlert({ annotations: { __dashboardUid__: 'red', __panelId__: 'two' } }),
      );
    },
    expected: [
      ['alerts/api.ts AlertRuleGroup/api rules[0].dashboard.panelId', 'panel id "two" is not an integer'],
    ],
  },
  {
    name: 'an alert linking a panel its dashboard does not have is reported with the panels it has',
    breakIt: (d) => {
      d.alerts = at('alerts/api.ts', withFirstAlert({ dashboard: { uid: 'red', panelId: 9 } }));
    },
    expected: [
      [
        'alerts/api.ts AlertRuleGroup/api rules[0].dashboard.panelId',
        'Dashboard/red (dashboards/red.ts) has no panel with id 9',
      ],
    ],
  },
  {
    name: 'a folder below four levels of subfolders is reported (Grafana 10.3+: MaxNestedFolderDepth = 4)',
    breakIt: (d) => {
      let parent = 'services';
      for (const uid of ['l2', 'l3', 'l4', 'l5', 'l6']) {
        d[uid] = at('dashboards/folders.ts', folder({ uid, title: uid, parentUid: parent }));
        parent = uid;
      }
    },
    expected: [
      [
        'dashboards/folders.ts Folder/l6 parentUid',
        'folder has 5 folders above it; Grafana allows at most 4 levels of subfolders',
      ],
    ],
  },
  {
    name: 'a template whose define block starts with {{- is reported: Grafana wraps it again and refuses the nested define',
    breakIt: (d) => {
      d.template = at(
        'alerts/templates.ts',
        defineNotificationTemplate({ name: 'stack', template: '{{- define "stack.title" }}x{{- end }}' }),
      );
    },
    expected: [
      ['alerts/templates.ts NotificationTemplate/stack template', 'its define block starts with "{{-"'],
    ],
  },
  {
    name: 'a template with an action never closed is reported',
    breakIt: (d) => {
      d.template = at(
        'alerts/templates.ts',
        defineNotificationTemplate({
          name: 'stack',
          template: '{{ define "stack.title" }}{{ .Status }}{{ end',
        }),
      );
    },
    expected: [['alerts/templates.ts NotificationTemplate/stack template', 'is never closed']],
  },
  {
    name: 'a contact point of type "alertmanager" is unknown to Grafana, which names it prometheus-alertmanager',
    breakIt: (d) => {
      d.am = otherContactPoint('am', 'alertmanager', { url: 'http://am:9093' });
    },
    expected: [
      ['alerts/contact-points.ts ContactPoint/am name', 'is used by no route'],
      ['alerts/contact-points.ts ContactPoint/am settings', 'has no Alertmanager twin'],
      ['alerts/contact-points.ts ContactPoint/am type', 'unknown contact point type "alertmanager"'],
    ],
  },
  {
    name: 'the type names Grafana gives pass, whatever their case: prometheus-alertmanager, and LINE written line',
    breakIt: (d) => {
      d.am = otherContactPoint('am', 'prometheus-alertmanager', { url: 'http://am:9093' });
      d.line = otherContactPoint('line', 'line', { token: secret('LINE_TOKEN') });
    },
    // No "unknown type": only what any contact point outside the routing tree meets.
    expected: [
      ['alerts/contact-points.ts ContactPoint/am name', 'is used by no route'],
      ['alerts/contact-points.ts ContactPoint/am settings', 'has no Alertmanager twin'],
      ['alerts/contact-points.ts ContactPoint/line name', 'is used by no route'],
      ['alerts/contact-points.ts ContactPoint/line settings', 'has no Alertmanager twin'],
    ],
  },
  {
    name: 'mute timing values Grafana refuses are reported: a weekday typo, a month out of range, an unknown time zone',
    breakIt: (d) => {
      d.maintenance = at(
        'alerts/mute-timings.ts',
        defineMuteTiming({
          name: 'maintenance',
          timeIntervals: [{ weekdays: ['sundy', 'friday:monday'], months: ['13'], location: 'Mars/Olympus' }],
        }),
      );
    },
    expected: [
      [
        'alerts/mute-timings.ts MuteTiming/maintenance time_intervals[0].location',
        'is not a time zone Grafana knows',
      ],
      [
        'alerts/mute-timings.ts MuteTiming/maintenance time_intervals[0].months[0]',
        '"13" is not a valid month range',
      ],
      [
        'alerts/mute-timings.ts MuteTiming/maintenance time_intervals[0].weekdays[0]',
        '"sundy" is not a valid weekday range',
      ],
      [
        'alerts/mute-timings.ts MuteTiming/maintenance time_intervals[0].weekdays[1]',
        'the range ends before it starts',
      ],
    ],
  },
  {
    name: 'weekdays given as one string instead of a list is reported (it would render as letters)',
    breakIt: (d) => {
      d.maintenance = at(
        'alerts/mute-timings.ts',
        defineMuteTiming({
          name: 'maintenance',
          timeIntervals: [{ weekdays: 'sunday' as unknown as string[] }],
        }),
      );
    },
    expected: [
      ['alerts/mute-timings.ts MuteTiming/maintenance time_intervals[0].weekdays', 'weekdays must be a list'],
    ],
  },
  {
    name: 'an alert summary with an unclosed {{ is reported at the annotation',
    breakIt: (d) => {
      d.alerts = at('alerts/api.ts', withFirstAlert({ summary: 'API {{ $labels.instance is down' }));
    },
    expected: [['alerts/api.ts AlertRuleGroup/api rules[0].annotations.summary', 'never closes']],
  },
  {
    name: 'a dashboard title that is not text is a problem, not a crash',
    breakIt: (d) => {
      const input = dashboardInput();
      const model = (input.dashboard as unknown as { build(): Record<string, unknown> }).build();
      d.dashboard = at(
        'dashboards/red.ts',
        defineDashboard({ ...input, dashboard: { ...model, title: 42 } as never }),
      );
    },
    expected: [['dashboards/red.ts Dashboard/red title', 'the title is "42", not text']],
  },
  {
    name: "secret('') is said once, first: no cascade of the routes and checks that miss the contact point",
    breakIt: (d) => {
      d.pager = at(
        'alerts/contact-points.ts',
        defineContactPoint(() => ({
          uid: 'pager',
          name: 'pager',
          type: 'pagerduty',
          settings: { integrationKey: secret('') },
        })),
      );
    },
    expected: [['alerts/contact-points.ts', 'ContactPoint could not be built: secret("")']],
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
    expected: [
      ['dashboards/bad.ts Dashboard/bad panels[0].targets[0].datasource', 'unknown data source "prom-main"'],
    ],
  },
  {
    name: 'a panel query on an undefined data source variable is reported at the target',
    breakIt: (d) => {
      d.bad = at('dashboards/bad.ts', dashboardOf('bad', [rate('up')], { withoutVariable: true }));
    },
    expected: [
      [
        'dashboards/bad.ts Dashboard/bad panels[0].targets[0].datasource',
        'data source variable $datasource is not defined on this dashboard',
      ],
    ],
  },
  {
    name: 'a rule group querying an unknown data source is reported once at datasource.uid',
    breakIt: (d) => {
      d.alerts = at(
        'alerts/api.ts',
        defineAlertRuleGroup({ ...alertGroupInput(), datasource: { uid: 'mimir', type: 'prometheus' } }),
      );
    },
    expected: [['alerts/api.ts AlertRuleGroup/api datasource.uid', 'unknown data source "mimir"']],
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
    expected: [
      [
        'datasources/traces.ts DataSource/traces jsonData.tracesToLogsV2.datasourceUid',
        'unknown data source "loki-old"',
      ],
    ],
  },
  {
    name: 'PromQL that does not parse is reported at the target expression',
    breakIt: (d) => {
      d.bad = at(
        'dashboards/bad.ts',
        dashboardOf('bad', [rate('sum(rate(http_requests_total[$__rate_interval])')]),
      );
    },
    expected: [
      [
        'dashboards/bad.ts Dashboard/bad panels[0].targets[0].expr',
        'PromQL does not parse (after replacing $__ macros and template variables)',
      ],
    ],
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
    expected: [['dashboards/red.ts Dashboard/red panels[3].targets[0].expr', 'LogQL does not parse']],
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
    expected: [['dashboards/red.ts Dashboard/red panels[3].targets[0].query', 'TraceQL does not parse']],
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
    expected: [
      ['alerts/api.ts AlertRuleGroup/api rules[0].expr', 'PromQL does not parse: error at column 6'],
    ],
  },
  {
    name: 'PromQL the grammar accepts but Prometheus refuses (types, function signatures) is reported with a fix',
    breakIt: (d) => {
      d.bad = at(
        'dashboards/bad.ts',
        dashboardOf('bad', [
          rate('rate(http_requests_total)'),
          rate('histogram_quantile(0.9, http_request_duration_seconds_bucket[$__rate_interval])'),
        ]),
      );
      const input = alertGroupInput();
      d.alerts = at(
        'alerts/api.ts',
        defineAlertRuleGroup({
          ...input,
          rules: [{ record: 'job:x:sum', expr: 'http_requests_total[5m] > 1' }, ...input.rules],
        }),
      );
    },
    expected: [
      [
        'alerts/api.ts AlertRuleGroup/api rules[0].expr',
        'PromQL type error at column 1 near "http_requests_total[5m]": binary expression must contain only scalar and instant vector types',
      ],
      [
        'dashboards/bad.ts Dashboard/bad panels[0].targets[0].expr',
        'near "http_requests_total": expected type matrix in call to function "rate", got vector',
      ],
      [
        'dashboards/bad.ts Dashboard/bad panels[1].targets[0].expr',
        'expected type vector in call to function "histogram_quantile", got matrix',
      ],
    ],
  },
  {
    name: 'a metric no component emits and nobody declared is reported with the closest known names',
    breakIt: (d) => {
      d.bad = at(
        'dashboards/bad.ts',
        dashboardOf('bad', [rate('sum(rate(htp_requests_total[$__rate_interval]))')]),
      );
    },
    expected: [
      [
        'dashboards/bad.ts Dashboard/bad panels[0].targets[0].expr',
        'reads htp_requests_total, which is not in the metric catalogue',
      ],
    ],
    fix: 'Closest known: http_requests_total',
  },
  {
    name: 'a declared metric without its source is a Config problem',
    breakIt: () => undefined,
    config: {
      catalogue: {
        metrics: [...FIXTURE_METRICS, { name: 'billing_invoices_total', type: 'counter', source: '' }],
      },
    },
    expected: [['stack.config.ts catalogue.metrics[2].source', 'is missing: say what emits the metric']],
  },
  {
    name: 'variables that depend on each other, and a panel repeated by a variable that does not exist, are errors',
    breakIt: (d) => {
      d.bad = at(
        'dashboards/bad.ts',
        defineDashboard({
          uid: 'bad',
          folderUid: 'services',
          imported: true,
          dashboard: asDashboard({
            title: 'Bad',
            templating: {
              list: [
                {
                  name: 'a',
                  type: 'query',
                  datasource: { type: 'prometheus', uid: 'prom' },
                  query: 'label_values(up{x="$b"}, a)',
                },
                {
                  name: 'b',
                  type: 'query',
                  datasource: { type: 'prometheus', uid: 'prom' },
                  query: 'label_values(up{x="$a"}, b)',
                },
              ],
            },
            panels: [
              {
                type: 'text',
                title: 'Per host',
                gridPos: { x: 0, y: 0, w: 12, h: 4 },
                repeat: 'host',
                options: { content: 'x' },
              },
              {
                type: 'text',
                title: 'Per a',
                gridPos: { x: 12, y: 0, w: 12, h: 4 },
                repeat: 'a',
                options: { content: 'x' },
              },
            ],
          }),
        }),
      );
    },
    expected: [
      [
        'dashboards/bad.ts Dashboard/bad panels[0].repeat',
        'panel "Per host" repeats by $host, which is not a variable of this dashboard',
      ],
      [
        'dashboards/bad.ts Dashboard/bad panels[1].repeat',
        'panel "Per a" repeats by $a, which depends on itself',
      ],
      ['dashboards/bad.ts Dashboard/bad templating.list[0]', 'variable $a depends on itself ($a → $b → $a)'],
      ['dashboards/bad.ts Dashboard/bad templating.list[1]', 'variable $b depends on itself ($b → $a → $b)'],
    ],
  },
  {
    name: 'a query using a variable the dashboard does not define is reported',
    breakIt: (d) => {
      d.bad = at('dashboards/bad.ts', dashboardOf('bad', [rate('up{job=~"$cluster"}')]));
    },
    expected: [
      [
        'dashboards/bad.ts Dashboard/bad panels[0].targets[0].expr',
        'uses $cluster, which is not a variable of this dashboard',
      ],
    ],
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
    expected: [
      ['alerts/api.ts AlertRuleGroup/api rules[3].severity', 'alert ApiGone has unknown severity "urgent"'],
    ],
  },
  {
    name: 'an alert without a summary is reported at summary',
    breakIt: (d) => {
      d.alerts = at(
        'alerts/api.ts',
        defineAlertRuleGroup({ ...alertGroupInput(), rules: withFirst({ ...alert(), summary: ' ' }) }),
      );
    },
    expected: [['alerts/api.ts AlertRuleGroup/api rules[0].summary', 'alert ApiDown has no summary']],
  },
  {
    name: 'an alert without a runbook URL is reported at runbookUrl',
    breakIt: (d) => {
      d.alerts = at(
        'alerts/api.ts',
        defineAlertRuleGroup({ ...alertGroupInput(), rules: withFirst({ ...alert(), runbookUrl: '' }) }),
      );
    },
    expected: [['alerts/api.ts AlertRuleGroup/api rules[0].runbookUrl', 'alert ApiDown has no runbook_url']],
  },
  {
    name: 'an alert with a for that is not a duration is reported at for',
    breakIt: (d) => {
      d.alerts = at(
        'alerts/api.ts',
        defineAlertRuleGroup({ ...alertGroupInput(), rules: withFirst({ ...alert(), for: '5 minutes' }) }),
      );
    },
    expected: [['alerts/api.ts AlertRuleGroup/api rules[0].for', '"5 minutes" is not a duration']],
  },
  {
    name: 'a group interval that is not a multiple of 10s is reported at interval',
    breakIt: (d) => {
      d.alerts = at('alerts/api.ts', defineAlertRuleGroup({ ...alertGroupInput(), interval: '45s' }));
    },
    expected: [
      ['alerts/api.ts AlertRuleGroup/api interval', 'interval 45s is not a positive multiple of 10s'],
    ],
  },
  {
    name: 'a group interval that is not a duration is reported at interval',
    breakIt: (d) => {
      d.alerts = at(
        'alerts/api.ts',
        defineAlertRuleGroup({ ...alertGroupInput(), interval: 'every minute' }),
      );
    },
    expected: [['alerts/api.ts AlertRuleGroup/api interval', '"every minute" is not a duration']],
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
    expected: [
      ['dashboards/bad.ts Dashboard/bad panels[1].gridPos', 'panel "Rate" overlaps panel "Rate" (panels[0])'],
    ],
  },
  {
    name: 'a panel running past the 24-column grid is reported',
    breakIt: (d) => {
      d.bad = at('dashboards/bad.ts', dashboardOf('bad', [rate('up').gridPos({ x: 20, y: 0, w: 8, h: 8 })]));
    },
    expected: [
      ['dashboards/bad.ts Dashboard/bad panels[0].gridPos', 'ends at column 28, past the 24-column grid'],
    ],
  },
  {
    name: 'a time series without a unit is reported at fieldConfig.defaults.unit',
    breakIt: (d) => {
      d.bad = at('dashboards/bad.ts', dashboardOf('bad', [rate('up', '')]));
    },
    expected: [
      [
        'dashboards/bad.ts Dashboard/bad panels[0].fieldConfig.defaults.unit',
        'panel "Rate" (timeseries) has no unit',
      ],
    ],
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
    expected: [['dashboards/bad.ts Dashboard/bad refresh', '"often" is not a duration']],
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
    expected: [
      [
        'dashboards/bad.ts Dashboard/bad links[0].url',
        'links to dashboard "gone", which the repository does not define',
      ],
    ],
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
    expected: [
      [
        'alerts/contact-points.ts ContactPoint/pager settings.integrationKey',
        'integrationKey is a secret but is written literally',
      ],
    ],
  },
  {
    name: 'a Slack webhook url written literally is reported once, as a secret problem (the twin does not add one)',
    breakIt: (d) => {
      d.chat = at(
        'alerts/contact-points.ts',
        defineContactPoint({
          uid: 'chat',
          name: 'chat',
          type: 'slack',
          settings: { url: 'https://hooks.slack.com/services/T0/B0/x' as unknown as SecretRef },
        }),
      );
    },
    expected: [
      ['alerts/contact-points.ts ContactPoint/chat settings.url', 'url is a secret but is written literally'],
    ],
  },
  {
    name: 'a Slack contact point posting through the chat API (a token, no webhook url) needs a recipient',
    breakIt: (d) => {
      d.chat = chatOfType('slack', { token: secret('SLACK_BOT_TOKEN') });
    },
    expected: [
      ['alerts/contact-points.ts ContactPoint/chat settings', 'the twin needs a Slack webhook url'],
      [
        'alerts/contact-points.ts ContactPoint/chat settings.recipient',
        'a slack contact point without url needs recipient',
      ],
    ],
  },
  {
    name: 'a WeCom contact point sending as an app (a secret, no webhook url) needs its agent and corporation ids',
    breakIt: (d) => {
      d.chat = chatOfType('wecom', { secret: secret('WECOM_SECRET'), agent_id: '1000002' });
    },
    expected: [
      ['alerts/contact-points.ts ContactPoint/chat settings', 'type wecom has no Alertmanager twin'],
      [
        'alerts/contact-points.ts ContactPoint/chat settings.corp_id',
        'a wecom contact point without url needs corp_id',
      ],
    ],
  },
  ...missingRequired.map(([type, settings, missing]): Case => ({
    name: `${type}: a contact point without ${missing} is reported at it (and for lacking an Alertmanager twin)`,
    breakIt: (d) => {
      d.chat = chatOfType(type, settings);
    },
    expected: [
      ['alerts/contact-points.ts ContactPoint/chat settings', `type ${type} has no Alertmanager twin`],
      [
        `alerts/contact-points.ts ContactPoint/chat settings.${missing}`,
        `a ${type} contact point needs ${missing}`,
      ],
    ],
  })),
  {
    name: 'a secret in a contact point setting Grafana does not encrypt is reported, with the settings it does',
    breakIt: (d) => {
      d.mail = at(
        'alerts/contact-points.ts',
        defineContactPoint({
          uid: 'mail',
          name: 'mail',
          type: 'email',
          settings: { addresses: secret('MAIL_TO') as unknown as string[] },
        }),
      );
      d.chat = at(
        'alerts/contact-points.ts',
        defineContactPoint({
          uid: 'chat',
          name: 'chat',
          type: 'slack',
          settings: { url: secret('SLACK_URL'), recipient: secret('SLACK_CHANNEL') as unknown as string },
        }),
      );
    },
    expected: [
      [
        'alerts/contact-points.ts ContactPoint/chat settings.recipient',
        'Grafana does not encrypt the recipient setting of slack contact points',
      ],
      [
        'alerts/contact-points.ts ContactPoint/mail settings.addresses',
        'Grafana does not encrypt the addresses setting of email contact points',
      ],
    ],
  },
  {
    name: 'credentials in data source jsonData are reported by key, harmless keys are not',
    breakIt: (d) => {
      d.traces = at(
        'datasources/traces.ts',
        defineDataSource({
          uid: 'traces',
          name: 'Tempo',
          type: 'tempo',
          url: 'http://tempo:3200',
          jsonData: {
            tracesToLogsV2: { datasourceUid: 'logs', tags: [{ key: 'k8s.cluster.name', value: 'cluster' }] },
            httpHeaderName1: 'X-Scope-OrgID',
            httpHeaderValue1: 'tenant-a',
            secretKey: 'hunter2',
            accessKey: 'AKIAEXAMPLE',
            tlsClientKey: '-----BEGIN PRIVATE KEY-----',
            tokenUri: 'https://oauth2.example.com/token',
            sortKey: 'name',
          },
        }),
      );
    },
    expected: [
      ['datasources/traces.ts DataSource/traces jsonData.accessKey', 'accessKey looks like a credential'],
      [
        'datasources/traces.ts DataSource/traces jsonData.httpHeaderValue1',
        'httpHeaderValue1 looks like a credential',
      ],
      ['datasources/traces.ts DataSource/traces jsonData.secretKey', 'secretKey looks like a credential'],
      [
        'datasources/traces.ts DataSource/traces jsonData.tlsClientKey',
        'tlsClientKey looks like a credential',
      ],
    ],
  },
  {
    name: 'a data source URL carrying a password is reported without repeating the password',
    breakIt: (d) => {
      d.logs = at(
        'datasources/logs.ts',
        defineDataSource({
          uid: 'logs',
          name: 'Loki',
          type: 'loki',
          url: 'http://grafana:hunter2@loki:3100',
          jsonData: {
            derivedFields: [{ name: 'TraceID', url: 'https://admin:hunter2@tempo.example.com/x' }],
          },
        }),
      );
    },
    expected: [
      [
        'datasources/logs.ts DataSource/logs jsonData.derivedFields[0].url',
        'this URL carries a password (user:password@host)',
      ],
      ['datasources/logs.ts DataSource/logs url', 'the url carries a password (user:password@host)'],
    ],
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
    expected: [['dashboards/bad.ts Dashboard/bad description', 'a secret reference cannot stand here']],
  },
  {
    name: 'a route to a receiver that is not a contact point is reported',
    breakIt: (d) => {
      d.policy = at('alerts/routing.ts', defineNotificationPolicyTree(policyWith({ receiver: 'opsgenie' })));
    },
    expected: [
      [
        'alerts/routing.ts NotificationPolicyTree/root routes[2].receiver',
        'receiver "opsgenie" is not a contact point',
      ],
    ],
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
      ['alerts/routing.ts NotificationPolicyTree/root routes[2].group_wait', '"soon" is not a duration'],
      [
        'alerts/routing.ts NotificationPolicyTree/root routes[2].mute_time_intervals[0]',
        'time interval "weekends" is not defined',
      ],
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
      ['alerts/contact-points.ts ContactPoint/pager name', 'contact point "pager" is used by no route'],
      [
        'alerts/routing.ts NotificationPolicyTree/root routes',
        'alerts of severity "critical" reach mail, not "pager"',
      ],
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
    expected: [
      [
        'alerts/routing.ts NotificationPolicyTree/root routes[2].object_matchers[0]',
        'no alert of the repository carries the label "team"',
      ],
    ],
  },
  {
    name: 'a dashboard with the uid of a folder is reported (Grafana shares the uid space)',
    breakIt: (d) => {
      d.bad = at('dashboards/bad.ts', dashboardOf('services', [rate('up')]));
    },
    expected: [
      [
        'dashboards/bad.ts Dashboard/services uid',
        'uid "services" is the uid of the folder defined in dashboards/folders.ts',
      ],
    ],
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
    expected: [
      ['dashboards/bad.ts Dashboard/bad title', 'title "Services" is also the title of Folder/services'],
    ],
  },
  {
    name: 'two data sources with one name are reported on the second',
    breakIt: (d) => {
      d.logs = at(
        'datasources/logs.ts',
        defineDataSource({ uid: 'logs', name: 'Prometheus', type: 'loki', url: 'http://loki:3100' }),
      );
    },
    expected: [
      ['datasources/logs.ts DataSource/logs name', 'name "Prometheus" is already used by DataSource/prom'],
    ],
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
    expected: [
      [
        'dashboards/bad.ts Dashboard/bad templating.list[1].query',
        'PromQL does not parse (after replacing $__ macros and template variables): error at column 8, at the end of the query',
      ],
    ],
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
      ['alerts/api.ts AlertRuleGroup/api rules[3].runbookUrl', 'runbook_url "runbook" is not an http(s) URL'],
      ['alerts/api.ts AlertRuleGroup/api rules[3].severity', 'alert ApiGone has unknown severity "page"'],
      ['dashboards/bad.ts Dashboard/bad-uid! panels[0].targets[0].expr', 'PromQL does not parse'],
      [
        'dashboards/bad.ts Dashboard/bad-uid! panels[1].fieldConfig.defaults.unit',
        'panel "Rate" (timeseries) has no unit',
      ],
      ['dashboards/bad.ts Dashboard/bad-uid! uid', 'uid contains characters Grafana rejects: "!"'],
      ['datasources/logs.ts DataSource/logs jsonData.password', 'password looks like a credential'],
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
      [
        'dashboards/bad.ts Dashboard/bad panels[0].targets[0].datasource',
        'panel "Fixed" queries prometheus data source "prom" by its uid',
      ],
      ['dashboards/bad.ts Dashboard/bad panels[1].targets[0].expr', 'panel "Rate" takes rate() over [5m]'],
      [
        'dashboards/bad.ts Dashboard/bad panels[2].description',
        'panel "Bare" (timeseries) has no description',
      ],
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
      [
        'dashboards/bad.ts Dashboard/bad panels[0].fieldConfig.defaults.unit',
        'panel "Table" (table) shows query results without a unit',
      ],
      [
        'dashboards/bad.ts Dashboard/bad panels[1].targets[0].expr',
        'panel "Rate" selects job="api" without instance=~"$instance"',
      ],
      ['dashboards/bad.ts Dashboard/bad templating.list[2]', 'the $unused picker is used by no query'],
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
    // One file per resource (12), the Alertmanager twin and its template, and the Prometheus rule file.
    expect(result.files).toBe(15);
  });

  it.each(cases)('$name', ({ breakIt, expected, fix, config }) => {
    const defs = baseDefinitions();
    breakIt(defs);
    let caught: unknown;
    try {
      renderProject(fixtureProject(defs, config), { outDir: out });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const problems = (caught as ValidationError).problems;
    const where = problems.map((p) => [p.file, p.ref, p.path].filter((x) => x !== undefined).join(' '));
    expect(where, problems.map(formatProblem).join('\n')).toEqual(expected.map(([w]) => w));
    problems.forEach((p, i) => {
      expect(p.problem, formatProblem(p)).toContain(expected[i]?.[1]);
      expect(p.fix.length).toBeGreaterThan(0);
      // The secret values these cases write are never repeated back.
      expect(formatProblem(p)).not.toContain('hunter2');
    });
    if (fix !== undefined) expect(problems[0]?.fix).toContain(fix);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('broken inputs published', () => {
  let sim: Simulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(async () => {
    await sim?.close();
  });

  it.each(cases)(
    '$name: publish exits 1 with the same problems, and Grafana receives no write',
    async ({ breakIt, config }) => {
      const defs = baseDefinitions();
      breakIt(defs);
      const project = fixtureProject(defs, config);
      // Every secret the content names, set (so that only the problems stop the run).
      const env = Object.fromEntries(
        [...secretsNeeded(buildProject(project).registry.resources).keys()].map((name) => [
          name,
          `value-of-${name}`,
        ]),
      );
      const s = sim as Simulator;
      const writes = s.requests.countWrites();
      let caught: unknown;
      try {
        await publishProject(project, { url: s.url, auth: { kind: 'token', token: 'broken-inputs' } }, env);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      expect(exitCodeFor(caught)).toBe(1);
      expect((caught as ValidationError).problems.length).toBeGreaterThan(0);
      expect(s.requests.countWrites()).toBe(writes);
    },
  );
});
