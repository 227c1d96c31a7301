import type { Builder, Dataquery } from '@grafana/grafana-foundation-sdk/cog';
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/table';
import type { PanelBase } from './common.ts';
import { targetsOf } from './common.ts';

/** The value column of one query in a table: its header and unit. */
export interface TableColumn {
  readonly title: string;
  readonly unit: string;
  readonly decimals?: number;
}

export interface TableOptions extends PanelBase {
  /** Unit of the numeric columns, when they share one. */
  readonly unit?: string;
  /** Merge the instant queries' results into one row per series. */
  readonly merge?: boolean;
  /**
   * One per query, in order: the header and unit of its value column, for tables whose columns measure different
   * things (a rate, a ratio, a duration). Queries without a refId get A, B, C… here, so the columns can be named.
   */
  readonly columns?: readonly TableColumn[];
}

const REF_IDS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The value field Grafana makes of an instant query: `Value` alone, `Value #<refId>` beside other queries. */
function valueField(refId: string, queries: number): string {
  return queries === 1 ? 'Value' : `Value #${refId}`;
}

/** House table: instant queries, merged into one row per label set, filterable. */
export function tablePanel(options: TableOptions): PanelBuilder {
  const targets: Builder<Dataquery>[] = targetsOf(options);
  const columns = options.columns ?? [];
  const built = targets.map((query, i) => {
    const target = query.build();
    const refId: unknown = (target as { refId?: unknown }).refId;
    if (i >= columns.length || (typeof refId === 'string' && refId !== '')) return target;
    return Object.assign({}, target, { refId: REF_IDS[i] ?? `Q${i}` });
  });
  const panel = new PanelBuilder()
    .title(options.title)
    .description(options.description)
    .targets(built.map((target) => ({ build: () => target })))
    .filterable(true);
  if (options.unit !== undefined) panel.unit(options.unit);
  columns.forEach((column, i) => {
    const refId: unknown = (built[i] as { refId?: unknown } | undefined)?.refId;
    if (typeof refId !== 'string') return;
    panel.withOverride({
      matcher: { id: 'byName', options: valueField(refId, built.length) },
      properties: [
        { id: 'displayName', value: column.title },
        { id: 'unit', value: column.unit },
        ...(column.decimals === undefined ? [] : [{ id: 'decimals', value: column.decimals }]),
      ],
    });
  });
  if (options.merge !== false) {
    panel.withTransformation({ id: 'merge', options: {} });
    panel.withTransformation({
      id: 'organize',
      options: { excludeByName: { Time: true }, indexByName: {}, renameByName: {} },
    });
  }
  return panel;
}
