/** The opaque `version` of mute timings and templates: a hash of their content, as Grafana computes one. */
import { createHash } from 'node:crypto';
import type { JsonValue } from '../core/json.ts';
import { sortKeysDeep } from './json-input.ts';

export function contentVersion(value: JsonValue): string {
  return createHash('sha256')
    .update(JSON.stringify(sortKeysDeep(value)))
    .digest('hex')
    .slice(0, 16);
}
