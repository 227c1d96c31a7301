import type { Builder, Dataquery } from '@grafana/grafana-foundation-sdk/cog';
import type { ThresholdsConfigBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import type { ComponentOption } from '../components.ts';
import { withComponents } from '../components.ts';

/** What every panel of the house style has: a title, a description for the (i) tooltip, and its queries. */
export interface PanelBase {
  readonly title: string;
  /** Shown on hover; says what the panel shows and what good looks like. */
  readonly description: string;
  readonly queries: readonly Builder<Dataquery>[];
  /**
   * The component(s) whose telemetry the queries read (`'node-exporter'`, `['prometheus', 'alertmanager']`),
   * recorded on every target that does not declare its own (see `withComponents`). Tests evaluate the queries of
   * the components they run for real, so a panel about Prometheus, Alertmanager or the node exporter must say so.
   */
  readonly component?: ComponentOption;
}

/** The panel's queries, each declaring the panel's component unless it declares its own. */
export function targetsOf(options: PanelBase): Builder<Dataquery>[] {
  return options.queries.map((query) => withComponents(query, options.component));
}

/** Numeric panels must say what they measure in: `s`, `percentunit`, `reqps`, `bytes`, `short`, … */
export interface NumericPanel extends PanelBase {
  readonly unit: string;
  readonly decimals?: number;
  readonly min?: number;
  readonly max?: number;
  readonly thresholds?: ThresholdsConfigBuilder;
}

/** The panel types the kit requires a unit on; validation checks the same list. */
export const UNIT_REQUIRED_PANEL_TYPES: readonly string[] = ['timeseries', 'stat', 'gauge', 'bargauge'];

interface NumericPanelBuilder<T> {
  unit(unit: string): T;
  decimals(decimals: number): T;
  min(min: number): T;
  max(max: number): T;
  thresholds(thresholds: ThresholdsConfigBuilder): T;
}

/** Applies the numeric options shared by timeseries, stat and gauge. */
export function applyNumeric<T extends NumericPanelBuilder<T>>(panel: T, options: NumericPanel): T {
  panel.unit(options.unit);
  if (options.decimals !== undefined) panel.decimals(options.decimals);
  if (options.min !== undefined) panel.min(options.min);
  if (options.max !== undefined) panel.max(options.max);
  if (options.thresholds !== undefined) panel.thresholds(options.thresholds);
  return panel;
}
