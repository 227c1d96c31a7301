import { performance } from 'node:perf_hooks';
import type { BaseConfig } from '../config/base.ts';
import type { Registry } from '../project/registry.ts';
import type { ValidationRule } from './context.ts';
import { createContext } from './context.ts';
import type { Problem } from './problem.ts';
import { sortProblems } from './problem.ts';
import { alertRules, uniqueRuleTitles } from './rules/alerts.ts';
import { dashboardLint } from './rules/dashboard-lint.ts';
import { dashboardRules } from './rules/dashboards.ts';
import { datasourceReferences } from './rules/datasources.ts';
import { folderReferences } from './rules/folders.ts';
import { notificationRules } from './rules/notifications.ts';
import { ownershipPrefix } from './rules/ownership.ts';
import { querySyntax } from './rules/queries.ts';
import { repeatRules } from './rules/repeats.ts';
import { routingRules } from './rules/routing.ts';
import { secretPlacement } from './rules/secrets.ts';
import { foldersAndDashboards, uidFormat, uniqueNames, uniqueUids } from './rules/uids.ts';

/**
 * Every rule, in the order they run (problems are sorted afterwards, so the order changes no report). The lint
 * rules run before query-syntax: their analysis of each PromQL panel query tells it which queries parse.
 */
export const RULES: readonly ValidationRule[] = [
  uidFormat,
  uniqueUids,
  uniqueNames,
  ownershipPrefix,
  foldersAndDashboards,
  folderReferences,
  datasourceReferences,
  secretPlacement,
  dashboardLint,
  querySyntax,
  alertRules,
  uniqueRuleTitles,
  notificationRules,
  routingRules,
  dashboardRules,
  repeatRules,
];

/** Every rule over the context, one step at a time (a step is a resource of a generator rule, or a whole rule). */
function* steps(
  registry: Registry,
  config: BaseConfig,
  problems: Problem[],
  rules: readonly ValidationRule[],
): Generator<void> {
  for (const rule of rules) {
    const walk = rule.check(createContext(registry, config, problems, rule.name));
    if (walk !== undefined) yield* walk;
    yield;
  }
}

/** Runs every rule over the whole registry and returns all problems, sorted; never stops at the first. */
export function validate(
  registry: Registry,
  config: BaseConfig,
  rules: readonly ValidationRule[] = RULES,
): Problem[] {
  const problems: Problem[] = [];
  for (const _ of steps(registry, config, problems, rules));
  return sortProblems(problems);
}

/** How long validateAsync works before it lets pending I/O run. */
const SLICE_MS = 3;

/**
 * validate, giving the event loop a turn every few milliseconds: publish and drift read Grafana meanwhile, so
 * the answers are handled (and the next reads sent) while the CPU validates. Same problems, same order.
 */
export async function validateAsync(
  registry: Registry,
  config: BaseConfig,
  rules: readonly ValidationRule[] = RULES,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  let sliceStart = performance.now();
  for (const _ of steps(registry, config, problems, rules)) {
    if (performance.now() - sliceStart < SLICE_MS) continue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  }
  return sortProblems(problems);
}
