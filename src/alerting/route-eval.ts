import type { RouteSpec } from '../core/specs.ts';

export type Labels = Readonly<Record<string, string>>;

type Op = '=' | '!=' | '=~' | '!~';

/** Does one matcher hold? A missing label has the empty value; regexes are anchored, as in Alertmanager. */
export function matcherHolds(labels: Labels, name: string, op: Op, value: string): boolean {
  const actual = labels[name] ?? '';
  switch (op) {
    case '=':
      return actual === value;
    case '!=':
      return actual !== value;
    case '=~':
      return new RegExp(`^(?:${value})$`).test(actual);
    case '!~':
      return !new RegExp(`^(?:${value})$`).test(actual);
  }
}

function matches(route: RouteSpec, labels: Labels): boolean {
  return (route.object_matchers ?? []).every(([name, op, value]) => matcherHolds(labels, name, op, value));
}

/** A route an alert ends in, with the settings it inherits. */
export interface RoutingResult {
  readonly receiver: string;
  /** Child indexes from the root, e.g. [1] for the second top-level route; [] for the root itself. */
  readonly path: readonly number[];
  readonly muteTimings: readonly string[];
}

/**
 * Alertmanager's routing, over a policy tree: depth first, the first matching child wins unless it has
 * `continue`; a route no child of which matches takes the alert itself. Receivers, like timers, are inherited.
 */
export function routeAlert(root: RouteSpec, labels: Labels): RoutingResult[] {
  const walk = (route: RouteSpec, receiver: string, path: readonly number[]): RoutingResult[] => {
    const own = route.receiver !== undefined && route.receiver !== '' ? route.receiver : receiver;
    const results: RoutingResult[] = [];
    const children = route.routes ?? [];
    for (let i = 0; i < children.length; i += 1) {
      const child = children[i];
      if (child === undefined || !matches(child, labels)) continue;
      results.push(...walk(child, own, [...path, i]));
      if (child.continue !== true) break;
    }
    if (results.length > 0) return results;
    return [{ receiver: own, path, muteTimings: route.mute_time_intervals ?? [] }];
  };
  return walk(root, root.receiver ?? '', []);
}

/** The receivers an alert with these labels reaches, in order, without duplicates. */
export function receiversFor(root: RouteSpec, labels: Labels): string[] {
  return [...new Set(routeAlert(root, labels).map((r) => r.receiver))];
}
