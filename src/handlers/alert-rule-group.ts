import type { ResourceOf } from '../core/resource.ts';
import type { AlertRuleSpec } from '../core/specs.ts';
import { parseDuration } from '../core/duration.ts';
import {
  asArray,
  asRecord,
  asString,
  canonicalDuration,
  encode,
  isZeroDuration,
  ownedByFolder,
  provenanceHeaders,
  ref,
  withoutEmpty,
} from './shared.ts';
import type { Comparable, HandlerContext, KindHandler, LiveObject } from './types.ts';

/**
 * Defaults Grafana writes into every query model on save: `defaultMaxDataPoints = 43200` and
 * `defaultIntervalMS = 1000` (grafana/grafana pkg/services/ngalert/models/alert_query.go, `setDefaults` /
 * `InitDefaults`, 10.x to 13.x).
 */
const MODEL_DEFAULTS: Readonly<Record<string, number>> = { intervalMs: 1000, maxDataPoints: 43200 };

function comparableQuery(query: unknown): unknown {
  const q = asRecord(query);
  const model = { ...asRecord(q.model) };
  for (const [key, value] of Object.entries(MODEL_DEFAULTS)) if (model[key] === value) delete model[key];
  const range = asRecord(q.relativeTimeRange);
  // Expressions: the old data source uid "-100" and "__expr__" are one (pkg/expr: `OldDatasourceUID`, `DatasourceUID`).
  const datasourceUid = q.datasourceUid === '-100' ? '__expr__' : q.datasourceUid;
  return withoutEmpty({
    refId: q.refId,
    datasourceUid,
    // The top-level queryType is derived by Grafana from the model on save: compare the model only.
    relativeTimeRange: range.from === 0 && range.to === 0 ? undefined : { from: range.from, to: range.to },
    model,
  });
}

/**
 * A rule as Grafana keeps it, without server fields (id, updated, orgID, provenance), group fields (folder,
 * group) and defaults; durations canonical (`for` is written by Prometheus' `model.Duration`, "1m" for "60s",
 * pkg/services/ngalert/api/tooling/definitions/provisioning_alert_rules.go); for recording rules, the fields the
 * server clears.
 */
export function comparableRule(rule: unknown): unknown {
  const r = asRecord(rule);
  const recording = r.record !== undefined && r.record !== null;
  const common = {
    uid: r.uid,
    title: r.title,
    data: asArray(r.data).map(comparableQuery),
    labels: r.labels,
    annotations: r.annotations,
    isPaused: r.isPaused,
    record: r.record,
  };
  if (recording) return withoutEmpty(common);
  return withoutEmpty({
    ...common,
    condition: r.condition,
    noDataState: r.noDataState,
    execErrState: r.execErrState,
    for: isZeroDuration(r.for) ? undefined : canonicalDuration(r.for),
    keep_firing_for: isZeroDuration(r.keep_firing_for) ? undefined : canonicalDuration(r.keep_firing_for),
    missingSeriesEvalsToResolve: r.missingSeriesEvalsToResolve,
    notification_settings: r.notification_settings,
  });
}

/**
 * Fields some Grafana versions do not know (`ProvisionedAlertRule` in each release's OpenAPI description, see
 * src/simulator/openapi-shapes.ts: `record` from 11.2, `keep_firing_for` 11.6, `missingSeriesEvalsToResolve`
 * 12.x): they drop them on input and never return them. Where a live rule
 * lacks the field altogether, the desired value stands in for it, so that an older Grafana is not told forever
 * to change what it cannot hold. (keep_firing_for, record and notification_settings are always present where
 * supported; missingSeriesEvalsToResolve is omitted when unset, so its absence is read the same way.)
 */
const VERSIONED_FIELDS = [
  'keep_firing_for',
  'missingSeriesEvalsToResolve',
  'notification_settings',
  'record',
] as const;

function alignFields(rules: unknown, desired: ResourceOf<'AlertRuleGroup'> | undefined): unknown[] {
  const wanted = new Map(
    (desired?.spec.rules ?? []).map((r) => [r.uid, r as unknown as Record<string, unknown>]),
  );
  return asArray(rules).map((rule) => {
    const r = asRecord(rule);
    const match = wanted.get(asString(r.uid) ?? '');
    if (match === undefined) return r;
    const out = { ...r };
    for (const field of VERSIONED_FIELDS) if (!(field in r) && field in match) out[field] = match[field];
    return out;
  });
}

function comparable(
  folderUid: string,
  group: { title?: unknown; interval?: unknown; rules?: unknown },
): Comparable {
  return {
    folderUid,
    spec: {
      title: group.title,
      folderUid,
      interval: group.interval,
      rules: asArray(group.rules).map(comparableRule),
    },
  };
}

function groupPath(folderUid: string, title: string): string {
  return `/api/v1/provisioning/folder/${encode(folderUid)}/rule-groups/${encode(title)}`;
}

/**
 * Rule groups: found through the list of all provisioned rules (one request), then read group by group for the
 * interval. Identified by folder and title; a group not in code is named `<folder>:<title>`. Owned when in a
 * folder we own.
 */
