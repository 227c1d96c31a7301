import { parseDuration } from '../../core/duration.ts';
import { isDashboardV2 } from '../../core/dashboard-v2.ts';
import type { ResourceOf } from '../../core/resource.ts';
import { UNIT_REQUIRED_PANEL_TYPES } from '../../kit/panels/common.ts';
import type { ValidationContext, ValidationRule } from '../context.ts';
import { at, show } from '../context.ts';
import type { PanelVisit } from '../dashboard-walk.ts';
import { panelLabel, panelsOf } from '../dashboard-walk.ts';

/** Grafana's grid is 24 columns wide. */
export const GRID_COLUMNS = 24;

interface Box {
  readonly visit: PanelVisit;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

function boxOf(
  context: ValidationContext,
  dashboard: ResourceOf<'Dashboard'>,
  visit: PanelVisit,
): Box | undefined {
  const g = visit.panel.gridPos;
  const path = at(visit.path, 'gridPos');
  if (g === undefined) {
    context.report(
      dashboard,
      path,
      `${panelLabel(visit)} has no position`,
      'Add it with withPanel() so the builder places it, or set gridPos',
    );
    return undefined;
  }
  const { x = 0, y = 0, w = 0, h = 0 } = g;
  if (![x, y, w, h].every(Number.isInteger) || x < 0 || y < 0 || w < 1 || h < 1) {
    context.report(
      dashboard,
      path,
      `${panelLabel(visit)} has an invalid position ${JSON.stringify(g)}`,
      'Use whole numbers with w and h of at least 1',
    );
    return undefined;
  }
  if (x + w > GRID_COLUMNS) {
    context.report(
      dashboard,
      path,
      `${panelLabel(visit)} ends at column ${x + w}, past the ${GRID_COLUMNS}-column grid`,
      `Make x + w at most ${GRID_COLUMNS}`,
    );
  }
  return { visit, x, y, w, h };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function checkLayout(context: ValidationContext, dashboard: ResourceOf<'Dashboard'>): void {
  const groups = new Map<string, Box[]>();
  for (const visit of panelsOf(dashboard.spec)) {
    const box = boxOf(context, dashboard, visit);
    if (box === undefined) continue;
    const group = visit.row ?? '';
    const boxes = groups.get(group) ?? [];
    for (const other of boxes) {
      if (overlaps(box, other)) {
        context.report(
          dashboard,
          at(visit.path, 'gridPos'),
          `${panelLabel(visit)} overlaps ${panelLabel(other.visit)} (${other.visit.path})`,
          'Move or resize one of them; let the builder place panels in order instead of setting gridPos by hand',
        );
      }
    }
    boxes.push(box);
    groups.set(group, boxes);
  }
}

function checkPanels(
  context: ValidationContext,
  dashboard: ResourceOf<'Dashboard'>,
  dashboards: ReadonlySet<string>,
): void {
  for (const visit of panelsOf(dashboard.spec)) {
    const { panel, path } = visit;
    if (
      UNIT_REQUIRED_PANEL_TYPES.includes(panel.type ?? '') &&
      (panel.fieldConfig?.defaults?.unit ?? '') === ''
    ) {
      context.report(
        dashboard,
        at(path, 'fieldConfig.defaults.unit'),
        `${panelLabel(visit)} (${panel.type}) has no unit`,
        'Set the unit it measures in: s, percentunit, reqps, bytes, short, …',
      );
    }
    const interval: unknown = panel.interval;
    if (
      typeof interval === 'string' &&
      interval !== '' &&
      !interval.startsWith('$') &&
      parseDuration(interval.replace(/^>/, '')) === undefined
    ) {
      context.report(
        dashboard,
        at(path, 'interval'),
        `${show(interval)} is not a duration`,
        'Write a minimum interval such as 1m or >30s',
      );
    }
    (panel.links ?? []).forEach((link, i) =>
      checkLink(context, dashboard, dashboards, at(at(path, 'links'), i), link.url),
    );
  }
}

function checkLink(
  context: ValidationContext,
  dashboard: ResourceOf<'Dashboard'>,
  dashboards: ReadonlySet<string>,
  path: string,
  url: string | undefined,
): void {
  const match = /^\/d\/([^/?#]+)/.exec(url ?? '');
  const uid = match?.[1];
  if (uid !== undefined && !dashboards.has(uid)) {
    context.report(
      dashboard,
      at(path, 'url'),
      `links to dashboard ${show(uid)}, which the repository does not define`,
      'Link to a defined dashboard uid',
    );
  }
}

function checkDashboard(
  context: ValidationContext,
  dashboard: ResourceOf<'Dashboard'>,
  dashboards: ReadonlySet<string>,
): void {
  const { spec } = dashboard;
  const title: unknown = spec.title;
  if (title !== undefined && typeof title !== 'string') {
    context.report(
      dashboard,
      'title',
      `the title is ${show(title)}, not text`,
      'Give it a title as a string',
    );
  } else if ((title ?? '').trim() === '') {
    context.report(
      dashboard,
      'title',
      'dashboard has no title',
      'Give it a title; Grafana rejects empty titles',
    );
  }
  const refresh = isDashboardV2(spec) ? spec.timeSettings.autoRefresh : spec.refresh;
  if (
    typeof refresh === 'string' &&
    refresh !== '' &&
    refresh !== 'auto' &&
    parseDuration(refresh) === undefined
  ) {
    context.report(
      dashboard,
      isDashboardV2(spec) ? 'timeSettings.autoRefresh' : 'refresh',
      `${show(refresh)} is not a duration`,
      'Use an interval such as 30s or 1m, or leave it empty',
    );
  }
  (spec.links ?? []).forEach((link, i) =>
    checkLink(context, dashboard, dashboards, at('links', i), link.url),
  );
  checkLayout(context, dashboard);
  checkPanels(context, dashboard, dashboards);
}

/** Dashboards have a title, panels that do not overlap and stay on the grid, units where needed, valid links. */
export const dashboardRules: ValidationRule = {
  name: 'dashboard',
  *check(context) {
    const dashboards = new Set(context.registry.byKind('Dashboard').map((d) => d.uid));
    for (const dashboard of context.registry.byKind('Dashboard')) {
      checkDashboard(context, dashboard, dashboards);
      yield;
    }
  },
};
