/**
 * The dashboard lint rules (src/validate/rules/dashboard-lint.ts), each shown failing with its exact message and
 * passing once the dashboard does what the message says; the repository's own dashboards pass them all.
 */
import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import type { Panel, VariableModel } from '@grafana/grafana-foundation-sdk/dashboard';
import { describe, expect, it } from 'vitest';
import { buildValidated } from '../../src/commands/render.ts';
import { ValidationError } from '../../src/core/errors.ts';
import {
  datasourceVariable,
  defineDashboard,
  labelVariable,
  promQuery,
  serviceVariable,
  stackDashboard,
  statPanel,
  tablePanel,
  textPanel,
  timeseriesPanel,
} from '../../src/index.ts';
import { formatProblem } from '../../src/validate/problem.ts';
import { at, baseDefinitions, fixtureProject } from '../fixtures/project.ts';

function problemsOf(
  panels: readonly Builder<Panel>[],
  variables: readonly Builder<VariableModel>[] = [],
): string[] {
  const builder = stackDashboard({ title: 'Lint', description: 'x', tags: [] }).withVariable(
    datasourceVariable('prometheus', 'prom'),
  );
  for (const v of variables) builder.withVariable(v);
  for (const p of panels) builder.withPanel(p);
  const defs = baseDefinitions();
  defs.lint = at(
    'dashboards/lint.ts',
    defineDashboard({ uid: 'lint', folderUid: 'services', dashboard: builder }),
  );
  try {
    buildValidated(fixtureProject(defs));
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    // The panels read made-up metrics (x, x_total): the catalogue check has its own tests (test/catalogue).
    return error.problems
      .filter((p) => !p.problem.includes('not in the metric catalogue'))
      .map(formatProblem);
  }
}

function series(title: string, expr: string, unit = 'reqps'): Builder<Panel> {
  return timeseriesPanel({ title, description: 'x', unit, queries: [promQuery(expr)] });
}

const instance = labelVariable({
  name: 'instance',
  label: 'Node',
  labelName: 'instance',
  series: 'node_uname_info{job="node-exporter"}',
});

