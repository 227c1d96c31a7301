/**
 * What an import can write as a reference to the Config instead of a literal: a data source uid the Config names
 * (`cfg.datasources.prometheus.uid`) and a folder uid it names (`cfg.folders.services.uid`). Found by value in the
 * resolved Config: every `<group>.<name>.uid` under `datasources` and `folders`. A uid the Config does not name
 * stays literal.
 */
import type { Selector } from '../config/selector.ts';
import { matchers } from '../config/selector.ts';
import type { Code } from './code.ts';

export interface ConfigRefs {
  /** `cfg.datasources.<name>.uid` for a data source uid the Config names. */
  readonly datasource: (uid: string) => string | undefined;
  /** `cfg.folders.<name>.uid` for a folder uid the Config names. */
  readonly folder: (uid: string) => string | undefined;
  /**
   * The label selectors of the Config, as `matchers()` writes them (`job="alloy"`), with the expression that gives
   * them (`cfg.selectors.alloy`) and the selector itself; longest first, so that a selector containing another wins.
   */
  readonly selectors: readonly { readonly text: string; readonly path: string; readonly value: unknown }[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function uidsUnder(config: unknown, group: string): Map<string, string> {
  const out = new Map<string, string>();
  const section = isRecord(config) ? config[group] : undefined;
  if (!isRecord(section)) return out;
  for (const [name, entry] of Object.entries(section)) {
    const uid = isRecord(entry) ? entry.uid : undefined;
    if (typeof uid !== 'string' || out.has(uid)) continue;
    const member = IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
    out.set(uid, `cfg.${group}${member}.uid`);
  }
  return out;
}

/** Every `selectors.<name>` of the Config that is a selector, as matchers text. */
function selectorsOf(config: unknown): ConfigRefs['selectors'] {
  const section = isRecord(config) ? config.selectors : undefined;
  if (!isRecord(section)) return [];
  const out: { text: string; path: string; value: unknown }[] = [];
  for (const [name, selector] of Object.entries(section)) {
    if (!isRecord(selector) || !IDENTIFIER.test(name)) continue;
    let text: string;
    try {
      text = matchers(selector as Selector);
    } catch {
      continue;
    }
    if (text !== '') out.push({ text, path: `cfg.selectors.${name}`, value: selector });
  }
  return out.sort((a, b) => b.text.length - a.text.length || (a.path < b.path ? -1 : 1));
}

export function configRefsOf(config: unknown): ConfigRefs {
  const datasources = uidsUnder(config, 'datasources');
  const folders = uidsUnder(config, 'folders');
  return {
    datasource: (uid) => datasources.get(uid),
    folder: (uid) => folders.get(uid),
    selectors: selectorsOf(config),
  };
}

export const NO_CONFIG_REFS: ConfigRefs = {
  datasource: () => undefined,
  folder: () => undefined,
  selectors: [],
};

/**
 * A query as code: where the matchers of a Config selector open a selector (`{job="alloy"` followed by `}` or
 * `,`), they are written as `${matchers(cfg.selectors.alloy)}`, as content written here composes them; the query
 * stays a plain string where none does.
 */
export function queryCode(text: string, refs: ConfigRefs): Code {
  const parts: (string | Code)[] = [];
  let rest = text;
  let found = false;
  for (;;) {
    let best: { at: number; text: string; path: string; value: unknown } | undefined;
    for (const s of refs.selectors) {
      let from = 0;
      for (;;) {
        const at = rest.indexOf(`{${s.text}`, from);
        if (at < 0) break;
        const after = rest[at + 1 + s.text.length];
        if (after === '}' || after === ',') {
          if (best === undefined || at < best.at) best = { at, ...s };
          break;
        }
        from = at + 1;
      }
    }
    if (best === undefined) break;
    found = true;
    parts.push(rest.slice(0, best.at + 1));
    parts.push({
      kind: 'call',
      callee: 'matchers',
      args: [{ kind: 'config', path: best.path, value: best.value }],
      chain: [],
    });
    rest = rest.slice(best.at + 1 + best.text.length);
  }
  if (!found) return { kind: 'value', value: text };
  parts.push(rest);
  return { kind: 'template', parts: parts.filter((p) => p !== '') };
}

/**
 * A JSON value as code, every data source reference (`datasource: { type, uid }`, and the `datasourceUid` fields of
 * links and correlations) whose uid the Config names written as the Config's expression.
 */
export function jsonCode(value: unknown, refs: ConfigRefs): Code {
  return withRefs(value, refs, undefined) ?? { kind: 'value', value };
}

/** The code of `value` when some part of it refers to the Config; undefined when it is a plain value. */
function withRefs(value: unknown, refs: ConfigRefs, key: string | undefined): Code | undefined {
  if (typeof value === 'string') {
    const path = key === 'datasourceUid' ? refs.datasource(value) : undefined;
    return path === undefined ? undefined : { kind: 'config', path, value };
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => withRefs(item, refs, undefined));
    if (items.every((i) => i === undefined)) return undefined;
    return { kind: 'array', items: items.map((c, i) => c ?? { kind: 'value', value: value[i] }) };
  }
  if (!isRecord(value)) return undefined;
  const fields: (readonly [string, Code | undefined])[] = Object.entries(value).map(([k, v]) => {
    if (k === 'uid' && key === 'datasource' && typeof v === 'string') {
      const path = refs.datasource(v);
      return [k, path === undefined ? undefined : { kind: 'config', path, value: v }];
    }
    return [k, withRefs(v, refs, k)];
  });
  if (fields.every(([, c]) => c === undefined)) return undefined;
  return {
    kind: 'object',
    fields: fields.map(([k, c]) => [k, c ?? { kind: 'value', value: value[k] }] as const),
  };
}
