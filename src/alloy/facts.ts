/**
 * Facts about an Alloy configuration that other parts of the repository cross-check: the `job` each scrape
 * gives its series (dashboards and alerts select on it), the Loki labels the Faro receiver sets (the Frontend
 * dashboard queries them), where data is written with which tenant, and what the embedded Beyla exports (its
 * duration histogram's bounds, which an SLO threshold must sit on, and its exemplar filter). Values are literal when the file says
 * them outright, or expressions (with the environment variables they read) when only Alloy can evaluate them.
 * Facts cover top-level components; components inside `declare` or `foreach` are templates, not instances.
 */
import { DEFAULT_DURATION_BUCKETS } from '../beyla/buckets.ts';
import type { AlloyFile, Block, Expression, Position } from './ast.ts';
import { isComponentBlock } from './block-kinds.ts';
import type { AttributeValue } from './literal.ts';
import { describeValue, envVariablesIn, evaluateLiteral } from './literal.ts';
import { printExpression } from './print.ts';
import { referencesIn } from './references.ts';
import { attributeOf, blockOf, blocksNamed } from './query.ts';

export interface ComponentFact {
  /** `prometheus.scrape.node_exporter`. */
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly at: Position;
}

export interface ScrapeFact extends ComponentFact {
  /** The `job` label of the scraped series: `job_name` when literal, else Alloy's default `prometheus.scrape.<label>`. */
  readonly jobName: string;
  readonly jobNameSource: 'literal' | 'default' | 'expression';
  /** `honor_labels` (default false); undefined when it is an expression. */
  readonly honorLabels: boolean | undefined;
  /** `clustering { enabled = true }`. */
  readonly clustering: boolean;
  readonly targets: AttributeValue | undefined;
  /** The literal `__address__` of every target written out in the file. */
  readonly staticAddresses: readonly string[];
  /** What `forward_to` lists, as Alloy source (`prometheus.relabel.cardinality.receiver`). */
  readonly forwardTo: readonly string[];
}

export interface FaroReceiverFact extends ComponentFact {
  /** `extra_log_labels`: label name to value; an empty literal value means "taken from the line field of that name". */
  readonly extraLogLabels: Readonly<Record<string, AttributeValue>>;
  readonly listenAddress: AttributeValue | undefined;
  readonly listenPort: AttributeValue | undefined;
  readonly corsAllowedOrigins: AttributeValue | undefined;
  readonly logsTo: readonly string[];
  readonly tracesTo: readonly string[];
}

export interface EndpointFact extends ComponentFact {
  /** `url` of a `loki.write` / `prometheus.remote_write` endpoint, `endpoint` of an otelcol exporter client. */
  readonly url: AttributeValue | undefined;
  /** The tenant: Loki's `tenant_id`, or an `X-Scope-OrgID` header. */
  readonly tenant: AttributeValue | undefined;
  readonly tenantSource: 'tenant_id' | 'header' | undefined;
  /** Header name to value (only when `headers` is an object written out in the file). */
  readonly headers: Readonly<Record<string, AttributeValue>>;
}

export interface BeylaEbpfFact extends ComponentFact {
  /** `metrics { exemplar_filter }`; undefined means Beyla's default, `always_off`: no exemplar at all. */
  readonly exemplarFilter: AttributeValue | undefined;
  /** `metrics { features }`; undefined means Beyla's default, `["application"]`. */
  readonly features: AttributeValue | undefined;
  /**
   * Bounds (seconds) of the duration histograms it exports: `metrics { buckets { duration_histogram } }` when the
   * file writes them out (the `Buckets` block of internal/component/beyla/ebpf/args.go, grafana/alloy v1.18.0),
   * Beyla's defaults when it says nothing. Empty when the bounds are an expression only Alloy can evaluate.
   */
  readonly durationBuckets: readonly number[];
  readonly durationBucketsSource: 'default' | 'literal' | 'expression';
}

/** The OpenTelemetry signals a component's `output` block sends on. */
export type OtelSignal = 'metrics' | 'logs' | 'traces';

