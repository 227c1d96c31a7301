/**
 * PromQL shapes dashboards repeat, written once: the per-second rate of a counter over `$__rate_interval`, a
 * total over the dashboard's range, a histogram quantile. Series come from `metric()` / `sel()`, never pasted.
 */
import { quote } from '../config/selector.ts';
import type { MetricOf } from './series.ts';

/** `by (a, b)` for a list of labels; empty when there are none. */
function grouping(by: string | readonly string[] | undefined): string {
  const labels = typeof by === 'string' ? [by] : (by ?? []);
  return labels.length === 0 ? '' : ` by (${labels.join(', ')})`;
}

/** `sum by (…) (rate(<series>[$__rate_interval]))`: per-second rate, summed. */
export function sumRate(series: string, by?: string | readonly string[]): string {
  return `sum${grouping(by)} (rate(${series}[$__rate_interval]))`;
}

/** `sum by (…) (increase(<series>[$__range]))`: how many over the selected time range (stats, tables). */
export function sumIncrease(series: string, by?: string | readonly string[]): string {
  return `sum${grouping(by)} (increase(${series}[$__range]))`;
}

/**
 * `histogram_quantile(q, sum by (le, …) (rate(<bucket series>[$__rate_interval])))`: a quantile of a classic
 * histogram, kept per the given labels.
 */
export function histogramQuantile(q: number, buckets: string, by?: string | readonly string[]): string {
  const labels = typeof by === 'string' ? [by] : (by ?? []);
  return `histogram_quantile(${q}, sum by (${['le', ...labels].join(', ')}) (rate(${buckets}[$__rate_interval])))`;
}

/**
 * `(<expr> or vector(0))`: zero instead of no data, for label-less counts of things that are usually absent
 * (firing alerts, errors of a counter never incremented).
 */
export function orZero(expr: string): string {
  return `(${expr} or vector(0))`;
}

/**
 * `(<part> or <whole> * 0) / <whole>`: a share that is 0 where the whole exists but the part has no series (no
 * 5xx yet), per label set, and no data where there is no whole (no traffic). Both sides aggregate by the same
 * labels.
 */
export function shareOf(part: string, whole: string): string {
  return `(${part} or ${whole} * 0) / ${whole}`;
}

/**
 * `sum by (…) (label_replace(rate(a{…}[w]), "counter", "a", "", "") or …)`: the summed per-second rate of several
 * counters. Each counter is rated on its own and tagged with its name before the union: rate() drops the metric
 * name, so one rate over a name regex (`rate({__name__=~"a|b"}[w])`) holds two series with the same labels as
 * soon as two counters share them, and Prometheus refuses to evaluate it. A counter with no series yet adds
 * nothing rather than emptying the sum.
 */
export function sumRateEach(
  m: MetricOf,
  names: readonly string[],
  options: { readonly by?: string | readonly string[]; readonly window?: string } = {},
): string {
  if (names.length === 0) throw new Error('sumRateEach needs at least one counter');
  const window = options.window ?? '$__rate_interval';
  const rates = names.map(
    (name) => `label_replace(rate(${m(name)}[${window}]), "counter", ${quote(name)}, "", "")`,
  );
  return `sum${grouping(options.by)} (${rates.join(' or ')})`;
}
