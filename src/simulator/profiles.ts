/**
 * The version profiles: every behaviour of the simulator that differs between Grafana releases is decided here and
 * nowhere else. A profile stands for a release line; `version` is what `/api/health` and `buildInfo` report.
 * Each one is cited (or marked assumed) in the citation table of README.md.
 */

export type ProfileName = '10.4' | '11.2' | '11.6' | '12.x' | '13.x';

export const PROFILE_NAMES: readonly ProfileName[] = ['10.4', '11.2', '11.6', '12.x', '13.x'];

export interface Profile {
  readonly name: ProfileName;
  /** Reported by `/api/health` and `/api/frontend/settings` (`buildInfo.version`). */
  readonly version: string;
  readonly commit: string;
  /** ≤ 11.2: a dashboard title must be unique in its folder (412 `name-exists`; `overwrite` takes the other over). */
  readonly uniqueDashboardTitles: boolean;
  /** ≤ 11.2: a folder title must be unique under its parent (409). */
  readonly uniqueFolderTitles: boolean;
  /** 12.x: `meta.apiVersion` in `GET /api/dashboards/uid/:uid`. */
  readonly dashboardMetaApiVersion: boolean;
  /** Body of a folder 404: `{"status":"not-found",…}` (legacy mapper) or errutil `folder.notFound`. (assumed: see README.md) */
  readonly folderNotFound: 'legacy' | 'errutil';
  /**
   * Body of a folder DELETE: `{"id","message":"Folder <t> deleted","title"}` or `{"message":"Folder deleted"}`; every
   * release's `DeleteFolder` answers the plain one (the titled one is only in its swagger comment).
   */
  readonly folderDeleteBody: 'titled' | 'plain';
  /** ≤ 11.x: a second alert rule with the same title in a folder is rejected (400). */
  readonly uniqueRuleTitles: boolean;
  /** 11.x: the title conflict message starts with `[alerting.alert-rule.conflict] `. */
  readonly ruleConflictPrefix: boolean;
  /** `absent`: the `record` field does not exist (10.4); `disabled`: 400 when used; `enabled`. */
  readonly recordingRules: 'absent' | 'disabled' | 'enabled';
  /** Fields of ProvisionedAlertRule the release knows; unknown fields are ignored on input and absent on output. */
  readonly ruleFields: {
    readonly keepFiringFor: boolean;
    readonly notificationSettings: boolean;
    readonly record: boolean;
    readonly missingSeriesEvalsToResolve: boolean;
  };
  /** `KeepLast` accepted as noDataState / execErrState. (assumed: see README.md) */
  readonly keepLastState: boolean;
  /** `DELETE /api/v1/provisioning/folder/:uid/rule-groups/:group` exists (≈ 11+). */
  readonly ruleGroupDelete: boolean;
  /**
   * Policies, mute timings and templates: 11+ use the relaxed rule (403 errutil when moving a provisioned object to
   * none); 10.4 does not check them (assumed: see README.md). Contact point DELETE takes no provenance anywhere.
   */
  readonly relaxedProvenance: boolean;
  /** Wording of the `alerting.notifications.invalidProvenance` message (changed in 12). */
  readonly provenanceMessage: '11' | '12';
  /** Mute timings and templates carry a `version` (optimistic concurrency) from 11. */
  readonly notificationVersions: boolean;
  /** Contact point PUT of an unknown uid (500 legacy / 404) and DELETE of a referenced one (500 legacy / 409). */
  readonly contactPointErrors: 'legacy' | 'errutil';
  /** Policy tree validation errors: `invalid object specification: …` or errutil `routes.invalidFormat`. (assumed: see README.md) */
  readonly routeErrors: 'legacy' | 'errutil';
  /** Template GET of an unknown name: empty 404 (older) or errutil `templates.notFound`. */
  readonly templateNotFound: 'empty' | 'errutil';
  /** Template PUT validation errors: `invalid object specification: …` (older) or errutil `templates.invalidFormat`. (assumed: see README.md) */
  readonly templateErrors: 'legacy' | 'errutil';
  /** 12.x: service accounts get a minimal `/api/user` profile. */
  readonly minimalServiceAccountUser: boolean;
  /** Lost Alertmanager-configuration race: 500 (older) or 409 `alerting.notifications.conflict`. */
  readonly alertmanagerConflictStatus: 500 | 409;
  /** Wording of `alerting.alert-rule.conflict` (uid clash on POST). */
  readonly ruleConflictMessage: 'bracketed' | 'sentence';
  /** `/apis/dashboard.grafana.app/v1beta1|v1` and `/apis/folder.grafana.app/v1beta1` are served (12.0+). */
  readonly kubernetesApis: boolean;
  /**
   * The versions `/apis` serves: 12.x dashboards v1beta1 (classic) and v2alpha1/v2beta1 (v2), folders v1beta1;
   * 13.x adds dashboards v1 and v2 and folders v1 (PR #120748 "Dashboards: Graduate to V1", Grafana's HTTP API
   * docs per release).
   */
  readonly appPlatformVersions: {
    readonly dashboards: readonly string[];
    readonly folders: readonly string[];
  };
  /**
   * The frontend's `DASHBOARD_SCHEMA_VERSION`, which its save writes: 39 on 10.4 and 11.2, 41 on 11.6 and 12.0–12.2
   * (public/app/features/dashboard/state/DashboardMigrator.ts; 11.2 and 12.x inferred from the migrations' dates).
   */
  readonly dashboardSchemaVersion: number;
  /**
   * `orgId` of the legacy folder DTO: 0 until PR #99724 (Jan 2025) set it in `newToFolderDto`, then the org.
   */
  readonly folderOrgId: 0 | 1;
  /**
   * Subfolder levels below a top-level folder: `MaxNestedFolderDepth` = 4 since PR #78133 (10.3); 13.x reads
   * `[folder] max_nested_folder_depth` (PR #118592).
   */
  readonly maxNestedFolderDepth: { readonly default: number; readonly configurable: boolean };
  /**
   * Contact point types added to grafana/alerting after early 2024: `sns` (May 2024), `mqtt` (Aug 2024), `jira`
   * (Feb 2025); which release first ships each is inferred from the dates.
   */
  readonly laterContactPointTypes: readonly string[];
  /** A rule write or delete refused for its provenance: plain 500 or errutil 409 `alerting.provenanceMismatch`. */
  readonly ruleProvenanceMismatch: 'legacy' | 'errutil';
  /** The `converted_prometheus` provenance exists (the Prometheus rule conversion, 11.6+) and may be reset to none. */
  readonly convertedPrometheusProvenance: boolean;
  /**
   * The frontend's save path: the classic `DashboardModel` (≤ 11.2), Scenes (11.3+), or Scenes as 13.x saves a
   * classic dashboard (no `id`, a panel `datasource` from its first query, no `hide: false` on queries); see
   * ui-save.ts.
   */
  readonly dashboardSaveModel: 'classic' | 'scenes' | 'scenes-13';
  /**
   * How a threshold base step of -Infinity is saved: `null` (JSON) or `0` (`convertInfinity` of
   * `sortedDeepCloneWithoutNulls`, PR #105037, May 2025: 12.1+).
   */
  readonly thresholdBaseOnSave: 'null' | 'zero';
  /**
   * Fields of a search hit that came later: `orgId` (in the spec from 2025-04: 12.x) and `isDeleted` (from
   * 2024-07, the recently-deleted feature: taken as 11.6+, the 11.2 release being uncertain).
   */
  readonly searchHitFields: { readonly orgId: boolean; readonly isDeleted: boolean };
  /** Body of a dashboard DELETE: `{id,message,title}` (10.4 spec) or `{message,title,uid}` (11+). */
  readonly dashboardDeleteBody: 'id' | 'uid';
}

