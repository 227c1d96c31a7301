import type { GrafanaClient } from './client.ts';
import { NetworkError } from './client.ts';
import { GrafanaApiError, GrafanaAuthError, GrafanaUnreachableError } from './errors.ts';

export interface GrafanaInfo {
  readonly version: string;
  readonly orgId: number | undefined;
  readonly orgName: string | undefined;
}

/** Grafana's release numbers: `10.4.18`, `12.1.1+security-01`, `13.0.0-pre`. */
const VERSION = /^\d+\.\d+\.\d+/;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * Is it Grafana, and is it healthy? `GET /api/health` is asked first and without credentials (Grafana answers it
 * to anyone: `apiHealthHandler`, grafana/grafana pkg/api/http_server.go), and must answer as Grafana does:
 * `{"database":"ok","version":"<x.y.z>",…}`. Anything else (a login page, a proxy answering 200 to everything, a
 * server that is not Grafana) is refused before a credential or a secret is sent to it.
 */
export async function checkHealth(client: GrafanaClient): Promise<{ version: string | undefined }> {
  const url = client.baseUrl;
  let body: unknown;
  try {
    body = (await client.get('/api/health', { anonymous: true })).body;
  } catch (error) {
    if (error instanceof NetworkError) {
      throw new GrafanaUnreachableError(
        `Grafana at ${url} is unreachable (${error.message}). Check GRAFANA_URL and the network.`,
      );
    }
    if (error instanceof GrafanaApiError && error.status >= 300 && error.status < 400) {
      throw new GrafanaUnreachableError(
        `Grafana at ${url} answered /api/health with a redirect (${error.status}, ${error.body}). ${error.hint}`,
      );
    }
    if (error instanceof GrafanaApiError && error.status < 300) {
      throw new GrafanaUnreachableError(
        `${url} does not answer like Grafana: /api/health ${error.body}. Check that GRAFANA_URL is Grafana's own address; nothing was sent to it.`,
      );
    }
    if (error instanceof GrafanaApiError) {
      throw new GrafanaUnreachableError(
        `Grafana at ${url} is not healthy: /api/health answered ${error.status}${error.body === '' ? '' : ` (${error.body})`}.`,
      );
    }
    throw error;
  }
  const health = record(body);
  if (health.database !== 'ok') {
    throw new GrafanaUnreachableError(
      typeof health.database === 'string'
        ? `Grafana at ${url} is not healthy: its database is ${JSON.stringify(health.database)}.`
        : `${url} does not answer like Grafana: /api/health has no "database" field. Check that GRAFANA_URL is Grafana's own address; nothing was sent to it.`,
    );
  }
  const version = health.version;
  if (version !== undefined && (typeof version !== 'string' || !VERSION.test(version))) {
    throw new GrafanaUnreachableError(
      `${url} does not answer like Grafana: /api/health reports version ${JSON.stringify(version)}. Check that GRAFANA_URL is Grafana's own address; nothing was sent to it.`,
    );
  }
  // Grafana leaves the version out of /api/health for anonymous callers when `hide_version` is set.
  return { version: typeof version === 'string' ? version : undefined };
}

/**
 * Do the credentials work (GET /api/org), and which release is it? Asked once checkHealth said the server is
 * Grafana. Errors name the URL and say what to check; they never show the credentials.
 */
export async function probeCredentials(
  client: GrafanaClient,
  health: { version: string | undefined },
): Promise<GrafanaInfo> {
  const url = client.baseUrl;
  const org = await client.get('/api/org', { allow: [401, 403] });
  if (org.status === 401) {
    throw new GrafanaAuthError(
      `Grafana at ${url} refused the credentials (401). Check GRAFANA_TOKEN, or GRAFANA_USER and GRAFANA_PASSWORD.`,
    );
  }
  if (org.status === 403) {
    throw new GrafanaAuthError(
      `Grafana at ${url} accepted the credentials but refused access (403). Use a service account with the Admin role${client.connection.orgId === undefined ? '' : ` in organisation ${client.connection.orgId}`}.`,
    );
  }
  const orgBody = record(org.body);
  if (typeof orgBody.id !== 'number' || typeof orgBody.name !== 'string') {
    throw new GrafanaUnreachableError(
      `${url} does not answer like Grafana: /api/org has no numeric "id" and "name". Check that GRAFANA_URL is Grafana's own address.`,
    );
  }
  let version = health.version;
  if (version === undefined) {
    const settings = record((await client.get('/api/frontend/settings')).body);
    const built = record(settings.buildInfo).version;
    if (typeof built !== 'string' || !VERSION.test(built)) {
      throw new GrafanaUnreachableError(
        `${url} does not answer like Grafana: no version in /api/health nor in /api/frontend/settings.`,
      );
    }
    version = built;
  }
  return { version, orgId: orgBody.id, orgName: orgBody.name };
}

/** Both probes, one after the other: Grafana first, then the credentials. */
export async function probeGrafana(client: GrafanaClient): Promise<GrafanaInfo> {
  return probeCredentials(client, await checkHealth(client));
}
