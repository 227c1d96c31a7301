import type { Kind } from '../core/kinds.ts';
import { KINDS, kindOrder } from '../core/kinds.ts';
import type { Resource, ResourceRef } from '../core/resource.ts';
import { refOf } from '../core/resource.ts';
import type { KindHandler, LiveObject } from '../handlers/types.ts';
import type { FieldChange } from './diff.ts';
import { diffValues, sameValue } from './diff.ts';
import { secretsNeeded } from './secrets.ts';

export type ActionType = 'create' | 'update' | 'delete' | 'noop';

/** One thing publish will do (or would do, for --dry-run), with its reason. */
export interface Action {
  readonly type: ActionType;
  readonly kind: Kind;
  readonly uid: string;
  readonly ref: ResourceRef;
  /** The file that defines it (absent for deletions). */
  readonly source?: string;
  /**
   * The fields an update changes, from Grafana to the repository. Empty for the other actions: a creation is new
   * as a whole (its source file says what it holds), a deletion and a no-op change no field.
   */
  readonly changes: readonly FieldChange[];
  readonly reason: string;
  readonly resource?: Resource;
  readonly live?: LiveObject;
}

export interface Plan {
  /** Deletions first (reverse dependency order), then creations, updates and no-ops in dependency order. */
  readonly actions: readonly Action[];
  readonly counts: Readonly<Record<ActionType, number>>;
  /**
   * What deleting a folder would take with it that the plan does not delete itself: Grafana deletes a folder with
   * every subfolder, dashboard and alert rule in it (`DeleteFolder`, pkg/api/folder.go; rules with
   * `forceDeleteRules`). Publish refuses such a plan unless nested deletions are allowed.
   */
  readonly cascades: readonly Cascade[];
  /**
   * Resources defined in code that another manager holds in Grafana (its `grafana.app/managedBy` annotation:
   * Git Sync, Terraform, a plugin): publish refuses the plan rather than take them over.
   */
  readonly refusals: readonly Refusal[];
  /** What an update will lose that the plan's changes cannot show (a dashboard stored as v2 written as v1). */
  readonly warnings: readonly string[];
}

export interface Refusal {
  readonly ref: ResourceRef;
  /** The manager, as `repo "team-dashboards" (a Git Sync … repository)`. */
  readonly manager: string;
  /** Why, after the ref: `is managed in Grafana by …`, `would go into Folder/x, which … manages …`. */
  readonly reason: string;
}

export interface Cascade {
  readonly folder: ResourceRef;
  /** Objects inside it, at any depth, that are not ours or not otherwise planned for deletion. */
  readonly takes: readonly ResourceRef[];
}

export type Handlers = { readonly [K in Kind]: Pick<KindHandler<K>, 'desired' | 'live' | 'quickSame'> };

