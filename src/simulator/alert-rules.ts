/**
 * Single alert rules (reference §6.2): POST 201 (interval from the existing group or the default), PUT 200,
 * DELETE 204 and idempotent, GET of an unknown uid 404 with an empty body; strict provenance rule (500).
 */
import type { SimContext } from './context.ts';
import { shortUid } from './ids.ts';
import { bind, bodyObject } from './request-body.ts';
import type { RequestInput, Route } from './router.ts';
import { PROVISIONING_READ, PROVISIONING_WRITE } from './router.ts';
import type { SimResponse } from './responses.ts';
import { alertingError, empty, errutilError, json } from './responses.ts';
import type { RuleInput } from './rule-model.ts';
import { readRule, ruleOutput, ruleProblem, ruleUidProblem, toRecord } from './rule-model.ts';
import { provenanceMismatch, strictAllowed } from './provenance.ts';
import type { RuleRecord } from './state.ts';

export function findRule(sim: SimContext, uid: string): RuleRecord | undefined {
  return sim.state.rules.find((r) => r.uid === uid);
}

export function rulesOfGroup(sim: SimContext, folderUID: string, group: string): RuleRecord[] {
  return sim.state.rules
    .filter((r) => r.folderUID === folderUID && r.ruleGroup === group)
    .sort((a, b) => a.groupIndex - b.groupIndex);
}

/**
 * A receiver or time interval was renamed: rule notification settings follow. `keys` are the settings fields that
 * hold such a name, as a string (`receiver`) or a list of names (`mute_time_intervals`, …).
 */
export function renameInRuleNotificationSettings(
  sim: SimContext,
  keys: readonly string[],
  from: string,
  to: string,
): void {
  for (const rule of sim.state.rules) {
    const settings = rule.notificationSettings;
    if (settings === null) continue;
    for (const key of keys) {
      const value = settings[key];
      if (value === from) settings[key] = to;
      else if (Array.isArray(value)) settings[key] = value.map((n) => (n === from ? to : n));
    }
  }
}

/** The title rule until 11.x: titles are unique per folder. `others` are the rules the title is checked against. */
export function titleConflict(
  sim: SimContext,
  rule: { uid: string; title: string; folderUID: string },
  others: readonly RuleRecord[] = sim.state.rules,
): SimResponse | undefined {
  if (!sim.profile.uniqueRuleTitles) return undefined;
  const clash = others.find(
    (r) => r.folderUID === rule.folderUID && r.title === rule.title && r.uid !== rule.uid,
  );
  if (clash === undefined) return undefined;
  const text =
    'a conflicting alert rule is found: rule title under the same organisation and folder should be unique';
  return alertingError(400, sim.profile.ruleConflictPrefix ? `[alerting.alert-rule.conflict] ${text}` : text);
}

export function uidConflict(sim: SimContext, rule: RuleInput): SimResponse {
  const underlying = 'rule UID under the same organisation should be unique';
  const message =
    sim.profile.ruleConflictMessage === 'sentence'
      ? `Failed to save alert rule '${rule.uid}' in organization 1 due to conflict: ${underlying}`
      : `conflicting alert rule found [rule_uid: '${rule.uid}', title: '${rule.title}', namespace_uid: '${rule.folderUID}']: ${underlying}`;
  return errutilError(409, 'alerting.alert-rule.conflict', message, {
    Error: underlying,
    NamespaceUID: rule.folderUID,
    RuleUID: rule.uid,
    Title: rule.title,
  });
}

function listRules(sim: SimContext): SimResponse {
  const rules = [...sim.state.rules].sort((a, b) => a.id - b.id);
  return json(
    200,
    rules.map((r) => ruleOutput(sim.profile, r)),
  );
}

function getRule(sim: SimContext, req: RequestInput): SimResponse {
  const rule = findRule(sim, req.params['uid'] ?? '');
  return rule === undefined ? empty(404) : json(200, ruleOutput(sim.profile, rule));
}

