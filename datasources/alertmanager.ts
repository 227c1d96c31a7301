import type { StackConfig } from '../stack.config.ts';
import { defineDataSource } from '../src/index.ts';

/** The Prometheus Alertmanager the rule files notify, shown in Grafana's alerting views. */
export default defineDataSource((cfg: StackConfig) => ({
  uid: cfg.datasources.alertmanager.uid,
  name: cfg.datasources.alertmanager.name,
  type: 'alertmanager',
  url: cfg.datasources.alertmanager.url,
  jsonData: { implementation: 'prometheus', handleGrafanaManagedAlerts: false },
}));
