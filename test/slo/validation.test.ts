/**
 * SLO input problems, in the project's format (`<file> <Kind/uid> <field path>: <problem>. <fix>`), every one of
 * them at once; and how they surface when the project is built.
 */
import { describe, expect, it } from 'vitest';
import type { SloInput } from '../../src/index.ts';
import { SloDefinitionError } from '../../src/index.ts';
import { buildSlo } from '../../src/slo/define-slo.ts';
import type { Problem } from '../../src/validate/problem.ts';
import { formatProblem } from '../../src/validate/problem.ts';
import { latencySlo, ratioSlo, sloFixture } from './fixtures.ts';

const FILE = 'slos/checkout.ts';

/** Every problem of an input; empty when it builds. */
function problemObjects(input: SloInput): readonly Problem[] {
  try {
    buildSlo(input, FILE);
    return [];
  } catch (error) {
    if (error instanceof SloDefinitionError) return error.problems;
    throw error;
  }
}

function problemsOf(input: SloInput): string[] {
  return problemObjects(input).map(formatProblem);
}

describe('SLO validation', () => {
  it('accepts the fixtures', () => {
    expect(problemsOf(ratioSlo())).toEqual([]);
    expect(problemsOf(latencySlo())).toEqual([]);
  });

  it.each([100, 0, -1, 100.5])(
    'rejects an objective of %s: it must lie strictly between 0 and 100',
    (objective) => {
      const [problem] = problemsOf(ratioSlo(objective));
      expect(problem).toMatch(
        new RegExp(
          `^slos/checkout\\.ts AlertRuleGroup/slo-checkout-availability objective: ${objective}% is not strictly between 0 and 100\\. `,
        ),
      );
    },
  );

  it('explains why 100% cannot be an objective', () => {
    expect(problemsOf(ratioSlo(100))).toEqual([
      'slos/checkout.ts AlertRuleGroup/slo-checkout-availability objective: 100% is not strictly between 0 and 100. An objective of 100% leaves no error budget to alert on; use 99.99 or another value below 100.',
    ]);
  });

  it('rejects an objective that is not a number', () => {
    expect(problemsOf(ratioSlo('ninety-nine'))).toEqual([
      'slos/checkout.ts AlertRuleGroup/slo-checkout-availability objective: "ninety-nine" is not a decimal number. Write the objective as a percentage, e.g. 99.9.',
    ]);
  });

  it('rejects a fast-burn threshold at or above 100% errors, and says what to change', () => {
    expect(problemsOf(ratioSlo(90))).toEqual([
      'slos/checkout.ts AlertRuleGroup/slo-checkout-availability alerting.tiers.page.windows[0]: the page burn threshold over 1h/5m is 14.4× the 10% error budget = 144% errors, at or above 100%: no error ratio can exceed it, so this pair could never fire and a burn that fast would go unnoticed. Lower budgetPercent below 1.38888888888889 (so that factor × budget stays under 1), raise the objective, or disable the tier with page: false.',
    ]);
  });

  it('rejects a latency threshold that is no bucket bound, naming the bounds that exist', () => {
    const input = latencySlo();
    const sli = input.sli.kind === 'latency' ? { ...input.sli, thresholdSeconds: 0.3 } : input.sli;
    expect(problemsOf({ ...input, sli })).toEqual([
      'slos/checkout.ts AlertRuleGroup/slo-checkout-latency sli.thresholdSeconds: 0.3 s is not a bucket bound of http_request_duration_seconds (its bounds are 0.1, 0.25, 0.5, 1, 2.5): the le matcher would select no series and the SLI would silently disappear. Use one of those bounds as the threshold, or add the bound to the histogram (and to buckets here) first.',
    ]);
  });

  it('rejects annotations the generator writes itself, rather than overwriting them silently', () => {
    const input: SloInput = {
      ...ratioSlo(),
      alerting: {
        annotations: { summary: 'Checkout fails', runbook_url: 'https://x', playbook: 'https://y' },
      },
    };
    expect(problemsOf(input)).toEqual([
      expect.stringMatching(
        /^slos\/checkout\.ts AlertRuleGroup\/slo-checkout-availability alerting\.annotations\.summary: annotation summary is written by the SLO generator, which would overwrite this value\. Remove it or give it another name; the generator sets summary, description, .* itself \(the runbook comes from runbookUrl\)\.$/,
      ),
      expect.stringMatching(
        /^slos\/checkout\.ts AlertRuleGroup\/slo-checkout-availability alerting\.annotations\.runbook_url: annotation runbook_url is written by the SLO generator/,
      ),
    ]);
  });

  it('rejects events that are neither a counter selector nor a list of them (an expression form no longer exists)', () => {
    const base = ratioSlo();
    const sli = {
      kind: 'ratio',
      errors: { rate: (w: string) => `sum(rate(x_errors[${w}]))` },
      total: 'x_total',
    };
    expect(problemsOf({ ...base, sli: sli as unknown as SloInput['sli'] })).toEqual([
      'slos/checkout.ts AlertRuleGroup/slo-checkout-availability sli.errors: the errors events are neither a counter selector nor a list of them. Give the counter with its selector, e.g. metric("http_requests_total", cfg.selectors.api), or a list of such counters.',
    ]);
  });

  it('reports every problem of one SLO at once, each with its field path', () => {
    const input: SloInput = {
      ...ratioSlo(),
      name: 'Checkout Availability',
      period: 'a month',
      groupBy: ['slo', 'route', 'route'],
      labels: { severity: 'high' },
      alerting: {
        tiers: {
          page: { windows: [{ long: '5m', short: '1h', budgetPercent: 0 }] },
          ticket: { severity: '' },
          chat: { severity: 'info' },
        },
      },
    };
    expect(problemObjects(input).map((p) => p.path)).toEqual([
      'name',
      'period',
      'groupBy[0]',
      'groupBy[2]',
      'labels.severity',
      'alerting.tiers.chat',
      'alerting.tiers.page.windows[0].budgetPercent',
      'alerting.tiers.page.windows[0].short',
      'alerting.tiers.ticket.severity',
    ]);
  });

  it('rejects a short window shorter than the 5m building block and windows longer than the period', () => {
    const input: SloInput = {
      ...ratioSlo(),
      period: '7d',
      alerting: {
        tiers: { page: { windows: [{ long: '8d', short: '1m', budgetPercent: 2 }] }, ticket: false },
      },
    };
    expect(problemsOf(input).map((p) => p.replace(/^\S+ \S+ /, ''))).toEqual([
      'alerting.tiers.page.windows[0].short: the short window 1m is shorter than the 5m rates every window is built from. Use windows of at least 5m.',
      'alerting.tiers.page.windows[0].long: the long window 8d is longer than the period 7d. Use windows within the period, or a longer period.',
    ]);
  });

  it('reports SLOs that share a name, with the file that defined it first', () => {
    const { problems } = sloFixture([ratioSlo(), { ...ratioSlo(), service: 'cart' }]);
    const text = problems.map(formatProblem).join('\n');
    expect(text).toContain(
      'slos/checkout-availability.ts Dashboard/slo-overview slos[1].name: SLO name checkout-availability is also the name of the SLO defined in slos/checkout-availability.ts; the slo label, rule group and alerts would collide. Give every SLO of the stack its own name',
    );
    // The rule groups collide too, and validation says so in its own words.
    expect(text).toMatch(
      /AlertRuleGroup\/slo-checkout-availability uid: uid "slo-checkout-availability" is already used/,
    );
  });

  it('stops the build and reports every problem itself, in the project format, beside the others', () => {
    const input = { ...ratioSlo(100), groupBy: ['le'] };
    expect(sloFixture([input]).problems.map(formatProblem)).toEqual([
      'slos/checkout-availability.ts AlertRuleGroup/slo-checkout-availability objective: 100% is not strictly between 0 and 100. An objective of 100% leaves no error budget to alert on; use 99.99 or another value below 100.',
      'slos/checkout-availability.ts AlertRuleGroup/slo-checkout-availability groupBy[0]: the SLI cannot be grouped by le: the generator sets that label itself. Group by other labels; slo, service, tier, severity, le, slo_counter are reserved.',
    ]);
  });
});
