import { describe, expect, it } from 'vitest';
import type { PrometheusRuleGroup } from '../../src/alerting/rule-model.ts';
import { MATH_EXPRESSION, toGrafanaRuleGroup } from '../../src/alerting/to-grafana.ts';

const group: PrometheusRuleGroup = {
  name: 'api',
  interval: '2m',
  labels: { team: 'sre', severity: 'info' },
  rules: [
    {
      alert: 'ApiDown',
      expr: 'up{job="api"} == 0',
      for: '5m',
      labels: { severity: 'critical' },
      annotations: { summary: 'down', runbook_url: 'https://r/api-down' },
    },
    { record: 'job:up:sum', expr: 'sum by (job) (up)', labels: {} },
    { alert: 'ApiDown', expr: 'absent(up{job="api"})', labels: { severity: 'critical' }, annotations: {} },
  ],
};

const target = {
  folderUid: 'services',
  datasource: { uid: 'prom', type: 'prometheus' as const },
  targetDatasourceUid: 'prom-rw',
  uidPrefix: 'api',
};

describe('Prometheus rule to Grafana rule, as Grafana converts it', () => {
  const spec = toGrafanaRuleGroup(group, target);

  it('keeps the group name, folder and interval in seconds', () => {
    expect([spec.title, spec.folderUid, spec.interval]).toEqual(['api', 'services', 120]);
  });

  it('turns an alert into query → math → threshold with Prometheus firing semantics', () => {
    const [alert] = spec.rules;
    expect(alert?.condition).toBe('threshold');
    expect(alert?.data.map((d) => [d.refId, d.datasourceUid])).toEqual([
      ['query', 'prom'],
      ['prometheus_math', '__expr__'],
      ['threshold', '__expr__'],
    ]);
    expect(alert?.data[0]?.model).toEqual({
      datasource: { type: 'prometheus', uid: 'prom' },
      expr: 'up{job="api"} == 0',
      instant: true,
      range: false,
      refId: 'query',
    });
    expect(alert?.data[0]?.relativeTimeRange).toEqual({ from: 600, to: 0 });
    expect(alert?.data[1]?.model.expression).toBe(MATH_EXPRESSION);
    expect(alert?.data[2]?.model.conditions).toEqual([{ evaluator: { type: 'gt', params: [0] } }]);
    expect([alert?.noDataState, alert?.execErrState, alert?.missingSeriesEvalsToResolve]).toEqual([
      'OK',
      'Error',
      1,
    ]);
    expect(alert?.for).toBe('5m');
  });

  it('merges group labels under rule labels, the rule winning', () => {
    expect(spec.rules[0]?.labels).toEqual({ team: 'sre', severity: 'critical' });
    expect(spec.rules[0]?.annotations).toEqual({ summary: 'down', runbook_url: 'https://r/api-down' });
  });

  it('turns a recording rule into one query writing to the target data source', () => {
    const record = spec.rules[1];
    expect(record?.title).toBe('job:up:sum');
    expect(record?.data).toHaveLength(1);
    expect(record?.record).toEqual({ metric: 'job:up:sum', from: 'query', target_datasource_uid: 'prom-rw' });
    expect(record?.for).toBeUndefined();
  });

  it('titles a recording rule as the target asks, keeping the metric it records and its uid', () => {
    const titled = toGrafanaRuleGroup(group, { ...target, recordingTitle: (record) => `${record} (api)` });
    expect(titled.rules.map((r) => r.title)).toEqual(['ApiDown', 'job:up:sum (api)', 'ApiDown']);
    expect(titled.rules[1]?.record?.metric).toBe('job:up:sum');
    expect(titled.rules.map((r) => r.uid)).toEqual(spec.rules.map((r) => r.uid));
  });

  it('derives stable, distinct, Grafana-valid uids, also for rules sharing a name', () => {
    const uids = spec.rules.map((r) => r.uid);
    expect(new Set(uids).size).toBe(3);
    for (const uid of uids) expect(uid).toMatch(/^[a-z0-9_-]{1,40}$/);
    expect(toGrafanaRuleGroup(group, target).rules.map((r) => r.uid)).toEqual(uids);
    expect(toGrafanaRuleGroup(group, { ...target, uidPrefix: 'other' }).rules[0]?.uid).not.toBe(uids[0]);
  });

  it('adds queryType instant to Loki queries', () => {
    const loki = toGrafanaRuleGroup(group, { ...target, datasource: { uid: 'logs', type: 'loki' } });
    expect(loki.rules[0]?.data[0]?.model.queryType).toBe('instant');
  });
});
