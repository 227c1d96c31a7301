/**
 * What Grafana's frontend sends when a person opens a dashboard, makes it editable if it is not, and saves it
 * without changing anything: the save model of each profile's UI, from the frontend's source.
 *
 * - classic (10.4, 11.2): `DashboardModel` (constructor, `getSaveModelClone`), `PanelModel.getSaveModel` and the
 *   variable adapters, grafana/grafana public/app/features/dashboard/state/ and public/app/features/variables/;
 * - Scenes (11.6, 12.x): `transformSaveModelToScene` to load (which still builds a `DashboardModel` "just to have
 *   migrations run"), `transformSceneToSaveModel` / `vizPanelToPanel` / `gridRowToSaveModel` /
 *   `sceneVariablesSetToVariables` to save, and `applyVariableChanges` (saving/getDashboardChanges.ts) restoring
 *   time, refresh and variable values when "save current values" is left unticked (the default).
 *
 * Panels whose plugin loaded (rendered, so scrolled into view and not in a collapsed row) also get the plugin's
 * defaults merged in (`getPanelOptionsWithDefaults`), their threshold base set to -Infinity (`fixThresholds`) and
 * a `pluginVersion`; which panels loaded is the caller's choice, as it is the person's scrolling.
 *
 * Written apart from the SDK's saved form (src/define/dashboard-saved-form.ts) and comparison
 * (src/handlers/dashboard-comparable.ts, panel-defaults.ts) on purpose, though the facts are the same: a simulator
 * built on the client's own tables would agree with any mistake in them.
 */
import type { JsonObject, JsonValue } from '../core/json.ts';
import { isJsonObject } from '../core/json.ts';
import type { Profile } from './profiles.ts';

export interface UiSaveOptions {
  /** Which panels rendered before the save (their plugin loaded): all, none, or by panel. Default: all. */
  readonly loaded?: 'all' | 'none' | ((panel: JsonObject) => boolean);
}

/** Marks the -Infinity `fixThresholds` writes until serialisation turns it into null (JSON) or 0 (12.1+). */
const MINUS_INFINITY = Symbol('-Infinity');
type Value = JsonValue | typeof MINUS_INFINITY;

const BUILT_IN = {
  builtIn: 1,
  datasource: { type: 'grafana', uid: '-- Grafana --' },
  enable: true,
  hide: true,
  iconColor: 'rgba(0, 211, 255, 1)',
  name: 'Annotations & Alerts',
  type: 'dashboard',
};

/** Default thresholds of the standard field config registry (green, red at 80). */
const THRESHOLDS = (): JsonObject => ({
  mode: 'absolute',
  steps: [
    { color: 'green', value: null },
    { color: 'red', value: 80 },
  ],
});

/**
 * Builder defaults per core panel plugin (@grafana/data, @grafana/ui, @grafana/schema 10.4.0 / 11.2.0; the panels'
 * module.tsx): what `getPanelOptionsWithDefaults` merges under a loaded panel's own values.
 */
function pluginDefaults(type: string): { options: JsonObject; fieldConfig: JsonObject } | undefined {
  const reduce = { calcs: ['lastNotNull'], fields: '', values: false };
  switch (type) {
    case 'timeseries':
      return {
        options: {
          legend: { calcs: [], displayMode: 'list', placement: 'bottom', showLegend: true },
          tooltip: { mode: 'single', sort: 'none' },
        },
        fieldConfig: {
          color: { mode: 'palette-classic' },
          mappings: [],
          thresholds: THRESHOLDS(),
          custom: {
            axisBorderShow: false,
            axisCenteredZero: false,
            axisColorMode: 'text',
            axisLabel: '',
            axisPlacement: 'auto',
            barAlignment: 0,
            barWidthFactor: 0.6,
            drawStyle: 'line',
            fillOpacity: 0,
            gradientMode: 'none',
            hideFrom: { legend: false, tooltip: false, viz: false },
            insertNulls: false,
            lineInterpolation: 'linear',
            lineWidth: 1,
            pointSize: 5,
            scaleDistribution: { type: 'linear' },
            showPoints: 'auto',
            spanNulls: false,
            stacking: { group: 'A', mode: 'none' },
            thresholdsStyle: { mode: 'off' },
          },
        },
      };
    case 'stat':
      return {
        options: {
          colorMode: 'value',
          graphMode: 'area',
          justifyMode: 'auto',
          orientation: 'auto',
          percentChangeColorMode: 'standard',
          reduceOptions: reduce,
          showPercentChange: false,
          textMode: 'auto',
          wideLayout: true,
        },
        fieldConfig: { mappings: [], thresholds: THRESHOLDS() },
      };
    case 'gauge':
      return {
        options: {
          minVizHeight: 75,
          minVizWidth: 75,
          orientation: 'auto',
          reduceOptions: reduce,
          showThresholdLabels: false,
          showThresholdMarkers: true,
          sizing: 'auto',
        },
        fieldConfig: { mappings: [], thresholds: THRESHOLDS() },
      };
    case 'table':
      return {
        options: {
          footer: { fields: '', reducer: ['sum'], show: false },
          oneClickLinks: false,
          showHeader: true,
        },
        fieldConfig: {
          custom: { align: 'auto', cellOptions: { type: 'auto' }, inspect: false },
          mappings: [],
          thresholds: THRESHOLDS(),
        },
      };
    case 'logs':
      return { options: { enableInfiniteScrolling: false }, fieldConfig: {} };
    default:
      return undefined;
  }
}

