/**
 * What one SLO definition generates: request-weighted recording rules per window, period rules, one
 * multi-window multi-burn-rate alert per tier, and the Grafana-managed group made from them, with Grafana-managed
 * recording rules on and off.
 */
import { describe, expect, it } from 'vitest';
import type { PrometheusAlertingRule, PrometheusRecordingRule } from '../../src/alerting/rule-model.ts';
import { isAlertingRule } from '../../src/alerting/rule-model.ts';
import type { ResourceOf } from '../../src/core/resource.ts';
import { defineSlo, metric } from '../../src/index.ts';
import { RESERVED_ANNOTATIONS } from '../../src/slo/naming.ts';
import { formatProblem } from '../../src/validate/problem.ts';
import { ratioSlo, sloFixture } from './fixtures.ts';

const off = sloFixture();
const on = sloFixture(undefined, { recordingRules: true });

function group(fixture: typeof off, uid: string): ResourceOf<'AlertRuleGroup'> {
  const found = fixture.built.registry.find('AlertRuleGroup', uid);
  if (found === undefined) throw new Error(`no AlertRuleGroup/${uid}`);
  return found;
}

function records(uid: string): PrometheusRecordingRule[] {
  return (group(off, uid).origin?.group.rules ?? []).filter(
    (r) => !isAlertingRule(r),
  ) as PrometheusRecordingRule[];
}

function alerts(uid: string): PrometheusAlertingRule[] {
  return (group(off, uid).origin?.group.rules ?? []).filter(isAlertingRule);
}

function expr(uid: string, record: string): string {
  const rule = records(uid).find((r) => r.record === record);
  if (rule === undefined) throw new Error(`${uid} records no ${record}`);
  return rule.expr;
}

const own = '{slo="checkout-availability", service="checkout"}';

