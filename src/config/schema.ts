import { parseDuration } from '../core/duration.ts';
import type { ConfigProblem } from './check-config.ts';

/**
 * A small run-time schema for a project's own Config fields (TypeScript's types are gone at run time, and a
 * Config is easily cast or written in plain JavaScript): each check reports at the field's path.
 */
export type ConfigSchema = (value: unknown, path: string, out: ConfigProblem[]) => void;

function shown(value: unknown): string {
  const text = value instanceof RegExp ? String(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp);
}

const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

function expect(what: string, fix: string, test: (value: unknown) => boolean): ConfigSchema {
  return (value, path, out) => {
    if (!test(value)) out.push({ path, problem: `must be ${what}, not ${shown(value)}`, fix });
  };
}

/** The checks made by `schema.optional`: an object may leave their field out. */
const OPTIONAL = new WeakSet<ConfigSchema>();

function isOptional(check: ConfigSchema): boolean {
  return OPTIONAL.has(check);
}

export const schema = {
  string: (): ConfigSchema => expect('text', 'Write it in quotes', (v) => typeof v === 'string'),
  number: (): ConfigSchema =>
    expect('a number', 'Write a number, without quotes', (v) => typeof v === 'number' && Number.isFinite(v)),
  boolean: (): ConfigSchema => expect('true or false', 'Write true or false', (v) => typeof v === 'boolean'),
  duration: (): ConfigSchema =>
    expect(
      'a duration',
      'Write a duration such as 30s, 5m or 28d',
      (v) => typeof v === 'string' && parseDuration(v) !== undefined,
    ),
  /** One of these values. */
  oneOf: (values: readonly string[]): ConfigSchema =>
    expect(
      `one of ${values.join(', ')}`,
      `Use one of: ${values.join(', ')}`,
      (v) => typeof v === 'string' && values.includes(v),
    ),
  /** Text of this form (`what` says which, as in "a time of day HH:MM"). */
  matches: (pattern: RegExp, what: string): ConfigSchema =>
    expect(what, `Write ${what}`, (v) => typeof v === 'string' && pattern.test(v)),
  /** Anything: a field whose shape a later check (or the SDK) looks at. */
  any: (): ConfigSchema => () => undefined,
  optional: (inner: ConfigSchema): ConfigSchema => {
    const check: ConfigSchema = (value, path, out) => {
      if (value !== undefined) inner(value, path, out);
    };
    OPTIONAL.add(check);
    return check;
  },
  list:
    (item: ConfigSchema): ConfigSchema =>
    (value, path, out) => {
      if (!Array.isArray(value)) {
        out.push({
          path,
          problem: `must be a list, not ${shown(value)}`,
          fix: 'Write [ … ], one element per value',
        });
        return;
      }
      value.forEach((v, i) => item(v, at(path, i), out));
    },
  record:
    (item: ConfigSchema): ConfigSchema =>
    (value, path, out) => {
      if (!isRecord(value)) {
        out.push({ path, problem: `must be a table, not ${shown(value)}`, fix: 'Write { name: value, … }' });
        return;
      }
      for (const [k, v] of Object.entries(value)) item(v, at(path, k), out);
    },
  /** An object with these fields; other fields are problems (a typo in a field name), unless `open`. */
  object:
    (
      fields: Readonly<Record<string, ConfigSchema>>,
      options: { readonly open?: boolean } = {},
    ): ConfigSchema =>
    (value, path, out) => {
      if (!isRecord(value)) {
        out.push({
          path,
          problem: `must be an object, not ${shown(value)}`,
          fix: 'Write { field: value, … }',
        });
        return;
      }
      for (const [k, check] of Object.entries(fields)) {
        if (!(k in value) && !isOptional(check)) {
          out.push({ path: at(path, k), problem: 'is missing', fix: 'Give it a value' });
          continue;
        }
        check(value[k], at(path, k), out);
      }
      if (options.open === true) return;
      for (const k of Object.keys(value))
        if (!(k in fields))
          out.push({
            path: at(path, k),
            problem: 'is not a field of the Config',
            fix: `Check its name; the fields here are ${Object.keys(fields).join(', ')}`,
          });
    },
};
