import type { StackConfig } from '../stack.config.ts';
import { defineAlertRuleGroup, sel } from '../src/index.ts';
import { dashboard, runbook } from './links.ts';

/**
 * Frontend health from Faro events in Loki (LogQL rules, for Loki's ruler and Grafana). Faro 2.x sends web vitals
 * as `kind=measurement type=web-vitals lcp=… ttfb=…` lines (milliseconds) and exceptions as `kind=exception`;
 * Alloy's Faro pipeline sets the `app` and `kind` labels. There is no offline LogQL evaluator, so these rules are
 * checked by parsing and structure only.
 */
export default defineAlertRuleGroup((cfg: StackConfig) => {
  const t = cfg.thresholds;
  const exceptions = sel(cfg.selectors.faro, { kind: 'exception' });
  const measurements = sel(cfg.selectors.faro, { kind: 'measurement' });
  // Panels of the frontend dashboard: 6 LCP p75 over time, 12 JavaScript errors per page load.
  const frontend = (panelId: number) => dashboard(cfg, 'frontend', panelId);
  return {
    uid: 'frontend',
    folderUid: cfg.folders.frontend.uid,
    name: 'frontend',
    interval: '1m',
    datasource: { uid: cfg.datasources.loki.uid, type: 'loki' },
    rules: [
      {
        name: 'FrontendJsErrorRateHigh',
        // Page loads are counted by their TTFB measurement: one per navigation. The leading space in the line
        // filter keeps it from matching value_ttfb=.
        expr: `sum by (app) (count_over_time(${exceptions} [10m])) / sum by (app) (count_over_time(${measurements} |= " ttfb=" [10m])) > ${t.jsErrorRatio}`,
        for: '10m',
        severity: 'warning',
        summary:
          'Frontend {{ $labels.app }} throws a JavaScript exception on {{ $value | humanizePercentage }} of page loads',
        description: `More than ${t.jsErrorRatio * 100}% of page loads have raised an uncaught exception for 10 minutes.`,
        runbookUrl: runbook(cfg, 'frontend-js-error-rate-high'),
        dashboard: frontend(12),
      },
      {
        name: 'FrontendLcpP75High',
        expr: `quantile_over_time(0.75, ${measurements} |= " lcp=" | logfmt | __error__="" | unwrap lcp [15m]) by (app) > ${t.lcpP75Ms}`,
        for: '15m',
        severity: 'warning',
        summary:
          'Frontend {{ $labels.app }} paints its largest content in {{ $value | humanize }} ms for a quarter of views',
        description: `Largest Contentful Paint at the 75th percentile has been above ${t.lcpP75Ms} ms ("needs improvement" by web-vitals) for 15 minutes.`,
        runbookUrl: runbook(cfg, 'frontend-lcp-p75-high'),
        dashboard: frontend(6),
      },
    ],
  };
});
