import type { Kind } from '../core/kinds.ts';
import { KINDS, kindOrder } from '../core/kinds.ts';
import type { Resource, ResourceRef } from '../core/resource.ts';
import { refOf } from '../core/resource.ts';
import type { FieldChange } from '../publish/diff.ts';
import type { FullHandlers } from '../publish/apply.ts';
import { compareResource } from '../publish/plan.ts';
import type { LiveObject } from '../handlers/types.ts';
import { describePath } from '../publish/describe-path.ts';
import type { History } from './history.ts';

export type DriftType = 'changed' | 'unpublished' | 'missing' | 'unmanaged';

/** One way Grafana differs from the committed rendered state, and what to do about it. */
export interface DriftEntry {
  readonly type: DriftType;
  readonly ref: ResourceRef;
  readonly kind: Kind;
  /** The file that defines it (absent for unmanaged objects). */
  readonly source?: string;
  /** Changed fields, with readable names; values of secrets never appear (they compare as "set"). */
  readonly changes: readonly (FieldChange & { readonly field: string })[];
  readonly restore: string;
  /** `unpublished`: the earlier commit whose rendered state Grafana holds. */
  readonly publishedAt?: string;
}

/** A Plan read the other way round: what Grafana did that the repository did not. */
export interface DriftReport {
  readonly entries: readonly DriftEntry[];
  readonly checked: number;
}

/** The first earlier commit whose rendered version of the resource Grafana holds exactly. */
function earlierMatch(
  resource: Resource,
  live: ReadonlyMap<Kind, readonly LiveObject[]>,
  handlers: FullHandlers,
  history: History,
): string | undefined {
  for (const { commit, resource: earlier } of history(resource)) {
    const comparison = compareResource(earlier, live, handlers);
    if (comparison.state === 'present' && comparison.changes.length === 0) return commit;
  }
  return undefined;
}

/**
 * Compares what Grafana holds (normalised by the handlers) with the committed rendered state. Pure. Reports
 * objects changed in Grafana (field by field, dashboards panel by panel), missing from Grafana, and unmanaged
 * objects: those the repository owns (`owned`, by the one ownership rule prune uses too, src/core/ownership.ts)
 * that it does not define; each says which part of the rule made it ours.
 */
export function detectDrift(
  rendered: readonly Resource[],
  live: ReadonlyMap<Kind, readonly LiveObject[]>,
  handlers: FullHandlers,
  history: History = () => [],
): DriftReport {
  const entries: DriftEntry[] = [];
  const known = new Set<string>();
  for (const resource of rendered) {
    const ref = refOf(resource);
    known.add(ref);
    const comparison = compareResource(resource, live, handlers);
    if (comparison.state === 'not-published') continue;
    const base = {
      ref,
      kind: resource.kind,
      source: resource.source,
      restore: `npm run publish -- --only ${ref}`,
    };
    if (comparison.state === 'absent') {
      entries.push({ ...base, type: 'missing', changes: [] });
      continue;
    }
    if (comparison.changes.length === 0) continue;
    // Read the other way round: `before` is the repository's value, `after` Grafana's.
    const changes = comparison.changes.map((c) => ({
      path: c.path,
      before: c.after,
      after: c.before,
      field: describePath(
        resource,
        c.path,
        c.before === undefined ? c.after : c.after === undefined ? c.before : undefined,
      ),
    }));
    // Grafana holding exactly what an earlier commit rendered: the code moved on, nobody changed Grafana.
    const published = earlierMatch(resource, live, handlers, history);
    entries.push(
      published === undefined
        ? { ...base, type: 'changed', changes }
        : { ...base, type: 'unpublished', changes, publishedAt: published },
    );
  }
  for (const kind of KINDS) {
    for (const object of live.get(kind) ?? []) {
      if (known.has(object.ref) || !object.owned) continue;
      entries.push({
        type: 'unmanaged',
        ref: object.ref,
        kind,
        changes: [],
        restore: `ours because ${object.ownedBecause ?? 'of the ownership rule'}: npm run import -- --only ${object.ref} (writes it as code), or npm run publish -- --prune --only ${object.ref} (deletes it)`,
      });
    }
  }
  entries.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || (a.ref < b.ref ? -1 : 1));
  return { entries, checked: rendered.length };
}
