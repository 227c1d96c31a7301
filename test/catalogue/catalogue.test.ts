/**
 * The metric catalogue holds every metric the repository's queries read (dashboards, alert and recording rules,
 * data source links), with the labels they match, and nothing they do not read.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogueFor, catalogueOf } from '../../src/catalogue/catalogue.ts';
import type { AlloyPipeline } from '../../src/catalogue/check.ts';
import { checkCatalogue, valuesFor } from '../../src/catalogue/check.ts';
import { citationProblems } from '../../src/catalogue/citation.ts';
import type { CollectedQuery } from '../../src/catalogue/queries.ts';
import type { MetricEntry } from '../../src/catalogue/types.ts';
import { extractAlloyFacts } from '../../src/alloy/facts.ts';
import { parseAlloyOrThrow } from '../../src/alloy/parser.ts';
import { readAlloyConfigs } from '../../src/crosscheck/telemetry-configs.ts';
import { refOf } from '../../src/core/resource.ts';
import { buildProject } from '../../src/project/project.ts';
import { formatProblem } from '../../src/validate/problem.ts';
import { METRICS, SLO_RECORDING_RULES } from '../../src/catalogue/metrics.ts';
import { analyzeQuery, namesOfSelector } from '../../src/catalogue/names.ts';
import { collectQueries, recordingRules } from '../../src/catalogue/queries.ts';
import { PINNED_VERSIONS } from '../../src/catalogue/versions.ts';
import { buildValidated } from '../../src/commands/render.ts';
import { loadProject } from '../../src/project/load.ts';
import { fixtureProject } from '../fixtures/project.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = buildValidated(await loadProject(root));
const queries = collectQueries(built.registry);
const catalogue = catalogueOf(METRICS);
const recorded = recordingRules(built.registry);
const pipelines = readAlloyConfigs(root).flatMap(({ file, facts }): AlloyPipeline[] =>
  facts === undefined ? [] : [{ file, facts }],
);
/** The components the real-stack tests run (test/content/real-*.test.ts). */
const OBSERVED = [
  'prometheus',
  'alertmanager',
  'node-exporter',
  'scrape',
  'rules',
  'postgres-exporter',
  'redis-exporter',
  'nginx-exporter',
  'haproxy',
];

