import { isSecretRef, secretFromPlaceholder } from '../core/secret.ts';

/** Comparable stand-in for a secret that is set, whatever its value (Grafana never gives the value back). */
export const SECRET_SET = '<secret set>';

/** Grafana's stand-in for a set secure setting of a contact point, on read. */
export const REDACTED = '[REDACTED]';

/** A desired secret (reference, or `${ENV}` placeholder from a rendered file) becomes SECRET_SET. */
export function maskDesiredSecret(value: unknown): unknown {
  if (isSecretRef(value)) return SECRET_SET;
  if (typeof value === 'string' && secretFromPlaceholder(value) !== undefined) return SECRET_SET;
  return value;
}

/** Values of the environment variables secrets come from, resolved once per publish. */
export type SecretValues = ReadonlyMap<string, string>;

/** The request value of a setting: a secret reference becomes its value; anything else stays. */
export function revealSecret(value: unknown, secrets: SecretValues): unknown {
  if (!isSecretRef(value)) return value;
  const secret = secrets.get(value.env);
  if (secret === undefined) throw new Error(`secret ${value.env} was not resolved before sending`);
  return secret;
}
