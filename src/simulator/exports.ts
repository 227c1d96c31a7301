/**
 * Export endpoints (reference §6.8): the file-provisioning schema, YAML by default, JSON with `format=json` or
 * `Accept: application/json`, `download=true` adds `Content-Disposition`. HCL (`format=hcl`) is not rendered by
 * the simulator (501, documented deviation). Contact point secrets are redacted unless `decrypt=true`, which only an
 * Admin may ask for (403 otherwise).
 */
import { stringify } from 'yaml';
import type { JsonObject, JsonValue } from '../core/json.ts';
import { formatDuration } from '../core/duration.ts';
import { denied } from './auth.ts';
import { contactPointOutput } from './contact-points.ts';
import type { SimContext } from './context.ts';
import { findFolder } from './folders.ts';
import { rulesOfGroup } from './alert-rules.ts';
import type { RequestInput, Route } from './router.ts';
import { PROVISIONING_READ } from './router.ts';
import type { SimResponse } from './responses.ts';
import { empty, messageError } from './responses.ts';
import type { RuleRecord } from './state.ts';

function exportResponse(req: RequestInput, document: JsonObject): SimResponse {
  const format = req.query.get('format') ?? '';
  const accept = String(req.headers['accept'] ?? '');
  const download = req.query.get('download') === 'true';
  if (format === 'hcl') return messageError(501, 'the simulator does not render HCL exports');
  const asJson = format === 'json' || (format === '' && accept.includes('application/json'));
  const headers: Record<string, string> = {};
  if (download) headers['content-disposition'] = `attachment;filename=export.${asJson ? 'json' : 'yaml'}`;
  if (asJson) return { status: 200, body: document, headers };
  headers['content-type'] = download ? 'application/yaml' : 'text/yaml';
  return { status: 200, text: stringify(document), headers };
}

function exportedRule(rule: RuleRecord): JsonObject {
  const out: JsonObject = { uid: rule.uid, title: rule.title };
  if (rule.condition !== '') out['condition'] = rule.condition;
  out['data'] = rule.data.map((q) => {
    const d: JsonObject = { refId: q.refId };
    if (q.queryType !== '') d['queryType'] = q.queryType;
    d['relativeTimeRange'] = { from: q.relativeTimeRange.from, to: q.relativeTimeRange.to };
    d['datasourceUid'] = q.datasourceUid;
    d['model'] = structuredClone(q.model);
    return d;
  });
  const dashboardUid = rule.annotations['__dashboardUid__'];
  const panelId = rule.annotations['__panelId__'];
  if (dashboardUid !== undefined) out['dashboardUid'] = dashboardUid;
  if (panelId !== undefined && Number.isInteger(Number(panelId))) out['panelId'] = Number(panelId);
  if (rule.record === null) {
    out['noDataState'] = rule.noDataState;
    out['execErrState'] = rule.execErrState;
    out['for'] = formatDuration(rule.forMs);
    if (rule.keepFiringForMs > 0) out['keepFiringFor'] = formatDuration(rule.keepFiringForMs);
  }
  if (Object.keys(rule.annotations).length > 0) out['annotations'] = { ...rule.annotations };
  if (Object.keys(rule.labels).length > 0) out['labels'] = { ...rule.labels };
  out['isPaused'] = rule.isPaused;
  if (rule.notificationSettings !== null)
    out['notification_settings'] = structuredClone(rule.notificationSettings);
  if (rule.record !== null) out['record'] = structuredClone(rule.record);
  if (rule.missingSeriesEvalsToResolve !== null)
    out['missing_series_evals_to_resolve'] = rule.missingSeriesEvalsToResolve;
  return out;
}

function groupsDocument(sim: SimContext, rules: readonly RuleRecord[]): JsonObject {
  const groups = new Map<string, { folderUid: string; group: string }>();
  for (const r of rules)
    groups.set(`${r.folderUID}\u0000${r.ruleGroup}`, { folderUid: r.folderUID, group: r.ruleGroup });
  return {
    apiVersion: 1,
    groups: [...groups.values()].map(({ folderUid, group }): JsonValue => {
      const members = rulesOfGroup(sim, folderUid, group).filter((r) => rules.includes(r));
      return {
        orgId: 1,
        name: group,
        folder: findFolder(sim, folderUid)?.title ?? folderUid,
        interval: formatDuration((members[0]?.intervalSeconds ?? 60) * 1000),
        rules: members.map(exportedRule),
      };
    }),
  };
}

