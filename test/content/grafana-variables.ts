/**
 * What Grafana puts in place of `$__rate_interval` & co and of a dashboard's variables before a query reaches
 * Prometheus, for a Prometheus that scrapes every second: windows that hold several samples at that interval,
 * and each variable's default (a picker's "All", or its first value as Grafana would list it).
 */
import { field } from '../../src/core/json.ts';
import type { DashboardSpec } from '../../src/core/specs.ts';
import { variablesOf } from '../../src/validate/dashboard-walk.ts';
import { variablePromQL } from '../../src/validate/rules/queries.ts';

/**
 * `$__rate_interval` is max(4 × scrape interval, `$__interval` + scrape interval) in Grafana: 4 s at a 1 s scrape.
 * `$__range` is what the test has data for.
 */
export const MACROS: Readonly<Record<string, string>> = {
  __rate_interval: '4s',
  __rate_interval_ms: '4000',
  __interval: '2s',
  __interval_ms: '2000',
  __auto: '2s',
  __range: '30s',
  __range_s: '30',
  __range_ms: '30000',
};

/** Grafana's variable syntaxes: `$name`, `${name}`, `${name:format}`, `[[name]]`. */
const VARIABLE = /\$(\w+)|\[\[(\w+?)(?::\w+)?\]\]|\$\{(\w+)(?:\.[^:^}]+)?(?::[^}]+)?\}/g;

export interface Substitution {
  readonly text: string;
  readonly unknown: readonly string[];
}

export function substitute(text: string, values: ReadonlyMap<string, string>): Substitution {
  const unknown: string[] = [];
  const out = text.replace(VARIABLE, (match: string, plain?: string, bracket?: string, braced?: string) => {
    const name = plain ?? bracket ?? braced ?? '';
    const value = MACROS[name] ?? values.get(name);
    if (value === undefined) {
      unknown.push(name);
      return match;
    }
    return value;
  });
  return { text: out, unknown };
}

function escapeRegex(value: string): string {
  return value.replace(/[\\^$*+?.()|[\]{}]/g, '\\$&');
}

/**
 * The values Grafana would use on first load: a picker with "All" takes its all-value; another takes the first
 * label value Prometheus returns for its series (which `labelValues` asks); lists, constants and intervals their
 * current value. Variables are resolved in order, as later ones may use earlier ones.
 */
export async function defaultValues(
  spec: DashboardSpec,
  labelValues: (label: string, series: string) => Promise<readonly string[]>,
): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  for (const { variable } of variablesOf(spec)) {
    const name = variable.name;
    if (name === undefined || variable.type === 'datasource') continue;
    const raw = variable as { includeAll?: unknown; allValue?: unknown; multi?: unknown };
    if (variable.type === 'query') {
      if (raw.includeAll === true) {
        values.set(name, typeof raw.allValue === 'string' && raw.allValue !== '' ? raw.allValue : '.*');
        continue;
      }
      const series = variablePromQL(variable.query);
      const text = typeof variable.query === 'string' ? variable.query : field(variable.query, 'query');
      const label = typeof text === 'string' ? /,\s*(\w+)\s*\)\s*$/.exec(text)?.[1] : undefined;
      if (series === undefined || label === undefined) continue;
      const first = [...(await labelValues(label, substitute(series, values).text))].sort()[0];
      if (first !== undefined) values.set(name, raw.multi === true ? escapeRegex(first) : first);
      continue;
    }
    const current = variable.current?.value;
    const value = Array.isArray(current) ? current[0] : current;
    if (typeof value === 'string') values.set(name, value);
  }
  return values;
}
