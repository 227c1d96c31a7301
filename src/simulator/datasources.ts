/**
 * Data source API (reference §5): 409 on duplicate name or uid, secrets never returned (`secureJsonFields` lists
 * non-empty ones), PUT replaces plain fields and merges secrets, the version quirk (omitted ⇒ no check and the
 * version restarts at 1; stale ⇒ 409; otherwise request + 1), read-only data sources 403, `isDefault` exclusive.
 */
import type { JsonObject } from '../core/json.ts';
import type { SimContext } from './context.ts';
import { shortUid } from './ids.ts';
import { optBool, optInt, optObject, optString } from './json-input.ts';
import { bind, bodyObject } from './request-body.ts';
import type { RequestInput, Route } from './router.ts';
import type { SimResponse } from './responses.ts';
import { BAD_REQUEST_DATA, json, messageError } from './responses.ts';
import type { DataSourceRecord } from './state.ts';

const PLUGIN_NAMES: Readonly<Record<string, string>> = {
  prometheus: 'Prometheus',
  loki: 'Loki',
  tempo: 'Tempo',
  alertmanager: 'Alertmanager',
  elasticsearch: 'Elasticsearch',
  graphite: 'Graphite',
  influxdb: 'InfluxDB',
  mysql: 'MySQL',
  postgres: 'PostgreSQL',
  'grafana-postgresql-datasource': 'PostgreSQL',
  jaeger: 'Jaeger',
  zipkin: 'Zipkin',
  'grafana-pyroscope-datasource': 'Grafana Pyroscope',
  testdata: 'TestData',
  'grafana-testdata-datasource': 'TestData',
};

function typeLogoUrl(type: string): string {
  return `public/app/plugins/datasource/${type}/img/${type}_logo.svg`;
}

export function findDataSource(sim: SimContext, uid: string): DataSourceRecord | undefined {
  return sim.state.datasources.find((d) => d.uid === uid);
}

function secureJsonFields(ds: DataSourceRecord): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(ds.secureJsonData)) if (value !== '') out[key] = true;
  return out;
}

function dto(ds: DataSourceRecord): JsonObject {
  return {
    id: ds.id,
    uid: ds.uid,
    orgId: 1,
    name: ds.name,
    type: ds.type,
    typeLogoUrl: typeLogoUrl(ds.type),
    access: ds.access,
    url: ds.url,
    user: ds.user,
    database: ds.database,
    basicAuth: ds.basicAuth,
    basicAuthUser: ds.basicAuthUser,
    withCredentials: ds.withCredentials,
    isDefault: ds.isDefault,
    jsonData: structuredClone(ds.jsonData),
    secureJsonFields: secureJsonFields(ds),
    version: ds.version,
    readOnly: ds.readOnly,
  };
}

function listItem(ds: DataSourceRecord): JsonObject {
  return {
    id: ds.id,
    uid: ds.uid,
    orgId: 1,
    name: ds.name,
    type: ds.type,
    typeName: PLUGIN_NAMES[ds.type] ?? '',
    typeLogoUrl: typeLogoUrl(ds.type),
    access: ds.access,
    url: ds.url,
    user: ds.user,
    database: ds.database,
    basicAuth: ds.basicAuth,
    isDefault: ds.isDefault,
    jsonData: structuredClone(ds.jsonData),
    readOnly: ds.readOnly,
  };
}

interface DataSourceInput {
  readonly uid: string;
  readonly name: string;
  readonly type: string;
  readonly access: string;
  readonly url: string;
  readonly user: string;
  readonly database: string;
  readonly basicAuth: boolean;
  readonly basicAuthUser: string;
  readonly withCredentials: boolean;
  readonly isDefault: boolean;
  readonly jsonData: JsonObject;
  readonly secureJsonData: Record<string, string>;
  readonly version: number;
}

function readInput(req: RequestInput): DataSourceInput {
  const body = bodyObject(req);
  return bind(() => {
    const secure = optObject(body, 'secureJsonData') ?? {};
    const secureJsonData: Record<string, string> = {};
    for (const [key, value] of Object.entries(secure))
      secureJsonData[key] = typeof value === 'string' ? value : '';
    return {
      uid: optString(body, 'uid'),
      name: optString(body, 'name'),
      type: optString(body, 'type'),
      access: optString(body, 'access'),
      url: optString(body, 'url'),
      user: optString(body, 'user'),
      database: optString(body, 'database'),
      basicAuth: optBool(body, 'basicAuth'),
      basicAuthUser: optString(body, 'basicAuthUser'),
      withCredentials: optBool(body, 'withCredentials'),
      isDefault: optBool(body, 'isDefault'),
      jsonData: structuredClone(optObject(body, 'jsonData') ?? {}),
      secureJsonData,
      version: optInt(body, 'version'),
    };
  });
}

/** Grafana accepts URLs without a scheme (it prefixes `http://` to check them). */
function validUrl(url: string): boolean {
  if (url === '') return true;
  try {
    new URL(url.includes('://') ? url : `http://${url}`);
    return !/\s/.test(url);
  } catch {
    return false;
  }
}

function clearOtherDefaults(sim: SimContext, keep: DataSourceRecord): void {
  for (const ds of sim.state.datasources) if (ds !== keep) ds.isDefault = false;
}

