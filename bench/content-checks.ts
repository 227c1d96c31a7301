/**
 * What the content checks add to validation, over the repository's own content (every dashboard, rule group and
 * data source of the kit) and over 1,000 generated dashboards, measured in the same run: validation without the
 * PromQL type checks, with them (src/promql/types.ts, Prometheus's own analysis), and the metric catalogue check
 * (src/crosscheck: every query against the catalogue, the Alloy pipeline read once).
 */
import { performance } from 'node:perf_hooks';
import type { BaseConfig } from '../src/config/base.ts';
import { crossCheck } from '../src/crosscheck/index.ts';
import type { Project } from '../src/project/project.ts';
import { buildProject } from '../src/project/project.ts';
import { forgetShapes } from '../src/promql/types.ts';
import { querySyntax, querySyntaxRule } from '../src/validate/rules/queries.ts';
import { RULES, validate } from '../src/validate/validate.ts';

const WITHOUT_TYPES = RULES.map((rule) => (rule === querySyntax ? querySyntaxRule({ types: false }) : rule));

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export interface ContentChecksFigures {
  readonly validateWithoutTypesMs: number;
  readonly validateMs: number;
  readonly catalogueMs?: number;
  /** Validation with the type checks against validation without them. */
  readonly typesVsWithout: number;
  /** Validation and the catalogue check against validation without the type checks. */
  readonly allVsWithout?: number;
}

/** Medians of `runs` runs each; the catalogue check when asked (the project must declare what the catalogue lacks). */
export function contentChecks<C extends BaseConfig>(
  project: Project<C>,
  options: { readonly runs: number; readonly catalogue: boolean; readonly collect: () => void },
): ContentChecksFigures {
  const built = buildProject(project);
  const without: number[] = [];
  const withTypes: number[] = [];
  const catalogue: number[] = [];
  for (let i = 0; i < options.runs; i += 1) {
    options.collect();
    without.push(timed(() => validate(built.registry, built.config, WITHOUT_TYPES)));
    options.collect();
    forgetShapes();
    withTypes.push(timed(() => validate(built.registry, built.config)));
    if (options.catalogue) {
      options.collect();
      catalogue.push(timed(() => crossCheck(project, built.registry, built.config)));
    }
  }
  const base = median(without);
  const typed = median(withTypes);
  const cat = median(catalogue);
  return {
    validateWithoutTypesMs: round(base),
    validateMs: round(typed),
    typesVsWithout: round(typed / base, 2),
    ...(options.catalogue ? { catalogueMs: round(cat), allVsWithout: round((typed + cat) / base, 2) } : {}),
  };
}
