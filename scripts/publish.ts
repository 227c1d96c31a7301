// npm run publish [-- --dry-run] [--json <file>] [--prune] [--only <Kind/uid glob>] [--editable] [--env <name>]
import { fileURLToPath } from 'node:url';
import { withDotEnv } from '../src/cli/environment.ts';
import { publishMain } from '../src/cli/publish-main.ts';
import { consoleOutput, runCommand } from '../src/cli/run.ts';
import { Redactor } from '../src/core/redact.ts';
import { redactingOutput } from '../src/publish/redacting-output.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const redactor = new Redactor();
const env = withDotEnv(root, process.env);
process.exitCode = await runCommand(
  'publish',
  (output) => publishMain(root, process.argv.slice(2), env, output, redactor),
  redactingOutput(consoleOutput, redactor),
);
