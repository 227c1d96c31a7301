import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import type { DashboardSpec } from '../core/specs.ts';
import { isDashboardV2 } from '../core/dashboard-v2.ts';
import { at, show } from './context.ts';
import { v2Panels, v2Variables } from './dashboard-walk-v2.ts';

/** A panel-like object as found in dashboard JSON (rows included). */
export interface PanelJson {
  readonly id?: number;
  readonly type?: string;
  readonly title?: string;
  readonly datasource?: DataSourceRef;
  readonly gridPos?: { readonly x?: number; readonly y?: number; readonly w?: number; readonly h?: number };
  readonly collapsed?: boolean;
  readonly panels?: readonly PanelJson[];
  readonly targets?: readonly TargetJson[];
  readonly interval?: string;
  readonly fieldConfig?: { readonly defaults?: { readonly unit?: string } };
  readonly links?: readonly { readonly url?: string }[];
}

export interface TargetJson {
  readonly refId?: string;
  readonly datasource?: DataSourceRef;
  readonly expr?: string;
  readonly query?: string;
  readonly queryType?: string;
  readonly hide?: boolean;
}

export interface PanelVisit {
  readonly panel: PanelJson;
  readonly path: string;
  /** Path of the row holding it, for panels inside a collapsed row. */
  readonly row?: string;
  /** Path of the object holding the fields of query `index` (v2 nests them); `<path>.targets[index]` otherwise. */
  readonly queryPath?: (index: number) => string;
}

/** How a message names a panel: by its title, else by its path. */
export function panelLabel(visit: PanelVisit): string {
  const title = visit.panel.title;
  return title === undefined || title === '' ? `panel ${visit.path}` : `panel ${show(title)}`;
}

/** Results per dashboard spec, computed once per validation run whatever the number of rules asking. */
function memo<T>(compute: (spec: DashboardSpec) => T): (spec: DashboardSpec) => T {
  const cache = new WeakMap<DashboardSpec, T>();
  return (spec) => {
    let value = cache.get(spec);
    if (value === undefined) {
      value = compute(spec);
      cache.set(spec, value);
    }
    return value;
  };
}

/** Every panel in reading order, including those held inside rows. */
export const panelsOf = memo((spec): readonly PanelVisit[] => {
  if (isDashboardV2(spec)) return v2Panels(spec);
  const out: PanelVisit[] = [];
  const panels = (spec.panels ?? []) as readonly PanelJson[];
  panels.forEach((panel, i) => {
    const path = at('panels', i);
    out.push({ panel, path });
    (panel.panels ?? []).forEach((inner, j) =>
      out.push({ panel: inner, path: at(at(path, 'panels'), j), row: path }),
    );
  });
  return out;
});

export interface VariableJson {
  readonly type?: string;
  readonly name?: string;
  readonly query?: unknown;
  readonly datasource?: DataSourceRef;
  readonly current?: { readonly value?: unknown; readonly text?: unknown };
  readonly options?: readonly { readonly value?: unknown }[];
}

export const variablesOf = memo((spec): readonly { variable: VariableJson; path: string }[] => {
  if (isDashboardV2(spec)) return v2Variables(spec);
  const list = (spec.templating?.list ?? []) as readonly VariableJson[];
  return list.map((variable, i) => ({ variable, path: at('templating.list', i) }));
});

/** Variables by name (the first of a name wins, as in Grafana). */
export const variablesByName = memo((spec): ReadonlyMap<string, VariableJson> => {
  const byName = new Map<string, VariableJson>();
  for (const { variable } of variablesOf(spec)) {
    if (variable.name !== undefined && !byName.has(variable.name)) byName.set(variable.name, variable);
  }
  return byName;
});

/** Name of the variable a data source uid points at (`$ds`, `${ds}`, `[[ds]]`), if it is one. */
export function variableName(uid: string): string | undefined {
  const match = /^\$\{(\w+)\}$|^\$(\w+)$|^\[\[(\w+)\]\]$/.exec(uid);
  return match === null ? undefined : (match[1] ?? match[2] ?? match[3]);
}

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

/**
 * A representative value per variable, to parse queries as the data source sees them: the current value of
 * intervals, custom lists, constants and text boxes; a plain identifier for everything else.
 */
export const variableValues = memo((spec): ReadonlyMap<string, string> => {
  const values = new Map<string, string>();
  for (const { variable } of variablesOf(spec)) {
    if (variable.name === undefined) continue;
    const literal = ['interval', 'custom', 'constant', 'textbox'].includes(variable.type ?? '');
    const current = firstString(variable.current?.value) ?? firstString(variable.options?.[0]?.value);
    const value = literal && current !== undefined && current !== '$__all' ? current : 'x';
    values.set(variable.name, value);
  }
  return values;
});
