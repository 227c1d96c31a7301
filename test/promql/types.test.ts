import { describe, expect, it } from 'vitest';
import { promqlTypeErrors, shapeOf } from '../../src/promql/types.ts';

const messages = (text: string): string[] => promqlTypeErrors(text).map((e) => e.message);

describe('PromQL types, by Prometheus’s own analysis', () => {
  it('refuses what the grammar accepts and Prometheus does not', () => {
    expect(messages('rate(foo)')).toEqual(['expected type matrix in call to function "rate", got vector']);
    expect(messages('histogram_quantile(0.9, foo[5m])')).toEqual([
      'expected type vector in call to function "histogram_quantile", got matrix',
    ]);
    expect(messages('foo[5m] > 1')).toEqual([
      'binary expression must contain only scalar and instant vector types',
    ]);
    expect(messages('label_replace(up, "a", "$1")')).toEqual([
      'expected 5 argument(s) in call to "label_replace", got 3',
    ]);
  });

  it('accepts what Prometheus accepts, long expressions included', () => {
    expect(messages('sum by (le) (rate(x_bucket{job="a"}[5m]))')).toEqual([]);
    const long = Array.from({ length: 200 }, (_, i) => `sum(rate(m_${i}_total{job="j${i}"}[5m]))`).join(
      ' or ',
    );
    expect(messages(long)).toEqual([]);
  });

  it('names the column and the part an error is about', () => {
    expect(promqlTypeErrors('sum(rate(foo))')).toEqual([
      { message: 'expected type matrix in call to function "rate", got vector', near: 'foo', column: 10 },
    ]);
  });

  it('analyses a shape once: queries differing in label values only share it, and what strings decide is kept', () => {
    expect(shapeOf('rate(x{job="api", route=~"/a|/b"}[5m])')).toBe('rate(x{job="s", route=~"s"}[5m])');
    // Whether a string is empty, and whether as a regex it matches the empty string, decide a selector without
    // a metric name: both survive in the shape.
    expect(shapeOf('{job=""}')).toBe('{job=""}');
    expect(shapeOf('{job=~".*"}')).toBe('{job=~".*"}');
    expect(shapeOf("{job=~'a?'}")).toBe('{job=~".*"}');
    expect(messages('{job="api"}')).toEqual([]);
    expect(messages('{job!="api"}')).toEqual(['vector selector must contain at least one non-empty matcher']);
    expect(messages('{job=""}')).toEqual(['vector selector must contain at least one non-empty matcher']);
    // A shape with errors is analysed on each text, so the columns are the text's own.
    expect(promqlTypeErrors('rate(foo{a="x"})')[0]?.column).toBe(6);
    expect(promqlTypeErrors('rate(foo{a="longer value"})')[0]?.near).toBe('foo{a="longer value"}');
  });
});
