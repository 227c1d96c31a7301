import type { PanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { promQuery } from '../queries.ts';
import { shareOf, sumIncrease } from '../promql.ts';
import type { HttpServerSeries } from '../series.ts';
import { lowerIsWorse } from '../thresholds.ts';
import { statPanel } from './stat.ts';

export interface AvailabilityStatOptions {
  readonly title: string;
  readonly description: string;
  /** The requests and their 5xx answers (see beylaHttpServer). */
  readonly series: Pick<HttpServerSeries, 'requests' | 'errors'>;
  /** The availability objective, a ratio: `0.999`. Green from it, red below as far under it as it is under 1. */
  readonly objective: number;
}

/**
 * The share of HTTP requests not answered with a 5xx over the selected time range, as one number against the
 * availability objective: the overview and the per-service dashboard show the same figure this way.
 */
export function availabilityStat(options: AvailabilityStatOptions): PanelBuilder {
  const { requests, errors } = options.series;
  return statPanel({
    title: options.title,
    description: options.description,
    unit: 'percentunit',
    decimals: 3,
    sparkline: false,
    thresholds: lowerIsWorse(options.objective - (1 - options.objective), options.objective),
    component: 'beyla',
    queries: [promQuery(`1 - ${shareOf(sumIncrease(errors), sumIncrease(requests))}`, { instant: true })],
  });
}
