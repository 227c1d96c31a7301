/**
 * The checks across the content and the files beside it, run with validation by `render`, `validate` and
 * `publish`: the telemetry configurations (configs/alloy, configs/beyla) with the SLOs that rely on them, and every
 * query against the metric catalogue and the Alloy pipeline that feeds it.
 */
import type { BaseConfig } from '../config/base.ts';
import type { Project } from '../project/project.ts';
import type { Registry } from '../project/registry.ts';
import type { Problem } from '../validate/problem.ts';
import { checkMetricCatalogue } from './metric-catalogue.ts';
import { checkTelemetryConfigs, readAlloyConfigs } from './telemetry-configs.ts';

export function crossCheck<C extends BaseConfig>(
  project: Project<C>,
  registry: Registry,
  config: C,
): Problem[] {
  const alloy = readAlloyConfigs(project.root);
  return [...checkTelemetryConfigs(project, config, alloy), ...checkMetricCatalogue(registry, config, alloy)];
}
