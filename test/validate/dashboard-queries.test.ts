/**
 * One collector finds a dashboard's queries (src/validate/dashboard-queries.ts) for the query-syntax rule, the
 * dashboard lint rules and the metric catalogue: they read the same texts in the same languages, and the lint
 * rules parse each PromQL panel query once.
 */
import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { describe, expect, it, vi } from 'vitest';
import { collectQueries } from '../../src/catalogue/queries.ts';
import { buildValidated } from '../../src/commands/render.ts';
import { defineDashboard, promQuery, tablePanel, tempoQuery } from '../../src/index.ts';
import { analyzePromQL } from '../../src/promql/analyze.ts';
import { dashboardQueries } from '../../src/validate/dashboard-queries.ts';
import { syntaxErrorOf } from '../../src/validate/query/parse.ts';
import { at, baseDefinitions, dashboardInput, fixtureProject } from '../fixtures/project.ts';

vi.mock('../../src/promql/analyze.ts', { spy: true });
vi.mock('../../src/validate/query/parse.ts', { spy: true });

/** The fixture's dashboard with a table of PromQL and two Tempo targets that hold no TraceQL. */
function build() {
  const input = dashboardInput();
  const defs = baseDefinitions();
  defs.dashboard = at(
    'dashboards/red.ts',
    defineDashboard({
      ...input,
      dashboard: (input.dashboard as DashboardBuilder)
        .withPanel(
          tablePanel({
            title: 'Targets',
            description: 'x',
            unit: 'short',
            queries: [promQuery('count by (job) (up{job=~"$job"})')],
          }),
        )
        .withPanel(
          tablePanel({
            title: 'Search',
            description: 'x',
            queries: [
              tempoQuery('{ not traceql').queryType('traceqlSearch'),
              tempoQuery('').queryType('serviceMap'),
            ],
          }),
        ),
    }),
  );
  return buildValidated(fixtureProject(defs));
}

describe('the dashboard query collector', () => {
  it('gives the catalogue the queries validation checks, TraceQL only of traceql targets', () => {
    vi.mocked(analyzePromQL).mockClear();
    const built = build();
    const dashboard = built.registry.find('Dashboard', 'red');
    if (dashboard === undefined) throw new Error('the fixture has Dashboard/red');
    const collected = dashboardQueries(built.registry, dashboard).map((q) => `${q.path} ${q.language}`);
    expect(collected).toEqual([
      'templating.list[1].query PromQL',
      'panels[0].targets[0].expr PromQL',
      'panels[1].targets[0].expr LogQL',
      'panels[2].targets[0].query TraceQL',
      'panels[3].targets[0].expr PromQL',
    ]);
    const catalogued = collectQueries(built.registry)
      .filter((q) => q.resource === dashboard)
      .map((q) => `${q.path} ${q.language}`);
    expect(catalogued).toEqual(collected);
  });

  it('parses each PromQL panel query once: the lint rules analyse it, the syntax rule reuses the answer', () => {
    vi.mocked(analyzePromQL).mockClear();
    vi.mocked(syntaxErrorOf).mockClear();
    build();
    const texts = vi.mocked(analyzePromQL).mock.calls.map(([text]) => text.trim());
    expect(texts.filter((t) => t.startsWith('count by (job)'))).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith('sum by (job)'))).toHaveLength(1);
    const parsed = vi
      .mocked(syntaxErrorOf)
      .mock.calls.map(([language, text]) => `${language} ${text.trim()}`);
    // The two panel queries, as prepared (the recording rule's own `sum by (job)` is parsed by the syntax rule).
    const panelQueries = parsed.filter(
      (t) => /^PromQL (count|sum) by \(job\)/.test(t) && t.includes('__var_job__'),
    );
    expect(panelQueries).toEqual([]);
    // Everything else still goes through the syntax rule's own parse: the variable's PromQL among others.
    expect(parsed.some((t) => t.startsWith('PromQL '))).toBe(true);
  });
});
