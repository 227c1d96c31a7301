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

/** Streams whose reader went away (`npm run drift | head -1`): nothing more is written to them. */
const closed = new WeakSet<NodeJS.WritableStream>();
const guarded = new WeakSet<NodeJS.WritableStream>();

/**
 * A reader that stops reading (a pipe into `head`) is no error of the command's: the stream's EPIPE is swallowed,
 * nothing more is written to it, and the command ends with its own exit code.
 */
function guard(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') closed.add(stream);
      else throw error;
    });
  }
  return stream;
}

function write(stream: NodeJS.WriteStream, line: string): void {
  if (closed.has(stream)) return;
  guard(stream).write(`${line}\n`);
}

export const consoleOutput: Output = {
  out: (line) => write(process.stdout, line),
  err: (line) => write(process.stderr, line),
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
