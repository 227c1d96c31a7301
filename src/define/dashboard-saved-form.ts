import type { Dashboard, Panel, RowPanel, VariableModel } from '@grafana/grafana-foundation-sdk/dashboard';

/**
 * A dashboard in the form Grafana's UI saves it, so that a person who opens it and saves it unchanged changes
 * nothing (Terraform users know the opposite as permadiff). Each rule is what both of Grafana's save paths do, the
 * classic one up to 11.2 (`DashboardModel` / `PanelModel.getSaveModel`, public/app/features/dashboard/state/) and
 * Scenes from 11.3 (`transformSceneToSaveModel`, `sceneVariablesSetToVariables`,
 * public/app/features/dashboard-scene/serialization/); what the two paths do differently is left to the
 * handler's comparison (src/handlers/dashboard.ts) instead.
 */

type AnyPanel = Panel | RowPanel;

/** The built-in "Annotations & Alerts" query `DashboardModel.addBuiltInAnnotationQuery` adds when none is there. */
export const BUILT_IN_ANNOTATION = {
  builtIn: 1,
  datasource: { type: 'grafana', uid: '-- Grafana --' },
  enable: true,
  hide: true,
  iconColor: 'rgba(0, 211, 255, 1)',
  name: 'Annotations & Alerts',
  type: 'dashboard',
} as const;

/** Every panel in the order `DashboardModel.panelIterator` walks them: a row, then the panels it holds. */
function walk(panels: readonly AnyPanel[]): AnyPanel[] {
  const out: AnyPanel[] = [];
  for (const p of panels) {
    out.push(p);
    if (p.type === 'row') out.push(...((p as RowPanel).panels ?? []));
  }
  return out;
}

/**
 * Panel ids. Panels the SDK left without one are numbered 1, 2, … in reading order (rows aside), as this project
 * always has: alert links (`__panelId__`) and bookmarks (`viewPanel=`) depend on them. Then Grafana's own
 * `DashboardModel.ensurePanelsHaveUniqueIds` (run on every load since PR #65468) is applied: a panel whose id is
 * 0, absent or already taken gets the next id after the largest, in reading order; the SDK's rows (id 0) get
 * theirs that way, so the UI finds nothing to renumber.
 */
function numberLikeGrafana(panels: readonly AnyPanel[]): void {
  const all = walk(panels);
  const used = new Set<number>();
  for (const p of all) if (typeof p.id === 'number' && p.id !== 0) used.add(p.id);
  let free = 1;
  for (const p of all) {
    if (p.type === 'row' || typeof p.id === 'number') continue;
    while (used.has(free)) free += 1;
    used.add(free);
    p.id = free;
  }
  let next = Math.max(0, ...all.map((p) => (typeof p.id === 'number' ? p.id : 0))) + 1;
  const seen = new Set<number>();
  for (const p of all) {
    if (typeof p.id !== 'number' || p.id === 0 || seen.has(p.id)) p.id = next++;
    seen.add(p.id);
  }
}

/**
 * Panel keys neither save path keeps: `transparent: false` (`PanelModel` defaults; Scenes deletes a false
 * transparent) and a `repeatDirection` without a `repeat` (Scenes writes it only with a repeat).
 */
function panelSavedForm(panel: AnyPanel): void {
  const p = panel as Panel & { repeatDirection?: unknown };
  if (p.transparent === false) delete p.transparent;
  if (p.repeat === undefined || p.repeat === '') delete p.repeatDirection;
  if (panel.type === 'row') {
    // `gridRowToSaveModel` rebuilds a row at x 0, full width, height 1.
    const row = panel as RowPanel;
    row.gridPos = { x: 0, y: row.gridPos?.y ?? 0, w: 24, h: 1 };
  }
}

/**
 * Variable keys the Scenes save drops (`sceneVariablesSetToVariables` writes `auto*` for interval variables
 * only, removes `multi: false`, `skipUrlSync: false` and `hide: 0`; `applyVariableChanges` deletes
 * `current.selected`) and the `refresh: 1` it writes for every data source variable.
 */
function variableSavedForm(variable: VariableModel): void {
  const v = variable as VariableModel & Record<string, unknown>;
  if (v.type !== 'interval') {
    delete v.auto;
    delete v.auto_count;
    delete v.auto_min;
  }
  if (v.multi === false) delete v.multi;
  if (v.skipUrlSync === false) delete v.skipUrlSync;
  if (v.hide === 0) delete v.hide;
  const current = v.current as Record<string, unknown> | undefined;
  if (current !== undefined) delete current.selected;
  if (v.type === 'datasource' && v.refresh === undefined) v.refresh = 1;
}

/** Brings a built dashboard (a model this module owns: it is changed in place) into the saved form. */
export function toSavedForm(model: Dashboard): void {
  const panels = model.panels ?? [];
  numberLikeGrafana(panels);
  for (const p of walk(panels)) panelSavedForm(p);
  const annotations = model.annotations?.list ?? [];
  if (!annotations.some((a) => (a as { builtIn?: unknown }).builtIn === 1))
    model.annotations = { ...model.annotations, list: [{ ...BUILT_IN_ANNOTATION }, ...annotations] };
  // The classic constructor and the Scenes save both write these when they are absent.
  const top = model as Dashboard & { weekStart?: string; timepicker?: object };
  top.weekStart ??= '';
  top.timepicker ??= {};
  for (const v of model.templating?.list ?? []) variableSavedForm(v);
}
