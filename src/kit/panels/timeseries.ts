import {
  GraphThresholdsStyleConfigBuilder,
  GraphThresholdsStyleMode,
  LegendDisplayMode,
  LegendPlacement,
  SortOrder,
  StackingConfigBuilder,
  StackingMode,
  TooltipDisplayMode,
  VizLegendOptionsBuilder,
  VizTooltipOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import type { NumericPanel } from './common.ts';
import { applyNumeric, targetsOf } from './common.ts';

export interface TimeseriesOptions extends NumericPanel {
  /** Stack series (traffic shares); default off. */
  readonly stack?: boolean;
  /** Draw the thresholds as dashed lines. */
  readonly showThresholds?: boolean;
}

/**
 * House time series: a table legend with mean and max, a shared tooltip sorted by value, light fill.
 * Size it where the dashboard is composed (`.height()`, `.span()`).
 */
export function timeseriesPanel(options: TimeseriesOptions): PanelBuilder {
  const panel = new PanelBuilder()
    .title(options.title)
    .description(options.description)
    .targets(targetsOf(options))
    .lineWidth(1)
    .fillOpacity(10)
    .legend(
      new VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(LegendDisplayMode.Table)
        .placement(LegendPlacement.Bottom)
        .calcs(['mean', 'max']),
    )
    .tooltip(new VizTooltipOptionsBuilder().mode(TooltipDisplayMode.Multi).sort(SortOrder.Descending));
  applyNumeric(panel, options);
  if (options.stack === true) panel.stacking(new StackingConfigBuilder().mode(StackingMode.Normal));
  if (options.showThresholds === true) {
    panel.thresholdsStyle(new GraphThresholdsStyleConfigBuilder().mode(GraphThresholdsStyleMode.Dashed));
  }
  return panel;
}
