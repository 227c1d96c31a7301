import type { Fingerprint } from './saved-plan.ts';
import { PLAN_FORMAT } from './saved-plan.ts';
import type { ApplyEvent } from './apply.ts';
import type { FieldChange } from './diff.ts';
import type { Action, Plan } from './plan.ts';
import type { Resource } from '../core/resource.ts';
import { changedPart } from '../core/word-diff.ts';
import { describePath } from './describe-path.ts';

const SYMBOL: Readonly<Record<Action['type'], string>> = { create: '+', update: '~', delete: '-', noop: '=' };
const COLOR: Readonly<Record<Action['type'], string>> = {
  create: '32',
  update: '33',
  delete: '31',
  noop: '2',
};

function short(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** One changed field: named as a person names it, a long text shown by its changed part unless verbose. */
export function describeChange(
  c: FieldChange,
  resource: Resource | undefined,
  verbose: boolean,
): { field: string; before: string; after: string } {
  const element = c.before === undefined ? c.after : c.after === undefined ? c.before : undefined;
  const field =
    c.path === ''
      ? '(whole object)'
      : resource === undefined
        ? c.path
        : describePath(resource, c.path, element);
  if (verbose)
    return {
      field,
      before: JSON.stringify(c.before) ?? '(absent)',
      after: JSON.stringify(c.after) ?? '(absent)',
    };
  if (
    typeof c.before === 'string' &&
    typeof c.after === 'string' &&
    Math.max(c.before.length, c.after.length) > 80
  ) {
    const part = changedPart(c.before, c.after);
    return { field, before: JSON.stringify(part.before), after: JSON.stringify(part.after) };
  }
  return { field, before: short(c.before), after: short(c.after) };
}

function change(c: FieldChange, resource: Resource | undefined, verbose: boolean): string {
  const d = describeChange(c, resource, verbose);
  return `      ${d.field}: ${d.before} → ${d.after}`;
}

/** The plan for a terminal: deletions first in red with their reason, then creations and updates with fields. */
export function formatPlan(
  plan: Plan,
  options: { color: boolean; verbose: boolean; maxChanges?: number },
): string[] {
  const lines: string[] = [];
  const paint = (type: Action['type'], text: string): string =>
    options.color ? `\u001b[${COLOR[type]}m${text}\u001b[0m` : text;
  for (const action of plan.actions) {
    if (action.type === 'noop' && !options.verbose) continue;
    const where = action.source === undefined ? '' : ` (${action.source})`;
    lines.push(
      paint(
        action.type,
        `  ${SYMBOL[action.type]} ${action.type.padEnd(6)} ${action.ref}${where}: ${action.reason}`,
      ),
    );
    if (action.type === 'update') {
      const max = options.maxChanges ?? 10;
      const resource = action.resource;
      lines.push(...action.changes.slice(0, max).map((c) => change(c, resource, options.verbose)));
      if (action.changes.length > max) lines.push(`      … and ${action.changes.length - max} more`);
    }
  }
  for (const cascade of plan.cascades)
    lines.push(
      `  ! ${cascade.folder} would also delete what is in it and not deleted on its own: ${cascade.takes.join(', ')} (needs --prune-nested)`,
    );
  for (const refusal of plan.refusals)
    lines.push(`  ! ${refusal.ref} ${refusal.reason}: publish will not take it over`);
  for (const warning of plan.warnings) lines.push(`  ! ${warning}`);
  const { create, update, delete: del, noop } = plan.counts;
  lines.push(`Plan: ${create} to create, ${update} to update, ${del} to delete, ${noop} unchanged.`);
  return lines;
}

/**
 * The plan as JSON, for `--json`: actions with their changes, no resource bodies. A creation lists no changes
 * (everything in it is new: its changes would be the whole body); its `source` file says what it holds.
 */
export function planJson(plan: Plan, fingerprints: readonly Fingerprint[] = []): unknown {
  return {
    format: PLAN_FORMAT,
    counts: plan.counts,
    actions: plan.actions.map((a) => ({
      type: a.type,
      ref: a.ref,
      source: a.source,
      reason: a.reason,
      ...(a.type === 'create'
        ? {}
        : { changes: a.changes.map((c) => ({ path: c.path, before: c.before, after: c.after })) }),
    })),
    cascades: plan.cascades,
    refusals: plan.refusals,
    warnings: plan.warnings,
    // What each action was made against: publish --plan applies the plan only while they hold.
    fingerprints,
  };
}

export function formatEvent(event: ApplyEvent): string {
  return event.status === 'failed'
    ? `  ✗ failed   ${event.ref}: ${event.error ?? ''}`
    : `  ✓ ${event.status.padEnd(8)} ${event.ref}`;
}

export function summary(events: readonly ApplyEvent[]): string {
  const count = (s: ApplyEvent['status']): number => events.filter((e) => e.status === s).length;
  return `Applied: ${count('created')} created, ${count('updated')} updated, ${count('deleted')} deleted, ${count('unchanged')} unchanged, ${count('failed')} failed.`;
}
