// Shared by the alert files: where runbooks and dashboards live. Not a definition, so not listed in index.ts.
import type { StackConfig } from '../stack.config.ts';

/** `docs/runbooks/<name>.md` as served from the repository. */
export function runbook(cfg: StackConfig, name: string): string {
  return `${cfg.runbookBaseUrl}/${name}.md`;
}

/** A dashboard (and panel) link for a notification: Grafana links it by uid, templates by URL. */
export function dashboard(cfg: StackConfig, uid: string, panelId?: number) {
  const view = panelId === undefined ? '' : `?viewPanel=${panelId}`;
  return { uid, ...(panelId === undefined ? {} : { panelId }), url: `${cfg.grafanaUrl}/d/${uid}${view}` };
}
