import type { Resource } from '../../core/resource.ts';
import { isSecretRef } from '../../core/secret.ts';
import type { ValidationContext, ValidationRule } from '../context.ts';
import { at } from '../context.ts';

/** Where a secret reference may stand: fields Grafana keeps encrypted, or contact point settings. */
function secretAllowed(resource: Resource, path: string): boolean {
  if (resource.kind === 'DataSource') return path.startsWith('secureJsonData.');
  if (resource.kind === 'ContactPoint') return path.startsWith('settings.');
  return false;
}

/** jsonData keys that look like credentials; Grafana stores jsonData in clear text and returns it on read. */
const CREDENTIAL_KEY = /(password|secret|token|apikey|api_key|credentials)$/i;

function scan(context: ValidationContext, resource: Resource, value: unknown, path: string): void {
  if (isSecretRef(value)) {
    if (!secretAllowed(resource, path)) {
      context.report(
        resource,
        path,
        `secret(${JSON.stringify(value.env)}) cannot stand here: only data source secureJsonData and contact point settings are kept secret by Grafana`,
        'Move the secret to one of those fields',
      );
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => scan(context, resource, item, at(path, i)));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, inner] of Object.entries(value)) {
    const innerPath = at(path, key);
    if (resource.kind === 'DataSource' && path === 'secureJsonData' && !isSecretRef(inner)) {
      context.report(
        resource,
        innerPath,
        'secure data is written literally, so it would be committed and rendered',
        "Use secret('ENV_NAME')",
      );
      continue;
    }
    if (
      resource.kind === 'DataSource' &&
      path.startsWith('jsonData') &&
      CREDENTIAL_KEY.test(key) &&
      typeof inner === 'string' &&
      inner !== ''
    ) {
      context.report(
        resource,
        innerPath,
        `${key} looks like a credential, and jsonData is stored and returned in clear text`,
        "Put it in secureJsonData as secret('ENV_NAME')",
      );
      continue;
    }
    scan(context, resource, inner, innerPath);
  }
}

/** Secrets appear only as secret('ENV') references, and only where Grafana keeps them secret. */
export const secretPlacement: ValidationRule = {
  name: 'secrets',
  check(context) {
    for (const resource of context.registry.resources) scan(context, resource, resource.spec, '');
  },
};
