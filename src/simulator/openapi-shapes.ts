/**
 * The properties each response body publish and drift read may carry, per profile, taken as facts from Grafana's
 * OpenAPI description of that release: grafana/grafana `public/api-merged.json`, as generated into
 * grafana/grafana-openapi-client-go `models/*.go` (whose scripts/pull-schema.sh names the Grafana commit):
 *
 * - 10.4: client 861284d1 = grafana/grafana e9163722 (main, the day after v10.4.0);
 * - 11.2 and 11.6: client 9cb2bbfe (grafana e86283e8, 2024-11-13) and beadd313 (grafana 5ddcac86, 2025-04-24),
 *   the fields of the later one that 11.6 most likely has included (11.2 takes the same table: no spec between
 *   the two is stored);
 * - 12.x: client 57b18317 = grafana/grafana tag v12.1.0.
 *
 * Where Grafana's Go code answers with more than its spec says, the addition is listed in EXTRA with the code
 * that writes it; where a handler answers with less than the spec requires, NOT_REQUIRED says so. A test checks
 * every response the simulator gives publish and drift against this table (test/simulator/openapi-shapes.test.ts).
 */
import type { ProfileName } from './profiles.ts';

export interface Shape {
  readonly properties: readonly string[];
  readonly required: readonly string[];
}

