/**
 * References in expressions: the dotted identifier chains (`loki.write.default.receiver`, `sys.env`) an
 * expression names, each with the position of every part.
 */
import type { CallExpression, Expression, Position } from './ast.ts';

export interface Reference {
  /** `['prometheus', 'remote_write', 'default', 'receiver']`. */
  readonly parts: readonly string[];
  /** Where each part starts. */
  readonly partStarts: readonly Position[];
  readonly start: Position;
  readonly end: Position;
  /** The call when the chain is the callee of one (`sys.env("X")`). */
  readonly call?: CallExpression;
}

/** Splits `a.b.c` into its parts when the chain is made of identifiers only; undefined otherwise. */
function chainOf(expr: Expression): { parts: string[]; starts: Position[]; base: Expression } {
  const parts: string[] = [];
  const starts: Position[] = [];
  let current: Expression = expr;
  while (current.kind === 'access') {
    parts.unshift(current.name);
    starts.unshift(current.nameStart);
    current = current.object;
  }
  return { parts, starts, base: current };
}

/** Every reference in `expr`, in source order. */
export function referencesIn(expr: Expression): Reference[] {
  const out: Reference[] = [];
  const visit = (e: Expression, call?: CallExpression): void => {
    switch (e.kind) {
      case 'identifier':
      case 'access': {
        const { parts, starts, base } = chainOf(e);
        if (base.kind === 'identifier') {
          out.push({
            parts: [base.name, ...parts],
            partStarts: [base.start, ...starts],
            start: base.start,
            end: e.end,
            ...(call === undefined ? {} : { call }),
          });
        } else visit(base);
        return;
      }
      case 'index':
        visit(e.object);
        visit(e.index);
        return;
      case 'call':
        visit(e.callee, e);
        for (const arg of e.args) visit(arg);
        return;
      case 'array':
        for (const element of e.elements) visit(element);
        return;
      case 'object':
        for (const field of e.fields) visit(field.value);
        return;
      case 'unary':
        visit(e.operand);
        return;
      case 'binary':
        visit(e.left);
        visit(e.right);
        return;
      case 'paren':
        visit(e.inner);
        return;
      case 'string':
      case 'number':
      case 'bool':
      case 'null':
        return;
    }
  };
  visit(expr);
  return out;
}
