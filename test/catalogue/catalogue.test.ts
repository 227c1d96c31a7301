/**
 * The metric catalogue holds every metric the repository's queries read (dashboards, alert and recording rules,
 * data source links), with the labels they match, and nothing they do not read.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogueOf } from '../../src/catalogue/catalogue.ts';
import { checkCatalogue, valuesFor } from '../../src/catalogue/check.ts';
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

describe('the metric catalogue', () => {
  it('collects the queries of dashboards, variables, alert and recording rules and data sources', () => {
    const kinds = new Set(queries.map((q) => q.kind));
    expect([...kinds].sort()).toEqual(['alert', 'datasource', 'panel', 'record', 'variable']);
    expect(queries.filter((q) => q.language === 'PromQL').length).toBeGreaterThan(150);
  });

  it('holds every metric a query reads, and every label a selector matches on it', () => {
    expect(checkCatalogue(queries, catalogue, recorded).map((f) => `${f.where}: ${f.message}`)).toEqual([]);
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
      expect(m.source, m.name).not.toBe('');
      expect(m.help, m.name).toMatch(/\.$/);
      expect(new Set(m.labels).size, `${m.name} lists a label twice`).toBe(m.labels.length);
      // Only what test/content/real-prometheus.test.ts runs can have been observed (and is checked there).
      if (m.evidence === 'observed') {
        expect(['prometheus', 'alertmanager', 'node-exporter', 'scrape', 'rules'], m.name).toContain(
          m.component,
        );
      }
    }
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
    const fixture = buildValidated(fixtureProject());
    const findings = checkCatalogue(
      collectQueries(fixture.registry),
      catalogue,
      recordingRules(fixture.registry),
    );
    const messages = findings.map((f) => f.message);
    expect(messages).toContain('reads http_requests_total, which is not in the metric catalogue');
    expect(messages).toContain(
      'reads http_request_duration_seconds_bucket, which is not in the metric catalogue',
    );
    // The fixture records job:http_requests:rate5m itself; up is in the catalogue.
    expect(messages.filter((m) => m.includes('job:http_requests:rate5m') || m.includes(' up,'))).toEqual([]);

    const own = collectQueries(built.registry)
      .filter((q) => q.language === 'PromQL')
      .slice(0, 1);
    const first = own[0];
    if (first === undefined) throw new Error('the repository has PromQL queries');
    const broken = [
      { ...first, text: 'sum(rate(node_cpu_seconds_total{job="node-exporter", cpu_mode="idle"}[5m]))' },
      { ...first, text: 'rpc_server_call_duration_seconds_count{rpc_grpc_status_code!="0"}' },
      { ...first, text: 'slo:nothing:ratio' },
      { ...first, text: '{__name__=~"nothing_(a|b)"}' },
    ];
    expect(checkCatalogue(broken, catalogue, recorded).map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^matches label cpu_mode on node_cpu_seconds_total, which the catalogue says it does not carry/,
      ),
      expect.stringMatching(/^matches label rpc_grpc_status_code on rpc_server_call_duration_seconds_count/),
      'reads slo:nothing:ratio, which no recording rule records',
      'reads nothing_a, which is not in the metric catalogue',
      'reads nothing_b, which is not in the metric catalogue',
    ]);
  });
});
