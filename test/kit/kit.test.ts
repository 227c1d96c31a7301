import { describe, expect, it } from 'vitest';
import {
  BEYLA_HTTP_SERVER_DURATION,
  availabilityStat,
  configLoadedStat,
  beylaHttpServer,
  dashboardLink,
  datasourceVariable,
  gaugePanel,
  higherIsWorse,
  labelVariable,
  logsPanel,
  lokiQuery,
  metricOf,
  ne,
  promQuery,
  re,
  stackDashboard,
  statPanel,
  sumRateEach,
  tablePanel,
  tempoQuery,
  textPanel,
  timeseriesPanel,
} from '../../src/index.ts';

describe('queries', () => {
  it('point at the dashboard data source variables by default', () => {
    expect(promQuery('up').build()).toMatchObject({
      expr: 'up',
      datasource: { type: 'prometheus', uid: '${datasource}' },
      range: true,
    });
    expect(lokiQuery('{job="x"}').build()).toMatchObject({
      datasource: { type: 'loki', uid: '${loki}' },
      queryType: 'range',
    });
    expect(tempoQuery('{ }').build()).toMatchObject({
      datasource: { type: 'tempo', uid: '${tempo}' },
      queryType: 'traceql',
    });
  });

  it('take instant, legend, refId and a fixed data source', () => {
    expect(
      promQuery('up', {
        instant: true,
        legend: '{{job}}',
        refId: 'Z',
        datasource: { type: 'prometheus', uid: 'p' },
      }).build(),
    ).toMatchObject({
      instant: true,
      range: false,
      legendFormat: '{{job}}',
      refId: 'Z',
      datasource: { uid: 'p' },
    });
  });
});

describe('panels', () => {
  it('time series carry unit, description, a table legend and a shared tooltip', () => {
    const panel = timeseriesPanel({
      title: 'T',
      description: 'd',
      unit: 's',
      queries: [promQuery('up')],
      thresholds: higherIsWorse(1, 2),
      showThresholds: true,
    }).build();
    expect(panel.type).toBe('timeseries');
    expect(panel.description).toBe('d');
    expect(panel.fieldConfig?.defaults.unit).toBe('s');
    expect(panel.options).toMatchObject({
      legend: { displayMode: 'table', showLegend: true },
      tooltip: { mode: 'multi' },
    });
    expect(panel.fieldConfig?.defaults.thresholds?.steps.map((s) => s.value)).toEqual([null, 1, 2]);
  });

  it('stat and gauge reduce to the last value', () => {
    const stat = statPanel({
      title: 'S',
      description: 'd',
      unit: 'percentunit',
      queries: [promQuery('up', { instant: true })],
    }).build();
    const gauge = gaugePanel({
      title: 'G',
      description: 'd',
      unit: 'percentunit',
      min: 0,
      max: 1,
      queries: [],
    }).build();
    expect(stat.options).toMatchObject({ reduceOptions: { calcs: ['lastNotNull'] } });
    expect(gauge.fieldConfig?.defaults).toMatchObject({ unit: 'percentunit', min: 0, max: 1 });
  });

  it('availabilityStat shows 1 - 5xx share over the range, green from the objective, red as far below it', () => {
    const panel = availabilityStat({
      title: 'A',
      description: 'd',
      series: { requests: 'r{job="x"}', errors: 'e{job="x"}' },
      objective: 0.99,
    }).build();
    expect(panel.targets).toMatchObject([
      {
        expr: '1 - (sum (increase(e{job="x"}[$__range])) or sum (increase(r{job="x"}[$__range])) * 0) / sum (increase(r{job="x"}[$__range]))',
        instant: true,
      },
    ]);
    expect(panel.fieldConfig?.defaults).toMatchObject({ unit: 'percentunit', decimals: 3 });
    const steps = panel.fieldConfig?.defaults?.thresholds?.steps ?? [];
    expect(steps.map((step) => step.value)).toEqual([null, 0.98, 0.99]);
  });

  it('configLoadedStat is Yes (green) only when every instance loaded its configuration', () => {
    const panel = configLoadedStat({
      title: 'C',
      description: 'd',
      component: 'alloy',
      series: 'alloy_config_last_load_successful{job="alloy"}',
    }).build();
    expect(panel.targets).toMatchObject([{ expr: 'min(alloy_config_last_load_successful{job="alloy"})' }]);
    expect(panel.fieldConfig?.defaults?.unit).toBe('bool_yes_no');
    expect(panel.fieldConfig?.defaults?.thresholds?.steps).toEqual([
      { color: 'red', value: null },
      { color: 'green', value: 1 },
    ]);
  });

  it('tables merge instant queries; logs show newest first; text is Markdown', () => {
    expect(
      tablePanel({ title: 'T', description: 'd', queries: [] })
        .build()
        .transformations?.map((t) => t.id),
    ).toEqual(['merge', 'organize']);
    expect(logsPanel({ title: 'L', description: 'd', queries: [] }).build().options).toMatchObject({
      sortOrder: 'Descending',
    });
    expect(textPanel({ title: 'N', content: '# hi' }).build().options).toMatchObject({
      mode: 'markdown',
      content: '# hi',
    });
  });
});