/** 12.x; 13.x starts from it. */
const TWELVE: Profile = {
  name: '12.x',
  version: '12.1.1',
  commit: 'sim-12-1',
  uniqueDashboardTitles: false,
  uniqueFolderTitles: false,
  dashboardMetaApiVersion: true,
  folderNotFound: 'errutil',
  folderDeleteBody: 'plain',
  uniqueRuleTitles: false,
  ruleConflictPrefix: false,
  recordingRules: 'enabled',
  ruleFields: {
    keepFiringFor: true,
    notificationSettings: true,
    record: true,
    missingSeriesEvalsToResolve: true,
  },
  keepLastState: true,
  ruleGroupDelete: true,
  relaxedProvenance: true,
  provenanceMessage: '12',
  notificationVersions: true,
  contactPointErrors: 'errutil',
  routeErrors: 'errutil',
  templateNotFound: 'errutil',
  templateErrors: 'errutil',
  minimalServiceAccountUser: true,
  alertmanagerConflictStatus: 409,
  ruleConflictMessage: 'sentence',
  kubernetesApis: true,
  appPlatformVersions: { dashboards: ['v1beta1', 'v2alpha1', 'v2beta1'], folders: ['v1beta1'] },
  dashboardSchemaVersion: 41,
  folderOrgId: 1,
  maxNestedFolderDepth: { default: 4, configurable: false },
  laterContactPointTypes: ['sns', 'mqtt', 'jira'],
  ruleProvenanceMismatch: 'errutil',
  convertedPrometheusProvenance: true,
  dashboardSaveModel: 'scenes',
  thresholdBaseOnSave: 'zero',
  searchHitFields: { orgId: true, isDeleted: true },
  dashboardDeleteBody: 'uid',
};

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  '10.4': {
    name: '10.4',
    version: '10.4.18',
    commit: 'sim-10-4',
    uniqueDashboardTitles: true,
    uniqueFolderTitles: true,
    dashboardMetaApiVersion: false,
    folderNotFound: 'legacy',
    folderDeleteBody: 'plain',
    uniqueRuleTitles: true,
    ruleConflictPrefix: false,
    recordingRules: 'absent',
    ruleFields: {
      keepFiringFor: false,
      notificationSettings: true,
      record: false,
      missingSeriesEvalsToResolve: false,
    },
    keepLastState: false,
    ruleGroupDelete: false,
    relaxedProvenance: false,
    provenanceMessage: '11',
    notificationVersions: false,
    contactPointErrors: 'legacy',
    routeErrors: 'legacy',
    templateNotFound: 'empty',
    templateErrors: 'legacy',
    minimalServiceAccountUser: false,
    alertmanagerConflictStatus: 500,
    ruleConflictMessage: 'bracketed',
    kubernetesApis: false,
    appPlatformVersions: { dashboards: [], folders: [] },
    dashboardSchemaVersion: 39,
    folderOrgId: 0,
    maxNestedFolderDepth: { default: 4, configurable: false },
    laterContactPointTypes: [],
    ruleProvenanceMismatch: 'legacy',
    convertedPrometheusProvenance: false,
    dashboardSaveModel: 'classic',
    thresholdBaseOnSave: 'null',
    searchHitFields: { orgId: false, isDeleted: false },
    dashboardDeleteBody: 'id',
  },
  '11.2': {
    name: '11.2',
    version: '11.2.10',
    commit: 'sim-11-2',
    uniqueDashboardTitles: true,
    uniqueFolderTitles: true,
    dashboardMetaApiVersion: false,
    folderNotFound: 'legacy',
    folderDeleteBody: 'plain',
    uniqueRuleTitles: true,
    ruleConflictPrefix: true,
    recordingRules: 'disabled',
    ruleFields: {
      keepFiringFor: false,
      notificationSettings: true,
      record: true,
      missingSeriesEvalsToResolve: false,
    },
    keepLastState: false,
    ruleGroupDelete: true,
    relaxedProvenance: true,
    provenanceMessage: '11',
    notificationVersions: true,
    contactPointErrors: 'errutil',
    routeErrors: 'legacy',
    templateNotFound: 'errutil',
    templateErrors: 'errutil',
    minimalServiceAccountUser: false,
    alertmanagerConflictStatus: 500,
    ruleConflictMessage: 'bracketed',
    kubernetesApis: false,
    appPlatformVersions: { dashboards: [], folders: [] },
    dashboardSchemaVersion: 39,
    folderOrgId: 0,
    maxNestedFolderDepth: { default: 4, configurable: false },
    laterContactPointTypes: ['sns'],
    ruleProvenanceMismatch: 'legacy',
    convertedPrometheusProvenance: false,
    dashboardSaveModel: 'classic',
    thresholdBaseOnSave: 'null',
    searchHitFields: { orgId: false, isDeleted: false },
    dashboardDeleteBody: 'uid',
  },
  '11.6': {
    name: '11.6',
    version: '11.6.4',
    commit: 'sim-11-6',
    uniqueDashboardTitles: false,
    uniqueFolderTitles: false,
    dashboardMetaApiVersion: false,
    folderNotFound: 'errutil',
    folderDeleteBody: 'plain',
    uniqueRuleTitles: true,
    ruleConflictPrefix: true,
    recordingRules: 'disabled',
    ruleFields: {
      keepFiringFor: true,
      notificationSettings: true,
      record: true,
      missingSeriesEvalsToResolve: false,
    },
    keepLastState: true,
    ruleGroupDelete: true,
    relaxedProvenance: true,
    provenanceMessage: '11',
    notificationVersions: true,
    contactPointErrors: 'errutil',
    routeErrors: 'errutil',
    templateNotFound: 'errutil',
    templateErrors: 'errutil',
    minimalServiceAccountUser: false,
    alertmanagerConflictStatus: 409,
    ruleConflictMessage: 'sentence',
    kubernetesApis: false,
    appPlatformVersions: { dashboards: [], folders: [] },
    dashboardSchemaVersion: 41,
    folderOrgId: 1,
    maxNestedFolderDepth: { default: 4, configurable: false },
    laterContactPointTypes: ['sns', 'mqtt', 'jira'],
    ruleProvenanceMismatch: 'errutil',
    convertedPrometheusProvenance: true,
    dashboardSaveModel: 'scenes',
    thresholdBaseOnSave: 'null',
    searchHitFields: { orgId: false, isDeleted: true },
    dashboardDeleteBody: 'uid',
  },
  '12.x': TWELVE,
  '13.x': {
    ...TWELVE,
    name: '13.x',
    version: '13.0.1',
    commit: 'sim-13-0',
    dashboardSchemaVersion: 42,
    appPlatformVersions: {
      dashboards: ['v1beta1', 'v1', 'v2alpha1', 'v2beta1', 'v2'],
      folders: ['v1beta1', 'v1'],
    },
    maxNestedFolderDepth: { default: 4, configurable: true },
    laterContactPointTypes: ['sns', 'mqtt', 'jira', 'wechat'],
    dashboardSaveModel: 'scenes-13',
  },
};

export function isProfileName(value: string): value is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(value);
}
