import { UsageError } from '../core/errors.ts';
import { freezeDeep } from '../define/definition.ts';
import type { BaseConfig } from './base.ts';
import type { ConfigProblem } from './check-config.ts';
import { checkBaseConfig, checkOverride } from './check-config.ts';
import type { ConfigSchema } from './schema.ts';

/** Every field optional, recursively; arrays are replaced whole, never merged. */
export type Override<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { readonly [K in keyof T]?: Override<T[K]> }
    : T;

export interface ConfigSetInput<C extends BaseConfig> {
  /** Name of the environment `base` describes; `rendered/` holds this one. */
  readonly defaultEnvironment: string;
  readonly base: Omit<C, 'environment'>;
  /** Other environments, each as an override of `base`. Environments change Config, never content. */
  readonly environments?: Readonly<Record<string, Override<Omit<C, 'environment'>>>>;
  /**
   * The project's own fields, checked at run time in every environment (src/config/schema.ts); the fields every
   * project has (severities, ownership, grafana, alertmanager, ruleEngines, catalogue) are checked by the SDK and need not be listed.
   */
  readonly schema?: ConfigSchema;
}

export interface ConfigSet<C extends BaseConfig> {
  readonly defaultEnvironment: string;
  readonly environments: readonly string[];
  /**
   * What is wrong with the Config of one environment at run time (checkBaseConfig, and the environment's override
   * against the base): paths start with the environment's name when they concern its override.
   */
  problems(environment?: string): readonly ConfigProblem[];
  /** The Config of one environment (default: the default environment). */
  resolve(environment?: string): C;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp);
}

/** Deep merge for overrides: objects merge key by key, everything else (arrays included) replaces. */
export function mergeOverride<T>(base: T, override: unknown): T {
  if (override === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(override)) return override as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    out[key] = mergeOverride(base[key], value);
  }
  return out as T;
}

/** The Config without the fields every project has (checked by checkBaseConfig), for a project's schema. */
function withoutBaseFields(config: unknown): unknown {
  if (!isPlainObject(config)) return config;
  const {
    environment: _e,
    severities: _s,
    ownership: _o,
    grafana: _g,
    alertmanager: _a,
    ruleEngines: _r,
    catalogue: _c,
    ...own
  } = config;
  return own;
}

/** The Config of a project: a base and named environment overrides. */
export function defineConfig<C extends BaseConfig>(input: ConfigSetInput<C>): ConfigSet<C> {
  const overrides = input.environments ?? {};
  const names = [input.defaultEnvironment, ...Object.keys(overrides).sort()];
  return {
    defaultEnvironment: input.defaultEnvironment,
    environments: names,
    problems(environment = input.defaultEnvironment): readonly ConfigProblem[] {
      const resolved = names.includes(environment) ? this.resolve(environment) : undefined;
      const override =
        environment === input.defaultEnvironment
          ? []
          : checkOverride(input.base, overrides[environment], `environments.${environment}`);
      const own: ConfigProblem[] = [];
      input.schema?.(withoutBaseFields(resolved ?? input.base), '', own);
      return [...checkBaseConfig(resolved ?? input.base), ...override, ...own];
    },
    resolve(environment = input.defaultEnvironment): C {
      if (!names.includes(environment)) {
        throw new UsageError(
          `unknown environment "${environment}". Use one of: ${names.join(', ')} (declared in stack.config.ts).`,
        );
      }
      const merged = mergeOverride(input.base, overrides[environment]);
      return freezeDeep({ ...merged, environment } as C);
    },
  };
}
