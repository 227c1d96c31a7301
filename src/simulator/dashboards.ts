/**
 * Legacy dashboard API (reference §3): `POST /api/dashboards/db` with Grafana's exact version and identity logic,
 * title rules per profile, silent refresh raising, version history on every save; GET `{dashboard, meta}`;
 * DELETE not idempotent.
 */
import type { JsonObject } from '../core/json.ts';
import { isJsonObject } from '../core/json.ts';
import { parseDuration } from '../core/duration.ts';
import type { Identity } from './auth.ts';
import type { SimContext } from './context.ts';
import { findFolder, folderUrl } from './folders.ts';
import { isUidTooLong, isValidUid, shortUid, slugify } from './ids.ts';
import { BindError, optBool, optInt, optString } from './json-input.ts';
import { bind, bodyObject } from './request-body.ts';
import type { RequestInput, Route } from './router.ts';
import type { SimResponse } from './responses.ts';
import { json, messageError, statusError } from './responses.ts';
import type { DashboardRecord } from './state.ts';

export function findDashboard(sim: SimContext, uid: string): DashboardRecord | undefined {
  return sim.state.dashboards.find((d) => d.uid === uid);
}

/** The dashboard JSON without the server-owned keys, for change detection. */
export function specOf(data: JsonObject): string {
  const { id: _id, uid: _uid, version: _version, ...rest } = data;
  return JSON.stringify(rest);
}

export function dashboardUrl(dashboard: DashboardRecord): string {
  return `/d/${dashboard.uid}/${slugify(dashboard.title)}`;
}

const notFound = (): SimResponse => statusError(404, 'not-found', 'Dashboard not found');

export interface SaveDashboardInput {
  readonly dashboard: JsonObject;
  /** `undefined` when the request has no `folderUid`: the dashboard goes to (or moves to) the root. */
  readonly folderUid: string | undefined;
  readonly folderId: number;
  readonly overwrite: boolean;
  readonly message: string;
}

/** The refresh a dashboard is stored with: below `min_refresh_interval` it is raised to it. */
function raisedRefresh(sim: SimContext, refresh: unknown): string | undefined {
  if (typeof refresh !== 'string' || refresh === '' || refresh === 'auto') return undefined;
  const ms = parseDuration(refresh);
  if (ms === undefined || ms >= sim.settings.minRefreshIntervalMs) return undefined;
  const min = sim.settings.minRefreshIntervalMs;
  return min % 1000 === 0 ? `${min / 1000}s` : `${min}ms`;
}

/**
 * Grafana's save path: BuildSaveDashboardCommand, then the store's validation, then the write. The stored
 * dashboard keeps the nested values of `input.dashboard` (only its top level is copied): callers pass a body they
 * just parsed, or a clone (the UI helpers), never an object anyone changes afterwards. A deep copy here cost a
 * quarter of a millisecond per save, on the path of every request queued behind it.
 */
