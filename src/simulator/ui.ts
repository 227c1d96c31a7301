/**
 * Changing Grafana "as a person would": the edits drift detection must notice. Dashboards, folders, data sources,
 * mute timings and templates are saved through the same code the UI's save uses (a new dashboard version, history
 * entry, optional frontend defaults).
 *
 * Alerting objects provisioned through the API (provenance `api`) are locked in the real UI. The alerting helpers
 * therefore act like an administrator editing the database: they change the object and KEEP its provenance, and
 * they skip the provenance rules. Objects they create get provenance `""`, as the UI would give them.
 */
import type { UiSaveOptions } from './ui-save.ts';
import { classicToV2 } from './dashboard-v2.ts';
import { uiSaveModel } from './ui-save.ts';
import type { JsonObject } from '../core/json.ts';
import { isJsonObject } from '../core/json.ts';
import { routeReceivers } from './contact-points.ts';
import type { SimContext } from './context.ts';
import { findDashboard, saveDashboard } from './dashboards.ts';
import { findDataSource } from './datasources.ts';
import { changeFolder, findFolder, insertFolder } from './folders.ts';
import { cloneJson } from './json-input.ts';
import { normaliseRoute } from './policies.ts';
import { readRule, ruleOutput } from './rule-model.ts';
import { rulesOfGroup } from './alert-rules.ts';
import { replaceGroup } from './rule-groups.ts';
import { normaliseTemplate } from './templates.ts';
import { normaliseTimeIntervals } from './time-intervals.ts';

/** A UI edit could not be made (unknown object, or Grafana would reject the result). */
export class UiEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UiEditError';
  }
}

export interface EditDashboardOptions {
  /** Version-history note. */
  readonly message?: string;
  /**
   * Save through the profile's frontend save model (ui-save.ts) instead of sending the edited JSON as it is: what
   * the classic or Scenes UI writes for the dashboard, made editable first; `true` means every panel rendered.
   */
  readonly uiSave?: boolean | UiSaveOptions;
}

export interface RuleGroupEdit {
  interval: number;
  /** Rules in the read-back (GET) form; remove, reorder, change or add (without uid) as a person would. */
  rules: JsonObject[];
}

export interface UiHelpers {
  /** Saves a new version of a dashboard the way the UI's save does; returns the new version. */
  editDashboard(uid: string, mutate: (dashboard: JsonObject) => void, options?: EditDashboardOptions): number;
  deleteDashboard(uid: string): void;
  /**
   * Saves a dashboard as 13.x's UI does with dynamic dashboards on: in the v2 schema (through
   * `dashboard.grafana.app/v2`), converted from what is stored; `mutate` changes the v2 spec first (wrap the
   * layout in tabs, move a panel). Needs a profile that serves v2.
   */
  saveDashboardAsV2(uid: string, mutate?: (spec: JsonObject) => void): void;
  /**
   * What Git Sync writes when it syncs a repository: a dashboard managed by the repository (`grafana.app/managedBy:
   * repo`, `managerId` the repository, `sourcePath` its file), through the provisioning service's identity.
   */
  gitSyncDashboard(input: {
    readonly repository: string;
    readonly uid: string;
    readonly title: string;
    readonly folderUid?: string;
  }): void;
  /** What Git Sync writes for a folder of the repository (`grafana.app/managedBy: repo`), at the root. */
  gitSyncFolder(input: { readonly repository: string; readonly uid: string; readonly title: string }): void;
  editFolder(uid: string, patch: { readonly title?: string; readonly description?: string }): void;
  /** Changes plain fields of a data source (`jsonData`, `url`, …); secrets through `secureJsonData`. */
  editDataSource(uid: string, mutate: (datasource: JsonObject) => void): void;
  /** Merges settings into a contact point (secure values in clear); provenance is kept. */
  editContactPointSettings(uid: string, patch: JsonObject): void;
  /** Deletes one integration as the contact point page does; refused while a policy needs the receiver. */
  deleteContactPoint(uid: string): void;
  /** Changes the policy tree; provenance is kept. */
  editPolicyTree(mutate: (tree: JsonObject) => void): void;
  /** Changes a rule group; provenance of existing rules is kept, new rules get `""`. */
  editRuleGroup(folderUid: string, group: string, mutate: (group: RuleGroupEdit) => void): void;
  editMuteTiming(name: string, mutate: (timeIntervals: JsonObject[]) => void): void;
  editTemplate(name: string, template: string): void;
}

