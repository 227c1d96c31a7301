/**
 * Leniency for imported content: a resource `npm run import` wrote (`imported: true`) is the team's existing state,
 * adopted as it is. What the house style asks of content written here (dashboard lint rules, units and positions
 * of the `dashboard` rule, data sources the repository defines, metrics the catalogue knows) is reported on it as
 * a warning, which blocks nothing; everything Grafana or Prometheus would refuse stays an error.
 */
import type { Registry } from '../project/registry.ts';
import type { Problem } from './problem.ts';

/** The rules whose findings on imported resources are warnings. */
export const LENIENT_RULES: ReadonlySet<string> = new Set([
  'dashboard-lint',
  'dashboard',
  'unknown-datasource',
  'metric-catalogue',
]);

export interface SplitProblems {
  readonly errors: readonly Problem[];
  readonly warnings: readonly Problem[];
}

export function splitLenient(problems: readonly Problem[], registry: Registry): SplitProblems {
  const imported = new Set(
    registry.resources.filter((r) => r.imported === true).map((r) => `${r.kind}/${r.uid}`),
  );
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  for (const p of problems) {
    if (p.ref !== undefined && imported.has(p.ref) && p.rule !== undefined && LENIENT_RULES.has(p.rule))
      warnings.push({ ...p, severity: 'warning' });
    else errors.push(p);
  }
  return { errors, warnings };
}