function listDataSources(sim: SimContext): SimResponse {
  const sorted = [...sim.state.datasources].sort((a, b) =>
    a.name.toLowerCase().localeCompare(b.name.toLowerCase()),
  );
  return json(200, sorted.map(listItem));
}

function getDataSource(sim: SimContext, req: RequestInput): SimResponse {
  const ds = findDataSource(sim, req.params['uid'] ?? '');
  return ds === undefined ? messageError(404, 'Data source not found') : json(200, dto(ds));
}

function getDataSourceByName(sim: SimContext, req: RequestInput): SimResponse {
  const ds = sim.state.datasources.find((d) => d.name === req.params['name']);
  return ds === undefined ? messageError(404, 'Data source not found') : json(200, dto(ds));
}

function addDataSource(sim: SimContext, req: RequestInput): SimResponse {
  const input = readInput(req);
  // AddDataSourceCommand binds `type` and `access` as required (pkg/services/datasources/models.go); a missing
  // `name` is refused here though the binding does not require it (assumed: what Grafana then does is unread).
  if (input.name === '' || input.type === '' || input.access === '') return BAD_REQUEST_DATA;
  if (!validUrl(input.url)) return messageError(400, 'Validation error, invalid URL');
  if (sim.state.datasources.some((d) => d.name === input.name))
    return messageError(409, 'data source with the same name already exists');
  if (input.uid !== '' && findDataSource(sim, input.uid) !== undefined)
    return messageError(409, 'data source with the same uid already exists');
  const ds: DataSourceRecord = {
    id: sim.nextDataSourceId(),
    uid: input.uid === '' ? shortUid() : input.uid,
    name: input.name,
    type: input.type,
    access: input.access,
    url: input.url,
    user: input.user,
    database: input.database,
    basicAuth: input.basicAuth,
    basicAuthUser: input.basicAuthUser,
    withCredentials: input.withCredentials,
    isDefault: input.isDefault,
    jsonData: input.jsonData,
    secureJsonData: { ...input.secureJsonData },
    version: 1,
    readOnly: false,
  };
  sim.state.datasources.push(ds);
  if (ds.isDefault) clearOtherDefaults(sim, ds);
  return json(200, { datasource: dto(ds), id: ds.id, message: 'Datasource added', name: ds.name });
}

function updateDataSource(sim: SimContext, req: RequestInput): SimResponse {
  // `updateDataSourceByUID` (pkg/api/datasources.go): the body is bound (UpdateDataSourceCommand requires `name`,
  // `type` and `access`) and its URL checked before the data source is looked up, then read-only is refused.
  const input = readInput(req);
  if (input.name === '' || input.type === '' || input.access === '') return BAD_REQUEST_DATA;
  if (!validUrl(input.url)) return messageError(400, 'Validation error, invalid URL');
  const ds = findDataSource(sim, req.params['uid'] ?? '');
  if (ds === undefined) return messageError(404, 'Data source not found');
  if (ds.readOnly) return messageError(403, 'Cannot update read-only data source');
  if (sim.state.datasources.some((d) => d !== ds && d.name === input.name))
    return messageError(409, 'Failed to update datasource: data source with the same name already exists');
  if (input.version !== 0 && input.version < ds.version)
    return messageError(
      409,
      'Datasource has already been updated by someone else. Please reload and try again',
    );
  ds.name = input.name;
  ds.type = input.type;
  ds.access = input.access;
  ds.url = input.url;
  ds.user = input.user;
  ds.database = input.database;
  ds.basicAuth = input.basicAuth;
  ds.basicAuthUser = input.basicAuthUser;
  ds.withCredentials = input.withCredentials;
  ds.isDefault = input.isDefault;
  ds.jsonData = input.jsonData;
  ds.secureJsonData = { ...ds.secureJsonData, ...input.secureJsonData };
  ds.version = input.version + 1;
  if (ds.isDefault) clearOtherDefaults(sim, ds);
  return json(200, { datasource: dto(ds), id: ds.id, message: 'Datasource updated', name: ds.name });
}

function deleteDataSource(sim: SimContext, req: RequestInput): SimResponse {
  const ds = findDataSource(sim, req.params['uid'] ?? '');
  if (ds === undefined) return messageError(404, 'Data source not found');
  if (ds.readOnly) return messageError(403, 'Cannot delete read-only data source');
  sim.state.datasources = sim.state.datasources.filter((d) => d !== ds);
  return json(200, { id: ds.id, message: 'Data source deleted' });
}

export const dataSourceRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/datasources',
    handler: listDataSources,
    readPermission: 'datasources:read',
  },
  {
    method: 'GET',
    pattern: '/api/datasources/uid/:uid',
    handler: getDataSource,
    readPermission: 'datasources:read',
  },
  {
    method: 'GET',
    pattern: '/api/datasources/name/:name',
    handler: getDataSourceByName,
    readPermission: 'datasources:read',
  },
  {
    method: 'POST',
    pattern: '/api/datasources',
    handler: addDataSource,
    write: { permission: 'datasources:create', lockedMessage: 'Failed to add datasource' },
  },
  {
    method: 'PUT',
    pattern: '/api/datasources/uid/:uid',
    handler: updateDataSource,
    write: { permission: 'datasources:write', lockedMessage: 'Failed to update datasource' },
  },
  {
    method: 'DELETE',
    pattern: '/api/datasources/uid/:uid',
    handler: deleteDataSource,
    write: { permission: 'datasources:delete', lockedMessage: 'Failed to delete datasource' },
  },
];
