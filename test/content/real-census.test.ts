/**
 * How many queries the real-binary tests prove, and how many only the metric catalogue checks: the figures the
 * README's "what is proven how" part quotes. Printed on every run (`npx vitest run test/content/real-census.test.ts`).
 */
import { describe, expect, it } from 'vitest';
import type { QueryCount } from './real-queries.ts';
import { REAL_COMPONENTS, proofCensus, total } from './real-queries.ts';

function line(what: string, count: QueryCount): string {
  return `${what}: ${total(count)} (${count.dashboards} dashboard, ${count.rules} rule, ${count.datasources} data source)`;
}

describe('what the real-binary tests prove', () => {
  it('counts the queries evaluated for real and those checked by the catalogue only', () => {
    const census = proofCensus();
    console.info(
      [
        line('PromQL queries evaluated against real binaries', census.real),
        ...Object.entries(census.realBy).map(([group, count]) => line(`  by the ${group} test`, count)),
        line('PromQL queries checked by the catalogue only', census.catalogueOnly),
        line('PromQL queries reading no component', census.noComponent),
        line('LogQL and TraceQL queries (structure only)', census.otherLanguages),
        'per component, queries reading it (a query reading several counts under each):',
        ...[...census.byComponent]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([c, n]) => `  ${c}: ${n.real} real, ${n.catalogueOnly} catalogue only`),
      ].join('\n'),
    );
    for (const c of Object.values(REAL_COMPONENTS).flat()) {
      expect(census.byComponent.get(c)?.real ?? 0, `queries proven on ${c}`).toBeGreaterThan(0);
      expect(census.byComponent.get(c)?.catalogueOnly ?? 0, `queries about ${c} left unproven`).toBe(0);
    }
  });
});
