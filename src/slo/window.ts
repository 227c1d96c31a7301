/**
 * Time windows of an SLO: the period and the alert windows. A window is kept in whole seconds (exact arithmetic)
 * and named the way recording rules carry it: `5m`, `1h`, `1d`, `30d` (days rather than Prometheus' canonical
 * `4w2d`, so that a 30-day period reads `ratio_rate30d`).
 */
import { parseDuration } from '../core/duration.ts';

export interface Window {
  /** As written in rule names and range selectors: `30d`, `6h`, `5m`. */
  readonly name: string;
  readonly seconds: bigint;
}

const UNITS: readonly (readonly [string, bigint])[] = [
  ['d', 86_400n],
  ['h', 3_600n],
  ['m', 60n],
  ['s', 1n],
];

/** The name of a whole number of seconds in its largest exact unit: 86400 → `1d`, 5400 → `90m`. */
export function windowName(seconds: bigint): string {
  for (const [unit, size] of UNITS) {
    if (seconds % size === 0n) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/** A Prometheus duration of whole seconds, above zero; undefined otherwise. */
export function parseWindow(text: string): Window | undefined {
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0 || ms % 1000 !== 0) return undefined;
  const seconds = BigInt(ms / 1000);
  return { name: windowName(seconds), seconds };
}

/**
 * A duration for people, in days, hours and minutes (rounded to the minute): `2d2h`, `30d`, `7h12m`. Used for
 * times to exhaustion in alert annotations.
 */
export function humanDuration(seconds: number): string {
  let rest = Math.round(seconds / 60);
  if (rest <= 0) return 'under a minute';
  let out = '';
  for (const [unit, size] of [
    ['d', 1440],
    ['h', 60],
    ['m', 1],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out;
}