/** lodash `mergeWith({}, defaults, ours, arraysReplace)`. */
function merge(defaults: JsonValue | undefined, ours: JsonValue | undefined): JsonValue | undefined {
  if (ours === undefined) return defaults;
  if (!isJsonObject(defaults) || !isJsonObject(ours)) return ours;
  const out: JsonObject = { ...defaults };
  for (const [k, v] of Object.entries(ours)) {
    const merged = merge(defaults[k], v);
    if (merged !== undefined) out[k] = merged;
  }
  return out;
}

function obj(value: JsonValue | undefined): JsonObject {
  return isJsonObject(value) ? value : {};
}

function list(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

/** A panel's plugin loaded: defaults merged, thresholds fixed, the plugin version recorded. */
function pluginLoaded(panel: JsonObject, profile: Profile): Record<string, Value> {
  const type = typeof panel['type'] === 'string' ? panel['type'] : '';
  const defaults = pluginDefaults(type);
  const out: Record<string, Value> = { ...panel };
  const fieldConfig = obj(panel['fieldConfig']);
  const fieldDefaults = obj(merge(defaults?.fieldConfig, obj(fieldConfig['defaults'])));
  const thresholds = fieldDefaults['thresholds'];
  let fixed: Record<string, Value> | undefined;
  if (isJsonObject(thresholds)) {
    const steps: Value[] = list(thresholds['steps']).map((s, i) =>
      i === 0 && isJsonObject(s) ? ({ ...s, value: MINUS_INFINITY } as unknown as Value) : s,
    );
    fixed = { ...thresholds, mode: thresholds['mode'] ?? 'absolute', steps: steps as JsonValue[] };
  }
  out['fieldConfig'] = {
    ...fieldConfig,
    defaults: { ...fieldDefaults, ...(fixed === undefined ? {} : { thresholds: fixed as JsonObject }) },
    overrides: list(fieldConfig['overrides']),
  };
  if (defaults !== undefined) out['options'] = obj(merge(defaults.options, obj(panel['options'])));
  // Classic: only plugins with a migration handler record a version (stat, table); Scenes: every loaded panel.
  if (profile.dashboardSaveModel !== 'classic' || type === 'stat' || type === 'table')
    out['pluginVersion'] = profile.version;
  return out;
}

/** `DashboardModel.ensurePanelsHaveUniqueIds` then `sortPanelsByGridPos`, on load in both UIs. */
function loadPanels(panels: JsonValue[]): JsonObject[] {
  const top = panels.filter(isJsonObject).map((p) => ({ ...p }));
  const all: JsonObject[] = [];
  for (const p of top) {
    all.push(p);
    if (Array.isArray(p['panels'])) {
      p['panels'] = p['panels'].filter(isJsonObject).map((inner) => ({ ...inner }));
      all.push(...(p['panels'] as JsonObject[]));
    }
  }
  let next = Math.max(0, ...all.map((p) => (typeof p['id'] === 'number' ? p['id'] : 0))) + 1;
  const seen = new Set<number>();
  for (const p of all) {
    const id = p['id'];
    if (typeof id !== 'number' || id === 0 || seen.has(id)) p['id'] = next++;
    seen.add(p['id'] as number);
  }
  const pos = (p: JsonObject, key: 'x' | 'y'): number => {
    const v = obj(p['gridPos'])[key];
    return typeof v === 'number' ? v : 0;
  };
  return top.sort((a, b) => pos(a, 'y') - pos(b, 'y') || pos(a, 'x') - pos(b, 'x'));
}

/** Classic `PanelModel.getSaveModel`: properties equal to the model's defaults are not saved. */
function classicPanel(panel: JsonObject): JsonObject {
  const out = { ...panel };
  if (out['transparent'] === false) delete out['transparent'];
  return out;
}

/** Scenes `vizPanelToPanel` / `gridRowToSaveModel`. */
function scenesPanel(panel: JsonObject): JsonObject {
  if (panel['type'] === 'row') {
    const grid = obj(panel['gridPos']);
    return {
      type: 'row',
      id: panel['id'] ?? 0,
      title: panel['title'] ?? '',
      gridPos: { x: 0, y: grid['y'] ?? 0, w: 24, h: 1 },
      collapsed: panel['collapsed'] === true,
      panels: list(panel['panels']).filter(isJsonObject).map(scenesPanel),
      ...(typeof panel['repeat'] === 'string' ? { repeat: panel['repeat'] } : {}),
    };
  }
  const out = { ...panel };
  if (out['transparent'] !== true) delete out['transparent'];
  if (typeof out['repeat'] !== 'string' || out['repeat'] === '') delete out['repeatDirection'];
  if (list(out['links']).length === 0) delete out['links'];
  if (list(out['transformations']).length === 0) delete out['transformations'];
  return out;
}

/**
 * What 13.x's Scenes save does beyond earlier Scenes (transformSceneToSaveModel and createPanelDataProvider of
 * 13.0/13.1 main, read in dated forks): a panel without a data source gets its first query's `{type, uid}`, a query's
 * `hide: false` is dropped ("consistency with Go backend"), an empty panel description is dropped.
 */
function scenes13Panel(panel: JsonObject): JsonObject {
  if (panel['type'] === 'row') return panel;
  const out = { ...panel };
  const targets = list(out['targets']).filter(isJsonObject);
  if (out['datasource'] === undefined) {
    const first = targets
      .map((t) => obj(t['datasource']))
      .find((ds) => ds['uid'] !== undefined || ds['type'] !== undefined);
    if (first !== undefined)
      out['datasource'] = {
        ...(first['type'] === undefined ? {} : { type: first['type'] }),
        ...(first['uid'] === undefined ? {} : { uid: first['uid'] }),
      };
  }
  if (Array.isArray(out['targets']))
    out['targets'] = targets.map((t) => {
      const target = { ...t };
      if (target['hide'] === false) delete target['hide'];
      return target;
    });
  if (out['description'] === '') delete out['description'];
  return out;
}

/** Variables as each UI saves them, values restored from what was loaded (save-current-values unticked). */
function saveVariable(variable: JsonObject, profile: Profile): JsonObject {
  const v = { ...variable };
  const type = v['type'];
  if (profile.dashboardSaveModel === 'classic') {
    // The variable state starts from the adapter's initial state (hide 0, regex '', data source refresh 1).
    v['hide'] ??= 0;
    if (type === 'query' || type === 'datasource') v['regex'] ??= '';
    if (type === 'datasource') v['refresh'] ??= 1;
    return v;
  }
  if (type !== 'interval') {
    delete v['auto'];
    delete v['auto_count'];
    delete v['auto_min'];
  }
  if (type === 'datasource') v['refresh'] = 1;
  if (v['hide'] === 0) delete v['hide'];
  if (v['skipUrlSync'] !== true) delete v['skipUrlSync'];
  if (v['label'] === '') delete v['label'];
  if (v['multi'] !== true) delete v['multi'];
  if (v['sort'] === 0) delete v['sort'];
  if (isJsonObject(v['current'])) {
    const { selected: _selected, ...current } = v['current'];
    v['current'] = current;
  }
  return v;
}

/** `sortedDeepCloneWithoutNulls`: sorted keys, no nulls; -Infinity as JSON writes it, or 0 (`convertInfinity`). */
function serialise(value: Value, infinity: 'null' | 'zero'): JsonValue | undefined {
  if (value === MINUS_INFINITY) return infinity === 'zero' ? 0 : null;
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.map((v) => serialise(v, infinity) ?? null);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) {
    const v = serialise(value[key] as Value, infinity);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Top-level fields the classic `DashboardModel` constructor assigns; any other key is lost on its save. */
const CLASSIC_FIELDS = [
  'id',
  'uid',
  'title',
  'description',
  'tags',
  'timezone',
  'weekStart',
  'editable',
  'graphTooltip',
  'time',
  'timepicker',
  'liveNow',
  'templating',
  'annotations',
  'refresh',
  'schemaVersion',
  'fiscalYearStartMonth',
  'version',
  'links',
  'gnetId',
  'panels',
];

/** Fields `transformSceneToSaveModel` writes for a classic-model dashboard. */
const SCENES_FIELDS = [
  'annotations',
  'description',
  'editable',
  'fiscalYearStartMonth',
  'graphTooltip',
  'id',
  'links',
  'liveNow',
  'panels',
  'preload',
  'refresh',
  'schemaVersion',
  'tags',
  'templating',
  'time',
  'timepicker',
  'timezone',
  'title',
  'uid',
  'version',
  'weekStart',
];

/** The body the profile's UI saves for `stored` (the dashboard JSON as GET returns it), made editable first. */
export function uiSaveModel(profile: Profile, stored: JsonObject, options: UiSaveOptions = {}): JsonObject {
  const loaded = options.loaded ?? 'all';
  const isLoaded = (p: JsonObject): boolean =>
    p['type'] !== 'row' && (loaded === 'all' ? true : loaded === 'none' ? false : loaded(p));
  const d: JsonObject = { ...stored };
  // "Make editable", then the load: DashboardModel's defaults, the frontend's schema version (updateSchema writes
  // its own constant first; no migration runs for a higher one), the built-in annotation, ids and order.
  d['editable'] = true;
  d['weekStart'] ??= '';
  d['timepicker'] ??= {};
  d['fiscalYearStartMonth'] ??= 0;
  d['graphTooltip'] = typeof d['graphTooltip'] === 'number' ? d['graphTooltip'] : 0;
  d['tags'] ??= [];
  d['schemaVersion'] = profile.dashboardSchemaVersion;
  const annotations = obj(d['annotations']);
  const annotationList = list(annotations['list']);
  if (!annotationList.some((a) => isJsonObject(a) && a['builtIn'] === 1)) annotationList.unshift(BUILT_IN);
  d['annotations'] = { ...annotations, list: annotationList };
  const save =
    profile.dashboardSaveModel === 'classic'
      ? classicPanel
      : profile.dashboardSaveModel === 'scenes-13'
        ? (p: JsonObject) => scenes13Panel(scenesPanel(p))
        : scenesPanel;
  // Panels inside a collapsed row never render, so their plugin never loads.
  const withPlugins = (p: JsonObject, hidden = false): JsonObject => {
    const collapsed = p['type'] === 'row' && p['collapsed'] === true;
    const row = Array.isArray(p['panels'])
      ? { ...p, panels: p['panels'].filter(isJsonObject).map((inner) => withPlugins(inner, collapsed)) }
      : p;
    return save((!hidden && isLoaded(row) ? pluginLoaded(row, profile) : row) as JsonObject);
  };
  d['panels'] = loadPanels(list(d['panels'])).map((p) => withPlugins(p));
  const templating = obj(d['templating']);
  d['templating'] = {
    ...templating,
    list: list(templating['list'])
      .filter(isJsonObject)
      .map((v) => saveVariable(v, profile)),
  };
  if (profile.dashboardSaveModel !== 'classic') {
    d['preload'] = d['preload'] === true;
    if (d['liveNow'] !== true) delete d['liveNow'];
  }
  // 13.x deletes the id ("Make sure we never save an internal ID").
  if (profile.dashboardSaveModel === 'scenes-13') delete d['id'];
  const fields = profile.dashboardSaveModel === 'classic' ? CLASSIC_FIELDS : SCENES_FIELDS;
  const kept: Record<string, Value> = {};
  for (const key of fields) if (d[key] !== undefined) kept[key] = d[key] as Value;
  return obj(serialise(kept as unknown as Value, profile.thresholdBaseOnSave));
}
