import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BaseConfig } from '../config/base.ts';
import type { ConfigSet } from '../config/define-config.ts';
import { ProjectLoadError } from '../core/errors.ts';
import { repoRelative } from '../core/source.ts';
import type { Definition } from '../define/definition.ts';
import { collectCreated, isDefinition } from '../define/definition.ts';
import type { Problem } from '../validate/problem.ts';
import { CONTENT_DIRS, unlistedContentFiles } from './content-files.ts';
import type { ListedDefinition, Project } from './project.ts';

export const CONFIG_FILE = 'stack.config.ts';

function isConfigSet(value: unknown): value is ConfigSet<BaseConfig> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ConfigSet<BaseConfig>>;
  return typeof candidate.resolve === 'function' && Array.isArray(candidate.environments);
}

async function importDefault(path: string): Promise<unknown> {
  const module: { default?: unknown } = await import(pathToFileURL(path).href);
  return module.default;
}

/** Flattens an index's default export (definitions and arrays of them) and rejects anything else. */
function listedIn(value: unknown, indexRel: string): Definition[] {
  if (!Array.isArray(value)) {
    throw new ProjectLoadError(
      indexRel,
      'the default export must be an array of definitions. Write `export default [a, b, …]` with the values of define*() calls',
    );
  }
  return value.flatMap((item: unknown, position: number): Definition[] => {
    if (Array.isArray(item)) return listedIn(item, indexRel);
    if (isDefinition(item)) return [item];
    throw new ProjectLoadError(
      indexRel,
      `element ${position} of the default export is not a definition (got ${item === null ? 'null' : typeof item}). List only values returned by define*() helpers`,
    );
  });
}

/**
 * Loads a repository from disk: `stack.config.ts` and the explicit `index.ts` of every content folder.
 * Content written but not listed (a file no index reaches, a definition no index exports) becomes a problem.
 */
export async function loadProject(root: string): Promise<Project> {
  const configPath = join(root, CONFIG_FILE);
  if (!existsSync(configPath)) {
    throw new ProjectLoadError(CONFIG_FILE, `not found in ${root}. Run the command from the repository root`);
  }
  const configSet = await importDefault(configPath);
  if (!isConfigSet(configSet)) {
    throw new ProjectLoadError(CONFIG_FILE, 'the default export must be the value of defineConfig({...})');
  }

  const definitions: ListedDefinition<BaseConfig>[] = [];
  const created = await collectCreated(async () => {
    for (const dir of CONTENT_DIRS) {
      const index = join(root, dir, 'index.ts');
      const indexRel = repoRelative(root, index);
      if (!existsSync(index)) {
        throw new ProjectLoadError(
          indexRel,
          'missing. Every content folder has an index.ts listing its definitions',
        );
      }
      for (const definition of listedIn(await importDefault(index), indexRel)) {
        definitions.push({ definition, index: indexRel });
      }
    }
  });

  const listed = new Set<Definition>(definitions.map((d) => d.definition));
  const problems: Problem[] = [];
  for (const definition of created) {
    if (listed.has(definition)) continue;
    const file =
      definition.sourcePath === undefined ? CONFIG_FILE : repoRelative(root, definition.sourcePath);
    const dir = file.split('/')[0] ?? '';
    problems.push({
      file,
      problem: `defines a ${definition.kind ?? 'group of resources'} that no index lists, so it is never rendered or published`,
      fix: `Add it to the default export of ${dir}/index.ts`,
    });
  }
  for (const dir of CONTENT_DIRS) problems.push(...unlistedContentFiles(root, dir));
  return { root, configSet, definitions, loadProblems: problems };
}
