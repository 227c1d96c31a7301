import type { StackConfig } from '../stack.config.ts';
import { defineAlertRuleGroup, metric } from '../src/index.ts';
import { dashboard, runbook } from './links.ts';

/**
 * PostgreSQL and Redis, read through their exporters (postgres_exporter's pg_*, redis_exporter's redis_*: the
 * catalogue cites their sources, and test/content/real-data-edge.test.ts evaluates these rules against the real
 * servers): down, and close to the limit that refuses clients (connections, memory).
 */
export default defineAlertRuleGroup((cfg: StackConfig) => {
  const pg = cfg.selectors.postgres;
  const redis = cfg.selectors.redis;
  const pgUp = metric('pg_up', pg);
  const redisUp = metric('redis_up', redis);
  // Panels of the Data layer dashboard: 7 PostgreSQL up, 8 connections used, 13 Redis up, 17 memory against maxmemory.
  const panel = (id: number) => dashboard(cfg, 'data-layer', id);
  return {
    uid: 'data-layer',
    folderUid: cfg.folders.data.uid,
    name: 'data-layer',
    interval: '1m',
    datasource: { uid: cfg.datasources.prometheus.uid, type: 'prometheus' },
    rules: [
      {
        name: 'PostgresDown',
        // pg_up is 0 when the exporter cannot reach the database; absent when the exporter itself is gone.
        expr: `${pgUp} == 0 or absent(${pgUp})`,
        for: '5m',
        severity: 'critical',
        summary: 'PostgreSQL{{ with $labels.instance }} behind {{ . }}{{ end }} cannot be reached',
        description:
          'For 5 minutes the exporter has failed to connect to PostgreSQL (pg_up == 0), or no exporter reports at all: the services reading it fail.',
        runbookUrl: runbook(cfg, 'postgres-down'),
        dashboard: panel(7),
      },
      {
        name: 'PostgresConnectionsHigh',
        expr: `sum by (instance) (${metric('pg_stat_database_numbackends', pg)}) / max by (instance) (${metric('pg_settings_max_connections', pg)}) > 0.8`,
        for: '10m',
        severity: 'warning',
        summary:
          'PostgreSQL {{ $labels.instance }} uses {{ $value | humanizePercentage }} of its max_connections',
        description:
          'More than 80% of max_connections have been in use for 10 minutes; at 100% PostgreSQL refuses new clients.',
        runbookUrl: runbook(cfg, 'postgres-connections-high'),
        dashboard: panel(8),
      },
      {
        name: 'RedisDown',
        expr: `${redisUp} == 0 or absent(${redisUp})`,
        for: '5m',
        severity: 'critical',
        summary: 'Redis{{ with $labels.instance }} behind {{ . }}{{ end }} cannot be reached',
        description:
          'For 5 minutes the exporter has failed to reach Redis (redis_up == 0), or no exporter reports at all: caches miss and what depends on Redis fails.',
        runbookUrl: runbook(cfg, 'redis-down'),
        dashboard: panel(13),
      },
      {
        name: 'RedisMemoryHigh',
        // Only where maxmemory is set (0 means no limit, and no eviction to come).
        expr: `max by (instance) (${metric('redis_memory_used_bytes', redis)}) / max by (instance) (${metric('redis_memory_max_bytes', redis)} > 0) > 0.9`,
        for: '10m',
        severity: 'warning',
        summary: 'Redis {{ $labels.instance }} uses {{ $value | humanizePercentage }} of its maxmemory',
        description:
          'Memory has been above 90% of maxmemory for 10 minutes: Redis evicts keys (or refuses writes, by its policy) when it is full.',
        runbookUrl: runbook(cfg, 'redis-memory-high'),
        dashboard: panel(17),
      },
    ],
  };
});
