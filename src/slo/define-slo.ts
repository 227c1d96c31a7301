/**
 * `defineSlo`: one definition of a service level objective becomes its rule group (recording rules and
 * burn-rate alerts, Prometheus and Grafana forms). `defineSloDashboards` turns a list of them into one
 * error-budget dashboard per service and an overview of every SLO.
 */
import { grafanaRecordingRules } from '../config/base.ts';
import type { Definition, FromConfig } from '../define/definition.ts';
import { makeDefinition, resolveInput } from '../define/definition.ts';
import type { SloInput } from './input.ts';
import type { Slo } from './model.ts';
import { ruleGroupUid } from './naming.ts';
import { SloDefinitionError, sloProblems } from './problems.ts';
import { resolveSlo } from './resolve.ts';
import { sloRuleGroupResource } from './rule-group.ts';

/** The SLO model of an input, or the error listing every problem of it (attributed to `source`). */
export function buildSlo(input: SloInput, source: string): Slo {
  const { slo, issues } = resolveSlo(input);
  if (slo === undefined) {
    throw new SloDefinitionError(sloProblems(source, `AlertRuleGroup/${ruleGroupUid(input.name)}`, issues));
  }
  return slo;
}

/**
 * The inputs of the definitions `defineSlo` made, for the dashboards; keyed by the build function, which
 * `withSource` copies along with the definition.
 */
const INPUTS = new WeakMap<object, (config: unknown) => SloInput>();

/** The SLO input a `defineSlo` definition was made from, for a Config; undefined for other definitions. */
export function sloInputOf<C>(definition: Definition<C>, config: C): SloInput | undefined {
  return INPUTS.get(definition.build)?.(config);
}

/** A service level objective: its recording rules and multi-window multi-burn-rate alerts. */
export function defineSlo<C>(input: FromConfig<C, SloInput>): Definition<C> {
  const definition = makeDefinition<C>('AlertRuleGroup', ({ config, source }) => [
    sloRuleGroupResource(
      buildSlo(resolveInput(input, config), source),
      source,
      grafanaRecordingRules(config),
    ),
  ]);
  INPUTS.set(definition.build, (config) => resolveInput(input, config as C));
  return definition;
}
