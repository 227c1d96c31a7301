/**
 * Detection times, computed as the SRE Workbook defines them and checked with the real promtool: for the stack's
 * three SLOs over a 28-day and a 7-day period, each burn-rate tier must fire at the first one-minute evaluation at
 * which, for one of its window pairs, the exact error ratio of both windows is above the pair's threshold
 * (`budgetPercent / 100 × period / long × budget`), and not one evaluation before; a tier whose threshold the
 * scenario never passes must never fire. The exact ratios are computed here from the scenario's minute-by-minute
 * events in whole numbers, apart from the rules; the rules are rendered for each period from the SLO definitions.
 *
 * Scenarios, after a healthy warm-up as long as the windows they are about: a total outage; a 2% error rate at
 * 99.9% (20 times the budget: 20 × B for each SLO); a slow burn at 2 × B (with 28 days: a ticket after about
 * 1.4 days, never a page); and traffic exactly at budget.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import stack from '../../stack.config.ts';
import availability from '../../slos/availability.ts';
import dataQuality from '../../slos/data-quality.ts';
import performance from '../../slos/performance.ts';
import { ruleFileYaml } from '../../src/alerting/prometheus-file.ts';
import { buildSlo, sloInputOf } from '../../src/slo/define-slo.ts';
import type { SloInput } from '../../src/slo/input.ts';
import { sloRuleGroup } from '../../src/slo/rule-group.ts';
import { parseWindow } from '../../src/slo/window.ts';
import { yamlFile } from '../../src/render/yaml-file.ts';
import { runTool } from '../fixtures/tools.ts';

const config = stack.resolve();
const scratch = mkdtempSync(join(tmpdir(), 'gsac-detection-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A decimal text as a fraction of big integers: `99.9` → 999/10. */
function fraction(text: string): { n: bigint; d: bigint } {
  const [whole = '0', decimals = ''] = text.split('.');
  const d = 10n ** BigInt(decimals.length);
  return { n: BigInt(whole) * d + BigInt(decimals === '' ? '0' : decimals), d };
}

function minutes(window: string): bigint {
  const w = parseWindow(window);
  if (w === undefined) throw new Error(`not a window: ${window}`);
  return w.seconds / 60n;
}

/** How each SLO's raw series look, for `good` and `bad` events a minute (cumulative counters). */
interface Feed {
  readonly slo: string;
  /** Events a minute: chosen so that the budget is a whole number of events. */
  readonly rate: number;
  readonly series: (good: readonly number[], bad: readonly number[]) => { series: string; values: string }[];
}

/** A counter's values from events per minute: the value at t = 0 and after every minute, written out. */
function counter(perMinute: readonly number[]): string {
  let total = 0;
  const values = ['0'];
  for (const n of perMinute) {
    total += n;
    values.push(String(total));
  }
  return values.join(' ');
}

const add = (a: readonly number[], b: readonly number[]): number[] => a.map((x, i) => x + (b[i] ?? 0));

const FEEDS: readonly Feed[] = [
  {
    slo: 'availability',
    rate: 1000,
    series: (good, bad) => [
      {
        series: `http_server_request_duration_seconds_count{service_name="svc", http_response_status_code="200"}`,
        values: counter(good),
      },
      {
        series: `http_server_request_duration_seconds_count{service_name="svc", http_response_status_code="500"}`,
        values: counter(bad),
      },
    ],
  },
  {
    slo: 'performance',
    rate: 1000,
    series: (good, bad) => [
      {
        series: `http_server_request_duration_seconds_count{service_name="svc"}`,
        values: counter(add(good, bad)),
      },
      {
        series: `http_server_request_duration_seconds_bucket{service_name="svc", le="0.2"}`,
        values: counter(good),
      },
    ],
  },
  {
    slo: 'data-quality',
    rate: 10000,
    series: (good, bad) => [
      {
        series: 'loki_write_sent_entries_total{job="alloy", instance="alloy-0", host="loki:3100"}',
        values: counter(good),
      },
      {
        series:
          'loki_write_dropped_entries_total{job="alloy", instance="alloy-0", host="loki:3100", reason="ingester_error"}',
        values: counter(bad),
      },
    ],
  },
];

const DEFINITIONS = { availability, performance, 'data-quality': dataQuality } as const;

