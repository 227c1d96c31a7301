/**
 * Typed errors. Each says what went wrong in words a user can act on; `src/cli/exit-codes.ts` is the one place
 * that turns them into exit codes.
 */
import type { Problem } from './problem.ts';
import { formatProblem } from './problem.ts';

/** Every typed error's code. `src/cli/exit-codes.ts` must map each one: a new code does not compile until it is. */
export type ErrorCode =
  | 'validation'
  | 'stale-render'
  | 'usage'
  | 'project-load'
  | 'missing-tool'
  | 'missing-secret'
  | 'alloy-syntax'
  | 'alloy-config'
  | 'grafana-api'
  | 'grafana-unreachable'
  | 'grafana-auth'
  | 'partial';

export abstract class StackError extends Error {
  abstract readonly code: ErrorCode;
}

/** The repository has problems; nothing was rendered or sent. */
export class ValidationError extends StackError {
  readonly code = 'validation';
  readonly problems: readonly Problem[];

  /** `after`: what the command did about them (validate writes nothing in any case). */
  constructor(problems: readonly Problem[], after = 'nothing was written') {
    const n = problems.length;
    super(
      `${n} problem${n === 1 ? '' : 's'} found${after === '' ? '' : `; ${after}`}.\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

export type StaleState = 'stale' | 'missing' | 'extra';

/** `render --check` found files that differ from what the code renders. */
export class StaleRenderError extends StackError {
  readonly code = 'stale-render';
  readonly entries: readonly { readonly path: string; readonly state: StaleState }[];

  constructor(outDir: string, entries: readonly { readonly path: string; readonly state: StaleState }[]) {
    const explain: Record<StaleState, string> = {
      stale: 'differs from what the code renders',
      missing: 'is rendered by the code but not on disk',
      extra: 'is on disk but no longer rendered by the code',
    };
    super(
      `${outDir}/ is not up to date (${entries.length} file${entries.length === 1 ? '' : 's'}). Run \`npm run render\` and commit the result.\n` +
        entries.map((e) => `  ${e.state.padEnd(7)} ${e.path}: ${explain[e.state]}`).join('\n'),
    );
    this.name = 'StaleRenderError';
    this.entries = entries;
  }
}

/** A command was called with flags it does not understand, or an unknown environment. */
export class UsageError extends StackError {
  readonly code = 'usage';

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The output folder holds files but was not rendered before (none of the folders render owns is in it): render
 * writes nothing there rather than mix its files with someone else's (`render --out .` would otherwise land in
 * the repository root).
 */
export class NotRenderOutputError extends UsageError {
  /** The folder, as named in the message. */
  readonly dir: string;

  constructor(dir: string, owned: readonly string[], found: readonly string[]) {
    const shown = found.slice(0, 5).join(', ') + (found.length > 5 ? `, … (${found.length} entries)` : '');
    super(
      `${dir}/ is not a render output folder: it is not empty (${shown}) and holds none of ${owned.map((f) => `${f}/`).join(', ')}. ` +
        'Nothing was written. Pass --out a new or empty folder, or one render wrote before.',
    );
    this.name = 'NotRenderOutputError';
    this.dir = dir;
  }
}

/** The project itself could not be loaded (missing config, an index that throws). */
export class ProjectLoadError extends StackError {
  readonly code = 'project-load';
  readonly file: string;

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(`${file}: ${message}`, options);
    this.name = 'ProjectLoadError';
    this.file = file;
  }
}

/**
 * Thrown by a definition that found problems in its own input (an SLO with an impossible objective): the loader
 * reports each problem as it is, in the project's format, beside every other problem.
 */
export class DefinitionProblems extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems.map((p) => formatProblem(p)).join('\n'));
    this.name = 'DefinitionProblems';
    this.problems = problems;
  }
}
