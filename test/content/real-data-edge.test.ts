/**
 * The queries of the Data layer and Edge dashboards about PostgreSQL, Redis, NGINX and HAProxy, and every rule
 * reading them, evaluated against the real thing: Debian's servers and exporters (real-data-edge.ts), scraped
 * every second under the job names the Config selects on, with the rendered rule files loaded, while a little
 * traffic flows. Each query must return at least one series (real-queries.ts says how rules are measured and how
 * none is left out). The Kafka, Beyla and other panels of those dashboards are checked by the catalogue only.
 */
import type { StackComponent } from '../../src/index.ts';
import { startDataEdgeStack } from './real-data-edge.ts';
import { REAL_COMPONENTS, config, describeRealQueries, jobOf } from './real-queries.ts';

const jobs = {
  postgres: jobOf(config.selectors.postgres, 'postgres'),
  redis: jobOf(config.selectors.redis, 'redis'),
  nginx: jobOf(config.selectors.nginx, 'nginx'),
  haproxy: jobOf(config.selectors.haproxy, 'haproxy'),
};

const components: readonly StackComponent[] = REAL_COMPONENTS.dataEdge;

describeRealQueries({
  title: 'queries about PostgreSQL, Redis, NGINX and HAProxy, against the real servers and exporters',
  components,
  start: (ruleFiles) => startDataEdgeStack(jobs, ruleFiles),
  readyWithin: 40_000,
  async ready(wait, has) {
    await wait('all four targets up', () => has('count(up == 1) == 4'));
    await wait('the exporters reaching their servers', () =>
      has('count(pg_up == 1 or redis_up == 1 or nginx_up == 1) == 3'),
    );
    await wait('HAProxy seeing its server up', () => has('haproxy_backend_active_servers > 0'));
    // Six scrapes of each target: every rate() over $__rate_interval (4s) then has several samples.
    await wait('six scrapes of each target', () => has('min(count_over_time(up[1m])) >= 6'));
  },
  minimumQueries: 4,
  expectedRules: [],
  scrapeAndRules: false,
});
