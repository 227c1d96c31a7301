/**
 * The committed standalone Beyla configuration: it checks clean against the schema, and its latency histogram
 * has a bound at the performance objective (0.2 s) besides Beyla's default bounds.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DURATION_BUCKETS, effectiveDurationBuckets } from '../../src/beyla/buckets.ts';
import { checkBeylaFile } from '../../src/beyla/check.ts';
import { formatBeylaProblem } from '../../src/beyla/problem.ts';

const PATH = 'configs/beyla/beyla-config.yml';
const result = checkBeylaFile(fileURLToPath(new URL(`../../${PATH}`, import.meta.url)), PATH);

/** The stack's performance SLO: 95% of requests faster than this many seconds. */
const SLO_THRESHOLD_SECONDS = 0.2;

function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    current =
      typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined;
  }
  return current;
}

describe(PATH, () => {
  it('checks clean: no error and no warning', () => {
    expect(result.problems.map(formatBeylaProblem)).toEqual([]);
  });

  it('has a duration bucket bound at the SLO threshold, 0.2 s', () => {
    expect(effectiveDurationBuckets(result.value)).toContain(SLO_THRESHOLD_SECONDS);
  });

  it("keeps every default bound, so queries written against Beyla's defaults still work", () => {
    expect(effectiveDurationBuckets(result.value)).toEqual(
      expect.arrayContaining([...DEFAULT_DURATION_BUCKETS]),
    );
  });

  it('exports Prometheus metrics on a port, with the application, service graph and process features', () => {
    expect(at(result.value, 'prometheus_export', 'port')).toEqual(expect.any(Number));
    expect(at(result.value, 'metrics', 'features')).toEqual([
      'application',
      'application_service_graph',
      'application_process',
    ]);
  });

  it('says explicitly that Kubernetes metadata is on, and groups unmatched routes heuristically', () => {
    expect(at(result.value, 'attributes', 'kubernetes', 'enable')).toBe(true);
    expect(at(result.value, 'routes', 'unmatched')).toBe('heuristic');
  });

  it('exposes its internal metrics for the Beyla mixin alerts', () => {
    expect(at(result.value, 'internal_metrics', 'exporter')).toBe('prometheus');
  });
});
