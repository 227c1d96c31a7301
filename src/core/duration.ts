/**
 * Prometheus durations (`1h30m`, `5m`, `90s`, `1d`): the syntax of rule `for`, group intervals, routing timers
 * and range selectors. Same grammar and canonical formatting as Prometheus' `model.Duration`.
 */

const UNITS = [
  ['y', 365 * 24 * 60 * 60 * 1000],
  ['w', 7 * 24 * 60 * 60 * 1000],
  ['d', 24 * 60 * 60 * 1000],
  ['h', 60 * 60 * 1000],
  ['m', 60 * 1000],
  ['s', 1000],
  ['ms', 1],
] as const;

const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Milliseconds in a Prometheus duration, or undefined when the text is not one. `0` is accepted. */
export function parseDuration(text: string): number | undefined {
  if (text === '0') return 0;
  if (text === '') return undefined;
  const match = DURATION.exec(text);
  if (match === null) return undefined;
  let total = 0;
  UNITS.forEach(([, ms], i) => {
    const part = match[i + 1];
    if (part !== undefined) total += Number(part) * ms;
  });
  return total;
}

/** Canonical form, as Prometheus and Grafana print it: `90s` → `1m30s`, `24h` → `1d`, `0` → `0s`. */
export function formatDuration(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0) throw new RangeError(`not a duration: ${ms} ms`);
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}
