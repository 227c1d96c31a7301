/**
 * Lookup in the metric catalogue by the name a query writes: a histogram's `_bucket`, `_count` and `_sum` series
 * and a summary's `_count` and `_sum` resolve to their family's entry, with `le` / `quantile` allowed. One name
 * may have several owners (OpenTelemetry's `rpc_server_call_duration_seconds` is both Beyla's, per service, and
 * Alloy's own gRPC server's): the selector says which, by the labels it matches and the components its `job`
 * names.
 */
import type { BaseConfig, DeclaredMetric } from '../config/base.ts';
import { METRICS } from './metrics.ts';
import type { MetricEntry } from './types.ts';
import { TARGET_LABELS } from './types.ts';

export interface Resolved {
  readonly entry: MetricEntry;
  /** Labels a selector on this series may match. */
  readonly labels: ReadonlySet<string>;
}

/** What a selector says about the series it wants, to choose among the owners of one name. */
export interface SelectorHint {
  /** Labels it matches (besides `__name__`). */
  readonly labels?: readonly string[];
  /** Components its `job` matcher names. */
  readonly components?: readonly string[];
}

export interface Catalogue {
  readonly entries: readonly MetricEntry[];
  /**
   * The entry of a series name, or undefined when the catalogue does not hold it. With several owners: the first
   * whose component the `job` names and whose labels take every label matched, else the first whose labels take
   * them, else the first.
   */
  resolve(series: string, hint?: SelectorHint): Resolved | undefined;
  /** Every series name of the catalogue that a `__name__` regex matches (fully, as PromQL anchors it). */
  matching(regex: string): readonly string[];
  /** Every series name: each counter and gauge, each histogram's `_bucket`, `_count` and `_sum`. */
  series(): readonly string[];
}

function seriesOf(entry: MetricEntry): readonly (readonly [string, readonly string[]])[] {
  if (entry.type === 'histogram') {
    return [
      [`${entry.name}_bucket`, ['le']],
      [`${entry.name}_count`, []],
      [`${entry.name}_sum`, []],
    ];
  }
  if (entry.type === 'summary') {
    return [
      [entry.name, ['quantile']],
      [`${entry.name}_count`, []],
      [`${entry.name}_sum`, []],
    ];
  }
  return [[entry.name, []]];
}

export function catalogueOf(entries: readonly MetricEntry[]): Catalogue {
  const bySeries = new Map<string, Resolved[]>();
  for (const entry of entries) {
    for (const [series, extra] of seriesOf(entry)) {
      const owners = bySeries.get(series) ?? [];
      if (owners.some((o) => o.entry.component === entry.component))
        throw new Error(`the catalogue holds ${series} twice for ${entry.component}`);
      owners.push({ entry, labels: new Set([...TARGET_LABELS, ...entry.labels, ...extra]) });
      bySeries.set(series, owners);
    }
  }
  return {
    entries,
    resolve(series, hint = {}) {
      const owners = bySeries.get(series) ?? [];
      if (owners.length <= 1) return owners[0];
      const takes = (o: Resolved): boolean => (hint.labels ?? []).every((l) => o.labels.has(l));
      const named = (o: Resolved): boolean => (hint.components ?? []).includes(o.entry.component);
      return owners.find((o) => named(o) && takes(o)) ?? owners.find(takes) ?? owners[0];
    },
    series() {
      return [...bySeries.keys()];
    },
    matching(regex) {
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${regex})$`);
      } catch {
        return [];
      }
      return [...bySeries.keys()].filter((series) => re.test(series));
    },
  };
}

/** A metric the Config declares, as a catalogue entry. */
export function declaredEntry(metric: DeclaredMetric): MetricEntry {
  return {
    name: metric.name,
    type: metric.type,
    component: 'declared',
    versions: 'declared in stack.config.ts catalogue.metrics',
    labels: metric.labels ?? [],
    evidence: 'declared',
    source: { declared: metric.source },
    help: metric.help ?? 'Declared in the Config.',
  };
}

/** The kit's catalogue with the metrics the Config declares. */
export function catalogueFor(config: BaseConfig): Catalogue {
  return catalogueOf([...METRICS, ...(config.catalogue?.metrics ?? []).map(declaredEntry)]);
}
