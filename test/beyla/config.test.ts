/**
 * The committed standalone Beyla configuration: it checks clean against the schema, its latency histogram has the
 * same bounds as Alloy's embedded beyla.ebpf (configs/alloy/config.alloy), with the performance SLO's threshold
 * among them on both paths, and it attaches exemplars.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import stack from '../../stack.config.ts';
import performance from '../../slos/performance.ts';
import { checkAlloyFile } from '../../src/alloy/check.ts';
import { extractAlloyFacts } from '../../src/alloy/facts.ts';
import { DEFAULT_DURATION_BUCKETS, effectiveDurationBuckets } from '../../src/beyla/buckets.ts';
import { checkBeylaFile } from '../../src/beyla/check.ts';
import { formatBeylaProblem } from '../../src/beyla/problem.ts';
import { sloInputOf } from '../../src/slo/define-slo.ts';

const PATH = 'configs/beyla/beyla-config.yml';
const result = checkBeylaFile(fileURLToPath(new URL(`../../${PATH}`, import.meta.url)), PATH);
const ALLOY = 'configs/alloy/config.alloy';
const embedded = extractAlloyFacts(
  checkAlloyFile(fileURLToPath(new URL(`../../${ALLOY}`, import.meta.url)), ALLOY).ast,
).beylaEbpf;

/** The stack's performance SLO (slos/performance.ts): 95% of requests faster than this many seconds. */
const sli = sloInputOf(performance, stack.resolve())?.sli;
const SLO_THRESHOLD_SECONDS = sli?.kind === 'latency' ? sli.thresholdSeconds : undefined;

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

  it('has a duration bucket bound at the performance SLO threshold, 0.2 s, as beyla.ebpf in Alloy has', () => {
    expect(SLO_THRESHOLD_SECONDS).toBe(0.2);
    expect(effectiveDurationBuckets(result.value)).toContain(SLO_THRESHOLD_SECONDS);
    expect(embedded.map((b) => b.id)).toEqual(['beyla.ebpf.default']);
    for (const beyla of embedded) expect(beyla.durationBuckets, beyla.id).toContain(SLO_THRESHOLD_SECONDS);
  });

  it("has exactly beyla.ebpf's bounds (Beyla's defaults and 0.2), so series of both paths add up in one sum by (le)", () => {
    expect(effectiveDurationBuckets(result.value)).toEqual(
      [...DEFAULT_DURATION_BUCKETS, 0.2].sort((a, b) => a - b),
    );
    for (const beyla of embedded) {
      expect(beyla.durationBuckets, beyla.id).toEqual(effectiveDurationBuckets(result.value));
    }
  });

  it('attaches exemplars (trace ids of sampled requests): the default, always_off, exports none', () => {
    expect(at(result.value, 'prometheus_export', 'exemplar_filter')).toBe('trace_based');
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
