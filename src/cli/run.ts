import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { StackError, UsageError } from '../core/errors.ts';
import type { CommandName } from './exit-codes.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';

/** Where a command writes: injectable so that tests read what a user would see. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const consoleOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses flags strictly; an unknown flag is a UsageError that lists the known ones. */
export function parseFlags<O extends Options>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const known = Object.keys(options)
      .map((name) => `--${name}`)
      .join(', ');
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}. Known flags: ${known}.`);
  }
}

/**
 * Runs one command: calls `main`, prints a typed error's message (or an unexpected error's stack) and returns
 * the exit code. Scripts set `process.exitCode` from it; nothing in src/ calls process.exit.
 */
export async function runCommand(
  command: CommandName,
  main: (output: Output) => Promise<number | void> | number | void,
  output: Output = consoleOutput,
): Promise<number> {
  try {
    return (await main(output)) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof StackError) output.err(error.message);
    else
      output.err(
        `${command}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    return exitCodeFor(error);
  }
}
