import { comparableDashboard } from './dashboard-comparable.ts';
import type { ResourceOf } from '../core/resource.ts';
import { hasOwnerPrefix, TOOL } from '../core/ownership.ts';
import { asArray, asRecord, asString, encode, ownedByFolder, ownedByPrefix, ref } from './shared.ts';

export { comparableDashboard };
import type { Comparable, HandlerContext, KindHandler, LiveObject } from './types.ts';

function folderOf(uid: string | undefined): { folderUid?: string } {
  return uid === undefined || uid === '' || uid === 'general' ? {} : { folderUid: uid };
}

/**
 * Dashboards: found through /api/search (one request per 5,000), read one by one only where a comparison needs
 * the JSON. Owned when their uid carries our prefix or they sit in a folder we own.
 */
export const dashboardHandler: KindHandler<'Dashboard'> = {
  kind: 'Dashboard',

  async list(context) {
    const hits: Record<string, unknown>[] = [];
    for (let page = 1; ; page += 1) {
      const response = await context.client.get('/api/search', {
        query: { type: 'dash-db', limit: '5000', page: String(page) },
      });
      const batch = asArray(response.body).map(asRecord);
      hits.push(...batch);
      if (batch.length < 5000) break;
    }
    const wanted = context.desired.uids('Dashboard');
    const objects = await Promise.all(
      hits.map(async (hit): Promise<LiveObject<'Dashboard'> | undefined> => {
        const uid = asString(hit.uid) ?? '';
        const folder = folderOf(asString(hit.folderUid));
        const response = wanted.has(uid)
          ? await context.client.get(`/api/dashboards/uid/${encode(uid)}`, { allow: [404] })
          : undefined;
        if (response?.status === 404) return undefined;
        const ownedFolders = await context.ownedFolders;
        const object: LiveObject<'Dashboard'> = {
          kind: 'Dashboard',
          uid,
          ref: ref('Dashboard', uid),
          ...folder,
          body: response?.body ?? { dashboard: undefined, meta: { folderUid: folder.folderUid } },
          ...(hasOwnerPrefix(context.ownership, uid)
            ? ownedByPrefix(context.ownership, uid)
            : ownedByFolder(ownedFolders, folder.folderUid)),
        };
        return response === undefined ? object : context.settle(object);
      }),
    );
    return objects.filter((o): o is LiveObject<'Dashboard'> => o !== undefined);
  },

  desired(resource: ResourceOf<'Dashboard'>): Comparable {
    return { ...folderOf(resource.folderUid), spec: comparableDashboard(resource.spec) };
  },

  live(object, desired) {
    const body = asRecord(object.body);
    return {
      ...folderOf(asString(asRecord(body.meta).folderUid)),
      // The desired schemaVersion, so that a dashboard the UI migrated forward on save is not a difference.
      spec: comparableDashboard(body.dashboard, asRecord(desired?.spec).schemaVersion),
    };
  },

  async create(context: HandlerContext, resource) {
    await save(context, resource);
  },

  async update(context, resource) {
    await save(context, resource);
  },

  /** A 404 means it is gone already (a retry after the first DELETE was applied but its answer lost). */
  async remove(context, live) {
    await context.client.delete(`/api/dashboards/uid/${encode(live.uid)}`, { allow: [404] });
  },
};

/**
 * Create or update by uid: `overwrite` adopts the stored version (no 412), `id: null` never points at another
 * instance's dashboard, and `folderUid` is always sent (omitted, Grafana moves the dashboard to the root).
 */
async function save(context: HandlerContext, resource: ResourceOf<'Dashboard'>): Promise<void> {
  await context.client.post('/api/dashboards/db', {
    dashboard: { ...resource.spec, id: null },
    folderUid: resource.folderUid ?? '',
    overwrite: true,
    message: `Published by ${TOOL} from ${resource.source}`,
  });
}
