/**
 * Mute timings (reference §6.6): POST 201 (400 on a duplicate name), PUT 202 (404 when missing, rename through the
 * path name, version check), DELETE 204 (409 while a policy or rule uses it); `version` from 11, relaxed
 * provenance rule from 11.
 */
import type { JsonObject } from '../core/json.ts';
import type { SimContext } from './context.ts';
import { contentVersion } from './content-version.ts';
import { optString } from './json-input.ts';
import { renameInRuleNotificationSettings } from './alert-rules.ts';
import { renameTimeIntervalInTree, routeTimeIntervals, TIME_INTERVAL_KEYS } from './policies.ts';
import { notificationChangeCheck, withProvenance } from './provenance.ts';
import { bind, bodyObject } from './request-body.ts';
import type { RequestInput, Route } from './router.ts';
import { ALERTMANAGER_WRITE, PROVISIONING_READ } from './router.ts';
import type { SimResponse } from './responses.ts';
import { empty, errutilError, json } from './responses.ts';
import type { MuteTimingRecord } from './state.ts';
import { TimeIntervalProblem, normaliseTimeIntervals } from './time-intervals.ts';

function versionOf(m: MuteTimingRecord): string {
  return contentVersion({ name: m.name, time_intervals: m.timeIntervals });
}

export function muteTimingOutput(sim: SimContext, m: MuteTimingRecord): JsonObject {
  const out: JsonObject = { name: m.name, time_intervals: structuredClone(m.timeIntervals) };
  if (sim.profile.notificationVersions) out['version'] = versionOf(m);
  return withProvenance(out, m.provenance);
}

const notFound = (): SimResponse => errutilError(404, 'alerting.notifications.time-intervals.notFound');
const nameExists = (): SimResponse =>
  errutilError(
    400,
    'alerting.notifications.time-intervals.nameExists',
    'Time interval with this name already exists. Use a different name or update existing one.',
  );
const invalidFormat = (reason: string): SimResponse =>
  errutilError(
    400,
    'alerting.notifications.time-intervals.invalidFormat',
    'Time interval is in invalid format. Correct the payload and try again.',
    { Error: reason },
  );

function find(sim: SimContext, name: string): MuteTimingRecord | undefined {
  return sim.state.muteTimings.find((m) => m.name === name);
}

function usedBy(sim: SimContext, name: string): 'policy' | 'rule' | undefined {
  if (routeTimeIntervals(sim.state.policy.tree).includes(name)) return 'policy';
  const inRule = sim.state.rules.some((r) =>
    TIME_INTERVAL_KEYS.some((key) => {
      const v = r.notificationSettings?.[key];
      return Array.isArray(v) && v.includes(name);
    }),
  );
  return inRule ? 'rule' : undefined;
}

function readBody(req: RequestInput): { name: string; intervals: JsonObject[] | string; version: string } {
  const body = bodyObject(req);
  const { name, version } = bind(() => ({
    name: optString(body, 'name'),
    version: optString(body, 'version'),
  }));
  try {
    return { name, intervals: normaliseTimeIntervals(body['time_intervals']), version };
  } catch (error) {
    if (error instanceof TimeIntervalProblem) return { name, intervals: error.message, version };
    throw error;
  }
}

function list(sim: SimContext): SimResponse {
  return json(
    200,
    sim.state.muteTimings.map((m) => muteTimingOutput(sim, m)),
  );
}

function getOne(sim: SimContext, req: RequestInput): SimResponse {
  const m = find(sim, req.params['name'] ?? '');
  return m === undefined ? notFound() : json(200, muteTimingOutput(sim, m));
}

function create(sim: SimContext, req: RequestInput): SimResponse {
  const { name, intervals } = readBody(req);
  if (name === '') return invalidFormat('name is required');
  if (typeof intervals === 'string') return invalidFormat(intervals);
  if (find(sim, name) !== undefined) return nameExists();
  const record: MuteTimingRecord = { name, timeIntervals: intervals, provenance: req.provenance };
  sim.state.muteTimings.push(record);
  sim.alertmanagerChanged();
  return json(201, muteTimingOutput(sim, record));
}

function update(sim: SimContext, req: RequestInput): SimResponse {
  const pathName = req.params['name'] ?? '';
  const stored = find(sim, pathName);
  if (stored === undefined) return notFound();
  const body = readBody(req);
  const name = body.name === '' ? pathName : body.name;
  if (typeof body.intervals === 'string') return invalidFormat(body.intervals);
  const denied = notificationChangeCheck(
    sim,
    { version: versionOf(stored), provenance: stored.provenance },
    { version: body.version, provenance: req.provenance },
  );
  if (denied !== undefined) return denied;
  if (name !== pathName) {
    if (find(sim, name) !== undefined) return nameExists();
    if (usedBy(sim, pathName) === 'policy' && sim.state.policy.provenance !== '')
      return errutilError(
        409,
        'alerting.notifications.time-intervals.used-provisioned',
        'Time interval is used by provisioned resources. Rename is not allowed.',
      );
    renameTimeIntervalInTree(sim.state.policy.tree, pathName, name);
    renameInRuleNotificationSettings(sim, TIME_INTERVAL_KEYS, pathName, name);
  }
  stored.name = name;
  stored.timeIntervals = body.intervals;
  stored.provenance = req.provenance;
  sim.alertmanagerChanged();
  return json(202, muteTimingOutput(sim, stored));
}

function remove(sim: SimContext, req: RequestInput): SimResponse {
  const stored = find(sim, req.params['name'] ?? '');
  if (stored === undefined) return empty(204);
  const denied = notificationChangeCheck(
    sim,
    { version: versionOf(stored), provenance: stored.provenance },
    { version: req.query.get('version') ?? '', provenance: req.provenance },
  );
  if (denied !== undefined) return denied;
  const user = usedBy(sim, stored.name);
  if (user !== undefined)
    return errutilError(
      409,
      'alerting.notifications.time-intervals.used',
      user === 'policy'
        ? 'Time interval is used by one or many notification policies'
        : 'Time interval is used by one or many alert rules',
    );
  sim.state.muteTimings = sim.state.muteTimings.filter((m) => m !== stored);
  sim.alertmanagerChanged();
  return empty(204);
}

export const muteTimingRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/provisioning/mute-timings',
    handler: list,
    readPermission: PROVISIONING_READ,
  },
  {
    method: 'GET',
    pattern: '/api/v1/provisioning/mute-timings/:name',
    handler: getOne,
    readPermission: PROVISIONING_READ,
  },
  {
    method: 'POST',
    pattern: '/api/v1/provisioning/mute-timings',
    handler: create,
    write: ALERTMANAGER_WRITE,
  },
  {
    method: 'PUT',
    pattern: '/api/v1/provisioning/mute-timings/:name',
    handler: update,
    write: ALERTMANAGER_WRITE,
  },
  {
    method: 'DELETE',
    pattern: '/api/v1/provisioning/mute-timings/:name',
    handler: remove,
    write: ALERTMANAGER_WRITE,
  },
];
