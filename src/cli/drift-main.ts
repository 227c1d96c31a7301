import { join } from 'node:path';
import { UsageError } from '../core/errors.ts';
import { driftJson, driftMarkdown, driftText } from '../drift/format.ts';
import { driftCheck } from '../drift/run.ts';
import { RENDERED_DIR } from '../commands/render.ts';
import type { Environment } from './environment.ts';
import { grafanaConnection } from './environment.ts';
import { EXIT } from './exit-codes.ts';
import type { Output } from './run.ts';
import { parseFlags } from './run.ts';

/** `npm run drift [-- --format text|markdown|json]`: 0 no drift, 2 drift, 1 error. */
export async function driftMain(
  root: string,
  argv: readonly string[],
  env: Environment,
  output: Output,
): Promise<number> {
  const flags = parseFlags(argv, { format: { type: 'string', default: 'text' } });
  const format = flags.format;
  if (format !== 'text' && format !== 'markdown' && format !== 'json') {
    throw new UsageError(`--format takes text, markdown or json, not ${JSON.stringify(format)}.`);
  }
  const connection = grafanaConnection(env);
  const { report } = await driftCheck(join(root, RENDERED_DIR), connection);
  const url = connection.url;
  if (format === 'json') output.out(driftJson(report, url).trimEnd());
  else if (format === 'markdown') output.out(driftMarkdown(report, url).trimEnd());
  else for (const line of driftText(report, url)) output.out(line);
  return report.entries.length > 0 ? EXIT.drift : EXIT.ok;
}