export function createUiHelpers(sim: () => SimContext, changed: () => void): UiHelpers {
  const done = (): void => changed();
  return {
    editDashboard(uid, mutate, options = {}) {
      const s = sim();
      const stored = findDashboard(s, uid);
      if (stored === undefined) throw new UiEditError(`dashboard ${uid} does not exist`);
      const dashboard = cloneJson(stored.data);
      dashboard['version'] = stored.version;
      mutate(dashboard);
      const save = options.uiSave;
      const body =
        save === undefined || save === false
          ? dashboard
          : uiSaveModel(s.profile, dashboard, save === true ? {} : save);
      const response = saveDashboard(
        s,
        {
          dashboard: body,
          folderUid: stored.folderUid,
          folderId: 0,
          overwrite: false,
          message: options.message ?? '',
        },
        'admin',
      );
      if (response.status !== 200)
        throw new UiEditError(`the UI save failed: ${JSON.stringify(response.body)}`);
      done();
      return findDashboard(s, uid)?.version ?? stored.version + 1;
    },
    saveDashboardAsV2(uid, mutate) {
      const s = sim();
      const stored = findDashboard(s, uid);
      if (stored === undefined) throw new UiEditError(`dashboard ${uid} does not exist`);
      // The newest v2 version the release serves: what its UI saves through.
      const v2 = s.profile.appPlatformVersions.dashboards.filter((v) => v.startsWith('v2')).at(-1);
      if (v2 === undefined) throw new UiEditError(`Grafana ${s.profile.name} serves no v2 dashboards`);
      const { id: _id, version: _version, uid: _uid, ...classic } = cloneJson(stored.data);
      const spec = (stored.storedVersion ?? '').startsWith('v2')
        ? cloneJson(stored.data)
        : classicToV2(classic);
      delete spec['id'];
      delete spec['uid'];
      delete spec['version'];
      mutate?.(spec);
      s.written(stored, true);
      stored.data = spec;
      stored.storedVersion = v2;
      stored.version += 1;
      stored.updated = s.now();
      stored.updatedBy = 'admin';
      stored.history.push({
        version: stored.version,
        created: stored.updated,
        createdBy: 'admin',
        message: '',
      });
      done();
    },
    gitSyncDashboard(input) {
      const s = sim();
      if (findDashboard(s, input.uid) !== undefined)
        throw new UiEditError(`dashboard ${input.uid} exists already`);
      const folderUid = input.folderUid ?? '';
      if (folderUid !== '' && findFolder(s, folderUid) === undefined)
        throw new UiEditError(`folder ${folderUid} does not exist`);
      const now = s.now();
      s.state.dashboards.push({
        id: s.nextDashboardId(),
        uid: input.uid,
        title: input.title,
        folderUid,
        version: 1,
        data: { uid: input.uid, title: input.title, panels: [], schemaVersion: 41 },
        tags: [],
        created: now,
        updated: now,
        createdBy: 'access-policy:provisioning',
        updatedBy: 'access-policy:provisioning',
        provisioned: false,
        pluginId: '',
        history: [],
        ...s.newObjectMeta(),
        annotations: {
          'grafana.app/managedBy': 'repo',
          'grafana.app/managerId': input.repository,
          'grafana.app/sourcePath': `dashboards/${input.uid}.json`,
        },
        storedVersion: 'v1beta1',
      });
      done();
    },
    gitSyncFolder(input) {
      const s = sim();
      if (findFolder(s, input.uid) !== undefined) throw new UiEditError(`folder ${input.uid} exists already`);
      const folder = insertFolder(
        s,
        { uid: input.uid, title: input.title, description: '', parentUid: '' },
        'access-policy:provisioning',
      );
      folder.annotations = {
        'grafana.app/managedBy': 'repo',
        'grafana.app/managerId': input.repository,
        'grafana.app/sourcePath': `${input.uid}/`,
      };
      done();
    },
    deleteDashboard(uid) {
      const s = sim();
      if (findDashboard(s, uid) === undefined) throw new UiEditError(`dashboard ${uid} does not exist`);
      s.state.dashboards = s.state.dashboards.filter((d) => d.uid !== uid);
      done();
    },
    editFolder(uid, patch) {
      const s = sim();
      const folder = findFolder(s, uid);
      if (folder === undefined) throw new UiEditError(`folder ${uid} does not exist`);
      changeFolder(s, folder, patch, 'admin');
      done();
    },
    editDataSource(uid, mutate) {
      const s = sim();
      const ds = findDataSource(s, uid);
      if (ds === undefined) throw new UiEditError(`data source ${uid} does not exist`);
      const view: JsonObject = {
        name: ds.name,
        url: ds.url,
        access: ds.access,
        user: ds.user,
        database: ds.database,
        basicAuth: ds.basicAuth,
        basicAuthUser: ds.basicAuthUser,
        withCredentials: ds.withCredentials,
        isDefault: ds.isDefault,
        jsonData: structuredClone(ds.jsonData),
        secureJsonData: {},
      };
      mutate(view);
      const str = (key: string, fallback: string): string =>
        typeof view[key] === 'string' ? view[key] : fallback;
      const bool = (key: string, fallback: boolean): boolean =>
        typeof view[key] === 'boolean' ? view[key] : fallback;
      ds.name = str('name', ds.name);
      ds.url = str('url', ds.url);
      ds.access = str('access', ds.access);
      ds.user = str('user', ds.user);
      ds.database = str('database', ds.database);
      ds.basicAuth = bool('basicAuth', ds.basicAuth);
      ds.basicAuthUser = str('basicAuthUser', ds.basicAuthUser);
      ds.withCredentials = bool('withCredentials', ds.withCredentials);
      ds.isDefault = bool('isDefault', ds.isDefault);
      if (isJsonObject(view['jsonData'])) ds.jsonData = view['jsonData'];
      const secure = view['secureJsonData'];
      if (isJsonObject(secure))
        for (const [key, value] of Object.entries(secure))
          if (typeof value === 'string') ds.secureJsonData[key] = value;
      ds.version += 1;
      done();
    },
    editContactPointSettings(uid, patch) {
      const s = sim();
      const integration = s.state.integrations.find((i) => i.uid === uid);
      if (integration === undefined) throw new UiEditError(`contact point ${uid} does not exist`);
      integration.settings = { ...integration.settings, ...structuredClone(patch) };
      s.alertmanagerChanged();
      done();
    },
    deleteContactPoint(uid) {
      const s = sim();
      const integration = s.state.integrations.find((i) => i.uid === uid);
      if (integration === undefined) throw new UiEditError(`contact point ${uid} does not exist`);
      const last = !s.state.integrations.some((i) => i !== integration && i.name === integration.name);
      if (last && routeReceivers(s.state.policy.tree).includes(integration.name))
        throw new UiEditError(`contact point ${integration.name} is used by a notification policy`);
      s.state.integrations = s.state.integrations.filter((i) => i !== integration);
      s.alertmanagerChanged();
      done();
    },
    editPolicyTree(mutate) {
      const s = sim();
      const tree = structuredClone(s.state.policy.tree);
      mutate(tree);
      s.state.policy.tree = normaliseRoute(tree);
      s.alertmanagerChanged();
      done();
    },
    editRuleGroup(folderUid, group, mutate) {
      const s = sim();
      const rules = rulesOfGroup(s, folderUid, group);
      const edit: RuleGroupEdit = {
        interval: rules[0]?.intervalSeconds ?? s.settings.defaultRuleIntervalSeconds,
        rules: rules.map((r) => ruleOutput(s.profile, r)),
      };
      mutate(edit);
      const inputs = edit.rules.map((r) => readRule(r, s.profile));
      const error = replaceGroup(s, folderUid, group, edit.interval, inputs, {
        provenance: '',
        ignoreProvenance: true,
      });
      if (error !== undefined)
        throw new UiEditError(`the rule group edit failed: ${JSON.stringify(error.body)}`);
      done();
    },
    editMuteTiming(name, mutate) {
      const s = sim();
      const m = s.state.muteTimings.find((t) => t.name === name);
      if (m === undefined) throw new UiEditError(`mute timing ${name} does not exist`);
      const intervals = m.timeIntervals.filter(isJsonObject).map((i) => structuredClone(i));
      mutate(intervals);
      m.timeIntervals = normaliseTimeIntervals(intervals);
      s.alertmanagerChanged();
      done();
    },
    editTemplate(name, template) {
      const s = sim();
      const t = s.state.templates.find((x) => x.name === name);
      const text = normaliseTemplate(name, template);
      if (t === undefined) s.state.templates.push({ name, template: text, provenance: '' });
      else t.template = text;
      s.alertmanagerChanged();
      done();
    },
  };
}
