// npm run render [-- --check] [--env <name>] [--out <dir>]
import { fileURLToPath } from 'node:url';
import { renderMain } from '../src/cli/render-main.ts';
import { runCommand } from '../src/cli/run.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
process.exitCode = await runCommand('render', (output) => renderMain(root, process.argv.slice(2), output));
