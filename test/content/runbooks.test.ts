/**
 * Runbooks say what their alert measures, as the rules and SLOs do: the bound of the performance SLO, the one
 * protocol Alloy's processing-latency histogram covers, and each way AlloyDown detects a dead Alloy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import stack from '../../stack.config.ts';
import performance from '../../slos/performance.ts';
import { buildValidated } from '../../src/commands/render.ts';
import { loadProject } from '../../src/project/load.ts';
import { sloInputOf } from '../../src/slo/define-slo.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = buildValidated(await loadProject(root));

function runbook(name: string): string {
  return readFileSync(join(root, 'docs/runbooks', `${name}.md`), 'utf8');
}

/** The "What it means" section. */
function meaning(text: string): string {
  const start = text.indexOf('## What it means');
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end === -1 ? undefined : end);
}

function rule(group: string, alert: string): { expr: string; description: string } {
  const found = built.registry.find('AlertRuleGroup', group)?.spec.rules.find((r) => r.title === alert);
  const description = found?.annotations?.['description'];
  const expr = JSON.stringify(found?.data ?? []);
  return { expr, description: typeof description === 'string' ? description : '' };
}

describe('runbooks', () => {
  it("slo-performance states the SLO's own bound, the bucket its SLI reads", () => {
    const sli = sloInputOf(performance, stack.resolve())?.sli;
    const threshold = sli?.kind === 'latency' ? sli.thresholdSeconds : undefined;
    expect(threshold).toBe(0.2);
    const text = meaning(runbook('slo-performance'));
    expect(text).toContain(`P95 < ${(threshold ?? 0) * 1000} ms`);
    expect(text).toContain(`within ${threshold} s`);
    expect(text).toContain(`http_server_request_duration_seconds_bucket{le="${threshold}"}`);
    // Not the bound it used to read.
    expect(runbook('slo-performance')).not.toMatch(/le="0\.25"|0\.25 s|250 ms/);
  });

  it('alloy-processing-latency-high, like its alert, says the histogram covers OTLP over gRPC only', () => {
    const { expr, description } = rule('telemetry-pipeline', 'AlloyProcessingLatencyHigh');
    expect(expr).toContain('rpc_server_call_duration_seconds_bucket');
    expect(description).toContain('over gRPC');
    expect(description).toContain('OTLP over HTTP, Faro and the embedded Beyla are not measured');
    const text = meaning(runbook('alloy-processing-latency-high'));
    expect(text).toContain('**over gRPC**');
    // Everything else that sends to Alloy is named as not measured, not as a sender the alert speaks for.
    expect(text).toMatch(
      /It does not measure OTLP over HTTP \(port 4318[^)]*\), Faro \(`faro\.receiver`\) or the embedded `beyla\.ebpf`/,
    );
    expect(text).not.toMatch(/Senders \(Faro, Beyla/);
  });

  it('alloy-down names each way the alert finds a dead Alloy, as its expression does', () => {
    const { expr, description } = rule('telemetry-pipeline', 'AlloyDown');
    for (const part of ['== 0', 'offset 15m', 'unless on (cluster, instance)', 'absent(up{job=\\"alloy\\"})'])
      expect(expr).toContain(part);
    expect(description).toContain('stopped reporting');
    const text = meaning(runbook('alloy-down'));
    expect(text).toContain('`up{job="alloy"} == 0`');
    expect(text).toContain('stopped reporting');
    expect(text).toContain('15 minutes');
    expect(text).toContain('`absent(up{job="alloy"})`');
  });
});
