/**
 * Contact points (reference §6.4): GET sorted by name with "[REDACTED]" for set secrets; POST 202 appends an
 * integration to an existing receiver of the same name; PUT 202 restores "[REDACTED]" values from the stored
 * secrets; DELETE 202, refused while a policy or a rule references the receiver.
 */
import type { JsonObject, JsonValue } from '../core/json.ts';
import type { SimContext } from './context.ts';
import { renameInRuleNotificationSettings } from './alert-rules.ts';
import { isUidTooLong, isValidUid, shortUid } from './ids.ts';
import { optBool, optObject, optString } from './json-input.ts';
import { eachRoute } from './policies.ts';
import { strictAllowed, withProvenance } from './provenance.ts';
import { bind, bodyObject } from './request-body.ts';
import type { RequestInput, Route } from './router.ts';
import { ALERTMANAGER_WRITE, PROVISIONING_READ } from './router.ts';
import type { SimResponse } from './responses.ts';
import { alertingError, errutilError, json } from './responses.ts';
import { REDACTED, REQUIRED_SETTINGS, knownType, secureSettingsFor } from './secure-settings.ts';
import type { IntegrationRecord } from './state.ts';

export function secureKeysOf(sim: SimContext, type: string): readonly string[] {
  return secureSettingsFor(sim.settings.secureSettings, type);
}

/** The settings as the API shows them: set secrets as "[REDACTED]", empty secrets not at all. */
export function redactedSettings(sim: SimContext, integration: IntegrationRecord): JsonObject {
  const out = structuredClone(integration.settings);
  for (const key of secureKeysOf(sim, integration.type)) {
    const value = out[key];
    if (value === undefined) continue;
    if (value === '' || value === null) delete out[key];
    else out[key] = REDACTED;
  }
  return out;
}

export function contactPointOutput(
  sim: SimContext,
  integration: IntegrationRecord,
  decrypt = false,
): JsonObject {
  return withProvenance(
    {
      uid: integration.uid,
      name: integration.name,
      type: integration.type,
      settings: decrypt ? structuredClone(integration.settings) : redactedSettings(sim, integration),
      disableResolveMessage: integration.disableResolveMessage,
    },
    integration.provenance,
  );
}

interface ContactPointInput {
  readonly uid: string;
  readonly name: string;
  readonly type: string;
  readonly settings: JsonObject | undefined;
  readonly disableResolveMessage: boolean;
}

function readInput(req: RequestInput): ContactPointInput {
  const body = bodyObject(req);
  return bind(() => ({
    uid: optString(body, 'uid'),
    name: optString(body, 'name'),
    type: optString(body, 'type'),
    settings: optObject(body, 'settings'),
    disableResolveMessage: optBool(body, 'disableResolveMessage'),
  }));
}

const invalidSpec = (reason: string): SimResponse =>
  alertingError(400, `invalid object specification: ${reason}`);

function present(value: JsonValue | undefined): boolean {
  return value !== undefined && value !== null && value !== '';
}

function settingsProblem(
  sim: SimContext,
  input: ContactPointInput,
  settings: JsonObject,
): SimResponse | undefined {
  if (input.name === '') return invalidSpec('name should not be an empty string');
  if (input.type === '') return invalidSpec('type should not be an empty string');
  // grafana/alerting's text; its wrapping into the provisioning 400 is assumed.
  if (!knownType(input.type, sim.profile.laterContactPointTypes))
    return invalidSpec(`notifier ${input.type} is not supported`);
  for (const alternatives of REQUIRED_SETTINGS[input.type] ?? []) {
    if (!alternatives.some((key) => present(settings[key])))
      return invalidSpec(`could not find ${alternatives.join(' or ')} property in settings`);
  }
  return undefined;
}

function listContactPoints(sim: SimContext, req: RequestInput): SimResponse {
  const name = req.query.get('name');
  const selected = sim.state.integrations
    .filter((i) => name === null || name === '' || i.name === name)
    // `GetContactPoints` (pkg/services/ngalert/provisioning/contactpoints.go): sorted by name, then by uid.
    .sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0,
    );
  return json(
    200,
    selected.map((integration) => contactPointOutput(sim, integration)),
  );
}

function createContactPoint(sim: SimContext, req: RequestInput): SimResponse {
  const input = readInput(req);
  if (input.settings === undefined) return invalidSpec('settings should not be empty');
  const problem = settingsProblem(sim, input, input.settings);
  if (problem !== undefined) return problem;
  if (input.uid !== '') {
    if (!isValidUid(input.uid) || isUidTooLong(input.uid))
      return invalidSpec(
        `uid '${input.uid}' is not valid: letters, digits, '-' and '_', at most 40 characters`,
      );
    if (sim.state.integrations.some((i) => i.uid === input.uid))
      return invalidSpec(`contact point with uid '${input.uid}' already exists`);
  }
  const integration: IntegrationRecord = {
    uid: input.uid === '' ? shortUid() : input.uid,
    name: input.name,
    type: input.type,
    settings: structuredClone(input.settings),
    disableResolveMessage: input.disableResolveMessage,
    provenance: req.provenance,
  };
  sim.state.integrations.push(integration);
  sim.alertmanagerChanged();
  return json(202, contactPointOutput(sim, integration));
}

