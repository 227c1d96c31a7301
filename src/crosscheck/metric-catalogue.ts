/**
 * Every PromQL query of the project against the metric catalogue (the kit's entries and the metrics the Config
 * declares), and the series only some Alloy components emit against the committed Alloy configuration
 * (src/catalogue/check.ts).
 */
import type { AlloyPipeline } from '../catalogue/check.ts';
import { checkCatalogue } from '../catalogue/check.ts';
import { catalogueFor } from '../catalogue/catalogue.ts';
import { collectQueries, recordingRules } from '../catalogue/queries.ts';
import type { BaseConfig } from '../config/base.ts';
import type { Registry } from '../project/registry.ts';
import type { Problem } from '../validate/problem.ts';
import type { AlloyConfigFile } from './telemetry-configs.ts';

export function checkMetricCatalogue(
  registry: Registry,
  config: BaseConfig,
  alloy: readonly AlloyConfigFile[],
): Problem[] {
  const pipelines = alloy.flatMap(({ file, facts }): AlloyPipeline[] =>
    facts === undefined ? [] : [{ file, facts }],
  );
  // A file with problems is reported as such; what it would emit is not guessed from a broken file.
  const complete = pipelines.length === alloy.length;
  return checkCatalogue({
    queries: collectQueries(registry),
    catalogue: catalogueFor(config),
    recorded: recordingRules(registry),
    ...(complete ? { pipelines } : {}),
  });
}
