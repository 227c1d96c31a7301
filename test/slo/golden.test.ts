/**
 * Golden output of the SLO generator, and one objective changed in one place: the rules, the alerts, the
 * Grafana-managed rules and the dashboards all change with it, in every number derived from it, and in nothing
 * else. Regenerate the golden files with `SLO_GOLDEN_UPDATE=1 npx vitest run test/slo/golden.test.ts` after an
 * intended change, and review their diff.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ratioSlo, sloFixture } from './fixtures.ts';

const GOLDEN = fileURLToPath(new URL('./golden/', import.meta.url));
const UPDATE = process.env.SLO_GOLDEN_UPDATE === '1';

/** The generator's own output: rule files of every fixture SLO and one Grafana group with recording rules. */
const GOLDEN_FILES = [
  'prometheus/slo-checkout-availability.yml',
  'prometheus/slo-checkout-latency.yml',
  'prometheus/slo-payments-up.yml',
  'grafana/alert-rule-groups/slo-checkout-availability.json',
];

describe('golden SLO output', () => {
  const { files, problems } = sloFixture(undefined, { recordingRules: true });

  it('builds without problems', () => {
    expect(problems).toEqual([]);
  });

  it.each(GOLDEN_FILES)('renders %s as committed', (path) => {
    const content = files.get(path);
    expect(content).toBeDefined();
    // `.golden`: a name Prettier leaves alone, so that the files stay byte for byte what render writes.
    const golden = join(GOLDEN, `${path}.golden`);
    if (UPDATE && content !== undefined) {
      mkdirSync(dirname(golden), { recursive: true });
      writeFileSync(golden, content);
    }
    expect(content).toBe(readFileSync(golden, 'utf8'));
  });
});

/** A number as written: `0.0144`, `99.9`, `3` (not the 3 of `3d` or of `slo3`). */
const NUMBER = /(?<![\w.])\d+(?:\.\d+)?(?![\w.])/g;

function numbers(line: string): string[] {
  return line.match(NUMBER) ?? [];
}

/** Every number derived from the objective, at 99.9% and at 99.5% (30 days, Workbook tiers). */
const DERIVED: readonly (readonly [string, string])[] = [
  ['99.9', '99.5'], // objective, percent
  ['0.999', '0.995'], // objective, ratio
  ['0.001', '0.005'], // error budget; also the 1 × budget threshold
  ['0.1', '0.5'], // error budget, percent
  ['0.0144', '0.072'], // 14.4 × budget
  ['1.44', '7.2'],
  ['0.006', '0.03'], // 6 × budget
  ['0.6', '3'],
  ['0.003', '0.015'], // 3 × budget
  ['0.3', '1.5'],
  ['0.9995', '0.9975'], // half the budget spent (dashboard thresholds)
];

describe('an objective changed in one place', () => {
  const before = sloFixture([ratioSlo(99.9)]).files;
  const after = sloFixture([ratioSlo(99.5)]).files;
  const sloFiles = [...before.keys()].filter((path) => path.includes('/slo-'));
  const derived = new Map(DERIVED.map(([a, b]) => [b, a]));

  it('renders the same files', () => {
    expect(sloFiles.sort()).toEqual([
      'grafana/alert-rule-groups/slo-checkout-availability.json',
      'grafana/dashboards/slo-checkout.json',
      'grafana/dashboards/slo-overview.json',
      'prometheus/slo-checkout-availability.yml',
    ]);
    expect([...after.keys()].filter((path) => path.includes('/slo-')).sort()).toEqual(sloFiles);
  });

  it.each(sloFiles)('changes %s only in numbers derived from the objective', (path) => {
    const a = (before.get(path) ?? '').split('\n');
    const b = (after.get(path) ?? '').split('\n');
    expect(b.length).toBe(a.length);
    const unexplained: string[] = [];
    let changed = 0;
    a.forEach((lineA, i) => {
      const lineB = b[i] ?? '';
      if (lineA === lineB) return;
      changed += 1;
      const [na, nb] = [numbers(lineA), numbers(lineB)];
      const sameShape = lineA.replace(NUMBER, '#') === lineB.replace(NUMBER, '#');
      const explained =
        sameShape &&
        na.length === nb.length &&
        na.every((n, j) => n === nb[j] || derived.get(nb[j] ?? '') === n);
      if (!explained) unexplained.push(`${path}:${i + 1}\n  - ${lineA}\n  + ${lineB}`);
    });
    expect(unexplained).toEqual([]);
    // The overview reads the objective from the slo:objective:ratio series rather than writing it down.
    if (!path.endsWith('slo-overview.json')) expect(changed).toBeGreaterThan(0);
  });

  it('carries the new objective into rules, alerts, Grafana rules and dashboards alike', () => {
    const text = (path: string): string => after.get(path) ?? '';
    const rules = text('prometheus/slo-checkout-availability.yml');
    expect(rules).toContain('vector(0.995)');
    expect(rules).toContain('/ 0.005');
    for (const threshold of ['0.072', '0.03', '0.015', '0.005']) expect(rules).toContain(`> ${threshold}\n`);
    const grafana = text('grafana/alert-rule-groups/slo-checkout-availability.json');
    for (const threshold of ['0.072', '0.03', '0.015', '0.005'])
      expect(grafana).toContain(`> ${threshold}\\n`);
    const dashboard = text('grafana/dashboards/slo-checkout.json');
    expect(dashboard).toContain('"value": 0.995');
    expect(dashboard).toContain('99.5% over 30d');
    for (const path of sloFiles) {
      for (const old of ['0.999', '0.0144', '99.9%']) expect(text(path)).not.toContain(old);
    }
  });
});
