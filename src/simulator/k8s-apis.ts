/**
 * The Kubernetes-style APIs of Grafana 12 (reference §4), backed by the same store as `/api/dashboards` and
 * `/api/folders`: `dashboard.grafana.app/v1beta1|v1` dashboards and `folder.grafana.app/v1beta1` folders in
 * namespace `default` (org 1). `metadata.name` is the Grafana uid; `resourceVersion` changes on every write,
 * `generation` on spec changes; errors are Kubernetes `Status` objects. The v2 dashboard schemas are not served.
 */
import type { JsonObject } from '../core/json.ts';
import { isJsonObject } from '../core/json.ts';
import type { SimContext } from './context.ts';
import { deleteProblem, findDashboard, saveDashboard } from './dashboards.ts';
import {
  changeFolder,
  findFolder,
  insertFolder,
  PLACEMENT_MESSAGES,
  placementProblem,
  subtreeUids,
} from './folders.ts';
import { isUidTooLong, isValidUid, shortUid } from './ids.ts';
import { cloneJson } from './json-input.ts';
import type { RequestInput, Route } from './router.ts';
import type { SimResponse } from './responses.ts';
import { json } from './responses.ts';
import type { DashboardRecord, FolderRecord } from './state.ts';

const DASHBOARD_GROUP = 'dashboard.grafana.app';
const FOLDER_GROUP = 'folder.grafana.app';
const FOLDER_ANNOTATION = 'grafana.app/folder';

type Reason =
  'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest' | 'Forbidden' | 'InternalError';

function status(code: number, reason: Reason, message: string, details: JsonObject = {}): SimResponse {
  return json(code, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    details,
    code,
  });
}

interface Kind {
  readonly group: string;
  readonly resource: 'dashboards' | 'folders';
  readonly kind: 'Dashboard' | 'Folder';
}

const DASHBOARDS: Kind = { group: DASHBOARD_GROUP, resource: 'dashboards', kind: 'Dashboard' };
const FOLDERS: Kind = { group: FOLDER_GROUP, resource: 'folders', kind: 'Folder' };

function notFound(kind: Kind, name: string): SimResponse {
  return status(404, 'NotFound', `${kind.resource}.${kind.group} "${name}" not found`, {
    name,
    group: kind.group,
    kind: kind.resource,
  });
}

function alreadyExists(kind: Kind, name: string): SimResponse {
  return status(409, 'AlreadyExists', `${kind.resource}.${kind.group} "${name}" already exists`, {
    name,
    group: kind.group,
    kind: kind.resource,
  });
}

/** A refusal of the shared legacy save/delete path as a Status object with the same code and message. */
function fromLegacyError(response: SimResponse, kind: Kind, name: string): SimResponse {
  const body = response.body;
  const message =
    isJsonObject(body) && typeof body['message'] === 'string'
      ? body['message']
      : `${kind.resource}.${kind.group} "${name}" was refused`;
  const code = response.status;
  const reason: Reason =
    code === 403
      ? 'Forbidden'
      : code === 404
        ? 'NotFound'
        : code === 409 || code === 412
          ? 'Conflict'
          : code >= 500
            ? 'InternalError'
            : 'BadRequest';
  return status(code, reason, message, { name, group: kind.group, kind: kind.resource });
}

function conflict(kind: Kind, name: string): SimResponse {
  return status(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${kind.resource}.${kind.group} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, group: kind.group, kind: kind.resource },
  );
}

function metadata(record: (DashboardRecord | FolderRecord) & { uid: string }, parentUid: string): JsonObject {
  const annotations: JsonObject = {
    'grafana.app/createdBy': `user:${record.createdBy}`,
    'grafana.app/updatedBy': `user:${record.updatedBy}`,
    'grafana.app/updatedTimestamp': record.updated,
  };
  if (parentUid !== '') annotations[FOLDER_ANNOTATION] = parentUid;
  return {
    name: record.uid,
    namespace: 'default',
    uid: record.k8sUid,
    resourceVersion: String(record.resourceVersion),
    generation: record.generation,
    creationTimestamp: record.created,
    labels: { 'grafana.app/deprecatedInternalID': String(record.id) },
    annotations,
  };
}

function dashboardObject(version: string, d: DashboardRecord): JsonObject {
  const spec = cloneJson(d.data);
  delete spec['id'];
  delete spec['version'];
  spec['uid'] = d.uid;
  return {
    kind: 'Dashboard',
    apiVersion: `${DASHBOARD_GROUP}/${version}`,
    metadata: metadata(d, d.folderUid),
    spec,
    status: {},
  };
}

