/**
 * Every SLI kind through the real promtool: the generated rule files check, and the 5m building block counts what
 * it should for a 0/1 gauge and for a histogram whose bucket bound Prometheus 3 wrote as le="1.0".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { SloInput } from '../../src/index.ts';
import { runTool } from '../fixtures/tools.ts';
import { gaugeSlo, latencySlo, ratioSlo, sloFixture } from './fixtures.ts';

/** Latency with a whole-number bound: Prometheus 3 scrapes it as le="1.0". */
function wholeBoundSlo(): SloInput {
  const base = latencySlo();
  return {
    ...base,
    name: 'checkout-latency-1s',
    period: '30d',
    sli: {
      kind: 'latency',
      histogram: 'http_request_duration_seconds',
      thresholdSeconds: 1,
      buckets: [0.5, 1, 2],
    },
  };
}

const fixture = sloFixture([ratioSlo(), latencySlo(), gaugeSlo(), wholeBoundSlo()]);
const dir = mkdtempSync(join(tmpdir(), 'slo-kinds-'));
const ruleFiles = [...fixture.files]
  .filter(([path]) => path.startsWith('prometheus/slo-'))
  .map(([path, content]) => {
    const file = join(dir, path.replace('prometheus/', ''));
    writeFileSync(file, content);
    return file;
  });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SLI kinds in promtool', () => {
  it('checks every generated rule file', () => {
    expect(ruleFiles).toHaveLength(4);
    const result = runTool('promtool', ['check', 'rules', ...ruleFiles]);
    expect(result.stdout + result.stderr).not.toMatch(/FAILED/);
    expect(result.code).toBe(0);
  });

  it('counts the zero samples of a gauge, and the slow requests of a bucket written le="1.0"', () => {
    // up of two instances: a always 1; b 0 for the first 30 minutes, then 1. At 20m the 5m window holds 6 samples of
    // each (both ends included): 12 events, 6 of them zeros: ratio 0.5, burn rate 0.5 / 0.005 = 100. At 50m: 0.
    // Histogram: 100 requests a minute, 90 of them within 1 s, in a bucket labelled as Prometheus 3 writes it.
    const test = {
      rule_files: ruleFiles,
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: [
            { series: 'up{job="payments", instance="a"}', values: '1x60' },
            { series: 'up{job="payments", instance="b"}', values: '0x30 1x30' },
            { series: 'http_request_duration_seconds_count{job="checkout"}', values: '0+100x60' },
            { series: 'http_request_duration_seconds_bucket{job="checkout", le="1.0"}', values: '0+90x60' },
            { series: 'http_request_duration_seconds_bucket{job="checkout", le="0.5"}', values: '0+50x60' },
          ],
          promql_expr_test: [
            {
              expr: 'slo:sli_error:ratio_rate5m{slo="payments-up"}',
              eval_time: '20m',
              exp_samples: [
                { labels: 'slo:sli_error:ratio_rate5m{slo="payments-up", service="payments"}', value: 0.5 },
              ],
            },
            {
              expr: 'slo:burn_rate:ratio_rate5m{slo="payments-up"}',
              eval_time: '20m',
              exp_samples: [
                { labels: 'slo:burn_rate:ratio_rate5m{slo="payments-up", service="payments"}', value: 100 },
              ],
            },
            {
              expr: 'slo:sli_error:ratio_rate5m{slo="payments-up"}',
              eval_time: '50m',
              exp_samples: [
                { labels: 'slo:sli_error:ratio_rate5m{slo="payments-up", service="payments"}', value: 0 },
              ],
            },
            {
              expr: 'slo:sli_error:ratio_rate5m{slo="checkout-latency-1s"}',
              eval_time: '20m',
              exp_samples: [
                {
                  labels: 'slo:sli_error:ratio_rate5m{slo="checkout-latency-1s", service="checkout"}',
                  value: 0.1,
                },
              ],
            },
          ],
        },
      ],
    };
    const file = join(dir, 'kinds.test.yml');
    writeFileSync(file, stringify(test));
    const result = runTool('promtool', ['test', 'rules', file]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });
});
