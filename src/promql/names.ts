/** The shapes of Prometheus names, as every check of the repository tests them. */

/** A metric name (recording rules may use `:`). */
export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** A label name (names starting with `__` are valid but reserved to Prometheus; callers reject those). */
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
