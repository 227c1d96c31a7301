import { describe, expect, it } from 'vitest';
import { buildValidated } from '../../src/commands/render.ts';
import { ValidationError } from '../../src/core/errors.ts';
import { asDashboard, defineDashboard } from '../../src/index.ts';
import { formatProblem } from '../../src/validate/problem.ts';
import { at, baseDefinitions, fixtureProject } from '../fixtures/project.ts';

/** A dashboard as a team clicked it together: a fixed data source, no unit, no description, a metric of its own. */
const clicked = {
  title: 'Checkout',
  panels: [
    {
      type: 'timeseries',
      title: 'Orders',
      gridPos: { x: 0, y: 0, w: 12, h: 8 },
      datasource: { type: 'prometheus', uid: 'team-prometheus' },
      targets: [{ refId: 'A', expr: 'sum(rate(checkout_orders_total[5m]))' }],
    },
  ],
};

function problemsOf(imported: boolean): { errors: string[]; warnings: string[] } {
  const defs = baseDefinitions();
  defs.checkout = at(
    'dashboards/checkout.ts',
    defineDashboard({
      uid: 'checkout',
      folderUid: 'services',
      dashboard: asDashboard(clicked),
      ...(imported ? { imported: true as const } : {}),
    }),
  );
  try {
    const built = buildValidated(fixtureProject(defs));
    return { errors: [], warnings: built.warnings.map(formatProblem) };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { errors: error.problems.map(formatProblem), warnings: [] };
  }
}

describe('imported content', () => {
  it('is adopted as it is: what the house style asks is a warning, and nothing is blocked', () => {
    const { errors, warnings } = problemsOf(true);
    expect(errors).toEqual([]);
    expect(warnings.length).toBeGreaterThanOrEqual(3);
    for (const w of warnings) expect(w).toMatch(/^warning: dashboards\/checkout\.ts Dashboard\/checkout /);
    expect(warnings.join('\n')).toContain(
      'reads checkout_orders_total, which is not in the metric catalogue',
    );
    expect(warnings.join('\n')).toContain('has no unit');
  });

  it('the same dashboard written in the repository is held to the house style', () => {
    const { errors } = problemsOf(false);
    expect(errors.join('\n')).toContain('reads checkout_orders_total, which is not in the metric catalogue');
    expect(errors.join('\n')).toContain('has no unit');
  });

  it('keeps what Grafana or Prometheus would refuse an error', () => {
    const defs = baseDefinitions();
    defs.checkout = at(
      'dashboards/checkout.ts',
      defineDashboard({
        uid: 'checkout',
        folderUid: 'services',
        imported: true,
        dashboard: asDashboard({
          ...clicked,
          panels: [{ ...clicked.panels[0], targets: [{ refId: 'A', expr: 'rate(checkout_orders_total)' }] }],
        }),
      }),
    );
    expect(() => buildValidated(fixtureProject(defs))).toThrow(
      /expected type matrix in call to function "rate"/,
    );
  });
});
