import { field } from '../../core/json.ts';
import type { Resource, ResourceOf } from '../../core/resource.ts';
import type { ValidationContext, ValidationRule } from '../context.ts';
import { at, show } from '../context.ts';
import type { TargetJson } from '../dashboard-walk.ts';
import { panelsOf, variableValues, variablesByName, variablesOf } from '../dashboard-walk.ts';
import { resolveDatasource } from '../datasource-resolution.ts';
import { interpolate } from '../query/interpolate.ts';
import type { QueryLanguage } from '../query/parse.ts';
import { syntaxErrorOf } from '../query/parse.ts';

const LANGUAGE_OF: Readonly<Record<string, QueryLanguage>> = {
  prometheus: 'PromQL',
  loki: 'LogQL',
  tempo: 'TraceQL',
};

class Checker {
  private readonly cache = new Map<string, ReturnType<typeof syntaxErrorOf>>();

  constructor(private readonly context: ValidationContext) {}

  /** Reports an empty query, unknown variables and the first syntax error. */
  check(
    resource: Resource,
    path: string,
    language: QueryLanguage,
    text: string,
    values: ReadonlyMap<string, string> | undefined,
  ): void {
    if (text.trim() === '') {
      this.context.report(
        resource,
        path,
        `${language} query is empty`,
        'Write the query or remove the target',
      );
      return;
    }
    let parsed = text;
    if (values !== undefined) {
      const interpolation = interpolate(text, values);
      for (const name of interpolation.unknown) {
        this.context.report(
          resource,
          path,
          `uses $${name}, which is not a variable of this dashboard`,
          `Define the variable or remove $${name} from the query`,
        );
      }
      parsed = interpolation.text;
    }
    const key = `${language}\u0000${parsed}`;
    let error = this.cache.get(key);
    if (!this.cache.has(key)) {
      error = syntaxErrorOf(language, parsed);
      this.cache.set(key, error);
    }
    if (error !== undefined) {
      const after = values === undefined ? '' : ' (after replacing $__ macros and template variables)';
      this.context.report(
        resource,
        path,
        `${language} does not parse${after}: error at column ${error.column} near ${show(error.near)}`,
        `Fix the expression; check brackets, quotes and operators around that column`,
      );
    }
  }
}

function targetQuery(
  target: TargetJson,
  type: string | undefined,
): { field: 'expr' | 'query'; text: string } | undefined {
  if ((type === 'prometheus' || type === 'loki') && typeof target.expr === 'string') {
    return { field: 'expr', text: target.expr };
  }
  if (type === 'tempo' && (target.queryType === undefined || target.queryType === 'traceql')) {
    return typeof target.query === 'string' ? { field: 'query', text: target.query } : undefined;
  }
  return undefined;
}

/** The PromQL inside a Prometheus variable query: `label_values(<expr>, label)` or `query_result(<expr>)`. */
export function variablePromQL(query: unknown): string | undefined {
  const text = typeof query === 'string' ? query : field(query, 'query');
  if (typeof text !== 'string') return undefined;
  const labelValues = /^\s*label_values\(\s*(.+),\s*\w+\s*\)\s*$/s.exec(text);
  if (labelValues?.[1] !== undefined) return labelValues[1];
  const queryResult = /^\s*query_result\(\s*(.+)\s*\)\s*$/s.exec(text);
  return queryResult?.[1];
}

function checkDashboard(
  checker: Checker,
  context: ValidationContext,
  dashboard: ResourceOf<'Dashboard'>,
): void {
  const values = variableValues(dashboard.spec);
  const variables = variablesByName(dashboard.spec);
  for (const { variable, path } of variablesOf(dashboard.spec)) {
    if (variable.type !== 'query' || variable.datasource === undefined) continue;
    const resolved = resolveDatasource(variable.datasource, context.registry, variables);
    if (!resolved.ok || resolved.type !== 'prometheus') continue;
    const expr = variablePromQL(variable.query);
    if (expr !== undefined) checker.check(dashboard, at(path, 'query'), 'PromQL', expr, values);
  }
  for (const { panel, path } of panelsOf(dashboard.spec)) {
    (panel.targets ?? []).forEach((target, j) => {
      const ref = target.datasource ?? panel.datasource;
      if (ref === undefined) return;
      const resolved = resolveDatasource(ref, context.registry, variables);
      if (!resolved.ok) return; // reported by the data source rule
      const query = targetQuery(target, resolved.type);
      const language = resolved.type === undefined ? undefined : LANGUAGE_OF[resolved.type];
      if (query === undefined || language === undefined) return;
      checker.check(dashboard, at(at(at(path, 'targets'), j), query.field), language, query.text, values);
    });
  }
}

function checkRuleGroup(checker: Checker, group: ResourceOf<'AlertRuleGroup'>): void {
  const language: QueryLanguage = group.origin?.datasourceType === 'loki' ? 'LogQL' : 'PromQL';
  if (group.origin !== undefined) {
    group.origin.group.rules.forEach((rule, i) =>
      checker.check(group, at(at('rules', i), 'expr'), language, rule.expr, undefined),
    );
    return;
  }
  group.spec.rules.forEach((rule, i) => {
    rule.data.forEach((query, k) => {
      const expr = query.model.expr;
      if (typeof expr === 'string') {
        checker.check(group, at(at(at(at('rules', i), 'data'), k), 'model.expr'), language, expr, undefined);
      }
    });
  });
}

/** PromQL, LogQL and TraceQL parse, as the data source will see them. */
export const querySyntax: ValidationRule = {
  name: 'query-syntax',
  check(context) {
    const checker = new Checker(context);
    for (const r of context.registry.resources) {
      if (r.kind === 'Dashboard') checkDashboard(checker, context, r);
      else if (r.kind === 'AlertRuleGroup') checkRuleGroup(checker, r);
    }
  },
};
