import type { StackConfig } from '../stack.config.ts';
import { defineAlertRuleGroup } from '../src/index.ts';
import { runbook } from './links.ts';

/**
 * The dead man's switch. Watchdog always fires and is routed to a heartbeat receiver only (an external service
 * that expects a ping every few minutes and pages when it stops): silence there means the alerting pipeline itself
 * (Prometheus or Grafana evaluation, Alertmanager, the network out) is down, which no alert from inside can say.
 */
export const WATCHDOG = 'Watchdog';

export default defineAlertRuleGroup((cfg: StackConfig) => ({
  uid: 'meta',
  folderUid: cfg.folders.alerting.uid,
  name: 'meta',
  interval: '1m',
  datasource: { uid: cfg.datasources.prometheus.uid, type: 'prometheus' },
  rules: [
    {
      name: WATCHDOG,
      expr: 'vector(1)',
      severity: 'critical',
      summary: 'The alerting pipeline is working (this alert always fires)',
      description: `Routed to the ${cfg.receivers.heartbeat.name} receiver only. If the heartbeat service stops hearing it, alerting is down.`,
      runbookUrl: runbook(cfg, 'watchdog'),
    },
  ],
}));
