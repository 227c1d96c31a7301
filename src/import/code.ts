/**
 * The code an import writes, held as a small tree that can be both printed (TypeScript source) and evaluated (the
 * value that source would produce), so that what is written is exactly what was checked: a panel is written with a
 * kit helper only when evaluating that very call gives back the panel Grafana holds.
 */

export type Code =
  /** A JSON value, printed as a literal. */
  | { readonly kind: 'value'; readonly value: unknown }
  /** `callee(args…).method(args…)…`: a function of the import's table, and builder methods on its result. */
  | {
      readonly kind: 'call';
      readonly callee: string;
      readonly args: readonly Code[];
      readonly chain: readonly { readonly method: string; readonly args: readonly Code[] }[];
    }
  /** An object literal whose fields may hold code. */
  | { readonly kind: 'object'; readonly fields: readonly (readonly [string, Code])[] }
  | { readonly kind: 'array'; readonly items: readonly Code[] }
  /** A TypeScript expression of the Config (`cfg.datasources.prometheus.uid`), with the value it has now. */
  | { readonly kind: 'config'; readonly path: string; readonly value: unknown }
  /** A template literal: text with code in it (`${matchers(cfg.selectors.alloy)}`). */
  | { readonly kind: 'template'; readonly parts: readonly (string | Code)[] };

export const value = (v: unknown): Code => ({ kind: 'value', value: v });

export function call(
  callee: string,
  args: readonly Code[],
  chain: readonly [string, ...Code[]][] = [],
): Code {
  return {
    kind: 'call',
    callee,
    args,
    chain: chain.map(([method, ...rest]) => ({ method, args: rest })),
  };
}

/** An object literal of the defined fields, in the given order. */
export function object(fields: Readonly<Record<string, Code | undefined>>): Code {
  return {
    kind: 'object',
    fields: Object.entries(fields).filter((f): f is [string, Code] => f[1] !== undefined),
  };
}

export const array = (items: readonly Code[]): Code => ({ kind: 'array', items });

/** The functions a call may name, by the name it is printed with. */
export type Functions = Readonly<Record<string, (...args: never[]) => unknown>>;

export function evaluate(code: Code, functions: Functions): unknown {
  switch (code.kind) {
    case 'value':
      return structuredClone(code.value);
    case 'config':
      return structuredClone(code.value);
    case 'template':
      return code.parts.map((p) => (typeof p === 'string' ? p : String(evaluate(p, functions)))).join('');
    case 'array':
      return code.items.map((item) => evaluate(item, functions));
    case 'object':
      return Object.fromEntries(code.fields.map(([k, v]) => [k, evaluate(v, functions)]));
    case 'call': {
      const fn = functions[code.callee] as ((...args: unknown[]) => unknown) | undefined;
      if (fn === undefined) throw new Error(`the import has no function ${code.callee}`);
      let result: unknown = fn(...code.args.map((a) => evaluate(a, functions)));
      for (const link of code.chain) {
        const method = (result as Record<string, unknown>)[link.method];
        if (typeof method !== 'function') throw new Error(`${code.callee}(…) has no method ${link.method}`);
        result = (method as (...args: unknown[]) => unknown).apply(
          result,
          link.args.map((a) => evaluate(a, functions)),
        );
      }
      return result;
    }
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/** The functions a piece of code calls, for its imports. */
export function calledIn(code: Code, into: Set<string> = new Set()): Set<string> {
  switch (code.kind) {
    case 'template':
      for (const p of code.parts) if (typeof p !== 'string') calledIn(p, into);
      break;
    case 'call':
      into.add(code.callee);
      for (const a of code.args) calledIn(a, into);
      for (const link of code.chain) for (const a of link.args) calledIn(a, into);
      break;
    case 'array':
      for (const item of code.items) calledIn(item, into);
      break;
    case 'object':
      for (const [, v] of code.fields) calledIn(v, into);
      break;
    default:
      break;
  }
  return into;
}

/** Whether the code reads the Config (the file then takes `cfg`). */
export function readsConfig(code: Code): boolean {
  switch (code.kind) {
    case 'config':
      return true;
    case 'template':
      return code.parts.some((p) => typeof p !== 'string' && readsConfig(p));
    case 'call':
      return code.args.some(readsConfig) || code.chain.some((l) => l.args.some(readsConfig));
    case 'array':
      return code.items.some(readsConfig);
    case 'object':
      return code.fields.some(([, v]) => readsConfig(v));
    default:
      return false;
  }
}

/**
 * TypeScript source for the code, on one line per construct; the formatter lays it out afterwards. JSON is valid
 * TypeScript, so values are printed as JSON.
 */
export function print(code: Code): string {
  switch (code.kind) {
    case 'value':
      return code.value === undefined ? 'undefined' : JSON.stringify(code.value);
    case 'config':
      return code.path;
    case 'template':
      return `\`${code.parts
        .map((p) =>
          typeof p === 'string'
            ? p.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')
            : `\${${print(p)}}`,
        )
        .join('')}\``;
    case 'array':
      return `[${code.items.map(print).join(', ')}]`;
    case 'object':
      return `{ ${code.fields.map(([k, v]) => `${key(k)}: ${print(v)}`).join(', ')} }`;
    case 'call':
      return `${code.callee}(${code.args.map(print).join(', ')})${code.chain
        .map((l) => `.${l.method}(${l.args.map(print).join(', ')})`)
        .join('')}`;
  }
}

/** The size of the source the code prints to, for the "no panel longer than its JSON" measure. */
export function printedLength(code: Code): number {
  return print(code).length;
}