/** Every non-empty `receiver` of the policy tree, parents first. */
export function routeReceivers(tree: JsonObject): string[] {
  const receivers: string[] = [];
  eachRoute(tree, (r) => {
    const receiver = r['receiver'];
    if (typeof receiver === 'string' && receiver !== '') receivers.push(receiver);
  });
  return receivers;
}

function updateContactPoint(sim: SimContext, req: RequestInput): SimResponse {
  const uid = req.params['uid'] ?? '';
  const stored = sim.state.integrations.find((i) => i.uid === uid);
  if (stored === undefined)
    return sim.profile.contactPointErrors === 'legacy'
      ? alertingError(500, `contact point with uid '${uid}' not found`)
      : alertingError(404, 'contact point not found');
  const input = readInput(req);
  if (input.settings === undefined) return invalidSpec('settings should not be empty');
  const settings = structuredClone(input.settings);
  for (const key of secureKeysOf(sim, input.type)) {
    if (settings[key] !== REDACTED) continue;
    const previous = stored.type === input.type ? stored.settings[key] : undefined;
    settings[key] = previous ?? '';
  }
  const problem = settingsProblem(sim, input, settings);
  if (problem !== undefined) return problem;
  if (!strictAllowed(stored.provenance, req.provenance))
    return alertingError(500, `cannot change provenance from '${stored.provenance}' to '${req.provenance}'`);
  if (input.name !== stored.name) {
    const alone = !sim.state.integrations.some((i) => i !== stored && i.name === stored.name);
    if (alone) {
      // The whole receiver is renamed: references follow it.
      eachRoute(sim.state.policy.tree, (r) => {
        if (r['receiver'] === stored.name) r['receiver'] = input.name;
      });
      renameInRuleNotificationSettings(sim, ['receiver'], stored.name, input.name);
    }
  }
  stored.name = input.name;
  stored.type = input.type;
  stored.settings = settings;
  stored.disableResolveMessage = input.disableResolveMessage;
  stored.provenance = req.provenance;
  sim.alertmanagerChanged();
  return json(202, { message: 'contactpoint updated' });
}

function deleteContactPoint(sim: SimContext, req: RequestInput): SimResponse {
  const uid = req.params['uid'] ?? '';
  const stored = sim.state.integrations.find((i) => i.uid === uid);
  if (stored === undefined) return json(202, { message: 'contactpoint deleted' });
  // No provenance check: `ContactPointService.DeleteContactPoint(ctx, orgID, uid)` takes none, and the route
  // passes none (grafana/grafana pkg/services/ngalert/provisioning/contactpoints.go, api_provisioning.go
  // `RouteDeleteContactPoint`), in every release read.
  const last = !sim.state.integrations.some((i) => i !== stored && i.name === stored.name);
  if (last) {
    const legacy = sim.profile.contactPointErrors === 'legacy';
    if (routeReceivers(sim.state.policy.tree).includes(stored.name))
      return legacy
        ? alertingError(500, `contact point '${stored.name}' is currently used by a notification policy`)
        : errutilError(
            409,
            'alerting.notifications.contact-points.referenced',
            'Contact point is currently referenced by a notification policy.',
          );
    if (sim.state.rules.some((r) => r.notificationSettings?.['receiver'] === stored.name))
      return legacy
        ? alertingError(500, `contact point '${stored.name}' is currently used by an alert rule`)
        : errutilError(
            409,
            'alerting.notifications.contact-points.used-by-rule',
            'Contact point is currently used in the notification settings of one or many alert rules.',
          );
  }
  sim.state.integrations = sim.state.integrations.filter((i) => i !== stored);
  sim.alertmanagerChanged();
  return json(202, { message: 'contactpoint deleted' });
}

export const contactPointRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/provisioning/contact-points',
    handler: listContactPoints,
    readPermission: PROVISIONING_READ,
  },
  {
    method: 'POST',
    pattern: '/api/v1/provisioning/contact-points',
    handler: createContactPoint,
    write: ALERTMANAGER_WRITE,
  },
  {
    method: 'PUT',
    pattern: '/api/v1/provisioning/contact-points/:uid',
    handler: updateContactPoint,
    write: ALERTMANAGER_WRITE,
  },
  {
    method: 'DELETE',
    pattern: '/api/v1/provisioning/contact-points/:uid',
    handler: deleteContactPoint,
    write: ALERTMANAGER_WRITE,
  },
];