/** One edge of an OpenTelemetry pipeline: `output { traces = [otelcol.exporter.otlp.tempo.input] }`. */
export interface SignalRoute {
  readonly signal: OtelSignal;
  /** The sending component's id: `otelcol.processor.batch.default`. */
  readonly from: string;
  /** The receiving component's id, the reference without its export: `otelcol.exporter.otlp.tempo`. */
  readonly to: string;
}

export interface AlloyFacts {
  readonly components: readonly ComponentFact[];
  /** Every signal route written in an `output` block of a top-level component. */
  readonly routes: readonly SignalRoute[];
  readonly scrapes: readonly ScrapeFact[];
  readonly faroReceivers: readonly FaroReceiverFact[];
  readonly endpoints: readonly EndpointFact[];
  readonly beylaEbpf: readonly BeylaEbpfFact[];
  /** Every environment variable the file reads with `sys.env`, sorted. */
  readonly environmentVariables: readonly string[];
}

const TENANT_HEADER = 'x-scope-orgid';

function componentFact(block: Block): ComponentFact {
  const label = block.label ?? '';
  return { id: `${block.name}.${label}`, name: block.name, label, at: block.start };
}

function valueOf(block: Block | undefined, name: string): AttributeValue | undefined {
  if (block === undefined) return undefined;
  const attribute = attributeOf(block, name);
  return attribute === undefined ? undefined : describeValue(attribute.value);
}

/** The elements of a list written out in the file, printed; the whole expression when it is not a list. */
function listedReferences(expr: Expression | undefined): string[] {
  if (expr === undefined) return [];
  if (expr.kind === 'array') return expr.elements.map(printExpression);
  return [printExpression(expr)];
}

function objectFields(expr: Expression | undefined): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  if (expr?.kind !== 'object') return out;
  for (const field of expr.fields) out[field.name] = describeValue(field.value);
  return out;
}

function staticAddresses(expr: Expression | undefined): string[] {
  if (expr?.kind !== 'array') return [];
  const addresses: string[] = [];
  for (const element of expr.elements) {
    if (element.kind !== 'object') continue;
    const address = element.fields.find((f) => f.name === '__address__');
    const value = address === undefined ? undefined : evaluateLiteral(address.value);
    if (value?.literal === true && typeof value.value === 'string') addresses.push(value.value);
  }
  return addresses;
}

function scrapeFact(block: Block): ScrapeFact {
  const base = componentFact(block);
  const jobName = attributeOf(block, 'job_name');
  const job = jobName === undefined ? undefined : evaluateLiteral(jobName.value);
  const honor = attributeOf(block, 'honor_labels');
  const honorValue =
    honor === undefined ? { literal: true as const, value: false } : evaluateLiteral(honor.value);
  const clustering = blockOf(block, 'clustering');
  const enabled = clustering === undefined ? undefined : attributeOf(clustering, 'enabled');
  const targets = attributeOf(block, 'targets');
  return {
    ...base,
    jobName:
      job?.literal === true && typeof job.value === 'string'
        ? job.value
        : jobName === undefined
          ? base.id
          : printExpression(jobName.value),
    jobNameSource:
      jobName === undefined
        ? 'default'
        : job?.literal === true && typeof job.value === 'string'
          ? 'literal'
          : 'expression',
    honorLabels: honorValue.literal && typeof honorValue.value === 'boolean' ? honorValue.value : undefined,
    clustering: enabled !== undefined && enabled.value.kind === 'bool' && enabled.value.value,
    targets: targets === undefined ? undefined : describeValue(targets.value),
    staticAddresses: staticAddresses(targets?.value),
    forwardTo: listedReferences(attributeOf(block, 'forward_to')?.value),
  };
}

function faroFact(block: Block): FaroReceiverFact {
  const server = blockOf(block, 'server');
  const output = blockOf(block, 'output');
  return {
    ...componentFact(block),
    extraLogLabels: objectFields(attributeOf(block, 'extra_log_labels')?.value),
    listenAddress: valueOf(server, 'listen_address'),
    listenPort: valueOf(server, 'listen_port'),
    corsAllowedOrigins: valueOf(server, 'cors_allowed_origins'),
    logsTo: listedReferences(output === undefined ? undefined : attributeOf(output, 'logs')?.value),
    tracesTo: listedReferences(output === undefined ? undefined : attributeOf(output, 'traces')?.value),
  };
}

