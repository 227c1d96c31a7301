/**
 * Prints an expression back as Alloy source on one line, for messages and facts: `sys.env("LOKI_TENANT")`,
 * `[prometheus.remote_write.default.receiver]`. Spacing is canonical, not the file's.
 */
import type { Expression } from './ast.ts';
import { isIdentifier } from './parser.ts';

function quote(value: string): string {
  return JSON.stringify(value);
}

export function printExpression(expr: Expression): string {
  switch (expr.kind) {
    case 'string':
      return expr.quote === '`' ? `\`${expr.value}\`` : quote(expr.value);
    case 'number':
      return expr.raw;
    case 'bool':
      return String(expr.value);
    case 'null':
      return 'null';
    case 'array':
      return `[${expr.elements.map(printExpression).join(', ')}]`;
    case 'object':
      return expr.fields.length === 0
        ? '{}'
        : `{ ${expr.fields
            .map(
              (f) =>
                `${f.quoted || !isIdentifier(f.name) ? quote(f.name) : f.name} = ${printExpression(f.value)}`,
            )
            .join(', ')} }`;
    case 'identifier':
      return expr.name;
    case 'access':
      return `${printExpression(expr.object)}.${expr.name}`;
    case 'index':
      return `${printExpression(expr.object)}[${printExpression(expr.index)}]`;
    case 'call':
      return `${printExpression(expr.callee)}(${expr.args.map(printExpression).join(', ')})`;
    case 'unary':
      return `${expr.operator}${printExpression(expr.operand)}`;
    case 'binary':
      return `${printExpression(expr.left)} ${expr.operator} ${printExpression(expr.right)}`;
    case 'paren':
      return `(${printExpression(expr.inner)})`;
  }
}
