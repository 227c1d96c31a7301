/**
 * A Grafana HTTP API simulator: an in-process HTTP server that answers the endpoints publish and drift use with
 * Grafana 10.4 / 11.x / 12.x behaviour (status codes, error bodies, versioning, redaction, provenance, quirks),
 * with fault injection. It is a test double of Grafana's HTTP API, not Grafana. See README.md beside this file.
 */
import { parseDuration } from '../core/duration.ts';
import type { MarkRequest } from './admin.ts';
import { createAdminHandler, TEST_DOUBLE_NOTICE } from './admin.ts';
import { LoginAttempts } from './auth.ts';
import { SimContext } from './context.ts';
import type { FaultConfig } from './faults.ts';
import { FaultEngine } from './faults.ts';
import type { Profile, ProfileName } from './profiles.ts';
import { PROFILES } from './profiles.ts';
import { RequestLog } from './request-log.ts';
import { apiRoutes } from './routes.ts';
import { DEFAULT_SECURE_SETTINGS } from './secure-settings.ts';
import { SimulatorServer } from './server.ts';
import type { StateData } from './state.ts';
import { initialState } from './state.ts';
import { loadState, saveState } from './state-file.ts';
import type { UiHelpers } from './ui.ts';
import { createUiHelpers } from './ui.ts';

export type { FaultConfig, FaultRule, FaultType } from './faults.ts';
export type { Profile, ProfileName } from './profiles.ts';
export { PROFILES, PROFILE_NAMES, isProfileName } from './profiles.ts';
export type { RequestLog, RequestLogEntry, WriteFilter } from './request-log.ts';
export type { EditDashboardOptions, RuleGroupEdit, UiHelpers } from './ui.ts';
export { UiEditError } from './ui.ts';
export type { MarkRequest } from './admin.ts';
export type { StateData } from './state.ts';
export { TEST_DOUBLE_NOTICE };
export { ADMIN_PREFIX } from './server.ts';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Grafana release to behave like; default '11.6'. */
  readonly profile?: ProfileName;
  /**
   * Only this Bearer token (and Basic admin:admin) is accepted; default: any non-empty Bearer token. When set, the
   * `/__sim/*` control endpoints (all but `GET /__sim`) need this token too.
   */
  readonly token?: string;
  /** A Bearer token with read-only rights: writes get the RBAC 403. */
  readonly viewerToken?: string;
  /** Load the state from this JSON file (when it exists) and write it back after every change and on close. */
  readonly stateFile?: string;
  readonly faults?: FaultConfig;
  /** Override the profile's recording-rule availability. */
  readonly recordingRules?: boolean;
  /** Override the version `/api/health` and `buildInfo` report. */
  readonly version?: string;
  /** `min_refresh_interval`; default "5s". */
  readonly minRefreshInterval?: string;
  /** Override or add secure-setting keys per contact point type. */
  readonly secureSettings?: Readonly<Record<string, readonly string[]>>;
  /**
   * `[folder] max_nested_folder_depth` where the profile reads it (13.x: default 4, clamped to 7, 0 or less
   * means 4; grafana/grafana pkg/setting/setting_folder.go `maxDeptFolderSettings`, PR #118592). Earlier
   * profiles have the constant `MaxNestedFolderDepth` = 4 and refuse this option.
   */
  readonly maxNestedFolderDepth?: number;
  /** `/apis` ignores custom annotations, as an early 12.x on legacy storage does (12.x and 13.x profiles). */
  readonly legacyStorage?: boolean;
}

export interface AdminHelpers {
  /** Marks a dashboard, or a data source, the way file provisioning or a plugin would. */
  mark(request: MarkRequest): void;
}

export interface Simulator {
  /** `http://host:port`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly profile: Profile;
  /** Every request received (admin ones flagged), with helpers to count writes. */
  readonly requests: RequestLog;
  /** Changes as a person in the Grafana UI would make them. */
  readonly ui: UiHelpers;
  readonly admin: AdminHelpers;
  /** The current fault configuration. */
  readonly faults: FaultConfig;
  /** Replace the fault configuration (counters and PRNG restart). */
  setFaults(faults: FaultConfig): void;
  /** Back to a fresh organisation (default contact point and policy tree); the request log is cleared too. */
  reset(): void;
  /** A deep copy of the whole state, secrets included. */
  state(): StateData;
  close(): Promise<void>;
}

