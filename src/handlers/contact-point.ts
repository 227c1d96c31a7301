import { secureSettingsOf } from '../alerting/secure-settings.ts';
import type { ResourceOf } from '../core/resource.ts';
import { isSecretRef } from '../core/secret.ts';
import {
  asArray,
  asRecord,
  asString,
  encode,
  provenanceHeaders,
  provisionedObject,
  withoutEmpty,
} from './shared.ts';
import { REDACTED, SECRET_SET, maskDesiredSecret, revealSecret } from './secrets.ts';
import type { Comparable, HandlerContext, KindHandler } from './types.ts';

/** The contact point every fresh Grafana has, never ours to delete. */
export const DEFAULT_CONTACT_POINT = 'grafana-default-email';

function comparable(cp: Record<string, unknown>, settings: Record<string, unknown>): Comparable {
  return {
    spec: withoutEmpty({
      uid: cp.uid,
      name: cp.name,
      type: cp.type,
      settings: withoutEmpty(settings),
      disableResolveMessage: cp.disableResolveMessage,
    }),
  };
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/**
 * Contact points (one integration each; several may share a name). Secure settings read back as "[REDACTED]"
 * and compare as "set", as does any value of a setting the repository gives as a secret. Every setting Grafana
 * holds is compared, so a setting added by hand is drift. Owned when its uid carries the owner's prefix, the
 * default one excepted.
 */
export const contactPointHandler: KindHandler<'ContactPoint'> = {
  kind: 'ContactPoint',

  async list(context) {
    const list = asArray((await context.client.get('/api/v1/provisioning/contact-points')).body).map(
      asRecord,
    );
    // Grafana's default contact point is never ours, whatever its provenance.
    return list.map((cp) => {
      const object = provisionedObject('ContactPoint', asString(cp.uid) ?? '', cp, context.ownership);
      return cp.name === DEFAULT_CONTACT_POINT
        ? { ...object, owned: false, ownedBecause: undefined }
        : object;
    });
  },

  desired(resource: ResourceOf<'ContactPoint'>) {
    const settings = Object.fromEntries(
      Object.entries(resource.spec.settings).map(([k, v]) => [k, maskDesiredSecret(v)]),
    );
    return comparable({ ...resource.spec }, settings);
  },

  /**
   * Every setting Grafana holds counts, so that one added by hand shows: the provisioning API answers the stored
   * settings as they were sent, adding only the secure ones it keeps apart, as "[REDACTED]"
   * (`PostableGrafanaReceiverToEmbeddedContactPoint` / `GrafanaIntegrationConfigToEmbeddedContactPoint`, grafana/grafana
   * pkg/services/ngalert/provisioning/contactpoints.go and compat.go), and those are the ones we sent.
   */
  live(object, desired) {
    const cp = asRecord(object.body);
    const live = asRecord(cp.settings);
    const wanted = desired?.spec.settings ?? {};
    const settings: Record<string, unknown> = {};
    for (const key of Object.keys(live)) {
      const value = live[key];
      // Where the repository holds a secret, any value Grafana holds counts as "set": a setting Grafana does not
      // redact comes back in clear, and must neither be shown nor compared (its value cannot be checked).
      const secret = maskDesiredSecret(wanted[key]) === SECRET_SET && isSet(value);
      settings[key] = value === REDACTED || secret ? SECRET_SET : value;
    }
    return comparable(cp, settings);
  },

  async create(context: HandlerContext, resource) {
    await context.client.post('/api/v1/provisioning/contact-points', body(context, resource, undefined), {
      headers: provenanceHeaders(context),
    });
  },

  async update(context, resource, live) {
    await context.client.put(
      `/api/v1/provisioning/contact-points/${encode(resource.uid)}`,
      body(context, resource, asRecord(asRecord(live.body).settings)),
      { headers: provenanceHeaders(context) },
    );
  },

  /** A 404 means it is gone already (a retry after the first DELETE was applied but its answer lost). */
  async remove(context, live) {
    await context.client.delete(`/api/v1/provisioning/contact-points/${encode(live.uid)}`, {
      headers: provenanceHeaders(context),
      allow: [404],
    });
  },
};

/**
 * The request body. A secret Grafana already holds is sent back as "[REDACTED]", which Grafana replaces by the
 * stored value; a missing one (or all, when rotating) is sent in clear, over the API only.
 */
function body(
  context: HandlerContext,
  resource: ResourceOf<'ContactPoint'>,
  stored: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const secure = new Set(secureSettingsOf(resource.spec.type));
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource.spec.settings)) {
    const held = stored !== undefined && stored[key] === REDACTED && (secure.has(key) || isSecretRef(value));
    settings[key] = held && !context.resendSecrets ? REDACTED : revealSecret(value, context.secrets);
  }
  return {
    uid: resource.spec.uid,
    name: resource.spec.name,
    type: resource.spec.type,
    settings,
    disableResolveMessage: resource.spec.disableResolveMessage ?? false,
  };
}
