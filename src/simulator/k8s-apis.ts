/**
 * The Kubernetes-style APIs of Grafana 12 and 13 (the App Platform), backed by the same store as `/api/dashboards`
 * and `/api/folders`: `dashboard.grafana.app` and `folder.grafana.app` in the versions the profile serves, in
 * namespace `default` (org 1). `metadata.name` is the Grafana uid; `resourceVersion` changes on every write,
 * `generation` on spec changes; errors are Kubernetes `Status` objects. A dashboard keeps the version it was
 * saved through and is converted when read through another (dashboard-v2.ts, `status.conversion`); manager
 * annotations are enforced as `enforceManagerProperties` does for a client that is not the provisioning service
 * (pkg/storage/unified/apistore/managed.go).
 */
import type { JsonObject } from '../core/json.ts';
import { isJsonObject } from '../core/json.ts';
import type { SimContext } from './context.ts';
import { deleteProblem, findDashboard, saveDashboard } from './dashboards.ts';
import { changeFolder, findFolder, insertFolder, PLACEMENT_MESSAGES, placementProblem } from './folders.ts';
import { isUidTooLong, isValidUid, shortUid } from './ids.ts';
import { classicToV2, v2ToClassic } from './dashboard-v2.ts';
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
    ...(record.annotations ?? {}),
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

/** The version a dashboard was stored through: the legacy API stores v0alpha1. */
export function storedVersionOf(d: DashboardRecord): string {
  return d.storedVersion ?? 'v0alpha1';
}

function isV2(version: string): boolean {
  return version.startsWith('v2');
}

/**
 * A dashboard as read through `version`: converted when stored in the other schema, with the stored version in
 * `status.conversion` whenever the two differ (`setConversionStatus`).
 */
function dashboardObject(version: string, d: DashboardRecord): JsonObject {
  // A shallow copy is enough: the response is serialised before any other request can change the stored JSON,
  // and the conversions only read it.
  const { id: _id, version: _version, uid: _uid, ...raw } = d.data;
  const stored = storedVersionOf(d);
  let spec: JsonObject;
  if (isV2(stored) && isV2(version)) spec = raw;
  else if (isV2(stored)) spec = v2ToClassic(raw, d.uid);
  else if (isV2(version)) spec = classicToV2(raw);
  else spec = { ...raw, uid: d.uid };
  return {
    kind: 'Dashboard',
    apiVersion: `${DASHBOARD_GROUP}/${version}`,
    metadata: metadata(d, d.folderUid),
    spec,
    status: stored === version ? {} : { conversion: { failed: false, storedVersion: stored } },
  };
}

