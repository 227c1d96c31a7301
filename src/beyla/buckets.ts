/**
 * Histogram bucket bounds Beyla uses when the configuration does not set them (telemetry reference §1.3,
 * OBI `pkg/export/bucket.go`), and the bounds a given configuration ends up with. An SLO threshold must sit on
 * a bound (`le="0.25"`) for `histogram_quantile` and bucket-ratio SLIs to be exact.
 */

/** Seconds: the OpenTelemetry semantic-convention HTTP set with a leading 0. */
export const DEFAULT_DURATION_BUCKETS: readonly number[] = [
  0, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];

/** Bytes, for request and response body sizes. */
export const DEFAULT_SIZE_BUCKETS: readonly number[] = [0, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192];

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * The bounds of `prometheus_export.buckets.duration_histogram` for a configuration given as plain data (the
 * `value` of checkBeylaConfig): the configured list when it is a list of numbers, Beyla's default otherwise.
 */
export function effectiveDurationBuckets(config: unknown): readonly number[] {
  const configured = field(field(field(config, 'prometheus_export'), 'buckets'), 'duration_histogram');
  if (Array.isArray(configured) && configured.length > 0 && configured.every((b) => typeof b === 'number')) {
    return configured as number[];
  }
  return DEFAULT_DURATION_BUCKETS;
}
