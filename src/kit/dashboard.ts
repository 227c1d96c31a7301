import {
  DashboardBuilder,
  DashboardCursorSync,
  DashboardLinkBuilder,
  DashboardLinkType,
  RowBuilder,
} from '@grafana/grafana-foundation-sdk/dashboard';

export interface StackDashboardOptions {
  readonly title: string;
  readonly description: string;
  readonly tags: readonly string[];
  /** Auto-refresh; default `1m`. Grafana raises anything below its minimum (5 s) silently. */
  readonly refresh?: string;
  /** Default time range start, e.g. `now-6h` (the default). */
  readonly from?: string;
}

/**
 * House dashboard: browser time zone, shared crosshair, read-only in the UI (the repository is the source of
 * truth; drift detection reports hand edits). The uid is given to `defineDashboard`, not here.
 */
export function stackDashboard(options: StackDashboardOptions): DashboardBuilder {
  return new DashboardBuilder(options.title)
    .description(options.description)
    .tags([...options.tags])
    .timezone('browser')
    .tooltip(DashboardCursorSync.Crosshair)
    .refresh(options.refresh ?? '1m')
    .time({ from: options.from ?? 'now-6h', to: 'now' })
    .readonly();
}

/** A link to another dashboard of the repository, keeping the time range and variables. */
export function dashboardLink(title: string, uid: string): DashboardLinkBuilder {
  return new DashboardLinkBuilder(title)
    .type(DashboardLinkType.Link)
    .url(`/d/${uid}`)
    .icon('dashboard')
    .keepTime(true)
    .includeVars(true)
    .targetBlank(false);
}

/** A row header; the panels after it belong to it. */
export function row(title: string): RowBuilder {
  return new RowBuilder(title);
}
