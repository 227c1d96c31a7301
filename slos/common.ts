import type { StackConfig } from '../stack.config.ts';
import type { SloInput } from '../src/index.ts';

/** What every SLO of the stack takes from the Config alike. */
export type SloDefaults = Pick<
  SloInput,
  'period' | 'interval' | 'alerting' | 'folderUid' | 'datasourceUid' | 'grafanaUrl'
>;

/**
 * The fields every SLO of the stack shares: the Config's period, evaluation interval and burn-rate tiers, the SLO
 * folder, the Prometheus data source its rules query, and Grafana's URL for the alerts' dashboard links. Spread
 * first, so that an SLO can still say otherwise.
 */
export function sloDefaults(cfg: StackConfig): SloDefaults {
  return {
    period: cfg.slo.period,
    interval: cfg.slo.interval,
    alerting: { tiers: cfg.slo.tiers },
    folderUid: cfg.folders.slos.uid,
    datasourceUid: cfg.datasources.prometheus.uid,
    grafanaUrl: cfg.grafanaUrl,
  };
}
