/**
 * The catalogue check, run by `render`, `validate` and `publish`: every metric a PromQL query reads is in the
 * catalogue (the kit's, and the metrics the Config declares) or recorded by a rule of the repository; every label
 * a selector matches is one the metric carries in every version the catalogue names; and a series only some Alloy
 * components emit is read only when the committed Alloy configuration holds such a component (and routes the
 * signal through it). Each finding is a problem naming the file, the resource, the field, and what to do.
 */
import type { AlloyFacts } from '../alloy/facts.ts';
import { closest } from '../core/did-you-mean.ts';
import { refOf } from '../core/resource.ts';
import { variableValues } from '../validate/dashboard-walk.ts';
import type { Problem } from '../validate/problem.ts';
import type { Catalogue } from './catalogue.ts';
import { selectorHint } from './components.ts';
import { SLO_RECORDING_RULES } from './metrics.ts';
import { analyzeQuery, namesOfSelector } from './names.ts';
import type { CollectedQuery } from './queries.ts';
import type { AlloyProducer } from './types.ts';

/** Representative values of the query's dashboard variables (none outside dashboards). */
export function valuesFor(query: CollectedQuery): ReadonlyMap<string, string> {
  return query.resource.kind === 'Dashboard' ? variableValues(query.resource.spec) : new Map();
}

/** A committed Alloy configuration file and what it holds. */
export interface AlloyPipeline {
  /** Relative to the repository: `configs/alloy/config.alloy`. */
  readonly file: string;
  readonly facts: AlloyFacts;
}

export interface CatalogueCheckInput {
  readonly queries: readonly CollectedQuery[];
  readonly catalogue: Catalogue;
  /** Recording rules of the repository: recorded name to expressions. */
  readonly recorded: ReadonlyMap<string, readonly string[]>;
  /** The committed Alloy configurations; none means no check of what Alloy emits. */
  readonly pipelines?: readonly AlloyPipeline[];
}

/** Whether a recording-rule name is defined: recorded by a rule of the registry, or one of the SLO names. */
function recordedName(name: string, recorded: ReadonlyMap<string, readonly string[]>): boolean {
  return recorded.has(name) || SLO_RECORDING_RULES.includes(name);
}

function matchesComponent(pattern: string, name: string): boolean {
  return pattern.endsWith('.*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/** Whether a component of the pipelines emits what the producer says. */
function emitted(pipelines: readonly AlloyPipeline[], producer: AlloyProducer): boolean {
  return pipelines.some(({ facts }) =>
    facts.components.some(
      (component) =>
        producer.components.some((p) => matchesComponent(p, component.name)) &&
        !(producer.except ?? []).includes(component.name) &&
        (producer.signal === undefined ||
          facts.routes.some(
            (r) => r.signal === producer.signal && (r.from === component.id || r.to === component.id),
          )),
    ),
  );
}

function describeProducer(producer: AlloyProducer): string {
  const names = producer.components.join(', ');
  const except = producer.except === undefined ? '' : ` (but ${producer.except.join(', ')})`;
  const signal = producer.signal === undefined ? '' : ` that handles ${producer.signal}`;
  return `${names}${except}${signal}`;
}

/** What a query's series would be checked as: the union of series names and recording rules, for suggestions. */
function knownNames(catalogue: Catalogue, recorded: ReadonlyMap<string, readonly string[]>): string[] {
  return [...catalogue.series(), ...recorded.keys(), ...SLO_RECORDING_RULES];
}

export function checkCatalogue(input: CatalogueCheckInput): Problem[] {
  const { queries, catalogue, recorded, pipelines = [] } = input;
  const problems: Problem[] = [];
  let known: string[] | undefined;
  const suggest = (name: string): string[] => closest(name, (known ??= knownNames(catalogue, recorded)));
  const producerReported = new Set<string>();
  for (const query of queries) {
    if (query.language !== 'PromQL') continue;
    const report = (problem: string, fix: string): void => {
      problems.push({
        file: query.resource.source,
        ref: refOf(query.resource),
        path: query.path,
        problem,
        fix,
        rule: 'metric-catalogue',
      });
    };
    const analysis = analyzeQuery(query.text, valuesFor(query));
    // Syntax errors are reported by validation's query-syntax rule.
    if (analysis === undefined) continue;
    for (const selector of analysis.selectors) {
      const { names, regex } = namesOfSelector(selector);
      if (regex !== undefined && catalogue.matching(regex).length === 0)
        report(
          `__name__=~"${regex}" matches no metric of the metric catalogue`,
          'Name the metrics the components emit (the catalogue lists them), or declare yours in the Config’s catalogue.metrics',
        );
      if (names.length === 0 && regex === undefined)
        report('a selector names no metric, so what it reads cannot be checked', 'Name the metric it reads');
      for (const name of names) {
        if (name.includes(':')) {
          if (!recordedName(name, recorded)) {
            const near = suggest(name);
            report(
              `reads ${name}, which no recording rule of the repository records`,
              near.length > 0
                ? `Read a recorded name (closest: ${near.join(', ')}) or add the rule that records it`
                : 'Add the rule that records it, or read the metric it would record',
            );
          }
          continue;
        }
        const resolved = catalogue.resolve(name, selectorHint(selector.matchers));
        if (resolved === undefined) {
          const near = suggest(name);
          report(
            `reads ${name}, which is not in the metric catalogue: no component of the stack is known to emit it`,
            `${near.length > 0 ? `Closest known: ${near.join(', ')}. ` : ''}If your own code emits it, declare it in stack.config.ts catalogue.metrics with its type, labels and source`,
          );
          continue;
        }
        const entry = resolved.entry;
        if (entry.openLabels !== true) {
          for (const m of selector.matchers) {
            if (m.label === '__name__' || resolved.labels.has(m.label)) continue;
            const labels = [...resolved.labels].filter((l) => !['job', 'instance', 'cluster'].includes(l));
            report(
              `matches label ${m.label} on ${name}, which does not carry it in every version the catalogue names (${entry.versions})`,
              `Match one of its labels (${labels.join(', ') || 'it has none but job, instance and cluster'})${entry.component === 'declared' ? ', or add the label to its declaration in stack.config.ts' : ''}`,
            );
          }
        }
        const producer = entry.producedBy;
        if (producer === undefined || pipelines.length === 0 || entry.component !== 'alloy') continue;
        if (emitted(pipelines, producer)) continue;
        const key = `${query.resource.source}\u0000${refOf(query.resource)}\u0000${query.path}\u0000${name}`;
        if (producerReported.has(key)) continue;
        producerReported.add(key);
        const files = pipelines.map((p) => p.file).join(', ');
        report(
          `reads ${name}, which only ${describeProducer(producer)} emits (${producer.why}); ${files} has none, so the series never exists`,
          producer.signal === undefined
            ? `Read a series the pipeline's components emit, or add such a component to ${files}`
            : `Read a series the pipeline's components emit, or route ${producer.signal} through such a component in ${files}`,
        );
      }
    }
  }
  const slo = [...recorded.keys()].filter((name) => name.startsWith('slo:'));
  if (slo.length > 0) {
    for (const name of SLO_RECORDING_RULES) {
      if (!recorded.has(name))
        problems.push({
          file: 'src/catalogue/metrics.ts',
          path: 'SLO_RECORDING_RULES',
          problem: `${name} is read by the SLO dashboards but the SLO rules record only: ${slo.sort().join(', ')}`,
          fix: 'Record it, or read a name the SLO rules record',
        });
    }
  }
  return problems;
}
