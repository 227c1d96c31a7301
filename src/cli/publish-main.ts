import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../core/errors.ts';
import { loadProject } from '../project/load.ts';
import { formatEvent, formatPlan, planJson, summary } from '../publish/format.ts';
import type { Action } from '../publish/plan.ts';
import { publishProject } from '../publish/publish.ts';
import type { Redactor } from '../core/redact.ts';
import type { Environment } from './environment.ts';
import { apiChoice, grafanaConnection } from './environment.ts';
import type { Output } from './run.ts';
import { parseFlags } from './run.ts';
import { USAGE, wantsHelp } from './usage.ts';

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--${flag} takes a positive whole number, not ${JSON.stringify(value)}.`);
  return n;
}

/** Where publish asks before deleting: the process's terminal, or a test's. */
export interface Terminal {
  readonly isTTY: boolean;
  ask(question: string): Promise<string>;
}

const processTerminal: Terminal = {
  isTTY: process.stdin.isTTY === true && process.stderr.isTTY === true,
  async ask(question) {
    const readline = await import('node:readline/promises');
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  },
};

/** Deletions are shown and asked about on a terminal; without one they need --yes (the workflows pass it). */
async function confirm(deletions: readonly Action[], terminal: Terminal, output: Output): Promise<boolean> {
  const refs = deletions.map((d) => d.ref);
  if (!terminal.isTTY)
    throw new UsageError(
      `nothing was written: the plan deletes ${refs.join(', ')}, and there is no terminal to ask. Review the plan (--dry-run) and pass --yes to allow the deletions.`,
    );
  output.err(`The plan deletes ${refs.length} object${refs.length === 1 ? '' : 's'}:`);
  for (const ref of refs) output.err(`  - ${ref}`);
  const answer = await terminal.ask('Delete them? Only "yes" goes ahead: ');
  return answer.trim().toLowerCase() === 'yes';
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A plan file, parsed; a clear error when it cannot be read. */
function readPlan(path: string, given: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new UsageError(
      `--plan ${given}: ${error instanceof Error ? error.message : String(error)}. Give the file publish --dry-run --json wrote.`,
    );
  }
}

/**
 * `npm run publish [-- --dry-run] [--json <file>] [--prune] [--only <Kind/uid glob>]... [--editable]
 * [--rotate-secrets] [--env <name>] [--concurrency <n>] [--verbose] [--api auto|legacy|apis]`
 */
export async function publishMain(
  root: string,
  argv: readonly string[],
  env: Environment,
  output: Output,
  redactor: Redactor,
  terminal: Terminal = processTerminal,
): Promise<number> {
  if (wantsHelp(argv)) {
    output.out(USAGE.publish);
    return 0;
  }
  const flags = parseFlags(argv, {
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'string' },
    prune: { type: 'boolean', default: false },
    'prune-nested': { type: 'boolean', default: false },
    only: { type: 'string', multiple: true },
    editable: { type: 'boolean', default: false },
    'rotate-secrets': { type: 'boolean', default: false },
    env: { type: 'string' },
    concurrency: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    api: { type: 'string' },
    plan: { type: 'string' },
    yes: { type: 'boolean', default: false },
  });
  if (flags.plan !== undefined && flags['dry-run'])
    throw new UsageError('--plan applies a saved plan; --dry-run makes one. Give one of them.');
  const savedPlan = flags.plan === undefined ? undefined : readPlan(resolve(flags.plan), flags.plan);
  const choice = apiChoice(flags.api, env);
  redactor.add(env.GRAFANA_TOKEN, env.GRAFANA_PASSWORD);
  // Checked before anything is sent: the plan is written once Grafana was read.
  // `--json -`: the plan as JSON on stdout, and what is written for people on stderr.
  const jsonToStdout = flags.json === '-';
  const human: Output = jsonToStdout
    ? { out: (line) => output.err(line), err: (line) => output.err(line) }
    : output;
  const jsonFile = flags.json === undefined || jsonToStdout ? undefined : resolve(flags.json);
  if (jsonFile !== undefined && !existsSync(dirname(jsonFile)))
    throw new UsageError(
      `--json ${flags.json ?? ''}: its folder does not exist. Create it, or name a file in an existing folder.`,
    );
  const writeConcurrency = positiveInt(flags.concurrency, 'concurrency');
  const connection = grafanaConnection(env, writeConcurrency === undefined ? {} : { writeConcurrency });
  const started = Date.now();
  let total = 0;
  let done = 0;
  const project = await loadProject(root);
  const color =
    env.NO_COLOR === undefined && (jsonToStdout ? process.stderr.isTTY : process.stdout.isTTY) === true;
  const result = await publishProject(
    project,
    connection,
    env,
    {
      dryRun: flags['dry-run'],
      prune: flags.prune,
      pruneNested: flags['prune-nested'],
      api: choice.preference,
      ...(choice.namespace === undefined ? {} : { namespace: choice.namespace }),
      only: flags.only ?? [],
      editable: flags.editable,
      resendSecrets: flags['rotate-secrets'],
      ...(flags.env === undefined ? {} : { environment: flags.env }),
      ...(savedPlan === undefined ? {} : { savedPlan }),
    },
    {
      onSecrets: (values) => redactor.add(...values),
      onPlan: (plan, version, fingerprints) => {
        total = plan.actions.filter((a) => a.type !== 'noop').length;
        human.out(
          `Grafana ${version} at ${connection.url}${flags['dry-run'] ? ' (dry run: nothing will be written)' : ''}`,
        );
        for (const line of formatPlan(plan, { color, verbose: flags.verbose })) human.out(line);
        const json = `${JSON.stringify(planJson(plan, fingerprints), null, 2)}\n`;
        if (jsonFile !== undefined) writeFileSync(jsonFile, redactor.apply(json));
        // Through the redacting output, as every line is.
        if (jsonToStdout) output.out(json.trimEnd());
      },
      onEvent: (event) => {
        done += 1;
        // On a terminal each line says how far the run is: done/total and the time so far.
        const progress =
          terminal.isTTY && total > 0 ? ` [${done}/${total}, ${seconds(Date.now() - started)}]` : '';
        human.out(`${formatEvent(event)}${progress}`);
      },
      onWarning: (message) => human.err(`warning: ${message}`),
      ...(flags.yes ? {} : { confirmDeletions: (deletions) => confirm(deletions, terminal, human) }),
    },
  );
  if (!flags['dry-run']) human.out(`${summary(result.events)} Took ${seconds(Date.now() - started)}.`);
  return 0;
}
