import type { StackConfig } from '../stack.config.ts';
import {
  configLoadedStat,
  datasourceVariable,
  defineDashboard,
  histogramQuantile,
  metric,
  metricOf,
  orZero,
  promQuery,
  row,
  shareOf,
  stackDashboard,
  statPanel,
  sumIncrease,
  sumRate,
  thresholds,
  timeseriesPanel,
} from '../src/index.ts';
import { DASHBOARD_UIDS, linksTo } from './links.ts';

/** The dead man's switch of alerts/watchdog.ts: it always fires, and only its heartbeat route receives it. */
const WATCHDOG = 'Watchdog';

/** Does alerting work: rules evaluate, alerts reach Alertmanager, notifications go out, the Watchdog fires. */
export default defineDashboard((cfg: StackConfig) => {
  const s = cfg.selectors;
  const am = metricOf(s.alertmanager);
  const prom = metricOf(s.prometheus);
  const grafana = metricOf(s.grafana);
  const green1 = thresholds('red', { color: 'green', from: 1 });

  return {
    uid: DASHBOARD_UIDS.alerting,
    folderUid: cfg.folders.alerting.uid,
    dashboard: stackDashboard({
      title: 'Alerting health',
      description:
        'Whether alerting itself works: rule evaluation in Prometheus and Grafana, delivery of alerts to Alertmanager, notifications sent and failed per integration, and the Watchdog heartbeat.',
      tags: ['alerting', 'alertmanager'],
    })
      .links(linksTo('overview', 'backends'))
      .withVariable(datasourceVariable('prometheus', cfg.datasources.prometheus.uid))
      .withPanel(
        statPanel({
          title: 'Watchdog firing',
          description:
            'The Watchdog alert always fires (1). 0 means Prometheus evaluates no rules; if it fires but the heartbeat service stops hearing it, notifications are broken.',
          unit: 'short',
          decimals: 0,
          background: true,
          thresholds: green1,
          component: 'prometheus',
          queries: [
            promQuery(orZero(`max(${metric('ALERTS', { alertname: WATCHDOG, alertstate: 'firing' })})`)),
          ],
        })
          .height(5)
          .span(4),
      )
      .withPanel(
        statPanel({
          title: 'Alertmanager up',
          description: 'Whether Prometheus can scrape every Alertmanager (1 = up; the lowest is shown).',
          unit: 'short',
          decimals: 0,
          background: true,
          thresholds: green1,
          component: 'alertmanager',
          queries: [promQuery(`min(${am('up')})`)],
        })
          .height(5)
          .span(4),
      )
      .withPanel(
        configLoadedStat({
          title: 'Alertmanager config loaded',
          description:
            'Whether every Alertmanager loaded its latest configuration (0 = it routes with an older one).',
          component: 'alertmanager',
          series: am('alertmanager_config_last_reload_successful'),
        })
          .height(5)
          .span(4),
      )
      .withPanel(
        statPanel({
          title: 'Alertmanagers discovered',
          description:
            'Alertmanagers each Prometheus sends alerts to (the lowest is shown); 0 means alerts go nowhere.',
          unit: 'short',
          decimals: 0,
          background: true,
          thresholds: green1,
          component: 'prometheus',
          queries: [promQuery(`min(${prom('prometheus_notifications_alertmanagers_discovered')})`)],
        })
          .height(5)
          .span(4),
      )
      .withPanel(
        statPanel({
          title: 'Notifications failed',
          description:
            'Notifications Alertmanager failed to deliver over the selected range, all integrations.',
          unit: 'short',
          sparkline: false,
          thresholds: thresholds('green', { color: 'red', from: 1 }),
          component: 'alertmanager',
          queries: [promQuery(sumIncrease(am('alertmanager_notifications_failed_total')), { instant: true })],
        })
          .height(5)
          .span(4),
      )
      .withPanel(
        statPanel({
          title: 'Rule evaluation failures',
          description:
            'Prometheus rule evaluations that failed over the selected range; a failing rule never fires.',
          unit: 'short',
          sparkline: false,
          thresholds: thresholds('green', { color: 'red', from: 1 }),
          component: 'prometheus',
          queries: [
            promQuery(sumIncrease(prom('prometheus_rule_evaluation_failures_total')), { instant: true }),
          ],
        })
          .height(5)
          .span(4),
      )
      .withRow(row('Notifications (Alertmanager)'))
      .withPanel(
        timeseriesPanel({
          title: 'Notifications sent per integration',
          description:
            'Notifications per second per integration (pagerduty, slack, email, webhook = the Watchdog heartbeat).',
          unit: 'short',
          component: 'alertmanager',
          queries: [
            promQuery(sumRate(am('alertmanager_notifications_total'), 'integration'), {
              legend: '{{integration}}',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Notifications failed per integration',
          description:
            'Failed notifications per second per integration: a receiver that is down or rejects us.',
          unit: 'short',
          min: 0,
          component: 'alertmanager',
          queries: [
            promQuery(sumRate(am('alertmanager_notifications_failed_total'), 'integration'), {
              legend: '{{integration}}',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Failure share per integration',
          description:
            'Share of each integration’s notifications that failed; above 1% the mixin alert fires.',
          unit: 'percentunit',
          min: 0,
          component: 'alertmanager',
          queries: [
            promQuery(
              shareOf(
                sumRate(am('alertmanager_notifications_failed_total'), 'integration'),
                sumRate(am('alertmanager_notifications_total'), 'integration'),
              ),
              { legend: '{{integration}}' },
            ),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Notification latency (p95)',
          description: 'The 95th percentile of the time to deliver a notification, per integration.',
          unit: 's',
          min: 0,
          component: 'alertmanager',
          queries: [
            promQuery(
              histogramQuantile(0.95, am('alertmanager_notification_latency_seconds_bucket'), 'integration'),
              {
                legend: '{{integration}}',
              },
            ),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Alerts in Alertmanager',
          description:
            'Alerts Alertmanager holds, by state (active, suppressed by silences or inhibition, unprocessed).',
          unit: 'short',
          min: 0,
          component: 'alertmanager',
          queries: [promQuery(`sum by (state) (${am('alertmanager_alerts')})`, { legend: '{{state}}' })],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Alerts received',
          description: 'Alerts per second received from Prometheus and Grafana, firing and resolved.',
          unit: 'short',
          min: 0,
          component: 'alertmanager',
          queries: [
            promQuery(sumRate(am('alertmanager_alerts_received_total'), 'status'), { legend: '{{status}}' }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withRow(row('Rule evaluation'))
      .withPanel(
        timeseriesPanel({
          title: 'Prometheus rule failures',
          description:
            'Failed rule evaluations per second, per rule group (bad queries, missing series in functions).',
          unit: 'short',
          min: 0,
          component: 'prometheus',
          queries: [
            promQuery(sumRate(prom('prometheus_rule_evaluation_failures_total'), 'rule_group'), {
              legend: '{{rule_group}}',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Rule group duration against interval',
          description:
            'How long each rule group’s last evaluation took as a share of its interval; at 100% evaluations are skipped.',
          unit: 'percentunit',
          min: 0,
          thresholds: thresholds('green', { color: 'orange', from: 0.5 }, { color: 'red', from: 1 }),
          component: 'prometheus',
          queries: [
            promQuery(
              `max by (rule_group) (${prom('prometheus_rule_group_last_duration_seconds')}) / max by (rule_group) (${prom('prometheus_rule_group_interval_seconds')})`,
              { legend: '{{rule_group}}' },
            ),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Grafana rule evaluations',
          description: 'Grafana-managed rule evaluations per second, and those that failed.',
          unit: 'short',
          min: 0,
          component: 'grafana',
          queries: [
            promQuery(sumRate(grafana('grafana_alerting_rule_evaluations_total')), { legend: 'evaluations' }),
            promQuery(sumRate(grafana('grafana_alerting_rule_evaluation_failures_total')), {
              legend: 'failures',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withRow(row('Prometheus to Alertmanager'))
      .withPanel(
        timeseriesPanel({
          title: 'Alerts sent and lost',
          description:
            'Alerts per second Prometheus sends to each Alertmanager, the errors, and the alerts dropped (queue full or no Alertmanager).',
          unit: 'short',
          min: 0,
          component: 'prometheus',
          queries: [
            promQuery(sumRate(prom('prometheus_notifications_sent_total'), 'alertmanager'), {
              legend: 'sent to {{alertmanager}}',
            }),
            promQuery(sumRate(prom('prometheus_notifications_errors_total'), 'alertmanager'), {
              legend: 'errors to {{alertmanager}}',
            }),
            promQuery(sumRate(prom('prometheus_notifications_dropped_total')), { legend: 'dropped' }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Notification queue fill',
          description:
            'How full Prometheus’s queue of alerts waiting to be sent is; when full, alerts are dropped.',
          unit: 'percentunit',
          min: 0,
          max: 1,
          thresholds: thresholds('green', { color: 'orange', from: 0.5 }, { color: 'red', from: 0.9 }),
          component: 'prometheus',
          queries: [
            promQuery(
              `max by (instance) (${prom('prometheus_notifications_queue_length')}) / max by (instance) (${prom('prometheus_notifications_queue_capacity')})`,
              { legend: '{{instance}}' },
            ),
          ],
        })
          .height(8)
          .span(12),
      ),
  };
});
