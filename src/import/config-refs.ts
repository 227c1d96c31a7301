/**
 * What an import can write as a reference to the Config instead of a literal: a data source uid the Config names
 * (`cfg.datasources.prometheus.uid`) and a folder uid it names (`cfg.folders.services.uid`). Found by value in the
 * resolved Config: every `<group>.<name>.uid` under `datasources` and `folders`. A uid the Config does not name
 * stays literal.
 */
import type { Code } from './code.ts';

export interface ConfigRefs {
  /** `cfg.datasources.<name>.uid` for a data source uid the Config names. */
  readonly datasource: (uid: string) => string | undefined;
  /** `cfg.folders.<name>.uid` for a folder uid the Config names. */
  readonly folder: (uid: string) => string | undefined;
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

export function configRefsOf(config: unknown): ConfigRefs {
  const datasources = uidsUnder(config, 'datasources');
  const folders = uidsUnder(config, 'folders');
  return { datasource: (uid) => datasources.get(uid), folder: (uid) => folders.get(uid) };
}

export const NO_CONFIG_REFS: ConfigRefs = { datasource: () => undefined, folder: () => undefined };

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
