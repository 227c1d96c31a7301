import type { ResourceOf } from '../core/resource.ts';
import { POLICY_TREE_UID } from '../define/notification.ts';
import {
  asArray,
  asRecord,
  canonicalDuration,
  provenanceHeaders,
  provisionedObject,
  withoutEmpty,
} from './shared.ts';
import type { Comparable, HandlerContext, KindHandler } from './types.ts';

const MATCHER = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*(?:"((?:[^"\\]|\\.)*)"|(\S*))\s*$/;

/**
 * One representation for route matchers: `[name, op, value]` triples, sorted (matchers are ANDed, and Grafana
 * sorts them itself when it stores the tree). The legacy `match` / `match_re` and string `matchers` a tree may
 * still carry mean the same as `object_matchers` (definitions.Route, pkg/services/ngalert/api/tooling/definitions).
 */
function matchersOf(route: Record<string, unknown>): string[][] {
  const out: string[][] = [];
  for (const m of asArray(route.object_matchers)) {
    const [name, op, value] = asArray(m).map((x) => String(x));
    if (name !== undefined && op !== undefined) out.push([name, op, value ?? '']);
  }
  for (const m of asArray(route.matchers)) {
    const match = MATCHER.exec(String(m));
    if (match?.[1] !== undefined && match[2] !== undefined) {
      const value = match[3] !== undefined ? (JSON.parse(`"${match[3]}"`) as string) : (match[4] ?? '');
      out.push([match[1], match[2], value]);
    }
  }
  for (const [name, value] of Object.entries(asRecord(route.match))) out.push([name, '=', String(value)]);
  for (const [name, value] of Object.entries(asRecord(route.match_re))) out.push([name, '=~', String(value)]);
  return out.sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : 1));
}

/** A route as it means: matchers in one form, durations canonical, Grafana's absent forms removed. */
export function comparableRoute(route: unknown): Record<string, unknown> {
  const r = asRecord(route);
  return withoutEmpty({
    receiver: r.receiver,
    group_by: r.group_by,
    object_matchers: matchersOf(r),
    group_wait: canonicalDuration(r.group_wait),
    group_interval: canonicalDuration(r.group_interval),
    repeat_interval: canonicalDuration(r.repeat_interval),
    continue: r.continue,
    mute_time_intervals: r.mute_time_intervals,
    active_time_intervals: r.active_time_intervals,
    routes: asArray(r.routes).map(comparableRoute),
  });
}

/**
 * The notification policy tree: one per organisation, always there (Grafana's default when none was set).
 * Replaced whole; "deleting" it resets the default. Never pruned.
 */
export const policyTreeHandler: KindHandler<'NotificationPolicyTree'> = {
  kind: 'NotificationPolicyTree',

  async list(context) {
    const response = await context.client.get('/api/v1/provisioning/policies', { allow: [404] });
    if (response.status === 404) return [];
    // One tree per organisation, never deleted (prune leaves it; deleting it would only reset it to the default).
    const tree = provisionedObject(
      'NotificationPolicyTree',
      POLICY_TREE_UID,
      response.body,
      context.ownership,
    );
    return [{ ...tree, owned: false }];
  },

  desired(resource: ResourceOf<'NotificationPolicyTree'>): Comparable {
    return { spec: comparableRoute(resource.spec) };
  },

  live(object) {
    return { spec: comparableRoute(object.body) };
  },

  async create(context: HandlerContext, resource) {
    await context.client.put('/api/v1/provisioning/policies', resource.spec, {
      headers: provenanceHeaders(context),
    });
  },

  async update(context, resource) {
    await context.client.put('/api/v1/provisioning/policies', resource.spec, {
      headers: provenanceHeaders(context),
    });
  },

  async remove(context) {
    await context.client.delete('/api/v1/provisioning/policies', { headers: provenanceHeaders(context) });
  },
};
