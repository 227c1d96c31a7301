import type { Kind } from '../core/kinds.ts';
import { KINDS, kindOrder } from '../core/kinds.ts';
import type { Resource, ResourceRef } from '../core/resource.ts';
import { refOf } from '../core/resource.ts';
import type { FieldChange } from '../publish/diff.ts';
import { diffValues, sameValue } from '../publish/diff.ts';
import type { FullHandlers } from '../publish/apply.ts';
import type { LiveObject } from '../handlers/types.ts';
import { describePath } from './describe-path.ts';

export type DriftType = 'changed' | 'missing' | 'unmanaged';

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
}

/** A Plan read the other way round: what Grafana did that the repository did not. */
export interface DriftReport {
  readonly entries: readonly DriftEntry[];
  readonly checked: number;
}

/** Kinds whose objects live in folders; unmanaged ones are reported only in folders we own. */
const FOLDERED: ReadonlySet<Kind> = new Set(['Dashboard', 'AlertRuleGroup']);

/**
 * Compares what Grafana holds (normalised by the handlers) with the committed rendered state. Pure. Reports
 * objects changed in Grafana (field by field, dashboards panel by panel), missing from Grafana, and unmanaged
 * objects (dashboards and rule groups in folders we own that the repository does not define).
 */
export function detectDrift(
  rendered: readonly Resource[],
  live: ReadonlyMap<Kind, readonly LiveObject[]>,
  handlers: FullHandlers,
  ownedFolders: ReadonlySet<string>,
): DriftReport {
  const entries: DriftEntry[] = [];
  const known = new Set<string>();
  for (const resource of rendered) {
    const ref = refOf(resource);
    known.add(ref);
    const handler = handlers[resource.kind] as {
      desired: (r: Resource) => unknown;
      live: (l: LiveObject, r: Resource) => unknown;
    };
    const object = (live.get(resource.kind) ?? []).find((l) => l.uid === resource.uid);
    const restore = `npm run publish -- --only ${ref}`;
    if (object === undefined) {
      // A group of recording rules only, when Grafana-managed recording rules are off, has nothing in Grafana.
      if (resource.kind === 'AlertRuleGroup' && resource.spec.rules.length === 0) continue;
      entries.push({
        type: 'missing',
        ref,
        kind: resource.kind,
        source: resource.source,
        changes: [],
        restore,
      });
      continue;
    }
    const desired = handler.desired(resource);
    const current = handler.live(object, resource);
    if (sameValue(desired, current)) continue;
    const changes = diffValues(desired, current).map((c) => ({
      ...c,
      // diffValues(desired, live): `before` is the repository's value, `after` Grafana's.
      field: describePath(resource, c.path),
    }));
    if (changes.length > 0)
      entries.push({ type: 'changed', ref, kind: resource.kind, source: resource.source, changes, restore });
  }
  for (const kind of KINDS) {
    for (const object of live.get(kind) ?? []) {
      if (known.has(object.ref)) continue;
      const inOwnedFolder =
        FOLDERED.has(kind) && object.folderUid !== undefined && ownedFolders.has(object.folderUid);
      const markedFolder = kind === 'Folder' && object.owned;
      if (!inOwnedFolder && !markedFolder) continue;
      entries.push({
        type: 'unmanaged',
        ref: object.ref,
        kind,
        changes: [],
        restore: `npm run publish -- --prune --only ${object.ref} (deletes it), or define it in code`,
      });
    }
  }
  entries.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || (a.ref < b.ref ? -1 : 1));
  return { entries, checked: rendered.length };
}
