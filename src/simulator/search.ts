/**
 * `GET /api/search` (reference §3): folders and dashboards as hits, folders first then by title; filters by
 * type, uids, direct parent folder, tags (all must match) and title substring; limit above 5000 is 422 and mixing
 * ids with uids of the same kind is 400.
 */
import type { JsonObject } from '../core/json.ts';
import type { SimContext } from './context.ts';
import { dashboardUrl } from './dashboards.ts';
import { findFolder, folderUrl } from './folders.ts';
import { slugify } from './ids.ts';
import { queryInt } from './request-body.ts';
import type { RequestInput, Route } from './router.ts';
import type { SimResponse } from './responses.ts';
import { json, messageError } from './responses.ts';

const MAX_LIMIT = 5000;

interface Hit {
  readonly type: 'dash-folder' | 'dash-db';
  readonly id: number;
  readonly uid: string;
  readonly title: string;
  readonly url: string;
  readonly tags: readonly string[];
  /** The direct parent folder's uid, `""` at the root. */
  readonly parentUid: string;
}

function all(query: URLSearchParams, ...keys: string[]): string[] {
  return keys
    .flatMap((k) => query.getAll(k))
    .flatMap((v) => v.split(','))
    .filter((v) => v !== '');
}

function search(sim: SimContext, req: RequestInput): SimResponse {
  const q = req.query;
  const limit = queryInt(q, 'limit', 1000);
  if (limit > MAX_LIMIT)
    return messageError(
      422,
      `Limit is above maximum allowed (${MAX_LIMIT}), use page parameter to access hits beyond limit`,
    );
  const dashboardUids = all(q, 'dashboardUIDs', 'dashboardUID');
  const dashboardIds = all(q, 'dashboardIds');
  const folderUids = all(q, 'folderUIDs');
  const folderIds = all(q, 'folderIds');
  if (
    (dashboardUids.length > 0 && dashboardIds.length > 0) ||
    (folderUids.length > 0 && folderIds.length > 0)
  )
    return messageError(400, 'search supports UIDs or IDs, not both');
  const type = q.get('type') ?? '';
  const text = (q.get('query') ?? '').toLowerCase();
  const tags = q.getAll('tag').filter((t) => t !== '');
  const page = Math.max(1, queryInt(q, 'page', 1));
  const starred = q.get('starred') === 'true';

  const hits: Hit[] = [
    ...sim.state.folders.map((f): Hit => ({
      type: 'dash-folder',
      id: f.id,
      uid: f.uid,
      title: f.title,
      url: folderUrl(f),
      tags: [],
      parentUid: f.parentUid,
    })),
    ...sim.state.dashboards.map((d): Hit => ({
      type: 'dash-db',
      id: d.id,
      uid: d.uid,
      title: d.title,
      url: dashboardUrl(d),
      tags: d.tags,
      parentUid: d.folderUid,
    })),
  ];
  const parentIds = folderIds.map(Number);
  const selected = hits
    .filter((h) => type === '' || h.type === type)
    .filter((h) => dashboardUids.length === 0 || dashboardUids.includes(h.uid))
    .filter((h) => dashboardIds.length === 0 || dashboardIds.map(Number).includes(h.id))
    .filter(
      (h) =>
        folderUids.length === 0 ||
        folderUids.includes(h.parentUid) ||
        (h.parentUid === '' && folderUids.includes('general')),
    )
    .filter(
      (h) =>
        parentIds.length === 0 ||
        parentIds.includes(h.parentUid === '' ? 0 : (findFolder(sim, h.parentUid)?.id ?? -1)),
    )
    .filter((h) => tags.every((t) => h.tags.includes(t)))
    .filter((h) => text === '' || h.title.toLowerCase().includes(text))
    .filter(() => !starred)
    .sort(
      (a, b) =>
        (a.type === b.type ? 0 : a.type === 'dash-folder' ? -1 : 1) ||
        a.title.toLowerCase().localeCompare(b.title.toLowerCase()) ||
        a.id - b.id,
    )
    .slice((page - 1) * Math.max(limit, 1), page * Math.max(limit, 1));
  return json(
    200,
    selected.map((h) => {
      // `model.Hit` (pkg/services/search/model/model.go): `orgId` from about 12.0, `isDeleted` (not omitempty) from
      // the recently-deleted feature; `sortedHits` sorts each hit's tags.
      const hit: JsonObject = {
        id: h.id,
        uid: h.uid,
        ...(sim.profile.searchHitFields.orgId ? { orgId: 1 } : {}),
        title: h.title,
        uri: `db/${slugify(h.title)}`,
        url: h.url,
        slug: '',
        type: h.type,
        tags: [...h.tags].sort(),
        isStarred: false,
        ...(sim.profile.searchHitFields.isDeleted ? { isDeleted: false } : {}),
      };
      const parent = h.parentUid === '' ? undefined : findFolder(sim, h.parentUid);
      if (parent !== undefined) {
        hit['folderId'] = parent.id;
        hit['folderUid'] = parent.uid;
        hit['folderTitle'] = parent.title;
        hit['folderUrl'] = folderUrl(parent);
      }
      hit['sortMeta'] = 0;
      return hit;
    }),
  );
}

export const searchRoutes: readonly Route[] = [
  { method: 'GET', pattern: '/api/search', handler: search, readPermission: 'dashboards:read' },
];