export const DEFINITIONS: Readonly<Record<string, Readonly<Record<ProfileName, Shape | null>>>> = {
  HealthResponse: {
    '10.4': null,
    '11.2': { properties: ['commit', 'database', 'enterpriseCommit', 'version'], required: [] },
    '11.6': { properties: ['commit', 'database', 'enterpriseCommit', 'version'], required: [] },
    '12.x': { properties: ['commit', 'database', 'enterpriseCommit', 'version'], required: [] },
  },
  OrgDetailsDTO: {
    '10.4': { properties: ['address', 'id', 'name'], required: [] },
    '11.2': { properties: ['address', 'id', 'name'], required: [] },
    '11.6': { properties: ['address', 'id', 'name'], required: [] },
    '12.x': { properties: ['address', 'id', 'name'], required: [] },
  },
  FolderSearchHit: {
    '10.4': { properties: ['id', 'parentUid', 'title', 'uid'], required: [] },
    '11.2': { properties: ['id', 'parentUid', 'title', 'uid'], required: [] },
    '11.6': { properties: ['id', 'parentUid', 'title', 'uid'], required: [] },
    '12.x': { properties: ['id', 'managedBy', 'parentUid', 'title', 'uid'], required: [] },
  },
  Folder: {
    '10.4': {
      properties: [
        'accessControl',
        'canAdmin',
        'canDelete',
        'canEdit',
        'canSave',
        'created',
        'createdBy',
        'hasAcl',
        'id',
        'orgId',
        'parentUid',
        'parents',
        'title',
        'uid',
        'updated',
        'updatedBy',
        'url',
        'version',
      ],
      required: [],
    },
    '11.2': {
      properties: [
        'accessControl',
        'canAdmin',
        'canDelete',
        'canEdit',
        'canSave',
        'created',
        'createdBy',
        'hasAcl',
        'id',
        'orgId',
        'parentUid',
        'parents',
        'title',
        'uid',
        'updated',
        'updatedBy',
        'url',
        'version',
      ],
      required: [],
    },
    '11.6': {
      properties: [
        'accessControl',
        'canAdmin',
        'canDelete',
        'canEdit',
        'canSave',
        'created',
        'createdBy',
        'hasAcl',
        'id',
        'orgId',
        'parentUid',
        'parents',
        'title',
        'uid',
        'updated',
        'updatedBy',
        'url',
        'version',
      ],
      required: [],
    },
    '12.x': {
      properties: [
        'accessControl',
        'canAdmin',
        'canDelete',
        'canEdit',
        'canSave',
        'created',
        'createdBy',
        'hasAcl',
        'id',
        'managedBy',
        'orgId',
        'parentUid',
        'parents',
        'title',
        'uid',
        'updated',
        'updatedBy',
        'url',
        'version',
      ],
      required: [],
    },
  },
  DeleteFolderOKBody: {
    '10.4': { properties: ['id', 'message', 'title'], required: ['id', 'message', 'title'] },
    '11.2': { properties: ['id', 'message', 'title'], required: ['id', 'message', 'title'] },
    '11.6': { properties: ['id', 'message', 'title'], required: ['id', 'message', 'title'] },
    '12.x': { properties: ['id', 'message', 'title'], required: ['id', 'message', 'title'] },
  },
  Hit: {
    '10.4': {
      properties: [
        'folderId',
        'folderTitle',
        'folderUid',
        'folderUrl',
        'id',
        'isStarred',
        'slug',
        'sortMeta',
        'sortMetaName',
        'tags',
        'title',
        'type',
        'uid',
        'uri',
        'url',
      ],
      required: [],
    },
    '11.2': {
      properties: [
        'folderId',
        'folderTitle',
        'folderUid',
        'folderUrl',
        'id',
        'isDeleted',
        'isStarred',
        'orgId',
        'permanentlyDeleteDate',
        'slug',
        'sortMeta',
        'sortMetaName',
        'tags',
        'title',
        'type',
        'uid',
        'uri',
        'url',
      ],
      required: [],
    },
    '11.6': {
      properties: [
        'folderId',
        'folderTitle',
        'folderUid',
        'folderUrl',
        'id',
        'isDeleted',
        'isStarred',
        'orgId',
        'permanentlyDeleteDate',
        'slug',
        'sortMeta',
        'sortMetaName',
        'tags',
        'title',
        'type',
        'uid',
        'uri',
        'url',
      ],
      required: [],
    },
    '12.x': {
      properties: [
        'folderId',
        'folderTitle',
        'folderUid',
        'folderUrl',
        'id',
        'isDeleted',
        'isStarred',
        'orgId',
        'permanentlyDeleteDate',
        'slug',
        'sortMeta',
        'sortMetaName',
        'tags',
        'title',
        'type',
        'uid',
        'uri',
        'url',
      ],
      required: [],
    },
  },
  PostDashboardOKBody: {
    '10.4': {
      properties: ['folderUid', 'id', 'status', 'title', 'uid', 'url', 'version'],
      required: ['id', 'status', 'title', 'uid', 'url', 'version'],
    },
    '11.2': {
      properties: ['folderUid', 'id', 'status', 'title', 'uid', 'url', 'version'],
      required: ['id', 'status', 'title', 'uid', 'url', 'version'],
    },
    '11.6': {
      properties: ['folderUid', 'id', 'status', 'title', 'uid', 'url', 'version'],
      required: ['id', 'status', 'title', 'uid', 'url', 'version'],
    },
    '12.x': {
      properties: ['folderUid', 'id', 'status', 'title', 'uid', 'url', 'version'],
      required: ['id', 'status', 'title', 'uid', 'url', 'version'],
    },
  },
  DashboardFullWithMeta: {
    '10.4': { properties: ['dashboard', 'meta'], required: [] },
    '11.2': { properties: ['dashboard', 'meta'], required: [] },
    '11.6': { properties: ['dashboard', 'meta'], required: [] },
    '12.x': { properties: ['dashboard', 'meta'], required: [] },
  },
  DashboardMeta: {
    '10.4': {
      properties: [
        'annotationsPermissions',
        'canAdmin',
        'canDelete',
        'canEdit',
        'canSave',
        'canStar',
        'created',
        'createdBy',
        'expires',
        'folderId',
        'folderTitle',
        'folderUid',
        'folderUrl',
        'hasAcl',
        'isFolder',
        'isSnapshot',
        'isStarred',
        'provisioned',
        'provisionedExternalId',
        'publicDashboardEnabled',
        'publicDashboardUid',
        'slug',
        'type',
        'updated',
        'updatedBy',
        'url',
        'version',
      ],
      required: [],
    },
    '11.2': {
      properties: [
        'annotationsPermissions',
        'canAdmin',
        'canDelete',
        'canEdit',
        'canSave',
        'canStar',
        'created',
        'createdBy',
        'expires',
        'folderId',
        'folderTitle',
        'folderUid',
        'folderUrl',
        'hasAcl',
        'isFolder',
        'isSnapshot',
        'isStarred',
        'provisioned',
        'provisionedExternalId',
        'publicDashboardEnabled',
        'slug',
        'type',
        'updated',
        'updatedBy',
        'url',
        'version',
      ],
      required: [],
    },
    '11.6': {
      properties: [
        'annotationsPermissions',
        'canAdmin',
        'canDelete',
        'canEdit',
        'canSave',
        'canStar',
        'created',
        'createdBy',
        'expires',
        'folderId',
        'folderTitle',
        'folderUid',
        'folderUrl',
        'hasAcl',
        'isFolder',
        'isSnapshot',
        'isStarred',
        'provisioned',
        'provisionedExternalId',
        'publicDashboardEnabled',
        'slug',
        'type',
        'updated',
        'updatedBy',
        'url',
        'version',
      ],
      required: [],
    },
    '12.x': {
      properties: [
        'annotationsPermissions',
        'apiVersion',
        'canAdmin',
        'canDelete',
        'canEdit',
        'canSave',
        'canStar',
        'created',
        'createdBy',
        'expires',
        'folderId',
        'folderTitle',
        'folderUid',
        'folderUrl',
        'hasAcl',
        'isFolder',
        'isSnapshot',
        'isStarred',
        'provisioned',
        'provisionedExternalId',
        'publicDashboardEnabled',
        'slug',
        'type',
        'updated',
        'updatedBy',
        'url',
        'version',
      ],
      required: [],
    },
  },
  DeleteDashboardByUIDOKBody: {
    '10.4': { properties: ['id', 'message', 'title'], required: ['id', 'message', 'title'] },
    '11.2': { properties: ['message', 'title', 'uid'], required: ['message', 'title', 'uid'] },
    '11.6': { properties: ['message', 'title', 'uid'], required: ['message', 'title', 'uid'] },
    '12.x': { properties: ['message', 'title', 'uid'], required: ['message', 'title', 'uid'] },
  },
  DataSourceListItemDTO: {
    '10.4': {
      properties: [
        'access',
        'basicAuth',
        'database',
        'id',
        'isDefault',
        'jsonData',
        'name',
        'orgId',
        'readOnly',
        'type',
        'typeLogoUrl',
        'typeName',
        'uid',
        'url',
        'user',
      ],
      required: [],
    },
    '11.2': {
      properties: [
        'access',
        'basicAuth',
        'database',
        'id',
        'isDefault',
        'jsonData',
        'name',
        'orgId',
        'readOnly',
        'type',
        'typeLogoUrl',
        'typeName',
        'uid',
        'url',
        'user',
      ],
      required: [],
    },
    '11.6': {
      properties: [
        'access',
        'basicAuth',
        'database',
        'id',
        'isDefault',
        'jsonData',
        'name',
        'orgId',
        'readOnly',
        'type',
        'typeLogoUrl',
        'typeName',
        'uid',
        'url',
        'user',
      ],
      required: [],
    },
    '12.x': {
      properties: [
        'access',
        'basicAuth',
        'database',
        'id',
        'isDefault',
        'jsonData',
        'name',
        'orgId',
        'readOnly',
        'type',
        'typeLogoUrl',
        'typeName',
        'uid',
        'url',
        'user',
      ],
      required: [],
    },
  },
  DataSource: {
    '10.4': {
      properties: [
        'access',
        'accessControl',
        'basicAuth',
        'basicAuthUser',
        'database',
        'id',
        'isDefault',
        'jsonData',
        'name',
        'orgId',
        'readOnly',
        'secureJsonFields',
        'type',
        'typeLogoUrl',
        'uid',
        'url',
        'user',
        'version',
        'withCredentials',
      ],
      required: [],
    },
    '11.2': {
      properties: [
        'access',
        'accessControl',
        'basicAuth',
        'basicAuthUser',
        'database',
        'id',
        'isDefault',
        'jsonData',
        'name',
        'orgId',
        'readOnly',
        'secureJsonFields',
        'type',
        'typeLogoUrl',
        'uid',
        'url',
        'user',
        'version',
        'withCredentials',
      ],
      required: [],
    },
    '11.6': {
      properties: [
        'access',
        'accessControl',
        'basicAuth',
        'basicAuthUser',
        'database',
        'id',
        'isDefault',
        'jsonData',
        'name',
        'orgId',
        'readOnly',
        'secureJsonFields',
        'type',
        'typeLogoUrl',
        'uid',
        'url',
        'user',
        'version',
        'withCredentials',
      ],
      required: [],
    },
    '12.x': {
      properties: [
        'access',
        'accessControl',
        'basicAuth',
        'basicAuthUser',
        'database',
        'id',
        'isDefault',
        'jsonData',
        'name',
        'orgId',
        'readOnly',
        'secureJsonFields',
        'type',
        'typeLogoUrl',
        'uid',
        'url',
        'user',
        'version',
        'withCredentials',
      ],
      required: [],
    },
  },
  UpdateDataSourceByUIDOKBody: {
    '10.4': {
      properties: ['datasource', 'id', 'message', 'name'],
      required: ['datasource', 'id', 'message', 'name'],
    },
    '11.2': {
      properties: ['datasource', 'id', 'message', 'name'],
      required: ['datasource', 'id', 'message', 'name'],
    },
    '11.6': {
      properties: ['datasource', 'id', 'message', 'name'],
      required: ['datasource', 'id', 'message', 'name'],
    },
    '12.x': {
      properties: ['datasource', 'id', 'message', 'name'],
      required: ['datasource', 'id', 'message', 'name'],
    },
  },
  AddDataSourceOKBody: {
    '10.4': {
      properties: ['datasource', 'id', 'message', 'name'],
      required: ['datasource', 'id', 'message', 'name'],
    },
    '11.2': {
      properties: ['datasource', 'id', 'message', 'name'],
      required: ['datasource', 'id', 'message', 'name'],
    },
    '11.6': {
      properties: ['datasource', 'id', 'message', 'name'],
      required: ['datasource', 'id', 'message', 'name'],
    },
    '12.x': {
      properties: ['datasource', 'id', 'message', 'name'],
      required: ['datasource', 'id', 'message', 'name'],
    },
  },
  SuccessResponseBody: {
    '10.4': { properties: ['message'], required: [] },
    '11.2': { properties: ['message'], required: [] },
    '11.6': { properties: ['message'], required: [] },
    '12.x': { properties: ['message'], required: [] },
  },
  ProvisionedAlertRule: {
    '10.4': {
      properties: [
        'annotations',
        'condition',
        'data',
        'execErrState',
        'folderUID',
        'for',
        'id',
        'isPaused',
        'labels',
        'noDataState',
        'notification_settings',
        'orgID',
        'provenance',
        'ruleGroup',
        'title',
        'uid',
        'updated',
      ],
      required: [
        'condition',
        'data',
        'execErrState',
        'folderUID',
        'for',
        'noDataState',
        'orgID',
        'ruleGroup',
        'title',
      ],
    },
    '11.2': {
      properties: [
        'annotations',
        'condition',
        'data',
        'execErrState',
        'folderUID',
        'for',
        'id',
        'isPaused',
        'keep_firing_for',
        'labels',
        'noDataState',
        'notification_settings',
        'orgID',
        'provenance',
        'record',
        'ruleGroup',
        'title',
        'uid',
        'updated',
      ],
      required: [
        'condition',
        'data',
        'execErrState',
        'folderUID',
        'for',
        'noDataState',
        'orgID',
        'ruleGroup',
        'title',
      ],
    },
    '11.6': {
      properties: [
        'annotations',
        'condition',
        'data',
        'execErrState',
        'folderUID',
        'for',
        'id',
        'isPaused',
        'keep_firing_for',
        'labels',
        'noDataState',
        'notification_settings',
        'orgID',
        'provenance',
        'record',
        'ruleGroup',
        'title',
        'uid',
        'updated',
      ],
      required: [
        'condition',
        'data',
        'execErrState',
        'folderUID',
        'for',
        'noDataState',
        'orgID',
        'ruleGroup',
        'title',
      ],
    },
    '12.x': {
      properties: [
        'annotations',
        'condition',
        'data',
        'execErrState',
        'folderUID',
        'for',
        'id',
        'isPaused',
        'keep_firing_for',
        'labels',
        'missingSeriesEvalsToResolve',
        'noDataState',
        'notification_settings',
        'orgID',
        'provenance',
        'record',
        'ruleGroup',
        'title',
        'uid',
        'updated',
      ],
      required: [
        'condition',
        'data',
        'execErrState',
        'folderUID',
        'for',
        'noDataState',
        'orgID',
        'ruleGroup',
        'title',
      ],
    },
  },
  AlertRuleGroup: {
    '10.4': { properties: ['folderUid', 'interval', 'rules', 'title'], required: [] },
    '11.2': { properties: ['folderUid', 'interval', 'rules', 'title'], required: [] },
    '11.6': { properties: ['folderUid', 'interval', 'rules', 'title'], required: [] },
    '12.x': { properties: ['folderUid', 'interval', 'rules', 'title'], required: [] },
  },
  EmbeddedContactPoint: {
    '10.4': {
      properties: ['disableResolveMessage', 'name', 'provenance', 'settings', 'type', 'uid'],
      required: ['settings', 'type'],
    },
    '11.2': {
      properties: ['disableResolveMessage', 'name', 'provenance', 'settings', 'type', 'uid'],
      required: ['settings', 'type'],
    },
    '11.6': {
      properties: ['disableResolveMessage', 'name', 'provenance', 'settings', 'type', 'uid'],
      required: ['settings', 'type'],
    },
    '12.x': {
      properties: ['disableResolveMessage', 'name', 'provenance', 'settings', 'type', 'uid'],
      required: ['settings', 'type'],
    },
  },
  Route: {
    '10.4': {
      properties: [
        'continue',
        'group_by',
        'group_interval',
        'group_wait',
        'match',
        'match_re',
        'matchers',
        'mute_time_intervals',
        'object_matchers',
        'provenance',
        'receiver',
        'repeat_interval',
        'routes',
      ],
      required: [],
    },
    '11.2': {
      properties: [
        'active_time_intervals',
        'continue',
        'group_by',
        'group_interval',
        'group_wait',
        'match',
        'match_re',
        'matchers',
        'mute_time_intervals',
        'object_matchers',
        'provenance',
        'receiver',
        'repeat_interval',
        'routes',
      ],
      required: [],
    },
    '11.6': {
      properties: [
        'active_time_intervals',
        'continue',
        'group_by',
        'group_interval',
        'group_wait',
        'match',
        'match_re',
        'matchers',
        'mute_time_intervals',
        'object_matchers',
        'provenance',
        'receiver',
        'repeat_interval',
        'routes',
      ],
      required: [],
    },
    '12.x': {
      properties: [
        'active_time_intervals',
        'continue',
        'group_by',
        'group_interval',
        'group_wait',
        'match',
        'match_re',
        'matchers',
        'mute_time_intervals',
        'object_matchers',
        'provenance',
        'receiver',
        'repeat_interval',
        'routes',
      ],
      required: [],
    },
  },
  MuteTimeInterval: {
    '10.4': { properties: ['name', 'time_intervals'], required: [] },
    '11.2': { properties: ['name', 'time_intervals'], required: [] },
    '11.6': { properties: ['name', 'time_intervals'], required: [] },
    '12.x': { properties: ['name', 'time_intervals'], required: [] },
  },
  NotificationTemplate: {
    '10.4': { properties: ['name', 'provenance', 'template'], required: [] },
    '11.2': { properties: ['name', 'provenance', 'template', 'version'], required: [] },
    '11.6': { properties: ['name', 'provenance', 'template', 'version'], required: [] },
    '12.x': { properties: ['name', 'provenance', 'template', 'version'], required: [] },
  },
  Ack: {
    '10.4': { properties: [], required: [] },
    '11.2': { properties: [], required: [] },
    '11.6': { properties: [], required: [] },
    '12.x': { properties: [], required: [] },
  },
};

