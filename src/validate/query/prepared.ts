/**
 * A dashboard query as validation reads it, once for every rule: Grafana's macros and the dashboard's variables
 * replaced by stand-ins of the same kind (a duration by a duration, a variable by an identifier), chosen so that the
 * parse tree still tells which was which: `$__rate_interval` and `$__range` by durations nobody writes by hand, a
 * query variable by a placeholder naming it (so a lint rule can tell a matcher uses it), the other variables by
 * their representative value. The lint rules analyse this text and the query-syntax rule parses it: one parse
 * per query, the answer shared through preparedQuery.
 */
import type { ResourceOf } from '../../core/resource.ts';
import type { Registry } from '../../project/registry.ts';
import type { DashboardQuery } from '../dashboard-queries.ts';
import { variableValues, variablesOf } from '../dashboard-walk.ts';
import type { Interpolation } from './interpolate.ts';
import { interpolate } from './interpolate.ts';

type DashboardSpec = ResourceOf<'Dashboard'>['spec'];

export const RATE_INTERVAL = '1234567ms';
export const RANGE = '7654321ms';

export function placeholder(name: string): string {
  return `__var_${name}__`;
}

/** Representative values with every query variable as its placeholder; once per dashboard spec. */
const preparedValues = new WeakMap<DashboardSpec, ReadonlyMap<string, string>>();

function valuesFor(spec: DashboardSpec): ReadonlyMap<string, string> {
  let values = preparedValues.get(spec);
  if (values === undefined) {
    const map = new Map(variableValues(spec));
    for (const { variable } of variablesOf(spec)) {
      if (variable.type === 'query' && variable.name !== undefined)
        map.set(variable.name, placeholder(variable.name));
    }
    values = map;
    preparedValues.set(spec, values);
  }
  return values;
}

/** The query with macros and variables replaced (see the top of this file), and the variables it uses unknown. */
export function prepareQuery(text: string, spec: DashboardSpec): Interpolation {
  const macros = text
    .replace(/\$\{__rate_interval\}|\$__rate_interval\b/g, RATE_INTERVAL)
    .replace(/\$\{__range\}|\$__range\b/g, RANGE);
  return interpolate(macros, valuesFor(spec));
}

/** A dashboard query prepared for parsing, and whether it parses once a rule has found out. */
export interface PreparedQuery extends Interpolation {
  /**
   * Whether the text parses, set by the first rule that parsed it (the lint rules analyse PromQL panel queries,
   * the query-syntax rule then needs no second parse). Only the answer is kept, never the parse.
   */
  parses: boolean | undefined;
}

// One plain Map per validation run (its registry): tens of thousands of queries, which a WeakMap of their own
// would make every garbage collection walk.
const prepared = new WeakMap<Registry, Map<DashboardQuery, PreparedQuery>>();

/** The query prepared (prepareQuery), once per collected query whatever the number of rules asking. */
export function preparedQuery(registry: Registry, query: DashboardQuery, spec: DashboardSpec): PreparedQuery {
  let byQuery = prepared.get(registry);
  if (byQuery === undefined) {
    byQuery = new Map();
    prepared.set(registry, byQuery);
  }
  let entry = byQuery.get(query);
  if (entry === undefined) {
    const { text, unknown } = prepareQuery(query.text, spec);
    entry = { text, unknown, parses: undefined };
    byQuery.set(query, entry);
  }
  return entry;
}
