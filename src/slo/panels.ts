/**
 * Panel factories of the error-budget dashboards, one per question: how good is the SLI, how much budget is
 * left, how fast does it burn, when is it gone, is anything firing. Layout is decided where dashboards are
 * composed (service-dashboard.ts, overview-dashboard.ts).
 */
import type { Selector } from '../config/selector.ts';
import { promQuery } from '../kit/queries.ts';
import { higherIsWorse, lowerIsWorse, thresholds } from '../kit/thresholds.ts';
import { statPanel } from '../kit/panels/stat.ts';
import { timeseriesPanel } from '../kit/panels/timeseries.ts';
import { decimalText, percentText } from './burn-rate.ts';
import { HUNDRED, div, mul, rational, sub, toNumber } from './decimal.ts';
import {
  budgetQuery,
  burnRateQuery,
  burnWindows,
  currentWindow,
  exhaustionQuery,
  firingQuery,
  legendOf,
  objectiveQuery,
  sliQuery,
} from './dashboard-queries.ts';
import type { Slo } from './model.ts';

type StatBuilder = ReturnType<typeof statPanel>;
type TimeseriesBuilder = ReturnType<typeof timeseriesPanel>;

/** The objective as a ratio, for thresholds (0.999). */
function objectiveRatio(slo: Slo): number {
  return toNumber(div(slo.objective, HUNDRED));
}

/** Half the budget spent: the orange line of SLI thresholds. */
function halfBudget(slo: Slo): number {
  return toNumber(sub(rational(1n), mul(slo.budget, rational(1n, 2n))));
}

/** Red when spent, orange below a quarter left. */
const BUDGET_STEPS = (): ReturnType<typeof lowerIsWorse> => lowerIsWorse(0, 0.25);

/** The lowest factor of the first tier (the page threshold a burn must reach to page). */
function pageFactor(slo: Slo): number {
  const factors = slo.tiers[0]?.pairs.map((p) => toNumber(p.factor)) ?? [];
  return factors.length === 0 ? 10 : Math.min(...factors);
}

function objectiveText(slo: Slo): string {
  return `${decimalText(slo.objective)}% over ${slo.period.name}`;
}

export function sliStat(slo: Slo, extra?: Selector): StatBuilder {
  return statPanel({
    title: `SLI over ${slo.period.name}`,
    description: `Share of good events over the rolling ${slo.period.name}, weighted by requests. The objective is ${objectiveText(slo)}: red below it, orange once half the error budget is spent.`,
    unit: 'percentunit',
    decimals: 3,
    thresholds: lowerIsWorse(objectiveRatio(slo), halfBudget(slo)),
    component: 'slo',
    queries: [promQuery(sliQuery(slo, slo.period, extra), { legend: legendOf(slo), instant: true })],
  });
}

export function budgetStat(slo: Slo, extra?: Selector): StatBuilder {
  return statPanel({
    title: 'Error budget left',
    description: `Share of the ${slo.period.name} error budget (${percentText(slo.budget)}% of events) not yet spent. 0 means the objective is missed; below 0 it is missed by that much.`,
    unit: 'percentunit',
    decimals: 1,
    thresholds: BUDGET_STEPS(),
    component: 'slo',
    queries: [promQuery(budgetQuery(slo, extra), { legend: legendOf(slo), instant: true })],
  });
}

export function burnRateStat(slo: Slo, extra?: Selector): StatBuilder {
  const window = currentWindow(slo);
  return statPanel({
    title: `Burn rate (${window.name})`,
    description: `How fast the error budget burns over the last ${window.name}: 1 spends exactly the budget over ${slo.period.name}; ${decimalText(slo.tiers[0]?.pairs[0]?.factor ?? rational(1n))} is the fastest alert threshold.`,
    unit: 'short',
    decimals: 2,
    thresholds: higherIsWorse(1, pageFactor(slo)),
    component: 'slo',
    queries: [promQuery(burnRateQuery(slo, window, extra), { legend: legendOf(slo), instant: true })],
  });
}

export function exhaustionStat(slo: Slo, extra?: Selector): StatBuilder {
  return statPanel({
    title: 'Time to exhaustion',
    description: `When the error budget runs out if the last ${currentWindow(slo).name}'s burn rate holds: budget left × ${slo.period.name} / burn rate. 0 once it is spent; empty while nothing burns.`,
    unit: 's',
    thresholds: thresholds('red', { color: 'orange', from: 86_400 }, { color: 'green', from: 7 * 86_400 }),
    sparkline: false,
    component: 'slo',
    queries: [promQuery(exhaustionQuery(slo, extra), { legend: legendOf(slo), instant: true })],
  });
}

export function alertsStat(slo: Slo): StatBuilder {
  return statPanel({
    title: 'Alerts firing',
    description: `Burn-rate alerts of this SLO firing now (${slo.tiers.map((t) => `${t.alert}: ${t.severity}`).join(', ') || 'no tier enabled'}), from Prometheus' ALERTS series.`,
    unit: 'short',
    decimals: 0,
    thresholds: thresholds('green', { color: 'red', from: 1 }),
    sparkline: false,
    component: 'slo',
    queries: [promQuery(firingQuery(slo), { instant: true })],
  });
}

export function sliTimeseries(slo: Slo, extra?: Selector): TimeseriesBuilder {
  const now = currentWindow(slo);
  return timeseriesPanel({
    title: 'SLI against objective',
    description: `Share of good events over the last ${now.name} and over the rolling ${slo.period.name}, with the objective (${objectiveText(slo)}). The ${slo.period.name} line must stay above the objective.`,
    unit: 'percentunit',
    max: 1,
    thresholds: lowerIsWorse(objectiveRatio(slo), halfBudget(slo)),
    showThresholds: true,
    component: 'slo',
    queries: [
      promQuery(sliQuery(slo, now, extra), { legend: legendOf(slo, now.name) }),
      promQuery(sliQuery(slo, slo.period, extra), { legend: legendOf(slo, slo.period.name) }),
      promQuery(objectiveQuery(slo), { legend: 'objective' }),
    ],
  });
}

export function budgetTimeseries(slo: Slo, extra?: Selector): TimeseriesBuilder {
  return timeseriesPanel({
    title: 'Error budget remaining',
    description: `Share of the error budget left over the rolling ${slo.period.name}: it falls while errors happen and recovers as old ones leave the period.`,
    unit: 'percentunit',
    max: 1,
    thresholds: BUDGET_STEPS(),
    showThresholds: true,
    component: 'slo',
    queries: [promQuery(budgetQuery(slo, extra), { legend: legendOf(slo) })],
  });
}

export function burnRateTimeseries(slo: Slo, extra?: Selector): TimeseriesBuilder {
  const pairs = slo.tiers.flatMap((t) =>
    t.pairs.map((p) => `${decimalText(p.factor)}× over ${p.long.name} (${t.name})`),
  );
  return timeseriesPanel({
    title: 'Burn rate per window',
    description: `Error ratio divided by the budget, per window: 1 spends the budget exactly over ${slo.period.name}. Alerts fire at ${pairs.join(', ') || 'no threshold (no tier enabled)'}, when the short window agrees.`,
    unit: 'short',
    min: 0,
    thresholds: higherIsWorse(1, pageFactor(slo)),
    component: 'slo',
    queries: burnWindows(slo).map((w) =>
      promQuery(burnRateQuery(slo, w, extra), { legend: legendOf(slo, w.name) }),
    ),
  });
}
