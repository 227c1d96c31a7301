import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import type { Dashboard, GridPos, Panel, RowPanel } from '@grafana/grafana-foundation-sdk/dashboard';

/**
 * A panel built at a fixed place of the grid (and with a fixed id): how `npm run import` writes a dashboard laid
 * out by hand, where the builders' own flow layout would move panels. The panel is built here, once.
 */
export function placed(
  panel: Builder<Panel> | Builder<RowPanel>,
  gridPos: GridPos,
  id?: number,
): Panel | RowPanel {
  return { ...panel.build(), gridPos: { ...gridPos }, ...(id === undefined ? {} : { id }) };
}

/**
 * A dashboard or panel model given as JSON, as Grafana holds it: what `npm run import` writes for what no helper
 * makes, every field kept (the SDK's types know fewer fields than Grafana's JSON has).
 */
export function asDashboard(json: Readonly<Record<string, unknown>>): Dashboard {
  return json as unknown as Dashboard;
}
