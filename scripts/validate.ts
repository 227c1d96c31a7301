// npm run validate [-- --env <name>]
import { fileURLToPath } from 'node:url';
import { validateMain } from '../src/cli/validate-main.ts';
import { runCommand } from '../src/cli/run.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
process.exitCode = await runCommand('validate', (output) =>
  validateMain(root, process.argv.slice(2), output),
);
