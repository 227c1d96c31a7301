/**
 * Panels and variables of a dashboard in the v2 schema, seen as the classic model's panels and variables so that
 * every dashboard rule (queries, units, descriptions, data sources, the metric catalogue) reads both schemas the
 * same way. Paths are the v2 paths: `elements.panel-3`, its queries under `spec.data.spec.queries[i]`.
 */
import type { Dashboard as DashboardV2 } from '@grafana/grafana-foundation-sdk/dashboardv2';
import { at } from './context.ts';
import type { PanelJson, PanelVisit, TargetJson, VariableJson } from './dashboard-walk.ts';

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

interface Placed {
  readonly name: string;
  readonly grid: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  /** Path of the collapsed row holding it. */
  readonly row?: string;
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

/**
 * Items of a layout in reading order, where they would sit in the classic grid: a row's items count `y` from
 * below its header, so they are moved down by where the row starts (tabs are stacked the same way).
 */
function placed(layout: unknown, path: string, top: number, row?: string): Placed[] {
  const l = record(layout);
  const spec = record(l.spec);
  switch (l.kind) {
    case 'GridLayout':
    case 'AutoGridLayout':
      return list(spec.items).map((i) => {
        const item = record(record(i).spec);
        return {
          name: String(record(item.element).name ?? ''),
          grid: { x: num(item.x), y: top + num(item.y), w: num(item.width), h: num(item.height) },
          ...(row === undefined ? {} : { row }),
        };
      });
    case 'RowsLayout':
    case 'TabsLayout': {
      const rows = l.kind === 'RowsLayout';
      const out: Placed[] = [];
      let y = top;
      list(rows ? spec.rows : spec.tabs).forEach((r, i) => {
        const childPath = at(at(path, rows ? 'spec.rows' : 'spec.tabs'), i);
        const childSpec = record(record(r).spec);
        const header = rows && childSpec.hideHeader !== true ? 1 : 0;
        const collapsed = rows && childSpec.collapse === true ? childPath : row;
        const items = placed(childSpec.layout, at(childPath, 'spec.layout'), y + header, collapsed);
        out.push(...items);
        y = Math.max(y + header, ...items.map((item) => item.grid.y + item.grid.h));
      });
      return out;
    }
    default:
      return [];
  }
}

/** The panels of a v2 dashboard, in reading order, as classic panels. */
export function v2Panels(spec: DashboardV2): PanelVisit[] {
  const elements = record(spec.elements);
  return placed(spec.layout, 'layout', 0).flatMap((item): PanelVisit[] => {
    const element = record(elements[item.name]);
    if (element.kind !== 'Panel') return [];
    const p = record(element.spec);
    const data = record(record(p.data).spec);
    const viz = record(p.vizConfig);
    const vizSpec = record(viz.spec);
    const options = record(data.queryOptions);
    const path = at('elements', item.name);
    const targets: TargetJson[] = list(data.queries).map((q) => {
      const query = record(record(q).spec);
      const dataQuery = record(query.query);
      const uid = record(dataQuery.datasource).name;
      return {
        ...record(dataQuery.spec),
        refId: typeof query.refId === 'string' ? query.refId : 'A',
        ...(query.hidden === true ? { hide: true } : {}),
        datasource: {
          type: typeof dataQuery.group === 'string' ? dataQuery.group : '',
          ...(typeof uid === 'string' ? { uid } : {}),
        },
      };
    });
    const panel: PanelJson & Json = {
      id: num(p.id),
      type: typeof viz.group === 'string' ? viz.group : '',
      title: typeof p.title === 'string' ? p.title : '',
      ...(typeof p.description === 'string' ? { description: p.description } : {}),
      gridPos: item.grid,
      targets,
      ...(typeof options.interval === 'string' ? { interval: options.interval } : {}),
      fieldConfig: record(vizSpec.fieldConfig),
      options: record(vizSpec.options),
      links: list(p.links).map(record),
      transformations: list(data.transformations),
    };
    return [
      {
        panel,
        path,
        ...(item.row === undefined ? {} : { row: item.row }),
        queryPath: (index) => at(at(at(path, 'spec.data.spec.queries'), index), 'spec.query.spec'),
      },
    ];
  });
}

const TYPES: Readonly<Record<string, string>> = {
  QueryVariable: 'query',
  CustomVariable: 'custom',
  DatasourceVariable: 'datasource',
  IntervalVariable: 'interval',
  TextVariable: 'textbox',
  ConstantVariable: 'constant',
  AdhocVariable: 'adhoc',
  GroupByVariable: 'groupby',
  SwitchVariable: 'switch',
};

/** The variables of a v2 dashboard as classic variables (a query variable's query is its DataQuery's spec). */
export function v2Variables(spec: DashboardV2): { variable: VariableJson; path: string }[] {
  return list(spec.variables).map((v, i) => {
    const kind = record(v);
    const s = record(kind.spec);
    const dataQuery = record(s.query);
    const isQuery = kind.kind === 'QueryVariable';
    const uid = record(dataQuery.datasource).name;
    const variable: VariableJson & Json = {
      ...s,
      type: TYPES[String(kind.kind)] ?? String(kind.kind),
      ...(isQuery
        ? {
            query: record(dataQuery.spec),
            datasource: {
              type: typeof dataQuery.group === 'string' ? dataQuery.group : '',
              ...(typeof uid === 'string' ? { uid } : {}),
            },
          }
        : kind.kind === 'DatasourceVariable'
          ? { query: s.pluginId }
          : {}),
    };
    return { variable, path: at(at('variables', i), 'spec') };
  });
}