export function saveDashboard(sim: SimContext, input: SaveDashboardInput, login: string): SimResponse {
  const dash = { ...input.dashboard };
  if (dash['isFolder'] === true) return messageError(400, 'Use folders endpoint for saving folders.');
  const title = typeof dash['title'] === 'string' ? dash['title'].trim() : '';
  if (title === '') return statusError(400, 'empty-name', 'Dashboard title cannot be empty');
  if (title.length > 5000)
    return statusError(400, 'title-too-long', 'Dashboard title cannot be longer than 5000 characters');
  if (input.message.length > 500)
    return statusError(400, 'message-too-long', 'Message too long, max 500 characters');

  const rawId = dash['id'];
  let id = typeof rawId === 'number' && Number.isFinite(rawId) ? Math.trunc(rawId) : 0;
  let uid = typeof dash['uid'] === 'string' ? dash['uid'] : '';
  const rawVersion = dash['version'];
  let version = (id > 0 || uid !== '') && typeof rawVersion === 'number' ? Math.trunc(rawVersion) : 0;
  if (!isValidUid(uid)) return messageError(400, 'uid contains illegal characters');
  if (isUidTooLong(uid)) return messageError(400, 'uid too long, max 40 characters');

  let folderUid = '';
  if (input.folderUid !== undefined && input.folderUid !== '') {
    if (findFolder(sim, input.folderUid) === undefined) return messageError(400, 'folder not found');
    folderUid = input.folderUid;
  } else if (input.folderUid === undefined && input.folderId > 0) {
    const folder = sim.state.folders.find((f) => f.id === input.folderId);
    if (folder === undefined) return messageError(400, 'folder not found');
    folderUid = folder.uid;
  }

  // getExistingDashboardByIDOrUIDForUpdate
  const typeMismatch = (): SimResponse => messageError(400, 'Dashboard cannot be changed to a folder');
  let existing: DashboardRecord | undefined;
  if (id > 0) {
    if (sim.state.folders.some((f) => f.id === id)) return typeMismatch();
    existing = sim.state.dashboards.find((d) => d.id === id);
    if (existing === undefined) return notFound();
    if (uid === '') uid = existing.uid;
  }
  if (uid !== '') {
    if (findFolder(sim, uid) !== undefined) return typeMismatch();
    const byUid = findDashboard(sim, uid);
    if (existing !== undefined && byUid !== undefined && byUid.id !== existing.id)
      return messageError(400, 'A dashboard with the same uid already exists');
    if (existing === undefined && byUid !== undefined) {
      existing = byUid;
      id = byUid.id;
    }
  }
  if (existing !== undefined) {
    if (repoManaged(existing)) return messageError(403, 'this resource is managed by a repository');
    if (existing.provisioned) return messageError(400, 'Cannot save provisioned dashboard');
    if (version !== existing.version) {
      if (!input.overwrite)
        return statusError(412, 'version-mismatch', 'The dashboard has been changed by someone else');
      version = existing.version;
    }
    if (existing.pluginId !== '' && !input.overwrite)
      return statusError(412, 'plugin-dashboard', `The dashboard belongs to plugin ${existing.pluginId}.`);
  }

  // getExistingDashboardByTitleAndFolder (until 11.2): any folder, or a dashboard in the same folder.
  if (sim.profile.uniqueDashboardTitles) {
    const folderClash = sim.state.folders.find((f) => f.title === title);
    const dashClash = sim.state.dashboards.find(
      (d) => d.title === title && d.folderUid === folderUid && d.id !== id,
    );
    const clash =
      folderClash !== undefined && (dashClash === undefined || folderClash.id < dashClash.id)
        ? { folder: true as const }
        : dashClash !== undefined
          ? { folder: false as const, dashboard: dashClash }
          : undefined;
    if (clash?.folder === true)
      return statusError(400, 'name-exists', 'Dashboard name cannot be the same as folder');
    if (clash !== undefined && clash.folder === false) {
      if (!input.overwrite)
        return statusError(412, 'name-exists', 'A dashboard with the same name in the folder already exists');
      // The pre-11.3 store silently takes the same-titled dashboard over: its id, uid and version win.
      existing = clash.dashboard;
      id = existing.id;
      uid = existing.uid;
      version = existing.version;
    }
  }

  const refresh = raisedRefresh(sim, dash['refresh']);
  if (refresh !== undefined) dash['refresh'] = refresh;
  const now = sim.now();
  const tags = Array.isArray(dash['tags'])
    ? dash['tags'].filter((t): t is string => typeof t === 'string')
    : [];
  let record: DashboardRecord;
  if (existing === undefined) {
    record = {
      id: sim.nextDashboardId(),
      uid: uid === '' ? shortUid() : uid,
      title,
      folderUid,
      version: 1,
      data: dash,
      tags,
      created: now,
      updated: now,
      createdBy: login,
      updatedBy: login,
      provisioned: false,
      pluginId: '',
      history: [],
      ...sim.newObjectMeta(),
    };
    sim.state.dashboards.push(record);
  } else {
    record = existing;
    sim.written(record, specOf(record.data) !== specOf(dash));
    record.version = version + 1;
    record.title = title;
    record.folderUid = folderUid;
    record.data = dash;
    record.tags = tags;
    record.updated = now;
    record.updatedBy = login;
  }
  record.data['id'] = record.id;
  record.data['uid'] = record.uid;
  record.data['version'] = record.version;
  // The legacy API stores the classic model (v0alpha1): a v2 dashboard saved over loses its v2 structure. An
  // `/apis` write sets the version it came through afterwards.
  record.storedVersion = 'v0alpha1';
  record.history.push({ version: record.version, created: now, createdBy: login, message: input.message });

  const body: JsonObject = {};
  // `postDashboard` (pkg/api/dashboard.go) answers folderUid; the spec has it from 2024-01 (10.4-pre) on.
  body['folderUid'] = record.folderUid;
  Object.assign(body, {
    id: record.id,
    slug: slugify(record.title),
    status: 'success',
    uid: record.uid,
    url: dashboardUrl(record),
    version: record.version,
  });
  return json(200, body);
}

