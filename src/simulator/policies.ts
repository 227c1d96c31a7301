/**
 * The notification policy tree (reference §6.5): one tree per organisation; PUT 202 after validating receivers,
 * time intervals and the root's constraints; DELETE 202 returns the default tree, re-creates the default receiver
 * and clears provenance. Matchers and durations come back in Grafana's canonical form.
 */
import type { JsonObject, JsonValue } from '../core/json.ts';
import { isJsonObject } from '../core/json.ts';
import { formatDuration, parseDuration } from '../core/duration.ts';
import type { SimContext } from './context.ts';
import { BindError } from './json-input.ts';
import { relaxedCheck, withProvenance } from './provenance.ts';
import { bind, bodyObject } from './request-body.ts';
import type { RequestInput, Route } from './router.ts';
import { ALERTMANAGER_WRITE, PROVISIONING_READ } from './router.ts';
import type { SimResponse } from './responses.ts';
import { alertingError, errutilError, json } from './responses.ts';
import { DEFAULT_RECEIVER, defaultIntegration, defaultPolicyTree } from './state.ts';

const OPERATORS: readonly string[] = ['=~', '!~', '!=', '='];
const MATCHER = /^\s*([^\s=!~]+)\s*(=~|!~|!=|=)\s*(.*?)\s*$/;

/** A route problem found while normalising (reported with the profile's error family). */
class RouteProblem extends Error {}

function parseMatcher(text: string): [string, string, string] {
  const m = MATCHER.exec(text);
  if (m === null) throw new RouteProblem(`bad matcher format: ${text}`);
  const [, name = '', op = '', rawValue = ''] = m;
  let value = rawValue;
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
    try {
      const parsed: unknown = JSON.parse(value);
      value = typeof parsed === 'string' ? parsed : value.slice(1, -1);
    } catch {
      value = value.slice(1, -1);
    }
  }
  return [name.replace(/^"|"$/g, ''), op, value];
}

function checkRegex(op: string, value: string): void {
  if (op !== '=~' && op !== '!~') return;
  try {
    new RegExp(`^(?:${value})$`);
  } catch {
    throw new RouteProblem(`invalid regular expression ${JSON.stringify(value)}`);
  }
}

