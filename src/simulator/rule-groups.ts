/**
 * Rule groups (reference §6.3): GET 404 when empty; PUT with replace semantics (missing rules deleted, uid-less
 * rules created, foreign uids moved here, `rules` absent ⇒ only the interval, `[]` ⇒ all deleted), interval
 * check, no-op on an empty delta, and a 200 that echoes the request instead of reading the group back; DELETE 204.
 */
import type { JsonObject } from '../core/json.ts';
import type { SimContext } from './context.ts';
import { findFolder } from './folders.ts';
import { shortUid } from './ids.ts';
import { BindError, optInt } from './json-input.ts';
import { groupAllowed, provenanceMismatch } from './provenance.ts';
import { bind, bodyObject } from './request-body.ts';
import type { RequestInput, Route } from './router.ts';
import { PROVISIONING_READ, PROVISIONING_WRITE } from './router.ts';
import type { SimResponse } from './responses.ts';
import { alertingError, empty, errutilError, json } from './responses.ts';
import { findRule, rulesOfGroup, titleConflict, uidConflict } from './alert-rules.ts';
import type { RuleInput } from './rule-model.ts';
import {
  comparable,
  intervalProblem,
  readRule,
  ruleEcho,
  ruleOutput,
  ruleProblem,
  ruleUidProblem,
  toRecord,
} from './rule-model.ts';
import type { RuleRecord } from './state.ts';

const groupNotFound = (): SimResponse => errutilError(404, 'alerting.alert-rule.notFound');

function getGroup(sim: SimContext, req: RequestInput): SimResponse {
  const folderUid = req.params['folderUid'] ?? '';
  const title = req.params['group'] ?? '';
  const rules = rulesOfGroup(sim, folderUid, title);
  const first = rules[0];
  if (first === undefined) return groupNotFound();
  return json(200, {
    title,
    folderUid,
    interval: first.intervalSeconds,
    rules: rules.map((r) => ruleOutput(sim.profile, r)),
  });
}

interface Planned {
  readonly record: RuleRecord;
  readonly stored: RuleRecord | undefined;
}

export interface ReplaceGroupOptions {
  /** Provenance the written rules get. */
  readonly provenance: string;
  /** Skip the provenance change rule (the `ui` helpers act like an admin editing the database). */
  readonly ignoreProvenance?: boolean;
}

/**
 * Applies a group replacement; returns an error response, or undefined when applied (or nothing to do).
 * `rules` undefined means the request had no `rules` key.
 */
