/**
 * What a person writes to define a service level objective: `defineSlo({...})`. Everything else (recording
 * rules, burn-rate alerts in Prometheus and Grafana form, error-budget dashboards) is generated from it.
 */
import type { Selector } from '../config/selector.ts';

/**
 * Events counted by a ratio SLI:
 * - a counter selector (`metric('http_requests_total', { code: re('5..') })`), summed by the SLO's grouping labels
 *   after `rate()`;
 * - several counter selectors, whose rates are added (telemetry handled = sent + dropped). Each gets its own
 *   `rate()`: one `rate({__name__=~"a|b"})` drops the metric names and fails ("vector cannot contain metrics with
 *   the same labelset") as soon as both counters carry the same labels.
 * Only the 5-minute building block reads raw data (every longer window is derived from it).
 */
export type EventsInput = string | readonly string[];

/** Good and bad events counted by counters: error ratio = errors / total. */
export interface RatioSliInput {
  readonly kind: 'ratio';
  readonly errors: EventsInput;
  readonly total: EventsInput;
}

/**
 * "At least <objective>% of requests faster than `thresholdSeconds`", from a classic histogram: good events are
 * the `_bucket{le="<threshold>"}` series, total events `_count`. The threshold must be one of the histogram's
 * bucket bounds, declared in `buckets`: between bounds the `le` matcher selects nothing and the SLI would vanish.
 */
export interface LatencySliInput {
  readonly kind: 'latency';
  /** The histogram's name without suffix: `http_server_request_duration_seconds`. */
  readonly histogram: string;
  /** Label matchers of the histogram's series (from the Config). */
  readonly selector?: Selector;
  readonly thresholdSeconds: number;
  /** The bucket bounds the histogram is exported with (the instrumentation's configuration). */
  readonly buckets: readonly number[];
}

/** A 0/1 gauge such as `up`: every sample is an event, samples equal to 0 are the bad ones. */
export interface AvailabilitySliInput {
  readonly kind: 'availability';
  /** The gauge with its selector: `metric('up', cfg.selectors.api)`. */
  readonly gauge: string;
}

export type SliInput = RatioSliInput | LatencySliInput | AvailabilitySliInput;

/** One multi-window pair: both windows must burn above the threshold for the alert to fire. */
export interface BurnWindowInput {
  /** The window that measures how much budget was spent (SRE Workbook: 1h, 6h, 1d, 3d). */
  readonly long: string;
  /** The window that stops the alert soon after the burn stops (the Workbook's 1/12 of the long window). */
  readonly short: string;
  /**
   * Percent of the whole period's error budget spent within the long window at the threshold burn rate; the
   * factor is `budgetPercent / 100 × period / long` (2% in 1h of 30 days → 14.4).
   */
  readonly budgetPercent: number | string;
}

/** One alerting tier: an alert that fires when any of its window pairs burns too fast. */
export interface TierInput {
  /** Renames the tier: its `tier` label and the suffix of its alert name. Default: the tier's key. */
  readonly name?: string;
  /** One of the Config's severities; decides where notifications go. */
  readonly severity?: string;
  readonly windows?: readonly BurnWindowInput[];
  /** Optional `for:` duration (the window pairs already filter noise; none by default). */
  readonly for?: string;
}

/**
 * Tiers by key. Keys of the default policy (`page`, `ticket`) are merged with it field by field, so
 * `{ page: { severity: 'warning' } }` keeps the Workbook windows; `false` disables a tier; a new key needs
 * `severity` and `windows`.
 */
export type TiersInput = Readonly<Record<string, TierInput | false>>;

export interface AlertingInput {
  readonly tiers?: TiersInput;
  /** Prefix of the alert names (PascalCase); default `Slo` and the SLO name: `SloAvailability`. */
  readonly name?: string;
  /** Labels on the alerts only. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Annotations on the alerts. */
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface SloInput {
  /** The service the SLO belongs to: the `service` label, and one error-budget dashboard per service. */
  readonly service: string;
  /** Unique in the stack: the `slo` label, the rule group (`slo-<name>`) and the alert names derive from it. */
  readonly name: string;
  /** What the objective promises, in one sentence. */
  readonly description: string;
  /** Percent of good events, strictly between 0 and 100; written as a decimal (`99.9` or `'99.95'`). */
  readonly objective: number | string;
  /** Rolling period of the objective (any duration; default 30d). */
  readonly period?: string;
  readonly sli: SliInput;
  /** Labels the SLI is kept by: one SLI, budget and alert per value (e.g. `['service_name']`). */
  readonly groupBy?: readonly string[];
  readonly alerting?: AlertingInput;
  /** Labels on every generated series and alert (a team, a tier of service). */
  readonly labels?: Readonly<Record<string, string>>;
  /** The runbook the alerts link: `${cfg.runbookBaseUrl}/slo-<name>.md`. */
  readonly runbookUrl: string;
  /** The folder of the rule group in Grafana. */
  readonly folderUid: string;
  /** The Prometheus data source the rules query (and recording rules write to, when Grafana records them). */
  readonly datasourceUid: string;
  /** Evaluation interval of the rule group; default 1m. */
  readonly interval?: string;
  /** Grafana's public URL: alerts then carry a `dashboard_url` to the service's error-budget dashboard. */
  readonly grafanaUrl?: string;
}
