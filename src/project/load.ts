import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

/** Without terminal colour codes (a transform error from the TypeScript loader carries them). */
function plain(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/**
 * Where an import failed: the first `<file>:<line>` of the repository (outside node_modules and src/) its message
 * or stack names (the content file that threw, the line of a syntax error, the file with a missing import),
 * relative to the root; else the file being imported.
 */
function failedAt(error: unknown, root: string, path: string): string {
  const text = plain(error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error));
  const top = resolve(root);
  for (const match of text.matchAll(/(?:file:\/\/)?([^\s():'"[\]]+\.(?:ts|js|mjs))(?::(\d+))?/g)) {
    const file = resolve(match[1] ?? '');
    if (!file.startsWith(`${top}/`) || file.includes('/node_modules/') || file.startsWith(`${top}/src/`))
      continue;
    return `${repoRelative(root, file)}${match[2] === undefined ? '' : `:${match[2]}`}`;
  }
  return repoRelative(root, path);
}

/** The first telling line of an error's message, without the absolute paths of this machine. */
function reason(error: unknown, root: string): string {
  const message = plain(error instanceof Error ? error.message : String(error));
  const lines = message.split('\n').map((line) => line.trim());
  const first =
    lines.find((line) => line !== '' && !/^Transform failed with \d+ errors?:?$/.test(line)) ?? 'it failed';
  return first
    .split(`${resolve(root)}/`)
    .join('')
    .replace(/file:\/\//g, '');
}

async function importDefault(path: string, root: string): Promise<unknown> {
  try {
    const module: { default?: unknown } = await import(pathToFileURL(path).href);
    return module.default;
  } catch (error) {
    if (error instanceof ProjectLoadError) throw error;
    throw new ProjectLoadError(
      failedAt(error, root, path),
      `could not be loaded: ${reason(error, root)}. Fix the file (a syntax error, an import of a file that does not exist, or code that throws while it is loaded)`,
      { cause: error },
    );
  }
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
  const configSet = await importDefault(configPath, root);
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
      for (const definition of listedIn(await importDefault(index, root), indexRel)) {
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
