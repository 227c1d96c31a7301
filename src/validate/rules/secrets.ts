import { secureSettingsOf } from '../../alerting/secure-settings.ts';
import { secretPathsIn } from '../../core/canonical.ts';
import type { Resource, ResourceOf } from '../../core/resource.ts';
import { isSecretRef } from '../../core/secret.ts';
import type { ValidationContext, ValidationRule } from '../context.ts';
import { at } from '../context.ts';

/** Why a secret reference cannot stand at `path`, or undefined where Grafana keeps it encrypted. */
function misplacedSecret(resource: Resource, path: string): { problem: string; fix: string } | undefined {
  if (resource.kind === 'DataSource' && path.startsWith('secureJsonData.')) return undefined;
  if (resource.kind === 'ContactPoint' && path.startsWith('settings.')) {
    const { type } = resource.spec;
    const key = /^settings\.([^.[]+)/.exec(path)?.[1] ?? '';
    const secure = secureSettingsOf(type);
    if (secure.includes(key)) return undefined;
    return {
      problem: `a secret reference cannot stand here: Grafana does not encrypt the ${key} setting of ${type} contact points, so it would store the secret in clear text and return it to everyone who can read contact points`,
      fix:
        secure.length === 0
          ? `Write ${key} literally if it may be read that way; Grafana encrypts no setting of ${type} contact points`
          : `Write ${key} literally if it may be read that way, and keep secrets in the settings Grafana encrypts for ${type}: ${secure.join(', ')}`,
    };
  }
  return {
    problem:
      'a secret reference cannot stand here: only data source secureJsonData and the secure settings of contact points are kept secret by Grafana',
    fix: 'Move the secret to one of those fields',
  };
}

/** Header values: Grafana keeps `httpHeaderValueN` in secureJsonData, next to the `httpHeaderNameN` in jsonData. */
const HEADER_VALUE = /^httpHeaderValue\d*$/i;
/** Words that make a key a credential wherever they stand in it: `basicAuthPassword`, `refreshToken`, `privateKey`. */
const CREDENTIAL_WORD = /secret|password|passwd|token|private|credential|api_?key/i;
/** Keys ending in `key` that are credentials (`accessKey`, `tlsClientKey`), unlike a tag's `key` or a `sortKey`. */
const CREDENTIAL_KEY =
  /(access|secret|api|client|private|auth|signing|encryption|master|license|subscription|tls|ssh|account|shared|user|app)_?key$/i;
/** Keys naming or locating a credential rather than holding it: `tokenUri`, `secretName`, `privateKeyPath`. */
const NOT_A_VALUE = /(url|uri|name|type|file|path)$/i;

/** Whether a jsonData key holds a credential; Grafana stores jsonData in clear text and returns it on read. */
export function isCredentialKey(key: string): boolean {
  if (HEADER_VALUE.test(key)) return true;
  if (NOT_A_VALUE.test(key)) return false;
  return CREDENTIAL_WORD.test(key) || CREDENTIAL_KEY.test(key);
}

/** Whether a URL carries a password (`https://user:password@host`). */
export function hasUrlPassword(text: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return false;
  try {
    return new URL(text).password !== '';
  } catch {
    return false;
  }
}

const URL_PASSWORD_FIX =
  "Take the credentials out of the URL: set basicAuth: true and basicAuthUser, and put the password in secureJsonData as basicAuthPassword: secret('ENV_NAME')";

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
  // The message never shows the URL: it holds the password.
  if (hasUrlPassword(ds.spec.url)) {
    context.report(
      ds,
      'url',
      'the url carries a password (user:password@host), and Grafana stores and returns the url in clear text',
      URL_PASSWORD_FIX,
    );
  }
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((item: unknown, i) => visit(item, at(path, i)));
    else if (typeof value === 'object' && value !== null && !isSecretRef(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (isCredentialKey(key) && typeof inner === 'string' && inner !== '') {
          context.report(
            ds,
            at(path, key),
            `${key} looks like a credential, and jsonData is stored and returned in clear text`,
            "Put it in secureJsonData as secret('ENV_NAME')",
          );
        } else visit(inner, at(path, key));
      }
    } else if (typeof value === 'string' && hasUrlPassword(value)) {
      context.report(
        ds,
        path,
        'this URL carries a password (user:password@host), and jsonData is stored and returned in clear text',
        URL_PASSWORD_FIX,
      );
    }
  };
  visit(ds.spec.jsonData, 'jsonData');
}

/**
 * Secrets appear only as secret('ENV') references, and only where Grafana keeps them secret: data source
 * secureJsonData and the settings Grafana encrypts for the contact point's type (alerting/secure-settings.ts).
 * Where references stand is recorded when a resource is sealed, so this rule does not walk every dashboard again.
 */
export const secretPlacement: ValidationRule = {
  name: 'secrets',
  check(context) {
    for (const resource of context.registry.resources) {
      for (const path of secretPathsIn(resource.spec)) {
        const misplaced = misplacedSecret(resource, path);
        if (misplaced !== undefined) context.report(resource, path, misplaced.problem, misplaced.fix);
      }
      if (resource.kind === 'DataSource') checkDataSource(context, resource);
    }
  },
};
