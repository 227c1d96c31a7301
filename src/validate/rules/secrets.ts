import { secretPathsIn } from '../../core/canonical.ts';
import type { Resource, ResourceOf } from '../../core/resource.ts';
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

function checkDataSource(context: ValidationContext, ds: ResourceOf<'DataSource'>): void {
  for (const [key, value] of Object.entries(ds.spec.secureJsonData ?? {})) {
    if (!isSecretRef(value)) {
      context.report(
        ds,
        at('secureJsonData', key),
        'secure data is written literally, so it would be committed and rendered',
        "Use secret('ENV_NAME')",
      );
    }
  }
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((item: unknown, i) => visit(item, at(path, i)));
    else if (typeof value === 'object' && value !== null && !isSecretRef(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (CREDENTIAL_KEY.test(key) && typeof inner === 'string' && inner !== '') {
          context.report(
            ds,
            at(path, key),
            `${key} looks like a credential, and jsonData is stored and returned in clear text`,
            "Put it in secureJsonData as secret('ENV_NAME')",
          );
        } else visit(inner, at(path, key));
      }
    }
  };
  visit(ds.spec.jsonData, 'jsonData');
}

/**
 * Secrets appear only as secret('ENV') references, and only where Grafana keeps them secret. Where references
 * stand is recorded when a resource is sealed, so this rule does not walk every dashboard again.
 */
export const secretPlacement: ValidationRule = {
  name: 'secrets',
  check(context) {
    for (const resource of context.registry.resources) {
      for (const path of secretPathsIn(resource.spec)) {
        if (!secretAllowed(resource, path)) {
          context.report(
            resource,
            path,
            'a secret reference cannot stand here: only data source secureJsonData and contact point settings are kept secret by Grafana',
            'Move the secret to one of those fields',
          );
        }
      }
      if (resource.kind === 'DataSource') checkDataSource(context, resource);
    }
  },
};
