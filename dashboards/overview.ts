// Assumes Grafana Alloy v1.18 embedding Beyla 3.28 (src/catalogue/versions.ts) for the golden signals, and the SLO
// recording rules of slos/ (labels slo and service, and service_name for SLOs kept per service):
// slo:sli_error:ratio_rate30d, slo:error_budget_remaining:ratio, slo:burn_rate:ratio_rate1h.
import type { StackConfig } from '../stack.config.ts';
import {
  availabilityStat,
  BEYLA_PIN,
  SEVERITY_LABEL,
  beylaHttpServer,
  dashboardLink,
  datasourceVariable,
  defineDashboard,
  higherIsWorse,
  histogramQuantile,
  lokiQuery,
  lowerIsWorse,
  metric,
  metricOf,
  ne,
  orZero,
  promQuery,
  re,
  row,
  sel,
  shareOf,
  stackDashboard,
  statPanel,
  sumRate,
  tablePanel,
  thresholds,
  timeseriesPanel,
} from '../src/index.ts';
import { DASHBOARD_UIDS, linksTo } from './links.ts';

/** The stack's SLOs, as slos/ names them (the `slo` label of their recording rules). */
const SLOS = ['availability', 'performance', 'data-quality'] as const;

/** The error-budget overview dashboard of slos/. */
const SLO_OVERVIEW = 'slo-overview';

/** The Watchdog always fires (it is the dead man's switch); it is not an incident. */
const WATCHDOG = 'Watchdog';

