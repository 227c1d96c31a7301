/**
 * grafana-stack-as-code: the SDK content is written with. Content folders import from here, never from deeper
 * paths, so that the SDK can move its insides without breaking content.
 */
export type { BaseConfig, SeverityRoute, SeverityTable } from './config/base.ts';
export type { ConfigSet, Override } from './config/define-config.ts';
export { defineConfig } from './config/define-config.ts';
export type { ConfigSchema } from './config/schema.ts';
export { schema } from './config/schema.ts';
export type { Matcher, MatcherValue, Selector } from './config/selector.ts';
export { eq, matchers, metric, ne, nre, quote, re, sel } from './config/selector.ts';

export type { Kind } from './core/kinds.ts';
export { KINDS } from './core/kinds.ts';
export type { Resource, ResourceOf, ResourceRef } from './core/resource.ts';
export { refOf } from './core/resource.ts';
export type { OwnershipConfig } from './core/ownership.ts';
export type { MaybeSecret } from './core/secret.ts';
export { SecretRef, secret } from './core/secret.ts';
export type * from './core/specs.ts';

export type { Definition, FromConfig } from './define/definition.ts';
export { fromConfig } from './define/definition.ts';
export type {
  AlertInput,
  AlertRuleGroupInput,
  GrafanaAlertRuleGroupInput,
  RecordInput,
  RuleInput,
} from './define/alert-rule-group.ts';
export { defineAlertRuleGroup, defineGrafanaAlertRuleGroup } from './define/alert-rule-group.ts';
export type {
  ContactPointInput,
  EmailSettings,
  PagerDutySettings,
  SlackSettings,
  WebhookSettings,
} from './define/contact-point.ts';
export { defineContactPoint } from './define/contact-point.ts';
export type { DashboardInput } from './define/dashboard.ts';
export { defineDashboard } from './define/dashboard.ts';
export type { DataSourceInput } from './define/data-source.ts';
export { defineDataSource } from './define/data-source.ts';
export type { FolderInput } from './define/folder.ts';
export { defineFolder } from './define/folder.ts';
export type { MuteTimingInput, NotificationTemplateInput } from './define/notification.ts';
export {
  POLICY_TREE_UID,
  defineMuteTiming,
  defineNotificationPolicyTree,
  defineNotificationTemplate,
} from './define/notification.ts';

export * from './kit/index.ts';

export { SEVERITY_LABEL, policyTreeFromSeverities, severityRoutes } from './alerting/routing.ts';
export type { PolicyTreeOptions } from './alerting/routing.ts';

export { BEYLA_PIN, PINNED_VERSIONS } from './catalogue/versions.ts';

export * from './slo/index.ts';
