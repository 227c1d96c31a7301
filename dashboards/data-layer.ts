// Assumes Grafana Alloy v1.18 embedding Beyla 3.28 (src/catalogue/versions.ts) for the client side:
// db_client_operation_duration_seconds with db_system_name / db_operation_name / error_type (Beyla >= 2.0),
// messaging_client_operation_duration_seconds (Beyla >= 3.9, was messaging_publish_duration_seconds) and
// messaging_process_duration_seconds. Server side: postgres_exporter, redis_exporter, kafka_exporter.
import type { StackConfig } from '../stack.config.ts';
import {
  BEYLA_PIN,
  datasourceVariable,
  defineDashboard,
  higherIsWorse,
  histogramQuantile,
  lowerIsWorse,
  metric,
  metricOf,
  ne,
  promQuery,
  re,
  row,
  serviceVariable,
  shareOf,
  stackDashboard,
  statPanel,
  sumRate,
  thresholds,
  timeseriesPanel,
} from '../src/index.ts';
import { DASHBOARD_UIDS, linksTo } from './links.ts';

/** PostgreSQL, Redis and Kafka as their exporters see them, and as the services calling them see them (Beyla). */
export default defineDashboard((cfg: StackConfig) => {
  const t = cfg.thresholds;
  const s = cfg.selectors;
  const pg = metricOf(s.postgres);
  const redis = metricOf(s.redis);
  const kafka = metricOf(s.kafka);
  const service = { ...s.beyla, service_name: re('$service') };
  const dbCalls = metric('db_client_operation_duration_seconds_count', service);
  const dbFailed = metric('db_client_operation_duration_seconds_count', service, { error_type: ne('') });
  const dbBuckets = metric('db_client_operation_duration_seconds_bucket', service);
  const hitRatio = (hits: string, misses: string, by: string): string =>
    `${sumRate(hits, by)} / (${sumRate(hits, by)} + ${sumRate(misses, by)})`;
  const up = (
    title: string,
    series: string,
    component: 'postgres-exporter' | 'redis-exporter' | 'kafka-exporter',
  ) =>
    statPanel({
      title,
      description: `Whether the exporter reaches the server (1 = up); the lowest instance is shown.`,
      unit: 'short',
      decimals: 0,
      sparkline: false,
      background: true,
      thresholds: thresholds('red', { color: 'green', from: 1 }),
      component,
      queries: [promQuery(`min(${series})`)],
    });

  return {
    uid: DASHBOARD_UIDS.data,
    folderUid: cfg.folders.data.uid,
    dashboard: stackDashboard({
      title: 'Data layer: PostgreSQL, Redis, Kafka',
      description: `Databases, cache and message broker from their exporters, and the services’ calls to them measured by Beyla. ${BEYLA_PIN}`,
      tags: ['data', 'postgresql', 'redis', 'kafka'],
    })
      .links(linksTo('overview', 'services', 'infrastructure'))
      .withVariable(datasourceVariable('prometheus', cfg.datasources.prometheus.uid))
      .withVariable(serviceVariable(metric('db_client_operation_duration_seconds_count', s.beyla)))
      .withRow(row('Calls from the services (Beyla)'))
      .withPanel(
        timeseriesPanel({
          title: 'Database and cache operations',
          description:
            'Client operations per second per service, database system (postgresql, redis, …) and operation.',
          unit: 'ops',
          component: 'beyla',
          queries: [
            promQuery(sumRate(dbCalls, ['service_name', 'db_system_name', 'db_operation_name']), {
              legend: '{{service_name}} {{db_system_name}} {{db_operation_name}}',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Database and cache P95 duration',
          description: `95th percentile of client operations per service and system. The query objective is ${t.queryP95Seconds * 1000} ms.`,
          unit: 's',
          min: 0,
          thresholds: higherIsWorse(t.queryP95Seconds * 0.8, t.queryP95Seconds),
          showThresholds: true,
          component: 'beyla',
          queries: [
            promQuery(histogramQuantile(0.95, dbBuckets, ['service_name', 'db_system_name']), {
              legend: '{{service_name}} {{db_system_name}}',
              exemplar: true,
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Database and cache errors',
          description:
            'Share of client operations that failed (Beyla sets error_type), per service and system.',
          unit: 'percentunit',
          min: 0,
          component: 'beyla',
          queries: [
            promQuery(
              shareOf(
                sumRate(dbFailed, ['service_name', 'db_system_name']),
                sumRate(dbCalls, ['service_name', 'db_system_name']),
              ),
              { legend: '{{service_name}} {{db_system_name}}' },
            ),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Messages published',
          description:
            'Messages per second the services publish, per topic (Beyla messaging client operations).',
          unit: 'cps',
          component: 'beyla',
          queries: [
            promQuery(
              sumRate(metric('messaging_client_operation_duration_seconds_count', service), [
                'service_name',
                'messaging_destination_name',
              ]),
              { legend: '{{service_name}} → {{messaging_destination_name}}' },
            ),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Publish P95 duration',
          description: 'The 95th percentile of publishing, per service and topic.',
          unit: 's',
          min: 0,
          component: 'beyla',
          queries: [
            promQuery(
              histogramQuantile(0.95, metric('messaging_client_operation_duration_seconds_bucket', service), [
                'service_name',
                'messaging_destination_name',
              ]),
              { legend: '{{service_name}} → {{messaging_destination_name}}' },
            ),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Messages processed',
          description: 'Messages per second the services consume and process, per topic.',
          unit: 'cps',
          component: 'beyla',
          queries: [
            promQuery(
              sumRate(metric('messaging_process_duration_seconds_count', service), [
                'service_name',
                'messaging_destination_name',
              ]),
              { legend: '{{messaging_destination_name}} → {{service_name}}' },
            ),
          ],
        })
          .height(8)
          .span(8),
      )
      .withRow(row('PostgreSQL'))
      .withPanel(up('PostgreSQL up', pg('pg_up'), 'postgres-exporter').height(5).span(4))
      .withPanel(
        timeseriesPanel({
          title: 'Connections used',
          description:
            'Backends connected as a share of max_connections, per server; at 100% new connections fail.',
          unit: 'percentunit',
          min: 0,
          max: 1,
          thresholds: higherIsWorse(0.75, 0.9),
          showThresholds: true,
          component: 'postgres-exporter',
          queries: [
            promQuery(
              `sum by (instance) (${pg('pg_stat_database_numbackends')}) / max by (instance) (${pg('pg_settings_max_connections')})`,
              { legend: '{{instance}}' },
            ),
          ],
        })
          .height(8)
          .span(10),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Transactions',
          description:
            'Commits and rollbacks per second per server (pg_stat_database counters have no _total).',
          unit: 'cps',
          component: 'postgres-exporter',
          queries: [
            promQuery(sumRate(pg('pg_stat_database_xact_commit'), 'instance'), {
              legend: 'commits {{instance}}',
            }),
            promQuery(sumRate(pg('pg_stat_database_xact_rollback'), 'instance'), {
              legend: 'rollbacks {{instance}}',
            }),
          ],
        })
          .height(8)
          .span(10),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Buffer cache hit ratio',
          description:
            'Share of block reads served from PostgreSQL’s buffer cache; below 99% queries go to disk.',
          unit: 'percentunit',
          max: 1,
          thresholds: lowerIsWorse(0.95, 0.99),
          component: 'postgres-exporter',
          queries: [
            promQuery(
              hitRatio(pg('pg_stat_database_blks_hit'), pg('pg_stat_database_blks_read'), 'instance'),
              {
                legend: '{{instance}}',
              },
            ),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Longest transaction',
          description:
            'Age of the oldest open transaction per server; long ones block vacuum and hold locks.',
          unit: 's',
          min: 0,
          component: 'postgres-exporter',
          queries: [
            promQuery(`max by (instance) (${pg('pg_stat_activity_max_tx_duration')})`, {
              legend: '{{instance}}',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Deadlocks',
          description: 'Deadlocks detected per second, per server.',
          unit: 'cps',
          min: 0,
          component: 'postgres-exporter',
          queries: [
            promQuery(sumRate(pg('pg_stat_database_deadlocks'), 'instance'), { legend: '{{instance}}' }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withRow(row('Redis'))
      .withPanel(up('Redis up', redis('redis_up'), 'redis-exporter').height(5).span(4))
      .withPanel(
        timeseriesPanel({
          title: 'Cache hit ratio',
          description: 'Share of key lookups that found the key, per server.',
          unit: 'percentunit',
          max: 1,
          thresholds: lowerIsWorse(0.5, 0.8),
          component: 'redis-exporter',
          queries: [
            promQuery(
              hitRatio(redis('redis_keyspace_hits_total'), redis('redis_keyspace_misses_total'), 'instance'),
              {
                legend: '{{instance}}',
              },
            ),
          ],
        })
          .height(8)
          .span(10),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Hits and misses',
          description: 'Key lookups per second that hit or missed, per server.',
          unit: 'ops',
          component: 'redis-exporter',
          queries: [
            promQuery(sumRate(redis('redis_keyspace_hits_total'), 'instance'), {
              legend: 'hits {{instance}}',
            }),
            promQuery(sumRate(redis('redis_keyspace_misses_total'), 'instance'), {
              legend: 'misses {{instance}}',
            }),
          ],
        })
          .height(8)
          .span(10),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Commands',
          description: 'Commands processed per second, per server.',
          unit: 'ops',
          component: 'redis-exporter',
          queries: [
            promQuery(sumRate(redis('redis_commands_processed_total'), 'instance'), {
              legend: '{{instance}}',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Memory against maxmemory',
          description:
            'Memory used as a share of maxmemory, for servers that set one; near 100% keys are evicted (or writes fail).',
          unit: 'percentunit',
          min: 0,
          max: 1,
          thresholds: higherIsWorse(0.8, 0.95),
          component: 'redis-exporter',
          queries: [
            promQuery(
              `max by (instance) (${redis('redis_memory_used_bytes')}) / max by (instance) (${redis('redis_memory_max_bytes')} > 0)`,
              { legend: '{{instance}}' },
            ),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Evictions and clients',
          description: 'Keys evicted per second for lack of memory, and connected clients, per server.',
          unit: 'short',
          min: 0,
          component: 'redis-exporter',
          queries: [
            promQuery(sumRate(redis('redis_evicted_keys_total'), 'instance'), {
              legend: 'evicted/s {{instance}}',
            }),
            promQuery(`max by (instance) (${redis('redis_connected_clients')})`, {
              legend: 'clients {{instance}}',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withRow(row('Kafka'))
      .withPanel(
        statPanel({
          title: 'Brokers',
          description: 'Brokers in the Kafka cluster, as the exporter sees it.',
          unit: 'short',
          sparkline: false,
          component: 'kafka-exporter',
          queries: [promQuery(`max(${kafka('kafka_brokers')})`)],
        })
          .height(5)
          .span(4),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Consumer lag',
          description:
            'Messages not yet consumed, per consumer group and topic: growing lag means consumers fall behind.',
          unit: 'short',
          min: 0,
          component: 'kafka-exporter',
          queries: [
            promQuery(`sum by (consumergroup, topic) (${kafka('kafka_consumergroup_lag')})`, {
              legend: '{{consumergroup}} {{topic}}',
            }),
          ],
        })
          .height(8)
          .span(10),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Throughput',
          description: 'Messages per second written to each topic, and consumed by each group.',
          unit: 'cps',
          component: 'kafka-exporter',
          queries: [
            promQuery(sumRate(kafka('kafka_topic_partition_current_offset'), 'topic'), {
              legend: 'produced {{topic}}',
            }),
            promQuery(sumRate(kafka('kafka_consumergroup_current_offset'), ['consumergroup', 'topic']), {
              legend: 'consumed {{consumergroup}} {{topic}}',
            }),
          ],
        })
          .height(8)
          .span(10),
      )
      .withPanel(
        statPanel({
          title: 'Under-replicated partitions',
          description: 'Partitions with fewer in-sync replicas than configured: a broker is down or slow.',
          unit: 'short',
          thresholds: thresholds('green', { color: 'red', from: 1 }),
          component: 'kafka-exporter',
          queries: [promQuery(`sum(${kafka('kafka_topic_partition_under_replicated_partition')})`)],
        })
          .height(5)
          .span(4),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Consumers per group',
          description: 'Members of each consumer group; a group with no members does not consume.',
          unit: 'short',
          min: 0,
          component: 'kafka-exporter',
          queries: [
            promQuery(`max by (consumergroup) (${kafka('kafka_consumergroup_members')})`, {
              legend: '{{consumergroup}}',
            }),
          ],
        })
          .height(8)
          .span(20),
      ),
  };
});
