/** What every handler works with: the state, the version profile and the behaviour settings of this run. */
import { randomUUID } from 'node:crypto';
import type { Profile } from './profiles.ts';
import type { StateData } from './state.ts';
import { timestamp } from './ids.ts';

export interface BehaviourSettings {
  /** Recording rules can be created (profile default, overridable). */
  readonly recordingRules: boolean;
  /** `min_refresh_interval` in ms: a lower dashboard `refresh` is raised to it. */
  readonly minRefreshIntervalMs: number;
  /** Secure settings per contact point type: read back as "[REDACTED]". */
  readonly secureSettings: Readonly<Record<string, readonly string[]>>;
  /** Evaluation interval of a rule group created by POST alert-rules. */
  readonly defaultRuleIntervalSeconds: number;
  /** The scheduler's base interval: group intervals must be multiples of it. */
  readonly baseIntervalSeconds: number;
  /** Levels of subfolders a top-level folder may hold (`MaxNestedFolderDepth`, or 13.x's setting). */
  readonly maxNestedFolderDepth: number;
  /**
   * Dashboards and folders still in legacy SQL storage (some early 12.x installations, dual-writer mode below 3):
   * `/apis` ignores custom labels and annotations ("If they are not yet supported on your instance, they will be
   * ignored", Grafana's 12.0-era dashboard API docs; PR #110988 for mode-2 folders).
   */
  readonly legacyStorage: boolean;
}

export class SimContext {
  state: StateData;
  readonly profile: Profile;
  readonly settings: BehaviourSettings;

  constructor(state: StateData, profile: Profile, settings: BehaviourSettings) {
    this.state = state;
    this.profile = profile;
    this.settings = settings;
  }

  now(): string {
    return timestamp();
  }

  /** Folders and dashboards share one id sequence, as in Grafana's `dashboard` table. */
  nextDashboardId(): number {
    const id = this.state.nextId.dashboard;
    this.state.nextId.dashboard += 1;
    return id;
  }

  nextDataSourceId(): number {
    const id = this.state.nextId.datasource;
    this.state.nextId.datasource += 1;
    return id;
  }

  nextRuleId(): number {
    const id = this.state.nextId.rule;
    this.state.nextId.rule += 1;
    return id;
  }

  /** Kubernetes-style metadata for a new folder or dashboard. */
  newObjectMeta(): { k8sUid: string; generation: number; resourceVersion: number } {
    return { k8sUid: randomUUID(), generation: 1, resourceVersion: this.nextResourceVersion() };
  }

  /** A folder or dashboard was written: new resourceVersion, and a new generation when its spec changed. */
  written(record: { generation: number; resourceVersion: number }, specChanged: boolean): void {
    record.resourceVersion = this.nextResourceVersion();
    if (specChanged) record.generation += 1;
  }

  private nextResourceVersion(): number {
    this.state.resourceVersion += 1;
    return this.state.resourceVersion;
  }

  /** Record a change of the Alertmanager configuration document. */
  alertmanagerChanged(): void {
    this.state.amRevision += 1;
  }
}
