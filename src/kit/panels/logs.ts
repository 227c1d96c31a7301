import { LogsDedupStrategy, LogsSortOrder } from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/logs';
import type { PanelBase } from './common.ts';
import { targetsOf } from './common.ts';

/** House logs panel: newest first, with time and details, wrapped. */
export function logsPanel(options: PanelBase): PanelBuilder {
  return new PanelBuilder()
    .title(options.title)
    .description(options.description)
    .targets(targetsOf(options))
    .showTime(true)
    .wrapLogMessage(true)
    .enableLogDetails(true)
    .dedupStrategy(LogsDedupStrategy.None)
    .sortOrder(LogsSortOrder.Descending);
}
