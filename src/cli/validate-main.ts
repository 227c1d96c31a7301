import { ValidationError } from '../core/errors.ts';
import { loadProject } from '../project/load.ts';
import { validateProject } from '../commands/render.ts';
import { formatProblem } from '../validate/problem.ts';
import type { Output } from './run.ts';
import { parseFlags } from './run.ts';
import { USAGE, wantsHelp } from './usage.ts';

/** `npm run validate [-- --env <name>]` */
export async function validateMain(root: string, argv: readonly string[], output: Output): Promise<number> {
  if (wantsHelp(argv)) {
    output.out(USAGE.validate);
    return 0;
  }
  const flags = parseFlags(argv, { env: { type: 'string' } });
  const project = await loadProject(root);
  let result: ReturnType<typeof validateProject>;
  try {
    result = validateProject(project, flags.env);
  } catch (error) {
    // validate never writes: its report says so only by saying nothing of writing.
    if (error instanceof ValidationError) throw new ValidationError(error.problems, '');
    throw error;
  }
  for (const warning of result.warnings) output.err(formatProblem(warning));
  output.out(
    `${result.resources} resources valid (${result.environment})${result.warnings.length > 0 ? `, ${result.warnings.length} warnings on imported content` : ''}.`,
  );
  return 0;
}
