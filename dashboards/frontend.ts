// Assumes Grafana Alloy v1.18 embedding Beyla 3.28 (src/catalogue/versions.ts): its faro.receiver self-metrics
// (faro_receiver_*), fed by the Faro Web SDK 2.x: one Loki line per item, labels app and kind
// (configs/alloy/config.alloy), web vitals as `kind=measurement type=web-vitals lcp=…` in milliseconds (CLS
// unitless) with context_rating, INP instead of FID (web-vitals 5).
import type { StackConfig } from '../stack.config.ts';
import {
  datasourceVariable,
  defineDashboard,
  logsPanel,
  lokiLabelVariable,
  lokiQuery,
  metric,
  promQuery,
  re,
  row,
  sel,
  stackDashboard,
  statPanel,
  sumRate,
  tablePanel,
  thresholds,
  timeseriesPanel,
} from '../src/index.ts';
import { DASHBOARD_UIDS, linksTo } from './links.ts';

interface Vital {
  readonly key: 'lcp' | 'inp' | 'cls' | 'fcp' | 'ttfb';
  readonly title: string;
  readonly what: string;
  /** The repository's target for the 75th percentile (Config thresholds). */
  readonly target: number;
  /** web-vitals' "poor" boundary. */
  readonly poor: number;
  readonly unit: 'ms' | 'none';
}