describe('the recording rules of an SLO', () => {
  it('builds and validates with Grafana-managed recording rules off and on', () => {
    expect(off.problems.map(formatProblem)).toEqual([]);
    expect(on.problems.map(formatProblem)).toEqual([]);
  });

  it('records the rates of errors and requests per window, and error ratios and burn rates derived from them', () => {
    const windows = ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'];
    expect(records('slo-checkout-availability').map((r) => r.record)).toEqual([
      'slo:requests:rate5m',
      'slo:errors:rate5m',
      ...windows.slice(1).flatMap((w) => [`slo:requests:rate${w}`, `slo:errors:rate${w}`]),
      ...windows.map((w) => `slo:sli_error:ratio_rate${w}`),
      ...windows.map((w) => `slo:burn_rate:ratio_rate${w}`),
      'slo:objective:ratio',
      'slo:error_budget:ratio',
      'slo:error_budget_remaining:ratio',
    ]);
  });

  it('reads raw series only for the 5m rates, summed by the grouping labels', () => {
    expect(expr('slo-checkout-availability', 'slo:requests:rate5m')).toBe(
      'sum by (route) (rate(http_requests_total{job="checkout"}[5m]))',
    );
    expect(expr('slo-checkout-availability', 'slo:errors:rate5m')).toBe(
      `sum by (route) (rate(http_requests_total{job="checkout", code=~"5.."}[5m]))\nor on(route) 0 * slo:requests:rate5m${own}`,
    );
  });

  it('reads every alert window from the raw counters and averages the 5m rates over the period only', () => {
    expect(expr('slo-checkout-availability', 'slo:requests:rate30d')).toBe(
      `avg_over_time(slo:requests:rate5m${own}[30d])`,
    );
    expect(expr('slo-checkout-availability', 'slo:requests:rate3d')).toBe(
      'sum by (route) (rate(http_requests_total{job="checkout"}[3d]))',
    );
    expect(expr('slo-checkout-availability', 'slo:errors:rate1h')).toBe(
      `sum by (route) (rate(http_requests_total{job="checkout", code=~"5.."}[1h]))\nor on(route) 0 * slo:requests:rate1h${own}`,
    );
    expect(expr('slo-checkout-availability', 'slo:sli_error:ratio_rate30d')).toBe(
      `round(slo:errors:rate30d${own} / (slo:requests:rate30d${own} > 0), 1e-12)`,
    );
  });

  it('writes the period rules with exact constants and no join on label-less series', () => {
    expect(expr('slo-checkout-availability', 'slo:objective:ratio')).toBe('vector(0.999)');
    expect(expr('slo-checkout-availability', 'slo:error_budget:ratio')).toBe('vector(0.001)');
    expect(expr('slo-checkout-availability', 'slo:burn_rate:ratio_rate1h')).toBe(
      `slo:sli_error:ratio_rate1h${own} / 0.001`,
    );
    expect(expr('slo-checkout-availability', 'slo:error_budget_remaining:ratio')).toBe(
      `1 - slo:sli_error:ratio_rate30d${own} / 0.001`,
    );
    expect(expr('slo-checkout-latency', 'slo:error_budget_remaining:ratio')).toContain('ratio_rate28d');
    expect(expr('slo-payments-up', 'slo:objective:ratio')).toBe('vector(0.995)');
  });

  it('labels every series with slo, service and the extra labels', () => {
    for (const rule of records('slo-checkout-availability')) {
      expect(rule.labels).toEqual({ slo: 'checkout-availability', service: 'checkout', team: 'payments' });
    }
  });

  it('matches a latency bound as Prometheus 2 and 3 write it, and counts slow requests as all minus fast', () => {
    expect(expr('slo-checkout-latency', 'slo:errors:rate5m')).toBe(
      'clamp_min(sum (rate(http_request_duration_seconds_count{job="checkout"}[5m])) - sum (rate(http_request_duration_seconds_bucket{job="checkout", le=~"0\\\\.50*"}[5m])), 0)',
    );
  });

  it('counts the samples of a 0/1 gauge and the zeros among them', () => {
    expect(expr('slo-payments-up', 'slo:requests:rate5m')).toBe(
      'sum (count_over_time(up{job="payments"}[5m])) / 300',
    );
    expect(expr('slo-payments-up', 'slo:errors:rate5m')).toBe(
      'sum (count_over_time(up{job="payments"}[5m]) - sum_over_time(up{job="payments"}[5m])) / 300',
    );
  });

  it('rates several counters one by one, labelled apart, before adding them', () => {
    const input = ratioSlo();
    const slo = defineSlo({
      ...input,
      groupBy: [],
      sli: {
        kind: 'ratio',
        errors: [metric('a_failed_total'), metric('a_dropped_total')],
        total: [metric('a_total')],
      },
    });
    const [resource] = slo.build({ config: {}, source: 'slos/x.ts', relative: (p) => p });
    const rules = resource?.kind === 'AlertRuleGroup' ? (resource.origin?.group.rules ?? []) : [];
    expect(rules[1]?.expr).toBe(
      [
        'sum (',
        '  label_replace(rate(a_failed_total[5m]), "slo_counter", "0", "", "")',
        '  or label_replace(rate(a_dropped_total[5m]), "slo_counter", "1", "", "")',
        ')',
        `or on() 0 * slo:requests:rate5m${own}`,
      ].join('\n'),
    );
  });
});

