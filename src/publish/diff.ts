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

/** Keys that name an element of a list, in the order they are tried: the first every element has, uniquely. */
const IDENTITY_KEYS = ['uid', 'id', 'refId', 'name', 'title'] as const;

/** What an element of a list is known by: a key and its value, or the routing matchers of a policy route. */
function identityOf(
  list: readonly unknown[],
  others: readonly unknown[],
): ((item: unknown) => string) | undefined {
  const all = [...list, ...others];
  if (all.length === 0 || !all.every(isObject)) return undefined;
  const items = all as Record<string, unknown>[];
  for (const key of IDENTITY_KEYS) {
    const valid = (v: unknown): boolean => (typeof v === 'string' && v !== '') || typeof v === 'number';
    if (!items.every((item) => valid(item[key]))) continue;
    const unique = (side: readonly unknown[]): boolean =>
      new Set(side.map((item) => String((item as Record<string, unknown>)[key]))).size === side.length;
    if (unique(list) && unique(others))
      return (item) => `${key}=${String((item as Record<string, unknown>)[key])}`;
  }
  // Policy routes: by what they match.
  if (items.every((item) => Array.isArray(item.object_matchers))) {
    const id = (item: unknown): string => stable((item as Record<string, unknown>).object_matchers);
    const unique = (side: readonly unknown[]): boolean => new Set(side.map(id)).size === side.length;
    if (unique(list) && unique(others)) return id;
  }
  return undefined;
}

/**
 * The differences between two comparable values, as field paths (`spec.panels[2].targets[0].expr`), in key
 * order. Lists whose elements have an identity (a uid, an id, a refId, a name, a title, a route's matchers) are
 * compared element by element by it: one panel inserted by hand is one added panel, not every later panel
 * changed; an element only in `after` is at its index there, one only in `before` at `[-<index in before>]`,
 * and a change of order alone is one change of the list's order. Other lists are compared by position.
 */
export function diffValues(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffValues(before[key], after[key], join(path, key)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const identity = identityOf(before, after);
    if (identity !== undefined) return diffByIdentity(before, after, path, identity);
    const length = Math.max(before.length, after.length);
    const out: FieldChange[] = [];
    for (let i = 0; i < length; i += 1) out.push(...diffValues(before[i], after[i], join(path, i)));
    return out;
  }
  return stable(before) === stable(after) ? [] : [{ path, before, after }];
}

function diffByIdentity(
  before: readonly unknown[],
  after: readonly unknown[],
  path: string,
  identity: (item: unknown) => string,
): FieldChange[] {
  const out: FieldChange[] = [];
  const beforeIndex = new Map(before.map((item, i) => [identity(item), i]));
  const afterIds = new Set(after.map(identity));
  after.forEach((item, i) => {
    const j = beforeIndex.get(identity(item));
    if (j === undefined) out.push({ path: join(path, i), before: undefined, after: item });
    else out.push(...diffValues(before[j], item, join(path, i)));
  });
  before.forEach((item, j) => {
    if (!afterIds.has(identity(item))) out.push({ path: `${path}[-${j}]`, before: item, after: undefined });
  });
  const common = (side: readonly unknown[]): string[] =>
    side.map(identity).filter((id) => beforeIndex.has(id) && afterIds.has(id));
  const order = { before: common(before), after: common(after) };
  if (order.before.join('\u0000') !== order.after.join('\u0000'))
    out.push({ path: `${path} (order)`, before: order.before, after: order.after });
  return out;
}
