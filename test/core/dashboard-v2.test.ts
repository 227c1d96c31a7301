import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { describe, expect, it } from 'vitest';
import { dashboardV2Of, isDashboardV2 } from '../../src/core/dashboard-v2.ts';

const classic = {
  uid: 'd',
  title: 'D',
  description: 'About D',
  tags: ['a'],
  graphTooltip: 1,
  refresh: '1m',
  time: { from: 'now-1h', to: 'now' },
  timepicker: { refresh_intervals: ['30s', '1m'] },
  schemaVersion: 41,
  templating: {
    list: [
      { type: 'datasource', name: 'ds', query: 'prometheus', current: { text: 'P', value: 'p' }, refresh: 1 },
      {
        type: 'query',
        name: 'job',
        datasource: { type: 'prometheus', uid: '${ds}' },
        query: { query: 'label_values(up, job)', refId: 'V' },
        definition: 'label_values(up, job)',
        multi: true,
        includeAll: true,
        sort: 1,
        refresh: 2,
      },
    ],
  },
  annotations: { list: [] },
  panels: [
    {
      id: 1,
      type: 'stat',
      title: 'Up',
      description: 'Targets up',
      gridPos: { x: 0, y: 0, w: 6, h: 4 },
      targets: [{ refId: 'A', datasource: { type: 'prometheus', uid: '${ds}' }, expr: 'sum(up)' }],
      fieldConfig: { defaults: { unit: 'short' }, overrides: [] },
      options: { colorMode: 'value' },
    },
    { id: 2, type: 'row', title: 'More', collapsed: false, gridPos: { x: 0, y: 4, w: 24, h: 1 }, panels: [] },
    {
      id: 3,
      type: 'timeseries',
      title: 'Rate',
      gridPos: { x: 0, y: 5, w: 12, h: 8 },
      targets: [
        { refId: 'A', datasource: { type: 'prometheus', uid: '${ds}' }, expr: 'rate(x[5m])', hide: true },
      ],
      transformations: [{ id: 'organize', options: { excludeByName: {} } }],
    },
  ],
} as unknown as Dashboard;

describe('the classic model in the v2 schema', () => {
  const v2 = dashboardV2Of(classic);

  it('keeps the dashboard fields', () => {
    expect(isDashboardV2(v2)).toBe(true);
    expect(v2).toMatchObject({ title: 'D', description: 'About D', tags: ['a'], cursorSync: 'Crosshair' });
    expect(v2.timeSettings).toMatchObject({
      from: 'now-1h',
      to: 'now',
      autoRefresh: '1m',
      autoRefreshIntervals: ['30s', '1m'],
    });
  });

  it('makes each panel an element with its queries, options, field config and transformations', () => {
    expect(Object.keys(v2.elements)).toEqual(['panel-1', 'panel-3']);
    const up = v2.elements['panel-1'];
    expect(up?.kind).toBe('Panel');
    if (up?.kind !== 'Panel') return;
    expect(up.spec).toMatchObject({ id: 1, title: 'Up', description: 'Targets up' });
    expect(up.spec.vizConfig).toMatchObject({
      group: 'stat',
      spec: { options: { colorMode: 'value' }, fieldConfig: { defaults: { unit: 'short' } } },
    });
    expect(up.spec.data.spec.queries[0]?.spec).toEqual({
      refId: 'A',
      hidden: false,
      query: {
        kind: 'DataQuery',
        group: 'prometheus',
        version: 'v0',
        datasource: { name: '${ds}' },
        spec: { expr: 'sum(up)' },
      },
    });
    const rate = v2.elements['panel-3'];
    if (rate?.kind !== 'Panel') throw new Error('a panel');
    expect(rate.spec.data.spec.queries[0]?.spec.hidden).toBe(true);
    expect(rate.spec.data.spec.transformations).toEqual([
      { kind: 'Transformation', group: 'organize', spec: { options: { excludeByName: {} } } },
    ]);
  });

  it('lays panels before the first row in a headerless row, and counts y from below each row', () => {
    expect(v2.layout.kind).toBe('RowsLayout');
    if (v2.layout.kind !== 'RowsLayout') return;
    const [top, more] = v2.layout.spec.rows;
    expect(top?.spec.hideHeader).toBe(true);
    expect(more?.spec).toMatchObject({ title: 'More', collapse: false });
    expect(more?.spec.layout).toEqual({
      kind: 'GridLayout',
      spec: {
        items: [
          {
            kind: 'GridLayoutItem',
            spec: {
              x: 0,
              y: 0,
              width: 12,
              height: 8,
              element: { kind: 'ElementReference', name: 'panel-3' },
            },
          },
        ],
      },
    });
  });

  it('gives variables their v2 kinds', () => {
    expect(v2.variables.map((v) => v.kind)).toEqual(['DatasourceVariable', 'QueryVariable']);
    const job = v2.variables[1];
    if (job?.kind !== 'QueryVariable') throw new Error('a query variable');
    expect(job.spec).toMatchObject({
      name: 'job',
      multi: true,
      includeAll: true,
      sort: 'alphabeticalAsc',
      refresh: 'onTimeRangeChanged',
      definition: 'label_values(up, job)',
      query: {
        group: 'prometheus',
        datasource: { name: '${ds}' },
        spec: { query: 'label_values(up, job)', refId: 'V' },
      },
    });
  });

  it('is deterministic', () => {
    expect(JSON.stringify(dashboardV2Of(classic))).toBe(JSON.stringify(v2));
  });
});
