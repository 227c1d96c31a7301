import type { GrafanaClient } from './client.ts';
import { NetworkError } from './client.ts';
import { GrafanaApiError, GrafanaAuthError, GrafanaUnreachableError } from './errors.ts';

export interface GrafanaInfo {
  readonly version: string;
  readonly orgId: number | undefined;
  readonly orgName: string | undefined;
}

/**
 * Before anything else: is Grafana there (GET /api/health, no credentials needed) and do the credentials work
 * (GET /api/org, asked at the same time)? Errors name the URL and say what to check; they never show the
 * credentials.
 */
export async function probeGrafana(client: GrafanaClient): Promise<GrafanaInfo> {
  const url = client.baseUrl;
  // Both at once; the health answer is looked at first (an unreachable Grafana is not a credentials problem).
  const [healthAnswer, orgAnswer] = await Promise.allSettled([
    client.get('/api/health'),
    client.get('/api/org', { allow: [401, 403] }),
  ]);
  if (healthAnswer.status === 'rejected') {
    const error: unknown = healthAnswer.reason;
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
    if (error instanceof GrafanaApiError) {
      throw new GrafanaUnreachableError(
        `Grafana at ${url} is not healthy: /api/health answered ${error.status}${error.body === '' ? '' : ` (${error.body})`}.`,
      );
    }
    throw error;
  }
  if (orgAnswer.status === 'rejected') throw orgAnswer.reason;
  const health = healthAnswer.value;
  const org = orgAnswer.value;
  const body = (typeof health.body === 'object' && health.body !== null ? health.body : {}) as {
    version?: unknown;
  };
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
  const orgBody = (typeof org.body === 'object' && org.body !== null ? org.body : {}) as {
    id?: unknown;
    name?: unknown;
  };
  return {
    version: typeof body.version === 'string' ? body.version : 'unknown',
    orgId: typeof orgBody.id === 'number' ? orgBody.id : undefined,
    orgName: typeof orgBody.name === 'string' ? orgBody.name : undefined,
  };
}
