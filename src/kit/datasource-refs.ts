import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';

/**
 * House style: panels query data sources through dashboard variables, so one dashboard serves every Prometheus
 * (or Loki, Tempo) of an environment. These are the variable names and the refs that point at them.
 */
export const DS_VARIABLE = { prometheus: 'datasource', loki: 'loki', tempo: 'tempo' } as const;

export type QueryDataSourceType = keyof typeof DS_VARIABLE;

export function variableRef(type: QueryDataSourceType): DataSourceRef {
  return { type, uid: `\${${DS_VARIABLE[type]}}` };
}

/** A fixed data source, by uid (for rules and for the rare panel that must not follow the variable). */
export function fixedRef(type: string, uid: string): DataSourceRef {
  return { type, uid };
}
