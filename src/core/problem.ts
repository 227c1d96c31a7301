import type { ResourceRef } from './resource.ts';

/**
 * One thing wrong with the repository. Printed as `<file> <Kind/uid> <field path>: <problem>. <fix>`;
 * file-level problems (a content file not listed in its index) have no ref and no path.
 */
export interface Problem {
  readonly file: string;
  readonly ref?: ResourceRef;
  readonly path?: string;
  /** What is wrong, without a final full stop. */
  readonly problem: string;
  /** What to do about it, as a sentence. */
  readonly fix: string;
  /** The rule that found it (validation rules, `metric-catalogue`), for the leniency of imported content. */
  readonly rule?: string;
  /** A warning is printed and blocks nothing (src/validate/lenient.ts). */
  readonly severity?: 'warning';
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.ref, p.path].filter((part) => part !== undefined && part !== '').join(' ');
  const fix = /[.…!?]$/.test(p.fix) ? p.fix : `${p.fix}.`;
  return `${p.severity === 'warning' ? 'warning: ' : ''}${where}: ${p.problem}. ${fix}`;
}

/** Stable order: by file, then ref, then path, then text; so the report reads the same on every run. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const key = (p: Problem): string => `${p.file}\u0000${p.ref ?? ''}\u0000${p.path ?? ''}\u0000${p.problem}`;
  return [...problems].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
