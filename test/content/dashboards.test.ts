/**
 * The stack's dashboards as a whole: one per question, in its domain's folder, linked to where a user jumps next,
 * every query declaring its component, Beyla and Alloy version pins stated, Faro queried on the labels Alloy sets,
 * and data sources linked to each other (exemplars, trace ids, traces to logs and metrics, service graph).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import stack from '../../stack.config.ts';
import { checkAlloy } from '../../src/alloy/check.ts';
import { extractAlloyFacts } from '../../src/alloy/facts.ts';
import type { SelectorHint } from '../../src/catalogue/catalogue.ts';
import { selectorHint } from '../../src/catalogue/components.ts';
import { catalogueOf } from '../../src/catalogue/catalogue.ts';
import { inferComponents } from '../../src/catalogue/components.ts';
import { valuesFor } from '../../src/catalogue/check.ts';
import { METRICS } from '../../src/catalogue/metrics.ts';
import { analyzeQuery, namesOfSelector } from '../../src/catalogue/names.ts';
import type { CollectedQuery } from '../../src/catalogue/queries.ts';
import { collectQueries, recordingRules } from '../../src/catalogue/queries.ts';
import { buildValidated } from '../../src/commands/render.ts';
import { field } from '../../src/core/json.ts';
import { panelsOf } from '../../src/validate/dashboard-walk.ts';
import { isSecretRef, secret } from '../../src/core/secret.ts';
import { loadProject } from '../../src/project/load.ts';
import type { LabelMatcher, VectorSelector } from '../../src/promql/analyze.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = buildValidated(await loadProject(root));
const cfg = stack.resolve();
const dashboards = built.registry.byKind('Dashboard');
const own = dashboards.filter((d) => d.source.startsWith('dashboards/'));
const queries = collectQueries(built.registry);
const context = { catalogue: catalogueOf(METRICS), recorded: recordingRules(built.registry) };

const EXPECTED: readonly (readonly [uid: string, folder: keyof typeof cfg.folders])[] = [
  ['stack-overview', 'overview'],
  ['service-red', 'services'],
  ['frontend', 'frontend'],
  ['alloy-pipeline', 'pipeline'],
  ['storage-backends', 'backends'],
  ['infrastructure', 'infrastructure'],
  ['data-layer', 'data'],
  ['edge', 'edge'],
  ['alerting-health', 'alerting'],
];

function shown(selector: VectorSelector): string {
  return `{${selector.matchers.map((m) => `${m.label}${m.op}"${m.value}"`).join(', ')}}`;
}

/**
 * Range functions (rate, increase, …) over a selector that can match more than one metric name. rate() drops the
 * name, so two counters with the same labels become two series with one label set, and Prometheus refuses the
 * whole query ("vector cannot contain metrics with the same labelset"). One rate per counter, then add.
 */
function rangesOverSeveralNames(text: string, values: ReadonlyMap<string, string>): string[] {
  const analysis = analyzeQuery(text, values);
  if (analysis === undefined) return [`does not parse: ${text}`];
  return analysis.rangeCalls.flatMap((call) =>
    analysis.selectors
      .filter((s) => s.from >= call.from && s.to <= call.to && namesOfSelector(s).names.length !== 1)
      .map((s) => `${call.fn}() over ${shown(s)}`),
  );
}

/** Whether a label matcher lets a series without that label (or with it empty) through. */
function allowsEmpty(m: LabelMatcher): boolean {
  if (m.op === '=') return m.value === '';
  if (m.op === '!=') return m.value !== '';
  try {
    const empty = new RegExp(`^(?:${m.value})$`).test('');
    return m.op === '=~' ? empty : !empty;
  } catch {
    return false;
  }
}

function where(q: CollectedQuery): string {
  return `${q.resource.source} ${q.resource.uid} ${q.path} (${q.label})`;
}

