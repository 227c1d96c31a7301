/**
 * The benchmark's dashboards: `count` dashboards of 20 panels, every query distinct (no cache can help), built
 * with the kit exactly as content is. The floor and the measured pipeline call the same function.
 */
import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import {
  datasourceVariable,
  gaugePanel,
  higherIsWorse,
  jobVariable,
  promQuery,
  stackDashboard,
  statPanel,
  timeseriesPanel,
} from '../src/index.ts';

export const PANELS_PER_DASHBOARD = 20;

/** The metrics the generated content reads, declared as a team declares its own (its `route` label is not Beyla's). */
export const BENCH_METRICS = [
  {
    name: 'http_server_request_duration_seconds',
    type: 'histogram',
    labels: ['service_name', 'route'],
    source: 'the generated services of bench/generate.ts',
  },
  {
    name: 'http_requests_total',
    type: 'counter',
    labels: ['code'],
    source: 'the generated services of bench/generate.ts',
  },
] as const;

function panelFor(d: number, p: number) {
  const selector = `{job=~"$job", service_name="svc-${d}", route="/r/${p}"}`;
  const queries = [
    promQuery(
      `sum by (service_name) (rate(http_server_request_duration_seconds_count${selector}[$__rate_interval]))`,
      {
        legend: '{{service_name}}',
      },
    ),
    promQuery(
      `histogram_quantile(0.95, sum by (le, service_name) (rate(http_server_request_duration_seconds_bucket${selector}[$__rate_interval])))`,
      { legend: 'p95 {{service_name}}' },
    ),
  ];
  const base = { title: `Panel ${p} of ${d}`, description: `Generated panel ${p}.`, queries };
  switch (p % 4) {
    case 0:
      return statPanel({ ...base, unit: 'reqps', thresholds: higherIsWorse(10, 20) })
        .height(4)
        .span(6);
    case 1:
      return gaugePanel({ ...base, unit: 'percentunit', min: 0, max: 1 })
        .height(4)
        .span(6);
    default:
      return timeseriesPanel({ ...base, unit: 's', thresholds: higherIsWorse(0.2, 0.5) })
        .height(8)
        .span(6);
  }
}

/** One generated dashboard, as a builder (not built yet). */
export function generatedDashboard(d: number): DashboardBuilder {
  const builder = stackDashboard({
    title: `Generated ${d}`,
    description: `Generated dashboard ${d}.`,
    tags: ['bench'],
  })
    .withVariable(datasourceVariable('prometheus', 'prometheus'))
    .withVariable(jobVariable('up'));
  for (let p = 0; p < PANELS_PER_DASHBOARD; p += 1) builder.withPanel(panelFor(d, p));
  return builder;
}
