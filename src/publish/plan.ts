import type { Kind } from '../core/kinds.ts';
import { KINDS, kindOrder } from '../core/kinds.ts';
import type { Resource, ResourceOf, ResourceRef } from '../core/resource.ts';
import { refOf } from '../core/resource.ts';
import type { KindHandler, LiveObject } from '../handlers/types.ts';
import type { FieldChange } from './diff.ts';
import { diffValues, sameValue } from './diff.ts';

export type ActionType = 'create' | 'update' | 'delete' | 'noop';

/** One thing publish will do (or would do, for --dry-run), with its reason. */
export interface Action {
  readonly type: ActionType;
  readonly kind: Kind;
  readonly uid: string;
  readonly ref: ResourceRef;
  /** The file that defines it (absent for deletions). */
  readonly source?: string;
  readonly changes: readonly FieldChange[];
  readonly reason: string;
  readonly resource?: Resource;
  readonly live?: LiveObject;
}

export interface Plan {
  /** Deletions first (reverse dependency order), then creations, updates and no-ops in dependency order. */
  readonly actions: readonly Action[];
  readonly counts: Readonly<Record<ActionType, number>>;
}

export type Handlers = { readonly [K in Kind]: Pick<KindHandler<K>, 'desired' | 'live'> };

export interface PlanInput {
  readonly desired: readonly Resource[];
  readonly live: ReadonlyMap<Kind, readonly LiveObject[]>;
  readonly handlers: Handlers;
  /** Delete owned objects absent from code. */
  readonly prune: boolean;
  /** Limits the run to matching refs (both desired and live). */
  readonly only?: (ref: ResourceRef) => boolean;
}

/** `Kind/uid` globs: `*` any run of characters, `?` one character. */
export function refMatcher(globs: readonly string[]): (ref: ResourceRef) => boolean {
  const patterns = globs.map(
    (glob) =>
      new RegExp(
        `^${glob
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
      ),
  );
  return (ref) => patterns.some((p) => p.test(ref));
}

function compare<K extends Kind>(
  handler: Pick<KindHandler<K>, 'desired' | 'live'>,
  resource: ResourceOf<K>,
  live: LiveObject<K>,
): FieldChange[] {
  const before = handler.live(live, resource);
  const after = handler.desired(resource);
  // Most objects are unchanged: one comparison of canonical texts settles them before any field-by-field walk.
  return sameValue(before, after) ? [] : diffValues(before, after);
}

/**
 * Compares what the repository wants with what Grafana holds and says what to do. Pure: no request, no clock.
 * Nothing is ever deleted without `prune`, and then only objects that carry our ownership marker (or sit in a
 * folder we own).
 */
export function planActions(input: PlanInput): Plan {
  const only = input.only ?? (() => true);
  const actions: Action[] = [];
  const wanted = new Set<string>();
  for (const resource of input.desired) {
    const ref = refOf(resource);
    if (!only(ref)) continue;
    wanted.add(ref);
    const live = (input.live.get(resource.kind) ?? []).find((l) => l.uid === resource.uid);
    const handler = input.handlers[resource.kind] as Pick<KindHandler<Kind>, 'desired' | 'live'>;
    const base = { kind: resource.kind, uid: resource.uid, ref, source: resource.source, resource };
    if (live === undefined && resource.kind === 'AlertRuleGroup' && resource.spec.rules.length === 0) {
      actions.push({
        ...base,
        type: 'noop',
        changes: [],
        reason: 'recording rules only: Prometheus evaluates them',
      });
      continue;
    }
    if (live === undefined) {
      const changes = diffValues(undefined, handler.desired(resource));
      actions.push({ ...base, type: 'create', changes, reason: 'not in Grafana' });
      continue;
    }
    const changes = compare(handler, resource, live);
    actions.push(
      changes.length === 0
        ? { ...base, live, type: 'noop', changes, reason: 'up to date' }
        : {
            ...base,
            live,
            type: 'update',
            changes,
            reason: `${changes.length} field${changes.length === 1 ? '' : 's'} differ`,
          },
    );
  }
  if (input.prune) {
    for (const kind of KINDS) {
      for (const live of input.live.get(kind) ?? []) {
        if (wanted.has(live.ref) || !live.owned || !only(live.ref)) continue;
        actions.push({
          type: 'delete',
          kind,
          uid: live.uid,
          ref: live.ref,
          live,
          changes: [],
          reason: 'owned by the repository (marker or owned folder) and no longer defined in code',
        });
      }
    }
  }
  const rank = (a: Action): number =>
    a.type === 'delete' ? -100 + (KINDS.length - kindOrder(a.kind)) : kindOrder(a.kind);
  actions.sort((a, b) => rank(a) - rank(b) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const counts: Record<ActionType, number> = { create: 0, update: 0, delete: 0, noop: 0 };
  for (const a of actions) counts[a.type] += 1;
  return { actions, counts };
}
