import type { Kind } from './kinds.ts';
import type { PrometheusRuleGroup, RuleDataSourceType } from '../alerting/rule-model.ts';
import type { SpecByKind } from './specs.ts';

/** Where a rule group came from: the Prometheus-form group both outputs are built from. */
export interface RuleGroupOrigin {
  readonly group: PrometheusRuleGroup;
  readonly datasourceType: RuleDataSourceType;
}

/**
 * One Grafana object as the repository wants it: a plain value, frozen at the top (`sealResource`). `spec` is the
 * JSON the Grafana API takes, in canonical form (`canonicalize`): it may share subtrees with what built it and is
 * not frozen, but immutable by contract (nothing may write to it; test/project/immutability.test.ts runs the
 * pipeline over deep-frozen resources). `source` is the repository-relative file that defined it, quoted in every
 * message about it.
 */
export interface ResourceOf<K extends Kind> {
  readonly kind: K;
  readonly uid: string;
  readonly title: string;
  /** The folder the object lives in (dashboards, rule groups); absent means the root. */
  readonly folderUid?: string;
  readonly spec: SpecByKind[K];
  readonly source: string;
  /**
   * Written by `npm run import` and not yet cleaned up: the lint rules, the house style and the metric catalogue
   * report what they find in it as warnings, which never block render or publish (src/validate/lenient.ts).
   */
  readonly imported?: true;
  /** Rule groups only: the Prometheus-form definition, for the Prometheus/Loki rule files. */
  readonly origin?: K extends 'AlertRuleGroup' ? RuleGroupOrigin : never;
}

export type Resource = { [K in Kind]: ResourceOf<K> }[Kind];

/** `Kind/uid`: the name of a resource in every log line, error, plan entry and report. */
export type ResourceRef = `${Kind}/${string}`;

export function refOf(resource: { readonly kind: Kind; readonly uid: string }): ResourceRef {
  return `${resource.kind}/${resource.uid}`;
}
