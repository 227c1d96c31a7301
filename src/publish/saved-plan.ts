/**
 * Saved plans, as Terraform keeps them: `publish --dry-run --json plan.json` writes the plan with a fingerprint of
 * what each action was made against (the object as the repository wants it, and as Grafana held it, both in the
 * comparable form publish compares), and `publish --plan plan.json` applies that plan only when the plan made now
 * is the same: the same actions on the same refs, against objects whose fingerprints did not move. Otherwise it
 * stops before any write and names what moved.
 */
import { canonicalize } from '../core/canonical.ts';
import { stableId } from '../core/hash.ts';
import type { Kind } from '../core/kinds.ts';
import type { ResourceRef } from '../core/resource.ts';
import type { KindHandler } from '../handlers/types.ts';
import type { FullHandlers } from './apply.ts';
import type { Action, ActionType, Plan } from './plan.ts';

export const PLAN_FORMAT = 'grafana-stack-as-code/plan@1';

export interface Fingerprint {
  readonly type: ActionType;
  readonly ref: ResourceRef;
  /** The desired object, comparable form (absent for deletions). */
  readonly desired?: string;
  /** The object Grafana held, comparable form (absent for creations). */
  readonly live?: string;
}

const hash = (value: unknown): string => stableId([JSON.stringify(canonicalize(value))], 20);

export function fingerprintOf(action: Action, handlers: FullHandlers): Fingerprint {
  const handler = handlers[action.kind] as KindHandler<Kind>;
  const desired = action.resource === undefined ? undefined : hash(handler.desired(action.resource as never));
  // An object compared as the same when it was read has no body left: it was the desired object.
  const live =
    action.live === undefined
      ? undefined
      : action.live.sameAs !== undefined
        ? desired
        : hash(handler.live(action.live as never, action.resource as never));
  return {
    type: action.type,
    ref: action.ref,
    ...(desired === undefined ? {} : { desired }),
    ...(live === undefined ? {} : { live }),
  };
}

export function fingerprintsOf(plan: Plan, handlers: FullHandlers): Fingerprint[] {
  return plan.actions.map((a) => fingerprintOf(a, handlers));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The fingerprints of a saved plan, or a reason it is no plan this publish can apply. */
export function savedFingerprints(saved: unknown): Fingerprint[] | string {
  if (!isRecord(saved) || saved.format !== PLAN_FORMAT || !Array.isArray(saved.fingerprints))
    return `it is not a plan written by publish --dry-run --json (format ${PLAN_FORMAT})`;
  return saved.fingerprints.filter(isRecord).map((f): Fingerprint => ({
    type: f.type as ActionType,
    ref: f.ref as ResourceRef,
    ...(typeof f.desired === 'string' ? { desired: f.desired } : {}),
    ...(typeof f.live === 'string' ? { live: f.live } : {}),
  }));
}

/** What moved between the saved plan and the plan made now; empty when they are the same plan. */
export function movedSince(saved: readonly Fingerprint[], now: readonly Fingerprint[]): string[] {
  const before = new Map(saved.map((f) => [f.ref, f]));
  const after = new Map(now.map((f) => [f.ref, f]));
  const moved: string[] = [];
  for (const [ref, f] of after) {
    const old = before.get(ref);
    if (old === undefined) moved.push(`${ref}: not in the plan (now ${f.type})`);
    else if (old.type !== f.type) moved.push(`${ref}: planned ${old.type}, now ${f.type}`);
    else if (old.live !== f.live) moved.push(`${ref}: changed in Grafana since the plan was made`);
    else if (old.desired !== f.desired) moved.push(`${ref}: changed in the code since the plan was made`);
  }
  for (const [ref, f] of before)
    if (!after.has(ref)) moved.push(`${ref}: planned ${f.type}, now nothing to do`);
  return moved.sort();
}
