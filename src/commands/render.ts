import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaseConfig } from '../config/base.ts';
import { StaleRenderError, UsageError, ValidationError } from '../core/errors.ts';
import type { BuiltProject, Project } from '../project/project.ts';
import { buildProject } from '../project/project.ts';
import { replaceRegion, routingTable } from '../render/readme-table.ts';
import { renderAll } from '../render/render.ts';
import type { StaleEntry } from '../render/write.ts';
import { diffRendered, writeRendered } from '../render/write.ts';
import { sortProblems } from '../validate/problem.ts';
import { validate } from '../validate/validate.ts';

/** The folder `npm run render` writes, relative to the repository root. */
export const RENDERED_DIR = 'rendered';

/**
 * Builds the project for one environment and validates it; throws a ValidationError listing every problem
 * (load, build and rule problems together) so that nothing is rendered or sent while one stands.
 */
export function buildValidated<C extends BaseConfig>(
  project: Project<C>,
  environment?: string,
): BuiltProject<C> {
  const built = buildProject(project, environment);
  const problems = sortProblems([...built.problems, ...validate(built.registry, built.config)]);
  if (problems.length > 0) throw new ValidationError(problems);
  return built;
}

export interface RenderOptions {
  readonly environment?: string;
  /** Output folder; default `rendered/` under the root (only for the default environment). */
  readonly outDir?: string;
  /** Compare instead of writing. */
  readonly check?: boolean;
}

export interface RenderResult {
  readonly outDir: string;
  readonly files: number;
  /** What was written or deleted (empty when everything was up to date, and always for --check). */
  readonly changes: readonly StaleEntry[];
}

/** `npm run render [-- --check]`: validate, then write (or compare) canonical files. */
export function renderProject<C extends BaseConfig>(
  project: Project<C>,
  options: RenderOptions = {},
): RenderResult {
  const environment = options.environment ?? project.configSet.defaultEnvironment;
  if (options.outDir === undefined && environment !== project.configSet.defaultEnvironment) {
    throw new UsageError(
      `${RENDERED_DIR}/ holds the ${project.configSet.defaultEnvironment} environment. Pass --out <dir> to render ${environment} elsewhere.`,
    );
  }
  const outDir = options.outDir ?? join(project.root, RENDERED_DIR);
  const built = buildValidated(project, environment);
  const files = renderAll(built.registry, built.config);
  // The README's routing table describes the default environment, like rendered/.
  const readme =
    options.outDir === undefined ? readmeUpdate(project.root, routingTable(built.registry)) : undefined;
  if (options.check === true) {
    const stale = diffRendered(outDir, files);
    if (readme !== undefined) stale.push({ path: '../README.md (routing table)', state: 'stale' });
    if (stale.length > 0) throw new StaleRenderError(RENDERED_DIR, stale);
    return { outDir, files: files.size, changes: [] };
  }
  const changes = writeRendered(outDir, files);
  if (readme !== undefined) {
    writeFileSync(readme.path, readme.text);
    changes.push({ path: '../README.md (routing table)', state: 'stale' });
  }
  return { outDir, files: files.size, changes };
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
): { resources: number; environment: string } {
  const built = buildValidated(project, environment);
  return { resources: built.registry.size, environment: built.config.environment };
}
