/**
 * Legacy folder API (`/api/folders`), nested folders included (reference §2): POST answers 200 with the DTO, uid
 * conflicts 409, title uniqueness per profile, PUT version check 412, DELETE cascading, moves with depth and
 * cycle checks.
 */
import type { JsonObject } from '../core/json.ts';
import type { Identity } from './auth.ts';
import type { SimContext } from './context.ts';
import { isUidTooLong, isValidUid, shortUid, slugify } from './ids.ts';
import { optBool, optInt, optString } from './json-input.ts';
import { bind, bodyObject, queryInt } from './request-body.ts';
import type { RequestInput, Route } from './router.ts';
import type { SimResponse } from './responses.ts';
import { errutilError, json, messageError, statusError } from './responses.ts';
import type { FolderRecord } from './state.ts';

export function findFolder(sim: SimContext, uid: string): FolderRecord | undefined {
  return sim.state.folders.find((f) => f.uid === uid);
}

/** Ancestors of a folder, root first, itself excluded. */
export function ancestorsOf(sim: SimContext, folder: FolderRecord): FolderRecord[] {
  const chain: FolderRecord[] = [];
  let parentUid = folder.parentUid;
  while (parentUid !== '') {
    const parent = findFolder(sim, parentUid);
    if (parent === undefined || chain.includes(parent)) break;
    chain.unshift(parent);
    parentUid = parent.parentUid;
  }
  return chain;
}

/** Depth of a folder: 1 at the root. */
export function depthOf(sim: SimContext, folder: FolderRecord): number {
  return ancestorsOf(sim, folder).length + 1;
}

/** The folder and all its descendants' uids. */
export function subtreeUids(sim: SimContext, uid: string): string[] {
  const out = [uid];
  for (let i = 0; i < out.length; i++) {
    const current = out[i];
    for (const f of sim.state.folders) if (f.parentUid === current && !out.includes(f.uid)) out.push(f.uid);
  }
  return out;
}

/** Height of a subtree as Grafana's `GetHeight` counts it: 0 for a folder without children. */
function heightOf(sim: SimContext, uid: string): number {
  const children = sim.state.folders.filter((f) => f.parentUid === uid);
  return children.length === 0 ? 0 : 1 + Math.max(...children.map((c) => heightOf(sim, c.uid)));
}

/** Why a folder cannot be placed somewhere; each API answers it with its own error body. */
export type PlacementProblem = 'circular-reference' | 'maximum-depth';

export const PLACEMENT_MESSAGES: Readonly<Record<PlacementProblem, string>> = {
  'circular-reference': 'Circular reference detected',
  'maximum-depth': 'Maximum nested folder depth reached',
};

/**
 * Whether a folder may be placed under `parent` (undefined = the root): not under itself or one of its
 * descendants, and within the nesting limit N (`MaxNestedFolderDepth`, 4 since grafana/grafana PR #78133, 10.3).
 * As grafana/grafana `pkg/services/folder/folderimpl/folder.go` counts it (`GetParents` answers the ancestors,
 * itself excluded; `GetHeight` is 0 for a leaf):
 * - create (`validateParent`): refused when the parent has N ancestors or more (`len(ancestors) >= N`), so a
 *   top-level folder holds at most N levels of subfolders;
 * - move (`Service.Move`): refused when `height + len(ancestors of the new parent) + 1 > N`; moving to the root
 *   counts the root like a parent without ancestors.
 * `folderUid` undefined stands for a new folder. Used by create and move in both the legacy and the `/apis` view.
 */
export function placementProblem(
  sim: SimContext,
  folderUid: string | undefined,
  parent: FolderRecord | undefined,
): PlacementProblem | undefined {
  if (folderUid !== undefined && parent !== undefined && subtreeUids(sim, folderUid).includes(parent.uid))
    return 'circular-reference';
  const limit = sim.settings.maxNestedFolderDepth;
  const ancestors = parent === undefined ? 0 : ancestorsOf(sim, parent).length;
  if (folderUid === undefined)
    return parent !== undefined && ancestors >= limit ? 'maximum-depth' : undefined;
  return heightOf(sim, folderUid) + ancestors + 1 > limit ? 'maximum-depth' : undefined;
}

export interface FolderFields {
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  readonly parentUid: string;
}

/** Stores a new folder (version 1, fresh Kubernetes metadata); the caller has validated the fields. */
export function insertFolder(sim: SimContext, fields: FolderFields, login: string): FolderRecord {
  const now = sim.now();
  const folder: FolderRecord = {
    id: sim.nextDashboardId(),
    uid: fields.uid,
    title: fields.title,
    description: fields.description,
    parentUid: fields.parentUid,
    version: 1,
    created: now,
    updated: now,
    createdBy: login,
    updatedBy: login,
    ...sim.newObjectMeta(),
  };
  sim.state.folders.push(folder);
  return folder;
}

/**
 * Applies a validated change to a folder: new version and resourceVersion, and a new generation when the spec
 * (title, description) actually changed; the parent is metadata. Omitted fields are kept.
 */
