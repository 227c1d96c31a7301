/**
 * The quick recogniser must never accept what the reference parser rejects: it answers `true` only inside the
 * language. Checked here over thousands of generated queries and their mutations, with a fixed seed.
 */
import { describe, expect, it } from 'vitest';
import { findSyntaxError } from '../../src/validate/query/parse.ts';
import { quickAnalysis, quickPromQL } from '../../src/promql/quick.ts';
import { lezerAnalysis } from '../../src/promql/analyze.ts';

/** mulberry32: a small seeded PRNG, so that every run checks the same queries. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(20261125);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const METRICS = [
  'up',
  'http_requests_total',
  'node_cpu_seconds_total',
  'job:rate:sum',
  'x',
  'sum_x',
  'rate_total',
];
const LABELS = ['job', 'instance', 'le', 'code', 'service_name', 'on_call', 'x'];
const VALUES = ['"api"', '"5.."', "'a'", '"a\\"b"', '"\\\\d+"', '""', '"x y"'];
const DURATIONS = ['5m', '1h', '30s', '1h30m', '1d', '100ms', '2w'];
const FUNCS1 = ['rate', 'irate', 'increase', 'delta', 'avg_over_time', 'max_over_time', 'absent_over_time'];
const FUNCS_ANY = [
  'abs',
  'ceil',
  'absent',
  'sort',
  'timestamp',
  'scalar',
  'vector',
  'time',
  'clamp_min',
  'histogram_quantile',
  'label_replace',
];
const AGGS = ['sum', 'min', 'max', 'avg', 'count', 'group', 'stddev'];
const AGGS2 = ['topk', 'bottomk', 'quantile', 'count_values'];
const BINOPS = [
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '==',
  '!=',
  '>',
  '<',
  '>=',
  '<=',
  'and',
  'or',
  'unless',
  'atan2',
];

function selector(): string {
  const name = random() < 0.8 ? pick(METRICS) : '';
  if (name !== '' && random() < 0.3) return name;
  const n = 1 + Math.floor(random() * 3);
  const ms = Array.from(
    { length: n },
    () => `${pick(LABELS)}${pick(['=', '!=', '=~', '!~'])}${pick(VALUES)}`,
  );
  return `${name}{${ms.join(random() < 0.5 ? ', ' : ',')}}`;
}

function labels(): string {
  return `(${Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(LABELS)).join(', ')})`;
}

function expr(depth: number): string {
  const r = random();
  if (depth > 3 || r < 0.25) {
    const s = selector();
    const range = random() < 0.3 ? `[${pick(DURATIONS)}]` : '';
    const offset = random() < 0.1 ? ` offset ${random() < 0.3 ? '-' : ''}${pick(DURATIONS)}` : '';
    return `${s}${range}${offset}`;
  }
  if (r < 0.35) return pick(['1', '0.95', '1e3', '2.5e-3', '100', '0', '"text"']);
  if (r < 0.5) return `${pick(FUNCS1)}(${selector()}[${pick(DURATIONS)}])`;
  if (r < 0.58) return `${pick(FUNCS_ANY)}(${expr(depth + 1)})`;
  if (r < 0.7) {
    const by = random() < 0.5 ? ` ${pick(['by', 'without'])} ${labels()}` : '';
    return random() < 0.5
      ? `${pick(AGGS)}${by} (${expr(depth + 1)})`
      : `${pick(AGGS)}(${expr(depth + 1)})${by}`;
  }
  if (r < 0.75) return `${pick(AGGS2)}(${pick(['5', '0.9', '"v"'])}, ${expr(depth + 1)})`;
  if (r < 0.8) return `(${expr(depth + 1)})`;
  if (r < 0.83) return `(${expr(depth + 1)})[${pick(DURATIONS)}:${random() < 0.5 ? pick(DURATIONS) : ''}]`;
  if (r < 0.86) return `-${expr(depth + 1)}`;
  const op = pick(BINOPS);
  const comparison = ['==', '!=', '>', '<', '>=', '<='].includes(op);
  const bool = comparison && random() < 0.3 ? ' bool' : '';
  const matching =
    random() < 0.2
      ? ` ${pick(['on', 'ignoring'])}${labels()}${random() < 0.5 ? ` ${pick(['group_left', 'group_right'])}${random() < 0.5 ? labels() : ''}` : ''}`
      : '';
  return `${expr(depth + 1)} ${op}${bool}${matching} ${expr(depth + 1)}`;
}

const NOISE = [
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '=',
  '~',
  '!',
  ' ',
  'by',
  ':',
  '@',
  '#',
  '5m',
  'x',
  '-',
  '\\',
  '\n',
  'SUM',
  'Inf',
];

function mutate(text: string): string {
  const i = Math.floor(random() * (text.length + 1));
  switch (Math.floor(random() * 3)) {
    case 0:
      return text.slice(0, i) + text.slice(i + 1);
    case 1:
      return text.slice(0, i) + pick(NOISE) + text.slice(i);
    default: {
      const j = Math.floor(random() * (text.length + 1));
      return text.slice(0, Math.min(i, j)) + text.slice(Math.max(i, j));
    }
  }
}

describe('quick PromQL recogniser', () => {
  it('never accepts a query the reference parser rejects (differential, 12,000 queries)', () => {
    const wrong: string[] = [];
    let quickAccepted = 0;
    let generated = 0;
    for (let n = 0; n < 4000; n += 1) {
      const valid = expr(0);
      for (const query of [valid, mutate(valid), mutate(mutate(valid))]) {
        generated += 1;
        if (!quickPromQL(query)) continue;
        quickAccepted += 1;
        if (findSyntaxError('PromQL', query) !== undefined) wrong.push(query);
      }
    }
    expect(wrong).toEqual([]);
    // The recogniser must also be useful: it decides a good share of everyday queries itself.
    expect(quickAccepted / generated).toBeGreaterThan(0.3);
  });

  it('analyses every query it accepts exactly as the reference parse tree does (differential)', () => {
    const differing: string[] = [];
    let compared = 0;
    for (let n = 0; n < 3000; n += 1) {
      const valid = expr(0);
      for (const query of [valid, mutate(valid)]) {
        const quick = quickAnalysis(query);
        if (quick === undefined) continue;
        compared += 1;
        if (JSON.stringify(quick) !== JSON.stringify(lezerAnalysis(query))) differing.push(query);
      }
    }
    expect(differing).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  });

  it('reads selectors, matchers and range calls with their offsets', () => {
    const query = 'quantile_over_time(0.9, x{a="b", c=~\'d\\\\d\'}[5m] offset 1h) / rate({__name__="y"}[1m])';
    expect(quickAnalysis(query)).toEqual(lezerAnalysis(query));
    expect(quickAnalysis(query)).toEqual({
      selectors: [
        {
          name: 'x',
          matchers: [
            { label: '__name__', op: '=', value: 'x' },
            { label: 'a', op: '=', value: 'b' },
            { label: 'c', op: '=~', value: 'd\\d' },
          ],
          from: 24,
          to: 43,
        },
        { name: 'y', matchers: [{ label: '__name__', op: '=', value: 'y' }], from: 66, to: 80 },
      ],
      rangeCalls: [
        { fn: 'quantile_over_time', range: '5m', from: 0, to: 58 },
        { fn: 'rate', range: '1m', from: 61, to: 85 },
      ],
    });
    // A subquery, a parenthesised or negated matrix is not a range call's matrix.
    expect(quickAnalysis('rate((x)[5m:1m]) + rate(-x[5m:])')?.rangeCalls).toEqual([]);
  });

  it.each([
    'up',
    'up{job="api"} == 0',
    'sum by (service_name) (rate(http_server_request_duration_seconds_count{service_name=~"x"}[5m]))',
    'histogram_quantile(0.95, sum by (le, service_name) (rate(x_bucket{a="b"}[5m])))',
    'sum(rate(a[5m])) / sum(rate(b[5m])) > bool 0.001',
    'max by (instance) (alloy_resources_process_resident_memory_bytes{job="alloy"}) > 536870912',
    'a * on(job) group_left(version) b',
    'avg_over_time((sum(x))[1h:5m]) offset 1d',
    'topk(5, sum without (instance) (x))',
    'up{job="alloy"} == 0 or absent(up{job="alloy"})',
  ])('decides %s itself', (query) => {
    expect(quickPromQL(query)).toBe(true);
    expect(findSyntaxError('PromQL', query)).toBeUndefined();
  });

  it.each([
    'sum(rate(x[5m])',
    'up{job=}',
    'rate(x[5m]',
    'up # comment',
    'SUM(x)',
    'x @ start()',
    'foo(x)',
    'sum(x, y)',
    'up{}',
    'x[5m][1m]',
  ])('leaves %s to the reference parser', (query) => {
    expect(quickPromQL(query)).toBe(false);
  });
});
