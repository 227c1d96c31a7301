import type { ErrorCode } from '../core/errors.ts';
import { StackError } from '../core/errors.ts';

/** The commands of the project, as named in package.json. */
export type CommandName =
  'render' | 'validate' | 'publish' | 'drift' | 'diff' | 'sim' | 'bench' | 'test' | 'import';

export const EXIT = { ok: 0, error: 1, drift: 2, auth: 3, partial: 4 } as const;

/** Exit code per typed error (`StackError.code`); the README's command table is the contract. */
const CODES: Readonly<Record<ErrorCode, number>> = {
  validation: EXIT.error,
  'stale-render': EXIT.error,
  usage: EXIT.error,
  'project-load': EXIT.error,
  'missing-tool': EXIT.error,
  'missing-secret': EXIT.error,
  'alloy-syntax': EXIT.error,
  'alloy-config': EXIT.error,
  'grafana-api': EXIT.error,
  'grafana-unreachable': EXIT.auth,
  'grafana-auth': EXIT.auth,
  partial: EXIT.partial,
};

/**
 * The one place that maps typed errors to exit codes. Anything unexpected is 1: a bug or an environment
 * problem, reported with its stack by the runner.
 */
export function exitCodeFor(error: unknown): number {
  if (!(error instanceof StackError)) return EXIT.error;
  // Every command that talks to Grafana says "unreachable or refused credentials" the same way: 3 (drift too).
  return CODES[error.code];
}
