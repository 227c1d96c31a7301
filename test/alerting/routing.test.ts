/**
 * Severity routing, tested twice: through the real `amtool config routes test` on the rendered Alertmanager twin,
 * and through our evaluator on the rendered Grafana policy tree. Both must agree with the expectation and with
 * each other for every label set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { receiversFor } from '../../src/alerting/route-eval.ts';
import type { NotificationPolicyTreeSpec } from '../../src/core/specs.ts';
import { runTool } from '../fixtures/tools.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const twin = 'rendered/alertmanager/alertmanager.yml';
const tree = (
  JSON.parse(readFileSync(join(root, 'rendered/grafana/notification-policies/root.json'), 'utf8')) as {
    spec: NotificationPolicyTreeSpec;
  }
).spec;

const PAGER = 'pagerduty-critical';
const SLACK = 'slack-warnings';
const EMAIL = 'email-info';
const HEARTBEAT = 'heartbeat';

const cases: readonly [string, Record<string, string>, string][] = [
  ['critical pages', { alertname: 'AlloyDown', severity: 'critical' }, PAGER],
  ['warning goes to Slack', { alertname: 'AlloyMemoryHigh', severity: 'warning' }, SLACK],
  ['info goes to email', { alertname: 'NodeDiskFullSoon', severity: 'info' }, EMAIL],
  ['the Watchdog reaches only the heartbeat', { alertname: 'Watchdog', severity: 'critical' }, HEARTBEAT],
  ['the Watchdog wins whatever its severity', { alertname: 'Watchdog', severity: 'warning' }, HEARTBEAT],
  ['an unknown severity falls to the default', { alertname: 'X', severity: 'page' }, EMAIL],
  ['no severity falls to the default', { alertname: 'X' }, EMAIL],
  ['an empty severity falls to the default', { alertname: 'X', severity: '' }, EMAIL],
  ['severities are case-sensitive', { alertname: 'X', severity: 'CRITICAL' }, EMAIL],
  [
    'other labels do not change a critical route',
    { alertname: 'ServiceAvailabilityLow', severity: 'critical', service_name: 'checkout' },
    PAGER,
  ],
  [
    'other labels do not change a warning route',
    { alertname: 'HttpErrorRateHigh', severity: 'warning', job: 'shop/checkout' },
    SLACK,
  ],
  [
    'other labels do not change an info route',
    { alertname: 'IngestionRateGrowing', severity: 'info', instance: 'prometheus-0' },
    EMAIL,
  ],
  ['data loss pages', { alertname: 'TelemetryDataLoss', severity: 'critical', stage: 'loki_ingest' }, PAGER],
  ['a component down pages', { alertname: 'PrometheusDown', severity: 'critical', job: 'prometheus' }, PAGER],
  [
    'Alertmanager down pages (through Grafana)',
    { alertname: 'AlertmanagerDown', severity: 'critical', job: 'alertmanager' },
    PAGER,
  ],
  [
    'frontend warnings go to Slack',
    { alertname: 'FrontendLcpP75High', severity: 'warning', app: 'shop' },
    SLACK,
  ],
  [
    'query latency warns',
    { alertname: 'QueryLatencyP95High', severity: 'warning', db_system_name: 'postgresql' },
    SLACK,
  ],
  ['node memory warns', { alertname: 'NodeMemoryHigh', severity: 'warning', instance: 'node-a' }, SLACK],
  ['a lower-case watchdog is an ordinary alert', { alertname: 'watchdog', severity: 'info' }, EMAIL],
  [
    'a name that only starts like Watchdog is an ordinary alert',
    { alertname: 'Watchdog2', severity: 'critical' },
    PAGER,
  ],
  [
    'a critical alert from Grafana with its folder label pages',
    { alertname: 'GrafanaDown', severity: 'critical', grafana_folder: 'Storage backends' },
    PAGER,
  ],
  [
    'an info alert in maintenance still routes to email (muting is by time, not route)',
    { alertname: 'NodeDiskFullSoon', severity: 'info', mountpoint: '/logs' },
    EMAIL,
  ],
];

function amtoolReceivers(labels: Record<string, string>): string[] {
  const args = [
    'config',
    'routes',
    'test',
    `--config.file=${twin}`,
    ...Object.entries(labels).map(([k, v]) => `${k}=${v}`),
  ];
  const result = runTool('amtool', args, root);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout
    .trim()
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
}

describe('severity routing', () => {
  it('has at least 20 label sets', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it('the twin passes amtool check-config', () => {
    const result = runTool('amtool', ['check-config', twin], root);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });

  it.each(cases)('%s', (_name, labels, expected) => {
    const ours = receiversFor(tree, labels);
    const theirs = amtoolReceivers(labels);
    expect(ours).toEqual([expected]);
    expect(theirs).toEqual(ours);
  });
});
