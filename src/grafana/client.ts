import { Redactor } from '../core/redact.ts';
import { setMaxListeners } from 'node:events';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { GrafanaApiError, GrafanaUrlError, provenanceHint } from './errors.ts';
import type { Transport, TransportResponse } from './http-transport.ts';
import { createHttpTransport } from './http-transport.ts';
import { Semaphore } from './semaphore.ts';

export type GrafanaAuth =
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'basic'; readonly user: string; readonly password: string };

export interface GrafanaConnection {
  /** Base URL, e.g. `http://localhost:3000` (a trailing slash is ignored; credentials in it are refused). */
  readonly url: string;
  readonly auth: GrafanaAuth;
  /** Organisation for basic auth (`X-Grafana-Org-Id`); tokens are bound to their org. */
  readonly orgId?: number;
  /** Per request, milliseconds. */
  readonly timeoutMs?: number;
  /** Attempts after the first one, for retryable failures. */
  readonly retries?: number;
  /** Writes in flight at once. SQLite-backed Grafanas lock under parallel writes: keep it small. */
  readonly writeConcurrency?: number;
  /** Reads in flight at once. */
  readonly readConcurrency?: number;
}

export const DEFAULTS = { timeoutMs: 30_000, retries: 4, writeConcurrency: 4, readConcurrency: 16 } as const;

export interface RequestOptions {
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** Statuses returned to the caller instead of thrown (e.g. 404 on a GET that may miss). */
  readonly allow?: readonly number[];
  /** Send no credentials (the health check, before anything says the server is Grafana). */
  readonly anonymous?: boolean;
}

export interface GrafanaResponse {
  readonly status: number;
  readonly body: unknown;
}

/** Observes every attempt (for counters and tests); never sees credentials. */
export interface RequestEvent {
  readonly method: string;
  readonly path: string;
  readonly status: number | 'network-error';
  readonly attempt: number;
  readonly retry: boolean;
}

export interface ClientDependencies {
  /** How requests go out; default createHttpTransport(). The global `fetch` fits too. */
  readonly fetch?: Transport;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly onRequest?: (event: RequestEvent) => void;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * The 500s a second attempt may get past: SQLite's lock ("database is locked", and the endpoint messages Grafana
 * answers with when a save failed on it: "Failed to save dashboard", "Failed to update datasource", "Folder API
 * error") and the Alertmanager configuration race ("could not find object using provided id and hash"). Each
 * means the request was not applied. Any other 500 (a refused provenance change, a server bug) is permanent:
 * sending it again changes nothing, and a POST could be applied twice.
 */
const TRANSIENT_500: readonly RegExp[] = [
  /database is locked/i,
  /could not find object using provided id and hash/i,
  /^Failed to (?:save|add|update|delete) (?:dashboard|datasource|data source)\.?$/i,
  /^Folder API error\.?$/i,
];

/** A 500 whose message says the request lost a race with another write and was not applied. */
export function isTransient500(message: string): boolean {
  const text = message.trim();
  return TRANSIENT_500.some((pattern) => pattern.test(text));
}

/** A read answered 500 is tried again whatever the message: sending a GET twice changes nothing. */
function retryable(method: string, status: number, message: string): boolean {
  if (RETRYABLE_STATUS.has(status)) return true;
  return status === 500 && (!WRITE_METHODS.has(method) || isTransient500(message));
}

/**
 * The address of Grafana from GRAFANA_URL, parsed once: `http(s)://host[:port][/path]`, without a trailing slash.
 * Credentials in the URL are refused (they would end up in every message that names Grafana); so are a query and a
 * fragment. The result holds nothing secret and is what messages show. Errors never repeat the URL.
 */
export function grafanaAddress(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new GrafanaUrlError('is not a URL. Set it to the address of Grafana, e.g. http://localhost:3000.');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new GrafanaUrlError('must start with http:// or https://, e.g. http://localhost:3000.');
  if (parsed.username !== '' || parsed.password !== '') {
    throw new GrafanaUrlError(
      'must not contain credentials (user:password@): they would show wherever Grafana is named. ' +
        'Remove them and set GRAFANA_USER and GRAFANA_PASSWORD, or GRAFANA_TOKEN, instead.',
    );
  }
  if (parsed.search !== '' || parsed.hash !== '')
    throw new GrafanaUrlError(
      'must not have a query (?…) or a fragment (#…): give the address of Grafana only.',
    );
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.min(seconds * 1000, MAX_RETRY_AFTER_MS));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.min(date - now, MAX_RETRY_AFTER_MS));
}

/** Longest error text kept from a body. */
const MAX_BODY_TEXT = 300;

/**
 * The text of an error body: its `message`, or the body itself, secrets masked first and only then cut (cut
 * first, a secret across the cut would leave its beginning in clear).
 */
