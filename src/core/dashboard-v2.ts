/**
 * The classic dashboard model the kit builds, written in the v2 schema (Grafana 13's `dashboard.grafana.app/v2`)
 * through the foundation SDK's `dashboardv2` builders, for `grafana.dashboardSchema: 'v2'`. The mapping follows
 * Grafana's own v1 → v2 conversion (grafana/grafana apps/dashboard/pkg/migration/conversion/v1beta1_to_v2*.go and
 * the frontend's `transformSaveModelToSceneV2`): each panel becomes the element `panel-<id>` (its queries a query
 * group of `DataQuery` kinds whose `group` is the data source type and `datasource.name` its uid, its options and
 * field config a `VizConfig` of the panel type), the grid a `GridLayout`, rows a `RowsLayout` whose items count
 * `y` from below the row, variables their v2 kinds, `graphTooltip` the cursor sync, `refresh` and the time
 * picker the time settings. Pure and deterministic: the same classic model gives the same bytes.
 */
import type { Dashboard as ClassicDashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import * as v2 from '@grafana/grafana-foundation-sdk/dashboardv2';
import type { Builder } from '@grafana/grafana-foundation-sdk/cog';

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function number(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

/** A builder of an object already in its v2 form (the SDK takes builders everywhere). */
function built<T>(value: T): Builder<T> {
  return { build: () => value };
}

const CURSOR_SYNC: readonly v2.DashboardCursorSync[] = [
  v2.DashboardCursorSync.Off,
  v2.DashboardCursorSync.Crosshair,
  v2.DashboardCursorSync.Tooltip,
];

const REFRESH: readonly v2.VariableRefresh[] = [
  v2.VariableRefresh.Never,
  v2.VariableRefresh.OnDashboardLoad,
  v2.VariableRefresh.OnTimeRangeChanged,
];

const SORT: readonly v2.VariableSort[] = [
  v2.VariableSort.Disabled,
  v2.VariableSort.AlphabeticalAsc,
  v2.VariableSort.AlphabeticalDesc,
  v2.VariableSort.NumericalAsc,
  v2.VariableSort.NumericalDesc,
  v2.VariableSort.AlphabeticalCaseInsensitiveAsc,
  v2.VariableSort.AlphabeticalCaseInsensitiveDesc,
  v2.VariableSort.NaturalAsc,
  v2.VariableSort.NaturalDesc,
];

const HIDE: readonly v2.VariableHide[] = [
  v2.VariableHide.DontHide,
  v2.VariableHide.HideLabel,
  v2.VariableHide.HideVariable,
];

/** A `DataQuery` of a data source reference `{type, uid}`; the query's own fields are its spec. */
function dataQuery(datasource: unknown, spec: Json): v2.DataQueryKind {
  const ds = record(datasource);
  const uid = text(ds.uid);
  return {
    kind: 'DataQuery',
    group: text(ds.type) ?? '',
    version: 'v0',
    ...(uid === undefined ? {} : { datasource: { name: uid } }),
    spec,
  };
}

function option(value: unknown): v2.VariableOption {
  const current = record(value);
  const pick = (v: unknown): string | string[] =>
    Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v : String(v ?? '');
  return { text: pick(current.text), value: pick(current.value) };
}

/** The selection settings data source and query variables share. */
interface Selectable<B> {
  current(current: v2.VariableOption): B;
  multi(multi: boolean): B;
  includeAll(includeAll: boolean): B;
  hide(hide: v2.VariableHide): B;
  allowCustomValue(allowCustomValue: boolean): B;
  label(label: string): B;
  allValue(allValue: string): B;
}

function selection<B extends Selectable<B>>(builder: B, v: Json, hide: v2.VariableHide): B {
  builder
    .current(option(v.current))
    .multi(v.multi === true)
    .includeAll(v.includeAll === true)
    .hide(hide)
    .allowCustomValue(v.allowCustomValue !== false);
  const label = text(v.label);
  if (label !== undefined) builder.label(label);
  const all = text(v.allValue);
  if (all !== undefined) builder.allValue(all);
  return builder;
}

function variable(model: unknown): Builder<v2.VariableKind> | undefined {
  const v = record(model);
  const name = text(v.name) ?? '';
  const label = text(v.label);
  const hide = HIDE[number(v.hide, 0)] ?? v2.VariableHide.DontHide;
  switch (v.type) {
    case 'datasource':
      return selection(
        new v2.DatasourceVariableBuilder(name)
          .pluginId(text(v.query) ?? '')
          .refresh(REFRESH[number(v.refresh, 1)] ?? v2.VariableRefresh.OnDashboardLoad)
          .regex(text(v.regex) ?? ''),
        v,
        hide,
      );
    case 'query': {
      const query = typeof v.query === 'string' ? { query: v.query } : record(v.query);
      const b = new v2.QueryVariableBuilder(name)
        .query(built(dataQuery(v.datasource, query)))
        .refresh(REFRESH[number(v.refresh, 1)] ?? v2.VariableRefresh.OnDashboardLoad)
        .regex(text(v.regex) ?? '')
        .sort(SORT[number(v.sort, 0)] ?? v2.VariableSort.Disabled);
      const definition = text(v.definition);
      if (definition !== undefined) b.definition(definition);
      return selection(b, v, hide);
    }
    case 'custom': {
      const b = new v2.CustomVariableBuilder(name)
        .query(text(v.query) ?? '')
        .current(option(v.current))
        .options(list(v.options).map(option))
        .multi(v.multi === true)
        .includeAll(v.includeAll === true)
        .hide(hide);
      if (label !== undefined) b.label(label);
      return b;
    }
    case 'interval': {
      const b = new v2.IntervalVariableBuilder(name)
        .query(text(v.query) ?? '')
        .current(option(v.current))
        .options(list(v.options).map(option))
        .hide(hide);
      if (label !== undefined) b.label(label);
      return b;
    }
    case 'textbox': {
      const b = new v2.TextVariableBuilder(name).current(option(v.current)).hide(hide);
      if (label !== undefined) b.label(label);
      return b;
    }
    case 'constant':
      return new v2.ConstantVariableBuilder(name).query(text(v.query) ?? '').hide(hide);
    default:
      return undefined;
  }
}

/** A transformation: its id the group, the rest its spec. */
function transformation(model: unknown): v2.TransformationBuilder {
  const t = record(model);
  const b = new v2.TransformationBuilder().group(text(t.id) ?? '').options(record(t.options));
  if (t.disabled === true) b.disabled(true);
  if (t.filter !== undefined) b.filter(t.filter as v2.MatcherConfig);
  if (t.topic !== undefined) b.topic(t.topic as v2.DataTopic);
  return b;
}

function panelElement(model: unknown): v2.PanelBuilder {
  const p = record(model);
  const queries = list(p.targets).map((t) => {
    const { refId, hide, datasource, ...spec } = record(t);
    return new v2.TargetBuilder()
      .refId(text(refId) ?? 'A')
      .hidden(hide === true)
      .query(built(dataQuery(datasource ?? p.datasource, spec)));
  });
  const options = new v2.QueryOptionsSpecBuilder();
  if (text(p.interval) !== undefined) options.interval(text(p.interval) ?? '');
  if (typeof p.maxDataPoints === 'number') options.maxDataPoints(p.maxDataPoints);
  if (text(p.timeFrom) !== undefined) options.timeFrom(text(p.timeFrom) ?? '');
  if (text(p.timeShift) !== undefined) options.timeShift(text(p.timeShift) ?? '');
  const fieldConfig = record(p.fieldConfig);
  const panel = new v2.PanelBuilder()
    .id(number(p.id, 0))
    .title(text(p.title) ?? '')
    .links(list(p.links).map((l) => built(l as v2.DataLink)))
    .data(
      new v2.QueryGroupBuilder()
        .targets(queries)
        .transformations(list(p.transformations).map(transformation))
        .queryOptions(options),
    )
    .visualization(
      new v2.VizConfigKindBuilder()
        .group(text(p.type) ?? '')
        .version(text(p.pluginVersion) ?? '')
        .spec({
          options: record(p.options),
          fieldConfig: {
            defaults: record(fieldConfig.defaults),
            overrides: list(fieldConfig.overrides) as v2.FieldConfigSource['overrides'],
          },
        }),
    );
  if (text(p.description) !== undefined) panel.description(text(p.description) ?? '');
  if (p.transparent === true) panel.transparent(true);
  return panel;
}

function elementName(panel: Json): string {
  return `panel-${number(panel.id, 0)}`;
}

function gridItem(panel: Json, top: number): v2.GridItemBuilder {
  const grid = record(panel.gridPos);
  const item = new v2.GridItemBuilder()
    .name(elementName(panel))
    .x(number(grid.x, 0))
    .y(Math.max(0, number(grid.y, 0) - top))
    .width(number(grid.w, 12))
    .height(number(grid.h, 8));
  const repeat = text(panel.repeat);
  if (repeat !== undefined && repeat !== '') {
    const direction = panel.repeatDirection === 'v' ? 'v' : 'h';
    item.repeat(
      built<v2.RepeatOptions>({
        mode: v2.RepeatMode.Variable,
        value: repeat,
        direction,
        ...(typeof panel.maxPerRow === 'number' ? { maxPerRow: panel.maxPerRow } : {}),
      }),
    );
  }
  return item;
}

/** The classic model in the v2 schema. */
export function dashboardV2Of(classic: ClassicDashboard): v2.Dashboard {
  const model = classic as unknown as Json;
  const dashboard = new v2.DashboardBuilder(text(model.title) ?? '');
  const rows: { row: Json; items: v2.GridItemBuilder[] }[] = [];
  const top: v2.GridItemBuilder[] = [];
  let current = top;
  let rowTop = 0;
  for (const entry of list(model.panels)) {
    const panel = record(entry);
    if (panel.type === 'row') {
      const items: v2.GridItemBuilder[] = [];
      rowTop = number(record(panel.gridPos).y, 0) + 1;
      for (const inner of list(panel.panels)) {
        dashboard.element(elementName(record(inner)), panelElement(inner));
        items.push(gridItem(record(inner), rowTop));
      }
      rows.push({ row: panel, items });
      current = items;
      continue;
    }
    dashboard.element(elementName(panel), panelElement(panel));
    current.push(gridItem(panel, current === top ? 0 : rowTop));
  }
  if (rows.length === 0) {
    dashboard.layout(new v2.GridBuilder().items(top));
  } else {
    const layout = new v2.RowsBuilder();
    if (top.length > 0)
      layout.row(new v2.RowBuilder().hideHeader(true).layout(new v2.GridBuilder().items(top)));
    for (const { row, items } of rows) {
      const b = new v2.RowBuilder()
        .title(text(row.title) ?? '')
        .collapse(row.collapsed === true)
        .layout(new v2.GridBuilder().items(items));
      const repeat = text(row.repeat);
      if (repeat !== undefined && repeat !== '')
        b.repeat(built({ mode: v2.RepeatMode.Variable, value: repeat }));
      layout.row(b);
    }
    dashboard.layout(layout);
  }
  if (text(model.description) !== undefined) dashboard.description(text(model.description) ?? '');
  dashboard
    .tags(list(model.tags).map(String))
    .editable(model.editable !== false)
    .cursorSync(CURSOR_SYNC[number(model.graphTooltip, 0)] ?? v2.DashboardCursorSync.Off)
    .liveNow(model.liveNow === true)
    .preload(model.preload === true)
    .links(list(model.links).map((l) => built(l as v2.DashboardLink)))
    .variables(list(record(model.templating).list).flatMap((v) => variable(v) ?? []))
    .annotations(
      list(record(model.annotations).list).map((a) => {
        const { datasource, enable, hide, iconColor, name, builtIn, target, ...legacy } = record(a);
        const b = new v2.AnnotationQueryBuilder()
          .query(built(dataQuery(datasource, record(target))))
          .enable(enable !== false)
          .hide(hide === true)
          .iconColor(text(iconColor) ?? '')
          .name(text(name) ?? '')
          .builtIn(builtIn === 1 || builtIn === true);
        if (Object.keys(legacy).length > 0) b.legacyOptions(legacy);
        return b;
      }),
    );
  const time = record(model.time);
  const picker = record(model.timepicker);
  const settings = new v2.TimeSettingsBuilder()
    .from(text(time.from) ?? 'now-6h')
    .to(text(time.to) ?? 'now')
    .autoRefresh(text(model.refresh) ?? '')
    .hideTimepicker(picker.hidden === true)
    .fiscalYearStartMonth(number(model.fiscalYearStartMonth, 0));
  if (text(model.timezone) !== undefined) settings.timezone(text(model.timezone) ?? '');
  const intervals = list(picker.refresh_intervals);
  if (intervals.length > 0) settings.autoRefreshIntervals(intervals.map(String));
  const week = model.weekStart;
  if (week === 'saturday' || week === 'monday' || week === 'sunday') settings.weekStart(week);
  dashboard.timeSettings(settings);
  return dashboard.build();
}

/** A dashboard in the v2 schema (elements and a layout) rather than the classic model (panels). */
export function isDashboardV2(spec: unknown): spec is v2.Dashboard {
  const r = record(spec);
  return typeof r.elements === 'object' && r.elements !== null && typeof r.layout === 'object';
}