/** For stakeholders: are we within our objectives, how much budget is left, is anything on fire. */
export default defineDashboard((cfg: StackConfig) => {
  const t = cfg.thresholds;
  const s = cfg.selectors;
  const slo = { slo: re(SLOS.join('|')) };
  const bySlo = 'by (slo, service, service_name)';
  const { requests, errors, buckets } = beylaHttpServer(metricOf(s.beyla));
  const critical = metric('ALERTS', {
    alertstate: 'firing',
    [SEVERITY_LABEL]: 'critical',
    alertname: ne(WATCHDOG),
  });
  const budgetSteps = lowerIsWorse(0, 0.25);
  const components = [
    ['alloy', s.alloy],
    ['prometheus', s.prometheus],
    ['loki', s.loki],
    ['tempo', s.tempo],
    ['alertmanager', s.alertmanager],
    ['grafana', s.grafana],
  ] as const;
  const exceptions = sel(s.faro, { kind: 'exception' });
  const pageLoads = `${sel(s.faro, { kind: 'measurement' })} |= " ttfb="`;

  return {
    uid: DASHBOARD_UIDS.overview,
    folderUid: cfg.folders.overview.uid,
    dashboard: stackDashboard({
      title: 'Stack overview',
      description: `Service level objectives, their error budgets, the services' golden signals and what is on fire right now. ${BEYLA_PIN}`,
      tags: ['overview', 'slo'],
      from: 'now-24h',
    })
      .links([
        ...linksTo('services', 'frontend', 'pipeline', 'backends', 'infrastructure', 'alerting'),
        // The SLO capability's own overview (slos/dashboards.ts): every SLO's budget and burn rates in detail.
        dashboardLink('SLO error budgets', SLO_OVERVIEW),
      ])
      .withVariable(datasourceVariable('prometheus', cfg.datasources.prometheus.uid))
      .withVariable(datasourceVariable('loki', cfg.datasources.loki.uid))
      .withRow(row('Service level objectives'))
      .withPanel(
        tablePanel({
          title: 'SLO status',
          description:
            'Every SLO per service (and per HTTP service where the SLO is kept per service): the SLI over 30 days, the share of the error budget left, and how fast it burns now (1 = exactly on budget; above 1 the budget runs out before the 30 days end).',
          component: 'slo',
          columns: [
            { title: 'SLI (30 days)', unit: 'percentunit', decimals: 3 },
            { title: 'Budget left', unit: 'percentunit', decimals: 1 },
            { title: 'Burn rate (1h)', unit: 'short', decimals: 2 },
          ],
          queries: [
            promQuery(`1 - max ${bySlo} (${metric('slo:sli_error:ratio_rate30d', slo)})`, {
              instant: true,
              format: 'table',
            }),
            promQuery(`min ${bySlo} (${metric('slo:error_budget_remaining:ratio', slo)})`, {
              instant: true,
              format: 'table',
            }),
            promQuery(`max ${bySlo} (${metric('slo:burn_rate:ratio_rate1h', slo)})`, {
              instant: true,
              format: 'table',
            }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Error budget remaining',
          description:
            'Share of each SLO’s 30-day error budget still unspent, per service. At 0 the objective is missed; below 0 it is missed by that much.',
          unit: 'percentunit',
          max: 1,
          thresholds: budgetSteps,
          showThresholds: true,
          component: 'slo',
          queries: [
            promQuery(`min ${bySlo} (${metric('slo:error_budget_remaining:ratio', slo)})`, {
              legend: '{{slo}} {{service}} {{service_name}}',
            }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        statPanel({
          title: 'Budget left: availability',
          description: 'Error budget left of the availability SLO, for the service that has least left.',
          unit: 'percentunit',
          decimals: 1,
          thresholds: budgetSteps,
          component: 'slo',
          queries: [promQuery(`min(${metric('slo:error_budget_remaining:ratio', { slo: 'availability' })})`)],
        })
          .height(4)
          .span(8),
      )
      .withPanel(
        statPanel({
          title: 'Budget left: performance',
          description:
            'Error budget left of the performance (latency) SLO, for the service that has least left.',
          unit: 'percentunit',
          decimals: 1,
          thresholds: budgetSteps,
          component: 'slo',
          queries: [promQuery(`min(${metric('slo:error_budget_remaining:ratio', { slo: 'performance' })})`)],
        })
          .height(4)
          .span(8),
      )
      .withPanel(
        statPanel({
          title: 'Budget left: data quality',
          description:
            'Error budget left of the data-quality SLO (telemetry that arrives complete), lowest service.',
          unit: 'percentunit',
          decimals: 1,
          thresholds: budgetSteps,
          component: 'slo',
          queries: [promQuery(`min(${metric('slo:error_budget_remaining:ratio', { slo: 'data-quality' })})`)],
        })
          .height(4)
          .span(8),
      )
      .withRow(row('Golden signals of all services'))
      .withPanel(
        availabilityStat({
          title: 'Availability',
          description: `Share of HTTP requests of all services not answered with a 5xx over the selected time range. Objective: ${t.availabilityRatio * 100}%.`,
          series: { requests, errors },
          objective: t.availabilityRatio,
        })
          .height(5)
          .span(6),
      )
      .withPanel(
        statPanel({
          title: 'P95 latency',
          description: `95th percentile of server-side HTTP duration across all services. Objective: ${t.backendP95Seconds * 1000} ms.`,
          unit: 's',
          thresholds: higherIsWorse(t.backendP95Seconds * 0.8, t.backendP95Seconds),
          component: 'beyla',
          queries: [promQuery(histogramQuantile(0.95, buckets))],
        })
          .height(5)
          .span(6),
      )
      .withPanel(
        statPanel({
          title: 'Error rate',
          description: `Share of HTTP requests answered with a 5xx right now. Above ${t.httpErrorRatio * 100}% a warning is raised.`,
          unit: 'percentunit',
          decimals: 2,
          thresholds: higherIsWorse(t.httpErrorRatio / 2, t.httpErrorRatio),
          component: 'beyla',
          queries: [promQuery(shareOf(sumRate(errors), sumRate(requests)))],
        })
          .height(5)
          .span(6),
      )
      .withPanel(
        statPanel({
          title: 'Traffic',
          description: 'HTTP requests per second across all services.',
          unit: 'reqps',
          component: 'beyla',
          queries: [promQuery(sumRate(requests))],
        })
          .height(5)
          .span(6),
      )
      .withRow(row('On fire right now'))
      .withPanel(
        statPanel({
          title: 'Critical alerts firing',
          description:
            'Critical alerts firing now (each one pages); the always-firing Watchdog is not counted.',
          unit: 'short',
          background: true,
          thresholds: thresholds('green', { color: 'red', from: 1 }),
          component: 'prometheus',
          queries: [promQuery(orZero(`count(${critical})`))],
        })
          .height(6)
          .span(6),
      )
      .withPanel(
        tablePanel({
          title: 'Firing critical alerts',
          description:
            'Which critical alerts fire, for which service or job; follow the alert’s dashboard link.',
          component: 'prometheus',
          columns: [{ title: 'Firing', unit: 'bool_yes_no' }],
          queries: [promQuery(critical, { instant: true, format: 'table' })],
        })
          .height(6)
          .span(18),
      )
      .withPanel(
        statPanel({
          title: 'Stack components up',
          description:
            'Whether Prometheus can scrape each component of the stack (1 = up). A component that is down blinds a signal or the alerting path.',
          unit: 'short',
          decimals: 0,
          sparkline: false,
          background: true,
          thresholds: thresholds('red', { color: 'green', from: 1 }),
          queries: components.map(([component, selector]) =>
            promQuery(`min by (job) (${metric('up', selector)})`, { legend: '{{job}}', component }),
          ),
        })
          .height(5)
          .span(12),
      )
      .withPanel(
        statPanel({
          title: 'Telemetry lost',
          description: `Share of telemetry dropped, refused or failed anywhere in the pipeline. Above ${t.dataLossRatio * 100}% it pages.`,
          unit: 'percentunit',
          decimals: 3,
          thresholds: higherIsWorse(t.dataLossRatio / 2, t.dataLossRatio),
          component: ['alloy', 'loki', 'tempo'],
          queries: [
            promQuery(`${orZero('sum(stage:telemetry_lost:rate5m)')} / sum(stage:telemetry_handled:rate5m)`),
          ],
        })
          .height(5)
          .span(6),
      )
      .withPanel(
        statPanel({
          title: 'JavaScript errors per page load',
          description: `Uncaught exceptions in browsers per page load (Faro). Above ${t.jsErrorRatio * 100}% a warning is raised.`,
          unit: 'percentunit',
          decimals: 2,
          thresholds: higherIsWorse(t.jsErrorRatio / 2, t.jsErrorRatio),
          component: 'faro',
          queries: [
            lokiQuery(
              `sum(count_over_time(${exceptions} [$__auto])) / sum(count_over_time(${pageLoads} [$__auto]))`,
            ),
          ],
        })
          .height(5)
          .span(6),
      ),
  };
});
