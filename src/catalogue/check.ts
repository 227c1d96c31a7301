/**
 * The catalogue check: every metric a PromQL query reads is in the catalogue (or recorded by a rule of the
 * repository), and every label a selector matches is one the metric carries. Findings read like problems:
 * `<file> <Kind/uid> <path>: <what>`.
 */
import { refOf } from '../core/resource.ts';
import { variableValues } from '../validate/dashboard-walk.ts';
import type { Catalogue } from './catalogue.ts';
import { selectorHint } from './components.ts';
import { SLO_RECORDING_RULES } from './metrics.ts';
import { analyzeQuery, namesOfSelector } from './names.ts';
import type { CollectedQuery } from './queries.ts';

export interface CatalogueFinding {
  readonly where: string;
  readonly message: string;
}

/** Representative values of the query's dashboard variables (none outside dashboards). */
export function valuesFor(query: CollectedQuery): ReadonlyMap<string, string> {
  return query.resource.kind === 'Dashboard' ? variableValues(query.resource.spec) : new Map();
}

function where(query: CollectedQuery): string {
  return `${query.resource.source} ${refOf(query.resource)} ${query.path}`;
}

/** Whether a recording-rule name is defined: recorded by a rule of the registry, or one of the SLO names. */
function recordedName(name: string, recorded: ReadonlyMap<string, readonly string[]>): boolean {
  return recorded.has(name) || SLO_RECORDING_RULES.includes(name);
}

export function checkCatalogue(
  queries: readonly CollectedQuery[],
  catalogue: Catalogue,
  recorded: ReadonlyMap<string, readonly string[]>,
): CatalogueFinding[] {
  const findings: CatalogueFinding[] = [];
  for (const query of queries) {
    if (query.language !== 'PromQL') continue;
    const analysis = analyzeQuery(query.text, valuesFor(query));
    if (analysis === undefined) {
      findings.push({ where: where(query), message: `PromQL does not parse: ${query.text}` });
      continue;
    }
    for (const selector of analysis.selectors) {
      const { names, regex } = namesOfSelector(selector);
      if (regex !== undefined && catalogue.matching(regex).length === 0) {
        findings.push({
          where: where(query),
          message: `__name__=~"${regex}" matches no metric of the catalogue`,
        });
      }
      if (names.length === 0 && regex === undefined) {
        findings.push({
          where: where(query),
          message: 'a selector names no metric; name one so it can be checked',
        });
      }
      for (const name of names) {
        if (name.includes(':')) {
          if (!recordedName(name, recorded)) {
            findings.push({ where: where(query), message: `reads ${name}, which no recording rule records` });
          }
          continue;
        }
        const resolved = catalogue.resolve(name, selectorHint(selector.matchers));
        if (resolved === undefined) {
          findings.push({
            where: where(query),
            message: `reads ${name}, which is not in the metric catalogue`,
          });
          continue;
        }
        if (resolved.entry.openLabels === true) continue;
        for (const m of selector.matchers) {
          if (m.label !== '__name__' && !resolved.labels.has(m.label)) {
            findings.push({
              where: where(query),
              message: `matches label ${m.label} on ${name}, which the catalogue says it does not carry (${resolved.entry.versions})`,
            });
          }
        }
      }
    }
  }
  const slo = [...recorded.keys()].filter((name) => name.startsWith('slo:'));
  if (slo.length > 0) {
    for (const name of SLO_RECORDING_RULES) {
      if (!recorded.has(name)) {
        findings.push({
          where: 'src/catalogue/metrics.ts SLO_RECORDING_RULES',
          message: `${name} is read by dashboards but the SLO rules record only: ${slo.sort().join(', ')}`,
        });
      }
    }
  }
  return findings;
}
