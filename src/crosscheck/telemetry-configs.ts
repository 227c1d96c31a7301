/**
 * The telemetry configurations committed beside the content (`configs/alloy/*.alloy`, `configs/beyla/*.yml`),
 * checked with the content by `render` and `validate`: each file by its own checker (syntax, references, schema;
 * Beyla errors only, its warnings stay with its own tests), and across them what the SLOs rely on: every path that
 * exports Beyla's duration histograms (Alloy's `beyla.ebpf` blocks, standalone Beyla files) has the same bounds,
 * the bounds the latency SLOs were given (`sli.buckets`), and every latency SLO's threshold among them. Series of
 * the two paths meet in one `sum by (le)`, which is only right when they share every bound; a threshold that is
 * not a bound selects no good events on the path that lacks it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AlloyFacts } from '../alloy/facts.ts';
import { extractAlloyFacts } from '../alloy/facts.ts';
import { checkAlloyFile } from '../alloy/check.ts';
import { checkBeylaFile } from '../beyla/check.ts';
import { effectiveDurationBuckets } from '../beyla/buckets.ts';
import type { BaseConfig } from '../config/base.ts';
import { repoRelative } from '../core/source.ts';
import type { Project } from '../project/project.ts';
import { sloInputOf } from '../slo/define-slo.ts';
import type { Problem } from '../validate/problem.ts';

/** One place that exports Beyla's duration histograms, with its bounds. */
interface Path {
  readonly file: string;
  /** Where in the file: `beyla.ebpf "default" metrics.buckets.duration_histogram`. */
  readonly where: string;
  readonly buckets: readonly number[];
}

function filesIn(dir: string, extension: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(extension))
        .sort()
    : [];
}

function list(buckets: readonly number[]): string {
  return `[${buckets.join(', ')}]`;
}

function same(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** One committed Alloy file, checked: its problems, and its facts when it has none. */
export interface AlloyConfigFile {
  /** Relative to the repository: `configs/alloy/config.alloy`. */
  readonly file: string;
  readonly problems: readonly Problem[];
  readonly facts?: AlloyFacts;
}

/** Every `configs/alloy/*.alloy` file of the repository, checked once. */
export function readAlloyConfigs(root: string): AlloyConfigFile[] {
  return filesIn(join(root, 'configs/alloy'), '.alloy').map((name) => {
    const file = `configs/alloy/${name}`;
    const result = checkAlloyFile(join(root, file), file);
    const problems = result.problems.map((p): Problem => ({
      file,
      path: `line ${p.line}:${p.column}`,
      problem: p.problem,
      fix: p.fix,
    }));
    return problems.length > 0
      ? { file, problems }
      : { file, problems, facts: extractAlloyFacts(result.ast) };
  });
}

export function checkTelemetryConfigs<C extends BaseConfig>(
  project: Project<C>,
  config: C,
  alloy: readonly AlloyConfigFile[] = readAlloyConfigs(project.root),
): Problem[] {
  const problems: Problem[] = [];
  const paths: Path[] = [];
  for (const { file, problems: found, facts } of alloy) {
    problems.push(...found);
    if (facts === undefined) continue;
    for (const beyla of facts.beylaEbpf)
      if (beyla.durationBucketsSource !== 'expression')
        paths.push({
          file,
          where: `beyla.ebpf "${beyla.label}" metrics.buckets.duration_histogram`,
          buckets: beyla.durationBuckets,
        });
  }
  for (const name of filesIn(join(project.root, 'configs/beyla'), '.yml')) {
    const file = `configs/beyla/${name}`;
    const result = checkBeylaFile(join(project.root, file), file);
    const errors = result.problems.filter((p) => p.severity === 'error');
    for (const p of errors)
      problems.push({
        file,
        path: p.path === '' ? `line ${p.line}:${p.column}` : p.path,
        problem: p.problem,
        fix: p.fix,
      });
    if (errors.length > 0 || result.value === undefined) continue;
    paths.push({
      file,
      where: 'prometheus_export.buckets.duration_histogram',
      buckets: effectiveDurationBuckets(result.value),
    });
  }
  const first = paths[0];
  if (first === undefined) return problems;
  for (const path of paths.slice(1))
    if (!same(path.buckets, first.buckets))
      problems.push({
        file: path.file,
        path: path.where,
        problem: `the duration bounds are ${list(path.buckets)}, but ${first.file} (${first.where}) has ${list(first.buckets)}: series of the two paths would not add up in one sum by (le)`,
        fix: `Set the same list in both files`,
      });
  for (const { definition } of project.definitions) {
    const input = sloInputOf(definition, config);
    if (input === undefined || input.sli.kind !== 'latency') continue;
    const sli = input.sli;
    const source =
      definition.sourcePath === undefined ? 'slos/' : repoRelative(project.root, definition.sourcePath);
    for (const path of paths) {
      if (!path.buckets.includes(sli.thresholdSeconds))
        problems.push({
          file: path.file,
          path: path.where,
          problem: `has no bound at ${sli.thresholdSeconds} s, the threshold of the ${input.name} SLO (${source}): its good events would select no series of this path`,
          fix: `Add ${sli.thresholdSeconds} to the list (in every file that exports the histogram)`,
        });
    }
    if (!same(sli.buckets, first.buckets))
      problems.push({
        file: source,
        path: 'sli.buckets',
        problem: `the ${input.name} SLO is given the bounds ${list(sli.buckets)}, but ${first.file} exports ${list(first.buckets)}`,
        fix: 'Give the SLO the bounds the configurations export (slo.beylaDurationBuckets in stack.config.ts)',
      });
  }
  return problems;
}
