import type { BaseConfig } from '../config/base.ts';
import type { Resource } from '../core/resource.ts';
import { refOf } from '../core/resource.ts';
import type { Registry } from '../project/registry.ts';
import type { Problem } from './problem.ts';

/** What every validation rule gets: the registry, the Config, and a way to report. */
export interface ValidationContext {
  readonly registry: Registry;
  readonly config: BaseConfig;
  /** Reports a problem about one field of one resource. */
  report(resource: Resource, path: string, problem: string, fix: string): void;
}

/**
 * A validation rule: looks at the whole registry and reports every problem it finds. A rule that walks many
 * resources may be a generator that yields after each one: run by validateAsync, it then lets other work (reads
 * from Grafana) go on between resources; validate runs it through at once.
 */
export interface ValidationRule {
  /** Short, stable name, used in tests and docs. */
  readonly name: string;
  check(context: ValidationContext): Iterable<void> | void;
}

export function createContext(
  registry: Registry,
  config: BaseConfig,
  problems: Problem[],
  rule?: string,
): ValidationContext {
  return {
    registry,
    config,
    report(resource, path, problem, fix) {
      problems.push({
        file: resource.source,
        ref: refOf(resource),
        path,
        problem,
        fix,
        ...(rule === undefined ? {} : { rule }),
      });
    },
  };
}

/** `a.b[2].c` paths: the way every message names a field. */
export function at(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}

/** A short, quoted rendering of a value for a message. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
