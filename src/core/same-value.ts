import { canonicalize } from './canonical.ts';

/** A comparable text of any value, `undefined` included. */
export function stable(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(canonicalize(value));
}

/**
 * Deep equality of JSON-like values, key order ignored and undefined properties counted as absent; secret
 * references compare by variable name. Cheaper than comparing canonical texts: no copy, no string.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return stable(x) === stable(y);
  let count = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    count += 1;
    if (!sameValue(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) count -= 1;
  return count === 0;
}
