import { describe, expect, it } from 'vitest';
import {
  dashboardLink,
  datasourceVariable,
  gaugePanel,
  higherIsWorse,
  labelVariable,
  logsPanel,
  lokiQuery,
  promQuery,
  stackDashboard,
  statPanel,
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
