/** Selecting an SLO's own generated series: by its identity labels, never by a join on label-less constants. */
import type { Selector } from '../config/selector.ts';
import { metric } from '../config/selector.ts';
import type { Slo } from './model.ts';
import { SERVICE_LABEL, SLO_LABEL } from './naming.ts';

/** `record{slo="…", service="…"}`, with extra matchers (dashboard variables) after the identity. */
export function ownSeries(slo: Pick<Slo, 'name' | 'service'>, record: string, extra?: Selector): string {
  return metric(record, { [SLO_LABEL]: slo.name, [SERVICE_LABEL]: slo.service }, extra);
}
