// npm run import -- [--all | --only <Kind/uid glob> | --folder <uid>] [--file <dashboard.json>] [--dry-run]
import { fileURLToPath } from 'node:url';
import { withDotEnv } from '../src/cli/environment.ts';
import { importMain } from '../src/cli/import-main.ts';
import { runCommand } from '../src/cli/run.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
process.exitCode = await runCommand('import', (output) =>
  importMain(root, process.argv.slice(2), withDotEnv(root, process.env), output),
);