describe('dashboard lint', () => {
  it('datasource-variable: a query on a fixed data source uid', () => {
    const fixed = timeseriesPanel({
      title: 'Fixed',
      description: 'x',
      unit: 'short',
      queries: [promQuery('up', { datasource: { type: 'prometheus', uid: 'prom' } })],
    });
    expect(problemsOf([fixed])).toEqual([
      `dashboards/lint.ts Dashboard/lint panels[0].targets[0].datasource: panel "Fixed" queries prometheus data source "prom" by its uid, so the dashboard cannot be pointed at another prometheus. Query through the dashboard's data source variable: declare it with datasourceVariable('prometheus', …) and leave the query's datasource option out.`,
    ]);
    expect(problemsOf([series('Variable', 'up', 'short')])).toEqual([]);
  });

  it('rate-interval: rate(), irate() and increase() over a fixed window', () => {
    expect(
      problemsOf([
        series('Rate', 'sum(rate(x_total[5m]))'),
        series('Irate', 'irate(x_total[$__range])'),
        series('Increase', 'increase(x_total[1h])', 'short'),
      ]),
    ).toEqual([
      'dashboards/lint.ts Dashboard/lint panels[0].targets[0].expr: panel "Rate" takes rate() over [5m]: a fixed window leaves gaps when zoomed out and misses samples when the scrape interval changes. Use [$__rate_interval].',
      'dashboards/lint.ts Dashboard/lint panels[1].targets[0].expr: panel "Irate" takes irate() over [$__range]: a fixed window leaves gaps when zoomed out and misses samples when the scrape interval changes. Use [$__rate_interval].',
      'dashboards/lint.ts Dashboard/lint panels[2].targets[0].expr: panel "Increase" takes increase() over [1h]: a fixed window leaves gaps when zoomed out and misses samples when the scrape interval changes. Use [$__rate_interval], or [$__range] for the total over the selected time range.',
    ]);
    expect(
      problemsOf([
        series('Rate', 'sum(rate(x_total[$__rate_interval]))'),
        series('Total', 'sum(increase(x_total[${__range}]))', 'short'),
        series('Window', 'max_over_time(x[1h]) and predict_linear(y[6h], 3600)', 'short'),
      ]),
    ).toEqual([]);
  });

  it('table-unit: a table of PromQL results without a unit', () => {
    const bare = tablePanel({ title: 'Routes', description: 'x', queries: [promQuery('sum by (r) (x)')] });
    expect(problemsOf([bare])).toEqual([
      'dashboards/lint.ts Dashboard/lint panels[0].fieldConfig.defaults.unit: panel "Routes" (table) shows query results without a unit. Set the unit of its numbers, or one per value column (tablePanel columns).',
    ]);
    const columns = tablePanel({
      title: 'Routes',
      description: 'x',
      columns: [
        { title: 'a', unit: 'reqps' },
        { title: 'b', unit: 's' },
      ],
      queries: [promQuery('sum by (r) (x)'), promQuery('sum by (r) (y)')],
    });
    const alerts = tablePanel({
      title: 'Alerts',
      description: 'x',
      queries: [promQuery('ALERTS{alertstate="firing"}')],
    });
    expect(problemsOf([columns, alerts])).toEqual([]);
  });

  it('picker-applies: a query on the series a picker is made from, without the picker', () => {
    expect(
      problemsOf(
        [
          series('Load', 'node_load1{job="node-exporter"}', 'short'),
          series('Filtered', 'node_load1{job="node-exporter", instance=~"$instance"}', 'short'),
          series('Other job', 'up{job="prometheus"}', 'short'),
        ],
        [instance],
      ),
    ).toEqual([
      'dashboards/lint.ts Dashboard/lint panels[0].targets[0].expr: panel "Load" selects job="node-exporter" without instance=~"$instance", so the "Node" picker does not apply to it. Add instance=~"$instance" to that selector, e.g. metric(name, selector, { instance: re(\'$instance\') }).',
    ]);
  });

  it('picker-applies: a picker made from a metric covers its whole histogram family', () => {
    expect(
      problemsOf(
        [
          series(
            'P95',
            'histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket[$__rate_interval])))',
            's',
          ),
          series(
            'Rate',
            'sum(rate(http_server_request_duration_seconds_count{service_name=~"$service"}[$__rate_interval]))',
          ),
        ],
        [serviceVariable('http_server_request_duration_seconds_count')],
      ),
    ).toEqual([
      'dashboards/lint.ts Dashboard/lint panels[0].targets[0].expr: panel "P95" selects http_server_request_duration_seconds* without service_name=~"$service", so the "Service" picker does not apply to it. Add service_name=~"$service" to that selector, e.g. metric(name, selector, { service_name: re(\'$service\') }).',
    ]);
  });

  it('picker-applies: a picker no query uses', () => {
    expect(problemsOf([series('Up', 'up{job="prometheus"}', 'short')], [instance])).toEqual([
      'dashboards/lint.ts Dashboard/lint templating.list[1]: the $instance picker is used by no query, so choosing a value changes nothing. Use $instance in the queries it should filter, or remove the variable.',
    ]);
  });

  it('panel-description: a panel without a description or a title; text panels need none', () => {
    const undescribed = statPanel({ title: 'Bare', description: '', unit: 's', queries: [promQuery('up')] });
    const untitled = statPanel({ title: '', description: 'x', unit: 's', queries: [promQuery('up')] });
    const note = textPanel({ title: 'Read me', content: 'Hello' });
    expect(problemsOf([undescribed, untitled, note])).toEqual([
      'dashboards/lint.ts Dashboard/lint panels[0].description: panel "Bare" (stat) has no description. Say what it shows and what good looks like; it is the panel’s (i) tooltip.',
      'dashboards/lint.ts Dashboard/lint panels[1].title: panel panels[1] (stat) has no title. Give it a title.',
    ]);
  });

  it('leaves queries that do not parse to the query-syntax rule', () => {
    expect(problemsOf([series('Broken', 'sum(rate(x_total[5m])')])).toEqual([
      expect.stringMatching(
        /^dashboards\/lint\.ts Dashboard\/lint panels\[0\]\.targets\[0\]\.expr: PromQL does not parse/,
      ),
    ]);
  });
});
