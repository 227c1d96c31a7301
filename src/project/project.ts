import type { BaseConfig } from '../config/base.ts';
import { DefinitionProblems } from '../core/errors.ts';
import type { ConfigSet } from '../config/define-config.ts';
import type { Resource } from '../core/resource.ts';
import { repoRelative } from '../core/source.ts';
import type { Definition } from '../define/definition.ts';
import type { Problem } from '../validate/problem.ts';
import { Registry } from './registry.ts';

/** A definition together with the index that listed it. */
export interface ListedDefinition<C> {
  readonly definition: Definition<C>;
  /** Repository-relative path of the index file that lists it. */
  readonly index: string;
}

/**
 * The repository as the SDK sees it: its root, its Config, its content definitions, and the problems found
 * while loading them (content files not listed in an index).
 */
export interface Project<C extends BaseConfig = BaseConfig> {
  readonly root: string;
  readonly configSet: ConfigSet<C>;
  readonly definitions: readonly ListedDefinition<C>[];
  readonly loadProblems: readonly Problem[];
}

export interface BuiltProject<C extends BaseConfig> {
  readonly config: C;
  readonly registry: Registry;
  /** Load problems plus definitions that failed to build. */
  readonly problems: readonly Problem[];
  /**
   * Every definition built. When one did not, the validation rules are not run: what is missing would only show
   * again as a cascade of unknown references, hiding the cause.
   */
  readonly complete: boolean;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs every definition against the Config of one environment. A definition that throws becomes a problem. */
export function buildProject<C extends BaseConfig>(
  project: Project<C>,
  environment?: string,
): BuiltProject<C> {
  const config = project.configSet.resolve(environment);
  const relative = (path: string): string => repoRelative(project.root, path);
  const resources: Resource[] = [];
  let complete = true;
  const problems: Problem[] = [
    ...project.loadProblems,
    ...project.configSet.problems(environment).map((p) => ({ file: 'stack.config.ts', ...p })),
  ];
  for (const { definition, index } of project.definitions) {
    const source = definition.sourcePath === undefined ? index : relative(definition.sourcePath);
    try {
      resources.push(...definition.build({ config, source, relative }));
    } catch (error) {
      complete = false;
      if (error instanceof DefinitionProblems) {
        problems.push(...error.problems);
        continue;
      }
      problems.push({
        file: source,
        problem: `${definition.kind ?? 'definition'} could not be built: ${describe(error)}`,
        fix: 'Fix the definition so that it builds (the SDK builders check some values as they are set); the other checks run once every definition builds',
      });
    }
  }
  return { config, registry: new Registry(resources), problems, complete };
}
