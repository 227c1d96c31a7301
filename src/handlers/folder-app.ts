/**
 * Folders through the App Platform (`folder.grafana.app`, 12.0 on): one list request per 500 folders holds every
 * folder whole (title, description, parent and manager annotations), where the legacy API needs a listing per
 * level and a read per folder, and never returns the description.
 */
import type { ResourceOf } from '../core/resource.ts';
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
import { ourManagerAnnotations } from './manager.ts';
import { GrafanaApiError } from '../grafana/errors.ts';
import { asRecord, asString, ownedByPrefix, ref } from './shared.ts';
import type { HandlerContext, ListContext, LiveObject } from './types.ts';

const GROUP = 'folder.grafana.app';

export function folderPath(api: AppPlatformApi, name?: string): string {
  return appPath(api, GROUP, api.folders, 'folders', name);
}

export async function listAppFolders(
  context: ListContext,
  api: AppPlatformApi,
): Promise<LiveObject<'Folder'>[]> {
  return listAppObjects(context.client, folderPath(api), (items) =>
    Promise.resolve(
      items.flatMap((item): LiveObject<'Folder'>[] => {
        const uid = nameOf(item);
        if (uid === '') return [];
        const parent = folderAnnotationOf(item);
        return [
          {
            kind: 'Folder',
            uid,
            ref: ref('Folder', uid),
            ...(parent === undefined ? {} : { folderUid: parent }),
            body: item,
            ...appClaim(context.ownership, item, () => ownedByPrefix(context.ownership, uid)),
          },
        ];
      }),
    ),
  );
}

/** The fields the legacy comparison reads, from an App Platform folder. */
export function appFolderFields(object: unknown): Record<string, unknown> {
  const spec = asRecord(asRecord(object).spec);
  return {
    uid: nameOf(object),
    title: spec.title,
    description: asString(spec.description) ?? '',
    parentUid: folderAnnotationOf(object),
  };
}

function body(
  context: HandlerContext,
  api: AppPlatformApi,
  resource: ResourceOf<'Folder'>,
  live: unknown,
): Record<string, unknown> {
  const spec = resource.spec;
  return {
    apiVersion: `${GROUP}/${api.folders}`,
    kind: 'Folder',
    metadata: writeMetadata(
      spec.uid,
      live,
      ourManagerAnnotations(context.ownership, context.editable),
      spec.parentUid,
    ),
    spec: { title: spec.title, ...(spec.description === undefined ? {} : { description: spec.description }) },
  };
}

export async function createAppFolder(
  context: HandlerContext,
  api: AppPlatformApi,
  resource: ResourceOf<'Folder'>,
): Promise<void> {
  await writeAppObject(
    context,
    'post',
    folderPath(api),
    body(context, api, resource, undefined),
    ref('Folder', resource.uid),
  );
}

/** A PUT replaces the object: the description in code (or none), the parent through the folder annotation. */
export async function updateAppFolder(
  context: HandlerContext,
  api: AppPlatformApi,
  resource: ResourceOf<'Folder'>,
  live: LiveObject<'Folder'>,
): Promise<void> {
  await writeAppObject(
    context,
    'put',
    folderPath(api, resource.uid),
    body(context, api, resource, live.body),
    ref('Folder', resource.uid),
  );
}

/**
 * `/apis` refuses to delete a folder that still holds anything (400 "Folder cannot be deleted: folder is not
 * empty", `ErrFolderNotEmpty`, pkg/services/folder/model.go; its cascade is an opt-in feature flag). The plan
 * deletes what is ours inside first; what is left is a cascade the run was allowed (`--prune-nested`), which the
 * legacy endpoint performs as it always has (`DeleteFolder`, pkg/api/folder.go, still served by 13.x). Without
 * that permission, a folder that is not empty stays, with an error.
 */
export async function removeAppFolder(
  context: HandlerContext,
  api: AppPlatformApi,
  live: LiveObject<'Folder'>,
  legacyRemove: () => Promise<void>,
): Promise<void> {
  const response = await context.client.delete(folderPath(api, live.uid), { allow: [400, 404] });
  if (response.status !== 400) return;
  const message = asString(asRecord(response.body).message) ?? '';
  if (!/not empty/i.test(message) || context.pruneNested !== true) {
    throw new GrafanaApiError(
      'DELETE',
      folderPath(api, live.uid),
      400,
      JSON.stringify(response.body),
      /not empty/i.test(message)
        ? 'Something was put into the folder after publish read it; run publish again to see it in the plan.'
        : 'Grafana refused to delete the folder.',
    );
  }
  await legacyRemove();
}