function linksOf(uid: string): string[] {
  const d = dashboards.find((x) => x.uid === uid);
  return (d?.spec.links ?? []).flatMap((l) => {
    const match = /^\/d\/([^/?#]+)/.exec(l.url ?? '');
    return match?.[1] === undefined ? [] : [match[1]];
  });
}

describe('the stack dashboards', () => {
  it.each(EXPECTED)('%s is in the %s folder', (uid, folder) => {
    expect(dashboards.find((d) => d.uid === uid)?.folderUid).toBe(cfg.folders[folder].uid);
  });

  it('link to each other: every one is reachable from the overview and links back to it', () => {
    const reached = new Set(['stack-overview']);
    const queue = ['stack-overview'];
    for (let uid = queue.shift(); uid !== undefined; uid = queue.shift()) {
      for (const next of linksOf(uid)) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    for (const [uid] of EXPECTED) {
      expect(reached, `${uid} is reachable from the overview`).toContain(uid);
      if (uid !== 'stack-overview')
        expect(linksOf(uid), `${uid} links back to the overview`).toContain('stack-overview');
    }
  });

  it('include every dashboard an alert links to, with a panel it has', () => {
    const linked = built.registry
      .byKind('AlertRuleGroup')
      .flatMap((g) =>
        g.spec.rules.map((r) => [
          field(r.annotations, '__dashboardUid__'),
          field(r.annotations, '__panelId__'),
        ]),
      )
      .filter((link) => link[0] !== undefined || link[1] !== undefined);
    expect(linked.map(([uid]) => uid)).toEqual(
      expect.arrayContaining(['service-red', 'alloy-pipeline', 'frontend']),
    );
    for (const [uid, panelId] of linked) {
      const dashboard = dashboards.find((d) => d.uid === uid);
      expect(dashboard, String(uid)).toBeDefined();
      const ids = (dashboard === undefined ? [] : panelsOf(dashboard.spec)).map((v) => String(v.panel.id));
      expect(ids, `${String(uid)} panel ${String(panelId)}`).toContain(panelId);
    }
  });

  it('declare the components every query reads', () => {
    const problems: string[] = [];
    for (const q of queries) {
      if (q.kind !== 'panel' || !own.includes(q.resource as (typeof own)[number])) continue;
      const declared = q.components ?? [];
      if (declared.length === 0)
        problems.push(`${q.resource.uid} ${q.path} (${q.label}) declares no component`);
      if (q.language !== 'PromQL') continue;
      const inferred = [...inferComponents(q.text, context, valuesFor(q))];
      // Queries over recording rules may declare the rules' component (slo) rather than their sources.
      const missing = declared.includes('slo') ? [] : inferred.filter((c) => !declared.includes(c));
      if (missing.length > 0)
        problems.push(`${q.resource.uid} ${q.path} (${q.label}) reads ${missing.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('state the Alloy and Beyla versions they assume at the top of every file reading Beyla or Alloy metrics', () => {
    const files = new Set<string>();
    for (const q of queries) {
      const source = q.resource.source;
      if (!source.startsWith('dashboards/') && !source.startsWith('datasources/')) continue;
      const reads =
        q.language === 'PromQL'
          ? inferComponents(q.text, context, valuesFor(q))
          : new Set(q.components ?? []);
      if (reads.has('beyla') || reads.has('alloy')) files.add(source);
    }
    expect([...files].sort()).toEqual(
      expect.arrayContaining([
        'dashboards/service-red.ts',
        'dashboards/alloy-pipeline.ts',
        'dashboards/data-layer.ts',
      ]),
    );
    for (const file of files) {
      // The comment before the imports, or the one over the definition.
      const text = readFileSync(join(root, file), 'utf8');
      const top = text.slice(0, text.indexOf('export default'));
      expect(top, file).toMatch(/Alloy v1\.18 embedding(\s|\/\/|\*)+Beyla 3\.28/);
    }
  });

  it('rate no selector that can match several metric names (dashboards, rules, data sources)', () => {
    // The check itself catches the pattern it is for.
    expect(
      rangesOverSeveralNames(
        'sum(rate({job="alloy", __name__=~"a_(logs|events)_total"}[$__rate_interval]))',
        new Map(),
      ),
    ).toEqual(['rate() over {job="alloy", __name__=~"a_(logs|events)_total"}']);
    expect(
      rangesOverSeveralNames('sum(rate(a_total{job="alloy"}[5m])) + sum(rate(b_total[5m]))', new Map()),
    ).toEqual([]);
    const problems = queries.flatMap((q) =>
      q.language !== 'PromQL'
        ? []
        : rangesOverSeveralNames(q.text, valuesFor(q)).map((problem) => `${where(q)}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it("read Beyla's per-service metrics only where service_name is set (OTLP SDK series of the same names are not)", () => {
    const catalogue = catalogueOf(METRICS);
    // A name may have two owners (Alloy's own rpc_server_call_duration_seconds, by job): the selector says which.
    const perService = (name: string, hint: SelectorHint): boolean => {
      const entry = catalogue.resolve(name, hint)?.entry;
      return entry?.component === 'beyla' && entry.labels.includes('service_name');
    };
    let checked = 0;
    const problems = queries.flatMap((q) => {
      if (q.language !== 'PromQL') return [];
      const analysis = analyzeQuery(q.text, valuesFor(q));
      return (analysis?.selectors ?? []).flatMap((s) => {
        const hint = selectorHint(s.matchers);
        if (!namesOfSelector(s).names.some((name) => perService(name, hint))) return [];
        checked += 1;
        const required = s.matchers.some((m) => m.label === 'service_name' && !allowsEmpty(m));
        return required ? [] : [`${where(q)}: ${shown(s)} lets series without service_name in`];
      });
    });
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });

  it('query Faro streams only by the labels Alloy gives them', () => {
    const alloy = readFileSync(join(root, 'configs/alloy/config.alloy'), 'utf8');
    const faro = extractAlloyFacts(checkAlloy(alloy, 'configs/alloy/config.alloy').ast).faroReceivers;
    // kind comes from faro.receiver's extra_log_labels; app is promoted from app_name by loki.process "faro".
    const labels = new Set([...faro.flatMap((f) => Object.keys(f.extraLogLabels)), 'app']);
    expect([...labels].sort()).toEqual(['app', 'kind']);
    expect(alloy).toMatch(/stage\.labels \{\s*values = \{\s*app = "",/);
    const used = new Set<string>();
    for (const q of queries) {
      if (q.language !== 'LogQL' || !(q.components ?? []).includes('faro')) continue;
      for (const selector of q.text.match(/\{[^{}]*\}/g) ?? []) {
        for (const m of selector.matchAll(/(\w+)\s*(?:=~|!~|!=|=)/g)) if (m[1] !== undefined) used.add(m[1]);
      }
    }
    expect([...used].sort()).toEqual(['app', 'kind']);
  });
});

describe('the data sources', () => {
  const ds = (uid: string) => built.registry.find('DataSource', uid)?.spec;
  const { prometheus, loki, tempo, alertmanager } = cfg.datasources;

  it('link Prometheus exemplars and Loki trace ids to Tempo', () => {
    expect(ds(prometheus.uid)?.jsonData).toMatchObject({
      exemplarTraceIdDestinations: [{ name: 'trace_id', datasourceUid: tempo.uid }],
    });
    expect(ds(loki.uid)?.jsonData).toMatchObject({
      derivedFields: [{ matcherRegex: 'traceID=(\\w+)', datasourceUid: tempo.uid }],
    });
  });

  it('link Tempo to logs, to metrics and to the service graph', () => {
    expect(ds(tempo.uid)?.jsonData).toMatchObject({
      tracesToLogsV2: { datasourceUid: loki.uid, filterByTraceID: true },
      tracesToMetrics: { datasourceUid: prometheus.uid },
      serviceMap: { datasourceUid: prometheus.uid },
      nodeGraph: { enabled: true },
    });
    const queriesOfTempo = queries.filter((q) => q.kind === 'datasource');
    expect(queriesOfTempo.map((q) => q.label)).toEqual(['Request rate', 'Error ratio', 'P95 duration']);
  });

  it('take the Loki and Tempo tenants from secrets only: no environment of the Config holds one', () => {
    for (const environment of stack.environments) {
      const { datasources } = stack.resolve(environment);
      expect(Object.keys(datasources.loki).sort(), environment).toEqual(['name', 'uid', 'url']);
      expect(Object.keys(datasources.tempo).sort(), environment).toEqual(['name', 'uid', 'url']);
    }
    expect(stack.environments).toEqual(expect.arrayContaining(['production', 'staging']));
    expect(ds(loki.uid)?.secureJsonData).toEqual({ httpHeaderValue1: secret('LOKI_TENANT') });
    expect(ds(tempo.uid)?.secureJsonData).toEqual({ httpHeaderValue1: secret('TEMPO_TENANT') });
  });

  it('include Alertmanager, and keep every credential and tenant header a secret reference', () => {
    expect(ds(alertmanager.uid)).toMatchObject({
      type: 'alertmanager',
      jsonData: { implementation: 'prometheus' },
    });
    for (const d of built.registry.byKind('DataSource')) {
      for (const value of Object.values(d.spec.secureJsonData ?? {}))
        expect(isSecretRef(value), d.uid).toBe(true);
    }
    expect(ds(loki.uid)?.jsonData).toMatchObject({ httpHeaderName1: 'X-Scope-OrgID' });
    expect(ds(tempo.uid)?.jsonData).toMatchObject({ httpHeaderName1: 'X-Scope-OrgID' });
  });
});
