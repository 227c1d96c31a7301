import type { Kind } from '../core/kinds.ts';
import type { ResourceOf, ResourceRef } from '../core/resource.ts';
import { GrafanaApiError } from '../grafana/errors.ts';
import type { HandlerContext, KindHandler, LiveObject } from '../handlers/types.ts';
import { sameValue } from './diff.ts';
import { listContextFor } from './live-state.ts';
import type { Action } from './plan.ts';

export type ApplyStatus = 'created' | 'updated' | 'deleted' | 'unchanged' | 'failed';

/** The typed outcome of one action. */
export interface ApplyEvent {
  readonly ref: ResourceRef;
  readonly status: ApplyStatus;
  readonly error?: string;
}

export type FullHandlers = { readonly [K in Kind]: KindHandler<K> };

/**
 * Execution order. Deletions of objects that refer to others come first (freeing names and titles), then the
 * objects others depend on are written, then what no longer has references can be deleted, then what refers to
 * them is written, and folders go last, once emptied. Within a step, actions run in parallel (the client bounds
 * how many writes are in flight).
 */
const PHASES: readonly { readonly type: 'delete' | 'write'; readonly kinds: readonly Kind[] }[] = [
  { type: 'delete', kinds: ['Dashboard', 'AlertRuleGroup'] },
  {
    type: 'write',
    kinds: [
      'Folder',
      'DataSource',
      'NotificationTemplate',
      'MuteTiming',
      'ContactPoint',
      'NotificationPolicyTree',
    ],
  },
  {
    type: 'delete',
    kinds: ['NotificationPolicyTree', 'ContactPoint', 'MuteTiming', 'NotificationTemplate', 'DataSource'],
  },
  { type: 'write', kinds: ['AlertRuleGroup', 'Dashboard'] },
  { type: 'delete', kinds: ['Folder'] },
];

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Folder depth from the desired parents (live parents for deletions), so parents are written first. */
function folderDepth(action: Action, parents: ReadonlyMap<string, string | undefined>): number {
  let depth = 0;
  let parent = parents.get(action.uid);
  const seen = new Set<string>([action.uid]);
  while (parent !== undefined && !seen.has(parent)) {
    seen.add(parent);
    depth += 1;
    parent = parents.get(parent);
  }
  return depth;
}

/** A create that met an object already there (an earlier run cut short, a retried POST): update it instead. */
function alreadyExists(error: unknown): boolean {
  return (
    error instanceof GrafanaApiError &&
    (error.status === 409 ||
      error.status === 412 ||
      (error.status === 400 && /exist|same uid|already/i.test(error.body)))
  );
}

async function run<K extends Kind>(
  handler: KindHandler<K>,
  context: HandlerContext,
  action: Action,
): Promise<ApplyEvent> {
  const resource = action.resource as ResourceOf<K> | undefined;
  const live = action.live as LiveObject<K> | undefined;
  try {
    if (action.type === 'delete' && live !== undefined) {
      await handler.remove(context, live);
      return { ref: action.ref, status: 'deleted' };
    }
    if (resource === undefined) return { ref: action.ref, status: 'unchanged' };
    if (action.type === 'update' && live !== undefined) {
      await handler.update(context, resource, live);
      return { ref: action.ref, status: 'updated' };
    }
    try {
      await handler.create(context, resource);
    } catch (error) {
      if (!alreadyExists(error)) throw error;
      const listing = listContextFor(context, action.resource === undefined ? [] : [action.resource]);
      const found = (await handler.list(listing)).find((l) => l.uid === resource.uid);
      if (found === undefined) throw error;
      if (!sameValue(handler.live(found, resource), handler.desired(resource)))
        await handler.update(context, resource, found);
    }
    return { ref: action.ref, status: 'created' };
  } catch (error) {
    return { ref: action.ref, status: 'failed', error: describe(error) };
  }
}

/**
 * Applies a plan. Every action runs (a failure does not stop the others; objects that depend on a failed one
 * fail in turn and say why); the events tell what happened to each.
 */
export async function applyPlan(
  actions: readonly Action[],
  handlers: FullHandlers,
  context: HandlerContext,
  onEvent: (event: ApplyEvent, action: Action) => void = () => {},
): Promise<ApplyEvent[]> {
  const events: ApplyEvent[] = [];
  const parents = new Map<string, string | undefined>();
  for (const a of actions) {
    if (a.kind !== 'Folder') continue;
    const spec = a.resource?.kind === 'Folder' ? a.resource.spec : undefined;
    const liveParent = (a.live?.body as { parentUid?: unknown } | undefined)?.parentUid;
    parents.set(
      a.uid,
      spec !== undefined ? spec.parentUid : typeof liveParent === 'string' ? liveParent : undefined,
    );
  }
  const execute = async (batch: readonly Action[]): Promise<void> => {
    const results = await Promise.all(
      batch.map(async (action) => {
        const handler = handlers[action.kind] as KindHandler<Kind>;
        const event = await run(handler, context, action);
        onEvent(event, action);
        return event;
      }),
    );
    events.push(...results);
  };
  for (const phase of PHASES) {
    for (const kind of phase.kinds) {
      const batch = actions.filter(
        (a) =>
          a.kind === kind &&
          (phase.type === 'delete' ? a.type === 'delete' : a.type === 'create' || a.type === 'update'),
      );
      if (batch.length === 0) continue;
      if (kind !== 'Folder') {
        await execute(batch);
        continue;
      }
      // Parents before children when writing, children before parents when deleting.
      const depths = [...new Set(batch.map((a) => folderDepth(a, parents)))].sort((x, y) => x - y);
      if (phase.type === 'delete') depths.reverse();
      for (const depth of depths) await execute(batch.filter((a) => folderDepth(a, parents) === depth));
    }
  }
  for (const a of actions) if (a.type === 'noop') events.push({ ref: a.ref, status: 'unchanged' });
  return events;
}
