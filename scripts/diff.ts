// npm run diff -- --base <git ref>: a semantic summary of what the change does, as Markdown
import { fileURLToPath } from 'node:url';
import { diffMain } from '../src/cli/diff-main.ts';
import { runCommand } from '../src/cli/run.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
process.exitCode = await runCommand('diff', (output) => diffMain(root, process.argv.slice(2), output));
