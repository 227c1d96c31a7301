/** A small method + path router with `:param` segments; literal segments win over parameters. */
import type { Identity } from './auth.ts';
import type { SimContext } from './context.ts';
import type { SimResponse } from './responses.ts';

export interface RequestInput {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Raw request body text (`""` when none). */
  readonly rawBody: string;
  readonly identity: Identity;
  /** `""` when `X-Disable-Provenance` is present, else `"api"`. */
  readonly provenance: string;
}

export type Handler = (sim: SimContext, req: RequestInput) => SimResponse;

export interface WriteSpec {
  /** RBAC permission named in the 403 for a read-only identity. */
  readonly permission: string;
  /** Body message of the 500 "database is locked" failure of this endpoint. */
  readonly lockedMessage: string;
  /** The endpoint changes the Alertmanager configuration (subject to the configuration race). */
  readonly alertmanager?: boolean;
}

/** Reads of the alerting provisioning API (`alert.provisioning:read`). */
export const PROVISIONING_READ = 'alert.provisioning:read';

/** Writes of the alerting provisioning API that do not touch the Alertmanager configuration (rules, groups). */
export const PROVISIONING_WRITE: WriteSpec = {
  permission: 'alert.provisioning:write',
  lockedMessage: 'database is locked',
};

/** Writes of the alerting provisioning API that change the Alertmanager configuration (subject to its race). */
export const ALERTMANAGER_WRITE: WriteSpec = { ...PROVISIONING_WRITE, alertmanager: true };

export interface Route {
  readonly method: string;
  readonly pattern: string;
  readonly handler: Handler;
  /** Present on endpoints that change state. */
  readonly write?: WriteSpec;
  /** Reads that a read-only (viewer) identity may not do either. */
  readonly readPermission?: string;
}

/** What the router needs of a route; API routes and the `/__sim` control routes both have it. */
export interface RoutePattern {
  readonly method: string;
  readonly pattern: string;
}

export interface RouteMatch<R extends RoutePattern = Route> {
  readonly route: R;
  readonly params: Record<string, string>;
}

export function matchRoute<R extends RoutePattern>(
  routes: readonly R[],
  method: string,
  path: string,
): RouteMatch<R> | undefined {
  const segments = splitPath(path);
  let best: { match: RouteMatch<R>; literals: number } | undefined;
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = splitPath(route.pattern);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i++) {
      const p = pattern[i] ?? '';
      const s = segments[i] ?? '';
      if (p.startsWith(':')) params[p.slice(1)] = s;
      else if (p === s) literals += 1;
      else ok = false;
    }
    if (ok && (best === undefined || literals > best.literals)) best = { match: { route, params }, literals };
  }
  return best?.match;
}

function splitPath(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}
