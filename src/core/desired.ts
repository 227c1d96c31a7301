import type { Kind } from './kinds.ts';
import type { Resource, ResourceOf, ResourceRef } from './resource.ts';
import { refOf } from './resource.ts';

/**
 * The resources a run compares Grafana with, as handlers ask for them: the uids of a kind at once (to know what to
 * read), the resources of a kind, and one resource by ref (to compare an object as soon as it is read). Publish
 * holds them in memory; drift reads each rendered file only when it is first asked for (desiredFromRendered), so
 * that parsing `rendered/` does not hold up the first reads.
 */
export interface Desired {
  uids(kind: Kind): ReadonlySet<string>;
  ofKind<K extends Kind>(kind: K): Promise<readonly ResourceOf<K>[]>;
  find(ref: ResourceRef): Promise<Resource | undefined>;
}

/** Resources in memory as a Desired. */
export function desiredOf(resources: readonly Resource[]): Desired {
  const byRef = new Map(resources.map((r) => [refOf(r), r]));
  const uids = new Map<Kind, Set<string>>();
  for (const r of resources) uids.set(r.kind, (uids.get(r.kind) ?? new Set()).add(r.uid));
  return {
    uids: (kind) => uids.get(kind) ?? new Set(),
    ofKind: <K extends Kind>(kind: K) =>
      Promise.resolve(resources.filter((r): r is Resource & ResourceOf<K> => r.kind === kind)),
    find: (ref) => Promise.resolve(byRef.get(ref)),
  };
}
