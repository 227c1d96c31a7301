/**
 * PromQL of the error-budget dashboards. They read only the recorded `slo:*` series (cheap over 30 days, and the
 * very numbers the alerts compare), selected by the SLO's identity and, on a service's dashboard, by the
 * grouping-label variables.
 */
import type { Selector } from '../config/selector.ts';
import { metric, re } from '../config/selector.ts';
import type { Slo } from './model.ts';
import { SERVICE_LABEL, SLO_LABEL, SLO_RULES } from './naming.ts';
import { ownSeries } from './series.ts';
import type { Window } from './window.ts';

/** `label=~"$label"` for each grouping label: the service dashboard's variables. */
export function variableMatchers(slo: Slo): Selector {
  return Object.fromEntries(slo.groupBy.map((label) => [label, re(`$${label}`)]));
}

/** The window a dashboard shows as "now": the shortest long window of the alerts (1h), else the period. */
export function currentWindow(slo: Slo): Window {
  const longs = slo.tiers.flatMap((t) => t.pairs.map((p) => p.long));
  return longs.reduce<Window>((min, w) => (w.seconds < min.seconds ? w : min), slo.period);
}

/** The long windows of the alerts, then the period: the burn rates worth plotting. */
export function burnWindows(slo: Slo): Window[] {
  const byName = new Map<string, Window>();
  for (const w of [...slo.tiers.flatMap((t) => t.pairs.map((p) => p.long)), slo.period])
    byName.set(w.name, w);
  return [...byName.values()].sort((a, b) => (a.seconds < b.seconds ? -1 : a.seconds > b.seconds ? 1 : 0));
}

/** Legend of a series: the grouping labels' values, or the SLO's name when it is not grouped. */
export function legendOf(slo: Slo, prefix = ''): string {
  const own = slo.groupBy.length === 0 ? slo.name : slo.groupBy.map((l) => `{{${l}}}`).join(' ');
  return prefix === '' ? own : `${prefix} ${own}`;
}

export function sliQuery(slo: Slo, window: Window, extra?: Selector): string {
  return `1 - ${ownSeries(slo, SLO_RULES.errorRatio(window.name), extra)}`;
}

export function objectiveQuery(slo: Slo): string {
  return ownSeries(slo, SLO_RULES.objective);
}

export function budgetQuery(slo: Slo, extra?: Selector): string {
  return ownSeries(slo, SLO_RULES.budgetRemaining, extra);
}

export function burnRateQuery(slo: Slo, window: Window, extra?: Selector): string {
  return ownSeries(slo, SLO_RULES.burnRate(window.name), extra);
}

/**
 * Seconds until the budget is gone if the current burn rate holds: remaining share × period / burn rate. 0 once
 * the budget is spent; no value while nothing burns. (An estimate: in a rolling period old errors also age out.)
 */
export function exhaustionQuery(slo: Slo, extra?: Selector): string {
  const remaining = budgetQuery(slo, extra);
  const burn = burnRateQuery(slo, currentWindow(slo), extra);
  return `clamp_min(${remaining}, 0) * ${slo.period.seconds} / (${burn} > 0)`;
}

/** Firing alerts of the SLO, as Prometheus' ALERTS series counts them (0 when none). */
export function firingQuery(slo: Pick<Slo, 'name' | 'service'>): string {
  return `count(${metric('ALERTS', { [SLO_LABEL]: slo.name, [SERVICE_LABEL]: slo.service, alertstate: 'firing' })}) or vector(0)`;
}