export function changeFolder(
  sim: SimContext,
  folder: FolderRecord,
  change: Partial<Omit<FolderFields, 'uid'>>,
  login: string,
): void {
  const title = change.title ?? folder.title;
  const description = change.description ?? folder.description;
  sim.written(folder, title !== folder.title || description !== folder.description);
  folder.title = title;
  folder.description = description;
  if (change.parentUid !== undefined) folder.parentUid = change.parentUid;
  folder.version += 1;
  folder.updated = sim.now();
  folder.updatedBy = login;
}

export function folderUrl(folder: FolderRecord): string {
  return `/dashboards/f/${folder.uid}/${slugify(folder.title)}`;
}

export function folderNotFound(sim: SimContext): SimResponse {
  return sim.profile.folderNotFound === 'legacy'
    ? statusError(404, 'not-found', 'folder not found')
    : errutilError(404, 'folder.notFound', 'folder not found');
}

/**
 * Create answers through `ToFolderErrorResponse` (pkg/api/apierrors/folder.go: the depth error as
 * `{"messageId","message"}`); move through `response.ErrOrFallback` (pkg/api/folder.go `MoveFolder`), which writes
 * the errutil body with its `statusCode`.
 */
function placementError(problem: PlacementProblem, on: 'create' | 'move'): SimResponse {
  const message = PLACEMENT_MESSAGES[problem];
  if (problem === 'circular-reference') return errutilError(400, 'folder.circular-reference', message);
  return on === 'move'
    ? errutilError(400, 'folder.maximum-depth-reached', message)
    : json(400, { messageId: 'folder.maximum-depth-reached', message });
}

const sameNameExists = (): SimResponse =>
  messageError(409, 'a folder with the same name already exists in the current location');

function folderDto(
  sim: SimContext,
  folder: FolderRecord,
  identity: Identity,
  withParents = true,
): JsonObject {
  const canWrite = identity.role === 'Admin';
  const dto: JsonObject = {
    id: folder.id,
    uid: folder.uid,
    // Added by PR #78420 but left 0 until PR #99724 (Jan 2025) filled it in newToFolderDto.
    orgId: sim.profile.folderOrgId,
    title: folder.title,
  };
  // No description: the legacy DTO has none (dtos.Folder, pkg/api/dtos/folder.go; newToFolderDto never copies
  // it), though create and update take one. Only `/apis` returns it (`spec.description`).
  Object.assign(dto, {
    url: folderUrl(folder),
    hasAcl: false,
    canSave: canWrite,
    canEdit: canWrite,
    canAdmin: canWrite,
    canDelete: canWrite,
    createdBy: folder.createdBy,
    created: folder.created,
    updatedBy: folder.updatedBy,
    updated: folder.updated,
    version: folder.version,
  });
  if (folder.parentUid !== '') dto['parentUid'] = folder.parentUid;
  if (withParents) {
    const parents = ancestorsOf(sim, folder);
    if (parents.length > 0) dto['parents'] = parents.map((p) => folderDto(sim, p, identity, false));
  }
  return dto;
}

function siblingWithTitle(sim: SimContext, parentUid: string, title: string, except: string): boolean {
  return sim.state.folders.some((f) => f.parentUid === parentUid && f.title === title && f.uid !== except);
}

function listFolders(sim: SimContext, req: RequestInput): SimResponse {
  const parentUid = req.query.get('parentUid') ?? '';
  if (parentUid !== '' && findFolder(sim, parentUid) === undefined) return folderNotFound(sim);
  const limit = Math.max(1, queryInt(req.query, 'limit', 1000));
  const page = Math.max(1, queryInt(req.query, 'page', 1));
  const children = sim.state.folders
    .filter((f) => f.parentUid === parentUid)
    .sort((a, b) => a.title.localeCompare(b.title) || a.id - b.id)
    .slice((page - 1) * limit, page * limit);
  return json(
    200,
    children.map((f) => {
      const item: JsonObject = { id: f.id, uid: f.uid, title: f.title };
      if (f.parentUid !== '') item['parentUid'] = f.parentUid;
      return item;
    }),
  );
}

function getFolder(sim: SimContext, req: RequestInput): SimResponse {
  const folder = findFolder(sim, req.params['uid'] ?? '');
  return folder === undefined ? folderNotFound(sim) : json(200, folderDto(sim, folder, req.identity));
}

export function uidProblem(uid: string): SimResponse | undefined {
  if (!isValidUid(uid)) return messageError(400, 'uid contains illegal characters');
  if (isUidTooLong(uid)) return messageError(400, 'uid too long, max 40 characters');
  return undefined;
}

