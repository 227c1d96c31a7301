import type { PanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import type { ComponentOption } from '../components.ts';
import { promQuery } from '../queries.ts';
import { thresholds } from '../thresholds.ts';
import { statPanel } from './stat.ts';

export interface ConfigLoadedStatOptions {
  readonly title: string;
  readonly description: string;
  readonly component: ComponentOption;
  /** The 0/1 gauge each instance exports for its last configuration load, with its selector. */
  readonly series: string;
}

/**
 * "Did every instance load its latest configuration?": Yes (green) only when the lowest of the 0/1 gauges is 1,
 * No (red) as soon as one instance runs an older configuration. Alloy, Prometheus and Alertmanager each export one.
 */
export function configLoadedStat(options: ConfigLoadedStatOptions): PanelBuilder {
  return statPanel({
    title: options.title,
    description: options.description,
    unit: 'bool_yes_no',
    sparkline: false,
    background: true,
    thresholds: thresholds('red', { color: 'green', from: 1 }),
    component: options.component,
    queries: [promQuery(`min(${options.series})`)],
  });
}
