/**
 * The queries about Prometheus, Alertmanager and the node exporter, evaluated against the real thing: the Debian
 * packages' binaries, scraping each other every second under the job names the Config selects on, with the
 * rendered rule files loaded. Every dashboard query declared for one of them (panels carry a `components` field,
 * see src/kit/components.ts) and every rule whose expression reads one of them must return at least one series.
 *
 * Alert rules return series only while they fire, so a rule is evaluated by its measurements (src/promql/
 * measure.ts): the expression with each threshold comparison replaced by what it compares, `absent(x)` by `x`,
 * `offset` dropped, and both sides when a comparison has a measurement on each. Thresholds are tested by promtool
 * (test/rules).
 *
 * No query of those components is left out: which components a query reads is also inferred from the query
 * itself (its job matchers and the catalogue's component of each metric, through recording rules), and a panel
 * query that reads one without declaring it fails the test.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import stack from '../../stack.config.ts';
import { catalogueOf } from '../../src/catalogue/catalogue.ts';
import { inferComponents } from '../../src/catalogue/components.ts';
import { valuesFor } from '../../src/catalogue/check.ts';
import { METRICS } from '../../src/catalogue/metrics.ts';
import type { CollectedQuery } from '../../src/catalogue/queries.ts';
import { collectQueries, recordingRules } from '../../src/catalogue/queries.ts';
import { buildValidated } from '../../src/commands/render.ts';
import { refOf } from '../../src/core/resource.ts';
import type { Selector, StackComponent } from '../../src/index.ts';
import { loadProject } from '../../src/project/load.ts';
import { measurementsOf } from '../../src/promql/measure.ts';
import { renderAll } from '../../src/render/render.ts';
import { defaultValues, substitute } from './grafana-variables.ts';
import type { RealStack } from './real-stack.ts';
import { startRealStack } from './real-stack.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = buildValidated(await loadProject(root));
const config = stack.resolve();
const context = { catalogue: catalogueOf(METRICS), recorded: recordingRules(built.registry) };

/** The components this test runs for real. */
const EVALUATED: readonly StackComponent[] = ['prometheus', 'alertmanager', 'node-exporter'];
/** A firing critical alert of the test's own, so that panels listing firing critical alerts have one to list. */
const SEED_ALERT = 'SyntheticCriticalAlertOfTheTest';

function jobOf(selector: Selector, name: string): string {
  const job = selector['job'];
  if (typeof job !== 'string')
    throw new Error(`stack.config.ts selectors.${name} has no job="…" to scrape under`);
  return job;
}

const jobs = {
  prometheus: jobOf(config.selectors.prometheus, 'prometheus'),
  alertmanager: jobOf(config.selectors.alertmanager, 'alertmanager'),
  nodeExporter: jobOf(config.selectors.node, 'node'),
};

interface RuleFileDoc {
  groups: { name: string; interval?: string; rules: { alert?: string; record?: string; expr: string }[] }[];
}

interface LoadedRule {
  readonly where: string;
  readonly name: string;
  readonly expr: string;
}

// The rule files as `npm run render` writes them to rendered/prometheus/ (the golden test holds them equal),
// evaluated every second instead of every minute.
const ruleFiles = new Map<string, string>();
const rules: LoadedRule[] = [];
for (const [path, file] of renderAll(built.registry, built.config)) {
  if (!path.startsWith('prometheus/') || !path.endsWith('.yml')) continue;
  const doc = parse(file.content) as RuleFileDoc;
  for (const group of doc.groups) {
    group.interval = '1s';
    for (const rule of group.rules) {
      const name = rule.alert ?? rule.record ?? '?';
      rules.push({ where: `rendered/${path} ${group.name}/${name}`, name, expr: rule.expr });
    }
  }
  ruleFiles.set(path.slice('prometheus/'.length), stringify(doc));
}
ruleFiles.set(
  'test-seed.yml',
  stringify({
    groups: [
      {
        name: 'test-seed',
        interval: '1s',
        rules: [{ alert: SEED_ALERT, expr: 'vector(1)', labels: { severity: 'critical' } }],
      },
    ],
  }),
);

function evaluated(components: Iterable<StackComponent>): StackComponent[] {
  return [...components].filter((c) => EVALUATED.includes(c));
}

function where(query: CollectedQuery): string {
  return `${query.resource.source} ${refOf(query.resource)} ${query.path} (${query.label})`;
}

let real: RealStack | undefined;

function running(): RealStack {
  if (real === undefined) throw new Error('the real stack did not start');
  return real;
}

