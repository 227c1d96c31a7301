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
import { querySyntax } from './rules/queries.ts';
import { routingRules } from './rules/routing.ts';
import { secretPlacement } from './rules/secrets.ts';
import { foldersAndDashboards, uidFormat, uniqueNames, uniqueUids } from './rules/uids.ts';

/** Every rule, in the order their problems are most useful to read (identity first, content last). */
export const RULES: readonly ValidationRule[] = [
  uidFormat,
  uniqueUids,
  uniqueNames,
  foldersAndDashboards,
  folderReferences,
  datasourceReferences,
  secretPlacement,
  querySyntax,
  alertRules,
  uniqueRuleTitles,
  notificationRules,
  routingRules,
  dashboardRules,
  dashboardLint,
];

/** Runs every rule over the whole registry and returns all problems, sorted; never stops at the first. */
export function validate(
  registry: Registry,
  config: BaseConfig,
  rules: readonly ValidationRule[] = RULES,
): Problem[] {
  const problems: Problem[] = [];
  const context = createContext(registry, config, problems);
  for (const rule of rules) rule.check(context);
  return sortProblems(problems);
}
