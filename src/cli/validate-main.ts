import { loadProject } from '../project/load.ts';
import { validateProject } from '../commands/render.ts';
import type { Output } from './run.ts';
import { parseFlags } from './run.ts';

/** `npm run validate [-- --env <name>]` */
export async function validateMain(root: string, argv: readonly string[], output: Output): Promise<number> {
  const flags = parseFlags(argv, { env: { type: 'string' } });
  const project = await loadProject(root);
  const result = validateProject(project, flags.env);
  output.out(`${result.resources} resources valid (${result.environment}).`);
  return 0;
}