function postDashboard(sim: SimContext, req: RequestInput): SimResponse {
  const body = bodyObject(req);
  const input = bind(() => {
    const dashboard = body['dashboard'];
    if (!isJsonObject(dashboard)) throw new BindError('dashboard', 'an object');
    const folderUid = body['folderUid'];
    if (folderUid !== undefined && folderUid !== null && typeof folderUid !== 'string')
      throw new BindError('folderUid', 'a string');
    return {
      dashboard,
      folderUid: typeof folderUid === 'string' ? folderUid : undefined,
      folderId: optInt(body, 'folderId'),
      overwrite: optBool(body, 'overwrite'),
      message: optString(body, 'message'),
    };
  });
  return saveDashboard(sim, input, req.identity.login);
}

export function dashboardMeta(sim: SimContext, dashboard: DashboardRecord, identity: Identity): JsonObject {
  const canWrite = identity.role === 'Admin';
  const folder = dashboard.folderUid === '' ? undefined : findFolder(sim, dashboard.folderUid);
  const meta: JsonObject = {
    type: 'db',
    canSave: canWrite && !dashboard.provisioned,
    canEdit: canWrite,
    canAdmin: canWrite,
    canStar: true,
    canDelete: canWrite,
    slug: slugify(dashboard.title),
    url: dashboardUrl(dashboard),
    expires: '0001-01-01T00:00:00Z',
    created: dashboard.created,
    updated: dashboard.updated,
    updatedBy: dashboard.updatedBy,
    createdBy: dashboard.createdBy,
    version: dashboard.version,
    hasAcl: false,
    isFolder: false,
    folderId: folder?.id ?? 0,
  };
  if (folder !== undefined) meta['folderUid'] = folder.uid;
  meta['folderTitle'] = folder?.title ?? 'General';
  if (folder !== undefined) meta['folderUrl'] = folderUrl(folder);
  Object.assign(meta, {
    provisioned: dashboard.provisioned,
    provisionedExternalId: dashboard.provisioned ? `${dashboard.uid}.json` : '',
    annotationsPermissions: {
      dashboard: { canAdd: canWrite, canEdit: canWrite, canDelete: canWrite },
      organization: { canAdd: canWrite, canEdit: canWrite, canDelete: canWrite },
    },
    publicDashboardEnabled: false,
  });
  if (sim.profile.dashboardMetaApiVersion) meta['apiVersion'] = 'v1beta1';
  return meta;
}

/**
 * A dashboard stored in the v2 schema is not served by the legacy GET: 406 naming the `/apis` path
 * (`GetDashboard`, pkg/api/dashboard.go, asserted by "v2 dashboards should not be returned in api" in
 * pkg/api/dashboard_test.go). Whether 13.x kept the guard is not confirmed (PR #114812 added a v2 → v0
 * conversion for the legacy API): *assumed* kept; publish and drift read 12.x and 13.x through `/apis`.
 */
