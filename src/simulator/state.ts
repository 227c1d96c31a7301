/**
 * The simulated Grafana's database: one organisation (id 1), plain JSON-serialisable records, so the whole state
 * can be saved to a file and loaded back. Handlers change it only through the functions of their own module.
 */
import type { JsonObject, JsonValue } from '../core/json.ts';

export interface FolderRecord {
  id: number;
  uid: string;
  title: string;
  description: string;
  /** `""` at the root. */
  parentUid: string;
  version: number;
  created: string;
  updated: string;
  createdBy: string;
  updatedBy: string;
  /** Kubernetes-style metadata (12.x `/apis`): object uid, generation (spec changes), resourceVersion (writes). */
  k8sUid: string;
  generation: number;
  resourceVersion: number;
  /** Annotations a client wrote through `/apis` (manager, source, its own), server-set ones excluded. */
  annotations?: Record<string, string>;
}

export interface DashboardVersionRecord {
  version: number;
  created: string;
  createdBy: string;
  message: string;
}

export interface DashboardRecord {
  id: number;
  uid: string;
  title: string;
  /** `""` at the root. */
  folderUid: string;
  version: number;
  /** The stored JSON exactly as saved, with `id`, `uid` and `version` set by the server. */
  data: JsonObject;
  tags: string[];
  created: string;
  updated: string;
  createdBy: string;
  updatedBy: string;
  /** File-provisioned with UI updates disallowed. */
  provisioned: boolean;
  /** Set for dashboards installed by a plugin. */
  pluginId: string;
  history: DashboardVersionRecord[];
  /** Kubernetes-style metadata (12.x `/apis`): object uid, generation (spec changes), resourceVersion (writes). */
  k8sUid: string;
  generation: number;
  resourceVersion: number;
  /** Annotations a client wrote through `/apis` (manager, source, its own), server-set ones excluded. */
  annotations?: Record<string, string>;
  /**
   * The `dashboard.grafana.app` version it was last saved through (`v0alpha1` for the legacy API, `v2` for a v2
   * save); `data` is in that version's schema. Absent in states saved before it was kept: the classic model.
   */
  storedVersion?: string;
}

export interface DataSourceRecord {
  id: number;
  uid: string;
  name: string;
  type: string;
  access: string;
  url: string;
  user: string;
  database: string;
  basicAuth: boolean;
  basicAuthUser: string;
  withCredentials: boolean;
  isDefault: boolean;
  jsonData: JsonObject;
  /** Decrypted secrets; never returned by the API. */
  secureJsonData: Record<string, string>;
  version: number;
  readOnly: boolean;
}

export interface AlertQueryRecord {
  refId: string;
  queryType: string;
  relativeTimeRange: { from: number; to: number };
  datasourceUid: string;
  model: JsonObject;
}

export interface RuleRecord {
  id: number;
  uid: string;
  folderUID: string;
  ruleGroup: string;
  /** Position inside the group. */
  groupIndex: number;
  intervalSeconds: number;
  title: string;
  condition: string;
  data: AlertQueryRecord[];
  updated: string;
  noDataState: string;
  execErrState: string;
  forMs: number;
  keepFiringForMs: number;
  annotations: Record<string, string>;
  labels: Record<string, string>;
  isPaused: boolean;
  notificationSettings: JsonObject | null;
  record: JsonObject | null;
  missingSeriesEvalsToResolve: number | null;
  provenance: string;
  version: number;
}

/** One integration of a receiver; a "contact point" in the provisioning API. */
export interface IntegrationRecord {
  uid: string;
  name: string;
  type: string;
  /** All settings, secure ones included in clear. */
  settings: JsonObject;
  disableResolveMessage: boolean;
  provenance: string;
}

export interface PolicyRecord {
  tree: JsonObject;
  provenance: string;
}

export interface MuteTimingRecord {
  name: string;
  timeIntervals: JsonValue[];
  provenance: string;
}

export interface TemplateRecord {
  name: string;
  template: string;
  provenance: string;
}

export interface StateData {
  formatVersion: 1;
  nextId: { dashboard: number; datasource: number; rule: number };
  folders: FolderRecord[];
  dashboards: DashboardRecord[];
  datasources: DataSourceRecord[];
  rules: RuleRecord[];
  integrations: IntegrationRecord[];
  policy: PolicyRecord;
  muteTimings: MuteTimingRecord[];
  templates: TemplateRecord[];
  /** Last resourceVersion handed out to a folder or dashboard write. */
  resourceVersion: number;
  /** Bumped on every change of the Alertmanager configuration (contact points, policies, mute timings, templates). */
  amRevision: number;
}

export const DEFAULT_RECEIVER = 'grafana-default-email';

export function defaultPolicyTree(): JsonObject {
  return { receiver: DEFAULT_RECEIVER, group_by: ['grafana_folder', 'alertname'] };
}

/** The receiver of a fresh organisation; Grafana's default configuration gives its integration an empty uid. */
export function defaultIntegration(): IntegrationRecord {
  return {
    uid: '',
    name: DEFAULT_RECEIVER,
    type: 'email',
    settings: { addresses: '<example@email.com>' },
    disableResolveMessage: false,
    provenance: '',
  };
}

export function initialState(): StateData {
  return {
    formatVersion: 1,
    nextId: { dashboard: 1, datasource: 1, rule: 1 },
    folders: [],
    dashboards: [],
    datasources: [],
    rules: [],
    integrations: [defaultIntegration()],
    policy: { tree: defaultPolicyTree(), provenance: '' },
    muteTimings: [],
    templates: [],
    amRevision: 0,
    resourceVersion: 0,
  };
}
