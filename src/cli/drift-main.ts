import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from '../core/files.ts';
import { Redactor } from '../core/redact.ts';
import { redactingOutput } from '../publish/redacting-output.ts';
import { UsageError } from '../core/errors.ts';
import { driftJson, driftMarkdown, driftText } from '../drift/format.ts';
import { driftCheck } from '../drift/run.ts';
import { RENDERED_DIR } from '../commands/render.ts';
import type { Environment } from './environment.ts';
import { apiChoice, grafanaConnection } from './environment.ts';
import { EXIT } from './exit-codes.ts';
import type { Output } from './run.ts';
import { parseFlags } from './run.ts';
import { USAGE, wantsHelp } from './usage.ts';

/**
 * The values of the secret variables the rendered state refers to (`${NAME}` placeholders), as the environment
 * holds them: drift masks them as publish does, wherever Grafana shows them (a tenant pasted into a plain field).
 */
export function renderedSecretValues(renderedDir: string, env: Environment): string[] {
  const names = new Set<string>();
  for (const file of filesUnder(join(renderedDir, 'grafana')).filter((f) => f.endsWith('.json'))) {
    for (const match of readFileSync(join(renderedDir, 'grafana', file), 'utf8').matchAll(
      /\$\{([A-Z][A-Z0-9_]*)\}/g,
    ))
      if (match[1] !== undefined) names.add(match[1]);
  }
  return [...names].flatMap((name) => (env[name] === undefined ? [] : [env[name] ?? '']));
}

/** `npm run drift [-- --format text|markdown|json]`: 0 no drift, 2 drift, 1 error, 3 unreachable. */
export async function driftMain(
  root: string,
  argv: readonly string[],
  env: Environment,
  unmasked: Output,
  redactor: Redactor = new Redactor(),
): Promise<number> {
  if (wantsHelp(argv)) {
    unmasked.out(USAGE.drift);
    return 0;
  }
  redactor.add(
    env.GRAFANA_TOKEN,
    env.GRAFANA_PASSWORD,
    ...renderedSecretValues(join(root, RENDERED_DIR), env),
  );
  const output = redactingOutput(unmasked, redactor);
  const flags = parseFlags(argv, {
    format: { type: 'string', default: 'text' },
    api: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  });
  const choice = apiChoice(flags.api, env);
  const format = flags.format;
  if (format !== 'text' && format !== 'markdown' && format !== 'json') {
    throw new UsageError(`--format takes text, markdown or json, not ${JSON.stringify(format)}.`);
  }
  const connection = grafanaConnection(env);
  const { report } = await driftCheck(join(root, RENDERED_DIR), connection, undefined, undefined, choice);
  const url = connection.url;
  if (format === 'json') output.out(driftJson(report, url).trimEnd());
  else if (format === 'markdown')
    output.out(driftMarkdown(report, url, { verbose: flags.verbose }).trimEnd());
  else for (const line of driftText(report, url, { verbose: flags.verbose })) output.out(line);
  return report.entries.length > 0 ? EXIT.drift : EXIT.ok;
}
