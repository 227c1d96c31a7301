/**
 * The Alloy pipeline dashboard's queries, evaluated by promtool. No Alloy runs in the tests (real-prometheus
 * covers Prometheus, Alertmanager and the node exporter), so each query runs over synthetic series: one per metric
 * the query reads (and per metric the recording rules it reads are computed from), every one with the labels the
 * catalogue gives it, all set alike, as Alloy's counters are (faro_receiver_logs_total and
 * faro_receiver_events_total differ by name only). A query that rates several metric names in one selector then
 * fails as it would in Prometheus ("vector cannot contain metrics with the same labelset"), and every query must
 * return data.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { catalogueOf } from '../../src/catalogue/catalogue.ts';
import { METRICS } from '../../src/catalogue/metrics.ts';
import { analyzeQuery, namesOfSelector } from '../../src/catalogue/names.ts';
import { collectQueries, recordingRules } from '../../src/catalogue/queries.ts';
import { buildValidated } from '../../src/commands/render.ts';
import { loadProject } from '../../src/project/load.ts';
import { renderAll } from '../../src/render/render.ts';
import { runTool } from '../fixtures/tools.ts';
import { defaultValues } from './grafana-variables.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = buildValidated(await loadProject(root));
const catalogue = catalogueOf(METRICS);
const recorded = recordingRules(built.registry);
const DASHBOARD = 'alloy-pipeline';
const RULE_FILE = 'prometheus/telemetry-pipeline.yml';

/** What Grafana puts in place of its macros, for series sampled every minute. */
const MACROS: Readonly<Record<string, string>> = { __rate_interval: '4m', __interval: '1m', __range: '10m' };

const dashboard = built.registry.find('Dashboard', DASHBOARD);
const values =
  dashboard === undefined
    ? new Map<string, string>()
    : await defaultValues(dashboard.spec, () => Promise.resolve([]));
const panelQueries = collectQueries(built.registry).filter(
  (q) => q.resource === dashboard && q.kind === 'panel' && q.language === 'PromQL',
);

function interpolated(text: string): string {
  return text.replace(/\$(\w+)|\$\{(\w+)\}/g, (match: string, plain?: string, braced?: string) => {
    const name = plain ?? braced ?? '';
    return MACROS[name] ?? values.get(name) ?? match;
  });
}

/** Metric names an expression reads, following recording rules of the repository to what they read. */
function namesRead(expr: string, into: Map<string, Map<string, string>>, seen = new Set<string>()): void {
  const analysis = analyzeQuery(expr);
  if (analysis === undefined) throw new Error(`does not parse: ${expr}`);
  for (const selector of analysis.selectors) {
    const selected = namesOfSelector(selector);
    const names = selected.regex === undefined ? selected.names : catalogue.matching(selected.regex);
    // Equality matchers of the selector (job="alloy") become labels of the series it reads.
    const fixed = selector.matchers.filter((m) => m.op === '=' && m.label !== '__name__');
    for (const name of names) {
      const rules = recorded.get(name);
      if (rules !== undefined) {
        if (seen.has(name)) continue;
        seen.add(name);
        for (const rule of rules) namesRead(rule, into, seen);
        continue;
      }
      const labels = into.get(name) ?? new Map<string, string>();
      for (const m of fixed) labels.set(m.label, m.value);
      into.set(name, labels);
    }
  }
}

/** One series per metric (two buckets per histogram), every catalogue label set to the same value. */
function inputSeries(
  names: ReadonlyMap<string, ReadonlyMap<string, string>>,
): { series: string; values: string }[] {
  const out: { series: string; values: string }[] = [];
  for (const [name, fixed] of [...names].sort(([a], [b]) => a.localeCompare(b))) {
    const resolved = catalogue.resolve(name);
    if (resolved === undefined) throw new Error(`${name} is not in the catalogue`);
    const labels = new Map<string, string>([['instance', 'alloy-0']]);
    for (const label of resolved.entry.labels) labels.set(label, 'x');
    for (const [label, value] of fixed) labels.set(label, value);
    const text = (extra: string): string =>
      `${name}{${[...[...labels].map(([l, v]) => `${l}="${v}"`), ...(extra === '' ? [] : [extra])].join(', ')}}`;
    const counting = resolved.entry.type !== 'gauge' || name.endsWith('_total');
    const samples = counting ? '0+60x30' : '1x30';
    if (name.endsWith('_bucket')) {
      out.push({ series: text('le="1"'), values: '0+57x30' }, { series: text('le="+Inf"'), values: samples });
    } else {
      out.push({ series: text(''), values: samples });
    }
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'alloy-pipeline-promtool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the queries through promtool over series built for them; its output when any errs or is empty. */
function evaluate(exprs: readonly string[]): { code: number; output: string } {
  const names = new Map<string, Map<string, string>>();
  for (const expr of exprs) namesRead(expr, names);
  const rules = renderAll(built.registry, built.config).get(RULE_FILE);
  if (rules === undefined) throw new Error(`${RULE_FILE} is not rendered`);
  writeFileSync(join(dir, 'rules.yml'), rules.content);
  const unitTest = {
    rule_files: ['rules.yml'],
    evaluation_interval: '1m',
    tests: [
      {
        interval: '1m',
        input_series: inputSeries(names),
        // `count(q) > bool 0` is 1 when q returns any series; an error in q fails the expression as a whole.
        promql_expr_test: exprs.map((expr) => ({
          expr: `count(${expr}) > bool 0`,
          eval_time: '20m',
          exp_samples: [{ labels: '{}', value: 1 }],
        })),
      },
    ],
  };
  writeFileSync(join(dir, 'queries.test.yml'), stringify(unitTest));
  const result = runTool('promtool', ['test', 'rules', 'queries.test.yml'], dir);
  return { code: result.code, output: result.stdout + result.stderr };
}

describe(`the ${DASHBOARD} dashboard's queries, evaluated by promtool over Alloy-like series`, () => {
  it('finds the dashboard and its queries', () => {
    expect(dashboard?.uid).toBe(DASHBOARD);
    expect(panelQueries.length).toBeGreaterThan(20);
  });

  it('catches a rate over a name regex, as Prometheus refuses it', () => {
    const collision = 'sum(rate({job="alloy", __name__=~"faro_receiver_(logs|events)_total"}[4m]))';
    const result = evaluate([collision]);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('vector cannot contain metrics with the same labelset');
  });

  it('returns data for every query, and no query errs', () => {
    const exprs = panelQueries.map((q) => interpolated(q.text));
    expect(exprs.filter((e) => e.includes('$'))).toEqual([]);
    const result = evaluate(exprs);
    expect(result.code, result.output).toBe(0);
  });
});
