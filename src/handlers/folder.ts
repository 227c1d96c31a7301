import type { ResourceOf } from '../core/resource.ts';
import type { FolderSpec } from '../core/specs.ts';
import { asArray, asRecord, asString, encode, ownedByPrefix, ref, withoutEmpty } from './shared.ts';
import type { Comparable, HandlerContext, KindHandler, LiveObject } from './types.ts';
import {
  appFolderFields,
  createAppFolder,
  listAppFolders,
  removeAppFolder,
  updateAppFolder,
} from './folder-app.ts';
import { isAppObject } from './app-objects.ts';

function comparable(
  spec: {
    uid?: unknown;
    title?: unknown;
    description?: unknown;
    parentUid?: unknown;
  },
  manager?: string,
): Comparable {
  return {
    spec: withoutEmpty({
      uid: spec.uid,
      title: spec.title,
      description: spec.description,
      parentUid: spec.parentUid,
    }),
    ...(manager === undefined ? {} : { manager }),
  };
}

/** Folders per page of `GET /api/folders` (Grafana's default limit). */
export const FOLDER_PAGE_SIZE = 1000;

/**
 * Levels listed: the deepest nesting any supported Grafana allows (13.x's `[folder] max_nested_folder_depth` at
 * its cap of 7 below a top-level folder: 8 levels, `pkg/setting/setting_folder.go`), plus one to see that nothing
 * is deeper.
 */
const MAX_DEPTH = 9;

/** The direct children of one folder (the root when `parent` is undefined), page by page. */
async function childrenOf(
  context: Pick<HandlerContext, 'client'>,
  parent: string | undefined,
  pageSize: number,
): Promise<string[]> {
  const uids: string[] = [];
  for (let page = 1; ; page += 1) {
    const response = await context.client.get('/api/folders', {
      query: { limit: String(pageSize), page: String(page), parentUid: parent },
    });
    const batch = asArray(response.body);
    for (const item of batch) {
      const uid = asString(asRecord(item).uid);
      if (uid !== undefined) uids.push(uid);
    }
    if (batch.length < pageSize) return uids;
  }
}

/**
 * The uids of every folder, parents before children: level by level (nested folders list only direct children),
 * the folders of a level in parallel, each listing paged.
 */
export async function listFolderUids(
  context: Pick<HandlerContext, 'client'>,
  pageSize: number = FOLDER_PAGE_SIZE,
): Promise<string[]> {
  const uids: string[] = [];
  const seen = new Set<string>();
  let level: (string | undefined)[] = [undefined];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth += 1) {
    const children = await Promise.all(level.map((parent) => childrenOf(context, parent, pageSize)));
    const next: string[] = [];
    for (const uid of children.flat()) {
      if (seen.has(uid)) continue;
      seen.add(uid);
      uids.push(uid);
      next.push(uid);
    }
    level = next;
  }
  return uids;
}

/**
 * Folders: through the App Platform where chosen (src/handlers/folder-app.ts); through the legacy API listed
 * level by level, page by page, then read one by one for details.
 */
export const folderHandler: KindHandler<'Folder'> = {
  kind: 'Folder',

  async list(context) {
    if (context.api.kind === 'apis') return listAppFolders(context, context.api);
    const uids = await listFolderUids(context);
    const folders = await Promise.all(
      uids.map((uid) => context.client.get(`/api/folders/${encode(uid)}`, { allow: [404] })),
    );
    return folders.flatMap((response, i): LiveObject<'Folder'>[] => {
      const uid = uids[i];
      if (response.status === 404 || uid === undefined) return [];
      return [
        {
          kind: 'Folder',
          uid,
          ref: ref('Folder', uid),
          body: response.body,
          ...ownedByPrefix(context.ownership, uid),
        },
      ];
    });
  },

  desired(resource: ResourceOf<'Folder'>) {
    return comparable(resource.spec);
  },

  /**
   * A description is compared only where Grafana answers with one: the legacy folder API takes a description on
   * create and update but never returns it (`dtos.Folder` has no such field: grafana/grafana
   * `pkg/api/dtos/folder.go`, built by `newToFolderDto` in `pkg/api/folder.go`, 10.4 to 13.x). There the
   * description in code is sent with every create and update, and read as what the code says.
   */
  live(object, desired) {
    // The App Platform returns the description (`spec.description`): compared as it is.
    if (isAppObject(object.body)) return comparable(appFolderFields(object.body), object.managerDiffers);
    const body = asRecord(object.body);
    const description = 'description' in body ? body.description : desired?.spec.description;
    return comparable({ ...body, description });
  },

  async create(context: HandlerContext, resource) {
    if (context.api.kind === 'apis') return createAppFolder(context, context.api, resource);
    const spec: FolderSpec = resource.spec;
    await context.client.post('/api/folders', {
      uid: spec.uid,
      title: spec.title,
      ...(spec.description === undefined ? {} : { description: spec.description }),
      ...(spec.parentUid === undefined ? {} : { parentUid: spec.parentUid }),
    });
  },

  async update(context, resource, live) {
    if (context.api.kind === 'apis') return updateAppFolder(context, context.api, resource, live);
    const body = asRecord(live.body);
    const spec = resource.spec;
    await context.client.put(`/api/folders/${encode(spec.uid)}`, {
      title: spec.title,
      // Absent, Grafana keeps the stored description (UpdateFolderCommand.NewDescription is a *string): '' clears it.
      description: spec.description ?? '',
      version: body.version,
      overwrite: true,
    });
    if ((asString(body.parentUid) ?? '') !== (spec.parentUid ?? '')) {
      await context.client.post(`/api/folders/${encode(spec.uid)}/move`, { parentUid: spec.parentUid ?? '' });
    }
  },

  /** A 404 means it is gone already (a retry after the first DELETE was applied but its answer lost). */
  async remove(context, live) {
    const legacy = async (): Promise<void> => {
      await context.client.delete(`/api/folders/${encode(live.uid)}`, { allow: [404] });
    };
    if (context.api.kind === 'apis') return removeAppFolder(context, context.api, live, legacy);
    await legacy();
  },
};