/** The nesting limit of a run: the profile's constant, or where the profile reads the setting, the setting. */
function nestedFolderDepth(profile: Profile, setting: number | undefined): number {
  if (setting === undefined) return profile.maxNestedFolderDepth.default;
  if (!profile.maxNestedFolderDepth.configurable)
    throw new RangeError(
      `maxNestedFolderDepth: Grafana ${profile.name} has no such setting (the limit is 4)`,
    );
  return setting <= 0 ? profile.maxNestedFolderDepth.default : Math.min(setting, 7);
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const base = PROFILES[options.profile ?? '11.6'];
  const profile: Profile = options.version === undefined ? base : { ...base, version: options.version };
  const minRefresh = parseDuration(options.minRefreshInterval ?? '5s');
  if (minRefresh === undefined)
    throw new RangeError(`minRefreshInterval: not a duration: ${options.minRefreshInterval}`);
  const context = new SimContext(
    (options.stateFile === undefined ? undefined : loadState(options.stateFile)) ?? initialState(),
    profile,
    {
      recordingRules: options.recordingRules ?? profile.recordingRules === 'enabled',
      minRefreshIntervalMs: minRefresh,
      secureSettings: { ...DEFAULT_SECURE_SETTINGS, ...options.secureSettings },
      defaultRuleIntervalSeconds: 60,
      baseIntervalSeconds: 10,
      maxNestedFolderDepth: nestedFolderDepth(profile, options.maxNestedFolderDepth),
      legacyStorage: options.legacyStorage ?? false,
    },
  );
  const persist = (): void => {
    if (options.stateFile !== undefined) saveState(options.stateFile, context.state);
  };
  const faults = new FaultEngine(options.faults ?? {});
  const requests = new RequestLog();
  const attempts = new LoginAttempts();
  const routes = apiRoutes(profile);
  const ui = createUiHelpers(() => context, persist);
  const reset = (): void => {
    context.state = initialState();
    attempts.clear();
    requests.clear();
    persist();
  };
  const mark = (request: MarkRequest): boolean => {
    if (request.kind === 'dashboard') {
      const d = context.state.dashboards.find((x) => x.uid === request.uid);
      if (d === undefined) return false;
      if (request.provisioned !== undefined) d.provisioned = request.provisioned;
      if (request.pluginId !== undefined) d.pluginId = request.pluginId;
    } else if (request.kind === 'rule') {
      const rule = context.state.rules.find((x) => x.uid === request.uid);
      if (rule === undefined) return false;
      if (request.provenance !== undefined) rule.provenance = request.provenance;
    } else {
      const ds = context.state.datasources.find((x) => x.uid === request.uid);
      if (ds === undefined) return false;
      if (request.readOnly !== undefined) ds.readOnly = request.readOnly;
    }
    persist();
    return true;
  };
  const state = (): StateData => structuredClone(context.state);
  const server = new SimulatorServer({
    sim: () => context,
    routes: () => routes,
    faults,
    log: requests,
    auth: { token: options.token, viewerToken: options.viewerToken },
    attempts,
    persist,
    admin: createAdminHandler({
      profile: () => profile,
      requests,
      ui,
      faults: () => faults.current,
      setFaults: (f) => faults.set(f),
      reset,
      state,
      mark,
    }),
  });
  const host = options.host ?? '127.0.0.1';
  const port = await server.listen(options.port ?? 0, host);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closed = false;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    profile,
    requests,
    ui,
    admin: {
      mark(request) {
        if (!mark(request)) throw new RangeError(`${request.kind} ${request.uid} does not exist`);
      },
    },
    get faults() {
      return faults.current;
    },
    setFaults: (f) => faults.set(f),
    reset,
    state,
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      persist();
    },
  };
}
