// npm run drift [-- --format text|markdown|json]: 0 no drift, 2 drift, 1 error
import { fileURLToPath } from 'node:url';
import { withDotEnv } from '../src/cli/environment.ts';
import { driftMain } from '../src/cli/drift-main.ts';
import { consoleOutput, runCommand } from '../src/cli/run.ts';
import { Redactor } from '../src/core/redact.ts';
import { redactingOutput } from '../src/publish/redacting-output.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = withDotEnv(root, process.env);
// driftMain adds the token, the password and the content secrets; errors the runner prints are masked too.
const redactor = new Redactor();
process.exitCode = await runCommand(
  'drift',
  (output) => driftMain(root, process.argv.slice(2), env, output, redactor),
  redactingOutput(consoleOutput, redactor),
);