/** Real users' experience of the web applications, from Faro events in Loki: web vitals, errors, sessions. */
export default defineDashboard((cfg: StackConfig) => {
  const t = cfg.thresholds;
  const faro = { ...cfg.selectors.faro, app: re('$app') };
  const stream = (kind: string): string => sel(faro, { kind });
  // One TTFB measurement per navigation: counting them counts page loads. The leading space keeps the filter
  // from matching value_ttfb=.
  const pageLoads = `${stream('measurement')} |= " ttfb="`;
  const vitals: readonly Vital[] = [
    {
      key: 'lcp',
      title: 'LCP',
      what: 'Largest Contentful Paint',
      target: t.lcpP75Ms,
      poor: 4000,
      unit: 'ms',
    },
    {
      key: 'inp',
      title: 'INP',
      what: 'Interaction to Next Paint',
      target: t.inpP75Ms,
      poor: 500,
      unit: 'ms',
    },
    { key: 'cls', title: 'CLS', what: 'Cumulative Layout Shift', target: t.clsP75, poor: 0.25, unit: 'none' },
    { key: 'fcp', title: 'FCP', what: 'First Contentful Paint', target: t.fcpP75Ms, poor: 3000, unit: 'ms' },
    { key: 'ttfb', title: 'TTFB', what: 'Time to First Byte', target: t.ttfbP75Ms, poor: 1800, unit: 'ms' },
  ];
  // `| __error__=""` drops lines logfmt cannot read; the line filter keeps only reports of this vital.
  const p75 = (v: Vital, window: string, by: string): string =>
    `quantile_over_time(0.75, ${stream('measurement')} |= " ${v.key}=" | logfmt | __error__="" | unwrap ${v.key} [${window}]) by (${by})`;
  const steps = (v: Vital) =>
    thresholds('green', { color: 'orange', from: v.target }, { color: 'red', from: v.poor });
  const faroReceiver = { ...cfg.selectors.alloy };

  const builder = stackDashboard({
    title: 'Frontend: real user monitoring',
    description:
      'Web vitals at the 75th percentile against their targets, JavaScript errors, sessions and page loads, from the Faro Web SDK through Alloy into Loki.',
    tags: ['frontend', 'faro', 'web-vitals'],
  })
    .links(linksTo('overview', 'services', 'pipeline'))
    .withVariable(datasourceVariable('loki', cfg.datasources.loki.uid))
    .withVariable(datasourceVariable('prometheus', cfg.datasources.prometheus.uid))
    .withVariable(
      lokiLabelVariable({
        name: 'app',
        label: 'Application',
        labelName: 'app',
        stream: sel(cfg.selectors.faro),
      }),
    )
    .withRow(row('Web vitals (75th percentile over the range)'));

  for (const v of vitals) {
    builder.withPanel(
      statPanel({
        title: `${v.title} p75`,
        description: `${v.what} at the 75th percentile of page views over the selected range. Target ${v.target}${v.unit === 'ms' ? ' ms' : ''}; web-vitals calls above ${v.poor}${v.unit === 'ms' ? ' ms' : ''} poor.`,
        unit: v.unit,
        decimals: v.unit === 'ms' ? 0 : 3,
        sparkline: false,
        thresholds: steps(v),
        component: 'faro',
        queries: [lokiQuery(p75(v, '$__range', 'app'), { instant: true, legend: '{{app}}' })],
      })
        .height(5)
        .span(v.key === 'lcp' ? 4 : 5),
    );
  }

  builder.withRow(row('Web vitals over time'));
  vitals.forEach((v, i) => {
    builder.withPanel(
      timeseriesPanel({
        title: `${v.title} p75`,
        description: `${v.what} at the 75th percentile, per application. The dashed line is the target (${v.target}${v.unit === 'ms' ? ' ms' : ''}).`,
        unit: v.unit,
        min: 0,
        thresholds: steps(v),
        showThresholds: true,
        component: 'faro',
        queries: [lokiQuery(p75(v, '$__auto', 'app'), { legend: '{{app}}' })],
      })
        .height(7)
        .span(i < 2 ? 12 : 8),
    );
  });

  builder
    .withPanel(
      timeseriesPanel({
        title: 'LCP ratings',
        description:
          'Page views whose Largest Contentful Paint web-vitals rates good, needs-improvement or poor, stacked.',
        unit: 'short',
        stack: true,
        component: 'faro',
        queries: [
          lokiQuery(
            `sum by (context_rating) (count_over_time(${stream('measurement')} |= " lcp=" | logfmt | __error__="" [$__auto]))`,
            { legend: '{{context_rating}}' },
          ),
        ],
      })
        .height(7)
        .span(24),
    )
    .withRow(row('Errors'))
    .withPanel(
      timeseriesPanel({
        title: 'JavaScript errors per page load',
        description: `Uncaught exceptions per page load, per application. Above ${t.jsErrorRatio * 100}% the frontend alert warns.`,
        unit: 'percentunit',
        min: 0,
        thresholds: thresholds('green', { color: 'red', from: t.jsErrorRatio }),
        showThresholds: true,
        component: 'faro',
        queries: [
          lokiQuery(
            `sum by (app) (count_over_time(${stream('exception')} [$__auto])) / sum by (app) (count_over_time(${pageLoads} [$__auto]))`,
            { legend: '{{app}}' },
          ),
        ],
      })
        .height(8)
        .span(12),
    )
    .withPanel(
      tablePanel({
        title: 'Top exceptions',
        description: 'The ten exception messages seen most often over the selected range.',
        unit: 'short',
        component: 'faro',
        queries: [
          lokiQuery(
            `topk(10, sum by (type, value) (count_over_time(${stream('exception')} | logfmt | __error__="" [$__range])))`,
            { instant: true },
          ),
        ],
      })
        .height(8)
        .span(12),
    )
    .withPanel(
      logsPanel({
        title: 'Latest exceptions',
        description: 'The newest exceptions with their stack traces; a traceID opens the trace in Tempo.',
        component: 'faro',
        queries: [lokiQuery(stream('exception'), { maxLines: 100 })],
      })
        .height(10)
        .span(24),
    )
    .withRow(row('Sessions and page loads'))
    .withPanel(
      statPanel({
        title: 'Sessions started',
        description: 'New user sessions over the selected range (Faro session_start events).',
        unit: 'short',
        sparkline: false,
        component: 'faro',
        queries: [
          lokiQuery(`sum(count_over_time(${stream('event')} |= "event_name=session_start" [$__range]))`, {
            instant: true,
          }),
        ],
      })
        .height(6)
        .span(6),
    )
    .withPanel(
      statPanel({
        title: 'Page loads',
        description: 'Page loads over the selected range (one TTFB measurement per navigation).',
        unit: 'short',
        sparkline: false,
        component: 'faro',
        queries: [lokiQuery(`sum(count_over_time(${pageLoads} [$__range]))`, { instant: true })],
      })
        .height(6)
        .span(6),
    )
    .withPanel(
      timeseriesPanel({
        title: 'Sessions started',
        description: 'New user sessions per application over time.',
        unit: 'short',
        component: 'faro',
        queries: [
          lokiQuery(
            `sum by (app) (count_over_time(${stream('event')} |= "event_name=session_start" [$__auto]))`,
            { legend: '{{app}}' },
          ),
        ],
      })
        .height(6)
        .span(12),
    )
    .withPanel(
      timeseriesPanel({
        title: 'Page loads by browser',
        description: 'Page loads per browser, stacked.',
        unit: 'short',
        stack: true,
        component: 'faro',
        queries: [
          lokiQuery(
            `sum by (browser_name) (count_over_time(${pageLoads} | logfmt | __error__="" [$__auto]))`,
            {
              legend: '{{browser_name}}',
            },
          ),
        ],
      })
        .height(8)
        .span(12),
    )
    .withPanel(
      tablePanel({
        title: 'Browsers',
        description: 'Page loads per browser and version over the selected range.',
        unit: 'short',
        component: 'faro',
        queries: [
          lokiQuery(
            `sum by (browser_name, browser_version) (count_over_time(${pageLoads} | logfmt | __error__="" [$__range]))`,
            { instant: true },
          ),
        ],
      })
        .height(8)
        .span(12),
    )
    .withRow(row('Faro receiver (Alloy)'))
    .withPanel(
      timeseriesPanel({
        title: 'Items received',
        description:
          'Logs, exceptions, measurements and events per second accepted by Alloy’s faro.receiver.',
        unit: 'cps',
        stack: true,
        component: 'alloy',
        queries: (['logs', 'exceptions', 'measurements', 'events'] as const).map((item) =>
          promQuery(sumRate(metric(`faro_receiver_${item}_total`, faroReceiver)), { legend: item }),
        ),
      })
        .height(7)
        .span(12),
    )
    .withPanel(
      timeseriesPanel({
        title: 'Receiver requests by status',
        description:
          'Requests per second to the receiver by HTTP status: 202 accepted, 429 rate-limited, 401 wrong API key, 413 payload too large.',
        unit: 'reqps',
        stack: true,
        component: 'alloy',
        queries: [
          promQuery(
            sumRate(metric('faro_receiver_request_duration_seconds_count', faroReceiver), 'status_code'),
            {
              legend: '{{status_code}}',
            },
          ),
        ],
      })
        .height(7)
        .span(12),
    );

  return { uid: DASHBOARD_UIDS.frontend, folderUid: cfg.folders.frontend.uid, dashboard: builder };
});
