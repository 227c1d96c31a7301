/** Reading request JSON the way Go's decoder does: wrong types are a binding error, absent fields are zero. */
import type { JsonObject, JsonValue } from '../core/json.ts';
import { isJsonObject } from '../core/json.ts';

/** A field had the wrong JSON type; the handler answers with its "bad request data" error. */
export class BindError extends Error {
  constructor(path: string, expected: string) {
    super(`${path}: expected ${expected}`);
    this.name = 'BindError';
  }
}

export function objectOrBind(value: unknown, path: string): JsonObject {
  if (!isJsonObject(value)) throw new BindError(path, 'an object');
  return value;
}

export function optString(obj: JsonObject, key: string): string {
  const v = obj[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new BindError(key, 'a string');
  return v;
}

export function optBool(obj: JsonObject, key: string): boolean {
  const v = obj[key];
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw new BindError(key, 'a boolean');
  return v;
}

export function optNumber(obj: JsonObject, key: string): number {
  const v = obj[key];
  if (v === undefined || v === null) return 0;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new BindError(key, 'a number');
  return v;
}

export function optInt(obj: JsonObject, key: string): number {
  const v = optNumber(obj, key);
  if (!Number.isInteger(v)) throw new BindError(key, 'an integer');
  return v;
}

export function optObject(obj: JsonObject, key: string): JsonObject | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (!isJsonObject(v)) throw new BindError(key, 'an object');
  return v;
}

export function optArray(obj: JsonObject, key: string): JsonValue[] | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new BindError(key, 'an array');
  return v;
}

export function optStringMap(obj: JsonObject, key: string): Record<string, string> {
  const v = optObject(obj, key);
  const out: Record<string, string> = {};
  if (v === undefined) return out;
  for (const [k, value] of Object.entries(v)) {
    if (typeof value !== 'string') throw new BindError(`${key}.${k}`, 'a string');
    out[k] = value;
  }
  return out;
}

export function optStringArray(obj: JsonObject, key: string): string[] {
  const v = optArray(obj, key);
  if (v === undefined) return [];
  return v.map((item, i) => {
    if (typeof item !== 'string') throw new BindError(`${key}[${i}]`, 'a string');
    return item;
  });
}

/** Deep copy of JSON data. */
export function cloneJson<T extends JsonValue>(value: T): T {
  return structuredClone(value);
}

/** Keys sorted recursively, as Go re-marshals a `map[string]interface{}`. */
export function sortKeysDeep(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value).sort()) {
      const v = value[key];
      if (v !== undefined) out[key] = sortKeysDeep(v);
    }
    return out;
  }
  return value;
}
