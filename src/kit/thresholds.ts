import { ThresholdsConfigBuilder, ThresholdsMode } from '@grafana/grafana-foundation-sdk/dashboard';

export interface Step {
  readonly color: string;
  /** Lower bound of the step; the first step has none. */
  readonly from?: number;
}

/** Absolute thresholds: `thresholds('green', { color: 'red', from: 0.8 })`. */
export function thresholds(base: string, ...steps: readonly Step[]): ThresholdsConfigBuilder {
  return new ThresholdsConfigBuilder()
    .mode(ThresholdsMode.Absolute)
    .steps([{ color: base, value: null }, ...steps.map((s) => ({ color: s.color, value: s.from ?? null }))]);
}

/** Green until `warn`, orange until `crit`, red above: for values where higher is worse. */
export function higherIsWorse(warn: number, crit: number): ThresholdsConfigBuilder {
  return thresholds('green', { color: 'orange', from: warn }, { color: 'red', from: crit });
}

/** Red below `crit`, orange below `warn`, green above: for values where lower is worse (SLIs, budgets). */
export function lowerIsWorse(crit: number, warn: number): ThresholdsConfigBuilder {
  return thresholds('red', { color: 'orange', from: crit }, { color: 'green', from: warn });
}