function createRule(sim: SimContext, req: RequestInput): SimResponse {
  const body = bodyObject(req);
  const input = bind(() => readRule(body, sim.profile));
  const problem = ruleUidProblem(input.uid) ?? ruleProblem(sim, input);
  if (problem !== undefined) return problem;
  if (input.uid !== '' && findRule(sim, input.uid) !== undefined) return uidConflict(sim, input);
  const conflict = titleConflict(sim, input);
  if (conflict !== undefined) return conflict;
  const group = rulesOfGroup(sim, input.folderUID, input.ruleGroup);
  const last = group[group.length - 1];
  const record = toRecord(
    input,
    {
      folderUID: input.folderUID,
      ruleGroup: input.ruleGroup,
      intervalSeconds: group[0]?.intervalSeconds ?? sim.settings.defaultRuleIntervalSeconds,
      groupIndex: last === undefined ? 1 : last.groupIndex + 1,
    },
    {
      id: sim.nextRuleId(),
      uid: input.uid === '' ? shortUid() : input.uid,
      version: 1,
      provenance: req.provenance,
      updated: sim.now(),
    },
  );
  sim.state.rules.push(record);
  return json(201, ruleOutput(sim.profile, record));
}

function updateRule(sim: SimContext, req: RequestInput): SimResponse {
  const stored = findRule(sim, req.params['uid'] ?? '');
  if (stored === undefined) return empty(404);
  const body = bodyObject(req);
  const input = bind(() => readRule(body, sim.profile));
  const problem = ruleProblem(sim, input);
  if (problem !== undefined) return problem;
  if (!strictAllowed(stored.provenance, req.provenance))
    return alertingError(500, `cannot change provenance from '${stored.provenance}' to '${req.provenance}'`);
  const conflict = titleConflict(sim, { ...input, uid: stored.uid });
  if (conflict !== undefined) return conflict;
  const moved = input.folderUID !== stored.folderUID || input.ruleGroup !== stored.ruleGroup;
  const target = moved ? rulesOfGroup(sim, input.folderUID, input.ruleGroup) : [];
  const last = target[target.length - 1];
  const record = toRecord(
    input,
    {
      folderUID: input.folderUID,
      ruleGroup: input.ruleGroup,
      intervalSeconds: moved
        ? (target[0]?.intervalSeconds ?? stored.intervalSeconds)
        : stored.intervalSeconds,
      groupIndex: moved ? (last === undefined ? 1 : last.groupIndex + 1) : stored.groupIndex,
    },
    {
      id: stored.id,
      uid: stored.uid,
      version: stored.version + 1,
      provenance: req.provenance,
      updated: sim.now(),
    },
  );
  sim.state.rules = sim.state.rules.map((r) => (r === stored ? record : r));
  return json(200, ruleOutput(sim.profile, record));
}

function deleteRule(sim: SimContext, req: RequestInput): SimResponse {
  const stored = findRule(sim, req.params['uid'] ?? '');
  if (stored === undefined) return empty(204);
  if (!strictAllowed(stored.provenance, req.provenance))
    return provenanceMismatch(sim, 'delete', req.provenance, stored.provenance);
  sim.state.rules = sim.state.rules.filter((r) => r !== stored);
  return empty(204);
}

export const alertRuleRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/provisioning/alert-rules',
    handler: listRules,
    readPermission: PROVISIONING_READ,
  },
  {
    method: 'GET',
    pattern: '/api/v1/provisioning/alert-rules/:uid',
    handler: getRule,
    readPermission: PROVISIONING_READ,
  },
  {
    method: 'POST',
    pattern: '/api/v1/provisioning/alert-rules',
    handler: createRule,
    write: PROVISIONING_WRITE,
  },
  {
    method: 'PUT',
    pattern: '/api/v1/provisioning/alert-rules/:uid',
    handler: updateRule,
    write: PROVISIONING_WRITE,
  },
  {
    method: 'DELETE',
    pattern: '/api/v1/provisioning/alert-rules/:uid',
    handler: deleteRule,
    write: PROVISIONING_WRITE,
  },
];
