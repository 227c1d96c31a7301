/**
 * The kit's additions: the component a query reads, recorded on its target; tables with a unit per column; the
 * Loki label-values variable; the PromQL shapes dashboards repeat.
 */
import { describe, expect, it } from 'vitest';
import {
  COMPONENTS_FIELD,
  componentList,
  componentsOf,
  defineDashboard,
  histogramQuantile,
  lokiLabelVariable,
  lokiQuery,
  orZero,
  promQuery,
  shareOf,
  stackDashboard,
  statPanel,
  sumIncrease,
  sumRate,
  tablePanel,
  tempoQuery,
  timeseriesPanel,
} from '../../src/index.ts';

describe('components', () => {
  it('are recorded on every target of a panel, sorted, unless a query declares its own', () => {
    const panel = timeseriesPanel({
      title: 'Up',
      description: 'x',
      unit: 'short',
      component: ['prometheus', 'alertmanager', 'prometheus'],
      queries: [promQuery('up'), promQuery('node_load1', { component: 'node-exporter' })],
    }).build();
    expect(panel.targets?.map((t) => componentsOf(t))).toEqual([
      ['alertmanager', 'prometheus'],
      ['node-exporter'],
    ]);
  });

  it('are recorded by every query builder, and nowhere when nobody declares one', () => {
    expect(lokiQuery('{app="x"}', { component: 'faro' }).build()).toMatchObject({
      [COMPONENTS_FIELD]: ['faro'],
    });
    expect(tempoQuery('{ }', { component: 'beyla' }).build()).toMatchObject({
      [COMPONENTS_FIELD]: ['beyla'],
    });
    const plain = statPanel({ title: 'x', description: 'x', unit: 's', queries: [promQuery('up')] }).build();
    expect(componentsOf(plain.targets?.[0])).toBeUndefined();
  });

  it('keep the builder usable: options set after creation still reach the target', () => {
    const q = promQuery('up', { component: 'prometheus' }).legendFormat('{{job}}');
    expect(q.build()).toMatchObject({ expr: 'up', legendFormat: '{{job}}', components: ['prometheus'] });
  });

  it('survive the dashboard definition into the resource spec', () => {
    const def = defineDashboard({
      uid: 'x',
      dashboard: stackDashboard({ title: 'X', description: 'x', tags: [] }).withPanel(
        statPanel({
          title: 'x',
          description: 'x',
          unit: 's',
          component: 'node-exporter',
          queries: [promQuery('up')],
        }),
      ),
    });
    const [resource] = def.build({ config: {}, source: 'dashboards/x.ts', relative: (p) => p });
    const spec = resource?.spec as { panels?: { targets?: unknown[] }[] } | undefined;
    expect(componentsOf(spec?.panels?.[0]?.targets?.[0])).toEqual(['node-exporter']);
  });

  it('ignore what is not a known component', () => {
    expect(componentsOf({ components: ['prometheus', 'nope', 3] })).toEqual(['prometheus']);
    expect(componentList('loki')).toEqual(['loki']);
  });
});

describe('tablePanel columns', () => {
  it('names each query A, B, C… and gives its value column a header and a unit', () => {
    const panel = tablePanel({
      title: 'Routes',
      description: 'x',
      columns: [
        { title: 'Requests/s', unit: 'reqps' },
        { title: 'P95', unit: 's', decimals: 3 },
      ],
      queries: [promQuery('a', { instant: true }), promQuery('b', { instant: true, refId: 'Z' })],
    }).build();
    expect(panel.targets?.map((t) => (t as { refId?: string }).refId)).toEqual(['A', 'Z']);
    expect(panel.fieldConfig?.overrides).toEqual([
      {
        matcher: { id: 'byName', options: 'Value #A' },
        properties: [
          { id: 'displayName', value: 'Requests/s' },
          { id: 'unit', value: 'reqps' },
        ],
      },
      {
        matcher: { id: 'byName', options: 'Value #Z' },
        properties: [
          { id: 'displayName', value: 'P95' },
          { id: 'unit', value: 's' },
          { id: 'decimals', value: 3 },
        ],
      },
    ]);
  });

  it('names the single value column of a one-query table "Value"', () => {
    const panel = tablePanel({
      title: 'x',
      description: 'x',
      columns: [{ title: 'Firing', unit: 'bool_yes_no' }],
      queries: [promQuery('ALERTS', { instant: true })],
    }).build();
    expect(panel.fieldConfig?.overrides?.[0]?.matcher).toEqual({ id: 'byName', options: 'Value' });
  });
});

describe('lokiLabelVariable', () => {
  it('is a label-values query on the Loki variable, "All" meaning any value', () => {
    expect(lokiLabelVariable({ name: 'app', labelName: 'app', stream: '{app=~".+"}' }).build()).toMatchObject(
      {
        type: 'query',
        name: 'app',
        datasource: { type: 'loki', uid: '${loki}' },
        query: { type: 1, label: 'app', stream: '{app=~".+"}' },
        definition: 'label_values({app=~".+"}, app)',
        includeAll: true,
        allValue: '.+',
        multi: true,
      },
    );
  });
});

describe('PromQL shapes', () => {
  it('rate over $__rate_interval, totals over $__range, quantiles by le', () => {
    expect(sumRate('x_total')).toBe('sum (rate(x_total[$__rate_interval]))');
    expect(sumRate('x_total', ['a', 'b'])).toBe('sum by (a, b) (rate(x_total[$__rate_interval]))');
    expect(sumIncrease('x_total', 'a')).toBe('sum by (a) (increase(x_total[$__range]))');
    expect(histogramQuantile(0.95, 'h_bucket', 'svc')).toBe(
      'histogram_quantile(0.95, sum by (le, svc) (rate(h_bucket[$__rate_interval])))',
    );
  });

  it('zero instead of no data, and shares that are 0 where the part has no series', () => {
    expect(orZero('count(ALERTS)')).toBe('(count(ALERTS) or vector(0))');
    expect(shareOf('e', 't')).toBe('(e or t * 0) / t');
  });
});
