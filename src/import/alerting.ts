/**
 * Data sources and the alerting objects as code: contact points, mute timings, templates, the notification policy
 * tree and alert rule groups. Each is written with its `define*` input; a rule group whose rules have the shape of
 * converted Prometheus rules (src/alerting/from-grafana.ts) is written as those rules (`defineAlertRuleGroup`), any
 * other as Grafana holds it (`defineGrafanaAlertRuleGroup`); the policy tree with `policyTreeFromSeverities` when
 * that gives it back. Secure fields become `secret()` references (src/import/secrets.ts). Every input is checked:
 * the resource it makes compares equal to what Grafana holds, as publish compares them.
 */
import { NotConvertedError, prometheusRulesOf } from '../alerting/from-grafana.ts';
import type { PrometheusRule } from '../alerting/rule-model.ts';
import { isAlertingRule } from '../alerting/rule-model.ts';
import { policyTreeFromSeverities } from '../alerting/routing.ts';
import type { BaseConfig } from '../config/base.ts';
import { canonicalize } from '../core/canonical.ts';
import type { Kind } from '../core/kinds.ts';
import type { Resource } from '../core/resource.ts';
import { secret } from '../core/secret.ts';
import { matchers } from '../config/selector.ts';
import type { KindHandler, LiveObject } from '../handlers/types.ts';
import { definerOf } from './definers.ts';
import type { Code, Functions } from './code.ts';
import { array, call, evaluate, object, value } from './code.ts';
import type { ConfigRefs } from './config-refs.ts';
import { jsonCode, queryCode } from './config-refs.ts';
import type { SecretNames } from './secrets.ts';
import { SECRET_SET, secretCode } from './secrets.ts';

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const rec = (v: unknown): Json => (isRecord(v) ? v : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const ALERTING_FUNCTIONS: Functions = {
  matchers,
  secret,
  policyTreeFromSeverities,
} as unknown as Functions;

/** The kinds the alerting inputs are written for, and the definer each is written with. */
export type Definer =
  | 'DataSource'
  | 'ContactPoint'
  | 'MuteTiming'
  | 'NotificationTemplate'
  | 'NotificationPolicyTree'
  | 'AlertRuleGroup'
  | 'GrafanaAlertRuleGroup';

/** The name a definer is imported by. */
export const DEFINER_NAME: Readonly<Record<Definer, string>> = {
  DataSource: 'defineDataSource',
  ContactPoint: 'defineContactPoint',
  MuteTiming: 'defineMuteTiming',
  NotificationTemplate: 'defineNotificationTemplate',
  NotificationPolicyTree: 'defineNotificationPolicyTree',
  AlertRuleGroup: 'defineAlertRuleGroup',
  GrafanaAlertRuleGroup: 'defineGrafanaAlertRuleGroup',
};

/** The resource an input makes, built as loading the written file would build it. */
export function resourceOf(definer: Definer, input: Code, config: BaseConfig): Resource | undefined {
  const define = definerOf(DEFINER_NAME[definer]);
  if (define === undefined) throw new Error(`the import has no definer ${DEFINER_NAME[definer]}`);
  const built = define(evaluate(input, ALERTING_FUNCTIONS) as never).build({
    config,
    source: 'import',
    relative: (p) => p,
  });
  return built[0];
}

const same = (a: unknown, b: unknown): boolean =>
  JSON.stringify(canonicalize(a)) === JSON.stringify(canonicalize(b));

/** Whether the input makes a resource publish would find equal to what Grafana holds. */
export function makesLive(
  definer: Definer,
  input: Code,
  config: BaseConfig,
  handler: KindHandler<Kind>,
  live: LiveObject,
): boolean {
  let resource: Resource | undefined;
  try {
    resource = resourceOf(definer, input, config);
  } catch {
    return false;
  }
  return (
    resource !== undefined &&
    same(handler.desired(resource as never), handler.live(live as never, resource as never))
  );
}

/** Settings with every secure value (SECRET_SET) as a `secret()` reference named for the resource and field. */
function settingsCode(
  settings: Json,
  kind: Kind,
  uid: string,
  name: string,
  path: readonly string[],
  secrets: SecretNames,
  refs: ConfigRefs,
): Code {
  return object(
    Object.fromEntries(
      Object.entries(settings).map(([k, v]) => [
        k,
        v === SECRET_SET ? secretCode(secrets.name(kind, uid, name, [...path, k])) : jsonCode(v, refs),
      ]),
    ),
  );
}

export function dataSourceInput(spec: Json, secrets: SecretNames, refs: ConfigRefs): Code {
  const uid = str(spec.uid) ?? '';
  const name = str(spec.name) ?? uid;
  const { secureJsonData, jsonData, ...rest } = spec;
  const fields: Record<string, Code | undefined> = {};
  for (const [k, v] of Object.entries(rest)) fields[k] = jsonCode(v, refs);
  if (jsonData !== undefined) fields.jsonData = jsonCode(jsonData, refs);
  if (isRecord(secureJsonData))
    fields.secureJsonData = settingsCode(
      secureJsonData,
      'DataSource',
      uid,
      name,
      ['secureJsonData'],
      secrets,
      refs,
    );
  return object(fields);
}

export function contactPointInput(spec: Json, secrets: SecretNames, refs: ConfigRefs): Code {
  const uid = str(spec.uid) ?? '';
  const name = str(spec.name) ?? uid;
  const type = str(spec.type) ?? '';
  const settings = { ...rec(spec.settings) };
  // The kit writes the email integration's addresses as a list, joined with semicolons for Grafana.
  if (type === 'email' && typeof settings.addresses === 'string')
    settings.addresses = settings.addresses
      .split(/[;,\n]/)
      .map((a) => a.trim())
      .filter((a) => a !== '');
  return object({
    uid: value(uid),
    name: value(name),
    type: value(type),
    settings: settingsCode(settings, 'ContactPoint', uid, name, ['settings'], secrets, refs),
    disableResolveMessage:
      spec.disableResolveMessage === undefined ? undefined : value(spec.disableResolveMessage),
  });
}

export function muteTimingInput(spec: Json): Code {
  return object({ name: value(spec.name), timeIntervals: value(spec.time_intervals ?? []) });
}

export function templateInput(spec: Json): Code {
  return object({ name: value(spec.name), template: value(spec.template) });
}

/**
 * The policy tree: `policyTreeFromSeverities(cfg.severities, …)` when the Config's severity table gives back the
 * tree with the routes before it as they are, the tree as Grafana holds it otherwise.
 */
export function policyTreeCandidates(spec: Json, config: BaseConfig): Code[] {
  const routes = Array.isArray(spec.routes) ? spec.routes : [];
  const receiver = str(spec.receiver);
  const severities = Object.keys(config.severities).length;
  const candidates: Code[] = [];
  if (receiver !== undefined && severities > 0) {
    {
      const before = routes.length - severities;
      const options = object({
        defaultReceiver: value(receiver),
        before: before === 0 ? undefined : value(routes.slice(0, before)),
      });
      candidates.push(
        call('policyTreeFromSeverities', [
          { kind: 'config', path: 'cfg.severities', value: config.severities },
          options,
        ]),
      );
    }
  }
  candidates.push(value(spec));
  return candidates;
}

/** A Prometheus-form rule as the input defineAlertRuleGroup takes, or undefined when it lacks what that needs. */
function ruleInput(rule: PrometheusRule, refs: ConfigRefs): Code | undefined {
  if (!isAlertingRule(rule))
    return object({
      record: value(rule.record),
      expr: queryCode(rule.expr, refs),
      labels:
        rule.labels === undefined || Object.keys(rule.labels).length === 0 ? undefined : value(rule.labels),
    });
  const { severity, ...labels } = rule.labels ?? {};
  const {
    summary,
    runbook_url: runbookUrl,
    description,
    __dashboardUid__: dashboardUid,
    __panelId__: panelId,
    dashboard_url: dashboardUrl,
    ...rest
  } = rule.annotations ?? {};
  const annotations: Record<string, string> = { ...rest };
  if (severity === undefined || summary === undefined || runbookUrl === undefined) return undefined;
  const dashboard =
    dashboardUid === undefined || panelId === undefined
      ? undefined
      : value({
          uid: dashboardUid,
          panelId: Number(panelId),
          ...(dashboardUrl === undefined ? {} : { url: dashboardUrl }),
        });
  if (dashboard === undefined && dashboardUrl !== undefined) annotations.dashboard_url = dashboardUrl;
  return object({
    name: value(rule.alert),
    expr: queryCode(rule.expr, refs),
    for: rule.for === undefined ? undefined : value(rule.for),
    keepFiringFor: rule.keep_firing_for === undefined ? undefined : value(rule.keep_firing_for),
    severity: value(severity),
    summary: value(summary),
    description: description === undefined ? undefined : value(description),
    runbookUrl: value(runbookUrl),
    labels: Object.keys(labels).length === 0 ? undefined : value(labels),
    annotations: Object.keys(annotations).length === 0 ? undefined : value(annotations),
    dashboard,
  });
}

/** What Grafana adds to each rule it returns and a write does not send. */
const SERVER_RULE_FIELDS = [
  'id',
  'orgID',
  'folderUID',
  'ruleGroup',
  'updated',
  'provenance',
  'version',
  'guid',
];

/** A group as Grafana returned it, without what Grafana owns. */
function withoutServerFields(group: Json): Json {
  const { provenance: _p, ...rest } = group;
  const rules = Array.isArray(rest.rules)
    ? rest.rules.map((r) =>
        Object.fromEntries(Object.entries(rec(r)).filter(([k]) => !SERVER_RULE_FIELDS.includes(k))),
      )
    : rest.rules;
  return { ...rest, rules };
}

/** `60` → `1m`, `90` → `90s`. */
function durationOf(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/**
 * Candidate inputs of a rule group: as Prometheus rules under each uid that may have made its rule uids (the uid
 * rendered/ gives it, the group's title), then as Grafana holds it.
 */
export function ruleGroupCandidates(
  spec: Json,
  folderUid: string,
  uids: readonly string[],
  refs: ConfigRefs,
  body: Json = spec,
  rendered?: readonly PrometheusRule[],
): { definer: Definer; uid: string; input: Code }[] {
  const out: { definer: Definer; uid: string; input: Code }[] = [];
  const title = str(spec.title) ?? '';
  let rules: PrometheusRule[] | undefined;
  try {
    rules = prometheusRulesOf(spec as never);
  } catch (error) {
    if (!(error instanceof NotConvertedError)) throw error;
  }
  const first = Array.isArray(spec.rules) ? rec(spec.rules[0]) : {};
  const query = Array.isArray(first.data) ? rec(first.data[0]) : {};
  const dsUid = str(query.datasourceUid);
  const dsType = str(rec(rec(query.model).datasource).type);
  const folder = refs.folder(folderUid);
  const folderCode: Code =
    folder === undefined ? value(folderUid) : { kind: 'config', path: folder, value: folderUid };
  // Grafana holds no recording rule Prometheus evaluates: the committed rendered/ state, when it has the group,
  // gives them (with the alerts, which the check then compares with Grafana's).
  const ruleSets = [...(rendered === undefined ? [] : [rendered]), ...(rules === undefined ? [] : [rules])];
  for (const set of ruleSets) {
    const inputs = set.map((r) => ruleInput(r, refs));
    if (!inputs.every((i) => i !== undefined) || dsUid === undefined || dsType === undefined) continue;
    const interval = typeof spec.interval === 'number' ? durationOf(spec.interval) : str(spec.interval);
    const dsPath = refs.datasource(dsUid);
    for (const uid of uids)
      out.push({
        definer: 'AlertRuleGroup',
        uid,
        input: object({
          uid: value(uid),
          folderUid: folderCode,
          name: value(title),
          interval: value(interval ?? '1m'),
          datasource: object({
            uid: dsPath === undefined ? value(dsUid) : { kind: 'config', path: dsPath, value: dsUid },
            type: value(dsType),
          }),
          rules: array(inputs as Code[]),
        }),
      });
  }
  const uid = uids[0] ?? title;
  out.push({
    definer: 'GrafanaAlertRuleGroup',
    uid,
    input: object({
      uid: value(uid),
      folderUid: folderCode,
      spec: jsonCode(withoutServerFields(body), refs),
    }),
  });
  return out;
}
