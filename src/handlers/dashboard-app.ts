/**
 * Dashboards through the App Platform (`dashboard.grafana.app`, 12.0 on). A list page holds whole objects (the
 * resource server's `List`, 500 by default and at most about 2 MiB a page: grafana/grafana
 * pkg/storage/unified/resource/server.go), so drift and a no-op publish of N dashboards read about N/500 pages
 * instead of a search and N reads, and each page is compared and let go before the next is held.
 *
 * What Grafana stores shows in `status.conversion.storedVersion` whenever an object is read through another
 * version (`setConversionStatus`, apps/dashboard/pkg/migration/conversion/conversion.go): a dashboard saved as v2
 * from 13.x's UI reads through v1 as a converted classic model that has lost its v2-only structure, so it is
 * compared as "stored as v2" besides what the conversion maps. A failed conversion answers 200 with
 * `status.conversion.failed` (`withConversionMetrics` swallows the error): such a body is never compared as if it
 * were the dashboard.
 */
import { UsageError } from '../core/errors.ts';
import { isDashboardV2 } from '../core/dashboard-v2.ts';
import type { ResourceOf } from '../core/resource.ts';
import { TOOL } from '../core/ownership.ts';
import type { AppPlatformApi } from '../grafana/app-platform.ts';
import { appPath } from '../grafana/app-platform.ts';
import {
  appClaim,
  folderAnnotationOf,
  listAppObjects,
  nameOf,
  writeAppObject,
  writeMetadata,
} from './app-objects.ts';
import { ANNOTATIONS, ourManagerAnnotations } from './manager.ts';
import { asRecord, asString, ownedByPrefixOrFolder, ref } from './shared.ts';
import type { DashboardSchema, HandlerContext, ListContext, LiveObject } from './types.ts';

const GROUP = 'dashboard.grafana.app';

/** The version dashboards of a schema are read and written through. */
function versionFor(api: AppPlatformApi, schema: DashboardSchema, url: string): string {
  if (schema === 'v1') return api.dashboards;
  if (api.dashboardsV2 === undefined) {
    throw new UsageError(
      `grafana.dashboardSchema is 'v2', which needs Grafana 13 or later (dashboard.grafana.app/v2); ${url} does not serve it. Use 'v1' for this Grafana.`,
    );
  }
  return api.dashboardsV2;
}

export function dashboardPath(
  context: Pick<HandlerContext, 'client' | 'dashboardSchema'>,
  api: AppPlatformApi,
  name?: string,
): string {
  return appPath(
    api,
    GROUP,
    versionFor(api, context.dashboardSchema, context.client.baseUrl),
    'dashboards',
    name,
  );
}

/** The schema a dashboard is stored in: the version it was saved through (`v2alpha1`, `v2beta1`, `v2` are v2). */
export function storedSchema(object: unknown): DashboardSchema {
  const record = asRecord(object);
  const stored =
    asString(asRecord(asRecord(record.status).conversion).storedVersion) ??
    asString(record.apiVersion)?.split('/')[1] ??
    '';
  return stored.startsWith('v2') ? 'v2' : 'v1';
}

/** The error of a failed conversion, when the object read is not the dashboard but an empty default. */
export function conversionFailure(object: unknown): string | undefined {
  const conversion = asRecord(asRecord(asRecord(object).status).conversion);
  if (conversion.failed !== true) return undefined;
  return asString(conversion.error) ?? 'conversion failed';
}

export async function listAppDashboards(
  context: ListContext,
  api: AppPlatformApi,
): Promise<LiveObject<'Dashboard'>[]> {
  return listAppObjects(context.client, dashboardPath(context, api), async (items) => {
    const ownedFolders = await context.ownedFolders;
    return Promise.all(
      items.flatMap((item) => {
        const uid = nameOf(item);
        if (uid === '') return [];
        const folderUid = folderAnnotationOf(item);
        const object: LiveObject<'Dashboard'> = {
          kind: 'Dashboard',
          uid,
          ref: ref('Dashboard', uid),
          ...(folderUid === undefined ? {} : { folderUid }),
          body: item,
          ...appClaim(context.ownership, item, () =>
            ownedByPrefixOrFolder(context.ownership, uid, ownedFolders, folderUid),
          ),
        };
        return [context.settle(object)];
      }),
    );
  });
}

/** The dashboard spec of an App Platform object, with its uid (the object's name) where the model keeps one. */
export function appDashboardModel(object: unknown): Record<string, unknown> {
  const spec = asRecord(asRecord(object).spec);
  return isDashboardV2(spec) ? spec : { ...spec, uid: nameOf(object) };
}

function body(
  context: HandlerContext,
  api: AppPlatformApi,
  resource: ResourceOf<'Dashboard'>,
  live: unknown,
): Record<string, unknown> {
  const version = versionFor(api, context.dashboardSchema, context.client.baseUrl);
  // The classic model's `id` and `version` belong to the legacy API; the name is the uid.
  const { id: _id, version: _version, ...spec } = asRecord(resource.spec);
  return {
    apiVersion: `${GROUP}/${version}`,
    kind: 'Dashboard',
    metadata: writeMetadata(
      resource.uid,
      live,
      {
        ...ourManagerAnnotations(context.ownership, context.editable),
        [ANNOTATIONS.message]: `Published by ${TOOL} from ${resource.source}`,
      },
      resource.folderUid,
    ),
    spec,
  };
}

export async function createAppDashboard(
  context: HandlerContext,
  api: AppPlatformApi,
  resource: ResourceOf<'Dashboard'>,
): Promise<void> {
  await writeAppObject(
    context,
    'post',
    dashboardPath(context, api),
    body(context, api, resource, undefined),
    ref('Dashboard', resource.uid),
  );
}

/** A PUT with the `resourceVersion` read: a dashboard changed in between is a 409, not overwritten unseen. */
export async function updateAppDashboard(
  context: HandlerContext,
  api: AppPlatformApi,
  resource: ResourceOf<'Dashboard'>,
  live: LiveObject<'Dashboard'>,
): Promise<void> {
  await writeAppObject(
    context,
    'put',
    dashboardPath(context, api, resource.uid),
    body(context, api, resource, live.body),
    ref('Dashboard', resource.uid),
  );
}

export async function removeAppDashboard(
  context: HandlerContext,
  api: AppPlatformApi,
  live: LiveObject<'Dashboard'>,
): Promise<void> {
  await context.client.delete(dashboardPath(context, api, live.uid), { allow: [404] });
}
