import type { ResourceOf } from '../core/resource.ts';
import type { FolderSpec } from '../core/specs.ts';
import { asArray, asRecord, asString, encode, ref, withoutEmpty } from './shared.ts';
import type { Comparable, HandlerContext, KindHandler, LiveObject } from './types.ts';
import { OWNER } from './types.ts';

/** The ownership marker of folders: the last sentence of their description. */
export const FOLDER_MARKER = `Managed as code by ${OWNER}.`;

function withMarker(description: string | undefined): string {
  return description === undefined || description === '' ? FOLDER_MARKER : `${description} ${FOLDER_MARKER}`;
}

function withoutMarker(description: string | undefined): { text: string | undefined; marked: boolean } {
  if (description === undefined || !description.endsWith(FOLDER_MARKER))
    return { text: description, marked: false };
  const text = description.slice(0, -FOLDER_MARKER.length).trim();
  return { text: text === '' ? undefined : text, marked: true };
}

function comparable(spec: {
  uid?: unknown;
  title?: unknown;
  description?: unknown;
  parentUid?: unknown;
}): Comparable {
  return {
    spec: withoutEmpty({
      uid: spec.uid,
      title: spec.title,
      description: spec.description,
      parentUid: spec.parentUid,
    }),
  };
}

/** Folders per page of `GET /api/folders` (Grafana's default limit). */
export const FOLDER_PAGE_SIZE = 1000;

/** Nesting Grafana allows (8 levels below the root), plus one to see that nothing is deeper. */
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

/** Folders: listed level by level, page by page, then read one by one for details. */
export const folderHandler: KindHandler<'Folder'> = {
  kind: 'Folder',

  async list(context) {
    const uids = await listFolderUids(context);
    const folders = await Promise.all(
      uids.map((uid) => context.client.get(`/api/folders/${encode(uid)}`, { allow: [404] })),
    );
    return folders.flatMap((response, i): LiveObject<'Folder'>[] => {
      const uid = uids[i];
      if (response.status === 404 || uid === undefined) return [];
      const marked = withoutMarker(asString(asRecord(response.body).description)).marked;
      return [{ kind: 'Folder', uid, ref: ref('Folder', uid), body: response.body, owned: marked }];
    });
  },

  desired(resource: ResourceOf<'Folder'>) {
    return comparable(resource.spec);
  },

  live(object) {
    const body = asRecord(object.body);
    return comparable({ ...body, description: withoutMarker(asString(body.description)).text });
  },

  async create(context: HandlerContext, resource) {
    const spec: FolderSpec = resource.spec;
    await context.client.post('/api/folders', {
      uid: spec.uid,
      title: spec.title,
      description: withMarker(spec.description),
      ...(spec.parentUid === undefined ? {} : { parentUid: spec.parentUid }),
    });
  },

  async update(context, resource, live) {
    const body = asRecord(live.body);
    const spec = resource.spec;
    await context.client.put(`/api/folders/${encode(spec.uid)}`, {
      title: spec.title,
      description: withMarker(spec.description),
      version: body.version,
      overwrite: true,
    });
    if ((asString(body.parentUid) ?? '') !== (spec.parentUid ?? '')) {
      await context.client.post(`/api/folders/${encode(spec.uid)}/move`, { parentUid: spec.parentUid ?? '' });
    }
  },

  /** A 404 means it is gone already (a retry after the first DELETE was applied but its answer lost). */
  async remove(context, live) {
    await context.client.delete(`/api/folders/${encode(live.uid)}`, { allow: [404] });
  },
};