describe('variables and dashboards', () => {
  it('data source variables default to the Config uid', () => {
    expect(datasourceVariable('prometheus', 'prom').build()).toMatchObject({
      type: 'datasource',
      name: 'datasource',
      query: 'prometheus',
      current: { value: 'prom' },
    });
  });

  it('label variables query label_values on the Prometheus variable', () => {
    expect(labelVariable({ name: 'job', labelName: 'job', series: 'up' }).build()).toMatchObject({
      type: 'query',
      definition: 'label_values(up, job)',
      datasource: { uid: '${datasource}' },
      includeAll: true,
      allValue: '.+',
    });
  });

  it('dashboards are read-only with a shared crosshair, and links keep time and variables', () => {
    expect(stackDashboard({ title: 'D', description: 'd', tags: ['a'] }).build()).toMatchObject({
      editable: false,
      graphTooltip: 1,
      refresh: '1m',
      tags: ['a'],
    });
    expect(dashboardLink('Other', 'other').build()).toMatchObject({
      url: '/d/other',
      keepTime: true,
      includeVars: true,
    });
  });
});

describe('series of a selector', () => {
  it('metricOf gives each metric the selector once written, later matchers overriding label by label', () => {
    const m = metricOf({ job: 'alloy' }, { instance: re('$instance') });
    expect(m('up')).toBe('up{job="alloy", instance=~"$instance"}');
    expect(m('up', { instance: 'a-0' }, { reason: ne('') })).toBe(
      'up{job="alloy", instance="a-0", reason!=""}',
    );
    expect(metricOf()('up')).toBe('up');
  });

  it("beylaHttpServer names Beyla's HTTP requests, 5xx errors and buckets over one selector", () => {
    expect(BEYLA_HTTP_SERVER_DURATION).toBe('http_server_request_duration_seconds');
    expect(beylaHttpServer(metricOf({ service_name: ne('') }, { http_route: re('$route') }))).toEqual({
      requests: 'http_server_request_duration_seconds_count{service_name!="", http_route=~"$route"}',
      errors:
        'http_server_request_duration_seconds_count{service_name!="", http_route=~"$route", http_response_status_code=~"5.."}',
      buckets: 'http_server_request_duration_seconds_bucket{service_name!="", http_route=~"$route"}',
    });
  });

  it('sumRateEach rates every counter on its own, tags it with its name, and sums the union', () => {
    const m = metricOf({ job: 'alloy' });
    expect(sumRateEach(m, ['a_total', 'b_total'])).toBe(
      'sum (label_replace(rate(a_total{job="alloy"}[$__rate_interval]), "counter", "a_total", "", "") or ' +
        'label_replace(rate(b_total{job="alloy"}[$__rate_interval]), "counter", "b_total", "", ""))',
    );
    expect(sumRateEach(m, ['a_total'], { by: ['instance', 'reason'], window: '5m' })).toBe(
      'sum by (instance, reason) (label_replace(rate(a_total{job="alloy"}[5m]), "counter", "a_total", "", ""))',
    );
    expect(() => sumRateEach(m, [])).toThrow('sumRateEach needs at least one counter');
  });
});
