/**
 * The spec of each kind: exactly the JSON the Grafana HTTP API takes, with secrets as SecretRef values.
 * Field names follow the API (snake_case where Grafana uses it) so that a rendered file reads like a request.
 */
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import type { Dashboard as DashboardV2Spec } from '@grafana/grafana-foundation-sdk/dashboardv2';
import type { JsonObject, JsonValue } from './json.ts';
import type { SecretRef } from './secret.ts';

/** POST /api/folders */
export interface FolderSpec {
  uid: string;
  title: string;
  description?: string;
  parentUid?: string;
}

/** POST /api/datasources; secrets only as references, never literals. */
export interface DataSourceSpec {
  uid: string;
  name: string;
  type: string;
  access: 'proxy' | 'direct';
  url: string;
  user?: string;
  database?: string;
  basicAuth?: boolean;
  basicAuthUser?: string;
  withCredentials?: boolean;
  isDefault?: boolean;
  jsonData?: JsonObject;
  secureJsonData?: Record<string, SecretRef>;
}

/** The classic (v1) dashboard JSON model, as the foundation SDK builds it. */
export type DashboardSpec = Dashboard | DashboardV2Spec;

/** One entry of a Grafana-managed rule's `data[]` (AlertQuery). */
export interface AlertQuerySpec {
  refId: string;
  queryType?: string;
  relativeTimeRange: { from: number; to: number };
  datasourceUid: string;
  model: JsonObject;
}

export type NoDataState = 'NoData' | 'Alerting' | 'OK' | 'KeepLast';
export type ExecErrState = 'Error' | 'Alerting' | 'OK' | 'KeepLast';

/** ProvisionedAlertRule, as sent inside a rule-group PUT. */
export interface AlertRuleSpec {
  uid: string;
  title: string;
  folderUID: string;
  ruleGroup: string;
  condition?: string;
  data: AlertQuerySpec[];
  noDataState?: NoDataState;
  execErrState?: ExecErrState;
  for?: string;
  keep_firing_for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  isPaused: boolean;
  missingSeriesEvalsToResolve?: number;
  record?: { metric: string; from: string; target_datasource_uid?: string };
}

/** PUT /api/v1/provisioning/folder/:folderUid/rule-groups/:group; `interval` is in seconds. */
export interface AlertRuleGroupSpec {
  title: string;
  folderUid: string;
  interval: number;
  rules: AlertRuleSpec[];
}

/** A setting of a contact point: plain JSON, or a secret reference for secure keys. */
export type ContactPointSetting = JsonValue | SecretRef;

/** EmbeddedContactPoint: one integration of a receiver. Several may share a `name`. */
export interface ContactPointSpec {
  uid: string;
  name: string;
  type: string;
  settings: Record<string, ContactPointSetting>;
  disableResolveMessage?: boolean;
}

/** A route of the notification policy tree (Alertmanager route, Grafana JSON shape). */
export interface RouteSpec {
  receiver?: string;
  group_by?: string[];
  group_wait?: string;
  group_interval?: string;
  repeat_interval?: string;
  object_matchers?: [string, '=' | '!=' | '=~' | '!~', string][];
  continue?: boolean;
  mute_time_intervals?: string[];
  active_time_intervals?: string[];
  routes?: RouteSpec[];
}

/** PUT /api/v1/provisioning/policies: the single tree of an organisation. */
export type NotificationPolicyTreeSpec = RouteSpec & { receiver: string };

/** One time interval of a mute timing, in Alertmanager's syntax. */
export interface TimeIntervalSpec {
  times?: { start_time: string; end_time: string }[];
  weekdays?: string[];
  days_of_month?: string[];
  months?: string[];
  years?: string[];
  location?: string;
}

/** POST /api/v1/provisioning/mute-timings */
export interface MuteTimingSpec {
  name: string;
  time_intervals: TimeIntervalSpec[];
}

/** PUT /api/v1/provisioning/templates/:name */
export interface NotificationTemplateSpec {
  name: string;
  template: string;
}

export interface SpecByKind {
  Folder: FolderSpec;
  DataSource: DataSourceSpec;
  NotificationTemplate: NotificationTemplateSpec;
  MuteTiming: MuteTimingSpec;
  ContactPoint: ContactPointSpec;
  NotificationPolicyTree: NotificationPolicyTreeSpec;
  AlertRuleGroup: AlertRuleGroupSpec;
  Dashboard: DashboardSpec;
}