function describeBody(body: unknown, mask: (text: string) => string): string {
  const message =
    typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  const text =
    typeof body === 'string' ? body : typeof message === 'string' ? message : (JSON.stringify(body) ?? '');
  const masked = mask(text);
  return masked.length > MAX_BODY_TEXT ? `${masked.slice(0, MAX_BODY_TEXT)}…` : masked;
}

function hintFor(status: number, body: string): string {
  const provenance = provenanceHint(status, body);
  if (provenance !== '') return provenance;
  if (status === 401) return 'Check GRAFANA_TOKEN (or GRAFANA_USER/GRAFANA_PASSWORD).';
  if (status === 403)
    return 'The credentials lack the permission: use a service account with the Admin role.';
  if (status === 412) return 'The object changed in Grafana meanwhile; run publish again.';
  return '';
}

/**
 * The Grafana HTTP API client: authentication, organisation, timeouts, retries with backoff (and `Retry-After`)
 * on 429, 502, 503, 504, dropped connections and 500s (any 500 for a read, a transient one (isTransient500) for a
 * write), no redirect followed, bounded concurrency (writes and reads separately), typed errors. Tokens and
 * passwords never leave the Authorization header; the URL holds none.
 */
export class GrafanaClient {
  /** Where Grafana is (see grafanaAddress): no credentials, safe to show. */
  readonly baseUrl: string;
  private readonly authorization: string;
  private readonly writes: Semaphore;
  private readonly reads: Semaphore;
  private readonly fetchImpl: Transport;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly onRequest: ((event: RequestEvent) => void) | undefined;
  /** Requests sent, by method (each retry counts). */
  readonly sent = { reads: 0, writes: 0, retries: 0 };
  /** Values never repeated in an error text (the credentials, and the secrets a run sends). */
  private readonly masked = new Redactor();

  /** Adds values to mask in error texts, before they are cut (publish adds the secrets it resolved). */
  maskValues(...values: readonly (string | undefined)[]): void {
    this.masked.add(...values);
  }

  private readonly cancelled = new AbortController();

