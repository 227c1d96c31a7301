/**
 * Template variables Grafana cannot resolve, and panels it cannot repeat: a variable whose query (or data source,
 * or regex) names itself, directly or through other variables, is a circular dependency Grafana's templating
 * refuses (`Circular dependency in dashboard variables`, public/app/features/variables/state/actions.ts, the
 * dependency graph of `createGraph`); a panel or row repeated by a variable the dashboard does not define, or
 * by one that depends on itself, is never repeated. Errors for every dashboard, imported ones included: Grafana
 * would not show them as written.
 */
import type { ResourceOf } from '../../core/resource.ts';
import type { ValidationContext, ValidationRule } from '../context.ts';
import { at } from '../context.ts';
import { panelLabel, panelsOf, variablesOf } from '../dashboard-walk.ts';

const REFERENCE = /\$(\w+)|\[\[(\w+?)(?::\w+)?\]\]|\$\{(\w+)(?:\.[^:^}]+)?(?::[^}]+)?\}/g;

/** The variable names a value refers to, at any depth. */
function referencesIn(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') {
    for (const m of value.matchAll(REFERENCE)) {
      const name = m[1] ?? m[2] ?? m[3];
      if (name !== undefined && !name.startsWith('__') && !/^\d+$/.test(name)) into.add(name);
    }
  } else if (Array.isArray(value)) {
    for (const item of value) referencesIn(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) referencesIn(v, into);
  }
  return into;
}

/** Variables on a cycle of the dependency graph, each with the cycle as found (`a → b → a`). */
function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const start of graph.keys()) {
    const stack: { name: string; path: string[] }[] = [{ name: start, path: [start] }];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const { name, path } = stack.pop() ?? { name: '', path: [] };
      for (const next of graph.get(name) ?? []) {
        if (next === start) {
          if (!out.has(start)) out.set(start, [...path, start]);
          continue;
        }
        if (seen.has(next) || !graph.has(next)) continue;
        seen.add(next);
        stack.push({ name: next, path: [...path, next] });
      }
    }
  }
  return out;
}

function checkDashboard(context: ValidationContext, dashboard: ResourceOf<'Dashboard'>): void {
  const variables = variablesOf(dashboard.spec);
  const graph = new Map<string, Set<string>>();
  for (const { variable } of variables) {
    if (variable.name === undefined) continue;
    const {
      current: _current,
      options: _options,
      name: _name,
      ...definition
    } = variable as Record<string, unknown>;
    graph.set(variable.name, referencesIn(definition, new Set()));
  }
  const circular = cycles(graph);
  for (const { variable, path } of variables) {
    const cycle = variable.name === undefined ? undefined : circular.get(variable.name);
    if (cycle === undefined) continue;
    context.report(
      dashboard,
      path,
      `variable $${variable.name ?? ''} depends on itself (${cycle.map((n) => `$${n}`).join(' → ')}): Grafana refuses a circular dependency between variables`,
      'Make one of them stop referring to the next (a fixed query or data source)',
    );
  }
  for (const visit of panelsOf(dashboard.spec)) {
    const repeat: unknown = (visit.panel as { repeat?: unknown }).repeat;
    if (typeof repeat !== 'string' || repeat === '') continue;
    const kind = visit.panel.type === 'row' ? 'row' : panelLabel(visit);
    if (!graph.has(repeat))
      context.report(
        dashboard,
        at(visit.path, 'repeat'),
        `${kind} repeats by $${repeat}, which is not a variable of this dashboard: Grafana never repeats it`,
        `Define $${repeat}, or repeat by one of: ${[...graph.keys()].map((n) => `$${n}`).join(', ') || 'none is defined'}`,
      );
    else if (circular.has(repeat))
      context.report(
        dashboard,
        at(visit.path, 'repeat'),
        `${kind} repeats by $${repeat}, which depends on itself: Grafana cannot resolve its values, so it never repeats`,
        'Break the circular dependency between the variables',
      );
  }
}

export const repeatRules: ValidationRule = {
  name: 'variables-and-repeats',
  *check(context) {
    for (const dashboard of context.registry.byKind('Dashboard')) {
      checkDashboard(context, dashboard);
      yield;
    }
  },
};