/** Properties Grafana's code writes beyond its spec, with the code that writes them. */
export const EXTRA: Readonly<Record<string, readonly string[]>> = {
  // `definitions.MuteTimeInterval` embeds the Alertmanager type and adds `version` and `provenance` (both
  // omitempty; pkg/services/ngalert/api/tooling/definitions/provisioning_mute_timings.go); the spec shows only
  // the embedded part (a name clash in the generator).
  MuteTimeInterval: ['provenance', 'version'],
  // `postDashboard` (pkg/api/dashboard.go) answers `util.DynMap{"status","slug","version","id","uid","url",
  // "folderUid"}`: a slug, and no title although the spec requires one.
  PostDashboardOKBody: ['slug'],
  // Assumed (no source line found): data source DELETE answers `{"id","message":"Data source deleted"}`; publish
  // reads nothing of it.
  SuccessResponseBody: ['id'],
};

/**
 * Properties the spec marks required that a handler does not write: `DeleteFolder` answers
 * `{"message":"Folder deleted"}` (pkg/api/folder.go in every release read); the `{id,title,message}` shape exists
 * only in its swagger comment.
 */
export const NOT_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  DeleteFolderOKBody: ['id', 'title'],
  PostDashboardOKBody: ['title'],
};

/** Where a definition sits inside another one's body. */
interface Nested {
  readonly key: string;
  readonly definition: string;
  readonly array: boolean;
}

