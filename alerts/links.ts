// Shared by the alert files: where runbooks and dashboards live. Not a definition, so not listed in index.ts.
import type { StackConfig } from '../stack.config.ts';

/** `docs/runbooks/<name>.md` as served from the repository. */
export function runbook(cfg: StackConfig, name: string): string {
  return `${cfg.runbookBaseUrl}/${name}.md`;
}

/**
 * A panel to open from a notification: Grafana links it by dashboard uid and panel id (both or neither: it refuses
 * the rule group otherwise; validation checks the panel exists), templates by URL.
 */
export function dashboard(cfg: StackConfig, uid: string, panelId: number) {
  return { uid, panelId, url: `${cfg.grafanaUrl}/d/${uid}?viewPanel=${panelId}` };
}
