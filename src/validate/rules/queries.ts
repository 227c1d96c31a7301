import type { Resource, ResourceOf } from '../../core/resource.ts';
import type { ValidationContext, ValidationRule } from '../context.ts';
import { at, show } from '../context.ts';
import { dashboardQueries } from '../dashboard-queries.ts';
import type { PreparedQuery } from '../query/prepared.ts';
import { preparedQuery } from '../query/prepared.ts';
import type { QueryLanguage } from '../query/parse.ts';
import type { SyntaxError } from '../query/parse.ts';
import { syntaxErrorOf } from '../query/parse.ts';
import type { TypeError } from '../../promql/types.ts';
import { promqlTypeErrors } from '../../promql/types.ts';

// Kept where test/content/grafana-variables.ts imports it from; it lives with the collector.
export { variablePromQL } from '../dashboard-queries.ts';

class Checker {
  private readonly errors = new Map<string, SyntaxError | undefined>();
  private readonly typeErrors = new Map<string, readonly TypeError[]>();

  constructor(
    private readonly context: ValidationContext,
    private readonly types: boolean,
  ) {}

  /** The first syntax error, once per text. */
  private errorOf(language: QueryLanguage, text: string): SyntaxError | undefined {
    const key = `${language}\u0000${text}`;
    if (this.errors.has(key)) return this.errors.get(key);
    const error = syntaxErrorOf(language, text);
    this.errors.set(key, error);
    return error;
  }

  /** The type errors of a PromQL text that parses, once per text. */
  private typeErrorsOf(text: string): readonly TypeError[] {
    let errors = this.typeErrors.get(text);
    if (errors === undefined) {
      errors = promqlTypeErrors(text);
      this.typeErrors.set(text, errors);
    }
    return errors;
  }

  /**
   * Reports an empty query, unknown variables and the first syntax error. A dashboard query comes prepared
   * (macros and variables replaced by stand-ins of the same kind); when a lint rule already found that it parses,
   * it is not parsed again.
   */
  check(
    resource: Resource,
    path: string,
    language: QueryLanguage,
    text: string,
    prepared: PreparedQuery | undefined,
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
    for (const name of prepared?.unknown ?? []) {
      this.context.report(
        resource,
        path,
        `uses $${name}, which is not a variable of this dashboard`,
        `Define the variable or remove $${name} from the query`,
      );
    }
    const after = prepared === undefined ? '' : ' (after replacing $__ macros and template variables)';
    const parsed = prepared?.text ?? text;
    if (prepared?.parses !== true) {
      const error = this.errorOf(language, parsed);
      if (prepared !== undefined) prepared.parses = error === undefined;
      if (error !== undefined) {
        this.context.report(
          resource,
          path,
          `${language} does not parse${after}: error at column ${error.column}${error.near === '' ? ', at the end of the query' : ` near ${show(error.near)}`}`,
          `Fix the expression; check brackets, quotes and operators around that column`,
        );
        return;
      }
    }
    if (language !== 'PromQL' || !this.types) return;
    for (const error of this.typeErrorsOf(parsed)) {
      this.context.report(
        resource,
        path,
        `PromQL type error${after} at column ${error.column} near ${show(error.near)}: ${error.message}; Prometheus refuses the query`,
        typeFix(error.message),
      );
    }
  }
}

/** What to do about one of Prometheus's type errors. */
function typeFix(message: string): string {
  if (/expected type matrix/.test(message))
    return 'Give the function a range vector: a selector with a range, such as foo[5m], or a subquery';
  if (/expected type vector/.test(message))
    return 'Give the function an instant vector: rate() or another function over the range first, or drop the [range]';
  if (/binary expression must contain only scalar and instant vector/.test(message))
    return 'Compare or combine instant vectors: apply rate(), increase() or an *_over_time() function to the range first';
  return 'Fix the expression as the message says (the PromQL documentation lists each function and its argument types)';
}

function checkDashboard(
  checker: Checker,
  context: ValidationContext,
  dashboard: ResourceOf<'Dashboard'>,
): void {
  for (const query of dashboardQueries(context.registry, dashboard)) {
    checker.check(
      dashboard,
      query.path,
      query.language,
      query.text,
      preparedQuery(context.registry, query, dashboard.spec),
    );
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

/**
 * PromQL, LogQL and TraceQL parse, as the data source will see them; with `types`, PromQL's types and function
 * signatures are checked too (the bench measures what that adds).
 */
export function querySyntaxRule(options: { readonly types: boolean }): ValidationRule {
  return {
    name: 'query-syntax',
    *check(context) {
      const checker = new Checker(context, options.types);
      for (const r of context.registry.resources) {
        if (r.kind === 'Dashboard') checkDashboard(checker, context, r);
        else if (r.kind === 'AlertRuleGroup') checkRuleGroup(checker, r);
        yield;
      }
    },
  };
}

export const querySyntax: ValidationRule = querySyntaxRule({ types: true });
