/**
 * The simulator's conversions between the classic dashboard model and the v2 schema, for a dashboard read
 * through a version other than the one it was stored in. Grafana converts on read
 * (`RegisterConversions`, grafana/grafana apps/dashboard/pkg/migration/conversion/conversion.go; v2 → v1 through
 * v2beta1 → v2alpha1 → v1, `Convert_V2beta1_to_V1`, conversion/v2.go) and reports the stored version in
 * `status.conversion.storedVersion` (`setConversionStatus`). These are a reduced model of them, written from the
 * v2 schema (apps/dashboard/kinds/v2/dashboard_spec.cue): panels become `panel-<id>` elements in a grid (rows in
 * a RowsLayout); back, tabs and auto grids are flattened into one grid: the structure v2 alone has is lost, as
 * it is by Grafana's own conversion to the classic model.
 */
import type { JsonObject, JsonValue } from '../core/json.ts';
import { isJsonObject } from '../core/json.ts';

function obj(value: JsonValue | undefined): JsonObject {
  return isJsonObject(value) ? value : {};
}

function arr(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

function num(value: JsonValue | undefined, fallback = 0): number {
  return typeof value === 'number' ? value : fallback;
}

const CURSOR_SYNC = ['Off', 'Crosshair', 'Tooltip'];

const VARIABLE_KINDS: Readonly<Record<string, string>> = {
  query: 'QueryVariable',
  custom: 'CustomVariable',
  datasource: 'DatasourceVariable',
  interval: 'IntervalVariable',
  textbox: 'TextVariable',
  constant: 'ConstantVariable',
  adhoc: 'AdhocVariable',
  groupby: 'GroupByVariable',
};

function panelElement(panel: JsonObject): JsonObject {
  const {
    id,
    title,
    description,
    links,
    targets,
    transformations,
    type,
    pluginVersion,
    options,
    fieldConfig,
    interval,
    maxDataPoints,
    datasource: panelDatasource,
  } = panel;
  const queries = arr(targets).map((t): JsonValue => {
    const { refId, hide, datasource, ...rest } = obj(t);
    const ds = obj(datasource ?? panelDatasource);
    return {
      kind: 'PanelQuery',
      spec: {
        refId: typeof refId === 'string' ? refId : 'A',
        hidden: hide === true,
        query: {
          kind: 'DataQuery',
          group: typeof ds['type'] === 'string' ? ds['type'] : '',
          version: 'v0',
          ...(typeof ds['uid'] === 'string' ? { datasource: { name: ds['uid'] } } : {}),
          spec: rest,
        },
      },
    };
  });
  const queryOptions: JsonObject = {};
  if (typeof interval === 'string') queryOptions['interval'] = interval;
  if (typeof maxDataPoints === 'number') queryOptions['maxDataPoints'] = maxDataPoints;
  return {
    kind: 'Panel',
    spec: {
      id: num(id),
      title: typeof title === 'string' ? title : '',
      ...(typeof description === 'string' ? { description } : {}),
      links: arr(links),
      data: {
        kind: 'QueryGroup',
        spec: {
          queries,
          transformations: arr(transformations).map((t) => {
            const { id: group, ...spec } = obj(t);
            return { kind: 'Transformation', group: typeof group === 'string' ? group : '', spec };
          }),
          queryOptions,
        },
      },
      vizConfig: {
        kind: 'VizConfig',
        group: typeof type === 'string' ? type : '',
        version: typeof pluginVersion === 'string' ? pluginVersion : '',
        spec: { options: obj(options), fieldConfig: fieldConfig ?? { defaults: {}, overrides: [] } },
      },
    },
  };
}

/** A grid item; inside a row, `y` counts from below the row's header (`top`). */
function gridItem(panel: JsonObject, name: string, top = 0): JsonObject {
  const grid = obj(panel['gridPos']);
  return {
    kind: 'GridLayoutItem',
    spec: {
      x: num(grid['x']),
      y: Math.max(0, num(grid['y']) - top),
      width: num(grid['w'], 12),
      height: num(grid['h'], 8),
      element: { kind: 'ElementReference', name },
    },
  };
}

/** The classic model as a v2 spec. */
export function classicToV2(model: JsonObject): JsonObject {
  const elements: JsonObject = {};
  const top: JsonValue[] = [];
  const rows: JsonObject[] = [];
  // Panels after an expanded row belong to it; a collapsed row holds its own in `panels`.
  let current = top;
  let rowTop = 0;
  for (const p of arr(model['panels'])) {
    const panel = obj(p);
    if (panel['type'] === 'row') {
      const items: JsonValue[] = [];
      rowTop = num(obj(panel['gridPos'])['y']) + 1;
      for (const inner of arr(panel['panels'])) {
        const name = `panel-${num(obj(inner)['id'])}`;
        elements[name] = panelElement(obj(inner));
        items.push(gridItem(obj(inner), name, rowTop));
      }
      rows.push({
        kind: 'RowsLayoutRow',
        spec: {
          title: typeof panel['title'] === 'string' ? panel['title'] : '',
          collapse: panel['collapsed'] === true,
          layout: { kind: 'GridLayout', spec: { items } },
        },
      });
      current = items;
      continue;
    }
    const name = `panel-${num(panel['id'])}`;
    elements[name] = panelElement(panel);
    current.push(gridItem(panel, name, current === top ? 0 : rowTop));
  }
  const layout: JsonObject =
    rows.length === 0
      ? { kind: 'GridLayout', spec: { items: top } }
      : {
          kind: 'RowsLayout',
          spec: {
            rows: [
              ...(top.length === 0
                ? []
                : [
                    {
                      kind: 'RowsLayoutRow',
                      spec: {
                        title: '',
                        hideHeader: true,
                        layout: { kind: 'GridLayout', spec: { items: top } },
                      },
                    },
                  ]),
              ...rows,
            ],
          },
        };
  const time = obj(model['time']);
  return {
    title: typeof model['title'] === 'string' ? model['title'] : '',
    ...(typeof model['description'] === 'string' ? { description: model['description'] } : {}),
    tags: arr(model['tags']),
    editable: model['editable'] !== false,
    cursorSync: CURSOR_SYNC[num(model['graphTooltip'])] ?? 'Off',
    liveNow: model['liveNow'] === true,
    preload: false,
    links: arr(model['links']),
    annotations: [],
    variables: arr(obj(model['templating'])['list']).map((v) => ({
      kind: VARIABLE_KINDS[String(obj(v)['type'])] ?? 'QueryVariable',
      spec: v,
    })),
    timeSettings: {
      from: typeof time['from'] === 'string' ? time['from'] : 'now-6h',
      to: typeof time['to'] === 'string' ? time['to'] : 'now',
      autoRefresh: typeof model['refresh'] === 'string' ? model['refresh'] : '',
      autoRefreshIntervals: arr(obj(model['timepicker'])['refresh_intervals']),
      hideTimepicker: false,
      fiscalYearStartMonth: 0,
      ...(typeof model['timezone'] === 'string' ? { timezone: model['timezone'] } : {}),
    },
    elements,
    layout,
  };
}

function classicPanel(element: JsonObject, grid: { x: number; y: number; w: number; h: number }): JsonObject {
  const spec = obj(element['spec']);
  const data = obj(obj(spec['data'])['spec']);
  const viz = obj(spec['vizConfig']);
  const vizSpec = obj(viz['spec']);
  const queryOptions = obj(data['queryOptions']);
  const targets = arr(data['queries']).map((q): JsonValue => {
    const query = obj(obj(q)['spec']);
    const dataQuery = obj(query['query']);
    const name = obj(dataQuery['datasource'])['name'];
    return {
      ...obj(dataQuery['spec']),
      refId: query['refId'] ?? 'A',
      ...(query['hidden'] === true ? { hide: true } : {}),
      datasource: { type: dataQuery['group'] ?? '', ...(typeof name === 'string' ? { uid: name } : {}) },
    };
  });
  return {
    id: num(spec['id']),
    type: viz['group'] ?? '',
    title: spec['title'] ?? '',
    ...(typeof spec['description'] === 'string' ? { description: spec['description'] } : {}),
    ...(arr(spec['links']).length > 0 ? { links: arr(spec['links']) } : {}),
    gridPos: grid,
    targets,
    ...(arr(data['transformations']).length > 0
      ? {
          transformations: arr(data['transformations']).map((t) => ({
            id: obj(t)['group'] ?? '',
            ...obj(obj(t)['spec']),
          })),
        }
      : {}),
    ...(typeof queryOptions['interval'] === 'string' ? { interval: queryOptions['interval'] } : {}),
    ...(typeof queryOptions['maxDataPoints'] === 'number'
      ? { maxDataPoints: queryOptions['maxDataPoints'] }
      : {}),
    options: vizSpec['options'] ?? {},
    fieldConfig: vizSpec['fieldConfig'] ?? { defaults: {}, overrides: [] },
  };
}

interface Placed {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A row of the classic model rebuilt from a RowsLayoutRow (`hideHeader` rows hold panels at the top). */
interface RowOut {
  readonly title: string | undefined;
  readonly collapsed: boolean;
  readonly y: number;
  readonly items: Placed[];
}

/** Grid items of a layout without rows, in reading order; tabs and auto grids flattened. */
function gridItems(layout: JsonObject, offset: number): Placed[] {
  const spec = obj(layout['spec']);
  switch (layout['kind']) {
    case 'GridLayout':
      return arr(spec['items']).map((i) => {
        const item = obj(obj(i)['spec']);
        return {
          name: String(obj(item['element'])['name'] ?? ''),
          x: num(item['x']),
          y: offset + num(item['y']),
          w: num(item['width'], 12),
          h: num(item['height'], 8),
        };
      });
    case 'AutoGridLayout':
      return arr(spec['items']).map((i, n) => ({
        name: String(obj(obj(obj(i)['spec'])['element'])['name'] ?? ''),
        x: (n % 3) * 8,
        y: offset + Math.floor(n / 3) * 8,
        w: 8,
        h: 8,
      }));
    default:
      return rowsOf(layout, offset).flatMap((r) => r.items);
  }
}

function bottom(items: readonly Placed[], from: number): number {
  return Math.max(from, ...items.map((i) => i.y + i.h));
}

/** Rows of a layout: a RowsLayout's rows; tabs one after the other (their titles lost); else one headerless row. */
function rowsOf(layout: JsonObject, offset: number): RowOut[] {
  const spec = obj(layout['spec']);
  if (layout['kind'] === 'RowsLayout') {
    const out: RowOut[] = [];
    let y = offset;
    for (const child of arr(spec['rows'])) {
      const row = obj(obj(child)['spec']);
      const header = row['hideHeader'] !== true;
      const items = gridItems(obj(row['layout']), header ? y + 1 : y);
      out.push({
        title: header ? String(row['title'] ?? '') : undefined,
        collapsed: row['collapse'] === true,
        y,
        items,
      });
      y = bottom(items, header ? y + 1 : y);
    }
    return out;
  }
  if (layout['kind'] === 'TabsLayout') {
    const out: RowOut[] = [];
    let y = offset;
    for (const tab of arr(spec['tabs'])) {
      const rows = rowsOf(obj(obj(obj(tab)['spec'])['layout']), y);
      out.push(...rows);
      y = Math.max(y, ...rows.map((r) => bottom(r.items, r.y + 1)));
    }
    return out;
  }
  return [{ title: undefined, collapsed: false, y: offset, items: gridItems(layout, offset) }];
}

/** A v2 spec as the classic model (lossy: tabs, auto grids and row structure become one grid). */
export function v2ToClassic(spec: JsonObject, uid: string): JsonObject {
  const elements = obj(spec['elements']);
  const panel = (item: Placed): JsonObject =>
    classicPanel(obj(elements[item.name]), { x: item.x, y: item.y, w: item.w, h: item.h });
  const panels: JsonValue[] = [];
  let rowId = 1000;
  for (const row of rowsOf(obj(spec['layout']), 0)) {
    if (row.title === undefined) {
      panels.push(...row.items.map(panel));
      continue;
    }
    rowId += 1;
    panels.push({
      type: 'row',
      id: rowId,
      title: row.title,
      collapsed: row.collapsed,
      gridPos: { x: 0, y: row.y, w: 24, h: 1 },
      panels: row.collapsed ? row.items.map(panel) : [],
    });
    if (!row.collapsed) panels.push(...row.items.map(panel));
  }
  const time = obj(spec['timeSettings']);
  const cursor = CURSOR_SYNC.indexOf(String(spec['cursorSync'] ?? 'Off'));
  return {
    uid,
    title: spec['title'] ?? '',
    ...(typeof spec['description'] === 'string' ? { description: spec['description'] } : {}),
    tags: arr(spec['tags']),
    editable: spec['editable'] !== false,
    graphTooltip: cursor < 0 ? 0 : cursor,
    links: arr(spec['links']),
    panels,
    templating: { list: arr(spec['variables']).map((v) => obj(v)['spec'] ?? {}) },
    time: { from: time['from'] ?? 'now-6h', to: time['to'] ?? 'now' },
    ...(typeof time['autoRefresh'] === 'string' && time['autoRefresh'] !== ''
      ? { refresh: time['autoRefresh'] }
      : {}),
    ...(typeof time['timezone'] === 'string' ? { timezone: time['timezone'] } : {}),
    schemaVersion: 42,
  };
}
