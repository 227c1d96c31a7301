/**
 * What Grafana's frontend merges into a panel when its plugin loads (`getPanelOptionsWithDefaults`,
 * grafana/grafana packages/grafana-data/src/panel/getPanelOptionsWithDefaults.ts: `mergeWith({}, plugin.defaults,
 * ours)`, arrays replaced, for options and `fieldConfig.defaults`), per core panel type, read from the builders'
 * `defaultValue`s (@grafana/data, @grafana/ui and @grafana/schema 10.4.0 and 11.2.0; the panels' module.tsx). A
 * person's save of a panel that rendered carries them; one that did not render does not. The comparison fills
 * them into both sides, so neither counts. Defaults that only some releases have (`barWidthFactor`,
 * `oneClickLinks`, `enableInfiniteScrolling`) are filled too: on a release without them both sides still agree.
 */

type Json = Readonly<Record<string, unknown>>;

export interface PanelDefaults {
  readonly options: Json;
  readonly fieldConfigDefaults: Json;
}

/** The standard field config: `mappings` (registry default `[]`) and the default thresholds, green then red at 80. */
const STANDARD: Json = {
  mappings: [],
  thresholds: {
    mode: 'absolute',
    steps: [
      { color: 'green', value: null },
      { color: 'red', value: 80 },
    ],
  },
};

const REDUCE = { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false } };

export const PANEL_DEFAULTS: Readonly<Record<string, PanelDefaults>> = {
  timeseries: {
    options: {
      legend: { calcs: [], displayMode: 'list', placement: 'bottom', showLegend: true },
      tooltip: { mode: 'single', sort: 'none' },
    },
    fieldConfigDefaults: {
      ...STANDARD,
      color: { mode: 'palette-classic' },
      custom: {
        axisBorderShow: false,
        axisCenteredZero: false,
        axisColorMode: 'text',
        axisLabel: '',
        axisPlacement: 'auto',
        barAlignment: 0,
        barWidthFactor: 0.6,
        drawStyle: 'line',
        gradientMode: 'none',
        hideFrom: { legend: false, tooltip: false, viz: false },
        insertNulls: false,
        lineInterpolation: 'linear',
        pointSize: 5,
        scaleDistribution: { type: 'linear' },
        showPoints: 'auto',
        spanNulls: false,
        stacking: { group: 'A', mode: 'none' },
        thresholdsStyle: { mode: 'off' },
      },
    },
  },
  stat: {
    options: {
      ...REDUCE,
      colorMode: 'value',
      graphMode: 'area',
      justifyMode: 'auto',
      orientation: 'auto',
      percentChangeColorMode: 'standard',
      showPercentChange: false,
      textMode: 'auto',
      wideLayout: true,
    },
    fieldConfigDefaults: STANDARD,
  },
  gauge: {
    options: {
      ...REDUCE,
      minVizHeight: 75,
      minVizWidth: 75,
      orientation: 'auto',
      showThresholdLabels: false,
      showThresholdMarkers: true,
      sizing: 'auto',
    },
    fieldConfigDefaults: STANDARD,
  },
  table: {
    options: {
      footer: { fields: '', reducer: ['sum'], show: false },
      oneClickLinks: false,
      showHeader: true,
    },
    fieldConfigDefaults: {
      ...STANDARD,
      custom: { align: 'auto', cellOptions: { type: 'auto' }, inspect: false },
    },
  },
  logs: { options: { enableInfiniteScrolling: false }, fieldConfigDefaults: {} },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** lodash `mergeWith({}, defaults, ours, arraysReplace)`: ours wins, objects merge, arrays replace whole. */
export function mergeDefaults(defaults: unknown, ours: unknown): unknown {
  if (ours === undefined) return defaults;
  if (!isRecord(defaults) || !isRecord(ours)) return ours;
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(ours)) out[key] = mergeDefaults(defaults[key], value);
  return out;
}