  constructor(
    readonly connection: GrafanaConnection,
    deps: ClientDependencies = {},
  ) {
    this.baseUrl = grafanaAddress(connection.url);
    // Every request in flight listens for cancellation (requestDeadline): more than Node's default of 10.
    setMaxListeners(0, this.cancelled.signal);
    const auth = connection.auth;
    this.authorization =
      auth.kind === 'token'
        ? `Bearer ${auth.token}`
        : `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
    this.maskValues(auth.kind === 'token' ? auth.token : auth.password);
    this.writes = new Semaphore(connection.writeConcurrency ?? DEFAULTS.writeConcurrency);
    this.reads = new Semaphore(connection.readConcurrency ?? DEFAULTS.readConcurrency);
    this.fetchImpl = deps.fetch ?? createHttpTransport();
    this.sleep =
      deps.sleep ??
      ((ms) => sleepFor(ms, undefined, { signal: this.cancelled.signal }).catch(() => undefined));
    this.random = deps.random ?? Math.random;
    this.onRequest = deps.onRequest;
  }

  /**
   * Stops the client: requests in flight are aborted and later ones fail at once with a NetworkError (publish
   * cancels its reads this way when validation fails, so that the process ends without waiting for them).
   */
  cancel(): void {
    this.cancelled.abort(new Error('cancelled'));
  }

  get(path: string, options: RequestOptions = {}): Promise<GrafanaResponse> {
    return this.request('GET', path, options);
  }

  post(path: string, body: unknown, options: RequestOptions = {}): Promise<GrafanaResponse> {
    return this.request('POST', path, { ...options, body });
  }

  put(path: string, body: unknown, options: RequestOptions = {}): Promise<GrafanaResponse> {
    return this.request('PUT', path, { ...options, body });
  }

  delete(path: string, options: RequestOptions = {}): Promise<GrafanaResponse> {
    return this.request('DELETE', path, options);
  }

  /** One logical request: retried as needed, bounded by the read or write limit. */
  request(method: string, path: string, options: RequestOptions = {}): Promise<GrafanaResponse> {
    const limit = WRITE_METHODS.has(method) ? this.writes : this.reads;
    return limit.run(() => this.attempts(method, path, options));
  }

  private url(path: string, query: RequestOptions['query']): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      for (const v of typeof value === 'string' ? [value] : value) params.append(key, v);
    }
    const qs = params.toString();
    return `${this.baseUrl}${path}${qs === '' ? '' : `?${qs}`}`;
  }

  private backoff(attempt: number): number {
    const base = Math.min(200 * 2 ** attempt, 5_000);
    return base / 2 + this.random() * (base / 2);
  }

  private async attempts(method: string, path: string, options: RequestOptions): Promise<GrafanaResponse> {
    const retries = this.connection.retries ?? DEFAULTS.retries;
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...(options.anonymous === true ? {} : { Authorization: this.authorization }),
      ...options.headers,
    };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.connection.orgId !== undefined && this.connection.auth.kind === 'basic') {
      headers['X-Grafana-Org-Id'] = String(this.connection.orgId);
    }
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const url = this.url(path, options.query);
    for (let attempt = 0; ; attempt += 1) {
      if (this.cancelled.signal.aborted) throw new NetworkError(method, path, this.cancelled.signal.reason);
      const last = attempt >= retries;
      if (WRITE_METHODS.has(method)) this.sent.writes += 1;
      else this.sent.reads += 1;
      if (attempt > 0) this.sent.retries += 1;
      let response: TransportResponse;
      const deadline = requestDeadline(
        this.connection.timeoutMs ?? DEFAULTS.timeoutMs,
        this.cancelled.signal,
      );
      try {
        response = await this.fetchImpl(url, { method, headers, body, signal: deadline.signal });
      } catch (error) {
        deadline.done();
        this.onRequest?.({ method, path, status: 'network-error', attempt, retry: !last });
        if (last) throw new NetworkError(method, path, error);
        await this.sleep(this.backoff(attempt));
        continue;
      }
      const text = await response.text().catch(() => '');
      deadline.done();
      if (response.status >= 300 && response.status < 400) {
        // Followed silently, a redirect would turn a POST into a GET, or land on a login page answered 200.
        const to = redirectTarget(response.headers.get('location'), url);
        this.onRequest?.({ method, path, status: response.status, attempt, retry: false });
        throw new GrafanaApiError(
          method,
          path,
          response.status,
          `redirected to ${to}`,
          'Set GRAFANA_URL to the address Grafana answers at itself (the one it redirects to, often https://).',
        );
      }
      const parsed = parseBody(text);
      const allowed = (options.allow ?? []).includes(response.status);
      const message = response.status >= 400 ? describeBody(parsed, (t) => this.masked.apply(t)) : '';
      const again = !allowed && retryable(method, response.status, message);
      this.onRequest?.({ method, path, status: response.status, attempt, retry: again && !last });
      if (again && !last) {
        await this.sleep(retryAfterMs(response.headers.get('retry-after')) ?? this.backoff(attempt));
        continue;
      }
      if (response.status >= 400 && !allowed) {
        throw new GrafanaApiError(method, path, response.status, message, hintFor(response.status, message));
      }
      if (response.status < 300 && typeof parsed === 'string') {
        // Grafana's API answers JSON (or nothing): a page of HTML or text is a proxy, a login page or not Grafana,
        // and a write it answers has not been done by Grafana.
        throw new GrafanaApiError(
          method,
          path,
          response.status,
          `answered ${response.status} with a body that is not JSON (${response.headers.get('content-type') ?? 'no content type'})`,
          'Check that GRAFANA_URL is the address of Grafana itself, not of a proxy or a login page.',
        );
      }
      return { status: response.status, body: parsed };
    }
  }
}

/**
 * The signal of one request: aborted when its timeout passes or the client is cancelled. The timer is a plain
 * setTimeout this function holds (and clears once the answer is read): `AbortSignal.any([AbortSignal.timeout(ms),
 * …])` lets Node 20 collect the timeout signal before it fires (nodejs/node#57736), and a request to a server that
 * never answers then hangs for ever.
 */
export function requestDeadline(
  timeoutMs: number,
  cancelled: AbortSignal,
): { readonly signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')),
    timeoutMs,
  );
  const onCancel = (): void => controller.abort(cancelled.reason);
  if (cancelled.aborted) onCancel();
  else cancelled.addEventListener('abort', onCancel, { once: true });
  return {
    signal: controller.signal,
    done() {
      clearTimeout(timer);
      cancelled.removeEventListener('abort', onCancel);
    },
  };
}

/** The connection failed (reset, refused, timed out) on every attempt. */
export class NetworkError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    cause: unknown,
  ) {
    const reason =
      cause instanceof Error
        ? cause.cause instanceof Error
          ? cause.cause.message
          : cause.message
        : String(cause);
    super(`${method} ${path} failed: ${reason}`, { cause });
    this.name = 'NetworkError';
  }
}

/** Where a redirect points, as origin and path only (a query could carry a token). */
function redirectTarget(location: string | null, from: string): string {
  if (location === null || location === '') return 'an address it does not give';
  try {
    const target = new URL(location, from);
    return `${target.origin}${target.pathname}`;
  } catch {
    return 'an address that is not a URL';
  }
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
