import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import type { Registry } from '../project/registry.ts';
import type { VariableJson } from './dashboard-walk.ts';
import { variableName } from './dashboard-walk.ts';

/** Built-in data sources that need no definition. */
export const BUILTIN_DATASOURCES: ReadonlySet<string> = new Set([
  '-- Grafana --',
  'grafana',
  '-- Mixed --',
  '-- Dashboard --',
  '__expr__',
  '-100',
]);

export type Resolution =
  | { readonly ok: true; readonly type: string | undefined }
  | { readonly ok: false; readonly problem: string; readonly fix: string };

function known(registry: Registry): string {
  const uids = registry.byKind('DataSource').map((d) => d.uid);
  return uids.length === 0 ? 'none is defined yet' : uids.join(', ');
}

/**
 * What a data source reference points at: a defined data source, a data source variable of the dashboard, or a
 * built-in; with its plugin type when it can be told.
 */
export function resolveDatasource(
  ref: DataSourceRef | string | null,
  registry: Registry,
  variables: ReadonlyMap<string, VariableJson>,
): Resolution {
  // null: the default data source (dashboards exported by older Grafanas write it so).
  if (ref === null || (typeof ref !== 'object' && typeof ref !== 'string'))
    return { ok: true, type: undefined };
  const uid = typeof ref === 'string' ? ref : ref.uid;
  const declaredType = typeof ref === 'string' ? undefined : ref.type;
  if (uid === undefined || uid === '') return { ok: true, type: declaredType };
  if (BUILTIN_DATASOURCES.has(uid)) return { ok: true, type: declaredType ?? uid };
  const name = variableName(uid);
  if (name !== undefined) {
    const variable = variables.get(name);
    if (variable === undefined) {
      return {
        ok: false,
        problem: `data source variable $${name} is not defined on this dashboard`,
        fix: 'Add it with datasourceVariable() or refer to a defined data source',
      };
    }
    if (variable.type !== 'datasource') {
      return {
        ok: false,
        problem: `$${name} is a ${variable.type ?? 'untyped'} variable, not a data source variable`,
        fix: 'Point the data source at a variable of type datasource',
      };
    }
    const pluginType = typeof variable.query === 'string' ? variable.query : undefined;
    return { ok: true, type: declaredType ?? pluginType };
  }
  const ds = registry.find('DataSource', uid);
  if (ds === undefined) {
    return {
      ok: false,
      problem: `unknown data source ${JSON.stringify(uid)}`,
      fix: `Declare it in datasources/ or use one of: ${known(registry)}`,
    };
  }
  if (declaredType !== undefined && declaredType !== ds.spec.type) {
    return {
      ok: false,
      problem: `data source ${JSON.stringify(uid)} is of type ${ds.spec.type}, but the reference says ${declaredType}`,
      fix: `Set the type to ${ds.spec.type} or point at a ${declaredType} data source`,
    };
  }
  return { ok: true, type: ds.spec.type };
}
