/**
 * Authentication as Grafana does it (reference §0.1): Bearer service-account tokens and Basic auth for the
 * built-in `admin:admin`, errutil 401 bodies, brute-force blocking of Basic auth, `X-Grafana-Org-Id` for Basic
 * auth only. A configured viewer token gives a read-only identity whose writes get the RBAC 403.
 */
import { randomInt } from 'node:crypto';
import type { SimResponse } from './responses.ts';
import { accessDenied, authError } from './responses.ts';

export type Role = 'Admin' | 'Viewer' | 'None';

export interface Identity {
  readonly kind: 'user' | 'service-account';
  readonly login: string;
  readonly name: string;
  readonly id: number;
  readonly uid: string;
  /** 1, or -1 when Basic auth selected an organisation the user is not a member of. */
  readonly orgId: number;
  readonly role: Role;
}

export interface AuthOptions {
  /** When set, the only accepted Bearer token with full rights. Otherwise any non-empty Bearer token is. */
  readonly token?: string;
  /** A Bearer token that only reads: every write gets 403 with the RBAC body. */
  readonly viewerToken?: string;
}

const ADMIN_LOGIN = 'admin';
const ADMIN_PASSWORD = 'admin';
const MAX_FAILED_ATTEMPTS = 5;
const ATTEMPT_WINDOW_MS = 5 * 60 * 1000;

const unauthorized = (): SimResponse => authError(401, 'auth.unauthorized', 'Unauthorized');

/** Failed Basic-auth attempts per login, for Grafana's brute-force protection. */
export class LoginAttempts {
  private readonly failures = new Map<string, number[]>();

  blocked(login: string, now: number): boolean {
    const recent = (this.failures.get(login) ?? []).filter((t) => now - t < ATTEMPT_WINDOW_MS);
    this.failures.set(login, recent);
    return recent.length >= MAX_FAILED_ATTEMPTS;
  }

  fail(login: string, now: number): void {
    this.failures.set(login, [...(this.failures.get(login) ?? []), now]);
  }

  clear(): void {
    this.failures.clear();
  }
}

function header(headers: Readonly<Record<string, string | string[] | undefined>>, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

export function authenticate(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  options: AuthOptions,
  attempts: LoginAttempts,
  now = Date.now(),
): Identity | SimResponse {
  const authorization = header(headers, 'authorization').trim();
  const space = authorization.indexOf(' ');
  const scheme = (space < 0 ? authorization : authorization.slice(0, space)).toLowerCase();
  const credentials = space < 0 ? '' : authorization.slice(space + 1).trim();
  if (scheme === 'bearer' && credentials !== '') return bearer(credentials, options);
  if (scheme === 'basic' && credentials !== '') return basic(credentials, headers, attempts, now);
  return unauthorized();
}

function bearer(token: string, options: AuthOptions): Identity | SimResponse {
  const serviceAccount = (role: Role): Identity => ({
    kind: 'service-account',
    login: role === 'Admin' ? 'sa-1-publisher' : 'sa-1-viewer',
    name: role === 'Admin' ? 'publisher' : 'viewer',
    id: role === 'Admin' ? 2 : 3,
    uid: role === 'Admin' ? 'sim-sa-publisher' : 'sim-sa-viewer',
    orgId: 1,
    role,
  });
  if (options.viewerToken !== undefined && token === options.viewerToken) return serviceAccount('Viewer');
  if (options.token !== undefined && token !== options.token)
    return authError(401, 'api-key.invalid', 'Invalid API key');
  return serviceAccount('Admin');
}

function basic(
  encoded: string,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  attempts: LoginAttempts,
  now: number,
): Identity | SimResponse {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return unauthorized();
  const login = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  if (attempts.blocked(login, now))
    return authError(401, 'login-attempt.blocked', 'Invalid username or password');
  if (login !== ADMIN_LOGIN || password !== ADMIN_PASSWORD) {
    attempts.fail(login, now);
    return authError(401, 'password-auth.failed', 'Invalid username or password');
  }
  // The org header selects the organisation for user auth; admin is only a member of org 1. Grafana then signs
  // the user in with org -1 ("Org missing") and no role, so every permission check fails with 403.
  const orgHeader = header(headers, 'x-grafana-org-id').trim();
  const requested = /^-?\d+$/.test(orgHeader) ? Number(orgHeader) : 0;
  const member = requested <= 0 || requested === 1;
  return {
    kind: 'user',
    login: ADMIN_LOGIN,
    name: '',
    id: 1,
    uid: 'sim-admin',
    orgId: member ? 1 : -1,
    role: member ? 'Admin' : 'None',
  };
}

export function isIdentity(value: Identity | SimResponse): value is Identity {
  return 'role' in value;
}

export function denied(permission: string): SimResponse {
  return accessDenied(permission, `ACE${String(randomInt(0, 10_000_000_000)).padStart(10, '0')}`);
}

export function providedProvenanceHeader(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): boolean {
  return headers['x-disable-provenance'] !== undefined;
}
