/**
 * The queries about Prometheus, Alertmanager and the node exporter, evaluated against the real thing: the Debian
 * packages' binaries, scraping each other every second under the job names the Config selects on, with the
 * rendered rule files loaded. Every dashboard query declared for one of them (panels carry a `components` field,
 * see src/kit/components.ts) and every rule whose expression reads one of them must return at least one series
 * (rules through their measurements; real-queries.ts says how, and how none is left out).
 */
import type { StackComponent } from '../../src/index.ts';
import { REAL_COMPONENTS, alwaysFiringRuleFile, config, describeRealQueries, jobOf } from './real-queries.ts';
import { startRealStack } from './real-stack.ts';

/** A firing critical alert of the test's own, so that panels listing firing critical alerts have one to list. */
const SEED_ALERT = 'SyntheticCriticalAlertOfTheTest';

const jobs = {
  prometheus: jobOf(config.selectors.prometheus, 'prometheus'),
  alertmanager: jobOf(config.selectors.alertmanager, 'alertmanager'),
  nodeExporter: jobOf(config.selectors.node, 'node'),
};

const components: readonly StackComponent[] = REAL_COMPONENTS.prometheus;

describeRealQueries({
  title: 'queries about Prometheus, Alertmanager and the node exporter, against the real binaries',
  components,
  start: (ruleFiles) => startRealStack(jobs, ruleFiles),
  extraRuleFiles: new Map([['test-seed.yml', alwaysFiringRuleFile(SEED_ALERT, { severity: 'critical' })]]),
  readyWithin: 40_000,
  async ready(wait, has) {
    await wait('all three targets up', () => has('count(up == 1) == 3'));
    // Six scrapes of each target: every rate() over $__rate_interval (4s) then has several samples.
    await wait('six scrapes of each target', () => has('min(count_over_time(up[1m])) >= 6'));
    await wait('the rules evaluated', () => has(`ALERTS{alertname="${SEED_ALERT}", alertstate="firing"}`));
  },
  minimumQueries: 4,
  expectedRules: [
    'PrometheusDown',
    'AlertmanagerDown',
    'NodeMemoryHigh',
    'NodeDiskHigh',
    'NodeDiskFullSoon',
    'IngestionRateGrowing',
  ],
  scrapeAndRules: true,
});