function createFolder(sim: SimContext, req: RequestInput): SimResponse {
  const body = bodyObject(req);
  const {
    uid: rawUid,
    title,
    description,
    parentUid,
  } = bind(() => ({
    uid: optString(body, 'uid'),
    title: optString(body, 'title'),
    description: optString(body, 'description'),
    parentUid: optString(body, 'parentUid'),
  }));
  if (title.trim() === '') return messageError(400, 'folder title cannot be empty');
  if (rawUid !== '') {
    const problem = uidProblem(rawUid);
    if (problem !== undefined) return problem;
    if (findFolder(sim, rawUid) !== undefined || sim.state.dashboards.some((d) => d.uid === rawUid))
      return messageError(409, 'a folder/dashboard with the same uid already exists');
  }
  const parent = parentUid === '' ? undefined : findFolder(sim, parentUid);
  if (parentUid !== '' && parent === undefined) return folderNotFound(sim);
  const placement = placementProblem(sim, undefined, parent);
  if (placement !== undefined) return placementError(placement, 'create');
  if (sim.profile.uniqueFolderTitles && siblingWithTitle(sim, parentUid, title, '')) return sameNameExists();
  const uid = rawUid === '' ? shortUid() : rawUid;
  const folder = insertFolder(sim, { uid, title, description, parentUid }, req.identity.login);
  return json(200, folderDto(sim, folder, req.identity));
}

function updateFolder(sim: SimContext, req: RequestInput): SimResponse {
  const folder = findFolder(sim, req.params['uid'] ?? '');
  if (folder === undefined) return folderNotFound(sim);
  const body = bodyObject(req);
  const { title, description, version, overwrite } = bind(() => ({
    title: optString(body, 'title'),
    // Grafana's UpdateFolderCommand has `NewDescription *string`: an omitted (or null) description is kept.
    description:
      body['description'] === undefined || body['description'] === null
        ? undefined
        : optString(body, 'description'),
    version: optInt(body, 'version'),
    overwrite: optBool(body, 'overwrite'),
  }));
  if (title.trim() === '') return messageError(400, 'folder title cannot be empty');
  if (!overwrite && version !== folder.version)
    return statusError(412, 'version-mismatch', 'the folder has been changed by someone else');
  if (sim.profile.uniqueFolderTitles && siblingWithTitle(sim, folder.parentUid, title, folder.uid))
    return sameNameExists();
  changeFolder(sim, folder, { title, description }, req.identity.login);
  return json(200, folderDto(sim, folder, req.identity));
}

function moveFolder(sim: SimContext, req: RequestInput): SimResponse {
  const folder = findFolder(sim, req.params['uid'] ?? '');
  if (folder === undefined) return folderNotFound(sim);
  const body = bodyObject(req);
  const parentUid = bind(() => optString(body, 'parentUid'));
  const parent = parentUid === '' ? undefined : findFolder(sim, parentUid);
  if (parentUid !== '' && parent === undefined) return folderNotFound(sim);
  const problem = placementProblem(sim, folder.uid, parent);
  if (problem !== undefined) return placementError(problem, 'move');
  if (sim.profile.uniqueFolderTitles && siblingWithTitle(sim, parentUid, folder.title, folder.uid))
    return sameNameExists();
  changeFolder(sim, folder, { parentUid }, req.identity.login);
  return json(200, folderDto(sim, folder, req.identity));
}

function deleteFolder(sim: SimContext, req: RequestInput): SimResponse {
  const folder = findFolder(sim, req.params['uid'] ?? '');
  if (folder === undefined) return folderNotFound(sim);
  const uids = subtreeUids(sim, folder.uid);
  const hasRules = sim.state.rules.some((r) => uids.includes(r.folderUID));
  if (hasRules && req.query.get('forceDeleteRules') !== 'true')
    return messageError(400, 'folder cannot be deleted: folder contains alert rules');
  sim.state.rules = sim.state.rules.filter((r) => !uids.includes(r.folderUID));
  sim.state.dashboards = sim.state.dashboards.filter((d) => !uids.includes(d.folderUid));
  sim.state.folders = sim.state.folders.filter((f) => !uids.includes(f.uid));
  if (sim.profile.folderDeleteBody === 'titled')
    return json(200, { id: folder.id, message: `Folder ${folder.title} deleted`, title: folder.title });
  return json(200, { message: 'Folder deleted' });
}

const LOCKED = 'Folder API error';

export const folderRoutes: readonly Route[] = [
  { method: 'GET', pattern: '/api/folders', handler: listFolders, readPermission: 'folders:read' },
  { method: 'GET', pattern: '/api/folders/:uid', handler: getFolder, readPermission: 'folders:read' },
  {
    method: 'POST',
    pattern: '/api/folders',
    handler: createFolder,
    write: { permission: 'folders:create', lockedMessage: LOCKED },
  },
  {
    method: 'PUT',
    pattern: '/api/folders/:uid',
    handler: updateFolder,
    write: { permission: 'folders:write', lockedMessage: LOCKED },
  },
  {
    method: 'POST',
    pattern: '/api/folders/:uid/move',
    handler: moveFolder,
    write: { permission: 'folders:write', lockedMessage: LOCKED },
  },
  {
    method: 'DELETE',
    pattern: '/api/folders/:uid',
    handler: deleteFolder,
    write: { permission: 'folders:delete', lockedMessage: LOCKED },
  },
];
