/**
 * Reading and writing App Platform objects (`/apis`): lists page by page with `limit` and `continue` (each page
 * holds whole objects, so nothing is read one by one), and the metadata every write carries.
 */
import type { Ownership } from '../core/ownership.ts';
import type { GrafanaClient } from '../grafana/client.ts';
import type { HandlerContext, LiveObject } from './types.ts';
import type { ManagerClaim } from './manager.ts';
import { ANNOTATIONS, MANAGER_KIND, annotationsOf, managerClaim, managerDifference } from './manager.ts';
import { asArray, asRecord, asString } from './shared.ts';

/**
 * Objects per list page. The storage server caps a page (unified storage's resource server), and a page is held
 * in memory whole while it is compared: 500 dashboards of the kit's size are a few megabytes.
 */
export const APP_PAGE_SIZE = 500;

/**
 * Every object of a list, page by page: `onPage` runs on each page before the next is asked for, so a page's
 * bodies can be compared and dropped while the next one travels.
 */
export async function listAppObjects<T>(
  client: GrafanaClient,
  path: string,
  onPage: (items: readonly unknown[]) => Promise<T[]>,
  limit: number = APP_PAGE_SIZE,
): Promise<T[]> {
  const out: T[] = [];
  const seen = new Set<string>();
  const page = (token: string | undefined) =>
    client.get(path, {
      query: { limit: String(limit), ...(token === undefined ? {} : { continue: token }) },
    });
  const quiet = <P>(promise: Promise<P>): Promise<P> => {
    // Awaited below; marked handled so that a page failing while the previous one is compared is not unhandled.
    promise.catch(() => undefined);
    return promise;
  };
  let pending = quiet(page(undefined));
  for (;;) {
    const body = asRecord((await pending).body);
    const token = asString(asRecord(body.metadata).continue);
    const settled = onPage(asArray(body.items));
    const more = token !== undefined && token !== '';
    if (more) {
      if (seen.has(token)) throw new Error(`${path} answered the same continue token twice (${token})`);
      seen.add(token);
      // The next page travels while this one is compared: at most two pages are held at once.
      pending = quiet(page(token));
    }
    out.push(...(await settled));
    if (!more) return out;
  }
}

/** Whether a body is an App Platform object (`apiVersion`, `kind`, `metadata`), not a legacy answer. */
export function isAppObject(body: unknown): boolean {
  const record = asRecord(body);
  return typeof record.apiVersion === 'string' && typeof record.kind === 'string' && 'metadata' in record;
}

/** The name of an App Platform object (the Grafana uid). */
export function nameOf(object: unknown): string {
  return asString(asRecord(asRecord(object).metadata).name) ?? '';
}

/** The folder an object sits in (`grafana.app/folder`); undefined at the root. */
export function folderAnnotationOf(object: unknown): string | undefined {
  const folder = annotationsOf(object)[ANNOTATIONS.folder];
  return folder === undefined || folder === '' ? undefined : folder;
}

/**
 * Ownership of an App Platform object: our manager annotations make it ours; another manager's make it foreign
 * (never ours, whatever its uid says); without a manager, the uid and folder rule of src/core/ownership.ts
 * decides, and publish adds our annotations.
 */
export function appClaim(
  ownership: Ownership,
  object: unknown,
  fallback: () => Pick<LiveObject, 'owned' | 'ownedBecause'>,
): Pick<LiveObject, 'owned' | 'ownedBecause' | 'managerDiffers' | 'foreignManager'> {
  const claim: ManagerClaim = managerClaim(ownership, annotationsOf(object));
  const differs = managerDifference(claim);
  const difference = differs === undefined ? {} : { managerDiffers: differs };
  switch (claim.state) {
    case 'ours':
      return { owned: true, ownedBecause: claim.because, ...difference };
    case 'foreign':
      return { owned: false, foreignManager: claim.manager, ...difference };
    case 'none':
      return { ...fallback(), ...difference };
  }
}

/**
 * The metadata of a write: what the live object carries (labels and annotations of other tools are kept), our
 * manager annotations, the folder, and the live `resourceVersion` for an update (optimistic concurrency: Grafana
 * answers 409 Conflict when the object changed since it was read).
 */
/**
 * Whether Grafana kept the manager annotation publish wrote; when it did not (dashboards or folders still in
 * legacy storage on an early 12.x: "If they are not yet supported on your instance, they will be ignored",
 * Grafana's 12.0-era API docs), every run would write them again: the run says so and what to do.
 */
function checkManagerKept(context: HandlerContext, ref: string, answer: unknown): void {
  if (annotationsOf(answer)[ANNOTATIONS.managedBy] === MANAGER_KIND) return;
  context.warn?.(
    `${ref}: Grafana did not keep the ${ANNOTATIONS.managedBy} annotation publish wrote (its dashboards and folders are not in unified storage yet, which ignores custom annotations), so every publish would write them again. Publish this Grafana with --api legacy.`,
  );
}

/**
 * Creates (POST to the list path) or replaces (PUT to the object's path) an App Platform object, and checks that
 * Grafana kept our manager annotation.
 */
export async function writeAppObject(
  context: HandlerContext,
  method: 'post' | 'put',
  path: string,
  object: Record<string, unknown>,
  ref: string,
): Promise<void> {
  const answer =
    method === 'post' ? await context.client.post(path, object) : await context.client.put(path, object);
  checkManagerKept(context, ref, answer.body);
}

/**
 * Annotations the server sets and checks: a client-sent `updatedBy` that is not the caller is refused ("updated
 * by annotation does not match"), and older 12.x refuse client-set `updatedBy`/`updatedTimestamp` on create
 * (pkg/storage/unified/apistore/prepare.go): they are never sent back.
 */
const SERVER_ANNOTATIONS = [
  'grafana.app/createdBy',
  'grafana.app/updatedBy',
  'grafana.app/updatedTimestamp',
  ANNOTATIONS.message,
];

export function writeMetadata(
  name: string,
  live: unknown,
  annotations: Readonly<Record<string, string>>,
  folderUid: string | undefined,
): Record<string, unknown> {
  const liveMeta = asRecord(asRecord(live).metadata);
  const kept = annotationsOf(live);
  for (const key of SERVER_ANNOTATIONS) delete kept[key];
  const merged: Record<string, string> = { ...kept, ...annotations };
  if (folderUid === undefined) delete merged[ANNOTATIONS.folder];
  else merged[ANNOTATIONS.folder] = folderUid;
  const resourceVersion = asString(liveMeta.resourceVersion);
  const labels = asRecord(liveMeta.labels);
  return {
    name,
    ...(Object.keys(labels).length === 0 ? {} : { labels }),
    annotations: merged,
    ...(resourceVersion === undefined ? {} : { resourceVersion }),
  };
}
