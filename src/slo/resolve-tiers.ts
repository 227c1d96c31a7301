/**
 * The alerting policy of an SLO: its tiers merged with the Workbook defaults, every window pair with its exact
 * factor and threshold, and the pairs that could never fire rejected.
 */
import { parseDuration } from '../core/duration.ts';
import { at } from '../validate/context.ts';
import {
  WORKBOOK_TIERS,
  burnFactor,
  decimalText,
  errorRatioThreshold,
  isReachable,
  percentText,
} from './burn-rate.ts';
import type { Rational } from './decimal.ts';
import { HUNDRED, ZERO, compare, div, mul, parseDecimal, rational } from './decimal.ts';
import type { BurnWindowInput, SloInput, TierInput } from './input.ts';
import type { Issues } from './issues.ts';
import type { BurnPair, Tier } from './model.ts';
import { BASE_WINDOW, alertName, pascalCase } from './naming.ts';
import type { Window } from './window.ts';
import { parseWindow } from './window.ts';

const TIER_NAME = /^[a-z][a-z0-9_-]*$/;
const ALERT_PREFIX = /^[A-Z][A-Za-z0-9]*$/;

function mergeTiers(issues: Issues, input: SloInput): { key: string; tier: TierInput }[] {
  const defaults: Readonly<Record<string, TierInput>> = WORKBOOK_TIERS;
  const given = input.alerting?.tiers ?? {};
  const keys = [...new Set([...Object.keys(defaults), ...Object.keys(given)])];
  const out: { key: string; tier: TierInput }[] = [];
  for (const key of keys) {
    const own = given[key];
    if (own === false) continue;
    const base = defaults[key];
    if (base === undefined && (own?.severity === undefined || own.windows === undefined)) {
      issues.add(
        at('alerting.tiers', key),
        `tier ${key} is not one of the default tiers (${Object.keys(defaults).join(', ')}) and lacks ${own?.severity === undefined ? 'a severity' : 'windows'}`,
        'Give a new tier its severity and its window pairs',
      );
      continue;
    }
    out.push({ key, tier: { ...base, ...own } });
  }
  return out;
}

/** The budget share at which a pair's threshold reaches 100% errors: `100 × long / (period × budget)`. */
function maxPercent(period: Window, long: Window, budget: Rational): Rational {
  return div(mul(HUNDRED, rational(long.seconds)), mul(rational(period.seconds), budget));
}

interface PairContext {
  readonly issues: Issues;
  readonly path: string;
  readonly period: Window | undefined;
  readonly budget: Rational | undefined;
  readonly tierName: string;
}

function resolvePair(c: PairContext, input: BurnWindowInput): BurnPair | undefined {
  const long = parseWindow(input.long);
  const short = parseWindow(input.short);
  const base = parseWindow(BASE_WINDOW);
  for (const [field, text, window] of [
    ['long', input.long, long],
    ['short', input.short, short],
  ] as const) {
    if (window === undefined) {
      c.issues.add(
        at(c.path, field),
        `${JSON.stringify(text)} is not a duration of whole seconds`,
        'Write a Prometheus duration such as 5m, 1h or 3d',
      );
    }
  }
  const parsed = parseDecimal(input.budgetPercent);
  const percent =
    parsed !== undefined && compare(parsed, ZERO) > 0 && compare(parsed, HUNDRED) <= 0 ? parsed : undefined;
  if (percent === undefined) {
    c.issues.add(
      at(c.path, 'budgetPercent'),
      `${JSON.stringify(input.budgetPercent)} is not a percentage above 0 and at most 100`,
      'Give the share of the period budget spent in the long window, in percent (the Workbook uses 2, 5, 10)',
    );
  }
  if (long === undefined || short === undefined || base === undefined) return undefined;
  if (short.seconds >= long.seconds) {
    c.issues.add(
      at(c.path, 'short'),
      `the short window ${short.name} is not shorter than the long window ${long.name}`,
      'Make the short window about 1/12 of the long one (5m for 1h)',
    );
  }
  if (short.seconds < base.seconds) {
    c.issues.add(
      at(c.path, 'short'),
      `the short window ${short.name} is shorter than the ${BASE_WINDOW} rates every window is built from`,
      `Use windows of at least ${BASE_WINDOW}`,
    );
  }
  if (c.period !== undefined && long.seconds > c.period.seconds) {
    c.issues.add(
      at(c.path, 'long'),
      `the long window ${long.name} is longer than the period ${c.period.name}`,
      'Use windows within the period, or a longer period',
    );
    return undefined;
  }
  if (c.period === undefined || c.budget === undefined || percent === undefined) return undefined;
  const factor = burnFactor(percent, c.period.seconds, long.seconds);
  const threshold = errorRatioThreshold(factor, c.budget);
  if (!isReachable(threshold)) {
    c.issues.add(
      c.path,
      `the ${c.tierName} burn threshold over ${long.name}/${short.name} is ${decimalText(factor)}× the ${percentText(c.budget)}% error budget = ${percentText(threshold)}% errors, at or above 100%: no error ratio can exceed it, so this pair could never fire and a burn that fast would go unnoticed`,
      `Lower budgetPercent below ${decimalText(maxPercent(c.period, long, c.budget))} (so that factor × budget stays under 1), raise the objective, or disable the tier with ${c.tierName}: false`,
    );
    return undefined;
  }
  return { long, short, budgetPercent: percent, factor, threshold };
}