function getDashboard(sim: SimContext, req: RequestInput): SimResponse {
  const dashboard = findDashboard(sim, req.params['uid'] ?? '');
  if (dashboard === undefined) return messageError(404, 'Dashboard not found');
  const stored = dashboard.storedVersion ?? '';
  if (stored.startsWith('v2'))
    return messageError(
      406,
      `dashboard api version not supported, use /apis/dashboard.grafana.app/${stored}/namespaces/default/dashboards/${dashboard.uid} instead`,
    );
  // A shallow copy is enough: the response is serialised before any other request can change the stored JSON.
  const data = { ...dashboard.data, id: dashboard.id, uid: dashboard.uid, version: dashboard.version };
  return json(200, { dashboard: data, meta: dashboardMeta(sim, dashboard, req.identity) });
}

function listVersions(sim: SimContext, req: RequestInput): SimResponse {
  const dashboard = findDashboard(sim, req.params['uid'] ?? '');
  if (dashboard === undefined) return messageError(404, 'Dashboard not found');
  const versions = [...dashboard.history].reverse().map((v, i, all) => ({
    id: dashboard.history.length - i,
    dashboardId: dashboard.id,
    uid: dashboard.uid,
    parentVersion: all[i + 1]?.version ?? 0,
    restoredFrom: 0,
    version: v.version,
    created: v.created,
    createdBy: v.createdBy,
    message: v.message,
  }));
  return json(200, versions);
}

/** Why the API may not delete a dashboard (file-provisioned); `undefined` when it may. */
export function deleteProblem(dashboard: DashboardRecord): SimResponse | undefined {
  if (repoManaged(dashboard)) return messageError(403, 'this resource is managed by a repository');
  return dashboard.provisioned ? messageError(400, 'provisioned dashboard cannot be deleted') : undefined;
}

/**
 * Managed by a Git Sync repository (`grafana.app/managedBy: repo`): the legacy API writes through the same
 * storage as `/apis` on 12.x and 13.x, whose manager check refuses a caller that is not the provisioning service
 * (`enforceManagerProperties`, pkg/storage/unified/apistore/managed.go; the status code is *assumed*).
 */
export function repoManaged(dashboard: DashboardRecord): boolean {
  return dashboard.annotations?.['grafana.app/managedBy'] === 'repo';
}

function deleteDashboard(sim: SimContext, req: RequestInput): SimResponse {
  const uid = req.params['uid'] ?? '';
  if (findFolder(sim, uid) !== undefined)
    return messageError(400, 'Use folders endpoint for deleting folders.');
  const dashboard = findDashboard(sim, uid);
  if (dashboard === undefined) return messageError(404, 'Dashboard not found');
  const problem = deleteProblem(dashboard);
  if (problem !== undefined) return problem;
  sim.state.dashboards = sim.state.dashboards.filter((d) => d !== dashboard);
  // `DeleteDashboardByUIDOKBody`: {id, message, title} in the 10.4 spec, {message, title, uid} from 11.
  return json(200, {
    ...(sim.profile.dashboardDeleteBody === 'id' ? { id: dashboard.id } : {}),
    message: `Dashboard ${dashboard.title} deleted`,
    title: dashboard.title,
    ...(sim.profile.dashboardDeleteBody === 'uid' ? { uid: dashboard.uid } : {}),
  });
}

export const dashboardRoutes: readonly Route[] = [
  {
    method: 'POST',
    pattern: '/api/dashboards/db',
    handler: postDashboard,
    write: {
      permission: 'any of dashboards:create, dashboards:write',
      lockedMessage: 'Failed to save dashboard',
    },
  },
  {
    method: 'GET',
    pattern: '/api/dashboards/uid/:uid',
    handler: getDashboard,
    readPermission: 'dashboards:read',
  },
  {
    method: 'GET',
    pattern: '/api/dashboards/uid/:uid/versions',
    handler: listVersions,
    readPermission: 'dashboards:read',
  },
  {
    method: 'DELETE',
    pattern: '/api/dashboards/uid/:uid',
    handler: deleteDashboard,
    write: { permission: 'dashboards:delete', lockedMessage: 'Failed to delete dashboard' },
  },
];