interface Scenario {
  readonly name: string;
  /** Healthy minutes first. */
  readonly warmUp: number;
  readonly minutes: number;
  /** Bad events a minute after the warm-up, as a multiple of the budget (or `outage`: every event). */
  readonly burn: number | 'outage';
  /** From the start, at exactly the budget (no warm-up). */
  readonly fromStart?: boolean;
  /**
   * Minutes between evaluations: one for the pages (minutes count), fifteen for the slow burn (days count, and
   * promtool evaluates every rule at every step of the days simulated).
   */
  readonly step: number;
}

const SCENARIOS: readonly Scenario[] = [
  { name: 'total outage', warmUp: 360, minutes: 60, burn: 'outage', step: 1 },
  { name: '20 × budget (2% at 99.9%)', warmUp: 360, minutes: 120, burn: 20, step: 1 },
  { name: 'slow burn at 2 × budget', warmUp: 4320, minutes: 2880, burn: 2, step: 15 },
  { name: 'exactly at budget', warmUp: 0, minutes: 360, burn: 1, fromStart: true, step: 1 },
];

interface Tier {
  readonly alert: string;
  readonly pairs: readonly {
    readonly long: bigint;
    readonly short: bigint;
    readonly percent: { n: bigint; d: bigint };
  }[];
}

interface Case {
  readonly step: number;
  readonly group: Record<string, unknown>;
  /** Per tier: the minute it first fires, or undefined. */
  readonly fires: ReadonlyMap<string, number | undefined>;
}

/** The first evaluation (a multiple of `step` minutes) at which a tier's exact model fires, or undefined. */
function firstFiring(
  tier: Tier,
  good: readonly number[],
  bad: readonly number[],
  period: bigint,
  budget: { n: bigint; d: bigint },
  step: number,
): number | undefined {
  const goodSum = [0n];
  const badSum = [0n];
  good.forEach((g, i) => {
    goodSum.push((goodSum[i] ?? 0n) + BigInt(g));
    badSum.push((badSum[i] ?? 0n) + BigInt(bad[i] ?? 0));
  });
  // ratio over (t − W, t] > percent/100 × period/long × budget, in whole numbers.
  const above = (t: number, window: bigint, long: bigint, percent: { n: bigint; d: bigint }): boolean => {
    const from = Math.max(0, t - Number(window));
    const b = (badSum[t] ?? 0n) - (badSum[from] ?? 0n);
    const all = b + (goodSum[t] ?? 0n) - (goodSum[from] ?? 0n);
    if (all === 0n) return false;
    return b * 100n * long * percent.d * budget.d > all * percent.n * period * budget.n;
  };
  for (let t = step; t <= good.length; t += step) {
    if (tier.pairs.some((p) => above(t, p.long, p.long, p.percent) && above(t, p.short, p.long, p.percent)))
      return t;
  }
  return undefined;
}