describe('the metric catalogue', () => {
  it('collects the queries of dashboards, variables, alert and recording rules and data sources', () => {
    const kinds = new Set(queries.map((q) => q.kind));
    expect([...kinds].sort()).toEqual(['alert', 'datasource', 'panel', 'record', 'variable']);
    expect(queries.filter((q) => q.language === 'PromQL').length).toBeGreaterThan(150);
  });

  it('holds every metric a query reads, and every label a selector matches on it', () => {
    expect(checkCatalogue({ queries, catalogue, recorded, pipelines }).map(formatProblem)).toEqual([]);
  });

  it('holds nothing that no query reads', () => {
    const read = new Set<string>();
    for (const q of queries) {
      if (q.language !== 'PromQL') continue;
      for (const selector of analyzeQuery(q.text, valuesFor(q))?.selectors ?? []) {
        const { names, regex } = namesOfSelector(selector);
        for (const name of [...names, ...(regex === undefined ? [] : catalogue.matching(regex))]) {
          const entry = catalogue.resolve(name)?.entry;
          if (entry !== undefined) read.add(entry.name);
        }
      }
    }
    expect(METRICS.map((m) => m.name).filter((name) => !read.has(name))).toEqual([]);
  });

  it('says for each entry what emits it, in which versions, with which labels, and where that is known from', () => {
    for (const m of METRICS) {
      expect(m.versions, m.name).not.toBe('');
      expect(citationProblems(m), m.name).toEqual([]);
      expect(m.help, m.name).toMatch(/\.$/);
      expect(new Set(m.labels).size, `${m.name} lists a label twice`).toBe(m.labels.length);
      // Only what the real-stack tests run can have been observed (and is checked there).
      if (m.evidence === 'observed') expect(OBSERVED, m.name).toContain(m.component);
      else expect(m.evidence, m.name).toBe('code');
    }
  });

  it('refuses an entry that cites no file of a repository at a release or commit', () => {
    const entry = METRICS[0];
    if (entry === undefined) throw new Error('the catalogue is empty');
    const cite = (source: unknown): string[] => citationProblems({ ...entry, source } as MetricEntry);
    expect(cite({ declared: 'our code' })).toEqual(['cites no repository file: declared in a Config']);
    expect(cite({ repo: 'grafana/alloy', ref: 'main', path: 'go.mod' })).toEqual([
      'cites ref "main", which moves: give a release tag or a full commit',
    ]);
    expect(cite({ repo: 'alloy', ref: 'v1.18.0', path: 'go.mod' })).toEqual([
      'cites repository "alloy": write it as owner/name',
    ]);
    expect(cite({ repo: 'grafana/alloy', ref: 'v1.18.0', path: 'internal/component mixin' })).toEqual([
      'cites path "internal/component mixin": give the file that defines the name',
    ]);
  });

  it('pins Beyla names to the Beyla embedded in the pinned Alloy, and holds no older name', () => {
    expect(PINNED_VERSIONS).toEqual({ alloy: 'v1.18', beyla: '3.28' });
    const names = new Set(METRICS.map((m) => m.name));
    for (const current of [
      'http_server_request_duration_seconds',
      'rpc_server_call_duration_seconds',
      'messaging_client_operation_duration_seconds',
      'db_client_operation_duration_seconds',
    ]) {
      expect(names).toContain(current);
    }
    for (const old of [
      'http_server_duration_seconds',
      'rpc_server_duration_seconds',
      'messaging_publish_duration_seconds',
      'sql_client_duration_seconds',
    ]) {
      expect(names).not.toContain(old);
    }
    const rpc = METRICS.find((m) => m.name === 'rpc_server_call_duration_seconds');
    expect(rpc?.labels).toEqual(expect.arrayContaining(['rpc_response_status_code', 'rpc_system_name']));
    expect(rpc?.labels).not.toContain('rpc_grpc_status_code');
    const db = METRICS.find((m) => m.name === 'db_client_operation_duration_seconds');
    expect(db?.labels).toContain('db_system_name');
    expect(db?.labels).not.toContain('db_system');
  });

  it("holds rpc_server_call_duration_seconds for both its owners, Beyla's per service and Alloy's own gRPC server", () => {
    const catalogue = catalogueOf(METRICS);
    const owners = METRICS.filter((m) => m.name === 'rpc_server_call_duration_seconds').map(
      (m) => m.component,
    );
    expect(owners.sort()).toEqual(['alloy', 'beyla']);
    expect(METRICS.some((m) => m.name === 'rpc_server_duration_milliseconds')).toBe(false);
    const series = 'rpc_server_call_duration_seconds_bucket';
    expect(catalogue.resolve(series, { labels: ['job'], components: ['alloy'] })?.entry.component).toBe(
      'alloy',
    );
    expect(catalogue.resolve(series, { labels: ['service_name'] })?.entry.component).toBe('beyla');
    const alloy = catalogue.resolve(series, { components: ['alloy'] });
    expect(alloy?.labels.has('rpc_response_status_code')).toBe(true);
    expect(alloy?.labels.has('service_name')).toBe(false);
  });

  it('finds the SLO recording rules the dashboards read among those the SLO rules record', () => {
    const slo = [...recorded.keys()].filter((name) => name.startsWith('slo:'));
    expect(SLO_RECORDING_RULES.length).toBeGreaterThan(0);
    expect(slo).toEqual(expect.arrayContaining([...SLO_RECORDING_RULES]));
  });

  it('reports a metric outside it, a label the metric does not carry, and a rule nobody records', () => {
    const fixture = buildProject(fixtureProject());
    const undeclared = catalogueOf(METRICS);
    const messages = checkCatalogue({
      queries: collectQueries(fixture.registry),
      catalogue: undeclared,
      recorded: recordingRules(fixture.registry),
    }).map((p) => p.problem);
    expect(messages).toContain(
      'reads http_requests_total, which is not in the metric catalogue: no component of the stack is known to emit it',
    );
    // The fixture records job:http_requests:rate5m itself; up is in the catalogue.
    expect(messages.filter((m) => m.includes('job:http_requests:rate5m') || m.includes(' up,'))).toEqual([]);
    // Declared in the fixture's Config, they are known.
    expect(
      checkCatalogue({
        queries: collectQueries(fixture.registry),
        catalogue: catalogueFor(fixture.config),
        recorded: recordingRules(fixture.registry),
      }),
    ).toEqual([]);

    const first = queries.find((q) => q.language === 'PromQL');
    if (first === undefined) throw new Error('the repository has PromQL queries');
    const broken = [
      { ...first, text: 'sum(rate(node_cpu_seconds_total{job="node-exporter", cpu_mode="idle"}[5m]))' },
      { ...first, text: 'rpc_server_call_duration_seconds_count{rpc_grpc_status_code!="0"}' },
      { ...first, text: 'slo:nothing:ratio' },
      { ...first, text: '{__name__=~"nothing_(a|b)"}' },
      { ...first, text: 'sum(rate(node_cpu_second_total[5m]))' },
    ];
    const problems = checkCatalogue({ queries: broken, catalogue, recorded });
    expect(problems.map((p) => p.problem)).toEqual([
      expect.stringMatching(
        /^matches label cpu_mode on node_cpu_seconds_total, which does not carry it in every version the catalogue names \(node_exporter .*\)$/,
      ),
      expect.stringMatching(/^matches label rpc_grpc_status_code on rpc_server_call_duration_seconds_count/),
      'reads slo:nothing:ratio, which no recording rule of the repository records',
      'reads nothing_a, which is not in the metric catalogue: no component of the stack is known to emit it',
      'reads nothing_b, which is not in the metric catalogue: no component of the stack is known to emit it',
      'reads node_cpu_second_total, which is not in the metric catalogue: no component of the stack is known to emit it',
    ]);
    // Each names the file, the resource and the field, and says what to do.
    for (const p of problems) {
      expect(p.file).toBe(first.resource.source);
      expect(p.ref).toBe(refOf(first.resource));
      expect(p.path).toBe(first.path);
    }
    expect(problems[0]?.fix).toMatch(/^Match one of its labels \(.*cpu.*mode.*\)$/);
    expect(problems[5]?.fix).toMatch(/^Closest known: node_cpu_seconds_total\b/);
    expect(problems[5]?.fix).toContain('declare it in stack.config.ts catalogue.metrics');
  });
});