function exportRules(sim: SimContext, req: RequestInput): SimResponse {
  const folderUids = req.query.getAll('folderUid').filter((f) => f !== '');
  const group = req.query.get('group') ?? '';
  const ruleUid = req.query.get('ruleUid') ?? '';
  if (ruleUid !== '' && (group !== '' || folderUids.length > 0))
    return messageError(400, 'ruleUid cannot be used together with folderUid or group');
  if (group !== '' && folderUids.length !== 1)
    return messageError(400, 'group name must be specified together with a single folderUid');
  const rules = sim.state.rules
    .filter((r) => ruleUid === '' || r.uid === ruleUid)
    .filter((r) => folderUids.length === 0 || folderUids.includes(r.folderUID))
    .filter((r) => group === '' || r.ruleGroup === group)
    .sort((a, b) => a.id - b.id);
  if (rules.length === 0 && (ruleUid !== '' || group !== '' || folderUids.length > 0)) return empty(404);
  return exportResponse(req, groupsDocument(sim, rules));
}

function exportRule(sim: SimContext, req: RequestInput): SimResponse {
  const rule = sim.state.rules.find((r) => r.uid === req.params['uid']);
  return rule === undefined ? empty(404) : exportResponse(req, groupsDocument(sim, [rule]));
}

function exportGroup(sim: SimContext, req: RequestInput): SimResponse {
  const rules = rulesOfGroup(sim, req.params['folderUid'] ?? '', req.params['group'] ?? '');
  return rules.length === 0 ? empty(404) : exportResponse(req, groupsDocument(sim, rules));
}

function exportContactPoints(sim: SimContext, req: RequestInput): SimResponse {
  const decrypt = req.query.get('decrypt') === 'true';
  // Secrets in clear are for administrators only (alert.provisioning.secrets:read).
  if (decrypt && req.identity.role !== 'Admin') return denied('alert.provisioning.secrets:read');
  const name = req.query.get('name') ?? '';
  const names = [...new Set(sim.state.integrations.map((i) => i.name))]
    .filter((n) => name === '' || n === name)
    .sort();
  return exportResponse(req, {
    apiVersion: 1,
    contactPoints: names.map((n) => ({
      orgId: 1,
      name: n,
      receivers: sim.state.integrations
        .filter((i) => i.name === n)
        .map((i) => {
          const cp = contactPointOutput(sim, i, decrypt);
          return {
            uid: i.uid,
            type: i.type,
            settings: cp['settings'] ?? {},
            disableResolveMessage: i.disableResolveMessage,
          };
        }),
    })),
  });
}

function exportPolicies(sim: SimContext, req: RequestInput): SimResponse {
  return exportResponse(req, {
    apiVersion: 1,
    policies: [{ orgId: 1, ...structuredClone(sim.state.policy.tree) }],
  });
}

function muteTimesDocument(sim: SimContext, names: readonly string[]): JsonObject {
  return {
    apiVersion: 1,
    muteTimes: sim.state.muteTimings
      .filter((m) => names.includes(m.name))
      .map((m) => ({ orgId: 1, name: m.name, time_intervals: structuredClone(m.timeIntervals) })),
  };
}

function exportMuteTimings(sim: SimContext, req: RequestInput): SimResponse {
  return exportResponse(
    req,
    muteTimesDocument(
      sim,
      sim.state.muteTimings.map((m) => m.name),
    ),
  );
}

function exportMuteTiming(sim: SimContext, req: RequestInput): SimResponse {
  const name = req.params['name'] ?? '';
  if (!sim.state.muteTimings.some((m) => m.name === name)) return empty(404);
  return exportResponse(req, muteTimesDocument(sim, [name]));
}

const P = '/api/v1/provisioning';

export const exportRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: `${P}/alert-rules/export`,
    handler: exportRules,
    readPermission: PROVISIONING_READ,
  },
  {
    method: 'GET',
    pattern: `${P}/alert-rules/:uid/export`,
    handler: exportRule,
    readPermission: PROVISIONING_READ,
  },
  {
    method: 'GET',
    pattern: `${P}/folder/:folderUid/rule-groups/:group/export`,
    handler: exportGroup,
    readPermission: PROVISIONING_READ,
  },
  {
    method: 'GET',
    pattern: `${P}/contact-points/export`,
    handler: exportContactPoints,
    readPermission: PROVISIONING_READ,
  },
  {
    method: 'GET',
    pattern: `${P}/policies/export`,
    handler: exportPolicies,
    readPermission: PROVISIONING_READ,
  },
  {
    method: 'GET',
    pattern: `${P}/mute-timings/export`,
    handler: exportMuteTimings,
    readPermission: PROVISIONING_READ,
  },
  {
    method: 'GET',
    pattern: `${P}/mute-timings/:name/export`,
    handler: exportMuteTiming,
    readPermission: PROVISIONING_READ,
  },
];
