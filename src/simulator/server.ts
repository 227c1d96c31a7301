/**
 * The HTTP pipeline: request log → admin endpoints → edge faults (proxy statuses, resets, timeouts; they answer after
 * the latency and never take a write slot) → authentication → routing → RBAC → write slot (SQLite-like limit) →
 * latency → database faults and write contention → Alertmanager race → handler → persistence. Handlers are
 * synchronous: the state never sees a half-applied request.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { AuthOptions, Identity, LoginAttempts } from './auth.ts';
import { authenticate, denied, isIdentity, providedProvenanceHeader } from './auth.ts';
import type { SimContext } from './context.ts';
import type { FaultEngine, FaultRule } from './faults.ts';
import { retryAfterOf } from './faults.ts';
import { PUBLIC_PATHS } from './instance.ts';
import type { RequestLog, RequestLogEntry } from './request-log.ts';
import type { Route } from './router.ts';
import { matchRoute } from './router.ts';
import type { SimResponse } from './responses.ts';
import {
  ApiError,
  alertingError,
  authError,
  errutilError,
  messageError,
  NOT_FOUND_ROUTE,
} from './responses.ts';

export const ADMIN_PREFIX = '/__sim';

export type AdminHandler = (
  method: string,
  path: string,
  query: URLSearchParams,
  rawBody: string,
) => SimResponse;

export interface ServerDeps {
  readonly sim: () => SimContext;
  readonly routes: () => readonly Route[];
  readonly faults: FaultEngine;
  readonly log: RequestLog;
  readonly auth: AuthOptions;
  readonly attempts: LoginAttempts;
  readonly admin: AdminHandler;
  /** Called after every successful write. */
  readonly persist: () => void;
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'deny',
  'x-xss-protection': '1; mode=block',
};

const PROXY_BODIES: Readonly<Record<number, string>> = {
  429: 'Too Many Requests\n',
  500: 'Internal Server Error\n',
  502: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>\n',
  503: 'Service Unavailable\n',
  504: '<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center></body></html>\n',
};

export class SimulatorServer {
  private readonly server: Server;
  private readonly deps: ServerDeps;
  private readonly closing = new AbortController();
  private inFlightWrites = 0;

