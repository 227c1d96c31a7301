/**
 * Series built from a selector, written once: `metricOf(selector)` for the many metrics of one component, and
 * Beyla's HTTP server histogram (requests, 5xx errors, buckets).
 */
import type { Selector } from '../config/selector.ts';
import { metric, re } from '../config/selector.ts';

/** A metric of one component: its name with the component's selector and any further matchers. */
export type MetricOf = (name: string, ...extra: readonly (Selector | undefined)[]) => string;

/**
 * `metricOf(cfg.selectors.alloy)('up')` is `up{job="alloy"}`: the selector is given once, each metric after it.
 * Later parts override earlier ones label by label, as in `metric()`.
 */
export function metricOf(...base: readonly (Selector | undefined)[]): MetricOf {
  return (name, ...extra) => metric(name, ...base, ...extra);
}

/** Beyla's HTTP server duration histogram (Beyla >= 2.0): `_count` counts requests, `_bucket` holds the bounds. */
export const BEYLA_HTTP_SERVER_DURATION = 'http_server_request_duration_seconds';

export interface HttpServerSeries {
  /** Every request: `http_server_request_duration_seconds_count{…}`. */
  readonly requests: string;
  /** Requests answered with a server error: the same with `http_response_status_code=~"5.."`. */
  readonly errors: string;
  /** The histogram's buckets: `http_server_request_duration_seconds_bucket{…}`. */
  readonly buckets: string;
}

/**
 * The series of Beyla's HTTP server metrics over a component's selector: `beylaHttpServer(metricOf(cfg.selectors
 * .beyla, { service_name: re('$service') }))`. A 5xx is a server error; everything else counts as served.
 */
export function beylaHttpServer(m: MetricOf): HttpServerSeries {
  const count = `${BEYLA_HTTP_SERVER_DURATION}_count`;
  return {
    requests: m(count),
    errors: m(count, { http_response_status_code: re('5..') }),
    buckets: m(`${BEYLA_HTTP_SERVER_DURATION}_bucket`),
  };
}