function stringList(route: JsonObject, key: string): string[] {
  const v = route[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new BindError(key, 'an array');
  return v.map((item) => {
    if (typeof item !== 'string') throw new BindError(key, 'strings');
    return item;
  });
}

function durationField(route: JsonObject, key: string, out: JsonObject): void {
  const v = route[key];
  if (v === undefined || v === null) return;
  if (typeof v !== 'string') throw new BindError(key, 'a duration');
  const ms = parseDuration(v);
  if (ms === undefined) throw new BindError(key, 'a duration');
  out[key] = formatDuration(ms);
}

/** The route as Grafana stores and returns it (Go field order, `omitempty`, canonical matchers and durations). */
export function normaliseRoute(value: JsonValue): JsonObject {
  if (!isJsonObject(value)) throw new BindError('route', 'an object');
  const out: JsonObject = {};
  const receiver = value['receiver'];
  if (receiver !== undefined && receiver !== null && typeof receiver !== 'string')
    throw new BindError('receiver', 'a string');
  if (typeof receiver === 'string' && receiver !== '') out['receiver'] = receiver;
  const groupBy = stringList(value, 'group_by');
  if (groupBy.length > 0) {
    if (groupBy.includes('...') && groupBy.length > 1)
      throw new RouteProblem('cannot have wildcard group_by (`...`) and other labels at the same time');
    const duplicate = groupBy.find((l, i) => groupBy.indexOf(l) !== i);
    if (duplicate !== undefined) throw new RouteProblem(`duplicated label "${duplicate}" in group_by`);
    out['group_by'] = groupBy;
  }
  for (const key of ['match', 'match_re']) {
    const v = value[key];
    if (isJsonObject(v) && Object.keys(v).length > 0) out[key] = structuredClone(v);
  }
  const matchers = stringList(value, 'matchers').map(parseMatcher);
  for (const [, op, v] of matchers) checkRegex(op, v);
  if (matchers.length > 0) out['matchers'] = matchers.map(([n, op, v]) => `${n}${op}${JSON.stringify(v)}`);
  const rawObject = value['object_matchers'];
  if (rawObject !== undefined && rawObject !== null) {
    if (!Array.isArray(rawObject)) throw new BindError('object_matchers', 'an array');
    const objectMatchers = rawObject.map((m) => {
      if (!Array.isArray(m) || m.length !== 3 || !m.every((part) => typeof part === 'string'))
        throw new BindError('object_matchers', 'triples of strings');
      const [name, op, v] = m.map(String);
      if (name === undefined || op === undefined || v === undefined || !OPERATORS.includes(op))
        throw new RouteProblem(`unsupported match type ${JSON.stringify(op ?? '')}`);
      checkRegex(op, v);
      return [name, op, v];
    });
    if (objectMatchers.length > 0) out['object_matchers'] = objectMatchers;
  }
  for (const key of TIME_INTERVAL_KEYS) {
    const list = stringList(value, key);
    if (list.length > 0) out[key] = list;
  }
  const cont = value['continue'];
  if (cont !== undefined && cont !== null && typeof cont !== 'boolean')
    throw new BindError('continue', 'a boolean');
  if (cont === true) out['continue'] = true;
  const rawRoutes = value['routes'];
  if (rawRoutes !== undefined && rawRoutes !== null) {
    if (!Array.isArray(rawRoutes)) throw new BindError('routes', 'an array');
    if (rawRoutes.length > 0) out['routes'] = rawRoutes.map(normaliseRoute);
  }
  durationField(value, 'group_wait', out);
  durationField(value, 'group_interval', out);
  durationField(value, 'repeat_interval', out);
  return out;
}

/** The fields of a route (and of rule notification settings) that name time intervals. */
export const TIME_INTERVAL_KEYS: readonly string[] = ['mute_time_intervals', 'active_time_intervals'];

/** Visits a route and all its descendants, parents first. */
export function eachRoute(route: JsonObject, visit: (r: JsonObject) => void): void {
  visit(route);
  const children = route['routes'];
  if (Array.isArray(children)) for (const child of children) if (isJsonObject(child)) eachRoute(child, visit);
}

/** Every time interval name the tree references. */
export function routeTimeIntervals(tree: JsonObject): string[] {
  const names: string[] = [];
  eachRoute(tree, (r) => {
    for (const key of TIME_INTERVAL_KEYS) {
      const v = r[key];
      if (Array.isArray(v)) for (const n of v) if (typeof n === 'string') names.push(n);
    }
  });
  return names;
}

export function renameTimeIntervalInTree(tree: JsonObject, from: string, to: string): void {
  eachRoute(tree, (r) => {
    for (const key of TIME_INTERVAL_KEYS) {
      const v = r[key];
      if (Array.isArray(v)) r[key] = v.map((n) => (n === from ? to : n));
    }
  });
}

function treeProblem(sim: SimContext, tree: JsonObject): string | undefined {
  if (tree['receiver'] === undefined) return 'root route must specify a default receiver';
  if (tree['matchers'] !== undefined || tree['object_matchers'] !== undefined)
    return 'root route must not have any matchers';
  if (tree['match'] !== undefined || tree['match_re'] !== undefined)
    return 'root route must not have any matchers';
  if (tree['mute_time_intervals'] !== undefined) return 'root route must not have any mute time intervals';
  if (tree['active_time_intervals'] !== undefined)
    return 'root route must not have any active time intervals';
  const receivers = new Set(sim.state.integrations.map((i) => i.name));
  const intervals = new Set(sim.state.muteTimings.map((m) => m.name));
  let problem: string | undefined;
  eachRoute(tree, (r) => {
    const receiver = r['receiver'];
    if (problem === undefined && typeof receiver === 'string' && !receivers.has(receiver))
      problem = `receiver '${receiver}' does not exist`;
    for (const key of TIME_INTERVAL_KEYS) {
      const v = r[key];
      if (!Array.isArray(v)) continue;
      for (const name of v)
        if (problem === undefined && typeof name === 'string' && !intervals.has(name))
          problem = `${key === 'mute_time_intervals' ? 'mute' : 'active'} time interval '${name}' does not exist`;
    }
  });
  return problem;
}

function invalidRoute(sim: SimContext, reason: string): SimResponse {
  return sim.profile.routeErrors === 'legacy'
    ? alertingError(400, `invalid object specification: ${reason}`)
    : errutilError(
        400,
        'alerting.notifications.routes.invalidFormat',
        `Invalid format of the submitted route: ${reason}. Correct the payload and try again.`,
        { Error: reason },
      );
}

function getPolicies(sim: SimContext): SimResponse {
  return json(200, withProvenance(structuredClone(sim.state.policy.tree), sim.state.policy.provenance));
}

function putPolicies(sim: SimContext, req: RequestInput): SimResponse {
  const body = bodyObject(req);
  let tree: JsonObject;
  try {
    tree = bind(() => normaliseRoute(body));
  } catch (error) {
    if (error instanceof RouteProblem) return invalidRoute(sim, error.message);
    throw error;
  }
  const problem = treeProblem(sim, tree);
  if (problem !== undefined) return invalidRoute(sim, problem);
  const denied = relaxedCheck(sim, sim.state.policy.provenance, req.provenance);
  if (denied !== undefined) return denied;
  sim.state.policy = { tree, provenance: req.provenance };
  sim.alertmanagerChanged();
  return json(202, { message: 'policies updated' });
}

/** Back to the default tree; the default receiver is re-created when missing; provenance cleared. */
export function resetPolicies(sim: SimContext): JsonObject {
  sim.state.policy = { tree: defaultPolicyTree(), provenance: '' };
  if (!sim.state.integrations.some((i) => i.name === DEFAULT_RECEIVER))
    sim.state.integrations.push(defaultIntegration());
  sim.alertmanagerChanged();
  return structuredClone(sim.state.policy.tree);
}

function deletePolicies(sim: SimContext): SimResponse {
  return json(202, resetPolicies(sim));
}

export const policyRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/provisioning/policies',
    handler: getPolicies,
    readPermission: PROVISIONING_READ,
  },
  {
    method: 'PUT',
    pattern: '/api/v1/provisioning/policies',
    handler: putPolicies,
    write: ALERTMANAGER_WRITE,
  },
  {
    method: 'DELETE',
    pattern: '/api/v1/provisioning/policies',
    handler: deletePolicies,
    write: ALERTMANAGER_WRITE,
  },
];

export { RouteProblem };
