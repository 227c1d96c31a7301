import { isSecretRef } from './secret.ts';

/**
 * The canonical form of a JSON-like value: object keys in code-unit order, properties holding undefined or
 * functions left out (as JSON.stringify does), numbers checked to be finite, secret references kept as they are.
 *
 * `JSON.stringify(canonicalize(x), null, 2)` is then canonical JSON without any further sorting: the property
 * order of the result is the output order (integer-like keys, which JavaScript always enumerates first in numeric
 * order, stay first; that order is the same on every machine too). Resources hold their spec in this form, so
 * rendering is one fast JSON.stringify, and so is every later comparison.
 *
 * This runs over every node of every resource, so it is written for speed: a subtree that is canonical already
 * (most leaves the SDK builds are) is kept, not copied; no path is tracked while walking, and when a secret
 * reference is met (rare) or a value cannot be written, a second walk finds where. The result may share those
 * subtrees with the input: resources are immutable by contract (nothing in the SDK changes one, which a test
 * checks on frozen resources), not by freezing, which would cost a fifth of the render time.
 */
export function canonicalize<T>(value: T): T {
  const walk = new Walk();
  let result: unknown;
  try {
    result = walk.visit(value);
  } catch (error) {
    if (error instanceof Unwritable) {
      throw new TypeError(`${pathTo(value, (v) => Object.is(v, error.value)) ?? 'value'}: ${error.message}`);
    }
    throw error;
  }
  if (walk.sawSecret && typeof result === 'object' && result !== null) {
    secretPaths.set(result, pathsTo(result, isSecretRef));
  }
  return result as T;
}

/** A deep copy of a JSON-like value that shares nothing with it (functions and undefined left out). */
export function deepCopy<T>(value: T): T {
  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null || isSecretRef(v)) return v;
    if (Array.isArray(v)) return v.map((item: unknown) => (keep(item) ? copy(item) : null));
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(v)) if (keep(inner)) out[key] = copy(inner);
    return out;
  };
  return copy(value) as T;
}

/** Where secret references were found in a canonicalized value, by the value's root object. */
const secretPaths = new WeakMap<object, readonly string[]>();

/** Paths (`a.b[0].c`) of the secret references inside a value returned by `canonicalize`. */
export function secretPathsIn(value: object): readonly string[] {
  return secretPaths.get(value) ?? [];
}

class Unwritable extends Error {
  constructor(
    readonly value: unknown,
    message: string,
  ) {
    super(message);
  }
}

function keep(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

class Walk {
  sawSecret = false;

  /** The canonical form of `value`: `value` itself when it is canonical already, else a copy. */
  visit(value: unknown): unknown {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return value;
      case 'number':
        // -0 needs nothing: JSON.stringify writes it as 0.
        if (!Number.isFinite(value)) throw new Unwritable(value, `${value} cannot be written as JSON`);
        return value;
      case 'object':
        break;
      default:
        throw new Unwritable(value, `a ${typeof value} cannot be written as JSON`);
    }
    if (value === null) return null;
    if (Array.isArray(value)) return this.array(value);
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype) {
      if (isSecretRef(value)) {
        this.sawSecret = true;
        return value;
      }
      if (proto !== null) {
        throw new Unwritable(
          value,
          `only plain objects can be written as JSON, not ${value.constructor.name}`,
        );
      }
    }
    return this.object(value as Record<string, unknown>);
  }

  private array(source: readonly unknown[]): readonly unknown[] {
    let out: unknown[] | undefined;
    for (let i = 0; i < source.length; i += 1) {
      const item = source[i];
      const result = item === undefined || typeof item === 'function' ? null : this.visit(item);
      if (out === undefined && result !== item) out = source.slice(0, i);
      if (out !== undefined) out.push(result);
    }
    return out ?? source;
  }

  private object(source: Record<string, unknown>): Record<string, unknown> {
    const keys = Object.keys(source);
    let out: Record<string, unknown> | undefined;
    for (let i = 1; i < keys.length; i += 1) {
      if ((keys[i - 1] ?? '') > (keys[i] ?? '')) {
        keys.sort();
        out = {};
        break;
      }
    }
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i] ?? '';
      const value = source[key];
      if (value === undefined || typeof value === 'function') {
        out ??= this.head(source, keys, i);
        continue;
      }
      const result = this.visit(value);
      if (out === undefined && result !== value) out = this.head(source, keys, i);
      if (out !== undefined) out[key] = result;
    }
    return out ?? source;
  }

  /** A new object holding the first `count` keys, which were canonical and kept as they are. */
  private head(
    source: Record<string, unknown>,
    keys: readonly string[],
    count: number,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let j = 0; j < count; j += 1) {
      const key = keys[j] ?? '';
      if (keep(source[key])) out[key] = source[key];
    }
    return out;
  }
}

function* entries(value: unknown): Generator<[string | number, unknown]> {
  if (Array.isArray(value)) for (let i = 0; i < value.length; i += 1) yield [i, value[i]];
  else if (typeof value === 'object' && value !== null) yield* Object.entries(value);
}

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
}

/** Every path whose value matches, depth first, in key order. */
function pathsTo(root: unknown, match: (value: unknown) => boolean): string[] {
  const out: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (match(value)) out.push(path);
    else if (!isSecretRef(value)) for (const [key, inner] of entries(value)) walk(inner, join(path, key));
  };
  walk(root, '');
  return out;
}

function pathTo(root: unknown, match: (value: unknown) => boolean): string | undefined {
  return pathsTo(root, match)[0];
}