function folderObject(f: FolderRecord, version: string): JsonObject {
  const spec: JsonObject = { title: f.title };
  if (f.description !== '') spec['description'] = f.description;
  return {
    kind: 'Folder',
    apiVersion: `${FOLDER_GROUP}/${version}`,
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

const MANAGED_BY = 'grafana.app/managedBy';
const MANAGER_ID = 'grafana.app/managerId';

/** Annotations the server sets itself: never stored from a client (folder and message are read apart). */
const SERVER_SET = new Set([
  'grafana.app/createdBy',
  'grafana.app/updatedBy',
  'grafana.app/updatedTimestamp',
  FOLDER_ANNOTATION,
  'grafana.app/message',
]);

/** The annotations a client sent that the object keeps (none on legacy storage). */
function clientAnnotations(sim: SimContext, meta: JsonObject): Record<string, string> {
  const out: Record<string, string> = {};
  const annotations = meta['annotations'];
  if (!isJsonObject(annotations) || sim.settings.legacyStorage) return out;
  for (const [key, value] of Object.entries(annotations))
    if (typeof value === 'string' && !SERVER_SET.has(key)) out[key] = value;
  return out;
}

/**
 * `enforceManagerProperties` for a caller that is not the provisioning service (every HTTP client here): `repo`
 * may be neither set nor written over nor deleted (Git Sync owns it: `errResourceIsManagedInRepository`, "this
 * resource is managed by a repository"; with provisioning on, Grafana turns such a write into a commit to the
 * repository, which this simulator does not model: *assumed* as a 403 refusal); a manager's kind may not change
 * and its identity may not change except for `terraform` ("Cannot change resource manager identity; remove the
 * existing manager first, then add the new one"); a manager may not be dropped ("Can not remove resource manager
 * from resource"). Anything else (`kubectl`, `terraform`, `plugin`, `grafana`, no manager) is accepted.
 */
function managerProblem(
  existing: Readonly<Record<string, string>> | undefined,
  incoming: Readonly<Record<string, string>> | undefined,
): SimResponse | undefined {
  const forbidden = (message: string): SimResponse => status(403, 'Forbidden', message);
  const before = existing?.[MANAGED_BY] ?? '';
  if (before === 'repo') return forbidden('this resource is managed by a repository');
  if (incoming === undefined) return undefined;
  const after = incoming[MANAGED_BY] ?? '';
  if (after === 'repo') return forbidden('this resource is managed by a repository');
  if (before === '') return undefined;
  if (after === '') return forbidden('Can not remove resource manager from resource');
  if (after !== before) return forbidden(`Cannot change resource manager kind from ${before} to ${after}`);
  if (before !== 'terraform' && (incoming[MANAGER_ID] ?? '') !== (existing?.[MANAGER_ID] ?? ''))
    return forbidden(
      'Cannot change resource manager identity; remove the existing manager first, then add the new one',
    );
  return undefined;
}

/**
 * `ensureSameRepoManager` (pkg/storage/unified/apistore/managed.go): inside a folder a repository manages, only
 * that repository's resources ("folder is managed by repo:<id>, but the resource is not managed"; another manager:
 * "resource manager (k:id) does not match folder manager (k:id); …").
 */
function folderManagerProblem(
  folder: Readonly<Record<string, string>> | undefined,
  incoming: Readonly<Record<string, string>>,
): SimResponse | undefined {
  if (folder?.[MANAGED_BY] !== 'repo') return undefined;
  const id = folder[MANAGER_ID] ?? '';
  const kind = incoming[MANAGED_BY] ?? '';
  if (kind === '')
    return status(403, 'Forbidden', `folder is managed by repo:${id}, but the resource is not managed`);
  if (kind === 'repo' && incoming[MANAGER_ID] === id) return undefined;
  return status(
    403,
    'Forbidden',
    `resource manager (${kind}:${incoming[MANAGER_ID] ?? ''}) does not match folder manager (repo:${id}); resources must be managed by the same manager as their containing folder`,
  );
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

/** Objects per page when `limit` is absent or below 1 (`List`, pkg/storage/unified/resource/server.go). */
const DEFAULT_LIMIT = 500;
/** A page ends once it holds this many bytes (`[unified_storage] max_page_size_bytes`, 2 MiB by default). */
const MAX_PAGE_BYTES = 2 * 1024 * 1024;

/**
 * One page of a list: `limit` objects (500 when absent) or fewer once the page reaches 2 MiB; `continue` an
 * opaque token while more remain.
 */
function page<T>(
  req: RequestInput,
  items: readonly T[],
  render: (item: T) => JsonObject,
): { items: string[]; continue?: string } | SimResponse {
  const asked = Number(req.query.get('limit') ?? '0');
  const limit = Number.isInteger(asked) && asked > 0 ? asked : DEFAULT_LIMIT;
  const token = req.query.get('continue') ?? '';
  let offset = 0;
  if (token !== '') {
    const decoded = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, 'base64url').toString('utf8') : '';
    if (!/^\d+$/.test(decoded)) return status(400, 'BadRequest', 'invalid continue token');
    offset = Number(decoded);
  }
  // Each object is serialised once: its text is both what the byte limit counts and what the page sends.
  const out: string[] = [];
  let bytes = 0;
  let next = offset;
  while (next < items.length && out.length < limit && bytes < MAX_PAGE_BYTES) {
    const item = items[next];
    next += 1;
    if (item === undefined) continue;
    const text = JSON.stringify(render(item));
    bytes += text.length;
    out.push(text);
  }
  return next < items.length
    ? { items: out, continue: Buffer.from(String(next), 'utf8').toString('base64url') }
    : { items: out };
}

/** A list answer from objects already serialised. */
function listResponse(
  kind: string,
  apiVersion: string,
  metadata: JsonObject,
  items: readonly string[],
): SimResponse {
  const head = JSON.stringify({ kind, apiVersion, metadata });
  return {
    status: 200,
    text: `${head.slice(0, -1)},"items":[${items.join(',')}]}`,
    headers: { 'content-type': 'application/json' },
  };
}

// Dashboards

function listDashboards(sim: SimContext, req: RequestInput): SimResponse {
  const denied = namespaceProblem(req, DASHBOARDS);
  if (denied !== undefined) return denied;
  const version = req.params['version'] ?? 'v1beta1';
  const all = [...sim.state.dashboards].sort((a, b) => a.uid.localeCompare(b.uid));
  const listed = page(req, all, (d) => dashboardObject(version, d));
  if ('status' in listed) return listed;
  const meta: JsonObject = { resourceVersion: String(sim.state.resourceVersion) };
  if (listed.continue !== undefined) meta['continue'] = listed.continue;
  return listResponse('DashboardList', `${DASHBOARD_GROUP}/${version}`, meta, listed.items);
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

/**
 * POST creates, PUT updates (or creates: `AllowCreateOnUpdate`); a PUT without `resourceVersion` is unconditional
 * (`AllowUnconditionalUpdate`), a stale one a 409 Conflict. A v2 version takes a v2 spec and stores it as such.
 */
function writeDashboard(sim: SimContext, req: RequestInput, create: boolean): SimResponse {
  const denied = namespaceProblem(req, DASHBOARDS);
  if (denied !== undefined) return denied;
  const body = parseObject(req);
  if ('status' in body) return body;
  const version = req.params['version'] ?? 'v1beta1';
  const folderUid = annotationOf(body.metadata, FOLDER_ANNOTATION);
  if (folderUid !== '' && findFolder(sim, folderUid) === undefined)
    return status(400, 'BadRequest', `folder ${folderUid} not found`);
  let name: string;
  let existing: DashboardRecord | undefined;
  if (create) {
    const generated = nameFor(body.metadata, DASHBOARDS);
    if (typeof generated !== 'string') return generated;
    name = generated;
    if (findDashboard(sim, name) !== undefined || findFolder(sim, name) !== undefined)
      return alreadyExists(DASHBOARDS, name);
  } else {
    name = req.params['name'] ?? '';
    existing = findDashboard(sim, name);
    const rv = resourceVersionOf(body.metadata);
    if (existing !== undefined && rv !== '' && rv !== String(existing.resourceVersion))
      return conflict(DASHBOARDS, name);
  }
  const annotations = clientAnnotations(sim, body.metadata);
  const refused =
    managerProblem(existing?.annotations, annotations) ??
    folderManagerProblem(findFolder(sim, folderUid)?.annotations, annotations);
  if (refused !== undefined) return refused;
  if (isV2(version) && !(isJsonObject(body.spec['elements']) && isJsonObject(body.spec['layout'])))
    return status(
      422,
      'Invalid',
      `Dashboard.${DASHBOARD_GROUP} "${name}" is invalid: spec.elements: Required value`,
    );
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
      overwrite: existing !== undefined,
      message: annotationOf(body.metadata, 'grafana.app/message'),
    },
    req.identity.login,
  );
  if (saved.status >= 400) return fromLegacyError(saved, DASHBOARDS, name);
  const record = findDashboard(sim, name);
  if (record === undefined) return notFound(DASHBOARDS, name);
  record.annotations = annotations;
  record.storedVersion = version;
  return json(existing === undefined ? 201 : 200, dashboardObject(version, record));
}

function deleteDashboard(sim: SimContext, req: RequestInput): SimResponse {
  const denied = namespaceProblem(req, DASHBOARDS);
  if (denied !== undefined) return denied;
  const name = req.params['name'] ?? '';
  const record = findDashboard(sim, name);
  if (record === undefined) return notFound(DASHBOARDS, name);
  const refused = managerProblem(record.annotations, undefined);
  if (refused !== undefined) return refused;
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
  const version = req.params['version'] ?? 'v1beta1';
  const all = [...sim.state.folders].sort((a, b) => a.uid.localeCompare(b.uid));
  const listed = page(req, all, (f) => folderObject(f, version));
  if ('status' in listed) return listed;
  const meta: JsonObject = { resourceVersion: String(sim.state.resourceVersion) };
  if (listed.continue !== undefined) meta['continue'] = listed.continue;
  return listResponse('FolderList', `${FOLDER_GROUP}/${version}`, meta, listed.items);
}

function getFolder(sim: SimContext, req: RequestInput): SimResponse {
  const denied = namespaceProblem(req, FOLDERS);
  if (denied !== undefined) return denied;
  const name = req.params['name'] ?? '';
  const f = findFolder(sim, name);
  return f === undefined
    ? notFound(FOLDERS, name)
    : json(200, folderObject(f, req.params['version'] ?? 'v1beta1'));
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
  const version = req.params['version'] ?? 'v1beta1';
  const annotations = clientAnnotations(sim, body.metadata);
  const existing = create ? undefined : findFolder(sim, req.params['name'] ?? '');
  if (existing === undefined) {
    // POST, or a PUT to a name not taken yet (`AllowCreateOnUpdate`).
    const name = create ? nameFor(body.metadata, FOLDERS) : (req.params['name'] ?? '');
    if (typeof name !== 'string') return name;
    if (findFolder(sim, name) !== undefined || findDashboard(sim, name) !== undefined)
      return alreadyExists(FOLDERS, name);
    const refused =
      managerProblem(undefined, annotations) ?? folderManagerProblem(parent?.annotations, annotations);
    if (refused !== undefined) return refused;
    const problem = placementProblem(sim, undefined, parent);
    if (problem !== undefined) return status(400, 'BadRequest', PLACEMENT_MESSAGES[problem]);
    const folder = insertFolder(sim, { uid: name, title, description, parentUid }, login);
    folder.annotations = annotations;
    return json(201, folderObject(folder, version));
  }
  const folder = existing;
  const name = folder.uid;
  const rv = resourceVersionOf(body.metadata);
  if (rv !== '' && rv !== String(folder.resourceVersion)) return conflict(FOLDERS, name);
  const refused = managerProblem(folder.annotations, annotations);
  if (refused !== undefined) return refused;
  if (parentUid !== folder.parentUid) {
    const problem = placementProblem(sim, folder.uid, parent);
    if (problem !== undefined) return status(400, 'BadRequest', PLACEMENT_MESSAGES[problem]);
  }
  // A PUT replaces the whole object: an absent description clears it (unlike the legacy PUT).
  changeFolder(sim, folder, { title, description, parentUid }, login);
  folder.annotations = annotations;
  return json(200, folderObject(folder, version));
}

function deleteFolder(sim: SimContext, req: RequestInput): SimResponse {
  const denied = namespaceProblem(req, FOLDERS);
  if (denied !== undefined) return denied;
  const name = req.params['name'] ?? '';
  const folder = findFolder(sim, name);
  if (folder === undefined) return notFound(FOLDERS, name);
  const refused = managerProblem(folder.annotations, undefined);
  if (refused !== undefined) return refused;
  // A folder holding anything (dashboards, alert rules, subfolders) is refused: `ErrFolderNotEmpty`
  // (pkg/services/folder/model.go, public message) from the delete validation of pkg/registry/apis/folders; the
  // opt-in cascade (`kubernetesFolderCascadeDelete` with gracePeriodSeconds=0) is not modelled.
  const holds =
    sim.state.folders.some((f) => f.parentUid === folder.uid) ||
    sim.state.dashboards.some((d) => d.folderUid === folder.uid) ||
    sim.state.rules.some((r) => r.folderUID === folder.uid);
  if (holds)
    return json(400, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Folder cannot be deleted: folder is not empty',
      reason: 'BadRequest',
      details: { uid: 'folder.not-empty' },
      code: 400,
    });
  sim.state.folders = sim.state.folders.filter((f) => f !== folder);
  return json(200, folderObject(folder, req.params['version'] ?? 'v1beta1'));
}