function folderObject(f: FolderRecord): JsonObject {
  const spec: JsonObject = { title: f.title };
  if (f.description !== '') spec['description'] = f.description;
  return {
    kind: 'Folder',
    apiVersion: `${FOLDER_GROUP}/v1beta1`,
    metadata: metadata(f, f.parentUid),
    spec,
    status: {},
  };
}

function parseObject(req: RequestInput): { metadata: JsonObject; spec: JsonObject } | SimResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.rawBody === '' ? 'null' : req.rawBody);
  } catch {
    return status(400, 'BadRequest', 'the body of the request was in an unknown format');
  }
  if (!isJsonObject(parsed))
    return status(400, 'BadRequest', 'the body of the request was in an unknown format');
  const meta = parsed['metadata'];
  const spec = parsed['spec'];
  return { metadata: isJsonObject(meta) ? meta : {}, spec: isJsonObject(spec) ? spec : {} };
}

function annotationOf(meta: JsonObject, key: string): string {
  const annotations = meta['annotations'];
  const value = isJsonObject(annotations) ? annotations[key] : undefined;
  return typeof value === 'string' ? value : '';
}

function nameFor(meta: JsonObject, kind: Kind): string | SimResponse {
  const name = typeof meta['name'] === 'string' ? meta['name'] : '';
  const generateName = typeof meta['generateName'] === 'string' ? meta['generateName'] : '';
  if (name === '' && generateName === '')
    return status(
      422,
      'Invalid',
      `${kind.kind} "" is invalid: metadata.name: Required value: name or generateName is required`,
    );
  const out = name !== '' ? name : `${generateName}${shortUid().slice(0, 5)}`;
  if (!isValidUid(out) || isUidTooLong(out))
    return status(422, 'Invalid', `${kind.kind} "${out}" is invalid: metadata.name: Invalid value`);
  return out;
}

function namespaceProblem(req: RequestInput, kind: Kind): SimResponse | undefined {
  const ns = req.params['namespace'] ?? '';
  if (ns === 'default') return undefined;
  return status(
    403,
    'Forbidden',
    `${kind.resource}.${kind.group} is forbidden: namespace ${ns} is not accessible`,
  );
}

function resourceVersionOf(meta: JsonObject): string {
  const rv = meta['resourceVersion'];
  return typeof rv === 'string' ? rv : '';
}

function page<T>(req: RequestInput, items: readonly T[]): { items: T[]; continue?: string } {
  const limit = Number(req.query.get('limit') ?? '0');
  const token = req.query.get('continue') ?? '';
  const offset = token === '' ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8')) || 0;
  if (!Number.isInteger(limit) || limit <= 0) return { items: items.slice(offset) };
  const slice = items.slice(offset, offset + limit);
  const next = offset + limit;
  return next < items.length
    ? { items: slice, continue: Buffer.from(String(next), 'utf8').toString('base64url') }
    : { items: slice };
}

// Dashboards

function listDashboards(sim: SimContext, req: RequestInput): SimResponse {
  const denied = namespaceProblem(req, DASHBOARDS);
  if (denied !== undefined) return denied;
  const version = req.params['version'] ?? 'v1beta1';
  const all = [...sim.state.dashboards].sort((a, b) => a.uid.localeCompare(b.uid));
  const { items, continue: next } = page(req, all);
  const meta: JsonObject = { resourceVersion: String(sim.state.resourceVersion) };
  if (next !== undefined) meta['continue'] = next;
  return json(200, {
    kind: 'DashboardList',
    apiVersion: `${DASHBOARD_GROUP}/${version}`,
    metadata: meta,
    items: items.map((d) => dashboardObject(version, d)),
  });
}

function getDashboard(sim: SimContext, req: RequestInput): SimResponse {
  const denied = namespaceProblem(req, DASHBOARDS);
  if (denied !== undefined) return denied;
  const name = req.params['name'] ?? '';
  const d = findDashboard(sim, name);
  return d === undefined
    ? notFound(DASHBOARDS, name)
    : json(200, dashboardObject(req.params['version'] ?? '', d));
}

