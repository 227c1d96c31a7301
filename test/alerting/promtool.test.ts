/**
 * The rendered Prometheus rule files pass the real promtool: `check rules`, and `test rules` over the unit tests
 * in test/rules/, which read the rendered files. Every alert must have a case where it fires (with its exact
 * labels and annotations) and one where it must not.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runTool } from '../fixtures/tools.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ruleFiles = readdirSync(join(root, 'rendered/prometheus'))
  .filter((f) => f.endsWith('.yml'))
  .map((f) => `rendered/prometheus/${f}`);
const testFiles = readdirSync(join(root, 'test/rules'))
  .filter((f) => f.endsWith('.test.yml'))
  .map((f) => `test/rules/${f}`);

/** Alerts that cannot have a case where they stay silent, and why. */
const ALWAYS_FIRING: Readonly<Record<string, string>> = {
  Watchdog: 'vector(1): firing at every evaluation is its whole job',
};

interface UnitTestFile {
  rule_files: string[];
  tests: { alert_rule_test?: { alertname: string; exp_alerts?: unknown[] }[] }[];
}

function alertsIn(file: string): string[] {
  const doc = parse(readFileSync(join(root, file), 'utf8')) as { groups: { rules: { alert?: string }[] }[] };
  return doc.groups.flatMap((g) => g.rules.flatMap((r) => (r.alert === undefined ? [] : [r.alert])));
}

describe('promtool', () => {
  it('finds rendered rule files and unit tests', () => {
    expect(ruleFiles.length).toBeGreaterThanOrEqual(5);
    expect(testFiles.length).toBeGreaterThanOrEqual(5);
  });

  it('checks every rendered rule file', () => {
    const result = runTool('promtool', ['check', 'rules', ...ruleFiles], root);
    expect(result.stderr + result.stdout).not.toMatch(/FAILED/);
    expect(result.code).toBe(0);
  });

  it('passes every unit test in test/rules/', () => {
    const result = runTool('promtool', ['test', 'rules', ...testFiles], root);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });

  it('has, for every alert, a case where it fires and one where it must not', () => {
    const firing = new Set<string>();
    const silent = new Set<string>();
    const covered = new Set<string>();
    for (const file of testFiles) {
      const doc = parse(readFileSync(join(root, file), 'utf8')) as UnitTestFile;
      for (const ruleFile of doc.rule_files)
        covered.add(join('test/rules', ruleFile).replace(/^(\.\.\/)+/, ''));
      for (const test of doc.tests) {
        for (const c of test.alert_rule_test ?? []) {
          ((c.exp_alerts ?? []).length > 0 ? firing : silent).add(c.alertname);
        }
      }
    }
    const missing: string[] = [];
    for (const file of ruleFiles) {
      if (!covered.has(file)) missing.push(`${file}: no unit test file reads it`);
      for (const alert of alertsIn(file)) {
        if (!firing.has(alert)) missing.push(`${alert}: no case where it fires`);
        if (!silent.has(alert) && ALWAYS_FIRING[alert] === undefined)
          missing.push(`${alert}: no case where it must not fire`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('Loki ruler files', () => {
  // No offline LogQL evaluator exists (promtool evaluates PromQL only); the LogQL itself is parsed by validation.
  it('are well-formed rule groups: a name, an interval, and alerts with expr, for, severity and annotations', () => {
    const files = readdirSync(join(root, 'rendered/loki')).filter((f) => f.endsWith('.yml'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const doc = parse(readFileSync(join(root, 'rendered/loki', file), 'utf8')) as {
        groups: { name: string; interval: string; rules: Record<string, unknown>[] }[];
      };
      for (const group of doc.groups) {
        expect(group.name).toMatch(/^[a-z0-9-]+$/);
        expect(group.interval).toMatch(/^\d+[smh]$/);
        for (const rule of group.rules) {
          expect(Object.keys(rule).sort()).toEqual(['alert', 'annotations', 'expr', 'for', 'labels']);
          expect(rule.labels).toHaveProperty('severity');
          expect(rule.annotations).toHaveProperty('runbook_url');
        }
      }
    }
  });
});
