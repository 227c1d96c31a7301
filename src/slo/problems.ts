import { DefinitionProblems } from '../core/errors.ts';
/**
 * SLO input problems in the project's Problem format: `<file> AlertRuleGroup/slo-<name> <field path>: <problem>.
 * <fix>`. An SLO with problems builds nothing; the error it throws carries every problem (never only the first),
 * and the loader reports them as they are, beside every other problem of the project.
 */
import type { ResourceRef } from '../core/resource.ts';
import type { Problem } from '../validate/problem.ts';
import type { SloIssue } from './model.ts';

export function sloProblems(file: string, ref: ResourceRef, issues: readonly SloIssue[]): Problem[] {
  return issues.map((issue) => ({ file, ref, path: issue.path, problem: issue.problem, fix: issue.fix }));
}

/** Thrown while building an SLO whose input has problems. */
export class SloDefinitionError extends DefinitionProblems {
  constructor(problems: readonly Problem[]) {
    super(problems);
    this.name = 'SloDefinitionError';
  }
}
