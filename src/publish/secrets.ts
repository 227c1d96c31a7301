import { secretPathsIn } from '../core/canonical.ts';
import type { Resource } from '../core/resource.ts';
import { refOf } from '../core/resource.ts';
import { isSecretRef } from '../core/secret.ts';
import { MissingSecretError } from '../grafana/errors.ts';
import type { SecretValues } from '../handlers/secrets.ts';
import { MIN_MASKED_LENGTH } from '../core/redact.ts';

/** Every environment variable a set of resources needs, with the refs that need it, in name order. */
export function secretsNeeded(resources: readonly Resource[]): Map<string, string[]> {
  const needed = new Map<string, string[]>();
  for (const resource of resources) {
    for (const path of secretPathsIn(resource.spec)) {
      const value = path
        .split(/\.|\[|\]/)
        .filter((p) => p !== '')
        .reduce<unknown>((v, key) => (v as Record<string, unknown>)?.[key], resource.spec);
      if (!isSecretRef(value)) continue;
      const refs = needed.get(value.env) ?? [];
      refs.push(refOf(resource));
      needed.set(value.env, refs);
    }
  }
  return new Map([...needed].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Reads every secret the resources need from the environment, or fails naming each missing variable and the
 * resources that need it, before a single request is sent. An empty value counts as missing; a value too short
 * to be masked in output (under MIN_MASKED_LENGTH characters) is refused the same way, without showing it.
 */
export function resolveSecrets(
  resources: readonly Resource[],
  env: Readonly<Record<string, string | undefined>>,
): SecretValues {
  const values = new Map<string, string>();
  const missing: { env: string; refs: string[]; tooShort?: boolean }[] = [];
  for (const [name, refs] of secretsNeeded(resources)) {
    const value = env[name];
    if (value === undefined || value === '') missing.push({ env: name, refs });
    else if (value.length < MIN_MASKED_LENGTH) missing.push({ env: name, refs, tooShort: true });
    else values.set(name, value);
  }
  if (missing.length > 0) throw new MissingSecretError(missing);
  return values;
}
