import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { BaseConfig } from '../config/base.ts';
import { StaleRenderError, UsageError, ValidationError } from '../core/errors.ts';
import type { BuiltProject, Project } from '../project/project.ts';
import { buildProject } from '../project/project.ts';
import { crossCheck } from '../crosscheck/index.ts';
import { replaceRegion, routingTable } from '../render/readme-table.ts';
import { renderAll } from '../render/render.ts';
import type { StaleEntry } from '../render/write.ts';
import { checkRenderTarget, diffRendered, writeRendered } from '../render/write.ts';
import type { Problem } from '../validate/problem.ts';
import { sortProblems } from '../validate/problem.ts';
import { splitLenient } from '../validate/lenient.ts';
import { validate } from '../validate/validate.ts';

/** The folder `npm run render` writes, relative to the repository root. */
export const RENDERED_DIR = 'rendered';

/**
 * Builds the project for one environment and validates it (the telemetry configurations of `configs/` and the
 * metric catalogue too);
 * throws a ValidationError listing every problem
 * (load, build and rule problems together) so that nothing is rendered or sent while one stands.
 */
export function buildValidated<C extends BaseConfig>(
  project: Project<C>,
  environment?: string,
): BuiltProject<C> & { readonly warnings: readonly Problem[] } {
  const built = buildProject(project, environment);
  const { errors, warnings } = splitLenient(
    sortProblems([
      ...built.problems,
      ...(built.complete
        ? [...validate(built.registry, built.config), ...crossCheck(project, built.registry, built.config)]
        : []),
    ]),
    built.registry,
  );
  if (errors.length > 0) throw new ValidationError([...errors]);
  return { ...built, warnings };
}

export interface RenderOptions {
  readonly environment?: string;
  /**
   * Output folder (absolute); default `rendered/` under the root (only for the default environment). It must be
   * new, empty or rendered before; render only writes and deletes in the folders it owns there (RENDERED_FOLDERS).
   */
  readonly outDir?: string;
  /** Compare instead of writing. */
  readonly check?: boolean;
}

export interface RenderResult {
  readonly outDir: string;
  /** The output folder as messages name it: relative to the root when inside it (`rendered`), else absolute. */
  readonly folder: string;
  readonly files: number;
  /** What was written or deleted (empty when everything was up to date, and always for --check). */
  readonly changes: readonly StaleEntry[];
  /** What validation found in imported content that blocks nothing (src/validate/lenient.ts). */
  readonly warnings: readonly Problem[];
}

/** `npm run render [-- --check]`: validate, then write (or compare) canonical files. */
export function renderProject<C extends BaseConfig>(
  project: Project<C>,
  options: RenderOptions = {},
): RenderResult {
  const environment = options.environment ?? project.configSet.defaultEnvironment;
  if (!project.configSet.environments.includes(environment))
    throw new UsageError(
      `unknown environment "${environment}". Use one of: ${project.configSet.environments.join(', ')} (declared in stack.config.ts).`,
    );
  if (options.outDir === undefined && environment !== project.configSet.defaultEnvironment) {
    throw new UsageError(
      `${RENDERED_DIR}/ holds the ${project.configSet.defaultEnvironment} environment. Pass --out <dir> to render ${environment} elsewhere.`,
    );
  }
  const outDir = options.outDir ?? join(project.root, RENDERED_DIR);
  const folder = folderLabel(project.root, outDir);
  if (options.check !== true) checkRenderTarget(outDir, folder);
  const built = buildValidated(project, environment);
  const files = renderAll(built.registry, built.config);
  // The README's routing table describes the default environment, like rendered/.
  const readme =
    options.outDir === undefined ? readmeUpdate(project.root, routingTable(built.registry)) : undefined;
  if (options.check === true) {
    const stale = diffRendered(outDir, files);
    if (readme !== undefined) stale.push({ path: '../README.md (routing table)', state: 'stale' });
    if (stale.length > 0) throw new StaleRenderError(folder, stale);
    return { outDir, folder, files: files.size, changes: [], warnings: built.warnings };
  }
  const changes = writeRendered(outDir, files);
  if (readme !== undefined) {
    writeFileSync(readme.path, readme.text);
    changes.push({ path: '../README.md (routing table)', state: 'stale' });
  }
  return { outDir, folder, files: files.size, changes, warnings: built.warnings };
}

/** A folder as messages name it: relative to the root (forward slashes) when inside it, else its absolute path. */
export function folderLabel(root: string, dir: string): string {
  const rel = relative(root, dir);
  if (rel === '') return '.';
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return dir;
  return rel.split(sep).join('/');
}

/** The README with its generated routing table brought up to date, when it is out of date. */
function readmeUpdate(root: string, table: string): { path: string; text: string } | undefined {
  const path = join(root, 'README.md');
  if (!existsSync(path)) return undefined;
  const current = readFileSync(path, 'utf8');
  const next = replaceRegion(current, table);
  return next === undefined || next === current ? undefined : { path, text: next };
}

/** `npm run validate`: every problem at once, or the count of what was checked. */
export function validateProject<C extends BaseConfig>(
  project: Project<C>,
  environment?: string,
): { resources: number; environment: string; warnings: readonly Problem[] } {
  const built = buildValidated(project, environment);
  return { resources: built.registry.size, environment: built.config.environment, warnings: built.warnings };
}
