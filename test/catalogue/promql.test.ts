/**
 * Reading PromQL for the catalogue, the lint rules and the real-Prometheus test: selectors and range calls from
 * the lezer tree, `__name__` regexes as name lists, and the measurements of an alert expression.
 */
import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it, vi } from 'vitest';
import { expandNameRegex } from '../../src/catalogue/names.ts';
import { analyzePromQL, unquote } from '../../src/promql/analyze.ts';
import { measurementsOf } from '../../src/promql/measure.ts';

describe('analyzePromQL', () => {
  it('reads every selector with its name and matchers, quoted names and escapes included', () => {
    const analysis = analyzePromQL(
      'sum(rate(http_requests_total{job="api", code=~"5.."}[5m])) / on() {__name__="up", instance!~\'a\\\\.b\'} + {"my.metric"}',
    );
    expect(
      analysis?.selectors.map((s) => [s.name, s.matchers.map((m) => `${m.label}${m.op}${m.value}`)]),
    ).toEqual([
      ['http_requests_total', ['__name__=http_requests_total', 'job=api', 'code=~5..']],
      ['up', ['__name__=up', 'instance!~a\\.b']],
      ['my.metric', ['__name__=my.metric']],
    ]);
  });

  it('reads the range of every range-vector call, through offsets, in any argument position', () => {
    const analysis = analyzePromQL(
      'increase(a[1h] offset 1d) + quantile_over_time(0.9, b[10m]) + predict_linear(c[6h], 3600) + rate(d[5m:1m])',
    );
    expect(analysis?.rangeCalls.map((c) => `${c.fn}[${c.range}]`)).toEqual([
      'increase[1h]',
      'quantile_over_time[10m]',
      'predict_linear[6h]',
    ]);
  });

  it('has no analysis for what does not parse', () => {
    expect(analyzePromQL('sum(rate(x[5m])')).toBeUndefined();
  });

  it('unquotes the three PromQL string forms', () => {
    expect(unquote('"a\\"b\\n"')).toBe('a"b\n');
    expect(unquote("'a\\'b'")).toBe("a'b");
    expect(unquote('`a\\b`')).toBe('a\\b');
  });
});

describe('expandNameRegex', () => {
  it('lists the names of literals, groups and alternatives', () => {
    expect(expandNameRegex('otelcol_receiver_(accepted|refused)_(spans|log_records)_total')).toEqual([
      'otelcol_receiver_accepted_spans_total',
      'otelcol_receiver_accepted_log_records_total',
      'otelcol_receiver_refused_spans_total',
      'otelcol_receiver_refused_log_records_total',
    ]);
    expect(expandNameRegex('a|b_(?:c|d)')).toEqual(['a', 'b_c', 'b_d']);
  });

  it('gives up on anything more than that', () => {
    expect(expandNameRegex('node_.*')).toBeUndefined();
    expect(expandNameRegex('a_(b|c')).toBeUndefined();
  });
});

describe('measurementsOf', () => {
  it.each([
    [
      'up{job="prometheus"} == 0 or absent(up{job="prometheus"})',
      ['up{job="prometheus"} or up{job="prometheus"}'],
    ],
    ['1 - a / b > 0.8', ['1 - a / b']],
    ['(1 - a / b > 0.85) and c == 0', ['(1 - a / b) and c']],
    ['0.5 < x', ['x']],
    ['sum(rate(x[1h])) > 1.2 * sum(rate(x[1h] offset 1w))', ['sum(rate(x[1h]))', '1.2 * sum(rate(x[1h]))']],
    ['absent_over_time(up{job="x"}[5m])', ['up{job="x"}']],
    ['x > bool 1', ['x > bool 1']],
    [
      'histogram_quantile(0.95, sum by (le) (rate(h_bucket[5m]))) / 1000 > 0.1',
      ['histogram_quantile(0.95, sum by (le) (rate(h_bucket[5m]))) / 1000'],
    ],
  ])('%s measures %j', (expr, expected) => {
    expect(measurementsOf(expr)).toEqual(expected);
  });

  it('has none for what does not parse', () => {
    expect(measurementsOf('up ==')).toBeUndefined();
    expect(measurementsOf(' ')).toBeUndefined();
  });

  it('parses the expression once', () => {
    const parse = vi.spyOn(parser, 'parse');
    try {
      expect(measurementsOf('sum(rate(x_total[1h])) > 1.2 * sum(rate(x_total[1h] offset 1w))')).toHaveLength(
        2,
      );
      expect(measurementsOf('x_total ==')).toBeUndefined();
      expect(parse).toHaveBeenCalledTimes(2);
    } finally {
      parse.mockRestore();
    }
  });
});
