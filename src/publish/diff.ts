import { canonicalize } from '../core/canonical.ts';

/** One field that differs: `before` is what Grafana holds, `after` what the repository wants. */
export interface FieldChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
}

/**
 * The differences between two comparable values, as field paths (`spec.panels[2].targets[0].expr`), in key
 * order. Arrays are compared by position; a length change is reported element by element.
 */
export function diffValues(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffValues(before[key], after[key], join(path, key)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    const out: FieldChange[] = [];
    for (let i = 0; i < length; i += 1) out.push(...diffValues(before[i], after[i], join(path, i)));
    return out;
  }
  return stable(before) === stable(after) ? [] : [{ path, before, after }];
}