  constructor(deps: ServerDeps) {
    this.deps = deps;
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent && !res.destroyed)
          send(res, undefined, messageError(500, 'Internal Server Error'));
      });
    });
  }

  async listen(port: number, host: string): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address();
    return typeof address === 'object' && address !== null ? (address as AddressInfo).port : port;
  }

  async close(): Promise<void> {
    this.closing.abort();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { deps } = this;
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const path = url.pathname;
    const admin = path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`);
    const entry = deps.log.start(method, path, url.search, admin);
    const rawBody = await readBody(req);
    if (admin) {
      send(
        res,
        entry,
        adminAuthProblem(method, path, req, deps.auth) ?? deps.admin(method, path, url.searchParams, rawBody),
      );
      return;
    }

    const amRevisionAtArrival = deps.sim().state.amRevision;
    // Edge faults act in front of Grafana (a proxy or the network): such a request never takes a write slot.
    const edge = deps.faults.decide('edge', method, path);
    if (edge !== undefined) entry.fault = edge.type;
    if (edge?.type === 'status' || (edge?.type === 'reset' && edge.phase !== 'after')) {
      const waited = await this.latency(res);
      if (waited && edge.type === 'status') send(res, entry, proxyResponse(edge));
      else destroy(req);
      return;
    }
    if (edge?.type === 'timeout') {
      const completed = await this.wait(edge.holdMs, res);
      if (!completed || edge.afterHold !== 'respond') {
        destroy(req);
        return;
      }
    }

    // Only a write that passed authentication, routing and RBAC occupies one of the SQLite-like write slots, from
    // here until its answer (latency stands for server time).
    const admission = this.admit(method, path, req);
    const write = 'route' in admission && admission.route.write !== undefined;
    const max = deps.faults.maxConcurrentWrites;
    const contended = write && max !== null && this.inFlightWrites >= max;
    const holding = write && !contended;
    if (holding) this.inFlightWrites += 1;
    try {
      if (!(await this.latency(res))) {
        destroy(req);
        return;
      }
      const response =
        'route' in admission
          ? this.execute(admission, method, path, url.searchParams, req, rawBody, {
              contended,
              amRevisionAtArrival,
              entry,
            })
          : admission;
      if (edge?.type === 'reset') {
        destroy(req);
        return;
      }
      send(res, entry, response);
    } finally {
      if (holding) this.inFlightWrites -= 1;
    }
  }

  /** The configured latency (server time); false when the client left or the simulator closed meanwhile. */
  private async latency(res: ServerResponse): Promise<boolean> {
    const ms = this.deps.faults.latencyMs;
    return ms > 0 ? this.wait(ms, res) : true;
  }

  /** Waits `ms` (or, when undefined, until the client leaves or the simulator closes); false when cut short. */
  private async wait(ms: number | undefined, res: ServerResponse): Promise<boolean> {
    const left = new AbortController();
    const onClose = (): void => left.abort();
    res.once('close', onClose);
    const signal = AbortSignal.any([left.signal, this.closing.signal]);
    try {
      await delay(ms ?? 2_147_483_647, undefined, { signal });
      return true;
    } catch {
      return false;
    } finally {
      res.off('close', onClose);
    }
  }

  /** Authentication, routing and RBAC: the route to run, or the answer when the request goes no further. */
  private admit(method: string, path: string, req: IncomingMessage): Admitted | SimResponse {
    const { deps } = this;
    const match = matchRoute(deps.routes(), method, path);
    const isPublic = PUBLIC_PATHS.includes(path) && method === 'GET';
    const identity = isPublic
      ? {
          kind: 'user' as const,
          login: 'anonymous',
          name: '',
          id: 0,
          uid: '',
          orgId: 1,
          role: 'Viewer' as const,
        }
      : authenticate(req.headers, deps.auth, deps.attempts);
    if (!isIdentity(identity)) return identity;
    if (match === undefined) return NOT_FOUND_ROUTE;
    const { route, params } = match;
    if (identity.role === 'None' && (route.write !== undefined || route.readPermission !== undefined))
      return denied(route.write?.permission ?? route.readPermission ?? '');
    if (identity.role === 'Viewer' && route.write !== undefined) return denied(route.write.permission);
    return { route, params, identity };
  }

  /** Database faults, write contention, the Alertmanager race, the handler and persistence. */
  private execute(
    admitted: Admitted,
    method: string,
    path: string,
    query: URLSearchParams,
    req: IncomingMessage,
    rawBody: string,
    ctx: { contended: boolean; amRevisionAtArrival: number; entry: RequestLogEntry },
  ): SimResponse {
    const { deps } = this;
    const sim = deps.sim();
    const { route, params, identity } = admitted;
    if (route.write !== undefined) {
      const dbFault = deps.faults.decide('db', method, path);
      if (dbFault !== undefined || ctx.contended) {
        ctx.entry.fault = dbFault !== undefined ? 'dbLocked' : 'contention';
        return messageError(500, route.write.lockedMessage);
      }
      if (
        route.write.alertmanager === true &&
        deps.faults.alertmanagerConflicts &&
        sim.state.amRevision !== ctx.amRevisionAtArrival
      ) {
        ctx.entry.fault = 'alertmanagerConflict';
        return sim.profile.alertmanagerConflictStatus === 409
          ? errutilError(409, 'alerting.notifications.conflict')
          : alertingError(
              500,
              'failed to save and apply Alertmanager configuration: could not find object using provided id and hash',
            );
      }
    }
    let response: SimResponse;
    try {
      response = route.handler(sim, {
        method,
        path,
        params,
        query,
        headers: req.headers,
        rawBody,
        identity,
        provenance: providedProvenanceHeader(req.headers) ? '' : 'api',
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      response = error.response;
    }
    if (route.write !== undefined && response.status < 400) deps.persist();
    return response;
  }
}

/** A request that passed authentication, routing and RBAC. */
interface Admitted {
  readonly route: Route;
  readonly params: Readonly<Record<string, string>>;
  readonly identity: Identity;
}

/**
 * With a configured token the control endpoints need it too (`Authorization: Bearer <token>`): they expose
 * secrets (`/__sim/state`) and change the state. `GET /__sim` (the test-double notice) stays open.
 */
function adminAuthProblem(
  method: string,
  path: string,
  req: IncomingMessage,
  auth: AuthOptions,
): SimResponse | undefined {
  if (auth.token === undefined || (method === 'GET' && path === ADMIN_PREFIX)) return undefined;
  const authorization = req.headers.authorization ?? '';
  const match = /^bearer\s+(\S+)\s*$/i.exec(authorization.trim());
  if (match === null) return authError(401, 'auth.unauthorized', 'Unauthorized');
  const given = Buffer.from(match[1] ?? '');
  const expected = Buffer.from(auth.token);
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? undefined
    : authError(401, 'api-key.invalid', 'Invalid API key');
}

function proxyResponse(rule: FaultRule): SimResponse {
  const status = rule.status ?? 503;
  const retryAfter = retryAfterOf(rule);
  const headers: Record<string, string> = {
    'content-type': (rule.body ?? PROXY_BODIES[status] ?? '').startsWith('<html')
      ? 'text/html'
      : 'text/plain; charset=utf-8',
  };
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  return { status, text: rule.body ?? PROXY_BODIES[status] ?? `${status}\n`, headers };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  } catch {
    return '';
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Ends the connection without an answer; a TCP reset where the platform allows it. */
function destroy(req: IncomingMessage): void {
  const socket = req.socket;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

function send(res: ServerResponse, entry: RequestLogEntry | undefined, response: SimResponse): void {
  if (res.destroyed || res.headersSent) return;
  const headers: Record<string, string> = { ...SECURITY_HEADERS, ...response.headers };
  let payload = '';
  if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json';
  } else if (response.text !== undefined) {
    payload = response.text;
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(response.status, headers);
  res.end(payload);
  if (entry !== undefined) entry.status = response.status;
}
