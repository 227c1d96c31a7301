/** One field that differs: `before` is what Grafana holds, `after` what the repository wants. */
export interface FieldChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

export { sameValue, stable } from '../core/same-value.ts';
import { stable } from '../core/same-value.ts';

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
