/**
 * The rule groups rendered for other engines (`ruleEngines` in stack.config.ts): PrometheusRule resources under
 * rendered/kubernetes/, Mimir ruler namespaces under rendered/mimir/<tenant>/, Loki ruler namespaces under
 * rendered/loki/<tenant>/. Each holds exactly the groups of its Prometheus or Loki rule file, and promtool accepts
 * the groups extracted from every PromQL form.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import stack from '../../stack.config.ts';
import { runTool } from '../fixtures/tools.ts';
import { ROOT } from '../fixtures/grafana.ts';

const config = stack.resolve();
const engines = config.ruleEngines;
const read = (path: string): Record<string, unknown> =>
  parse(readFileSync(join(ROOT, 'rendered', path), 'utf8')) as Record<string, unknown>;
const names = (folder: string, extension: string): string[] =>
  readdirSync(join(ROOT, 'rendered', folder))
    .filter((f) => f.endsWith(extension))
    .map((f) => f.slice(0, -extension.length))
    .sort();

const scratch = mkdtempSync(join(tmpdir(), 'gsac-rule-engines-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('rule groups for the engines beyond one Prometheus', () => {
  const prometheus = names('prometheus', '.yml');
  const mimir = `mimir/${engines?.mimir?.tenant ?? ''}`;
  const loki = `loki/${engines?.loki?.tenant ?? ''}`;

  it('are configured for the operator, Mimir and Loki, one tenant per environment', () => {
    expect(engines).toEqual({
      kubernetes: { namespace: 'monitoring', labels: { release: 'kube-prometheus-stack' } },
      mimir: { tenant: 'platform' },
      loki: { tenant: 'platform' },
    });
    expect(stack.resolve('staging').ruleEngines?.mimir?.tenant).toBe('platform-staging');
  });

  it('hold one PrometheusRule and one Mimir namespace per Prometheus rule file, with the same groups', () => {
    expect(names('kubernetes', '.yaml')).toEqual(prometheus);
    expect(names(mimir, '.yml')).toEqual(prometheus);
    for (const name of prometheus) {
      const groups = read(`prometheus/${name}.yml`)['groups'];
      const resource = read(`kubernetes/${name}.yaml`);
      expect(resource).toMatchObject({
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PrometheusRule',
        metadata: { name, namespace: 'monitoring', labels: { release: 'kube-prometheus-stack' } },
      });
      expect((resource['spec'] as Record<string, unknown>)['groups'], name).toEqual(groups);
      expect(read(`${mimir}/${name}.yml`), name).toEqual({ namespace: name, groups });
    }
  });

  it('hold one Loki namespace per Loki rule file, with the same groups', () => {
    const lokiFiles = names('loki', '.yml');
    expect(lokiFiles.length).toBeGreaterThan(0);
    expect(names(loki, '.yml')).toEqual(lokiFiles);
    for (const name of lokiFiles)
      expect(read(`${loki}/${name}.yml`), name).toEqual({
        namespace: name,
        groups: read(`loki/${name}.yml`)['groups'],
      });
  });

  it('pass promtool check rules once extracted from every PromQL form', () => {
    const extracted: string[] = [];
    for (const name of prometheus) {
      for (const [form, groups] of [
        ['kubernetes', (read(`kubernetes/${name}.yaml`)['spec'] as Record<string, unknown>)['groups']],
        ['mimir', read(`${mimir}/${name}.yml`)['groups']],
      ] as const) {
        const file = join(scratch, `${form}-${name}.yml`);
        writeFileSync(file, stringify({ groups }));
        extracted.push(file);
      }
    }
    const result = runTool('promtool', ['check', 'rules', ...extracted], ROOT);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/FAILED/);
  });
});
