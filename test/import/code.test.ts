import { describe, expect, it } from 'vitest';
import { matchers } from '../../src/config/selector.ts';
import { evaluate, print } from '../../src/import/code.ts';
import { configRefsOf, queryCode } from '../../src/import/config-refs.ts';

const config = {
  selectors: {
    node: { job: 'node-exporter' },
    loki: { job: 'loki', container: 'loki' },
    lokiJob: { job: 'loki' },
  },
};
const refs = configRefsOf(config);

/** What the printed code evaluates to, as the written file would: the printed text compiled and run. */
function run(text: string): unknown {
  const code = queryCode(text, refs);
  const source = print(code);
  const cfg = config;
  const fn = new Function('cfg', 'matchers', `return ${source};`) as (
    c: typeof cfg,
    m: typeof matchers,
  ) => unknown;
  expect(evaluate(code, { matchers })).toBe(text);
  return fn(cfg, matchers);
}

describe('queries written with the Config’s selectors', () => {
  it('writes a selector the Config names as its matchers, the rest as written', () => {
    const text = 'sum(rate(node_cpu_seconds_total{job="node-exporter", mode!="idle"}[$__rate_interval]))';
    expect(print(queryCode(text, refs))).toBe(
      '`sum(rate(node_cpu_seconds_total{${matchers(cfg.selectors.node)}, mode!="idle"}[$__rate_interval]))`',
    );
    expect(run(text)).toBe(text);
  });

  it('prefers the longer selector, and leaves a prefix of other matchers alone', () => {
    expect(print(queryCode('up{job="loki", container="loki"}', refs))).toContain('cfg.selectors.loki)');
    expect(print(queryCode('up{job="loki-canary"}', refs))).toBe('"up{job=\\"loki-canary\\"}"');
  });

  it('keeps backslashes, backticks and ${…} of the query exactly', () => {
    for (const text of [
      'rate(x{job="node-exporter", path=~"C:\\\\\\\\.*"}[5m])',
      'label_replace(up{job="node-exporter"}, "a", "`$1`", "b", "(.*)")',
      'up{job="node-exporter", instance=~"${instance:regex}"}',
    ])
      expect(run(text)).toBe(text);
  });
});
