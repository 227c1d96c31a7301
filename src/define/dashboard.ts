import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import type { Dashboard, Panel, RowPanel } from '@grafana/grafana-foundation-sdk/dashboard';
import { deepCopy } from '../core/canonical.ts';
import { dashboardV2Of } from '../core/dashboard-v2.ts';
import { dashboardSchemaOf } from '../config/base.ts';
import { toSavedForm } from './dashboard-saved-form.ts';
import type { Definition, FromConfig } from './definition.ts';
import { makeDefinition, resolveInput, sealResource } from './definition.ts';

export interface DashboardInput {
  /** Chosen by a person and never changed: links and bookmarks depend on it. */
  readonly uid: string;
  /** uid of the folder; absent puts the dashboard at the root (General). */
  readonly folderUid?: string;
  /** A foundation-SDK builder (built exactly once, here) or an already built model. */
  readonly dashboard: Builder<Dashboard> | Dashboard;
  /**
   * Written by `npm run import`: what the lint rules, the house style and the metric catalogue find is reported as
   * warnings until the flag is removed, so that a team adopts first and cleans up later.
   */
  readonly imported?: true;
}

function isBuilder(value: Builder<Dashboard> | Dashboard): value is Builder<Dashboard> {
  return typeof (value as Partial<Builder<Dashboard>>).build === 'function';
}

type AnyPanel = Panel | RowPanel;

const REF_IDS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Grafana names targets A, B, C… when they have no refId; doing it here keeps drift and alert links stable. */
function nameTargets(targets: readonly object[]): void {
  const used = new Set<unknown>();
  for (const t of targets) used.add((t as { refId?: unknown }).refId);
  let next = 0;
  for (const t of targets) {
    const target = t as { refId?: unknown };
    if (typeof target.refId === 'string' && target.refId !== '') continue;
    let id = REF_IDS[next] ?? `Q${next}`;
    while (used.has(id)) {
      next += 1;
      id = REF_IDS[next] ?? `Q${next}`;
    }
    next += 1;
    used.add(id);
    target.refId = id;
  }
}

/** Every target of every panel (rows' panels included) gets a refId. */
function nameAllTargets(panels: readonly AnyPanel[]): void {
  for (const p of panels) {
    const targets = (p as Panel).targets;
    if (targets !== undefined) nameTargets(targets);
    if (p.type === 'row') nameAllTargets((p as RowPanel).panels ?? []);
  }
}

/**
 * The house normalisation of a built dashboard, on a model this module owns (it mutates it): the repository
 * owns `uid`; Grafana owns `id` and `version`; `templating.list` and `annotations.list` always exist; every
 * target has a refId; and the whole is in the form Grafana's UI saves (dashboard-saved-form.ts), panel ids
 * included.
 */
function normalizeOwned(model: Dashboard, uid: string): Dashboard {
  model.uid = uid;
  model.id = undefined;
  model.version = undefined;
  model.templating = { ...model.templating, list: model.templating?.list ?? [] };
  model.annotations = { ...model.annotations, list: model.annotations?.list ?? [] };
  model.panels = model.panels ?? [];
  nameAllTargets(model.panels);
  toSavedForm(model);
  return model;
}

/**
 * A classic model as defineDashboard makes it its resource's spec (a copy: the model is left as it is): what an
 * import compares the code it writes with.
 */
export function normalizedDashboard(model: Dashboard, uid: string): Dashboard {
  return normalizeOwned(deepCopy(model), uid);
}

/**
 * A dashboard, built in the classic (v1) JSON model and published in it, or in the v2 schema where the Config's
 * `grafana.dashboardSchema` is `v2`.
 */
export function defineDashboard<C>(input: FromConfig<C, DashboardInput>): Definition<C> {
  return makeDefinition<C>('Dashboard', ({ config, source }) => {
    const d = resolveInput(input, config);
    // A builder's output is ours to change (the SDK hands out its internal object, built once here); a model
    // given as a value is copied first.
    const model = isBuilder(d.dashboard) ? d.dashboard.build() : deepCopy(d.dashboard);
    const classic = normalizeOwned(model, d.uid);
    // `grafana.dashboardSchema: 'v2'`: the same dashboard in the v2 schema (src/core/dashboard-v2.ts).
    const spec = dashboardSchemaOf(config) === 'v2' ? dashboardV2Of(classic) : classic;
    return [
      sealResource({
        kind: 'Dashboard',
        uid: d.uid,
        title: classic.title ?? '',
        ...(d.folderUid === undefined ? {} : { folderUid: d.folderUid }),
        ...(d.imported === true ? { imported: true as const } : {}),
        spec,
        source,
      }),
    ];
  });
}
