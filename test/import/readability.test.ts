/**
 * What a reviewer reads: one dashboard of 50 panels imported is written with the kit's helpers wherever they make
 * the panel (the test counts them), and no panel's code is longer than its JSON; a panel no helper makes is its
 * JSON, no longer either.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { normalizedDashboard } from '../../src/define/dashboard.ts';
import {
  datasourceVariable,
  gaugePanel,
  higherIsWorse,
  lokiQuery,
  logsPanel,
  promQuery,
  row,
  stackDashboard,
  statPanel,
  tablePanel,
  timeseriesPanel,
} from '../../src/index.ts';
import type { Code } from '../../src/import/code.ts';
import { print } from '../../src/import/code.ts';
import { NO_CONFIG_REFS } from '../../src/import/config-refs.ts';
import { dashboardCode, dashboardDifferences } from '../../src/import/dashboard.ts';

/** Panels of every kit helper, with the options real content gives them. */
function fiftyPanels(): Dashboard {
  const d = stackDashboard({ title: 'Fifty', description: 'Fifty panels.', tags: ['review'] }).withVariable(
    datasourceVariable('prometheus', 'prometheus'),
  );
  for (let i = 0; i < 50; i += 1) {
    const q = promQuery(
      `sum by (route) (rate(http_server_request_duration_seconds_count{route="/r/${i}"}[$__rate_interval]))`,
      {
        legend: '{{route}}',
      },
    );
    const base = { title: `Panel ${i}`, description: `What panel ${i} shows.`, queries: [q] };
    if (i % 10 === 0) d.withRow(row(`Row ${i / 10}`));
    switch (i % 5) {
      case 0:
        d.withPanel(
          statPanel({ ...base, unit: 'reqps', thresholds: higherIsWorse(10, 20) })
            .height(4)
            .span(6),
        );
        break;
      case 1:
        d.withPanel(
          gaugePanel({ ...base, unit: 'percentunit', min: 0, max: 1 })
            .height(4)
            .span(6),
        );
        break;
      case 2:
        d.withPanel(
          tablePanel({ ...base, unit: 'reqps' })
            .height(8)
            .span(12),
        );
        break;
      case 3:
        d.withPanel(
          logsPanel({ ...base, queries: [lokiQuery(`{job="svc-${i}"} |= "error"`)] })
            .height(8)
            .span(12),
        );
        break;
      default:
        d.withPanel(
          timeseriesPanel({ ...base, unit: 's', stack: true })
            .height(8)
            .span(12),
        );
    }
  }
  return normalizedDashboard(d.build(), 'fifty');
}

/** The code of each panel, out of the code of the dashboard. */
function panelCodesOf(input: Code): readonly Code[] {
  const fields = input.kind === 'object' ? input.fields : [];
  const dashboard = fields.find(([k]) => k === 'dashboard')?.[1];
  const model =
    dashboard?.kind === 'call' && dashboard.args[0]?.kind === 'object' ? dashboard.args[0].fields : [];
  const panels = model.find(([k]) => k === 'panels')?.[1];
  return panels?.kind === 'array' ? panels.items : [];
}

describe('imported code a reviewer can read', () => {
  it('writes a 50-panel dashboard with kit helpers, each panel shorter than its JSON', () => {
    const model = fiftyPanels() as unknown as Record<string, unknown>;
    const code = dashboardCode('fifty', undefined, model, NO_CONFIG_REFS);
    expect(dashboardDifferences(code, 'fifty', model)).toEqual([]);
    expect(code.raw).toBe(0);
    expect(code.helpers).toEqual({
      statPanel: 10,
      gaugePanel: 10,
      tablePanel: 10,
      logsPanel: 10,
      timeseriesPanel: 10,
      row: 5,
    });
    const panels = model.panels as unknown[];
    const items = panelCodesOf(code.input);
    expect(items).toHaveLength(panels.length);
    items.forEach((item, i) => {
      expect(print(item).length, `panel ${i}`).toBeLessThan(JSON.stringify(panels[i]).length);
    });
    // Twice shorter on the whole.
    expect(print(code.input).length * 2).toBeLessThan(JSON.stringify(model).length);
  });

  it('writes a panel no helper makes as its JSON, no longer than that', () => {
    const path = fileURLToPath(
      new URL('./fixtures/dashboards/rfmoz-node-exporter-full.json', import.meta.url),
    );
    const model = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    const code = dashboardCode('node', undefined, model, NO_CONFIG_REFS);
    expect(dashboardDifferences(code, 'node', model)).toEqual([]);
    const panels = model.panels as unknown[];
    const items = panelCodesOf(code.input);
    expect(items).toHaveLength(panels.length);
    items.forEach((item, i) => {
      expect(print(item).length, `panel ${i}`).toBeLessThanOrEqual(JSON.stringify(panels[i]).length);
    });
  });
});
