/**
 * A panel as code: a kit helper (`timeseriesPanel`, `statPanel`, …) with its queries (`promQuery`, `lokiQuery`,
 * `tempoQuery`) where one gives back exactly the panel Grafana holds, the JSON as it is otherwise. Each helper has
 * a reader that takes its options from the JSON; the call is then evaluated and kept only when its result, placed
 * where the panel was and normalised as a dashboard normalises it, equals the panel. Nothing is guessed: a panel a
 * helper almost makes is written as JSON.
 */
import * as kit from '../kit/index.ts';
import { matchers } from '../config/selector.ts';
import type { Code, Functions } from './code.ts';
import { array, call, object, value } from './code.ts';
import type { ConfigRefs } from './config-refs.ts';
import { jsonCode, queryCode } from './config-refs.ts';

/** The kit helpers the written code may call, by the name it calls them. */
const HELPERS = [
  'gaugePanel',
  'higherIsWorse',
  'logsPanel',
  'lokiQuery',
  'lowerIsWorse',
  'placed',
  'promQuery',
  'row',
  'statPanel',
  'tablePanel',
  'tempoQuery',
  'textPanel',
  'thresholds',
  'timeseriesPanel',
] as const satisfies readonly (keyof typeof kit)[];

export const PANEL_FUNCTIONS: Functions = {
  matchers,
  ...Object.fromEntries(HELPERS.map((name) => [name, kit[name]])),
} as unknown as Functions;

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const rec = (v: unknown): Json => (isRecord(v) ? v : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** The variable refs the kit's queries default to. */
const DEFAULT_REFS: Readonly<Record<string, string>> = {
  prometheus: '${datasource}',
  loki: '${loki}',
  tempo: '${tempo}',
};

const REF_IDS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The components every target declares, when they all declare the same list. */
function sharedComponents(targets: readonly Json[]): readonly string[] | undefined {
  const lists = targets.map((t) => t.components);
  const first = lists[0];
  if (!Array.isArray(first) || !first.every((c) => typeof c === 'string')) return undefined;
  return lists.every((l) => JSON.stringify(l) === JSON.stringify(first)) ? (first as string[]) : undefined;
}

function componentCode(list: readonly string[]): Code {
  return list.length === 1 ? value(list[0]) : value([...list]);
}

/** A target as a kit query call, or undefined when no query helper writes its fields. */
function targetCode(target: Json, index: number, withComponent: boolean, refs: ConfigRefs): Code | undefined {
  const ds = rec(target.datasource);
  const type = str(ds.type);
  if (type === undefined) return undefined;
  const datasource =
    ds.uid === DEFAULT_REFS[type] && Object.keys(ds).length === 2 ? undefined : jsonCode(ds, refs);
  const refId = str(target.refId);
  const refIdCode = refId === undefined || refId === REF_IDS[index] ? undefined : value(refId);
  const components = Array.isArray(target.components) ? (target.components as string[]) : undefined;
  const component = withComponent && components !== undefined ? componentCode(components) : undefined;
  if (type === 'prometheus' && typeof target.expr === 'string') {
    const format = str(target.format);
    const options = object({
      legend: target.legendFormat === undefined ? undefined : value(target.legendFormat),
      instant: target.instant === true ? value(true) : undefined,
      format: format === undefined ? undefined : value(format),
      refId: refIdCode,
      datasource,
      exemplar: target.exemplar === true ? value(true) : undefined,
      interval: target.interval === undefined ? undefined : value(target.interval),
      component,
    });
    const expr = queryCode(target.expr, refs);
    return call('promQuery', hasFields(options) ? [expr, options] : [expr]);
  }
  if (type === 'loki' && typeof target.expr === 'string') {
    const options = object({
      legend: target.legendFormat === undefined ? undefined : value(target.legendFormat),
      instant: target.queryType === 'instant' ? value(true) : undefined,
      refId: refIdCode,
      datasource,
      maxLines: target.maxLines === undefined ? undefined : value(target.maxLines),
      component,
    });
    const expr = queryCode(target.expr, refs);
    return call('lokiQuery', hasFields(options) ? [expr, options] : [expr]);
  }
  if (type === 'tempo' && typeof target.query === 'string') {
    const options = object({
      refId: refIdCode,
      datasource,
      limit: target.limit === undefined ? undefined : value(target.limit),
      component,
    });
    return call('tempoQuery', hasFields(options) ? [value(target.query), options] : [value(target.query)]);
  }
  return undefined;
}

function hasFields(code: Code): boolean {
  return code.kind === 'object' && code.fields.length > 0;
}

/** The common options of a kit panel: title, description, queries and the component they read. */
function baseOptions(panel: Json, refs: ConfigRefs): Record<string, Code | undefined> | undefined {
  const title = str(panel.title);
  const description = str(panel.description);
  if (title === undefined || description === undefined) return undefined;
  const targets = Array.isArray(panel.targets) ? panel.targets.map(rec) : [];
  const shared = sharedComponents(targets);
  const queries = targets.map((t, i) => targetCode(t, i, shared === undefined, refs));
  if (queries.some((q) => q === undefined)) return undefined;
  return {
    title: value(title),
    description: value(description),
    queries: array(queries as Code[]),
    component: shared === undefined ? undefined : componentCode(shared),
  };
}

/** A thresholds builder call for the steps, the kit's named ones first. */
function thresholdsCode(config: unknown): Code | undefined {
  const t = rec(config);
  if (t.mode !== 'absolute' || !Array.isArray(t.steps)) return undefined;
  const steps = t.steps.map(rec);
  const [base, ...rest] = steps;
  if (base === undefined || base.value !== null || typeof base.color !== 'string') return undefined;
  const colours = steps.map((s) => s.color).join(',');
  const values = rest.map((s) => num(s.value));
  if (values.some((v) => v === undefined)) return undefined;
  const [a, b] = values as number[];
  if (colours === 'green,orange,red' && a !== undefined && b !== undefined)
    return call('higherIsWorse', [value(a), value(b)]);
  if (colours === 'red,orange,green' && a !== undefined && b !== undefined)
    return call('lowerIsWorse', [value(a), value(b)]);
  return call('thresholds', [
    value(base.color),
    ...rest.map((s) => value({ color: s.color, from: s.value })),
  ]);
}

/** The numeric options (unit, decimals, min, max, thresholds) of fieldConfig.defaults. */
function numericOptions(panel: Json): Record<string, Code | undefined> | undefined {
  const defaults = rec(rec(panel.fieldConfig).defaults);
  const unit = str(defaults.unit);
  if (unit === undefined) return undefined;
  const t = defaults.thresholds === undefined ? undefined : thresholdsCode(defaults.thresholds);
  if (defaults.thresholds !== undefined && t === undefined) return undefined;
  return {
    unit: value(unit),
    decimals: defaults.decimals === undefined ? undefined : value(defaults.decimals),
    min: defaults.min === undefined ? undefined : value(defaults.min),
    max: defaults.max === undefined ? undefined : value(defaults.max),
    thresholds: t,
  };
}

/** Candidate kit calls for a panel, most specific first; each is checked before it is used. */
export function helperCandidates(panel: Json, refs: ConfigRefs): Code[] {
  const type = str(panel.type);
  if (type === 'row') {
    const title = str(panel.title);
    return title === undefined ? [] : [call('row', [value(title)])];
  }
  if (type === 'text') {
    const options = rec(panel.options);
    const title = str(panel.title);
    const content = str(options.content);
    if (title === undefined || content === undefined) return [];
    return [call('textPanel', [object({ title: value(title), content: value(content) })])];
  }
  const base = baseOptions(panel, refs);
  if (base === undefined) return [];
  const custom = rec(rec(rec(panel.fieldConfig).defaults).custom);
  const options = rec(panel.options);
  switch (type) {
    case 'timeseries': {
      const numeric = numericOptions(panel);
      if (numeric === undefined) return [];
      return [
        call('timeseriesPanel', [
          object({
            ...base,
            ...numeric,
            stack: rec(custom.stacking).mode === 'normal' ? value(true) : undefined,
            showThresholds: rec(custom.thresholdsStyle).mode === 'dashed' ? value(true) : undefined,
          }),
        ]),
      ];
    }
    case 'stat': {
      const numeric = numericOptions(panel);
      if (numeric === undefined) return [];
      const calcs = rec(options.reduceOptions).calcs;
      const reducer = Array.isArray(calcs) ? str(calcs[0]) : undefined;
      return [
        call('statPanel', [
          object({
            ...base,
            ...numeric,
            sparkline: options.graphMode === 'none' ? value(false) : undefined,
            background: options.colorMode === 'background' ? value(true) : undefined,
            reducer: reducer === undefined || reducer === 'lastNotNull' ? undefined : value(reducer),
          }),
        ]),
      ];
    }
    case 'gauge': {
      const numeric = numericOptions(panel);
      return numeric === undefined ? [] : [call('gaugePanel', [object({ ...base, ...numeric })])];
    }
    case 'logs':
      return [call('logsPanel', [object(base)])];
    case 'table': {
      const unit = str(rec(rec(panel.fieldConfig).defaults).unit);
      const overrides = rec(panel.fieldConfig).overrides;
      const columns = Array.isArray(overrides) ? overrides.map(columnOf) : [];
      if (columns.some((c) => c === undefined)) return [];
      const merge = Array.isArray(panel.transformations) && panel.transformations.length > 0;
      return [
        call('tablePanel', [
          object({
            ...base,
            unit: unit === undefined ? undefined : value(unit),
            merge: merge ? undefined : value(false),
            columns: columns.length === 0 ? undefined : value(columns),
          }),
        ]),
      ];
    }
    default:
      return [];
  }
}

/** A table override the kit's `columns` writes: by the value field's name, its header, unit and decimals. */
function columnOf(override: unknown): { title: string; unit: string; decimals?: number } | undefined {
  const o = rec(override);
  const properties = Array.isArray(o.properties) ? o.properties.map(rec) : [];
  const get = (id: string): unknown => properties.find((p) => p.id === id)?.value;
  const title = str(get('displayName'));
  const unit = str(get('unit'));
  const decimals = num(get('decimals'));
  if (title === undefined || unit === undefined) return undefined;
  return decimals === undefined ? { title, unit } : { title, unit, decimals };
}

/** The panel as code at its place: a checked kit call wrapped in `placed`, or its JSON. */
export function panelCode(
  panel: Json,
  refs: ConfigRefs,
  fits: (candidate: unknown) => boolean,
  evaluate: (code: Code) => unknown,
): { readonly code: Code; readonly helper: string | undefined } {
  const gridPos = rec(panel.gridPos);
  const id = num(panel.id);
  for (const candidate of helperCandidates(panel, refs)) {
    const wrapped = call('placed', [candidate, value(gridPos), ...(id === undefined ? [] : [value(id)])]);
    let result: unknown;
    try {
      result = evaluate(wrapped);
    } catch {
      continue;
    }
    if (fits(result))
      return { code: wrapped, helper: candidate.kind === 'call' ? candidate.callee : undefined };
  }
  return { code: jsonCode(panel, refs), helper: undefined };
}
