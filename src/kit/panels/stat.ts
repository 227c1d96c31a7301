import {
  BigValueColorMode,
  BigValueGraphMode,
  ReduceDataOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import type { NumericPanel } from './common.ts';
import { applyNumeric, targetsOf } from './common.ts';

export interface StatOptions extends NumericPanel {
  /** Draw a sparkline under the value; default on. */
  readonly sparkline?: boolean;
  /** Colour the background by threshold instead of the value text. */
  readonly background?: boolean;
  /** How series reduce to one value; default the last value. */
  readonly reducer?: 'lastNotNull' | 'mean' | 'max' | 'min' | 'sum';
}

/** House stat: one big number, last value, coloured by thresholds. */
export function statPanel(options: StatOptions): PanelBuilder {
  const panel = new PanelBuilder()
    .title(options.title)
    .description(options.description)
    .targets(targetsOf(options))
    .graphMode(options.sparkline === false ? BigValueGraphMode.None : BigValueGraphMode.Area)
    .colorMode(options.background === true ? BigValueColorMode.Background : BigValueColorMode.Value)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs([options.reducer ?? 'lastNotNull']).values(false));
  return applyNumeric(panel, options);
}
