/** Instance-level endpoints: health (no auth), the signed-in user, the organisation, frontend settings. */
import type { JsonObject } from '../core/json.ts';
import type { SimContext } from './context.ts';
import type { RequestInput, Route } from './router.ts';
import type { SimResponse } from './responses.ts';
import { json } from './responses.ts';

const STARTED = '2024-01-01T00:00:00Z';

/**
 * `apiHealthHandler` (pkg/api/http_server.go): the `healthResponse` struct (database, version, commit) written with
 * `json.MarshalIndent(data, "", "  ")` and `Content-Type: application/json; charset=UTF-8`.
 */
function health(sim: SimContext): SimResponse {
  return {
    status: 200,
    text: JSON.stringify(
      { database: 'ok', version: sim.profile.version, commit: sim.profile.commit },
      null,
      2,
    ),
    headers: { 'content-type': 'application/json; charset=UTF-8' },
  };
}

function user(sim: SimContext, req: RequestInput): SimResponse {
  const id = req.identity;
  const email = id.kind === 'user' ? 'admin@localhost' : `${id.login}@sa.local`;
  if (id.kind === 'service-account' && sim.profile.minimalServiceAccountUser)
    return json(200, {
      orgId: id.orgId,
      uid: id.uid,
      name: id.name,
      email,
      login: id.login,
      isGrafanaAdmin: false,
    });
  const profile: JsonObject = {
    id: id.id,
    uid: id.uid,
    email,
    name: id.name,
    login: id.login,
    theme: '',
    orgId: id.orgId,
    isGrafanaAdmin: id.kind === 'user',
    isDisabled: false,
    isExternal: false,
    isExternallySynced: false,
    isGrafanaAdminExternallySynced: false,
    authLabels: [],
    updatedAt: STARTED,
    createdAt: STARTED,
    avatarUrl: '/avatar/46d229b033af06a191ff2267bca9ae56',
    isProvisioned: false,
  };
  return json(200, profile);
}

function org(): SimResponse {
  return json(200, {
    id: 1,
    name: 'Main Org.',
    address: { address1: '', address2: '', city: '', zipCode: '', state: '', country: '' },
  });
}

function frontendSettings(sim: SimContext): SimResponse {
  const datasources: JsonObject = {};
  for (const ds of sim.state.datasources)
    datasources[ds.name] = {
      id: ds.id,
      uid: ds.uid,
      type: ds.type,
      name: ds.name,
      url: `/api/datasources/proxy/uid/${ds.uid}`,
      isDefault: ds.isDefault,
      access: ds.access,
      readOnly: ds.readOnly,
      jsonData: structuredClone(ds.jsonData),
    };
  const defaultDs = sim.state.datasources.find((d) => d.isDefault);
  return json(200, {
    appSubUrl: '',
    appUrl: 'http://localhost:3000/',
    authProxyEnabled: false,
    buildInfo: {
      buildstamp: 1704067200,
      commit: sim.profile.commit,
      edition: 'Open Source',
      env: 'production',
      hasUpdate: false,
      hideVersion: false,
      latestVersion: '',
      version: sim.profile.version,
    },
    datasources,
    defaultDatasource: defaultDs?.name ?? '',
    featureToggles: {
      nestedFolders: true,
      grafanaManagedRecordingRules: sim.settings.recordingRules,
      kubernetesDashboards: sim.profile.name === '12.x',
    },
    minRefreshInterval: `${sim.settings.minRefreshIntervalMs / 1000}s`,
    unifiedAlerting: { minInterval: `${sim.settings.baseIntervalSeconds}s` },
    unifiedAlertingEnabled: true,
  });
}

export const instanceRoutes: readonly Route[] = [
  { method: 'GET', pattern: '/api/health', handler: health },
  { method: 'GET', pattern: '/api/user', handler: user },
  { method: 'GET', pattern: '/api/org', handler: org, readPermission: 'orgs:read' },
  { method: 'GET', pattern: '/api/frontend/settings', handler: frontendSettings },
];

/** Paths answered without authentication. */
export const PUBLIC_PATHS: readonly string[] = ['/api/health'];
