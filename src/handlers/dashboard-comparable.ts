import { parseDuration } from '../core/duration.ts';
import { PANEL_DEFAULTS, mergeDefaults } from './panel-defaults.ts';
import { asArray, asRecord, asString } from './shared.ts';

/**
 * The comparable form of a dashboard: the JSON without what Grafana or its UI own, add or rewrite when a person
 * saves it unchanged, so that such a save is no drift while every change a person makes still is. Each rule
 * names the save path that makes it necessary (grafana/grafana public/app/features/dashboard/state/ for the
 * classic UI up to 11.2, public/app/features/dashboard-scene/serialization/ for Scenes from 11.3); rules that
 * differ between the two paths are where the comparison has to accept either.
 */

/** Grafana raises a shorter or unreadable auto-refresh to its `min_refresh_interval` (5 s by default). */
const MIN_REFRESH_MS = 5_000;

/** Top-level keys the UI writes with these values when they are absent: absent means the same. */
const UI_DEFAULTS: Readonly<Record<string, unknown>> = {
  // DashboardModel: `editable = data.editable !== false`.
  editable: true,
  fiscalYearStartMonth: 0,
  graphTooltip: 0,
  links: [],
  // Scenes writes `liveNow` only when true.
  liveNow: false,
  // Scenes writes `preload: false` (createDashboardSceneFromDashboardModel); the classic model has no such field.
  preload: false,
  tags: [],
  timepicker: {},
  weekStart: '',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * `sortedDeepCloneWithoutNulls` (public/app/core/utils/object.ts), run by both save paths: nulls go, at any depth.
 * A subtree without nulls is kept as it is (shared, never changed), so a model that has none is not copied.
 */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      const cleaned = withoutNulls(item);
      if (cleaned !== item && out === undefined) out = value.slice(0, i);
      if (out !== undefined) out.push(cleaned);
    }
    return out ?? value;
  }
  if (!isRecord(value)) return value;
  let out: Record<string, unknown> | undefined;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i] ?? '';
    const v = value[key];
    const drop = v === null || v === undefined;
    const cleaned = drop ? undefined : withoutNulls(v);
    if (out === undefined && (drop || cleaned !== v)) {
      out = {};
      for (let j = 0; j < i; j += 1) {
        const kept = keys[j] ?? '';
        out[kept] = value[kept];
      }
    }
    if (out !== undefined && !drop) out[key] = cleaned;
  }
  return out ?? value;
}

/**
 * The base step of thresholds has no value that counts: the frontend sets it to -Infinity (`fixThresholds`),
 * which JSON writes as null, 12.1+ writes as 0 (`convertInfinity`, PR #105037), and a panel that never rendered
 * saves without it.
 */
function thresholdsWithoutBase(thresholds: unknown): unknown {
  if (!isRecord(thresholds)) return thresholds;
  const steps = asArray(thresholds.steps).map((s, i) => {
    if (i !== 0 || !isRecord(s)) return s;
    const { value: _base, ...rest } = s;
    return rest;
  });
  return { ...thresholds, steps };
}

/** The first query's data source as `{type, uid}`: 13.x writes it as the panel's when the panel has none. */
function firstTargetDatasource(targets: unknown): unknown {
  for (const t of asArray(targets)) {
    const ds = asRecord(t).datasource;
    if (isRecord(ds) && (ds.uid !== undefined || ds.type !== undefined))
      return {
        ...(ds.type === undefined ? {} : { type: ds.type }),
        ...(ds.uid === undefined ? {} : { uid: ds.uid }),
      };
  }
  return undefined;
}

