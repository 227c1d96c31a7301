/**
 * What the real-binary tests share: the project built once, the rendered rule files, which dashboard queries and
 * rules read a set of components, evaluating them against a real Prometheus, and `describeRealQueries`, the
 * suite each of those tests runs for its components.
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
import { valuesFor } from '../../src/catalogue/check.ts';
import { inferComponents } from '../../src/catalogue/components.ts';
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

const root = fileURLToPath(new URL('../..', import.meta.url));
export const built = buildValidated(await loadProject(root));
export const config = stack.resolve();
export const context = { catalogue: catalogueOf(METRICS), recorded: recordingRules(built.registry) };
export const queries = collectQueries(built.registry);

/**
 * The components each real-binary test runs: test/content/real-prometheus.test.ts and
 * test/content/real-data-edge.test.ts. Every other component's queries are checked against the catalogue only.
 */
export const REAL_COMPONENTS = {
  prometheus: ['prometheus', 'alertmanager', 'node-exporter'],
  dataEdge: ['postgres-exporter', 'redis-exporter', 'nginx-exporter', 'haproxy'],
} as const satisfies Record<string, readonly StackComponent[]>;

/** The job a component is scraped under: the `job` of its selector in stack.config.ts. */
export function jobOf(selector: Selector, name: string): string {
  const job = selector['job'];
  if (typeof job !== 'string')
    throw new Error(`stack.config.ts selectors.${name} has no job="…" to scrape under`);
  return job;
}

interface RuleFileDoc {
  groups: {
    name: string;
    interval?: string;
    rules: { alert?: string; record?: string; expr: string; labels?: Record<string, string> }[];
  }[];
}

export interface LoadedRule {
  readonly where: string;
  readonly name: string;
  readonly expr: string;
}

/**
 * The rule files as `npm run render` writes them to rendered/prometheus/ (the golden test holds them equal),
 * evaluated every second instead of every minute; by file name, with their rules.
 */
export function renderedRuleFiles(): { files: Map<string, string>; rules: LoadedRule[] } {
  const files = new Map<string, string>();
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
    files.set(path.slice('prometheus/'.length), stringify(doc));
  }
  return { files, rules };
}

/** A rule file of one alert that always fires, evaluated every second. */
export function alwaysFiringRuleFile(alert: string, labels: Record<string, string>): string {
  const doc: RuleFileDoc = {
    groups: [{ name: 'test-seed', interval: '1s', rules: [{ alert, expr: 'vector(1)', labels }] }],
  };
  return stringify(doc);
}

export function where(query: CollectedQuery): string {
  return `${query.resource.source} ${refOf(query.resource)} ${query.path} (${query.label})`;
}

function among(components: Iterable<StackComponent>, wanted: readonly StackComponent[]): StackComponent[] {
  return [...components].filter((c) => wanted.includes(c));
}

/**
 * Which of the wanted components a dashboard PromQL query is evaluated for: a panel query for those it declares,
 * a picker for those it reads. Empty for other queries.
 */
export function dashboardComponents(
  query: CollectedQuery,
  wanted: readonly StackComponent[],
): StackComponent[] {
  if (query.language !== 'PromQL' || query.resource.kind !== 'Dashboard') return [];
  return query.kind === 'panel'
    ? among(query.components ?? [], wanted)
    : among(inferComponents(query.text, context, valuesFor(query)), wanted);
}

/** Whether a rule is evaluated for the wanted components: its expression reads one of them. */
export function ruleReads(rule: LoadedRule, wanted: readonly StackComponent[]): boolean {
  return among(inferComponents(rule.expr, context), wanted).length > 0;
}

/** Panel queries that read one of the wanted components without declaring it. */
export function undeclaredReads(wanted: readonly StackComponent[]): string[] {
  return queries.flatMap((q) => {
    if (q.kind !== 'panel' || q.language !== 'PromQL') return [];
    const reads = among(inferComponents(q.text, context, valuesFor(q)), wanted);
    const missing = reads.filter((c) => !(q.components ?? []).includes(c));
    return missing.length === 0
      ? []
      : [
          `${where(q)} reads ${missing.join(', ')} but declares ${(q.components ?? []).join(', ') || 'nothing'}`,
        ];
  });
}

export interface Item {
  readonly where: string;
  readonly expr: string;
}

