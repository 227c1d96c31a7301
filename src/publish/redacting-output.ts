import type { Output } from '../cli/run.ts';
import type { Redactor } from '../core/redact.ts';

/** An Output that masks every secret the redactor knows, whatever is printed (errors included). */
export function redactingOutput(output: Output, redactor: Redactor): Output {
  return { out: (line) => output.out(redactor.apply(line)), err: (line) => output.err(redactor.apply(line)) };
}
