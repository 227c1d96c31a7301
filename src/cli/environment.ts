import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.ts';
import type { GrafanaConnection } from '../grafana/client.ts';
import { grafanaAddress } from '../grafana/client.ts';
import type { ApiPreference } from '../grafana/app-platform.ts';
import { API_PREFERENCES } from '../grafana/app-platform.ts';

/**
 * `--api auto|legacy|apis` (dashboards and folders through the App Platform from Grafana 12 with `auto`) and
 * GRAFANA_NAMESPACE (a Grafana Cloud stack's `stacks-<id>`; from the organisation otherwise).
 */
export function apiChoice(
  flag: string | undefined,
  env: Environment,
): { preference: ApiPreference; namespace?: string } {
  const preference = flag ?? 'auto';
  if (!(API_PREFERENCES as readonly string[]).includes(preference))
    throw new UsageError(`--api takes auto, legacy or apis, not ${JSON.stringify(preference)}.`);
  const namespace = env.GRAFANA_NAMESPACE;
  return {
    preference: preference as ApiPreference,
    ...(namespace === undefined || namespace === '' ? {} : { namespace }),
  };
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** Parses a `.env` file: `KEY=value` lines, optional quotes, `#` comments, `export` prefixes. */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (match?.[1] === undefined) continue;
    let value = match[2] ?? '';
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted !== null)
      value = quoted[1] === '"' ? (quoted[2] ?? '').replace(/\\n/g, '\n') : (quoted[2] ?? '');
    else value = value.replace(/\s+#.*$/, '');
    out[match[1]] = value;
  }
  return out;
}

/** The environment of a command: `.env` of the repository (if any), overridden by the process environment. */
export function withDotEnv(root: string, processEnv: Environment): Environment {
  const file = join(root, '.env');
  const fromFile = existsSync(file) ? parseDotEnv(readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...processEnv };
}

/** Connection settings from GRAFANA_URL, GRAFANA_TOKEN or GRAFANA_USER/GRAFANA_PASSWORD, GRAFANA_ORG_ID. */
export function grafanaConnection(
  env: Environment,
  tuning: { readonly writeConcurrency?: number; readonly timeoutMs?: number } = {},
): GrafanaConnection {
  const url = env.GRAFANA_URL;
  if (url === undefined || url === '') {
    throw new UsageError('GRAFANA_URL is not set. Set it (and GRAFANA_TOKEN) in the environment or in .env.');
  }
  // Checked and cleaned first (no credentials, query or fragment): every later message names only this address.
  const address = grafanaAddress(url);
  const token = env.GRAFANA_TOKEN;
  const user = env.GRAFANA_USER;
  const password = env.GRAFANA_PASSWORD;
  const auth =
    token !== undefined && token !== ''
      ? ({ kind: 'token', token } as const)
      : user !== undefined && user !== '' && password !== undefined
        ? ({ kind: 'basic', user, password } as const)
        : undefined;
  if (auth === undefined) {
    throw new UsageError(
      'no Grafana credentials: set GRAFANA_TOKEN (a service account token), or GRAFANA_USER and GRAFANA_PASSWORD.',
    );
  }
  const org = env.GRAFANA_ORG_ID;
  const orgId = org === undefined || org === '' ? undefined : Number(org);
  if (orgId !== undefined && !Number.isInteger(orgId))
    throw new UsageError(`GRAFANA_ORG_ID must be a number, not ${JSON.stringify(org)}.`);
  return {
    url: address,
    auth,
    ...(orgId === undefined ? {} : { orgId }),
    ...(tuning.writeConcurrency === undefined ? {} : { writeConcurrency: tuning.writeConcurrency }),
    ...(tuning.timeoutMs === undefined ? {} : { timeoutMs: tuning.timeoutMs }),
  };
}
