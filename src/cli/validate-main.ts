import { loadProject } from '../project/load.ts';
import { validateProject } from '../commands/render.ts';
import { formatProblem } from '../validate/problem.ts';
import type { Output } from './run.ts';
import { parseFlags } from './run.ts';

/** `npm run validate [-- --env <name>]` */
export async function validateMain(root: string, argv: readonly string[], output: Output): Promise<number> {
  const flags = parseFlags(argv, { env: { type: 'string' } });
  const project = await loadProject(root);
  const result = validateProject(project, flags.env);
  for (const warning of result.warnings) output.err(formatProblem(warning));
  output.out(
    `${result.resources} resources valid (${result.environment})${result.warnings.length > 0 ? `, ${result.warnings.length} warnings on imported content` : ''}.`,
  );
  return 0;
}
