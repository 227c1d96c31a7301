/**
 * Alloy's standard library: the identifiers an expression may use that are not component references.
 * A namespace lists its members (`sys.env`, `string.format`); a bare function is `'function'`.
 * Source: Alloy `syntax/internal/stdlib` (telemetry reference §3.1), including the deprecated bare names that
 * Alloy still accepts (`env`, `format`, `concat`, …).
 */

export const STDLIB: Readonly<Record<string, readonly string[] | 'function'>> = {
  sys: ['env'],
  string: [
    'format',
    'join',
    'replace',
    'split',
    'to_lower',
    'to_upper',
    'trim',
    'trim_prefix',
    'trim_suffix',
    'trim_space',
  ],
  array: ['concat', 'combine_maps'],
  encoding: ['from_json', 'from_yaml', 'from_base64', 'from_URLbase64', 'to_base64', 'to_URLbase64'],
  convert: ['nonsensitive'],
  file: ['path_join'],
  constants: ['hostname', 'os', 'arch'],
  coalesce: 'function',
  json_path: 'function',
  // Deprecated, still accepted.
  env: 'function',
  nonsensitive: 'function',
  concat: 'function',
  json_decode: 'function',
  yaml_decode: 'function',
  base64_decode: 'function',
  format: 'function',
  join: 'function',
  replace: 'function',
  split: 'function',
  to_lower: 'function',
  to_upper: 'function',
  trim: 'function',
  trim_prefix: 'function',
  trim_suffix: 'function',
  trim_space: 'function',
};

/** Names of the functions whose first argument names an environment variable. */
export const ENV_FUNCTIONS: readonly string[] = ['sys.env', 'env'];