describe('the burn-rate alerts of an SLO', () => {
  it('has one alert per enabled tier, named after the SLO and the tier', () => {
    expect(alerts('slo-checkout-availability').map((a) => a.alert)).toEqual([
      'SloCheckoutAvailabilityErrorBudgetBurnPage',
      'SloCheckoutAvailabilityErrorBudgetBurnTicket',
    ]);
    // Renamed page tier, disabled ticket tier, own prefix.
    expect(alerts('slo-payments-up').map((a) => [a.alert, a.labels.tier, a.labels.severity])).toEqual([
      ['PaymentsUpErrorBudgetBurnUrgent', 'urgent', 'critical'],
    ]);
    // Re-severitied page tier.
    expect(alerts('slo-checkout-latency').map((a) => a.labels.severity)).toEqual(['warning', 'warning']);
  });

  it('fires on either window pair, both windows above factor × (1 − objective), carrying the burn rate', () => {
    expect(alerts('slo-checkout-availability')[0]?.expr).toBe(
      [
        '(',
        `  slo:burn_rate:ratio_rate1h${own}`,
        `  and slo:sli_error:ratio_rate1h${own} > 0.0144`,
        `  and slo:sli_error:ratio_rate5m${own} > 0.0144`,
        ')',
        'or',
        '(',
        `  slo:burn_rate:ratio_rate6h${own}`,
        `  and slo:sli_error:ratio_rate6h${own} > 0.006`,
        `  and slo:sli_error:ratio_rate30m${own} > 0.006`,
        ')',
      ].join('\n'),
    );
    expect(alerts('slo-checkout-latency')[1]?.expr).toContain(
      'slo:sli_error:ratio_rate3d{slo="checkout-latency", service="checkout"} > 0.00933333333333334',
    );
  });

  it('labels each alert with slo, service, severity and tier, and explains it in its annotations', () => {
    const [page] = alerts('slo-checkout-availability');
    expect(page?.labels).toEqual({
      slo: 'checkout-availability',
      service: 'checkout',
      team: 'payments',
      severity: 'critical',
      tier: 'page',
    });
    expect(page?.annotations).toMatchObject({
      windows: '1h/5m, 6h/30m',
      burn_rate_thresholds: '14.4, 6',
      error_ratio_thresholds: '0.0144, 0.006',
      budget_consumed: '2% in 1h, 5% in 6h',
      exhaustion: '2d2h, 5d',
      objective: '99.9% over 30d',
      burn_rate: '{{ printf "%.2f" $value }}',
      runbook_url: 'https://runbooks.example.com/slo-checkout-availability.md',
      dashboard_url: 'https://grafana.example.com/d/slo-checkout',
    });
    expect(page?.annotations.summary).toBe(
      'SLO checkout-availability ({{ $labels.route }}) is spending its 30d error budget at {{ printf "%.1f" $value }}× the sustainable rate',
    );
  });

  it('writes exactly the annotations it reserves, and the own ones beside them', () => {
    const input = {
      ...ratioSlo(),
      alerting: { annotations: { playbook: 'https://wiki.example.com/checkout' } },
    };
    const [page] =
      sloFixture([input])
        .built.registry.find('AlertRuleGroup', 'slo-checkout-availability')
        ?.origin?.group.rules.filter(isAlertingRule) ?? [];
    // The dashboard link annotations are reserved but not written: SLO alerts link by URL.
    const written = RESERVED_ANNOTATIONS.filter((a) => !a.startsWith('__'));
    expect(Object.keys(page?.annotations ?? {}).sort()).toEqual([...written, 'playbook'].sort());
    expect(page?.annotations.playbook).toBe('https://wiki.example.com/checkout');
  });
});

describe('the Grafana-managed form', () => {
  it('keeps only the alerts when Grafana-managed recording rules are off: Prometheus records', () => {
    const rules = group(off, 'slo-checkout-availability').spec.rules;
    expect(rules.map((r) => r.title)).toEqual([
      'SloCheckoutAvailabilityErrorBudgetBurnPage',
      'SloCheckoutAvailabilityErrorBudgetBurnTicket',
    ]);
    expect(rules[0]?.data[0]?.model.expr).toBe(alerts('slo-checkout-availability')[0]?.expr);
    expect(rules[0]?.labels?.tier).toBe('page');
  });

  it('records every series in Grafana too when they are on, into the SLO data source, under unique titles', () => {
    const rules = group(on, 'slo-checkout-availability').spec.rules;
    const recorded = rules.filter((r) => r.record !== undefined);
    expect(recorded.map((r) => r.record?.metric)).toEqual(
      records('slo-checkout-availability').map((r) => r.record),
    );
    expect(recorded[0]?.title).toBe('slo:requests:rate5m (checkout-availability)');
    expect(new Set(recorded.map((r) => r.record?.target_datasource_uid))).toEqual(new Set(['prom']));
    // Every SLO records the same metric names; Grafana 10 and 11 want titles unique in a folder.
    const titles = on.built.registry
      .byKind('AlertRuleGroup')
      .flatMap((g) => g.spec.rules.map((r) => r.title));
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('renders both forms to files: rendered/prometheus/slo-<name>.yml and rendered/grafana/alert-rule-groups/slo-<name>.json', () => {
    for (const name of ['checkout-availability', 'checkout-latency', 'payments-up']) {
      expect(off.files.has(`prometheus/slo-${name}.yml`)).toBe(true);
      expect(off.files.has(`grafana/alert-rule-groups/slo-${name}.json`)).toBe(true);
    }
  });
});
