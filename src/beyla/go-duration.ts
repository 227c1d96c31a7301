/**
 * Go durations (`time.ParseDuration`): what Beyla's YAML accepts for `time.Duration` fields such as
 * `prometheus_export.ttl`. Not the Prometheus form in `src/core/duration.ts`: Go allows fractions (`1.5s`) and
 * `ns`/`us`/`µs`, and has no `d`, `w` or `y`; so `ttl: 1d` is an error in Beyla.
 */

const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const DURATION = /^[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/u;
const PART = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gu;

/** Milliseconds in a Go duration (`1h30m`, `250ms`, `1.5s`, `0`), or undefined when the text is not one. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0' || text === '+0' || text === '-0') return 0;
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(PART)) total += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 0);
  return text.startsWith('-') ? -total : total;
}
