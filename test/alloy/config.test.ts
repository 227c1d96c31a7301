/**
 * The committed Alloy configuration: it parses, holds together, and gives every scrape the `job` the dashboards
 * and alerts select on (read from stack.config.ts where the Config names them).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import stack from '../../stack.config.ts';
import type { Attribute, Block, Statement } from '../../src/alloy/ast.ts';
import { checkAlloy } from '../../src/alloy/check.ts';
import { extractAlloyFacts } from '../../src/alloy/facts.ts';
import { attributeOf, blockOf } from '../../src/alloy/query.ts';
import { referencesIn } from '../../src/alloy/references.ts';
import { formatAlloyProblem } from '../../src/alloy/problem.ts';
import { STDLIB } from '../../src/alloy/stdlib.ts';

const PATH = 'configs/alloy/config.alloy';
const source = readFileSync(fileURLToPath(new URL(`../../${PATH}`, import.meta.url)), 'utf8');
const result = checkAlloy(source, PATH);
const facts = extractAlloyFacts(result.ast);

/** Scrape jobs the stack relies on that stack.config.ts does not (yet) name in its selectors. */
const JOBS_NOT_IN_CONFIG = [
  'kube-state-metrics',
  'cadvisor',
  'postgres-exporter',
  'redis-exporter',
  'kafka-exporter',
  'nginx-exporter',
  'haproxy',
];

function jobsOfSelectors(): string[] {
  return Object.values(stack.resolve().selectors).flatMap((selector) => {
    const job = selector['job'];
    return typeof job === 'string' ? [job] : [];
  });
}

function component(name: string, label: string): Block {
  const found = result.ast.body.find(
    (s): s is Block => s.kind === 'block' && s.name === name && s.label === label,
  );
  if (found === undefined) throw new Error(`${name} "${label}" is not declared`);
  return found;
}

function allAttributes(body: readonly Statement[]): Attribute[] {
  return body.flatMap((s) => (s.kind === 'attribute' ? [s] : allAttributes(s.body)));
}