export function replaceGroup(
  sim: SimContext,
  folderUid: string,
  title: string,
  interval: number,
  rules: readonly RuleInput[] | undefined,
  options: ReplaceGroupOptions,
): SimResponse | undefined {
  if (findFolder(sim, folderUid) === undefined)
    return alertingError(400, 'invalid alert rule: folder does not exist');
  const intervalError = intervalProblem(sim, interval);
  if (intervalError !== undefined) return intervalError;
  const existing = rulesOfGroup(sim, folderUid, title);
  const provenance = options.provenance;
  const allowed = (stored: string): boolean =>
    options.ignoreProvenance === true || groupAllowed(sim, stored, provenance);
  const now = sim.now();

  if (rules === undefined) {
    if (existing.every((r) => r.intervalSeconds === interval)) return undefined;
    const blocked = existing.find((r) => !allowed(r.provenance));
    if (blocked !== undefined) return provenanceMismatch(sim, 'update', provenance, blocked.provenance);
    for (const r of existing) {
      r.intervalSeconds = interval;
      r.updated = now;
      r.version += 1;
      if (options.ignoreProvenance !== true) r.provenance = provenance;
    }
    return undefined;
  }

  const seen = new Set<string>();
  const planned: Planned[] = [];
  for (const [i, rule] of rules.entries()) {
    const effective: RuleInput = { ...rule, folderUID: folderUid, ruleGroup: title };
    const problem = ruleUidProblem(rule.uid) ?? ruleProblem(sim, effective);
    if (problem !== undefined) return problem;
    if (rule.uid !== '' && seen.has(rule.uid)) return uidConflict(sim, effective);
    if (rule.uid !== '') seen.add(rule.uid);
    const stored = rule.uid === '' ? undefined : findRule(sim, rule.uid);
    const record = toRecord(
      effective,
      { folderUID: folderUid, ruleGroup: title, intervalSeconds: interval, groupIndex: i + 1 },
      {
        id: stored?.id ?? 0,
        uid: rule.uid === '' ? shortUid() : rule.uid,
        version: (stored?.version ?? 0) + 1,
        provenance:
          options.ignoreProvenance === true && stored !== undefined ? stored.provenance : provenance,
        updated: now,
      },
    );
    planned.push({ record, stored });
  }
  const keptUids = new Set(planned.map((p) => p.record.uid));
  const deleted = existing.filter((r) => !keptUids.has(r.uid));
  const changed = planned.filter(
    (p) => p.stored === undefined || comparable(p.stored) !== comparable(p.record),
  );

  // Title uniqueness is checked against the folder as it will be.
  const untouched = sim.state.rules.filter(
    (r) => !deleted.includes(r) && !planned.some((p) => p.stored === r),
  );
  const after = [...untouched, ...planned.map((p) => p.record)];
  for (const p of planned) {
    const conflict = titleConflict(sim, p.record, after);
    if (conflict !== undefined) return conflict;
  }
  if (changed.length === 0 && deleted.length === 0) return undefined;

  const blockedDelete = deleted.find((r) => !allowed(r.provenance));
  if (blockedDelete !== undefined)
    return provenanceMismatch(sim, 'delete', provenance, blockedDelete.provenance);
  const blockedUpdate = changed.find((p) => p.stored !== undefined && !allowed(p.stored.provenance));
  if (blockedUpdate?.stored !== undefined)
    return provenanceMismatch(sim, 'update', provenance, blockedUpdate.stored.provenance);

  const replaced = new Set<RuleRecord>([...deleted, ...changed.flatMap((p) => (p.stored ? [p.stored] : []))]);
  sim.state.rules = sim.state.rules.filter((r) => !replaced.has(r));
  for (const p of changed) {
    if (p.stored === undefined) p.record.id = sim.nextRuleId();
    sim.state.rules.push(p.record);
  }
  return undefined;
}

function putGroup(sim: SimContext, req: RequestInput): SimResponse {
  const folderUid = req.params['folderUid'] ?? '';
  const title = req.params['group'] ?? '';
  const body = bodyObject(req);
  const { interval, rules } = bind(() => {
    const raw = body['rules'];
    if (raw !== undefined && raw !== null && !Array.isArray(raw)) throw new BindError('rules', 'an array');
    return {
      interval: optInt(body, 'interval'),
      rules: Array.isArray(raw) ? raw.map((r) => readRule(r, sim.profile)) : undefined,
    };
  });
  const error = replaceGroup(sim, folderUid, title, interval, rules, { provenance: req.provenance });
  if (error !== undefined) return error;
  // Grafana answers with the decoded request, title and folder filled in from the path: nothing is read back.
  const echo: JsonObject = { title, folderUid, interval };
  if (rules !== undefined) echo['rules'] = rules.map((r) => ruleEcho(sim.profile, r));
  else echo['rules'] = null;
  return json(200, echo);
}

function deleteGroup(sim: SimContext, req: RequestInput): SimResponse {
  const folderUid = req.params['folderUid'] ?? '';
  const title = req.params['group'] ?? '';
  const rules = rulesOfGroup(sim, folderUid, title);
  if (rules.length === 0) return groupNotFound();
  const blocked = rules.find((r) => !groupAllowed(sim, r.provenance, req.provenance));
  if (blocked !== undefined) return provenanceMismatch(sim, 'delete', req.provenance, blocked.provenance);
  sim.state.rules = sim.state.rules.filter((r) => !rules.includes(r));
  return empty(204);
}

const PATH = '/api/v1/provisioning/folder/:folderUid/rule-groups/:group';

export function ruleGroupRoutes(ruleGroupDelete: boolean): Route[] {
  const routes: Route[] = [
    { method: 'GET', pattern: PATH, handler: getGroup, readPermission: PROVISIONING_READ },
    { method: 'PUT', pattern: PATH, handler: putGroup, write: PROVISIONING_WRITE },
  ];
  if (ruleGroupDelete)
    routes.push({ method: 'DELETE', pattern: PATH, handler: deleteGroup, write: PROVISIONING_WRITE });
  return routes;
}
