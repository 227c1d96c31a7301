/**
 * A small evaluator for literal values: strings, numbers, bools, null, and arrays and objects of them
 * (parentheses and a leading `-` on a number are allowed). Anything else (a reference, a call, an operator) is
 * an expression whose value is only known when Alloy runs; it is described by its source text, the
 * references it makes and the environment variables it reads.
 */
import type { Expression, Position } from './ast.ts';
import { printExpression } from './print.ts';
import { referencesIn } from './references.ts';
import { ENV_FUNCTIONS } from './stdlib.ts';

export type AlloyValue =
  string | number | boolean | null | readonly AlloyValue[] | { readonly [key: string]: AlloyValue };

export type LiteralResult =
  | { readonly literal: true; readonly value: AlloyValue }
  /** `at` is the first part that is not literal. */
  | { readonly literal: false; readonly at: Expression };

export function evaluateLiteral(expr: Expression): LiteralResult {
  switch (expr.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return { literal: true, value: expr.value };
    case 'null':
      return { literal: true, value: null };
    case 'paren':
      return evaluateLiteral(expr.inner);
    case 'unary': {
      if (expr.operator !== '-') return { literal: false, at: expr };
      const inner = evaluateLiteral(expr.operand);
      if (!inner.literal) return inner;
      return typeof inner.value === 'number'
        ? { literal: true, value: -inner.value }
        : { literal: false, at: expr };
    }
    case 'array': {
      const values: AlloyValue[] = [];
      for (const element of expr.elements) {
        const result = evaluateLiteral(element);
        if (!result.literal) return result;
        values.push(result.value);
      }
      return { literal: true, value: values };
    }
    case 'object': {
      const value: Record<string, AlloyValue> = {};
      for (const field of expr.fields) {
        const result = evaluateLiteral(field.value);
        if (!result.literal) return result;
        value[field.name] = result.value;
      }
      return { literal: true, value };
    }
    default:
      return { literal: false, at: expr };
  }
}

/** Names of the environment variables an expression reads with `sys.env("NAME")` (literal names only). */
export function envVariablesIn(expr: Expression): string[] {
  const names: string[] = [];
  for (const ref of referencesIn(expr)) {
    const arg = ref.call?.args[0];
    if (ENV_FUNCTIONS.includes(ref.parts.join('.')) && arg?.kind === 'string') names.push(arg.value);
  }
  return names;
}

/** An attribute's value: known now (literal) or only when Alloy runs (expression). */
export type AttributeValue =
  | { readonly kind: 'literal'; readonly value: AlloyValue; readonly at: Position }
  | {
      readonly kind: 'expression';
      /** The expression as Alloy source, e.g. `coalesce(sys.env("LOKI_TENANT"), "stack")`. */
      readonly text: string;
      /** Dotted references it makes, stdlib calls included: `sys.env`, `loki.write.default.receiver`. */
      readonly references: readonly string[];
      /** Environment variables it reads. */
      readonly env: readonly string[];
      readonly at: Position;
    };

export function describeValue(expr: Expression): AttributeValue {
  const result = evaluateLiteral(expr);
  if (result.literal) return { kind: 'literal', value: result.value, at: expr.start };
  return {
    kind: 'expression',
    text: printExpression(expr),
    references: referencesIn(expr).map((r) => r.parts.join('.')),
    env: envVariablesIn(expr),
    at: expr.start,
  };
}
