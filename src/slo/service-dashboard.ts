/**
 * One error-budget dashboard per service: a row per SLO with its SLI against the objective, the budget left
 * over the period, the burn rate per window, the time to exhaustion and the alert state. Grouping labels
 * (e.g. `service_name`) become variables.
 */
import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { dashboardLink, row, stackDashboard } from '../kit/dashboard.ts';
import { datasourceVariable, labelVariable } from '../kit/variables.ts';
import { decimalText } from './burn-rate.ts';
import { variableMatchers } from './dashboard-queries.ts';
import type { Slo } from './model.ts';
import { BASE_WINDOW, OVERVIEW_DASHBOARD_UID, SERVICE_LABEL, SLO_LABEL, SLO_RULES } from './naming.ts';
import {
  alertsStat,
  budgetStat,
  budgetTimeseries,
  burnRateStat,
  burnRateTimeseries,
  exhaustionStat,
  sliStat,
  sliTimeseries,
} from './panels.ts';
import { metric, re } from '../config/selector.ts';
import type { Window } from './window.ts';

export interface SloDashboardOptions {
  readonly datasourceUid: string;
  readonly tags?: readonly string[];
}

function longestPeriod(slos: readonly Slo[]): Window | undefined {
  return slos.reduce<Window | undefined>(
    (max, s) => (max === undefined || s.period.seconds > max.seconds ? s.period : max),
    undefined,
  );
}

function withSlo(dashboard: DashboardBuilder, slo: Slo): DashboardBuilder {
  const extra = variableMatchers(slo);
  return dashboard
    .withRow(row(`${slo.name}: ${decimalText(slo.objective)}% over ${slo.period.name}`))
    .withPanel(sliStat(slo, extra).height(5).span(5))
    .withPanel(budgetStat(slo, extra).height(5).span(5))
    .withPanel(burnRateStat(slo, extra).height(5).span(5))
    .withPanel(exhaustionStat(slo, extra).height(5).span(5))
    .withPanel(alertsStat(slo).height(5).span(4))
    .withPanel(sliTimeseries(slo, extra).height(8).span(8))
    .withPanel(budgetTimeseries(slo, extra).height(8).span(8))
    .withPanel(burnRateTimeseries(slo, extra).height(8).span(8));
}

/** The dashboard of one service's SLOs (all of the same `service`). */
export function serviceDashboard(
  service: string,
  slos: readonly Slo[],
  options: SloDashboardOptions,
): DashboardBuilder {
  const period = longestPeriod(slos);
  let dashboard = stackDashboard({
    title: `SLOs: ${service}`,
    description: `Error budgets of ${service}: ${slos.map((s) => `${s.name} (${s.description})`).join('; ')}`,
    tags: ['slo', service, ...(options.tags ?? [])],
    ...(period === undefined ? {} : { from: `now-${period.name}` }),
    refresh: '5m',
  })
    .link(dashboardLink('SLO overview', OVERVIEW_DASHBOARD_UID))
    .withVariable(datasourceVariable('prometheus', options.datasourceUid));
  const labels = [...new Set(slos.flatMap((s) => s.groupBy))];
  for (const label of labels) {
    // Values offered: those with traffic, in the SLOs grouped by the label (the request rate, which no panel
    // plots, so the picker's series family is only queried through SLOs that carry the label).
    const grouped = slos.filter((s) => s.groupBy.includes(label)).map((s) => s.name);
    dashboard = dashboard.withVariable(
      labelVariable({
        name: label,
        labelName: label,
        series: metric(SLO_RULES.requests(BASE_WINDOW), {
          [SERVICE_LABEL]: service,
          [SLO_LABEL]: re(grouped.join('|')),
        }),
      }),
    );
  }
  for (const slo of slos) dashboard = withSlo(dashboard, slo);
  return dashboard;
}
