import { isSecretRef } from '../core/secret.ts';

/**
 * Canonical JSON: object keys sorted by code unit (the same on every machine), arrays in their order, 2-space
 * indent, a trailing newline. Secret references become their `${ENV}` placeholder. Like JSON.stringify,
 * properties holding undefined or a function (the SDK marks query objects with one) are left out.
 * Same input, same bytes.
 */
export function canonicalJson(value: unknown, topLevelOrder: readonly string[] = []): string {
  const out: string[] = [];
  write(value, 0, out, topLevelOrder);
  out.push('\n');
  return out.join('');
}

const INDENTS: string[] = [''];
function indent(depth: number): string {
  let s = INDENTS[depth];
  if (s === undefined) {
    s = '  '.repeat(depth);
    INDENTS[depth] = s;
  }
  return s;
}

function present(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

function orderedKeys(obj: Record<string, unknown>, first: readonly string[]): string[] {
  const keys = Object.keys(obj).filter((k) => present(obj[k]));
  keys.sort();
  if (first.length === 0) return keys;
  const head = first.filter((k) => present(obj[k]));
  return [...head, ...keys.filter((k) => !head.includes(k))];
}

function write(value: unknown, depth: number, out: string[], first: readonly string[]): void {
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot hold ${value}`);
      out.push(Object.is(value, -0) ? '0' : JSON.stringify(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'object':
      break;
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
  if (value === null) {
    out.push('null');
    return;
  }
  if (isSecretRef(value)) {
    out.push(JSON.stringify(value.toString()));
    return;
  }
  const inner = indent(depth + 1);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]');
      return;
    }
    out.push('[\n');
    value.forEach((item: unknown, i) => {
      if (i > 0) out.push(',\n');
      out.push(inner);
      write(present(item) ? item : null, depth + 1, out, []);
    });
    out.push('\n', indent(depth), ']');
    return;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`canonical JSON holds plain objects only, not ${value.constructor.name}`);
  }
  const obj = value as Record<string, unknown>;
  const keys = orderedKeys(obj, first);
  if (keys.length === 0) {
    out.push('{}');
    return;
  }
  out.push('{\n');
  keys.forEach((key, i) => {
    if (i > 0) out.push(',\n');
    out.push(inner, JSON.stringify(key), ': ');
    write(obj[key], depth + 1, out, []);
  });
  out.push('\n', indent(depth), '}');
}