export function resolveTiers(
  issues: Issues,
  input: SloInput,
  period: Window | undefined,
  budget: Rational | undefined,
): Tier[] {
  const prefix = input.alerting?.name ?? `Slo${pascalCase(input.name)}`;
  if (!ALERT_PREFIX.test(prefix)) {
    issues.add(
      'alerting.name',
      `${JSON.stringify(prefix)} cannot start an alert name`,
      'Write it in PascalCase, as in BackendAvailability',
    );
  }
  const names = new Map<string, string>();
  const tiers: Tier[] = [];
  for (const { key, tier } of mergeTiers(issues, input)) {
    const path = at('alerting.tiers', key);
    const name = tier.name ?? key;
    if (!TIER_NAME.test(name)) {
      issues.add(
        at(path, 'name'),
        `${JSON.stringify(name)} is not a tier name`,
        'Use lower-case letters, digits, - and _, as in page or ticket',
      );
    }
    const clash = names.get(name);
    if (clash !== undefined) {
      issues.add(
        at(path, 'name'),
        `tier name ${name} is also the name of tier ${clash}`,
        'Give every tier its own name; it names the alert',
      );
    }
    names.set(name, key);
    if ((tier.severity ?? '').trim() === '') {
      issues.add(at(path, 'severity'), 'the tier has no severity', 'Give it one of the Config severities');
    }
    if (tier.for !== undefined && parseDuration(tier.for) === undefined) {
      issues.add(
        at(path, 'for'),
        `${JSON.stringify(tier.for)} is not a duration`,
        'Write a duration such as 2m',
      );
    }
    const windows = tier.windows ?? [];
    if (windows.length === 0) {
      issues.add(
        at(path, 'windows'),
        'the tier has no window pairs',
        `Give it at least one pair, or disable it with ${key}: false`,
      );
    }
    const pairs = windows.flatMap((w, i) => {
      const pair = resolvePair(
        { issues, path: at(at(path, 'windows'), i), period, budget, tierName: key },
        w,
      );
      return pair === undefined ? [] : [pair];
    });
    tiers.push({
      key,
      name,
      severity: tier.severity ?? '',
      ...(tier.for === undefined ? {} : { for: tier.for }),
      alert: alertName(prefix, name),
      pairs,
    });
  }
  return tiers;
}

export function recordedWindows(period: Window, tiers: readonly Tier[]): Window[] {
  const byName = new Map<string, Window>();
  const base = parseWindow(BASE_WINDOW);
  for (const w of [
    ...(base === undefined ? [] : [base]),
    ...tiers.flatMap((t) => t.pairs.flatMap((p) => [p.long, p.short])),
    period,
  ]) {
    byName.set(w.name, w);
  }
  return [...byName.values()].sort((a, b) => (a.seconds < b.seconds ? -1 : a.seconds > b.seconds ? 1 : 0));
}
