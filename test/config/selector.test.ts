import { describe, expect, it } from 'vitest';
import { metric, ne, nre, re, sel } from '../../src/config/selector.ts';

describe('selectors', () => {
  it('compose equality, regex and negative matchers in order', () => {
    expect(sel({ job: 'api' }, { code: /5../, env: ne('dev'), path: nre('/health') })).toBe(
      '{job="api", code=~"5..", env!="dev", path!~"/health"}',
    );
  });

  it('let later parts override a label of earlier ones', () => {
    expect(sel({ job: 'api', env: 'prod' }, { job: re('api|web') })).toBe('{job=~"api|web", env="prod"}');
  });

  it('escape quotes and backslashes in values', () => {
    expect(sel({ path: re(/\/api\/v1\..*/) })).toBe('{path=~"\\\\/api\\\\/v1\\\\..*"}');
    expect(sel({ msg: 'say "hi"' })).toBe('{msg="say \\"hi\\""}');
  });

  it('write a bare metric name when there is no matcher', () => {
    expect(metric('up')).toBe('up');
    expect(metric('up', {}, undefined)).toBe('up');
    expect(metric('up', { job: 'alloy' })).toBe('up{job="alloy"}');
    expect(sel()).toBe('{}');
  });
});
