import type { Builder, Dataquery } from '@grafana/grafana-foundation-sdk/cog';

/**
 * The parts of the stack whose telemetry a query reads. Scraped components are named by the `job_name` their
 * scrape has in `configs/alloy/config.alloy` (and in the Config's selectors); `beyla` and `faro` are the sources
 * Alloy receives from; `slo` stands for the SLO recording rules (`slo:*`) and the alerts they drive, whose own
 * sources are the services and the pipeline.
 */
export const STACK_COMPONENTS = [
  'alertmanager',
  'alloy',
  'beyla',
  'cadvisor',
  'faro',
  'grafana',
  'haproxy',
  'kafka-exporter',
  'kube-state-metrics',
  'loki',
  'nginx-exporter',
  'node-exporter',
  'postgres-exporter',
  'prometheus',
  'redis-exporter',
  'slo',
  'tempo',
] as const;

export type StackComponent = (typeof STACK_COMPONENTS)[number];

/** One component, or several for a query that reads more than one (`up` of every store, say). */
export type ComponentOption = StackComponent | readonly StackComponent[];

/**
 * Where a query records its components: a field of the target itself, `"components": ["prometheus"]`. Grafana
 * keeps a target's unknown fields (targets are the data source's own JSON) and the data source ignores them; the
 * tests read it to know which queries to evaluate against a real Prometheus, Alertmanager and node exporter.
 */
export const COMPONENTS_FIELD = 'components';

const KNOWN: ReadonlySet<string> = new Set(STACK_COMPONENTS);

export function isStackComponent(value: unknown): value is StackComponent {
  return typeof value === 'string' && KNOWN.has(value);
}

/** The option as a sorted list without duplicates (the order a target records it in). */
export function componentList(option: ComponentOption): readonly StackComponent[] {
  const list: readonly StackComponent[] = typeof option === 'string' ? [option] : option;
  return [...new Set(list)].sort();
}

/** The components a built target (or any target JSON) declares; `undefined` when it declares none. */
export function componentsOf(target: unknown): readonly StackComponent[] | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  const value: unknown = (target as Record<string, unknown>)[COMPONENTS_FIELD];
  if (!Array.isArray(value)) return undefined;
  return value.filter(isStackComponent);
}

/**
 * The query, declaring `components` unless it declares its own already (a query's own declaration wins over its
 * panel's). Built once, when the panel takes its targets.
 */
export function withComponents(
  query: Builder<Dataquery>,
  option: ComponentOption | undefined,
): Builder<Dataquery> {
  if (option === undefined) return query;
  return {
    build: () => {
      const built = query.build();
      if (componentsOf(built) !== undefined) return built;
      return Object.assign({}, built, { [COMPONENTS_FIELD]: componentList(option) });
    },
  };
}
