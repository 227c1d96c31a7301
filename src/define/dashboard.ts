import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import type { Dashboard, Panel, RowPanel } from '@grafana/grafana-foundation-sdk/dashboard';
import type { DashboardSpec } from '../core/specs.ts';
import type { Definition, FromConfig } from './definition.ts';
import { freezeDeep, makeDefinition, resolveInput } from './definition.ts';

export interface DashboardInput {
  /** Chosen by a person and never changed: links and bookmarks depend on it. */
  readonly uid: string;
  /** uid of the folder; absent puts the dashboard at the root (General). */
  readonly folderUid?: string;
  /** A foundation-SDK builder (built exactly once, here) or an already built model. */
  readonly dashboard: Builder<Dashboard> | Dashboard;
}

function isBuilder(value: Builder<Dashboard> | Dashboard): value is Builder<Dashboard> {
  return typeof (value as Partial<Builder<Dashboard>>).build === 'function';
}

type AnyPanel = Panel | RowPanel;

const REF_IDS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function refIdOf(target: object): string | undefined {
  const id: unknown = (target as { refId?: unknown }).refId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Grafana names targets A, B, C… when they have no refId; doing it here keeps drift and alert links stable. */
function withRefIds(panel: Panel): Panel {
  const targets = panel.targets;
  if (targets === undefined || targets.every((t) => refIdOf(t) !== undefined)) return panel;
  const used = new Set(targets.map(refIdOf));
  let next = 0;
  const fresh = (): string => {
    for (;;) {
      const id = REF_IDS[next] ?? `Q${next}`;
      next += 1;
      if (!used.has(id)) return id;
    }
  };
  return { ...panel, targets: targets.map((t) => (refIdOf(t) !== undefined ? t : { ...t, refId: fresh() })) };
}

/** Gives every panel (and every panel inside a row) a stable id, in reading order, keeping ids set by hand. */
function numberPanels(panels: readonly AnyPanel[]): AnyPanel[] {
  const used = new Set<number>();
  const visit = (p: AnyPanel): void => {
    if (typeof p.id === 'number') used.add(p.id);
    if (p.type === 'row') (p as RowPanel).panels?.forEach(visit);
  };
  panels.forEach(visit);
  let next = 1;
  const nextId = (): number => {
    while (used.has(next)) next += 1;
    used.add(next);
    return next;
  };
  const withId = (p: AnyPanel): AnyPanel => {
    const id = typeof p.id === 'number' ? p.id : nextId();
    if (p.type === 'row') {
      const row = p as RowPanel;
      return { ...row, id, panels: (row.panels ?? []).map((inner) => withId(inner) as Panel) };
    }
    return withRefIds({ ...(p as Panel), id });
  };
  return panels.map(withId);
}

/**
 * The house normalisation of a built dashboard: the repository owns `uid`; Grafana owns `id` and `version`;
 * `templating.list` and `annotations.list` always exist; every panel has a stable id and every target a refId.
 */
export function normalizeDashboard(model: Dashboard, uid: string): DashboardSpec {
  const { id: _id, version: _version, ...rest } = model;
  return {
    ...rest,
    uid,
    templating: { ...model.templating, list: model.templating?.list ?? [] },
    annotations: { ...model.annotations, list: model.annotations?.list ?? [] },
    panels: numberPanels(model.panels ?? []),
  };
}

/** A dashboard in the classic (v1) JSON model. */
export function defineDashboard<C>(input: FromConfig<C, DashboardInput>): Definition<C> {
  return makeDefinition<C>('Dashboard', ({ config, source }) => {
    const d = resolveInput(input, config);
    const model = isBuilder(d.dashboard) ? d.dashboard.build() : d.dashboard;
    const spec = normalizeDashboard(model, d.uid);
    return [
      freezeDeep({
        kind: 'Dashboard',
        uid: d.uid,
        title: spec.title ?? '',
        ...(d.folderUid === undefined ? {} : { folderUid: d.folderUid }),
        spec,
        source,
      }),
    ];
  });
}
