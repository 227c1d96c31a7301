import type { StackConfig } from '../stack.config.ts';
import {
  configLoadedStat,
  datasourceVariable,
  defineDashboard,
  histogramQuantile,
  metric,
  metricOf,
  promQuery,
  re,
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

/** The three stores: are they up, how much do they ingest, how fast do they answer, what do they throw away. */
export default defineDashboard((cfg: StackConfig) => {
  const s = cfg.selectors;
  const up = (selector: typeof s.prometheus, component: 'prometheus' | 'loki' | 'tempo', title: string) =>
    statPanel({
      title: `${title} up`,
      description: `Whether Prometheus can scrape ${title} (1 = up, per instance; the lowest is shown).`,
      unit: 'short',
      decimals: 0,
      background: true,
      thresholds: thresholds('red', { color: 'green', from: 1 }),
      component,
      queries: [promQuery(`min(${metric('up', selector)})`)],
    });
  const prom = metricOf(s.prometheus);
  const loki = metricOf(s.loki);
  const tempo = metricOf(s.tempo);
  const lokiReads = {
    route: re(
      'loki_api_v1_query_range|loki_api_v1_query|loki_api_v1_series|loki_api_v1_labels|loki_api_v1_label_name_values',
    ),
  };
  const lokiPush = { route: re('loki_api_v1_push|otlp_v1_logs') };
  const tempoReads = { route: re('api_.*') };

  return {
    uid: DASHBOARD_UIDS.backends,
    folderUid: cfg.folders.backends.uid,
    dashboard: stackDashboard({
      title: 'Storage backends: Prometheus, Loki, Tempo',
      description:
        'Prometheus, Loki and Tempo: health, ingestion, query latency, and the data each one refuses or discards.',
      tags: ['backends', 'prometheus', 'loki', 'tempo'],
    })
      .links(linksTo('overview', 'pipeline', 'alerting', 'infrastructure'))
      .withVariable(datasourceVariable('prometheus', cfg.datasources.prometheus.uid))
      .withRow(row('Prometheus'))
      .withPanel(up(s.prometheus, 'prometheus', 'Prometheus').height(5).span(4))
      .withPanel(
        configLoadedStat({
          title: 'Config reloaded',
          description:
            'Whether the last configuration reload of every Prometheus succeeded (0 = it runs an older config).',
          component: 'prometheus',
          series: prom('prometheus_config_last_reload_successful'),
        })
          .height(5)
          .span(4),
      )
      .withPanel(
        statPanel({
          title: 'Active series',
          description: 'Series in the head block: memory use grows with it.',
          unit: 'short',
          component: 'prometheus',
          queries: [promQuery(`sum(${prom('prometheus_tsdb_head_series')})`)],
        })
          .height(5)
          .span(4),
      )
      .withPanel(
        statPanel({
          title: 'Samples ingested',
          description: 'Samples appended per second (scrapes, rules and remote write from Alloy).',
          unit: 'cps',
          component: 'prometheus',
          queries: [promQuery(sumRate(prom('prometheus_tsdb_head_samples_appended_total')))],
        })
          .height(5)
          .span(4),
      )
      .withPanel(
        statPanel({
          title: 'Storage used',
          description: 'Bytes of the persisted blocks (the head block and WAL come on top).',
          unit: 'bytes',
          component: 'prometheus',
          queries: [promQuery(`sum(${prom('prometheus_tsdb_storage_blocks_bytes')})`)],
        })
          .height(5)
          .span(4),
      )
      .withPanel(
        statPanel({
          title: 'Compactions failed',
          description:
            'TSDB compactions that failed over the selected range; any failure risks disk and query trouble.',
          unit: 'short',
          sparkline: false,
          thresholds: thresholds('green', { color: 'red', from: 1 }),
          component: 'prometheus',
          queries: [
            promQuery(sumIncrease(prom('prometheus_tsdb_compactions_failed_total')), { instant: true }),
          ],
        })
          .height(5)
          .span(4),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Ingestion',
          description: 'Samples appended per second, per Prometheus instance.',
          unit: 'cps',
          component: 'prometheus',
          queries: [
            promQuery(sumRate(prom('prometheus_tsdb_head_samples_appended_total'), 'instance'), {
              legend: '{{instance}}',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Query latency',
          description:
            'Engine time of queries at the 90th percentile, per stage (prepare, inner evaluation, result sort), and the 95th percentile of the query API as clients see it.',
          unit: 's',
          min: 0,
          component: 'prometheus',
          queries: [
            promQuery(
              `max by (slice) (${prom('prometheus_engine_query_duration_seconds', { quantile: '0.9' })})`,
              {
                legend: 'engine p90 {{slice}}',
              },
            ),
            promQuery(
              histogramQuantile(
                0.95,
                prom('prometheus_http_request_duration_seconds_bucket', {
                  handler: re('/api/v1/query|/api/v1/query_range'),
                }),
                'handler',
              ),
              { legend: 'API p95 {{handler}}' },
            ),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Samples rejected',
          description:
            'Scraped samples Prometheus refused per second: out of order, duplicate timestamps, out of bounds (too old).',
          unit: 'cps',
          min: 0,
          component: 'prometheus',
          queries: [
            promQuery(sumRate(prom('prometheus_target_scrapes_sample_out_of_order_total')), {
              legend: 'out of order',
            }),
            promQuery(sumRate(prom('prometheus_target_scrapes_sample_duplicate_timestamp_total')), {
              legend: 'duplicate timestamp',
            }),
            promQuery(sumRate(prom('prometheus_target_scrapes_sample_out_of_bounds_total')), {
              legend: 'out of bounds',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withRow(row('Loki'))
      .withPanel(up(s.loki, 'loki', 'Loki').height(5).span(4))
      .withPanel(
        statPanel({
          title: 'Log lines ingested',
          description: 'Lines per second accepted by the distributors.',
          unit: 'cps',
          component: 'loki',
          queries: [promQuery(sumRate(loki('loki_distributor_lines_received_total')))],
        })
          .height(5)
          .span(5),
      )
      .withPanel(
        statPanel({
          title: 'Bytes ingested',
          description: 'Log bytes per second accepted by the distributors.',
          unit: 'Bps',
          component: 'loki',
          queries: [promQuery(sumRate(loki('loki_distributor_bytes_received_total')))],
        })
          .height(5)
          .span(5),
      )
      .withPanel(
        statPanel({
          title: 'Active streams',
          description: 'Streams held in the ingesters’ memory: grows with label cardinality.',
          unit: 'short',
          component: 'loki',
          queries: [promQuery(`sum(${loki('loki_ingester_memory_streams')})`)],
        })
          .height(5)
          .span(5),
      )
      .withPanel(
        statPanel({
          title: 'Lines discarded',
          description: 'Log lines per second Loki refused (rate limits, too old, too long): lost for good.',
          unit: 'cps',
          thresholds: thresholds('green', { color: 'red', from: 0.001 }),
          component: 'loki',
          queries: [promQuery(sumRate(loki('loki_discarded_samples_total')))],
        })
          .height(5)
          .span(5),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Discarded lines by reason',
          description:
            'Lines per second Loki refused, by reason (rate_limited, per_stream_rate_limit, line_too_long, …).',
          unit: 'cps',
          min: 0,
          component: 'loki',
          queries: [
            promQuery(sumRate(loki('loki_discarded_samples_total'), 'reason'), { legend: '{{reason}}' }),
          ],
        })
          .height(8)
          .span(6),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Query latency (p99)',
          description: 'The 99th percentile of read requests, per route.',
          unit: 's',
          min: 0,
          component: 'loki',
          queries: [
            promQuery(
              histogramQuantile(0.99, loki('loki_request_duration_seconds_bucket', lokiReads), 'route'),
              {
                legend: '{{route}}',
              },
            ),
          ],
        })
          .height(8)
          .span(6),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Push latency (p99)',
          description: 'The 99th percentile of pushes (from Alloy), per route.',
          unit: 's',
          min: 0,
          component: 'loki',
          queries: [
            promQuery(
              histogramQuantile(0.99, loki('loki_request_duration_seconds_bucket', lokiPush), 'route'),
              {
                legend: '{{route}}',
              },
            ),
          ],
        })
          .height(8)
          .span(6),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Push errors',
          description: 'Share of pushes answered with a 5xx, per route: Alloy retries them, then drops.',
          unit: 'percentunit',
          min: 0,
          component: 'loki',
          queries: [
            promQuery(
              shareOf(
                sumRate(
                  loki('loki_request_duration_seconds_count', { ...lokiPush, status_code: re('5..') }),
                  'route',
                ),
                sumRate(loki('loki_request_duration_seconds_count', lokiPush), 'route'),
              ),
              { legend: '{{route}}' },
            ),
          ],
        })
          .height(8)
          .span(6),
      )
      .withRow(row('Tempo'))
      .withPanel(up(s.tempo, 'tempo', 'Tempo').height(5).span(4))
      .withPanel(
        statPanel({
          title: 'Spans ingested',
          description: 'Spans per second accepted by the distributors.',
          unit: 'cps',
          component: 'tempo',
          queries: [promQuery(sumRate(tempo('tempo_distributor_spans_received_total')))],
        })
          .height(5)
          .span(5),
      )
      .withPanel(
        statPanel({
          title: 'Bytes ingested',
          description: 'Trace bytes per second accepted by the distributors (after limits).',
          unit: 'Bps',
          component: 'tempo',
          queries: [promQuery(sumRate(tempo('tempo_distributor_bytes_received_total')))],
        })
          .height(5)
          .span(5),
      )
      .withPanel(
        statPanel({
          title: 'Spans refused at receivers',
          description:
            'Spans per second the OTLP receivers refused (tempo_receiver_refused_spans has no _total).',
          unit: 'cps',
          thresholds: thresholds('green', { color: 'red', from: 0.001 }),
          component: 'tempo',
          queries: [promQuery(sumRate(tempo('tempo_receiver_refused_spans')))],
        })
          .height(5)
          .span(5),
      )
      .withPanel(
        statPanel({
          title: 'Unhealthy ring members',
          description:
            'Members of Tempo’s rings (distributors, live stores, metrics generators) in the Unhealthy state.',
          unit: 'short',
          thresholds: thresholds('green', { color: 'red', from: 1 }),
          component: 'tempo',
          queries: [promQuery(`sum(${tempo('tempo_ring_members', { state: 'Unhealthy' })})`)],
        })
          .height(5)
          .span(5),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Discarded spans by reason',
          description:
            'Spans per second Tempo threw away, by reason (rate_limited, trace_too_large, live_traces_exceeded, …).',
          unit: 'cps',
          min: 0,
          component: 'tempo',
          queries: [
            promQuery(sumRate(tempo('tempo_discarded_spans_total'), 'reason'), { legend: '{{reason}}' }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Query latency (p99)',
          description: 'The 99th percentile of search and trace-by-id requests, per route.',
          unit: 's',
          min: 0,
          component: 'tempo',
          queries: [
            promQuery(
              histogramQuantile(0.99, tempo('tempo_request_duration_seconds_bucket', tempoReads), 'route'),
              {
                legend: '{{route}}',
              },
            ),
          ],
        })
          .height(8)
          .span(12),
      ),
  };
});