function writeDashboard(sim: SimContext, req: RequestInput, create: boolean): SimResponse {
  const denied = namespaceProblem(req, DASHBOARDS);
  if (denied !== undefined) return denied;
  const body = parseObject(req);
  if ('status' in body) return body;
  const folderUid = annotationOf(body.metadata, FOLDER_ANNOTATION);
  if (folderUid !== '' && findFolder(sim, folderUid) === undefined)
    return status(400, 'BadRequest', `folder ${folderUid} not found`);
  let name: string;
  if (create) {
    const generated = nameFor(body.metadata, DASHBOARDS);
    if (typeof generated !== 'string') return generated;
    name = generated;
    if (findDashboard(sim, name) !== undefined || findFolder(sim, name) !== undefined)
      return alreadyExists(DASHBOARDS, name);
  } else {
    name = req.params['name'] ?? '';
    const record = findDashboard(sim, name);
    if (record === undefined) return notFound(DASHBOARDS, name);
    const rv = resourceVersionOf(body.metadata);
    if (rv !== '' && rv !== String(record.resourceVersion)) return conflict(DASHBOARDS, name);
  }
  // The object is addressed by metadata.name; legacy id/version inside the spec must not redirect the save.
  const { id: _id, version: _version, ...spec } = body.spec;
  // The same save path as POST /api/dashboards/db: title and uid rules, provisioned dashboards refused, refresh
  // raised to the minimum, version history. An update is unconditional here (resourceVersion checked above).
  const saved = saveDashboard(
    sim,
    {
      dashboard: { ...spec, uid: name },
      folderUid,
      folderId: 0,
      overwrite: !create,
      message: annotationOf(body.metadata, 'grafana.app/message'),
    },
    req.identity.login,
  );
  if (saved.status >= 400) return fromLegacyError(saved, DASHBOARDS, name);
  const record = findDashboard(sim, name);
  if (record === undefined) return notFound(DASHBOARDS, name);
  return json(create ? 201 : 200, dashboardObject(req.params['version'] ?? '', record));
}

function deleteDashboard(sim: SimContext, req: RequestInput): SimResponse {
  const denied = namespaceProblem(req, DASHBOARDS);
  if (denied !== undefined) return denied;
  const name = req.params['name'] ?? '';
  const record = findDashboard(sim, name);
  if (record === undefined) return notFound(DASHBOARDS, name);
  const problem = deleteProblem(record);
  if (problem !== undefined) return fromLegacyError(problem, DASHBOARDS, name);
  sim.state.dashboards = sim.state.dashboards.filter((d) => d !== record);
  return json(200, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: { name, group: DASHBOARD_GROUP, kind: 'dashboards', uid: record.k8sUid },
  });
}

// Folders

function listFolders(sim: SimContext, req: RequestInput): SimResponse {
  const denied = namespaceProblem(req, FOLDERS);
  if (denied !== undefined) return denied;
  const all = [...sim.state.folders].sort((a, b) => a.uid.localeCompare(b.uid));
  const { items, continue: next } = page(req, all);
  const meta: JsonObject = { resourceVersion: String(sim.state.resourceVersion) };
  if (next !== undefined) meta['continue'] = next;
  return json(200, {
    kind: 'FolderList',
    apiVersion: `${FOLDER_GROUP}/v1beta1`,
    metadata: meta,
    items: items.map(folderObject),
  });
}

function getFolder(sim: SimContext, req: RequestInput): SimResponse {
  const denied = namespaceProblem(req, FOLDERS);
  if (denied !== undefined) return denied;
  const name = req.params['name'] ?? '';
  const f = findFolder(sim, name);
  return f === undefined ? notFound(FOLDERS, name) : json(200, folderObject(f));
}