interface Endpoint {
  readonly method: string;
  readonly pattern: RegExp;
  readonly definition: string;
  readonly array: boolean;
  readonly nested?: readonly Nested[];
}

const ID = '[^/]+';
const ep = (
  method: string,
  path: string,
  definition: string,
  array = false,
  nested?: readonly Nested[],
): Endpoint => ({
  method,
  pattern: new RegExp(`^${path.replaceAll('{id}', ID)}$`),
  definition,
  array,
  ...(nested === undefined ? {} : { nested }),
});

const RULES: Nested = { key: 'rules', definition: 'ProvisionedAlertRule', array: true };

/** The endpoints publish and drift use, with the definition of their 2xx body (the spec's operation responses). */
export const ENDPOINTS: readonly Endpoint[] = [
  ep('GET', '/api/health', 'HealthResponse'),
  ep('GET', '/api/org', 'OrgDetailsDTO'),
  ep('GET', '/api/folders', 'FolderSearchHit', true),
  ep('GET', '/api/folders/{id}', 'Folder'),
  ep('POST', '/api/folders', 'Folder'),
  ep('PUT', '/api/folders/{id}', 'Folder'),
  ep('POST', '/api/folders/{id}/move', 'Folder'),
  ep('DELETE', '/api/folders/{id}', 'DeleteFolderOKBody'),
  ep('GET', '/api/search', 'Hit', true),
  ep('POST', '/api/dashboards/db', 'PostDashboardOKBody'),
  ep('GET', '/api/dashboards/uid/{id}', 'DashboardFullWithMeta', false, [
    { key: 'meta', definition: 'DashboardMeta', array: false },
  ]),
  ep('DELETE', '/api/dashboards/uid/{id}', 'DeleteDashboardByUIDOKBody'),
  ep('GET', '/api/datasources', 'DataSourceListItemDTO', true),
  ep('GET', '/api/datasources/uid/{id}', 'DataSource'),
  ep('PUT', '/api/datasources/uid/{id}', 'UpdateDataSourceByUIDOKBody', false, [
    { key: 'datasource', definition: 'DataSource', array: false },
  ]),
  ep('POST', '/api/datasources', 'AddDataSourceOKBody', false, [
    { key: 'datasource', definition: 'DataSource', array: false },
  ]),
  ep('DELETE', '/api/datasources/uid/{id}', 'SuccessResponseBody'),
  ep('GET', '/api/v1/provisioning/alert-rules', 'ProvisionedAlertRule', true),
  ep('GET', '/api/v1/provisioning/folder/{id}/rule-groups/{id}', 'AlertRuleGroup', false, [RULES]),
  ep('PUT', '/api/v1/provisioning/folder/{id}/rule-groups/{id}', 'AlertRuleGroup', false, [RULES]),
  ep('GET', '/api/v1/provisioning/contact-points', 'EmbeddedContactPoint', true),
  ep('POST', '/api/v1/provisioning/contact-points', 'EmbeddedContactPoint'),
  ep('GET', '/api/v1/provisioning/policies', 'Route'),
  ep('GET', '/api/v1/provisioning/mute-timings', 'MuteTimeInterval', true),
  ep('POST', '/api/v1/provisioning/mute-timings', 'MuteTimeInterval'),
  ep('PUT', '/api/v1/provisioning/mute-timings/{id}', 'MuteTimeInterval'),
  ep('GET', '/api/v1/provisioning/templates', 'NotificationTemplate', true),
  ep('PUT', '/api/v1/provisioning/templates/{id}', 'NotificationTemplate'),
];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectProblems(profile: ProfileName, definition: string, body: unknown, where: string): string[] {
  const shape = DEFINITIONS[definition]?.[profile];
  if (shape === undefined) return [`${where}: no definition ${definition} in the table`];
  if (shape === null) return [];
  if (!isObject(body)) return [`${where}: ${definition} is not an object`];
  const allowed = new Set([...shape.properties, ...(EXTRA[definition] ?? [])]);
  const optional = new Set(NOT_REQUIRED[definition] ?? []);
  const problems: string[] = [];
  for (const key of Object.keys(body))
    if (!allowed.has(key)) problems.push(`${where}: ${definition} has no property ${key}`);
  for (const key of shape.required)
    if (!optional.has(key) && !(key in body)) problems.push(`${where}: ${definition} lacks required ${key}`);
  return problems;
}

/**
 * Why a 2xx body does not fit the profile's OpenAPI description of the endpoint (properties outside it, required
 * ones missing): [] when it fits, or when the endpoint is not in the table.
 */
export function shapeProblems(profile: ProfileName, method: string, path: string, body: unknown): string[] {
  const endpoint = ENDPOINTS.find((e) => e.method === method && e.pattern.test(path));
  if (endpoint === undefined) return [];
  const where = `${method} ${path}`;
  const items = endpoint.array ? (Array.isArray(body) ? body : [undefined]) : [body];
  return items.flatMap((item, i) => {
    const at = endpoint.array ? `${where} [${i}]` : where;
    const own = objectProblems(profile, endpoint.definition, item, at);
    const nested = (endpoint.nested ?? []).flatMap((n) => {
      const value = isObject(item) ? item[n.key] : undefined;
      if (value === undefined) return [];
      const values = n.array && Array.isArray(value) ? value : [value];
      return values.flatMap((v, j) =>
        objectProblems(profile, n.definition, v, `${at} ${n.key}${n.array ? `[${j}]` : ''}`),
      );
    });
    return [...own, ...nested];
  });
}
