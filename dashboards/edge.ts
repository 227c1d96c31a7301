import type { StackConfig } from '../stack.config.ts';
import {
  datasourceVariable,
  defineDashboard,
  higherIsWorse,
  metricOf,
  promQuery,
  row,
  shareOf,
  stackDashboard,
  statPanel,
  sumRate,
  thresholds,
  timeseriesPanel,
} from '../src/index.ts';
import { DASHBOARD_UIDS, linksTo } from './links.ts';

/**
 * NGINX (nginx-prometheus-exporter over stub_status) and HAProxy (its built-in exporter): how traffic spreads over
 * instances and backends, and which answers fail. stub_status has no status codes: errors of NGINX-fronted
 * services are on the Services dashboard (Beyla).
 */
export default defineDashboard((cfg: StackConfig) => {
  const t = cfg.thresholds;
  const s = cfg.selectors;
  const nginx = metricOf(s.nginx);
  const haproxy = metricOf(s.haproxy);
  const errorSteps = higherIsWorse(t.httpErrorRatio / 2, t.httpErrorRatio);

  return {
    uid: DASHBOARD_UIDS.edge,
    folderUid: cfg.folders.edge.uid,
    dashboard: stackDashboard({
      title: 'Edge: NGINX and HAProxy',
      description:
        'Traffic at the edge and how it is distributed over NGINX instances and HAProxy frontends, backends and servers; HAProxy error shares per backend.',
      tags: ['edge', 'nginx', 'haproxy'],
    })
      .links(linksTo('overview', 'services', 'infrastructure'))
      .withVariable(datasourceVariable('prometheus', cfg.datasources.prometheus.uid))
      .withRow(row('NGINX'))
      .withPanel(
        statPanel({
          title: 'NGINX up',
          description:
            'Whether every exporter can read its NGINX’s stub_status (1 = up; the lowest is shown).',
          unit: 'short',
          decimals: 0,
          sparkline: false,
          background: true,
          thresholds: thresholds('red', { color: 'green', from: 1 }),
          component: 'nginx-exporter',
          queries: [promQuery(`min(${nginx('nginx_up')})`)],
        })
          .height(5)
          .span(4),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Requests by instance',
          description:
            'Requests per second handled by each NGINX instance, stacked: an uneven split points at the load balancer in front.',
          unit: 'reqps',
          stack: true,
          component: 'nginx-exporter',
          queries: [
            promQuery(sumRate(nginx('nginx_http_requests_total'), 'instance'), { legend: '{{instance}}' }),
          ],
        })
          .height(8)
          .span(10),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Connections',
          description:
            'Active connections by state (reading, writing, waiting = keep-alive idle), and connections dropped per second (accepted but not handled: worker_connections exhausted).',
          unit: 'short',
          min: 0,
          component: 'nginx-exporter',
          queries: [
            promQuery(`sum(${nginx('nginx_connections_reading')})`, { legend: 'reading' }),
            promQuery(`sum(${nginx('nginx_connections_writing')})`, { legend: 'writing' }),
            promQuery(`sum(${nginx('nginx_connections_waiting')})`, { legend: 'waiting' }),
            promQuery(
              `${sumRate(nginx('nginx_connections_accepted'))} - ${sumRate(nginx('nginx_connections_handled'))}`,
              { legend: 'dropped/s' },
            ),
          ],
        })
          .height(8)
          .span(10),
      )
      .withRow(row('HAProxy'))
      .withPanel(
        timeseriesPanel({
          title: 'Requests by frontend',
          description: 'HTTP requests per second received by each HAProxy frontend.',
          unit: 'reqps',
          stack: true,
          component: 'haproxy',
          queries: [
            promQuery(sumRate(haproxy('haproxy_frontend_http_requests_total'), 'proxy'), {
              legend: '{{proxy}}',
            }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Responses by backend and class',
          description: 'HTTP responses per second per backend and status class (1xx … 5xx), stacked.',
          unit: 'reqps',
          stack: true,
          component: 'haproxy',
          queries: [
            promQuery(sumRate(haproxy('haproxy_backend_http_responses_total'), ['proxy', 'code']), {
              legend: '{{proxy}} {{code}}',
            }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: '5xx share by backend',
          description: `Share of each backend's responses that are 5xx. Above ${t.httpErrorRatio * 100}% the services' error budget burns.`,
          unit: 'percentunit',
          min: 0,
          thresholds: errorSteps,
          showThresholds: true,
          component: 'haproxy',
          queries: [
            promQuery(
              shareOf(
                sumRate(haproxy('haproxy_backend_http_responses_total', { code: '5xx' }), 'proxy'),
                sumRate(haproxy('haproxy_backend_http_responses_total'), 'proxy'),
              ),
              { legend: '{{proxy}}' },
            ),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Traffic by server',
          description:
            'HTTP responses per second from each server of each backend: how the load balancing spreads traffic.',
          unit: 'reqps',
          component: 'haproxy',
          queries: [
            promQuery(sumRate(haproxy('haproxy_server_http_responses_total'), ['proxy', 'server']), {
              legend: '{{proxy}}/{{server}}',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Backend response time',
          description:
            'Average response time of each backend over its last 1024 requests, as HAProxy computes it.',
          unit: 's',
          min: 0,
          component: 'haproxy',
          queries: [
            promQuery(`max by (proxy) (${haproxy('haproxy_backend_response_time_average_seconds')})`, {
              legend: '{{proxy}}',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Servers up per backend',
          description: 'Active servers available to each backend; a drop means health checks fail.',
          unit: 'short',
          min: 0,
          component: 'haproxy',
          queries: [
            promQuery(`min by (proxy) (${haproxy('haproxy_backend_active_servers')})`, {
              legend: '{{proxy}}',
            }),
          ],
        })
          .height(8)
          .span(24),
      ),
  };
});
