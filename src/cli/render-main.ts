import { loadProject } from '../project/load.ts';
import { renderProject } from '../commands/render.ts';
import { formatProblem } from '../validate/problem.ts';
import type { Output } from './run.ts';
import { parseFlags } from './run.ts';
import { USAGE, wantsHelp } from './usage.ts';
import { resolve } from 'node:path';

/**
 * `npm run render [-- --check] [--env <name>] [--out <dir>]`. `--out` is relative to the repository root (where
 * npm runs scripts); messages name the folder the same way.
 */
export async function renderMain(root: string, argv: readonly string[], output: Output): Promise<number> {
  if (wantsHelp(argv)) {
    output.out(USAGE.render);
    return 0;
  }
  const flags = parseFlags(argv, {
    check: { type: 'boolean', default: false },
    env: { type: 'string' },
    out: { type: 'string' },
  });
  const project = await loadProject(root);
  const result = renderProject(project, {
    check: flags.check,
    ...(flags.env === undefined ? {} : { environment: flags.env }),
    ...(flags.out === undefined ? {} : { outDir: resolve(root, flags.out) }),
  });
  for (const warning of result.warnings) output.err(formatProblem(warning));
  if (flags.check) {
    output.out(`${result.folder}/ is up to date (${result.files} files).`);
    return 0;
  }
  for (const change of result.changes) {
    const verb = change.state === 'extra' ? 'deleted' : change.state === 'missing' ? 'created' : 'updated';
    output.out(`${verb.padEnd(7)} ${change.path}`);
  }
  output.out(
    result.changes.length === 0
      ? `${result.files} files rendered into ${result.folder}/, all already up to date.`
      : `${result.files} files rendered into ${result.folder}/, ${result.changes.length} changed.`,
  );
  return 0;
}
