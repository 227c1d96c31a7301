/**
 * Provenance of alerting resources (reference §6.1): the mere presence of `X-Disable-Provenance` makes a write use
 * provenance `""`, otherwise `"api"`; responses omit `provenance` when it is empty. Three change rules exist.
 */
import type { JsonObject } from '../core/json.ts';
import type { SimContext } from './context.ts';
import type { SimResponse } from './responses.ts';
import { alertingError, errutilError } from './responses.ts';

export const PROVENANCE_API = 'api';
export const PROVENANCE_NONE = '';

/** Alert rule PUT/DELETE and contact point PUT: only the same provenance, or from none. */
export function strictAllowed(stored: string, requested: string): boolean {
  return stored === requested || stored === PROVENANCE_NONE;
}

/**
 * Rule group PUT/DELETE (`CanUpdateProvenanceInRuleGroup`, pkg/services/ngalert/provisioning/validation): also api
 * → none, and from the Prometheus conversion's release (taken as 11.6) converted_prometheus → none.
 */
export function groupAllowed(sim: SimContext, stored: string, requested: string): boolean {
  const resettable =
    stored === PROVENANCE_API ||
    (stored === 'converted_prometheus' && sim.profile.convertedPrometheusProvenance);
  return strictAllowed(stored, requested) || (requested === PROVENANCE_NONE && resettable);
}

/** Policies, mute timings, templates (11+): anything except a provisioned object → none. */
export function relaxedAllowed(stored: string, requested: string): boolean {
  return !(stored !== PROVENANCE_NONE && requested === PROVENANCE_NONE);
}

/** The relaxed check as the profile applies it; `undefined` when allowed. 10.4 did not check these resources. */
export function relaxedCheck(sim: SimContext, stored: string, requested: string): SimResponse | undefined {
  if (!sim.profile.relaxedProvenance || relaxedAllowed(stored, requested)) return undefined;
  return invalidProvenance(sim, stored, requested);
}

/**
 * The checks of a change to a mute timing or template: the optimistic `version` (from 11, when the request sends
 * one; 409 `alerting.notifications.conflict`), then the relaxed provenance rule. `undefined` when allowed.
 */
export function notificationChangeCheck(
  sim: SimContext,
  stored: { readonly version: string; readonly provenance: string },
  requested: { readonly version: string; readonly provenance: string },
): SimResponse | undefined {
  if (sim.profile.notificationVersions && requested.version !== '' && requested.version !== stored.version)
    return errutilError(409, 'alerting.notifications.conflict');
  return relaxedCheck(sim, stored.provenance, requested.provenance);
}

export function invalidProvenance(sim: SimContext, stored: string, requested: string): SimResponse {
  const from = stored === '' ? 'none' : stored;
  const to = requested === '' ? 'none' : requested;
  if (sim.profile.provenanceMessage === '11')
    return errutilError(
      403,
      'alerting.notifications.invalidProvenance',
      `Resource with provenance status '${from}' cannot be managed via API that handles resources with provenance status '${to}'. You must use appropriate API to manage this resource`,
      { SourceProvenance: from, TargetProvenance: to },
    );
  return errutilError(
    403,
    'alerting.notifications.invalidProvenance',
    `Resource with provenance status '${from}' cannot be changed to '${to}'. You must use appropriate API and permissions to manage this resource`,
    { Reason: '-', SourceProvenance: from, TargetProvenance: to },
  );
}

/**
 * A rule write or delete refused by the provenance rule: 500 `cannot <op> with provided provenance …` from a plain
 * `fmt.Errorf` in older releases (grafana/grafana pkg/services/ngalert/provisioning/alert_rules.go), 409 errutil
 * `alerting.provenanceMismatch` with the operation and both provenances in `extra` in newer ones
 * (`errProvenanceMismatch`, written by `response.ErrOrFallback`); the release that switched is not pinned (the
 * 11.6 profile takes the newer form).
 */
export function provenanceMismatch(
  sim: SimContext,
  operation: 'update' | 'delete',
  provided: string,
  stored: string,
): SimResponse {
  const message = `cannot ${operation} with provided provenance '${provided}', needs '${stored}'`;
  if (sim.profile.ruleProvenanceMismatch === 'legacy') return alertingError(500, message);
  return errutilError(409, 'alerting.provenanceMismatch', message, {
    Operation: operation,
    ProvidedProvenance: provided,
    StoredProvenance: stored,
  });
}

/** Adds `provenance` to a response object when it is not empty (Go `omitempty`). */
export function withProvenance(obj: JsonObject, provenance: string): JsonObject {
  if (provenance !== '') obj['provenance'] = provenance;
  return obj;
}