describe(PATH, () => {
  it('parses and checks with no problem', () => {
    expect(result.problems.map(formatAlloyProblem)).toEqual([]);
  });

  it('declares the pipeline: Faro, OTLP, processors in order, exporters, writers, discovery, Beyla', () => {
    const ids = new Set(result.components.map((c) => c.id));
    for (const id of [
      'faro.receiver.frontend',
      'loki.process.faro',
      'otelcol.receiver.otlp.default',
      'otelcol.processor.memory_limiter.default',
      'otelcol.processor.filter.noise',
      'otelcol.processor.attributes.cardinality',
      'otelcol.processor.k8sattributes.default',
      'otelcol.processor.transform.environment',
      'otelcol.processor.batch.default',
      'otelcol.exporter.otlp.tempo',
      'otelcol.exporter.prometheus.default',
      'otelcol.exporter.loki.default',
      'prometheus.relabel.cardinality',
      'prometheus.remote_write.default',
      'loki.write.default',
      'discovery.kubernetes.pods',
      'discovery.relabel.pods',
      'beyla.ebpf.default',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it('resolves every component reference it makes (the checker found none unresolved, and there are many)', () => {
    const references = allAttributes(result.ast.body).flatMap((a) => referencesIn(a.value));
    const componentReferences = references.filter((r) => STDLIB[r.parts[0] ?? ''] === undefined);
    expect(componentReferences.length).toBeGreaterThan(40);
    const ids = result.components.map((c) => c.id);
    for (const ref of componentReferences) {
      const text = ref.parts.join('.');
      expect(
        ids.some((id) => text.startsWith(`${id}.`)),
        `${text} at ${ref.start.line}:${ref.start.column}`,
      ).toBe(true);
    }
  });

  it('puts the memory limiter first: the receivers send everything to it', () => {
    const output = blockOf(component('otelcol.receiver.otlp', 'default'), 'output');
    for (const signal of ['metrics', 'logs', 'traces']) {
      const value = output === undefined ? undefined : attributeOf(output, signal)?.value;
      expect(value === undefined ? [] : referencesIn(value).map((r) => r.parts.join('.'))).toEqual([
        'otelcol.processor.memory_limiter.default.input',
      ]);
    }
  });

  it('gives every scrape an explicit job_name, including each job the Config selects on', () => {
    const jobs = facts.scrapes.map((s) => s.jobName);
    expect(facts.scrapes.filter((s) => s.jobNameSource !== 'literal')).toEqual([]);
    const expected = [...jobsOfSelectors(), ...JOBS_NOT_IN_CONFIG];
    expect(jobsOfSelectors()).toEqual(
      expect.arrayContaining([
        'alloy',
        'prometheus',
        'loki',
        'tempo',
        'alertmanager',
        'grafana',
        'node-exporter',
      ]),
    );
    for (const job of expected) expect(jobs, job).toContain(job);
    expect(new Set(jobs).size).toBe(jobs.length);
  });

  it("scrapes Beyla's targets with honor_labels, so Beyla's own job and instance survive", () => {
    const beyla = facts.scrapes.filter(
      (s) => s.targets?.kind === 'expression' && s.targets.references.includes('beyla.ebpf.default.targets'),
    );
    expect(beyla.map((s) => [s.id, s.honorLabels, s.clustering])).toEqual([
      ['prometheus.scrape.beyla', true, false],
    ]);
  });

  it('clusters the scrapes of shared targets, not those of node-local ones (Alloy itself, Beyla)', () => {
    const unclustered = facts.scrapes.filter((s) => !s.clustering).map((s) => s.jobName);
    expect(unclustered.sort()).toEqual(['alloy', 'beyla']);
  });

  it('drops the k8s_pod_uid and k8s_pod_start_time labels on the way to Prometheus', () => {
    const relabel = component('prometheus.relabel', 'cardinality');
    const rule = blockOf(relabel, 'rule');
    expect(rule === undefined ? undefined : attributeOf(rule, 'action')?.value).toMatchObject({
      value: 'labeldrop',
    });
    expect(rule === undefined ? undefined : attributeOf(rule, 'regex')?.value).toMatchObject({
      value: 'k8s_pod_uid|k8s_pod_start_time',
    });
    const writers = facts.scrapes.flatMap((s) => s.forwardTo);
    expect(new Set(writers)).toEqual(new Set(['prometheus.relabel.cardinality.receiver']));
  });

  it('gives Faro lines the kind and app labels the Frontend dashboard selects on', () => {
    const [faro] = facts.faroReceivers;
    expect(faro?.listenAddress).toMatchObject({ kind: 'literal', value: '0.0.0.0' });
    expect(faro?.extraLogLabels['kind']).toMatchObject({ kind: 'literal', value: '' });
    expect(faro?.logsTo).toEqual(['loki.process.faro.receiver']);
    const process = component('loki.process', 'faro');
    const logfmt = blockOf(process, 'stage.logfmt');
    const labels = blockOf(process, 'stage.labels');
    expect(logfmt === undefined ? undefined : attributeOf(logfmt, 'mapping')?.value).toMatchObject({
      kind: 'object',
      fields: [{ name: 'app', value: { value: 'app_name' } }],
    });
    expect(labels === undefined ? undefined : attributeOf(labels, 'values')?.value).toMatchObject({
      kind: 'object',
      fields: [{ name: 'app', value: { value: '' } }],
    });
  });

  it('writes to Tempo, Prometheus and Loki with a tenant each, taken from the environment', () => {
    expect(
      facts.endpoints.map((e) => [
        e.id,
        e.tenantSource,
        e.tenant?.kind === 'expression' ? e.tenant.env : e.tenant,
      ]),
    ).toEqual([
      ['otelcol.exporter.otlp.tempo', 'header', ['TEMPO_TENANT']],
      ['prometheus.remote_write.default', 'header', ['PROMETHEUS_TENANT']],
      ['loki.write.default', 'tenant_id', ['LOKI_TENANT']],
    ]);
  });

  it("attaches exemplars in beyla.ebpf (Beyla's default, always_off, exports none) and remote-writes them", () => {
    expect(
      facts.beylaEbpf.map((b) => [
        b.id,
        b.exemplarFilter?.kind === 'literal' ? b.exemplarFilter.value : b.exemplarFilter,
      ]),
    ).toEqual([['beyla.ebpf.default', 'trace_based']]);
    const endpoint = blockOf(component('prometheus.remote_write', 'default'), 'endpoint');
    expect(endpoint === undefined ? undefined : attributeOf(endpoint, 'send_exemplars')?.value).toMatchObject(
      {
        kind: 'bool',
        value: true,
      },
    );
  });

  it('queues remote writes explicitly: bounded, retried on 429, with a bounded backoff', () => {
    const endpoint = blockOf(component('prometheus.remote_write', 'default'), 'endpoint');
    const queue = endpoint === undefined ? undefined : blockOf(endpoint, 'queue_config');
    const values = Object.fromEntries(
      (queue?.body ?? []).flatMap((s) =>
        s.kind === 'attribute' &&
        (s.value.kind === 'number' || s.value.kind === 'string' || s.value.kind === 'bool')
          ? [[s.name, s.value.value]]
          : [],
      ),
    );
    expect(values).toMatchObject({
      capacity: 10000,
      max_shards: 50,
      max_samples_per_send: 2000,
      max_backoff: '5s',
      retry_on_http_429: true,
    });
  });

  it('keeps secrets out: every secret-looking attribute reads the environment', () => {
    const secrets = allAttributes(result.ast.body).filter((a) =>
      /^(password|api_key|bearer_token|token|secret|client_secret)$/.test(a.name),
    );
    expect(secrets.map((a) => a.name).sort()).toEqual(['api_key', 'password']);
    for (const secret of secrets) {
      expect(secret.value, secret.name).toMatchObject({ kind: 'call' });
      expect(referencesIn(secret.value)[0]?.parts).toEqual(['sys', 'env']);
    }
  });

  it('states the Alloy and embedded Beyla versions it targets in its header', () => {
    const header = result.ast.comments
      .filter((c) => c.start.line < 15)
      .map((c) => c.text)
      .join('\n');
    expect(header).toContain('Alloy v1.18');
    expect(header).toContain('Beyla v3.28.0');
  });
});
