/**
 * Beyla YAML configurations, checked without the Beyla binary: a typed schema of the keys Beyla accepts, a checker
 * with positions and fixes, and the histogram buckets a configuration ends up with.
 */
export type { BeylaCheckResult } from './check.ts';
export { checkBeylaConfig, checkBeylaFile } from './check.ts';
export type { BeylaProblem, BeylaProblemCode } from './problem.ts';
export { formatBeylaProblem } from './problem.ts';
export { BEYLA_FEATURES, BEYLA_INSTRUMENTATIONS, BEYLA_SCHEMA } from './schema.ts';
export type { SchemaNode } from './schema-types.ts';
export {
  anything,
  bool,
  deprecated,
  duration,
  either,
  int,
  list,
  map,
  num,
  obj,
  oneOfValues,
  openSection,
  str,
} from './schema-types.ts';
export { DEFAULT_DURATION_BUCKETS, DEFAULT_SIZE_BUCKETS, effectiveDurationBuckets } from './buckets.ts';
export { parseGoDuration } from './go-duration.ts';
export { didYouMean, editDistance } from '../core/did-you-mean.ts';
