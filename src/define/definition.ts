import { canonicalize } from '../core/canonical.ts';
import type { Kind } from '../core/kinds.ts';
import type { Resource } from '../core/resource.ts';
import { callerFile } from '../core/source.ts';

/** What a definition needs when it turns into resources. */
export interface BuildContext<C> {
  readonly config: C;
  /** Repository-relative path of the file that defined it. */
  readonly source: string;
  /** Turns an absolute path into the repository-relative form used in `source`. */
  readonly relative: (absolutePath: string) => string;
}

const DEFINITION = Symbol.for('grafana-stack-as-code.definition');

/**
 * What a `define*()` helper returns: the recipe for one or more Resources, with the file it was written in.
 * The recipe runs once the Config of the chosen environment is known, so environments change Config, never
 * content.
 */
export interface Definition<C = unknown> {
  readonly [DEFINITION]: true;
  /** The kind it defines, or `undefined` for a group of definitions (`fromConfig`). */
  readonly kind: Kind | undefined;
  /** Absolute path of the defining file, when it could be found on the call stack. */
  readonly sourcePath: string | undefined;
  build(context: BuildContext<C>): readonly Resource[];
}

export function isDefinition(value: unknown): value is Definition {
  return typeof value === 'object' && value !== null && DEFINITION in value;
}

/** Either a value, or a function of the Config that returns it. */
export type FromConfig<C, T> = T | ((config: C) => T);

export function resolveInput<C, T>(input: FromConfig<C, T>, config: C): T {
  return typeof input === 'function' ? (input as (config: C) => T)(config) : input;
}

let collector: ((definition: Definition) => void) | undefined;

/**
 * Runs `load` (which imports content modules) and returns every definition created meanwhile, so that the
 * loader can tell definitions that were written but never listed in an index.
 */
export async function collectCreated(load: () => Promise<void>): Promise<readonly Definition[]> {
  const created: Definition[] = [];
  const previous = collector;
  collector = (definition) => created.push(definition);
  try {
    await load();
  } finally {
    collector = previous;
  }
  return created;
}

/** The shared constructor of every `define*()` helper; records the caller's file. */
export function makeDefinition<C>(
  kind: Kind | undefined,
  build: (context: BuildContext<C>) => readonly Resource[],
  sourcePath: string | undefined = callerFile(),
): Definition<C> {
  const definition: Definition<C> = Object.freeze({ [DEFINITION]: true as const, kind, sourcePath, build });
  collector?.(definition);
  return definition;
}

/**
 * The same definition, attributed to another file: for generated content whose messages should point at the
 * file a person edits (and for tests).
 */
export function withSource<C>(definition: Definition<C>, sourcePath: string): Definition<C> {
  return Object.freeze({ ...definition, sourcePath });
}

/**
 * Several definitions computed from the Config (one contact point per severity, one rule group per SLO).
 * The inner definitions record the file of this call.
 */
export function fromConfig<C>(make: (config: C) => readonly Definition<C>[]): Definition<C> {
  return makeDefinition<C>(undefined, (context) =>
    make(context.config).flatMap((inner) => {
      const source = inner.sourcePath === undefined ? context.source : context.relative(inner.sourcePath);
      return inner.build({ ...context, source });
    }),
  );
}

/**
 * Seals a resource: its spec (and origin) become canonical (see `canonicalize`), so that rendering is a plain
 * JSON.stringify, and the resource object itself is frozen. The canonical spec may share subtrees with the builder
 * output it came from and is not frozen: specs are immutable by contract (nothing downstream writes to one, which
 * test/project/immutability.test.ts checks over deep-frozen resources), since freezing every node costs a fifth of
 * the render time.
 */
export function sealResource<R extends Resource>(resource: R): R {
  const sealed: R = { ...resource, spec: canonicalize(resource.spec) };
  if (resource.origin !== undefined) Object.assign(sealed, { origin: canonicalize(resource.origin) });
  return Object.freeze(sealed);
}

/**
 * Deep-freezes a value (the Config; tests freeze resources with it) so that nothing downstream can change it by
 * accident. It walks every object it reaches, frozen or not (a frozen object may hold unfrozen ones, as a sealed
 * resource holds its spec), each once.
 */
export function freezeDeep<T>(value: T): T {
  const seen = new WeakSet<object>();
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    Object.freeze(v);
    for (const key of Object.keys(v)) walk((v as Record<string, unknown>)[key]);
  };
  walk(value);
  return value;
}