function comparablePanel(panel: unknown): unknown {
  const p = { ...asRecord(panel) };
  // Set by the frontend when the plugin loads (`PanelModel.pluginLoaded`, `VizPanel._pluginLoaded`).
  delete p.pluginVersion;
  // `PanelModel` defaults / Scenes `vizPanelToPanel` drop a false `transparent` and an idle `repeatDirection`.
  if (p.transparent === false) delete p.transparent;
  if (p.repeat === undefined || p.repeat === '') delete p.repeatDirection;
  if (p.type === 'row') {
    // `gridRowToSaveModel` rebuilds a row at x 0, full width, height 1.
    const grid = asRecord(p.gridPos);
    p.gridPos = { x: 0, y: grid.y ?? 0, w: 24, h: 1 };
    p.panels = asArray(p.panels).map(comparablePanel);
    return p;
  }
  if (p.datasource !== undefined && same(p.datasource, firstTargetDatasource(p.targets))) delete p.datasource;
  // 13.x drops `hide: false` from queries ("consistency with Go backend").
  if (Array.isArray(p.targets))
    p.targets = p.targets.map((t) => {
      const target = { ...asRecord(t) };
      if (target.hide === false) delete target.hide;
      return target;
    });
  const defaults = typeof p.type === 'string' ? PANEL_DEFAULTS[p.type] : undefined;
  const fieldConfig = asRecord(p.fieldConfig);
  let fieldDefaults: unknown = fieldConfig.defaults ?? {};
  if (defaults !== undefined) {
    p.options = mergeDefaults(defaults.options, p.options ?? {});
    fieldDefaults = mergeDefaults(defaults.fieldConfigDefaults, fieldDefaults);
  }
  const fd = asRecord(fieldDefaults);
  p.fieldConfig = {
    ...fieldConfig,
    defaults: 'thresholds' in fd ? { ...fd, thresholds: thresholdsWithoutBase(fd.thresholds) } : fd,
    overrides: fieldConfig.overrides ?? [],
  };
  return p;
}

/**
 * Variables: what `sceneVariablesSetToVariables` drops (`auto*` outside interval variables, `multi: false`,
 * `skipUrlSync: false`, `hide: 0`), what `applyVariableChanges` deletes (`current.selected`), and what the classic
 * variable state adds (`hide: 0`, `regex: ''`) are all the same as absent; so are empty `options`.
 */
function comparableVariable(variable: unknown): unknown {
  const v = { ...asRecord(variable) };
  if (v.type !== 'interval') {
    delete v.auto;
    delete v.auto_count;
    delete v.auto_min;
  }
  for (const [key, idle] of [
    ['multi', false],
    ['skipUrlSync', false],
    ['hide', 0],
    ['regex', ''],
    ['allValue', ''],
    ['label', ''],
    ['sort', 0],
  ] as const)
    if (v[key] === idle) delete v[key];
  if (Array.isArray(v.options) && v.options.length === 0) delete v.options;
  if (isRecord(v.current)) {
    const { selected: _selected, ...current } = v.current;
    v.current = current;
  }
  return v;
}

/**
 * The dashboard JSON in its comparable form. `desiredSchema`: the live `schemaVersion` counts as the desired one
 * (both save paths write the frontend's own constant, lower or higher than ours, `transformSceneToSaveModel` /
 * `DashboardMigrator.updateSchema`; no migration runs for a version above the frontend's).
 */
export function comparableDashboard(model: unknown, desiredSchema?: unknown): unknown {
  const { id: _id, version: _version, ...rest } = asRecord(withoutNulls(model));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest))
    if (!(key in UI_DEFAULTS && same(UI_DEFAULTS[key], value))) out[key] = value;
  out.panels = asArray(rest.panels).map(comparablePanel);
  const annotations = asRecord(rest.annotations);
  // The built-in "Annotations & Alerts" query `DashboardModel.addBuiltInAnnotationQuery` adds on every load.
  out.annotations = {
    ...annotations,
    list: asArray(annotations.list).filter((x) => asRecord(x).builtIn !== 1),
  };
  const templating = asRecord(rest.templating);
  out.templating = { ...templating, list: asArray(templating.list).map(comparableVariable) };
  const refresh = asString(rest.refresh);
  const ms = refresh === undefined ? undefined : parseDuration(refresh);
  if (ms !== undefined && ms > 0 && ms < MIN_REFRESH_MS) out.refresh = '5s';
  if (typeof desiredSchema === 'number' && typeof rest.schemaVersion === 'number')
    out.schemaVersion = desiredSchema;
  return out;
}

/**
 * The comparable form of a v2 dashboard: what is written is what is read back (the v2 schema has no server-side
 * migration to undo), so only nulls go.
 */
export function comparableDashboardV2(model: unknown): unknown {
  return withoutNulls(model);
}
