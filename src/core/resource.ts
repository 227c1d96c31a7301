import type { Kind } from './kinds.ts';
import { isKind } from './kinds.ts';
import type { PrometheusRuleGroup, RuleDataSourceType } from '../alerting/rule-model.ts';
import type { SpecByKind } from './specs.ts';

/** Where a rule group came from: the Prometheus-form group both outputs are built from. */
export interface RuleGroupOrigin {
  readonly group: PrometheusRuleGroup;
  readonly datasourceType: RuleDataSourceType;
}

/**
 * One Grafana object as the repository wants it: a plain, frozen value. `spec` is the JSON the Grafana API
 * takes; `source` is the repository-relative file that defined it, quoted in every message about it.
 */
export interface ResourceOf<K extends Kind> {
  readonly kind: K;
  readonly uid: string;
  readonly title: string;
  /** The folder the object lives in (dashboards, rule groups); absent means the root. */
  readonly folderUid?: string;
  readonly spec: SpecByKind[K];
  readonly source: string;
  /** Rule groups only: the Prometheus-form definition, for the Prometheus/Loki rule files. */
  readonly origin?: K extends 'AlertRuleGroup' ? RuleGroupOrigin : never;
}

export type Resource = { [K in Kind]: ResourceOf<K> }[Kind];

/** `Kind/uid`: the name of a resource in every log line, error, plan entry and report. */
export type ResourceRef = `${Kind}/${string}`;

export function refOf(resource: { readonly kind: Kind; readonly uid: string }): ResourceRef {
  return `${resource.kind}/${resource.uid}`;
}

export function parseRef(text: string): { kind: Kind; uid: string } | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const kind = text.slice(0, slash);
  const uid = text.slice(slash + 1);
  return isKind(kind) && uid.length > 0 ? { kind, uid } : undefined;
}

export function isResourceOf<K extends Kind>(
  resource: Resource,
  kind: K,
): resource is Resource & ResourceOf<K> {
  return resource.kind === kind;
}