const D = `/apis/${DASHBOARD_GROUP}/:version/namespaces/:namespace/dashboards`;
const F = `/apis/${FOLDER_GROUP}/:version/namespaces/:namespace/folders`;

/** Only the versions the profile serves; other versions of the group are 404. */
function versioned(
  handler: (sim: SimContext, req: RequestInput) => SimResponse,
  group: 'dashboards' | 'folders' = 'dashboards',
) {
  return (sim: SimContext, req: RequestInput): SimResponse =>
    sim.profile.appPlatformVersions[group].includes(req.params['version'] ?? '')
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
  { method: 'GET', pattern: F, handler: versioned(listFolders, 'folders'), readPermission: 'folders:read' },
  {
    method: 'GET',
    pattern: `${F}/:name`,
    handler: versioned(getFolder, 'folders'),
    readPermission: 'folders:read',
  },
  {
    method: 'POST',
    pattern: F,
    handler: versioned((s, r) => writeFolder(s, r, true), 'folders'),
    write: folderWrite,
  },
  {
    method: 'PUT',
    pattern: `${F}/:name`,
    handler: versioned((s, r) => writeFolder(s, r, false), 'folders'),
    write: folderWrite,
  },
  {
    method: 'DELETE',
    pattern: `${F}/:name`,
    handler: versioned(deleteFolder, 'folders'),
    write: { permission: 'folders:delete', lockedMessage: 'database is locked' },
  },
];