function endpointFact(component: Block, endpoint: Block, urlAttribute: string): EndpointFact {
  const headers = objectFields(attributeOf(endpoint, 'headers')?.value);
  const tenantId = valueOf(endpoint, 'tenant_id');
  const headerName = Object.keys(headers).find((h) => h.toLowerCase() === TENANT_HEADER);
  const tenantHeader = headerName === undefined ? undefined : headers[headerName];
  return {
    ...componentFact(component),
    url: valueOf(endpoint, urlAttribute),
    tenant: tenantId ?? tenantHeader,
    tenantSource: tenantId !== undefined ? 'tenant_id' : tenantHeader !== undefined ? 'header' : undefined,
    headers,
  };
}

function endpointsOf(block: Block): EndpointFact[] {
  if (block.name === 'loki.write' || block.name === 'prometheus.remote_write') {
    return blocksNamed(block.body, 'endpoint').map((e) => endpointFact(block, e, 'url'));
  }
  if (block.name.startsWith('otelcol.exporter.')) {
    return blocksNamed(block.body, 'client').map((c) => endpointFact(block, c, 'endpoint'));
  }
  return [];
}

function beylaEbpfFact(block: Block): BeylaEbpfFact {
  const metrics = blockOf(block, 'metrics');
  const buckets = metrics === undefined ? undefined : blockOf(metrics, 'buckets');
  const duration = buckets === undefined ? undefined : attributeOf(buckets, 'duration_histogram');
  const bounds = duration === undefined ? undefined : evaluateLiteral(duration.value);
  const listed =
    bounds?.literal === true &&
    Array.isArray(bounds.value) &&
    bounds.value.every((b) => typeof b === 'number')
      ? (bounds.value as readonly number[])
      : undefined;
  return {
    ...componentFact(block),
    exemplarFilter: valueOf(metrics, 'exemplar_filter'),
    features: valueOf(metrics, 'features'),
    durationBuckets: duration === undefined ? DEFAULT_DURATION_BUCKETS : (listed ?? []),
    durationBucketsSource:
      duration === undefined ? 'default' : listed !== undefined ? 'literal' : 'expression',
  };
}

const SIGNALS: readonly OtelSignal[] = ['metrics', 'logs', 'traces'];

function routesOf(block: Block): SignalRoute[] {
  const output = blockOf(block, 'output');
  if (output === undefined) return [];
  const from = componentFact(block).id;
  return SIGNALS.flatMap((signal) => {
    const attribute = attributeOf(output, signal);
    if (attribute === undefined) return [];
    return referencesIn(attribute.value)
      .filter((r) => r.parts.length > 1)
      .map((r): SignalRoute => ({ signal, from, to: r.parts.slice(0, -1).join('.') }));
  });
}

function collectEnv(block: Block, into: Set<string>): void {
  for (const statement of block.body) {
    if (statement.kind === 'attribute') for (const name of envVariablesIn(statement.value)) into.add(name);
    else collectEnv(statement, into);
  }
}

export function extractAlloyFacts(ast: AlloyFile): AlloyFacts {
  const blocks = ast.body.filter((s): s is Block => s.kind === 'block');
  const components = blocks.filter(isComponentBlock);
  const env = new Set<string>();
  for (const block of blocks) collectEnv(block, env);
  for (const statement of ast.body) {
    if (statement.kind === 'attribute') for (const name of envVariablesIn(statement.value)) env.add(name);
  }
  return {
    components: components.map(componentFact),
    routes: components.flatMap(routesOf),
    scrapes: components.filter((b) => b.name === 'prometheus.scrape').map(scrapeFact),
    faroReceivers: components.filter((b) => b.name === 'faro.receiver').map(faroFact),
    endpoints: components.flatMap(endpointsOf),
    beylaEbpf: components.filter((b) => b.name === 'beyla.ebpf').map(beylaEbpfFact),
    environmentVariables: [...env].sort(),
  };
}