export interface PlanInput {
  readonly desired: readonly Resource[];
  readonly live: ReadonlyMap<Kind, readonly LiveObject[]>;
  readonly handlers: Handlers;
  /** Delete owned objects absent from code. */
  readonly prune: boolean;
  /**
   * Limits the run to matching refs (both desired and live). `desired` must still hold every resource defined in
   * code: what the code defines is never a deletion, whether it matches or not.
   */
  readonly only?: (ref: ResourceRef) => boolean;
  /** Secret rotation: every resource that carries secrets is updated (its secrets sent again), changed or not. */
  readonly rotateSecrets?: boolean;
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

/** Whether a live object is the same as a resource, compared as compareResource compares them. */
export function sameAsDesired(object: LiveObject, resource: Resource, handlers: Handlers): boolean {
  const handler = handlers[resource.kind] as Pick<KindHandler<Kind>, 'desired' | 'live' | 'quickSame'>;
  if (handler.quickSame?.(object, resource) === true) return true;
  return sameValue(handler.live(object, resource), handler.desired(resource));
}

/** How one resource defined in code stands against what Grafana holds. */
export type Comparison =
  | { readonly state: 'absent' }
  /** Not meant to be in Grafana at all (the reason says why): neither created nor reported missing. */
  | { readonly state: 'not-published'; readonly reason: string }
  | {
      readonly state: 'present';
      readonly live: LiveObject;
      /** From Grafana (`before`) to the repository (`after`); empty when they are the same. */
      readonly changes: readonly FieldChange[];
    };

/**
 * The one comparison publish, drift and the tests share: finds the live object of a resource and compares their
 * comparable forms (the handler's `live(object, desired)` and `desired(resource)`).
 */
export function compareResource(
  resource: Resource,
  live: ReadonlyMap<Kind, readonly LiveObject[]>,
  handlers: Handlers,
): Comparison {
  const object = (live.get(resource.kind) ?? []).find((l) => l.uid === resource.uid);
  if (object === undefined) {
    // A group of recording rules only, when Grafana-managed recording rules are off, has nothing in Grafana.
    return resource.kind === 'AlertRuleGroup' && resource.spec.rules.length === 0
      ? { state: 'not-published', reason: 'recording rules only: Prometheus evaluates them' }
      : { state: 'absent' };
  }
  const handler = handlers[resource.kind] as Pick<KindHandler<Kind>, 'desired' | 'live'>;
  if (object.sameAs === resource) return { state: 'present', live: object, changes: [] };
  // Compared when read (and its body dropped): Grafana holds what that resource's comparable form says.
  const before =
    object.sameAs === undefined ? handler.live(object, resource) : handler.desired(object.sameAs);
  const after = handler.desired(resource);
  // Most objects are unchanged: one cheap deep comparison settles them before any field-by-field walk.
  return {
    state: 'present',
    live: object,
    changes: sameValue(before, after) ? [] : diffValues(before, after),
  };
}

function carriesSecrets(resource: Resource): boolean {
  return secretsNeeded([resource]).size > 0;
}

/**
 * Compares what the repository wants with what Grafana holds and says what to do. Pure: no request, no clock.
 * Nothing is ever deleted without `prune`, and then only objects the ownership rule says are ours
 * (src/core/ownership.ts); what a folder deletion would take with it besides is listed in `cascades`.
 */
export function planActions(input: PlanInput): Plan {
  const only = input.only ?? (() => true);
  const actions: Action[] = [];
  const refusals: Refusal[] = [];
  const warnings: string[] = [];
  // Folders a repository manages (Git Sync): Grafana refuses anything else inside them (`ensureSameRepoManager`,
  // pkg/storage/unified/apistore/managed.go: "resource manager … does not match folder manager").
  const repoFolders = new Map(
    (input.live.get('Folder') ?? [])
      .filter((f) => f.foreignManager?.startsWith('repo') === true)
      .map((f) => [f.uid, f.foreignManager ?? '']),
  );
  // Everything the code defines, matched by `only` or not: never a candidate for deletion.
  const defined = new Set<string>(input.desired.map(refOf));
  for (const resource of input.desired) {
    const ref = refOf(resource);
    if (!only(ref)) continue;
    const base = { kind: resource.kind, uid: resource.uid, ref, source: resource.source, resource };
    const container =
      resource.kind === 'Dashboard'
        ? resource.folderUid
        : resource.kind === 'Folder'
          ? resource.spec.parentUid
          : undefined;
    const repo = container === undefined ? undefined : repoFolders.get(container);
    if (repo !== undefined)
      refusals.push({
        ref,
        manager: repo,
        reason: `would go into Folder/${container ?? ''}, which ${repo} manages (Grafana accepts only that repository's resources there)`,
      });
    const comparison = compareResource(resource, input.live, input.handlers);
    if (comparison.state === 'not-published') {
      actions.push({ ...base, type: 'noop', changes: [], reason: comparison.reason });
      continue;
    }
    if (comparison.state === 'absent') {
      actions.push({ ...base, type: 'create', changes: [], reason: 'not in Grafana' });
      continue;
    }
    const { live, changes } = comparison;
    if (live.foreignManager !== undefined)
      refusals.push({
        ref,
        manager: live.foreignManager,
        reason: `is managed in Grafana by ${live.foreignManager}`,
      });
    const schema = changes.find((c) => c.path === 'schema');
    if (schema !== undefined && schema.before === 'v2' && schema.after === 'v1')
      warnings.push(
        `${ref} is stored in Grafana in the v2 dashboard schema (saved from the UI): publishing writes the repository's classic JSON, and what only v2 can hold (tabs, auto grid, conditional rendering, per-row variables) is lost. Move such changes into code first, or set grafana.dashboardSchema: 'v2'.`,
      );
    if (changes.length > 0) {
      actions.push({
        ...base,
        live,
        type: 'update',
        changes,
        reason: `${changes.length} field${changes.length === 1 ? '' : 's'} differ`,
      });
    } else if (input.rotateSecrets === true && carriesSecrets(resource)) {
      // Grafana never gives secrets back, so they compare as "set": only sending them again rotates them.
      actions.push({ ...base, live, type: 'update', changes, reason: 'rotating secrets' });
    } else {
      actions.push({ ...base, live, type: 'noop', changes, reason: 'up to date' });
    }
  }
  if (input.prune) {
    for (const kind of KINDS) {
      for (const live of input.live.get(kind) ?? []) {
        if (defined.has(live.ref) || !live.owned || !only(live.ref)) continue;
        actions.push({
          type: 'delete',
          kind,
          uid: live.uid,
          ref: live.ref,
          live,
          changes: [],
          reason: `owned by the repository (${live.ownedBecause ?? 'ownership rule'}) and no longer defined in code`,
        });
      }
    }
  }
  const cascades = cascadesOf(actions, input.live);
  const rank = (a: Action): number =>
    a.type === 'delete' ? -100 + (KINDS.length - kindOrder(a.kind)) : kindOrder(a.kind);
  actions.sort((a, b) => rank(a) - rank(b) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const counts: Record<ActionType, number> = { create: 0, update: 0, delete: 0, noop: 0 };
  for (const a of actions) counts[a.type] += 1;
  return { actions, counts, cascades, refusals, warnings };
}

/** A folder's parent: `folderUid` where the listing set it (the App Platform's annotation), else the legacy body. */
function parentOf(folder: LiveObject): string | undefined {
  if (folder.folderUid !== undefined) return folder.folderUid;
  const body = folder.body;
  const parent =
    typeof body === 'object' && body !== null ? (body as { parentUid?: unknown }).parentUid : undefined;
  return typeof parent === 'string' && parent !== '' ? parent : undefined;
}

/** For each folder to delete, what sits inside it (at any depth) that the plan does not delete on its own. */
function cascadesOf(actions: readonly Action[], live: ReadonlyMap<Kind, readonly LiveObject[]>): Cascade[] {
  const deleting = new Set(actions.filter((a) => a.type === 'delete').map((a) => a.ref));
  const folders = live.get('Folder') ?? [];
  const childrenOf = new Map<string, LiveObject[]>();
  for (const f of folders) {
    const parent = parentOf(f);
    if (parent !== undefined) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), f]);
  }
  const contents = [...(live.get('Dashboard') ?? []), ...(live.get('AlertRuleGroup') ?? [])];
  const out: Cascade[] = [];
  for (const action of actions) {
    if (action.type !== 'delete' || action.kind !== 'Folder') continue;
    const inside = new Set<string>([action.uid]);
    const stack = [action.uid];
    const takes: ResourceRef[] = [];
    while (stack.length > 0) {
      const uid = stack.pop() ?? '';
      for (const child of childrenOf.get(uid) ?? []) {
        if (inside.has(child.uid)) continue;
        inside.add(child.uid);
        stack.push(child.uid);
        if (!deleting.has(child.ref)) takes.push(child.ref);
      }
    }
    for (const object of contents)
      if (object.folderUid !== undefined && inside.has(object.folderUid) && !deleting.has(object.ref))
        takes.push(object.ref);
    if (takes.length > 0) out.push({ folder: action.ref, takes: takes.sort() });
  }
  return out;
}