export const alertRuleGroupHandler: KindHandler<'AlertRuleGroup'> = {
  kind: 'AlertRuleGroup',

  /**
   * Two reads for every group: the rules (`GET /api/v1/provisioning/alert-rules`: every rule with its folder,
   * group and provenance) and the export of all groups (`GET …/alert-rules/export?format=json`,
   * `RouteGetAlertRulesExport`, pkg/services/ngalert/api/api_provisioning.go: each group's `interval` and its
   * rules in group order, the folder by title), joined by rule uid. A group the export does not show (changed
   * in between) is read alone.
   */
  async list(context) {
    const [listed, exported] = await Promise.all([
      context.client.get('/api/v1/provisioning/alert-rules'),
      context.client.get('/api/v1/provisioning/alert-rules/export', { query: { format: 'json' } }),
    ]);
    const rules = asArray(listed.body).map(asRecord);
    const layout = exportLayout(exported.body);
    const groups = new Map<string, { folderUid: string; title: string; provenance: string }>();
    for (const rule of rules) {
      const folderUid = asString(rule.folderUID) ?? '';
      const title = asString(rule.ruleGroup) ?? '';
      groups.set(`${folderUid}\u0000${title}`, {
        folderUid,
        title,
        provenance: asString(rule.provenance) ?? '',
      });
    }
    const desired = await context.desired.ofKind('AlertRuleGroup');
    const byKey = new Map(desired.map((d) => [`${d.spec.folderUid}\u0000${d.spec.title}`, d.uid]));
    const ownedFolders = await context.ownedFolders;
    const found = [...groups.values()];
    const bodies = await Promise.all(
      found.map(async (g) => {
        const members = rules.filter((r) => r.folderUID === g.folderUid && r.ruleGroup === g.title);
        const joined = joinExport(g, members, layout);
        if (joined !== undefined) return { status: 200, body: joined };
        return byKey.has(`${g.folderUid}\u0000${g.title}`) || ownedFolders.has(g.folderUid)
          ? context.client.get(groupPath(g.folderUid, g.title), { allow: [404] })
          : { status: 200, body: { title: g.title, folderUid: g.folderUid, rules: members } };
      }),
    );
    return found.flatMap((g, i): LiveObject<'AlertRuleGroup'>[] => {
      const response = bodies[i];
      if (response === undefined || response.status === 404) return [];
      const uid = byKey.get(`${g.folderUid}\u0000${g.title}`) ?? `${g.folderUid}:${g.title}`;
      return [
        {
          kind: 'AlertRuleGroup',
          uid,
          ref: ref('AlertRuleGroup', uid),
          folderUid: g.folderUid,
          body: response.body,
          ...ownedByFolder(ownedFolders, g.folderUid),
          provenance: g.provenance,
        },
      ];
    });
  },

  desired(resource: ResourceOf<'AlertRuleGroup'>) {
    return comparable(resource.spec.folderUid, resource.spec);
  },

  live(object, desired) {
    const body = asRecord(object.body);
    return comparable(asString(body.folderUid) ?? object.folderUid ?? '', {
      ...body,
      rules: alignFields(body.rules, desired),
    });
  },

  async create(context: HandlerContext, resource) {
    await put(context, resource);
  },

  async update(context, resource) {
    await put(context, resource);
  },

  /**
   * Rule by rule (DELETE of a whole group exists only from Grafana 11); idempotent, 204 for unknown uids (404, as
   * some versions answer, also means gone).
   */
  async remove(context, live) {
    for (const rule of asArray(asRecord(live.body).rules)) {
      const uid = asString(asRecord(rule).uid);
      if (uid !== undefined) {
        await context.client.delete(`/api/v1/provisioning/alert-rules/${encode(uid)}`, {
          headers: provenanceHeaders(context),
          allow: [404],
        });
      }
    }
  },
};

/** Per exported rule uid: its group's interval (seconds) and its place in the group. */
interface ExportLayout {
  readonly interval: ReadonlyMap<string, number>;
  readonly position: ReadonlyMap<string, number>;
}

function exportLayout(body: unknown): ExportLayout {
  const interval = new Map<string, number>();
  const position = new Map<string, number>();
  for (const group of asArray(asRecord(body).groups).map(asRecord)) {
    const ms = parseDuration(asString(group.interval) ?? '');
    asArray(group.rules).forEach((rule, i) => {
      const uid = asString(asRecord(rule).uid);
      if (uid === undefined) return;
      if (ms !== undefined) interval.set(uid, ms / 1000);
      position.set(uid, i);
    });
  }
  return { interval, position };
}

/**
 * A group as `GET …/folder/:folderUid/rule-groups/:group` answers it (`AlertRuleGroup`: title, folderUid,
 * interval in seconds, rules in group order), from the listed rules and the export; undefined when the export
 * does not cover every rule of the group.
 */
function joinExport(
  group: { readonly folderUid: string; readonly title: string },
  members: readonly Record<string, unknown>[],
  layout: ExportLayout,
): unknown {
  const uids = members.map((r) => asString(r.uid) ?? '');
  const first = uids[0];
  const interval = first === undefined ? undefined : layout.interval.get(first);
  if (interval === undefined || uids.some((u) => !layout.position.has(u))) return undefined;
  const at = (rule: Record<string, unknown>): number => layout.position.get(asString(rule.uid) ?? '') ?? 0;
  return {
    title: group.title,
    folderUid: group.folderUid,
    interval,
    rules: [...members].sort((a, b) => at(a) - at(b)),
  };
}

/** PUT of the whole group: creates it, replaces its rules (by uid), sets its interval. */
async function put(context: HandlerContext, resource: ResourceOf<'AlertRuleGroup'>): Promise<void> {
  const { folderUid, title, interval, rules } = resource.spec;
  const body = { title, folderUid, interval, rules: rules.map((r: AlertRuleSpec) => ({ ...r, orgID: 1 })) };
  await context.client.put(groupPath(folderUid, title), body, { headers: provenanceHeaders(context) });
}