/** Polls until the check holds; past the deadline it fails with the processes' logs. */
export async function until(
  what: string,
  check: () => Promise<boolean>,
  deadline: number,
  logs: () => string,
): Promise<void> {
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The values a label has on the series a selector selects (a picker's values, as Grafana asks them). */
export async function labelValues(
  prometheusUrl: string,
  label: string,
  series: string,
): Promise<readonly string[]> {
  const url = `${prometheusUrl}/api/v1/label/${encodeURIComponent(label)}/values?${new URLSearchParams({ 'match[]': series }).toString()}`;
  const body = (await (await fetch(url)).json()) as { data?: unknown };
  return Array.isArray(body.data) ? body.data.filter((v): v is string => typeof v === 'string') : [];
}

/** Runs queries a few at a time; returns a failure line for each that errs or returns no series. */
export async function evaluateAll(real: RealStack, items: readonly Item[]): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let item = items[next++]; item !== undefined; item = items[next++]) {
      const result = await real.query(item.expr);
      if (!result.ok) failures.push(`${item.where}: ${result.error ?? 'error'}\n    ${item.expr}`);
      else if (result.series === 0) failures.push(`${item.where}: no series\n    ${item.expr}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return failures.sort();
}

/** Every dashboard query evaluated for the wanted components, its variables replaced as Grafana would. */
export async function dashboardItems(
  real: RealStack,
  wanted: readonly StackComponent[],
): Promise<{ items: Item[]; perComponent: Map<StackComponent, number> }> {
  const items: Item[] = [];
  const perComponent = new Map<StackComponent, number>();
  for (const q of queries) {
    const components = dashboardComponents(q, wanted);
    if (components.length === 0 || q.resource.kind !== 'Dashboard') continue;
    for (const c of components) perComponent.set(c, (perComponent.get(c) ?? 0) + 1);
    const values = await defaultValues(q.resource.spec, (label, series) =>
      labelValues(real.prometheusUrl, label, series),
    );
    const { text, unknown } = substitute(q.text, values);
    if (unknown.length > 0)
      items.push({ where: `${where(q)} (no value for $${unknown.join(', $')})`, expr: text });
    else items.push({ where: where(q), expr: text });
  }
  return { items, perComponent };
}

/** The measurements of every rule reading the wanted components. */
export function ruleItems(
  rules: readonly LoadedRule[],
  wanted: readonly StackComponent[],
): { items: Item[]; names: string[] } {
  const items: Item[] = [];
  const names = new Set<string>();
  for (const rule of rules) {
    if (!ruleReads(rule, wanted)) continue;
    const measurements = measurementsOf(rule.expr);
    if (measurements === undefined) throw new Error(`${rule.where}: does not parse`);
    names.add(rule.name);
    measurements.forEach((expr, i) => items.push({ where: `${rule.where} measurement ${i + 1}`, expr }));
  }
  return { items, names: [...names] };
}

/** Catalogue entries marked observed on the wanted components (and Prometheus' own) that the binaries lack. */
export async function missingObserved(
  real: RealStack,
  wanted: readonly StackComponent[],
  withScrapeAndRules: boolean,
): Promise<string[]> {
  const body = (await (await fetch(`${real.prometheusUrl}/api/v1/label/__name__/values`)).json()) as {
    data?: unknown;
  };
  const present = new Set(Array.isArray(body.data) ? body.data : []);
  return METRICS.filter(
    (m) =>
      m.evidence === 'observed' &&
      (m.component === 'scrape' || m.component === 'rules'
        ? withScrapeAndRules
        : wanted.some((c) => c === m.component)),
  )
    .map((m) => (m.type === 'histogram' ? `${m.name}_bucket` : m.name))
    .filter((series) => !present.has(series));
}

export interface RealSuite {
  /** The describe title. */
  readonly title: string;
  /** The components the suite's binaries are. */
  readonly components: readonly StackComponent[];
  /** Starts the binaries with the rule files (by file name). */
  readonly start: (ruleFiles: ReadonlyMap<string, string>) => Promise<RealStack>;
  /** Waits until the data is there to query; `has` tells whether a query returns series. */
  readonly ready: (
    wait: (what: string, check: () => Promise<boolean>) => Promise<void>,
    has: (expr: string) => Promise<boolean>,
  ) => Promise<void>;
  /** Rule files of the test's own, besides the rendered ones. */
  readonly extraRuleFiles?: ReadonlyMap<string, string>;
  /** The fewest dashboard queries each component must have. */
  readonly minimumQueries: number;
  /** Rules that must be among those evaluated. */
  readonly expectedRules: readonly string[];
  /** Whether the catalogue's observed `scrape` and `rules` entries are checked too (the Prometheus test). */
  readonly scrapeAndRules: boolean;
  /** Milliseconds `ready` may take. */
  readonly readyWithin: number;
}

/** The suite a real-binary test runs: start, wait for data, evaluate every query about its components. */
export function describeRealQueries(suite: RealSuite): void {
  const { files, rules } = renderedRuleFiles();
  for (const [name, content] of suite.extraRuleFiles ?? []) files.set(name, content);
  let real: RealStack | undefined;
  const running = (): RealStack => {
    if (real === undefined) throw new Error('the real stack did not start');
    return real;
  };

  beforeAll(async () => {
    real = await suite.start(files);
    const started = real;
    const deadline = Date.now() + suite.readyWithin;
    await suite.ready(
      (what, check) => until(what, check, deadline, () => started.logs()),
      async (expr) => (await started.query(expr)).series > 0,
    );
  }, suite.readyWithin + 20_000);

  afterAll(async () => {
    await real?.stop();
  }, 20_000);

  describe(suite.title, () => {
    it('leaves none out: a panel query reading one of them declares it', () => {
      expect(undeclaredReads(suite.components)).toEqual([]);
    });

    it('returns series for every dashboard query declared for them, and every picker over them', async () => {
      const { items, perComponent } = await dashboardItems(running(), suite.components);
      for (const c of suite.components)
        expect(perComponent.get(c) ?? 0, `queries evaluated for ${c}`).toBeGreaterThanOrEqual(
          suite.minimumQueries,
        );
      expect(await evaluateAll(running(), items), running().logs()).toEqual([]);
    });

    it('returns series for the measurements of every rule reading them', async () => {
      const { items, names } = ruleItems(rules, suite.components);
      expect(names).toEqual(expect.arrayContaining([...suite.expectedRules]));
      expect(await evaluateAll(running(), items)).toEqual([]);
    });

    it('finds on the binaries every catalogue entry the catalogue says was observed there', async () => {
      expect(await missingObserved(running(), suite.components, suite.scrapeAndRules)).toEqual([]);
    });
  });
}

/** Dashboard queries (panel targets and pickers), rule expressions, and data source queries. */
export interface QueryCount {
  dashboards: number;
  rules: number;
  datasources: number;
}

/** Where each query of the repository stands: run against real binaries, or checked by the catalogue only. */
export interface ProofCensus {
  /** PromQL queries evaluated against a real binary, per test (REAL_COMPONENTS' groups) and in all. */
  readonly real: QueryCount;
  readonly realBy: Readonly<Record<keyof typeof REAL_COMPONENTS, QueryCount>>;
  /** PromQL queries that read only components no test runs: their names and labels are checked by the catalogue. */
  readonly catalogueOnly: QueryCount;
  /** PromQL queries that read no component's metric (`ALERTS`, `vector(1)`): parsed and checked only. */
  readonly noComponent: QueryCount;
  /** LogQL and TraceQL queries: parsed and checked for structure only. */
  readonly otherLanguages: QueryCount;
  /**
   * Per component, the queries reading it (declared by their panel, or inferred from the query, through recording
   * rules too: an SLO's `slo:*` rules read every source of every SLO) evaluated for real, or by the catalogue only.
   */
  readonly byComponent: ReadonlyMap<StackComponent, { real: number; catalogueOnly: number }>;
}

const zero = (): QueryCount => ({ dashboards: 0, rules: 0, datasources: 0 });

export function total(count: QueryCount): number {
  return count.dashboards + count.rules + count.datasources;
}

/**
 * Counts the queries as the real-binary tests select them (dashboard queries by `dashboardComponents`, rules by
 * `ruleReads`, each over the components of REAL_COMPONENTS); rules from the rendered Prometheus rule files, the
 * Loki ones among the other languages.
 */
export function proofCensus(): ProofCensus {
  const groups = Object.entries(REAL_COMPONENTS) as [
    keyof typeof REAL_COMPONENTS,
    readonly StackComponent[],
  ][];
  const proven = groups.flatMap(([, components]) => components);
  const census = {
    real: zero(),
    realBy: Object.fromEntries(groups.map(([group]) => [group, zero()])) as Record<
      keyof typeof REAL_COMPONENTS,
      QueryCount
    >,
    catalogueOnly: zero(),
    noComponent: zero(),
    otherLanguages: zero(),
    byComponent: new Map<StackComponent, { real: number; catalogueOnly: number }>(),
  };
  const count = (
    where: keyof QueryCount,
    reads: ReadonlySet<StackComponent>,
    realFor: (components: readonly StackComponent[]) => boolean,
  ): void => {
    const isReal = realFor(proven);
    const bucket = isReal ? census.real : reads.size > 0 ? census.catalogueOnly : census.noComponent;
    bucket[where]++;
    for (const [group, components] of groups) if (realFor(components)) census.realBy[group][where]++;
    for (const c of reads) {
      const entry = census.byComponent.get(c) ?? { real: 0, catalogueOnly: 0 };
      if (isReal) entry.real++;
      else entry.catalogueOnly++;
      census.byComponent.set(c, entry);
    }
  };
  for (const q of queries) {
    const where =
      q.resource.kind === 'Dashboard'
        ? 'dashboards'
        : q.resource.kind === 'DataSource'
          ? 'datasources'
          : 'rules';
    if (q.language !== 'PromQL') {
      census.otherLanguages[where]++;
      continue;
    }
    if (where === 'rules') continue; // counted from the rendered rule files below, as the tests load them
    const reads = new Set([...(q.components ?? []), ...inferComponents(q.text, context, valuesFor(q))]);
    count(where, reads, (components) => dashboardComponents(q, components).length > 0);
  }
  for (const rule of renderedRuleFiles().rules) {
    count('rules', new Set(inferComponents(rule.expr, context)), (components) => ruleReads(rule, components));
  }
  return census;
}
