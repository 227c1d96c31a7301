/**
 * What is wrong with a Beyla YAML configuration, and where. Printed as
 * `<file>:<line>:<column>: <key path>: <what is wrong>. <what to do>`.
 */

export type BeylaProblemCode =
  | 'yaml-syntax'
  | 'unknown-key'
  | 'wrong-type'
  | 'bad-enum'
  | 'bad-duration'
  | 'bad-value'
  | 'out-of-range'
  | 'deprecated';

export interface BeylaProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The key path, e.g. `prometheus_export.buckets.duration_histogram[3]`; empty for the document itself. */
  readonly path: string;
  readonly code: BeylaProblemCode;
  /** Errors make Beyla fail or silently ignore the setting; warnings still work but should change. */
  readonly severity: 'error' | 'warning';
  /** What is wrong, without a final full stop. */
  readonly problem: string;
  /** What to do about it, as a sentence. */
  readonly fix: string;
}

export function formatBeylaProblem(p: BeylaProblem): string {
  const fix = /[.…!?]$/.test(p.fix) ? p.fix : `${p.fix}.`;
  const path = p.path === '' ? '' : `${p.path}: `;
  return `${p.file}:${p.line}:${p.column}: ${path}${p.problem}. ${fix}`;
}
