import { comparableDashboard, comparableDashboardV2 } from './dashboard-comparable.ts';
import { isDashboardV2 as isV2Dashboard } from '../core/dashboard-v2.ts';
import type { ResourceOf } from '../core/resource.ts';
import { TOOL } from '../core/ownership.ts';
import { isAppObject } from './app-objects.ts';
import {
  appDashboardModel,
  conversionFailure,
  createAppDashboard,
  listAppDashboards,
  removeAppDashboard,
  storedSchema,
  updateAppDashboard,
} from './dashboard-app.ts';
import { asArray, asRecord, asString, encode, ownedByPrefixOrFolder, ref } from './shared.ts';
import { sameValue } from '../core/same-value.ts';

export { comparableDashboard };
import type { Comparable, DashboardSchema, HandlerContext, KindHandler, LiveObject } from './types.ts';

/**
 * What the legacy GET answers for a dashboard stored in the v2 schema: 406 "dashboard api version not supported,
 * use /apis/dashboard.grafana.app/<version>/namespaces/<ns>/dashboards/<uid> instead" (`GetDashboard`,
 * grafana/grafana pkg/api/dashboard.go, 12.x; asserted by "v2 dashboards should not be returned in api" in
 * pkg/api/dashboard_test.go). Read as "stored as v2" with no model: never compared as missing or as the JSON.
 */
const STORED_AS_V2 = { storedAsV2: true };

function folderOf(uid: string | undefined): { folderUid?: string } {
  return uid === undefined || uid === '' || uid === 'general' ? {} : { folderUid: uid };
}

/** Keys of a stored model the server owns: its id, version, and the uid the object is named by. */
const SERVER_KEYS = new Set(['id', 'version', 'uid']);

/** Two models equal but for the server's keys (top level only). */
function sameModel(live: unknown, desired: unknown): boolean {
  const a = asRecord(live);
  const b = asRecord(desired);
  let count = 0;
  for (const key of Object.keys(a)) {
    if (SERVER_KEYS.has(key) || a[key] === undefined) continue;
    count += 1;
    if (!sameValue(a[key], b[key])) return false;
  }
  for (const key of Object.keys(b)) if (!SERVER_KEYS.has(key) && b[key] !== undefined) count -= 1;
  return count === 0;
}

/** The comparable form of a dashboard model in either schema. */
function comparableModel(model: unknown, desiredSchemaVersion?: unknown): unknown {
  return isV2Dashboard(model)
    ? comparableDashboardV2(model)
    : comparableDashboard(model, desiredSchemaVersion);
}

function schemaOf(model: unknown): DashboardSchema {
  return isV2Dashboard(model) ? 'v2' : 'v1';
}

/**
 * Dashboards: through the App Platform where chosen (src/handlers/dashboard-app.ts); through the legacy API found
 * with /api/search (one request per 5,000) and read one by one only where a comparison needs the JSON. Owned when
 * their uid carries our prefix or they sit in a folder we own (and, on the App Platform, by our manager
 * annotations).
 */
export const dashboardHandler: KindHandler<'Dashboard'> = {
  kind: 'Dashboard',

  async list(context) {
    if (context.api.kind === 'apis') return listAppDashboards(context, context.api);
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
          ? await context.client.get(`/api/dashboards/uid/${encode(uid)}`, { allow: [404, 406] })
          : undefined;
        if (response?.status === 404) return undefined;
        const ownedFolders = await context.ownedFolders;
        const object: LiveObject<'Dashboard'> = {
          kind: 'Dashboard',
          uid,
          ref: ref('Dashboard', uid),
          ...folder,
          body:
            response?.status === 406
              ? { ...STORED_AS_V2, meta: { folderUid: folder.folderUid } }
              : (response?.body ?? { dashboard: undefined, meta: { folderUid: folder.folderUid } }),
          ...ownedByPrefixOrFolder(context.ownership, uid, ownedFolders, folder.folderUid),
        };
        return response === undefined ? object : context.settle(object);
      }),
    );
    return objects.filter((o): o is LiveObject<'Dashboard'> => o !== undefined);
  },

  desired(resource: ResourceOf<'Dashboard'>): Comparable {
    return {
      ...folderOf(resource.folderUid),
      spec: comparableModel(resource.spec),
      schema: schemaOf(resource.spec),
    };
  },

  /**
   * The desired schemaVersion counts as the live one, so that a dashboard the UI migrated forward on save is not a
   * difference. A dashboard stored as v2 and read through the classic schema compares as what the conversion maps
   * plus its schema; one whose conversion failed as that failure.
   */
  live(object, desired) {
    const desiredVersion = asRecord(desired?.spec).schemaVersion;
    const manager = object.managerDiffers === undefined ? {} : { manager: object.managerDiffers };
    if (isAppObject(object.body)) {
      const failed = conversionFailure(object.body);
      return {
        ...folderOf(object.folderUid),
        spec:
          failed === undefined
            ? comparableModel(appDashboardModel(object.body), desiredVersion)
            : { conversionFailed: failed },
        schema: storedSchema(object.body),
        ...manager,
      };
    }
    const body = asRecord(object.body);
    const folder = folderOf(asString(asRecord(body.meta).folderUid));
    if (body.storedAsV2 === true) return { ...folder, spec: { storedAsV2: true }, schema: 'v2' };
    return {
      ...folder,
      spec: comparableDashboard(body.dashboard, desiredVersion),
      schema: schemaOf(body.dashboard),
    };
  },

  /**
   * The raw model as stored equals the one in code (the server's `id`, `version` and `uid` aside), in the same
   * folder and schema, with our manager: the same, without building either comparable form (which normalises
   * what the UI would have changed, and is what most of a no-op's time went to).
   */
  quickSame(object, resource) {
    if (object.managerDiffers !== undefined || object.foreignManager !== undefined) return undefined;
    const body = asRecord(object.body);
    const app = isAppObject(body);
    if (app && (conversionFailure(body) !== undefined || storedSchema(body) !== schemaOf(resource.spec)))
      return undefined;
    const model = app ? body.spec : body.dashboard;
    const folder = app ? object.folderUid : folderOf(asString(asRecord(body.meta).folderUid)).folderUid;
    if ((folder ?? '') !== (resource.folderUid ?? '')) return undefined;
    return sameModel(model, resource.spec) ? true : undefined;
  },

  async create(context: HandlerContext, resource) {
    if (context.api.kind === 'apis') return createAppDashboard(context, context.api, resource);
    await save(context, resource);
  },

  async update(context, resource, live) {
    if (context.api.kind === 'apis') return updateAppDashboard(context, context.api, resource, live);
    await save(context, resource);
  },

  /** A 404 means it is gone already (a retry after the first DELETE was applied but its answer lost). */
  async remove(context, live) {
    if (context.api.kind === 'apis') return removeAppDashboard(context, context.api, live);
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
