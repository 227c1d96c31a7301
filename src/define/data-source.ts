import type { JsonObject } from '../core/json.ts';
import type { SecretRef } from '../core/secret.ts';
import type { DataSourceSpec } from '../core/specs.ts';
import type { Definition, FromConfig } from './definition.ts';
import { makeDefinition, resolveInput, sealResource } from './definition.ts';

export interface DataSourceInput {
  readonly uid: string;
  readonly name: string;
  /** Plugin id: `prometheus`, `loki`, `tempo`, `alertmanager`, … */
  readonly type: string;
  readonly url: string;
  readonly access?: 'proxy' | 'direct';
  readonly isDefault?: boolean;
  readonly basicAuth?: boolean;
  readonly basicAuthUser?: string;
  readonly user?: string;
  readonly database?: string;
  readonly withCredentials?: boolean;
  readonly jsonData?: JsonObject;
  /** Only secret references: `{ basicAuthPassword: secret('PROMETHEUS_PASSWORD') }`. */
  readonly secureJsonData?: Readonly<Record<string, SecretRef>>;
}

/** A data source. Plain settings render as written; secure settings render as `${ENV}` placeholders. */
export function defineDataSource<C>(input: FromConfig<C, DataSourceInput>): Definition<C> {
  return makeDefinition<C>('DataSource', ({ config, source }) => {
    const d = resolveInput(input, config);
    const spec: DataSourceSpec = {
      uid: d.uid,
      name: d.name,
      type: d.type,
      access: d.access ?? 'proxy',
      url: d.url,
    };
    if (d.isDefault !== undefined) spec.isDefault = d.isDefault;
    if (d.basicAuth !== undefined) spec.basicAuth = d.basicAuth;
    if (d.basicAuthUser !== undefined) spec.basicAuthUser = d.basicAuthUser;
    if (d.user !== undefined) spec.user = d.user;
    if (d.database !== undefined) spec.database = d.database;
    if (d.withCredentials !== undefined) spec.withCredentials = d.withCredentials;
    if (d.jsonData !== undefined) spec.jsonData = d.jsonData;
    if (d.secureJsonData !== undefined) spec.secureJsonData = { ...d.secureJsonData };
    return [sealResource({ kind: 'DataSource', uid: d.uid, title: d.name, spec, source })];
  });
}
