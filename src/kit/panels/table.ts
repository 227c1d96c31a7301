import { PanelBuilder } from '@grafana/grafana-foundation-sdk/table';
import type { PanelBase } from './common.ts';

export interface TableOptions extends PanelBase {
  /** Unit of the numeric columns, when they share one. */
  readonly unit?: string;
  /** Merge the instant queries' results into one row per series. */
  readonly merge?: boolean;
}

/** House table: instant queries, merged into one row per label set, filterable. */
export function tablePanel(options: TableOptions): PanelBuilder {
  const panel = new PanelBuilder()
    .title(options.title)
    .description(options.description)
    .targets([...options.queries])
    .filterable(true);
  if (options.unit !== undefined) panel.unit(options.unit);
  if (options.merge !== false) {
    panel.withTransformation({ id: 'merge', options: {} });
    panel.withTransformation({
      id: 'organize',
      options: { excludeByName: { Time: true }, indexByName: {}, renameByName: {} },
    });
  }
  return panel;
}
