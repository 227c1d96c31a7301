import { ReduceDataOptionsBuilder } from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/gauge';
import type { NumericPanel } from './common.ts';
import { applyNumeric, targetsOf } from './common.ts';

export interface GaugeOptions extends NumericPanel {
  readonly min: number;
  readonly max: number;
}

/** House gauge: a bounded value (utilisation, budget) against its thresholds. */
export function gaugePanel(options: GaugeOptions): PanelBuilder {
  const panel = new PanelBuilder()
    .title(options.title)
    .description(options.description)
    .targets(targetsOf(options))
    .showThresholdMarkers(true)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false));
  return applyNumeric(panel, options);
}
