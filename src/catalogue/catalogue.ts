/**
 * Lookup in the metric catalogue by the name a query writes: a histogram's `_bucket`, `_count` and `_sum` series
 * and a summary's `_count` and `_sum` resolve to their family's entry, with `le` / `quantile` allowed.
 */
import type { MetricEntry } from './types.ts';
import { TARGET_LABELS } from './types.ts';

export interface Resolved {
  readonly entry: MetricEntry;
  /** Labels a selector on this series may match. */
  readonly labels: ReadonlySet<string>;
}

export interface Catalogue {
  readonly entries: readonly MetricEntry[];
  /** The entry of a series name, or undefined when the catalogue does not hold it. */
  resolve(series: string): Resolved | undefined;
  /** Every series name of the catalogue that a `__name__` regex matches (fully, as PromQL anchors it). */
  matching(regex: string): readonly string[];
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
  const bySeries = new Map<string, Resolved>();
  for (const entry of entries) {
    for (const [series, extra] of seriesOf(entry)) {
      if (bySeries.has(series)) throw new Error(`the catalogue holds ${series} twice`);
      bySeries.set(series, { entry, labels: new Set([...TARGET_LABELS, ...entry.labels, ...extra]) });
    }
  }
  return {
    entries,
    resolve: (series) => bySeries.get(series),
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
