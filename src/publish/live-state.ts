import type { Desired } from '../core/desired.ts';
import { desiredOf } from '../core/desired.ts';
import type { Kind } from '../core/kinds.ts';
import { KINDS } from '../core/kinds.ts';
import type { Resource, ResourceOf } from '../core/resource.ts';
import type { GrafanaInfo } from '../grafana/probe.ts';
import { checkHealth, probeCredentials } from '../grafana/probe.ts';
import type { ApiPreference } from '../grafana/app-platform.ts';
import { chooseApi, namespaceOfOrg } from '../grafana/app-platform.ts';
import type { HandlerContext, ListContext, LiveObject } from '../handlers/types.ts';
import type { FullHandlers } from './apply.ts';
import { sameAsDesired } from './plan.ts';

/** How the API of dashboards and folders is chosen: `--api`, and GRAFANA_NAMESPACE for a Grafana Cloud stack. */
export interface ApiChoice {
  readonly preference: ApiPreference;
  readonly namespace?: string;
}

/** ListContext.settle for listings that keep every body (the object comes back as it is). */
function keepBody<K extends Kind>(object: LiveObject<K>): Promise<LiveObject<K>> {
  return Promise.resolve(object);
}

/** A ListContext for one listing outside readLive (its folders known, its resources given): bodies are kept. */
export function listContextFor(context: HandlerContext, resources: readonly Resource[]): ListContext {
  return {
    ...context,
    desired: desiredOf(resources),
    ownedFolders: Promise.resolve(context.ownedFolders),
    settle: keepBody,
  };
}

/** The promise, with its rejection marked as handled: whoever awaits it still sees the failure. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * Reads what Grafana holds, every kind at once. The folders we own (defined in code, or carrying our uid prefix)
 * decide which dashboards and rule groups are ours; handlers await them only where they need the answer, so no
 * kind waits for the folders to be listed before it starts reading. Objects a handler settles are compared with
 * their desired resource as they arrive.
 */
export async function readLive(
  handlers: FullHandlers,
  base: Omit<HandlerContext, 'ownedFolders'>,
  desired: Desired,
): Promise<{ live: Map<Kind, LiveObject[]>; context: HandlerContext }> {
  const folders = quiet(
    handlers.Folder.list({ ...base, desired, ownedFolders: Promise.resolve(new Set()), settle: keepBody }),
  );
  const ownedFolders = quiet(
    folders.then(
      (listed): ReadonlySet<string> =>
        new Set([...desired.uids('Folder'), ...listed.filter((f) => f.owned).map((f) => f.uid)]),
    ),
  );
  const context: ListContext = {
    ...base,
    desired,
    ownedFolders,
    async settle(object) {
      const resource = await desired.find(object.ref);
      if (resource === undefined || !sameAsDesired(object, resource, handlers)) return object;
      return { ...object, body: undefined, sameAs: resource as ResourceOf<typeof object.kind> };
    },
  };
  const others = KINDS.filter((k) => k !== 'Folder');
  const lists = await Promise.all([
    folders,
    ...others.map((kind) =>
      (handlers[kind] as { list: (c: ListContext) => Promise<LiveObject[]> }).list(context),
    ),
  ]);
  const live = new Map<Kind, LiveObject[]>();
  ['Folder' as const, ...others].forEach((kind, i) => live.set(kind, lists[i] ?? []));
  return { live, context: { ...base, ownedFolders: await ownedFolders } };
}

/**
 * Checks that the server is Grafana (its health answer, asked without credentials: nothing is sent to a server
 * that does not answer like Grafana), then checks the credentials and reads it at the same time. A failed probe
 * wins (it says what is wrong: unreachable, not Grafana, bad credentials): the reads still in flight are
 * cancelled and their failures dropped.
 *
 * The API of dashboards and folders is chosen from the release the health answer reports
 * (src/grafana/app-platform.ts). The App Platform's namespace is the organisation's: GRAFANA_NAMESPACE or
 * GRAFANA_ORG_ID say it, else org 1's is read at once and the credentials check (which names the organisation)
 * confirms it. A hidden version (`hide_version`) waits for the credentials check, which reads it.
 */
export async function probeAndReadLive(
  handlers: FullHandlers,
  base: Omit<HandlerContext, 'ownedFolders' | 'api'>,
  desired: Desired,
  choice: ApiChoice = { preference: 'auto' },
): Promise<{ info: GrafanaInfo; live: Map<Kind, LiveObject[]>; context: HandlerContext }> {
  const health = await checkHealth(base.client);
  const url = base.client.baseUrl;
  const orgId = base.client.connection.orgId;
  const known = choice.namespace ?? (orgId === undefined ? undefined : namespaceOfOrg(orgId));
  // Reads start at once: the namespace, when not given, is taken to be org 1's (`default`), which the credentials
  // check confirms; for another organisation what was read is dropped and read again in its namespace.
  const guess = known ?? 'default';
  const early =
    health.version === undefined ? undefined : chooseApi(health.version, choice.preference, guess, url);
  const probing = quiet(probeCredentials(base.client, health));
  const reading =
    early === undefined ? undefined : quiet(readLive(handlers, { ...base, api: early }, desired));
  let info: GrafanaInfo;
  try {
    info = await probing;
  } catch (error) {
    base.client.cancel();
    throw error;
  }
  const namespace = known ?? namespaceOfOrg(info.orgId ?? 1);
  if (reading !== undefined && (early?.kind === 'legacy' || namespace === guess))
    return { info, ...(await reading) };
  await reading?.catch(() => undefined);
  const api = chooseApi(info.version, choice.preference, namespace, url);
  return { info, ...(await readLive(handlers, { ...base, api }, desired)) };
}
