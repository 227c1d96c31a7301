/**
 * What is wrong with an Alloy configuration, and where. Printed as
 * `<file>:<line>:<column>: <what is wrong>. <what to do>`, the way compilers print, so editors can jump to it.
 */
import { StackError } from '../core/errors.ts';
import type { Position } from './ast.ts';

export type AlloyProblemCode =
  // tokens
  | 'illegal-character'
  | 'unterminated-string'
  | 'unterminated-comment'
  | 'invalid-escape'
  | 'single-quoted-string'
  | 'invalid-number'
  // statements and expressions
  | 'unexpected-token'
  | 'missing-assign'
  | 'missing-brace'
  | 'missing-comma'
  | 'missing-newline'
  | 'unclosed'
  | 'stray-closing'
  | 'invalid-attribute-name'
  | 'invalid-label'
  | 'expected-expression'
  // components and references
  | 'unlabelled-component'
  | 'labelled-config-block'
  | 'unknown-component'
  | 'duplicate-component'
  | 'duplicate-attribute'
  | 'undeclared-component'
  | 'unknown-export'
  | 'unknown-reference'
  | 'unknown-function';

export interface AlloyProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** A stable tag, for tests and tooling. */
  readonly code: AlloyProblemCode;
  /** What is wrong, without a final full stop. */
  readonly problem: string;
  /** What to do about it, as a sentence. */
  readonly fix: string;
}

export function problemAt(
  file: string,
  at: Position,
  code: AlloyProblemCode,
  problem: string,
  fix: string,
): AlloyProblem {
  return { file, line: at.line, column: at.column, code, problem, fix };
}

export function formatAlloyProblem(p: AlloyProblem): string {
  const fix = /[.…!?]$/.test(p.fix) ? p.fix : `${p.fix}.`;
  return `${p.file}:${p.line}:${p.column}: ${p.problem}. ${fix}`;
}

/** In reading order: by file, line, column, then message, so every run prints the same report. */
export function sortAlloyProblems(problems: readonly AlloyProblem[]): AlloyProblem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.problem < b.problem ? -1 : a.problem > b.problem ? 1 : 0),
  );
}

function summary(problems: readonly AlloyProblem[]): string {
  const n = problems.length;
  return `${n} problem${n === 1 ? '' : 's'} in Alloy configuration:\n${problems.map((p) => `  ${formatAlloyProblem(p)}`).join('\n')}`;
}

/** The file does not parse. `file`, `line` and `column` are those of the first problem. */
export class AlloySyntaxError extends StackError {
  readonly code = 'alloy-syntax';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly problems: readonly AlloyProblem[];

  constructor(problems: readonly AlloyProblem[]) {
    super(summary(problems));
    this.name = 'AlloySyntaxError';
    const first = problems[0];
    this.file = first?.file ?? '';
    this.line = first?.line ?? 0;
    this.column = first?.column ?? 0;
    this.problems = problems;
  }
}

/** The file parses but does not hold together (unresolved references, duplicate or unlabelled components). */
export class AlloyConfigError extends StackError {
  readonly code = 'alloy-config';
  readonly problems: readonly AlloyProblem[];

  constructor(problems: readonly AlloyProblem[]) {
    super(summary(problems));
    this.name = 'AlloyConfigError';
    this.problems = problems;
  }
}
