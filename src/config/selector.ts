/**
 * PromQL / LogQL label selectors composed from Config, never pasted: `sel(cfg.selectors.api, { code: /5../ })`
 * gives `{job="api", code=~"5.."}`. Later parts override earlier ones label by label.
 */

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  readonly op: MatchOp;
  readonly value: string;
}

/** A string is an equality matcher; a RegExp a regex matcher (RE2, fully anchored by Prometheus). */
export type MatcherValue = string | RegExp | Matcher;

export type Selector = Readonly<Record<string, MatcherValue>>;

export const eq = (value: string): Matcher => ({ op: '=', value });
export const ne = (value: string): Matcher => ({ op: '!=', value });
export const re = (value: string | RegExp): Matcher => ({
  op: '=~',
  value: typeof value === 'string' ? value : value.source,
});
export const nre = (value: string | RegExp): Matcher => ({
  op: '!~',
  value: typeof value === 'string' ? value : value.source,
});

function toMatcher(value: MatcherValue): Matcher {
  if (typeof value === 'string') return eq(value);
  if (value instanceof RegExp) return re(value);
  return value;
}

/** Escapes a label value for a double-quoted PromQL/LogQL string. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** The matchers of the merged selectors, without braces: `job="api", code=~"5.."`. */
export function matchers(...parts: readonly (Selector | undefined)[]): string {
  const merged = new Map<string, Matcher>();
  for (const part of parts) {
    if (part === undefined) continue;
    for (const [label, value] of Object.entries(part)) merged.set(label, toMatcher(value));
  }
  return [...merged].map(([label, m]) => `${label}${m.op}${quote(m.value)}`).join(', ');
}

/** A braced selector: `{job="api", code=~"5.."}`; `{}` when empty. */
export function sel(...parts: readonly (Selector | undefined)[]): string {
  return `{${matchers(...parts)}}`;
}

/** A metric with a selector: `http_requests_total{job="api"}`. */
export function metric(name: string, ...parts: readonly (Selector | undefined)[]): string {
  const inner = matchers(...parts);
  return inner === '' ? name : `${name}{${inner}}`;
}
