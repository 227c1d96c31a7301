// Shared by the dashboard files: every dashboard's uid and the links between them. Not a definition, so not
// listed in index.ts. Alerts link to service-red, alloy-pipeline and frontend by uid: keep those uids.
import { dashboardLink } from '../src/index.ts';

export const DASHBOARD_UIDS = {
  overview: 'stack-overview',
  services: 'service-red',
  frontend: 'frontend',
  pipeline: 'alloy-pipeline',
  backends: 'storage-backends',
  infrastructure: 'infrastructure',
  data: 'data-layer',
  edge: 'edge',
  alerting: 'alerting-health',
} as const;

export type DashboardKey = keyof typeof DASHBOARD_UIDS;

const TITLES: Readonly<Record<DashboardKey, string>> = {
  overview: 'Overview',
  services: 'Services',
  frontend: 'Frontend',
  pipeline: 'Telemetry pipeline',
  backends: 'Storage backends',
  infrastructure: 'Infrastructure',
  data: 'Data layer',
  edge: 'Edge',
  alerting: 'Alerting health',
};

/** Links (keeping time range and variables) to the dashboards a user of this one jumps to next. */
export function linksTo(...keys: readonly DashboardKey[]): ReturnType<typeof dashboardLink>[] {
  return keys.map((key) => dashboardLink(TITLES[key], DASHBOARD_UIDS[key]));
}