async function until(what: string, check: () => Promise<boolean>, deadline: number): Promise<void> {
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${running().logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function labelValues(label: string, series: string): Promise<readonly string[]> {
  const url = `${running().prometheusUrl}/api/v1/label/${encodeURIComponent(label)}/values?${new URLSearchParams({ 'match[]': series }).toString()}`;
  const body = (await (await fetch(url)).json()) as { data?: unknown };
  return Array.isArray(body.data) ? body.data.filter((v): v is string => typeof v === 'string') : [];
}

/** Runs queries a few at a time; returns a failure line for each that errs or returns no series. */
async function evaluateAll(items: readonly { where: string; expr: string }[]): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let item = items[next++]; item !== undefined; item = items[next++]) {
      const result = await running().query(item.expr);
      if (!result.ok) failures.push(`${item.where}: ${result.error ?? 'error'}\n    ${item.expr}`);
      else if (result.series === 0) failures.push(`${item.where}: no series\n    ${item.expr}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return failures.sort();
}

beforeAll(async () => {
  real = await startRealStack(jobs, ruleFiles);
  const deadline = Date.now() + 40_000;
  const has = async (expr: string): Promise<boolean> => (await running().query(expr)).series > 0;
  await until('all three targets up', () => has('count(up == 1) == 3'), deadline);
  // Six scrapes of each target: every rate() over $__rate_interval (4s) then has several samples.
  await until('six scrapes of each target', () => has('min(count_over_time(up[1m])) >= 6'), deadline);
  await until(
    'the rules evaluated',
    () => has(`ALERTS{alertname="${SEED_ALERT}", alertstate="firing"}`),
    deadline,
  );
}, 60_000);

afterAll(async () => {
  await real?.stop();
}, 20_000);

describe('queries about Prometheus, Alertmanager and the node exporter, against the real binaries', () => {
  const queries = collectQueries(built.registry);

  it('leaves none out: a panel query reading one of them declares it', () => {
    const undeclared = queries.flatMap((q) => {
      if (q.kind !== 'panel' || q.language !== 'PromQL') return [];
      const reads = evaluated(inferComponents(q.text, context, valuesFor(q)));
      const missing = reads.filter((c) => !(q.components ?? []).includes(c));
      return missing.length === 0
        ? []
        : [
            `${where(q)} reads ${missing.join(', ')} but declares ${(q.components ?? []).join(', ') || 'nothing'}`,
          ];
    });
    expect(undeclared).toEqual([]);
  });

  it('returns series for every dashboard query declared for them, and every picker over them', async () => {
    const items: { where: string; expr: string }[] = [];
    const perComponent = new Map<StackComponent, number>();
    for (const q of queries) {
      if (q.language !== 'PromQL' || q.resource.kind !== 'Dashboard') continue;
      const components =
        q.kind === 'panel'
          ? evaluated(q.components ?? [])
          : evaluated(inferComponents(q.text, context, valuesFor(q)));
      if (components.length === 0) continue;
      for (const c of components) perComponent.set(c, (perComponent.get(c) ?? 0) + 1);
      const values = await defaultValues(q.resource.spec, labelValues);
      const { text, unknown } = substitute(q.text, values);
      if (unknown.length > 0)
        items.push({ where: `${where(q)} (no value for $${unknown.join(', $')})`, expr: text });
      else items.push({ where: where(q), expr: text });
    }
    for (const c of EVALUATED)
      expect(perComponent.get(c) ?? 0, `queries evaluated for ${c}`).toBeGreaterThan(3);
    expect(await evaluateAll(items)).toEqual([]);
  });

  it('returns series for the measurements of every rule reading them', async () => {
    const items: { where: string; expr: string }[] = [];
    const names = new Set<string>();
    for (const rule of rules) {
      if (evaluated(inferComponents(rule.expr, context)).length === 0) continue;
      const measurements = measurementsOf(rule.expr);
      if (measurements === undefined) throw new Error(`${rule.where}: does not parse`);
      names.add(rule.name);
      measurements.forEach((expr, i) => items.push({ where: `${rule.where} measurement ${i + 1}`, expr }));
    }
    expect([...names]).toEqual(
      expect.arrayContaining([
        'PrometheusDown',
        'AlertmanagerDown',
        'NodeMemoryHigh',
        'NodeDiskHigh',
        'NodeDiskFullSoon',
        'IngestionRateGrowing',
      ]),
    );
    expect(await evaluateAll(items)).toEqual([]);
  });

  it('finds on the binaries every catalogue entry the catalogue says was observed there', async () => {
    const url = `${running().prometheusUrl}/api/v1/label/__name__/values`;
    const body = (await (await fetch(url)).json()) as { data?: unknown };
    const present = new Set(Array.isArray(body.data) ? body.data : []);
    const missing = METRICS.filter(
      (m) =>
        m.evidence === 'observed' &&
        (m.component === 'scrape' || m.component === 'rules' || EVALUATED.includes(m.component)),
    )
      .map((m) => (m.type === 'histogram' ? `${m.name}_bucket` : m.name))
      .filter((series) => !present.has(series));
    expect(missing).toEqual([]);
  });
});
