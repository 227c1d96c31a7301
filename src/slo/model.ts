/**
 * An SLO after defaults and checks: exact numbers, parsed windows, tiers merged with the default policy. The rule
 * and dashboard generators read only this.
 */
import type { Rational } from './decimal.ts';
import type { SliInput } from './input.ts';
import type { Window } from './window.ts';

/** One window pair of a tier, with its exact factor and error-ratio threshold. */
export interface BurnPair {
  readonly long: Window;
  readonly short: Window;
  /** Percent of the period's budget spent within the long window at the threshold. */
  readonly budgetPercent: Rational;
  /** Burn rate at the threshold: `budgetPercent / 100 × period / long`. */
  readonly factor: Rational;
  /** Error ratio at the threshold: `factor × (1 − objective)`. */
  readonly threshold: Rational;
}

export interface Tier {
  /** Key in the policy (`page`, `ticket`). */
  readonly key: string;
  /** The `tier` label value (the key unless renamed). */
  readonly name: string;
  readonly severity: string;
  readonly for?: string;
  /** The alert's name. */
  readonly alert: string;
  readonly pairs: readonly BurnPair[];
}

export interface Slo {
  readonly name: string;
  readonly service: string;
  readonly description: string;
  /** Percent, exact. */
  readonly objective: Rational;
  /** Error budget as a fraction, exact: `(100 − objective) / 100`. */
  readonly budget: Rational;
  readonly period: Window;
  readonly sli: SliInput;
  readonly groupBy: readonly string[];
  readonly tiers: readonly Tier[];
  /** Every window recorded: the 5m building block, the alert windows and the period, shortest first. */
  readonly windows: readonly Window[];
  /** Labels on every generated series and alert, the SLO's identity first. */
  readonly labels: Readonly<Record<string, string>>;
  readonly alertLabels: Readonly<Record<string, string>>;
  readonly alertAnnotations: Readonly<Record<string, string>>;
  readonly runbookUrl: string;
  readonly folderUid: string;
  readonly datasourceUid: string;
  readonly interval: string;
  readonly grafanaUrl?: string;
}

/** Something wrong with an SLO's input: the field path, what is wrong, and what to do. */
export interface SloIssue {
  readonly path: string;
  readonly problem: string;
  readonly fix: string;
}