function promtoolCase(feed: Feed, input: SloInput, scenario: Scenario): Case {
  const budget = (() => {
    const objective = fraction(String(input.objective));
    return { n: 100n * objective.d - objective.n, d: 100n * objective.d };
  })();
  const period = minutes(input.period ?? '30d');
  const perBudget = Number((BigInt(feed.rate) * budget.n) / budget.d);
  const burnt = scenario.burn === 'outage' ? feed.rate : Math.min(feed.rate, scenario.burn * perBudget);
  const total = scenario.warmUp + scenario.minutes;
  const bad = Array.from({ length: total }, (_, i) => (i < scenario.warmUp ? 0 : burnt));
  const good = bad.map((b) => feed.rate - b);
  const tiers: Tier[] = Object.entries(input.alerting?.tiers ?? {}).flatMap(([key, tier]) =>
    tier === false || tier.windows === undefined
      ? []
      : [
          {
            alert: `Slo${input.name
              .split('-')
              .map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`)
              .join('')}ErrorBudgetBurn${key.charAt(0).toUpperCase()}${key.slice(1)}`,
            pairs: tier.windows.map((w) => ({
              long: minutes(w.long),
              short: minutes(w.short),
              percent: fraction(String(w.budgetPercent)),
            })),
          },
        ],
  );
  const fires = new Map<string, number | undefined>();
  const checks: Record<string, unknown>[] = [];
  const count = (alert: string): string => `count(ALERTS{alertname="${alert}", alertstate="firing"})`;
  for (const tier of tiers) {
    const first = firstFiring(tier, good, bad, period, budget, scenario.step);
    fires.set(tier.alert, first);
    if (first === undefined) {
      checks.push({
        expr: `max_over_time(ALERTS{alertname="${tier.alert}"}[${total}m])`,
        eval_time: `${total}m`,
        exp_samples: [],
      });
      continue;
    }
    checks.push({
      expr: count(tier.alert),
      eval_time: `${first}m`,
      exp_samples: [{ labels: '{}', value: 1 }],
    });
    if (first > scenario.step)
      checks.push({ expr: count(tier.alert), eval_time: `${first - scenario.step}m`, exp_samples: [] });
  }
  return {
    step: scenario.step,
    group: {
      name: `${input.name} over ${input.period ?? ''}: ${scenario.name}`,
      interval: '1m',
      input_series: feed.series(good, bad),
      promql_expr_test: checks,
    },
    fires,
  };
}

describe.each(['28d', '7d'])('burn-rate alerts over a %s period', (period) => {
  const results = new Map<string, Map<string, number | undefined>>();
  const groups = new Map<number, Record<string, unknown>[]>();
  const ruleFiles: string[] = [];
  for (const feed of FEEDS) {
    const base = sloInputOf(DEFINITIONS[feed.slo as keyof typeof DEFINITIONS], config);
    if (base === undefined) throw new Error(`no SLO ${feed.slo}`);
    const input: SloInput = { ...base, period };
    const ruleFile = `${feed.slo}-${period}.yml`;
    writeFileSync(
      join(scratch, ruleFile),
      yamlFile(ruleFileYaml(sloRuleGroup(buildSlo(input, `slos/${feed.slo}.ts`))), [`slos/${feed.slo}.ts`]),
    );
    ruleFiles.push(ruleFile);
    for (const scenario of SCENARIOS) {
      const c = promtoolCase(feed, input, scenario);
      groups.set(c.step, [...(groups.get(c.step) ?? []), c.group]);
      results.set(`${feed.slo}: ${scenario.name}`, new Map(c.fires));
    }
  }

  // promtool evaluates every rule at every step of the days a scenario simulates: minutes of CPU on a small machine.
  it.each([1, 15])(
    'fire at the first evaluation after the exact window ratios cross, and never before (promtool, every %i min)',
    (step) => {
      const file = `detection-${period}-${step}m.test.yml`;
      writeFileSync(
        join(scratch, file),
        stringify({ rule_files: ruleFiles, evaluation_interval: `${step}m`, tests: groups.get(step) ?? [] }),
      );
      const result = runTool('promtool', ['test', 'rules', file], scratch);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    },
    300_000,
  );

  it('page a total outage and a 20 × budget burn within the Workbook detection time', () => {
    // The page's 1h window at 2% of the budget: the threshold is 0.02 × period / 1h × B. A total outage reaches
    // it after 0.02 × period / 1h × B × 60 minutes, a burn at 20 × B after 1/20 of the hour of that.
    const hours = Number(minutes(period)) / 60;
    for (const slo of ['availability', 'performance', 'data-quality']) {
      const name = slo === 'data-quality' ? 'DataQuality' : `${slo.charAt(0).toUpperCase()}${slo.slice(1)}`;
      const page = `Slo${name}ErrorBudgetBurnPage`;
      const budget = slo === 'availability' ? 0.001 : slo === 'performance' ? 0.05 : 0.0001;
      const outage = results.get(`${slo}: total outage`)?.get(page);
      expect(outage, slo).toBe(360 + Math.floor(0.02 * hours * budget * 60 + 1e-9) + 1);
      const burn = results.get(`${slo}: 20 × budget (2% at 99.9%)`)?.get(page);
      expect(burn, slo).toBe(360 + Math.floor((0.02 * hours * 60) / 20 + 1e-9) + 1);
    }
  });

  if (period === '28d') {
    it('open a ticket for a slow burn at 2 × budget after about a day and a half, never a page', () => {
      for (const slo of ['Availability', 'Performance', 'DataQuality']) {
        const key = `${slo === 'DataQuality' ? 'data-quality' : slo.toLowerCase()}: slow burn at 2 × budget`;
        const ticket = results.get(key)?.get(`Slo${slo}ErrorBudgetBurnTicket`);
        // 3d/6h pair: 10% of 28 days' budget in 3 days is 0.9333 × B; at 2 × B the 3d ratio gets there after
        // 0.9333 / 2 × 3 days = 1.4 days.
        // Exactly at the threshold after 2016 minutes, above it from the next: evaluated every 15 minutes, the
        // first evaluation after that.
        expect(ticket, slo).toBe(Math.ceil((4320 + 2016 + 1) / 15) * 15);
        expect(results.get(key)?.get(`Slo${slo}ErrorBudgetBurnPage`), slo).toBeUndefined();
      }
    });
  }
});
