/**
 * The per-second rate of all events and of bad events over a window, summed by the SLO's grouping labels, read
 * from the raw series: the 5-minute building block, and every window up to 6 hours (recording-rules.ts).
 */
import { metric, re } from '../config/selector.ts';
import type { EventsInput } from './input.ts';
import { leRegex } from './le-matcher.ts';
import type { Slo } from './model.ts';
import { BASE_WINDOW, COUNTER_LABEL, SLO_RULES } from './naming.ts';
import { ownSeries } from './series.ts';

function by(groupBy: readonly string[]): string {
  return groupBy.length === 0 ? '' : ` by (${groupBy.join(', ')})`;
}

function eventsRate(events: EventsInput, groupBy: readonly string[], w: string): string {
  if (typeof events === 'string') return `sum${by(groupBy)} (rate(${events}[${w}]))`;
  // rate() drops the metric name, so the rates of two counters with the same other labels would collide in one
  // vector; a label per counter keeps them apart until sum() adds them. A counter without series adds nothing.
  const rates = events.map(
    (selector, i) => `label_replace(rate(${selector}[${w}]), "${COUNTER_LABEL}", "${i}", "", "")`,
  );
  return `sum${by(groupBy)} (\n  ${rates.join('\n  or ')}\n)`;
}

export interface BaseRates {
  readonly requests: string;
  readonly errors: string;
}

/**
 * The expressions of `slo:requests:rate<W>` and `slo:errors:rate<W>` for an SLO, from the raw series over the
 * window `w` of `seconds` (the 5m building block by default). Gauges' samples are counted and divided by the
 * window's seconds, to be per-second rates like the other kinds.
 */
export function baseRates(slo: Slo, w: string = BASE_WINDOW, seconds: bigint = 300n): BaseRates {
  const { sli, groupBy } = slo;
  switch (sli.kind) {
    case 'ratio':
      return {
        requests: eventsRate(sli.total, groupBy, w),
        // A service without a single failure has no error series at all (Beyla creates a status code's series
        // on its first request), so the error rate is filled with 0 wherever requests exist: otherwise the error
        // ratio would be missing exactly when everything is fine, and the long windows would lose those samples.
        errors: `${eventsRate(sli.errors, groupBy, w)}\nor on(${groupBy.join(', ')}) 0 * ${ownSeries(slo, SLO_RULES.requests(w))}`,
      };
    case 'latency': {
      const count = metric(`${sli.histogram}_count`, sli.selector);
      // Prometheus 2 writes the bound as the exporter did (le="0.2", le="1"), Prometheus 3 normalises whole
      // numbers to le="1.0": the regex matches every text form of this one bound (see le-matcher.ts).
      const good = metric(`${sli.histogram}_bucket`, sli.selector, { le: re(leRegex(sli.thresholdSeconds)) });
      return {
        requests: `sum${by(groupBy)} (rate(${count}[${w}]))`,
        // Slow requests are all requests minus those within the bound. Not filled with 0: without the bucket the
        // SLI must disappear (and the bound is checked against the declared buckets) rather than read 100% good.
        // clamp_min guards against a bucket scraped a moment after its _count.
        errors: `clamp_min(sum${by(groupBy)} (rate(${count}[${w}])) - sum${by(groupBy)} (rate(${good}[${w}])), 0)`,
      };
    }
    case 'availability':
      // Every sample of the 0/1 gauge is an event and every 0 a bad one; divided by the window's seconds to be a
      // per-second rate like the other kinds.
      return {
        requests: `sum${by(groupBy)} (count_over_time(${sli.gauge}[${w}])) / ${seconds}`,
        errors: `sum${by(groupBy)} (count_over_time(${sli.gauge}[${w}]) - sum_over_time(${sli.gauge}[${w}])) / ${seconds}`,
      };
  }
}
