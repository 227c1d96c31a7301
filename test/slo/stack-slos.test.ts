/**
 * The stack's SLOs (slos/): what they promise, that the latency bound exists on both paths that export Beyla's
 * metrics (the standalone Beyla and Alloy's embedded beyla.ebpf), that the series other dashboards read exist
 * under the agreed names, and that every SLO has its dashboards.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import stack from '../../stack.config.ts';
import { checkAlloyFile } from '../../src/alloy/check.ts';
import { extractAlloyFacts } from '../../src/alloy/facts.ts';
import { formatAlloyProblem } from '../../src/alloy/problem.ts';
import { checkBeylaFile, effectiveDurationBuckets } from '../../src/beyla/index.ts';
import { buildValidated } from '../../src/commands/render.ts';
import { formatBeylaProblem } from '../../src/beyla/index.ts';
import { loadProject } from '../../src/project/load.ts';
import slos from '../../slos/index.ts';
import { sloDefaults } from '../../slos/common.ts';
import { WORKBOOK_TIERS } from '../../src/index.ts';
import { sloInputOf } from '../../src/slo/define-slo.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const config = stack.resolve();
const built = buildValidated(await loadProject(root));
const inputs = slos.flatMap((definition) => {
  const input = sloInputOf(definition, config);
  return input === undefined ? [] : [input];
});

interface RuleFile {
  groups: {
    name: string;
    rules: { record?: string; alert?: string; expr: string; labels?: Record<string, string> }[];
  }[];
}

function ruleFile(name: string): RuleFile {
  return parse(readFileSync(join(root, 'rendered/prometheus', `slo-${name}.yml`), 'utf8')) as RuleFile;
}

describe('the stack SLOs', () => {
  it('are availability, performance and data quality, over 30 days', () => {
    expect(inputs.map((s) => [s.name, s.service, String(s.objective), s.period])).toEqual([
      ['availability', 'backend', '99.9', '30d'],
      ['performance', 'backend', '95', '30d'],
      ['data-quality', 'telemetry-pipeline', '99.99', '30d'],
    ]);
  });

  it("share the Config's period, interval and tiers (the SRE Workbook's, not a copy), folder and data source", () => {
    expect(config.slo.tiers).toBe(WORKBOOK_TIERS);
    const shared = sloDefaults(config);
    expect(shared).toEqual({
      period: '30d',
      interval: '1m',
      alerting: { tiers: WORKBOOK_TIERS },
      folderUid: config.folders.slos.uid,
      datasourceUid: config.datasources.prometheus.uid,
      grafanaUrl: config.grafanaUrl,
    });
    for (const input of inputs) expect(input, input.name).toMatchObject(shared);
  });

  it('measure performance on a bucket bound that both Beyla paths export: standalone and beyla.ebpf', () => {
    const beylaPath = 'configs/beyla/beyla-config.yml';
    const beyla = checkBeylaFile(join(root, beylaPath), beylaPath);
    expect(beyla.problems.map(formatBeylaProblem)).toEqual([]);
    const standalone = effectiveDurationBuckets(beyla.value);
    const alloyPath = 'configs/alloy/config.alloy';
    const alloy = checkAlloyFile(join(root, alloyPath), alloyPath);
    expect(alloy.problems.map(formatAlloyProblem)).toEqual([]);
    const embedded = extractAlloyFacts(alloy.ast).beylaEbpf;
    expect(embedded.map((b) => [b.id, b.durationBucketsSource])).toEqual([['beyla.ebpf.default', 'literal']]);
    const ebpf = embedded[0]?.durationBuckets ?? [];
    // Both paths set the same bounds, the Config lists them (the SLO reads them from it), and the threshold is one.
    expect(ebpf).toEqual(standalone);
    expect(config.slo.beylaDurationBuckets).toEqual(standalone);
    const performance = inputs.find((s) => s.name === 'performance');
    const threshold = performance?.sli.kind === 'latency' ? performance.sli.thresholdSeconds : undefined;
    expect(threshold).toBe(0.2);
    expect(standalone).toContain(threshold);
    expect(ebpf).toContain(threshold);
    expect(config.slo.beylaDurationBuckets).toContain(threshold);
    const errors = ruleFile('performance').groups[0]?.rules.find((r) => r.record === 'slo:errors:rate5m');
    expect(errors?.expr).toContain(
      'http_server_request_duration_seconds_bucket{service_name!="", le=~"0\\\\.20*"}',
    );
  });

  it.each(['availability', 'performance', 'data-quality'])(
    'records what the executive overview reads for %s, labelled by slo and service',
    (name) => {
      const rules = ruleFile(name).groups[0]?.rules ?? [];
      for (const record of [
        'slo:error_budget_remaining:ratio',
        'slo:sli_error:ratio_rate30d',
        'slo:burn_rate:ratio_rate1h',
        'slo:objective:ratio',
      ]) {
        const rule = rules.find((r) => r.record === record);
        expect(rule?.labels?.slo).toBe(name);
        expect(rule?.labels?.service).toBe(inputs.find((s) => s.name === name)?.service);
      }
    },
  );

  it('have their error-budget dashboards: one per service and the overview of all of them', () => {
    const dashboards = built.registry.byKind('Dashboard').filter((d) => d.uid.startsWith('slo-'));
    expect(dashboards.map((d) => [d.uid, d.folderUid]).sort()).toEqual([
      ['slo-backend', config.folders.slos.uid],
      ['slo-overview', config.folders.slos.uid],
      ['slo-telemetry-pipeline', config.folders.slos.uid],
    ]);
    const overview = JSON.stringify(dashboards.find((d) => d.uid === 'slo-overview')?.spec);
    for (const input of inputs) expect(overview).toContain(input.name);
  });

  it('has a Grafana-managed group for each SLO, with its alerts (Prometheus records the series)', () => {
    for (const input of inputs) {
      const group = built.registry.find('AlertRuleGroup', `slo-${input.name}`);
      expect(group?.folderUid).toBe(config.folders.slos.uid);
      expect(group?.spec.rules.map((r) => r.labels?.tier)).toEqual(['page', 'ticket']);
    }
  });
});