describe('what the committed Alloy configuration emits', () => {
  const first = queries.find((q) => q.language === 'PromQL');
  if (first === undefined) throw new Error('the repository has PromQL queries');
  const reading = (text: string): CollectedQuery[] => [{ ...first, text }];
  const facts = (alloy: string): AlloyPipeline[] => [
    { file: 'configs/alloy/test.alloy', facts: extractAlloyFacts(parseAlloyOrThrow(alloy, 'test.alloy')) },
  ];
  const spans = 'sum(rate(otelcol_exporter_sent_spans_total{job="alloy"}[5m]))';

  it('refuses a series no component of the pipeline emits, naming the components that would', () => {
    // The OTLP exporter gets logs only: it counts no spans.
    const logsOnly = facts(`
otelcol.receiver.otlp "in" {
  output {
    logs = [otelcol.exporter.otlp.out.input]
  }
}
otelcol.exporter.otlp "out" {
  client {
    endpoint = "x:4317"
  }
}
otelcol.exporter.prometheus "metrics" {
  forward_to = []
}
`);
    const problems = checkCatalogue({ queries: reading(spans), catalogue, recorded, pipelines: logsOnly });
    expect(problems.map((p) => p.problem)).toEqual([
      expect.stringMatching(
        /^reads otelcol_exporter_sent_spans_total, which only otelcol\.exporter\.\* \(but otelcol\.exporter\.prometheus, otelcol\.exporter\.loki\) that handles traces emits .*; configs\/alloy\/test\.alloy has none, so the series never exists$/,
      ),
    ]);
    // A loki.write series with no loki.write at all.
    expect(
      checkCatalogue({
        queries: reading('sum(rate(loki_write_sent_entries_total{job="alloy"}[5m]))'),
        catalogue,
        recorded,
        pipelines: logsOnly,
      }).map((p) => p.problem),
    ).toEqual([expect.stringMatching(/^reads loki_write_sent_entries_total, which only loki\.write emits/)]);
  });

  it('accepts it once spans reach an exporter built on the exporter helper', () => {
    const traces = facts(`
otelcol.processor.batch "b" {
  output {
    traces = [otelcol.exporter.otlphttp.out.input]
  }
}
otelcol.exporter.otlphttp "out" {
  client {
    endpoint = "http://x:4318"
  }
}
`);
    expect(checkCatalogue({ queries: reading(spans), catalogue, recorded, pipelines: traces })).toEqual([]);
  });

  it("holds for the repository's own configuration, and would have refused the exporter series it read before", () => {
    const own = pipelines[0];
    expect(own?.file).toBe('configs/alloy/config.alloy');
    const before = [
      'otelcol_exporter_sent_spans_total',
      'otelcol_exporter_enqueue_failed_spans_total',
      'otelcol_exporter_loki_entries_failed',
      'loki_write_dropped_entries_total',
      'otelcol_receiver_refused_metric_points_total',
    ].map((name) => `sum(rate(${name}{job="alloy"}[5m]))`);
    expect(checkCatalogue({ queries: before.flatMap(reading), catalogue, recorded, pipelines })).toEqual([]);
    for (const gone of [
      'otelcol_exporter_sent_metric_points_total',
      'otelcol_exporter_send_failed_log_records_total',
    ])
      expect(
        checkCatalogue({
          queries: reading(`sum(rate(${gone}{job="alloy"}[5m]))`),
          catalogue,
          recorded,
          pipelines,
        }).map((p) => p.problem),
      ).toEqual([expect.stringMatching(new RegExp(`^reads ${gone}, which is not in the metric catalogue`))]);
  });
});
