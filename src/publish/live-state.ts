import type { Kind } from '../core/kinds.ts';
import { KINDS } from '../core/kinds.ts';
import type { Resource, ResourceOf } from '../core/resource.ts';
import type { FullHandlers } from './apply.ts';
import type { HandlerContext, LiveObject } from '../handlers/types.ts';

/** Desired resources by kind, typed. */
export function byKind<K extends Kind>(resources: readonly Resource[], kind: K): ResourceOf<K>[] {
  return resources.filter((r): r is Resource & ResourceOf<K> => r.kind === kind);
}

/**
 * Reads what Grafana holds, every kind. Folders come first: the folders we own (defined in code, or carrying our
 * marker) decide which dashboards and rule groups are ours.
 */
export async function readLive(
  handlers: FullHandlers,
  base: Omit<HandlerContext, 'ownedFolders'>,
  desired: readonly Resource[],
): Promise<{ live: Map<Kind, LiveObject[]>; context: HandlerContext }> {
  const folders = await handlers.Folder.list({ ...base, ownedFolders: new Set() }, byKind(desired, 'Folder'));
  const ownedFolders = new Set([
    ...byKind(desired, 'Folder').map((f) => f.uid),
    ...folders.filter((f) => f.owned).map((f) => f.uid),
  ]);
  const context: HandlerContext = { ...base, ownedFolders };
  const live = new Map<Kind, LiveObject[]>([['Folder', folders]]);
  const others = KINDS.filter((k) => k !== 'Folder');
  const lists = await Promise.all(
    others.map((kind) => {
      const handler = handlers[kind] as {
        list: (c: HandlerContext, d: readonly Resource[]) => Promise<LiveObject[]>;
      };
      return handler.list(
        context,
        desired.filter((r) => r.kind === kind),
      );
    }),
  );
  others.forEach((kind, i) => live.set(kind, lists[i] ?? []));
  return { live, context };
}
