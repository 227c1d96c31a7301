/** Checks of an SLO's indicator: counters that exist, a histogram bound that is one of its buckets. */
import { METRIC_NAME } from '../promql/names.ts';
import { at } from '../validate/context.ts';
import type { EventsInput, SliInput } from './input.ts';
import type { Issues } from './issues.ts';

/**
 * The selectors of one side of a ratio SLI, or undefined when it is neither a selector nor a list (content written
 * in plain JavaScript, or an input form this version no longer has).
 */
function selectorsOf(events: EventsInput): readonly unknown[] | undefined {
  const value: unknown = events;
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? (value as readonly unknown[]) : undefined;
}

function formatBounds(buckets: readonly number[]): string {
  return buckets.map((b) => String(b)).join(', ');
}

export function checkSli(issues: Issues, sli: SliInput): void {
  switch (sli.kind) {
    case 'ratio': {
      for (const side of ['errors', 'total'] as const) {
        const events = sli[side];
        const selectors = selectorsOf(events);
        if (selectors === undefined) {
          issues.add(
            at('sli', side),
            `the ${side} events are neither a counter selector nor a list of them`,
            'Give the counter with its selector, e.g. metric("http_requests_total", cfg.selectors.api), or a list of such counters',
          );
          continue;
        }
        if (selectors.length === 0) {
          issues.add(at('sli', side), `the ${side} list of counters is empty`, 'List at least one counter');
        }
        selectors.forEach((selector, i) => {
          if (typeof selector === 'string' && selector.trim() !== '') return;
          issues.add(
            typeof events === 'string' ? at('sli', side) : at(at('sli', side), i),
            typeof selector === 'string'
              ? `the ${side} selector is empty`
              : `the ${side} selector is not text`,
            'Give the counter with its selector, e.g. metric("http_requests_total", cfg.selectors.api)',
          );
        });
      }
      if (typeof sli.errors === 'string' && sli.errors === sli.total) {
        issues.add(
          'sli.errors',
          'errors and total select the same series, so the error ratio is always 100%',
          'Narrow the errors selector to the failed events (e.g. a status code matcher)',
        );
      }
      return;
    }
    case 'latency': {
      if (!METRIC_NAME.test(sli.histogram) || /_(bucket|count|sum)$/.test(sli.histogram)) {
        issues.add(
          'sli.histogram',
          `${JSON.stringify(sli.histogram)} is not a histogram name`,
          'Give the name without the _bucket, _count or _sum suffix, e.g. http_server_request_duration_seconds',
        );
      }
      const sorted = sli.buckets.every((b, i) => i === 0 || (sli.buckets[i - 1] ?? b) < b);
      if (sli.buckets.length === 0 || !sorted || !sli.buckets.every(Number.isFinite)) {
        issues.add(
          'sli.buckets',
          'the declared bucket bounds are empty, not finite or not strictly increasing',
          "Copy the histogram's bounds from the instrumentation's configuration, in increasing order",
        );
      }
      if (!Number.isFinite(sli.thresholdSeconds) || sli.thresholdSeconds <= 0) {
        issues.add(
          'sli.thresholdSeconds',
          `${sli.thresholdSeconds} is not a positive number of seconds`,
          'Give the latency threshold in seconds, e.g. 0.2 for 200 ms',
        );
      } else if (!sli.buckets.includes(sli.thresholdSeconds)) {
        issues.add(
          'sli.thresholdSeconds',
          `${sli.thresholdSeconds} s is not a bucket bound of ${sli.histogram} (its bounds are ${formatBounds(sli.buckets)}): the le matcher would select no series and the SLI would silently disappear`,
          'Use one of those bounds as the threshold, or add the bound to the histogram (and to buckets here) first',
        );
      }
      return;
    }
    case 'availability': {
      if (sli.gauge.trim() === '') {
        issues.add(
          'sli.gauge',
          'the gauge selector is empty',
          'Give the 0/1 gauge with its selector, e.g. up{job="api"}',
        );
      }
      return;
    }
  }
}
