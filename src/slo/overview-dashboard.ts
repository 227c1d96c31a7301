/**
 * The dashboard of every SLO: one table row per SLO (and grouping value) with SLI, objective, budget left and
 * burn rate; the budgets and burn rates over time; what fires. Links to each service's dashboard.
 */
import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { metric, quote, re } from '../config/selector.ts';
import { dashboardLink, row, stackDashboard } from '../kit/dashboard.ts';
import { tablePanel } from '../kit/panels/table.ts';
import { statPanel } from '../kit/panels/stat.ts';
import { timeseriesPanel } from '../kit/panels/timeseries.ts';
import { promQuery } from '../kit/queries.ts';
import { higherIsWorse, lowerIsWorse, thresholds } from '../kit/thresholds.ts';
import { datasourceVariable } from '../kit/variables.ts';
import { currentWindow } from './dashboard-queries.ts';
import type { Slo } from './model.ts';
import { SERVICE_LABEL, SLO_LABEL, SLO_RULES, serviceDashboardUid } from './naming.ts';
import type { SloDashboardOptions } from './service-dashboard.ts';
import type { Window } from './window.ts';

/** `{slo=~"a|b"}` over a set of SLOs (names are lower-case words and hyphens: nothing to escape). */
function sloMatcher(slos: readonly Slo[]): { readonly [SLO_LABEL]: ReturnType<typeof re> } {
  return { [SLO_LABEL]: re(slos.map((s) => s.name).join('|')) };
}

/** One term per distinct window, joined with `or`: SLOs of different periods in one query. */
function byWindow(
  slos: readonly Slo[],
  windowOf: (slo: Slo) => Window,
  term: (w: string, sel: string) => string,
): string {
  const groups = new Map<string, Slo[]>();
  for (const slo of slos) {
    const name = windowOf(slo).name;
    groups.set(name, [...(groups.get(name) ?? []), slo]);
  }
  return [...groups.entries()]
    .map(([w, members]) => `(${term(w, quote(members.map((s) => s.name).join('|')))})`)
    .join(' or ');
}

function legend(slos: readonly Slo[]): string {
  const labels = [...new Set(slos.flatMap((s) => s.groupBy))];
  return ['{{slo}}', ...labels.map((l) => `{{${l}}}`)].join(' ');
}

export function overviewDashboard(slos: readonly Slo[], options: SloDashboardOptions): DashboardBuilder {
  const every = sloMatcher(slos);
  const services = [...new Set(slos.map((s) => s.service))];
  const ratio = (w: string, names: string): string => `${SLO_RULES.errorRatio(w)}{${SLO_LABEL}=~${names}}`;
  const sli = byWindow(
    slos,
    (s) => s.period,
    (w, names) => `1 - ${ratio(w, names)}`,
  );
  // The objective on every row of the SLI (grouping labels included): 0 × SLI + the SLO's objective.
  const objective = byWindow(
    slos,
    (s) => s.period,
    (w, names) =>
      `0 * ${ratio(w, names)} + on(${SLO_LABEL}, ${SERVICE_LABEL}) group_left ${SLO_RULES.objective}{${SLO_LABEL}=~${names}}`,
  );
  const burn = byWindow(
    slos,
    currentWindow,
    (w, names) => `${SLO_RULES.burnRate(w)}{${SLO_LABEL}=~${names}}`,
  );
  const budget = metric(SLO_RULES.budgetRemaining, every);
  const windows = [...new Set(slos.map((s) => currentWindow(s).name))].join(', ');
  return stackDashboard({
    title: 'SLO overview',
    description: `Every service level objective of the stack: ${slos.map((s) => `${s.name} (${s.service})`).join(', ')}.`,
    tags: ['slo', ...(options.tags ?? [])],
    from: 'now-7d',
    refresh: '5m',
  })
    .links(services.map((service) => dashboardLink(`SLOs: ${service}`, serviceDashboardUid(service))))
    .withVariable(datasourceVariable('prometheus', options.datasourceUid))
    .withRow(row('Now'))
    .withPanel(
      tablePanel({
        title: 'Every SLO',
        description: `One row per SLO (and per value of its grouping labels): the SLI over its period, its objective, the share of the error budget left, and the burn rate over ${windows} (1 spends the budget exactly over the period).`,
        component: 'slo',
        columns: [
          { title: 'SLI', unit: 'percentunit', decimals: 3 },
          { title: 'Objective', unit: 'percentunit', decimals: 3 },
          { title: 'Budget left', unit: 'percentunit', decimals: 1 },
          { title: 'Burn rate', unit: 'short', decimals: 2 },
        ],
        queries: [sli, objective, budget, burn].map((expr) =>
          promQuery(expr, { instant: true, format: 'table' }),
        ),
      })
        .height(9)
        .span(18),
    )
    .withPanel(
      statPanel({
        title: 'Out of budget',
        description:
          'SLO series (SLO and grouping value) whose error budget is spent: the objective is missed over the period.',
        unit: 'short',
        decimals: 0,
        thresholds: thresholds('green', { color: 'red', from: 1 }),
        sparkline: false,
        component: 'slo',
        queries: [promQuery(`count(${budget} <= 0) or vector(0)`, { instant: true })],
      })
        .height(9)
        .span(6),
    )
    .withRow(row('Over time'))
    .withPanel(
      timeseriesPanel({
        title: 'Error budget remaining',
        description:
          'Share of each SLO’s error budget left over its rolling period. At 0 the objective is missed.',
        unit: 'percentunit',
        max: 1,
        thresholds: lowerIsWorse(0, 0.25),
        showThresholds: true,
        component: 'slo',
        queries: [promQuery(budget, { legend: legend(slos) })],
      })
        .height(8)
        .span(12),
    )
    .withPanel(
      timeseriesPanel({
        title: 'Burn rate',
        description: `Burn rate of each SLO over ${windows}: 1 spends the budget exactly over the period; the fastest page fires from about 14× (30-day periods).`,
        unit: 'short',
        min: 0,
        thresholds: higherIsWorse(1, 6),
        component: 'slo',
        queries: [promQuery(burn, { legend: legend(slos) })],
      })
        .height(8)
        .span(12),
    )
    .withRow(row('Alerts'))
    .withPanel(
      tablePanel({
        title: 'Burn-rate alerts firing',
        description:
          'The SLO alerts firing now, with their tier and severity, from Prometheus’ ALERTS series.',
        component: 'slo',
        queries: [
          promQuery(metric('ALERTS', every, { alertstate: 'firing' }), { instant: true, format: 'table' }),
        ],
      })
        .height(8)
        .span(24),
    );
}