function writeFolder(sim: SimContext, req: RequestInput, create: boolean): SimResponse {
  const denied = namespaceProblem(req, FOLDERS);
  if (denied !== undefined) return denied;
  const body = parseObject(req);
  if ('status' in body) return body;
  const title = typeof body.spec['title'] === 'string' ? body.spec['title'] : '';
  const description = typeof body.spec['description'] === 'string' ? body.spec['description'] : '';
  if (title.trim() === '') return status(422, 'Invalid', 'Folder is invalid: spec.title: Required value');
  const parentUid = annotationOf(body.metadata, FOLDER_ANNOTATION);
  const parent = parentUid === '' ? undefined : findFolder(sim, parentUid);
  if (parentUid !== '' && parent === undefined)
    return status(400, 'BadRequest', `folder ${parentUid} not found`);
  const login = req.identity.login;
  if (create) {
    const name = nameFor(body.metadata, FOLDERS);
    if (typeof name !== 'string') return name;
    if (findFolder(sim, name) !== undefined || findDashboard(sim, name) !== undefined)
      return alreadyExists(FOLDERS, name);
    const problem = placementProblem(sim, undefined, parent);
    if (problem !== undefined) return status(400, 'BadRequest', PLACEMENT_MESSAGES[problem]);
    const folder = insertFolder(sim, { uid: name, title, description, parentUid }, login);
    return json(201, folderObject(folder));
  }
  const name = req.params['name'] ?? '';
  const folder = findFolder(sim, name);
  if (folder === undefined) return notFound(FOLDERS, name);
  const rv = resourceVersionOf(body.metadata);
  if (rv !== '' && rv !== String(folder.resourceVersion)) return conflict(FOLDERS, name);
  if (parentUid !== folder.parentUid) {
    const problem = placementProblem(sim, folder.uid, parent);
    if (problem !== undefined) return status(400, 'BadRequest', PLACEMENT_MESSAGES[problem]);
  }
  // A PUT replaces the whole object: an absent description clears it (unlike the legacy PUT).
  changeFolder(sim, folder, { title, description, parentUid }, login);
  return json(200, folderObject(folder));
}

function deleteFolder(sim: SimContext, req: RequestInput): SimResponse {
  const denied = namespaceProblem(req, FOLDERS);
  if (denied !== undefined) return denied;
  const name = req.params['name'] ?? '';
  const folder = findFolder(sim, name);
  if (folder === undefined) return notFound(FOLDERS, name);
  const uids = subtreeUids(sim, folder.uid);
  if (sim.state.rules.some((r) => uids.includes(r.folderUID)))
    return status(400, 'BadRequest', 'folder cannot be deleted: folder contains alert rules');
  sim.state.dashboards = sim.state.dashboards.filter((d) => !uids.includes(d.folderUid));
  sim.state.folders = sim.state.folders.filter((f) => !uids.includes(f.uid));
  return json(200, folderObject(folder));
}

const D = `/apis/${DASHBOARD_GROUP}/:version/namespaces/:namespace/dashboards`;
const F = `/apis/${FOLDER_GROUP}/v1beta1/namespaces/:namespace/folders`;
const DASHBOARD_VERSIONS: readonly string[] = ['v1beta1', 'v1'];

/** Only the classic-schema versions are served; other versions of the group are 404. */
function versioned(handler: (sim: SimContext, req: RequestInput) => SimResponse) {
  return (sim: SimContext, req: RequestInput): SimResponse =>
    DASHBOARD_VERSIONS.includes(req.params['version'] ?? '')
      ? handler(sim, req)
      : json(404, { message: 'Not found' });
}

const dashWrite = {
  permission: 'any of dashboards:create, dashboards:write',
  lockedMessage: 'database is locked',
};
const folderWrite = { permission: 'folders:write', lockedMessage: 'database is locked' };

export const kubernetesRoutes: readonly Route[] = [
  { method: 'GET', pattern: D, handler: versioned(listDashboards), readPermission: 'dashboards:read' },
  {
    method: 'GET',
    pattern: `${D}/:name`,
    handler: versioned(getDashboard),
    readPermission: 'dashboards:read',
  },
  { method: 'POST', pattern: D, handler: versioned((s, r) => writeDashboard(s, r, true)), write: dashWrite },
  {
    method: 'PUT',
    pattern: `${D}/:name`,
    handler: versioned((s, r) => writeDashboard(s, r, false)),
    write: dashWrite,
  },
  {
    method: 'DELETE',
    pattern: `${D}/:name`,
    handler: versioned(deleteDashboard),
    write: { permission: 'dashboards:delete', lockedMessage: 'database is locked' },
  },
  { method: 'GET', pattern: F, handler: listFolders, readPermission: 'folders:read' },
  { method: 'GET', pattern: `${F}/:name`, handler: getFolder, readPermission: 'folders:read' },
  { method: 'POST', pattern: F, handler: (s, r) => writeFolder(s, r, true), write: folderWrite },
  { method: 'PUT', pattern: `${F}/:name`, handler: (s, r) => writeFolder(s, r, false), write: folderWrite },
  {
    method: 'DELETE',
    pattern: `${F}/:name`,
    handler: deleteFolder,
    write: { permission: 'folders:delete', lockedMessage: 'database is locked' },
  },
];
