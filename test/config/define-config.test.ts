import { describe, expect, it } from 'vitest';
import type { BaseConfig } from '../../src/config/base.ts';
import { defineConfig } from '../../src/config/define-config.ts';
import { checkBaseConfig } from '../../src/config/check-config.ts';
import { UsageError } from '../../src/core/errors.ts';

interface TestConfig extends BaseConfig {
  readonly url: string;
  readonly nested: { readonly a: number; readonly b: number; readonly list: readonly string[] };
}

const configs = defineConfig<TestConfig>({
  defaultEnvironment: 'production',
  base: { severities: {}, url: 'http://prod', nested: { a: 1, b: 2, list: ['x', 'y'] } },
  environments: { staging: { url: 'http://staging', nested: { b: 3, list: ['z'] } } },
});

describe('defineConfig', () => {
  it('resolves the default environment to the base', () => {
    expect(configs.resolve()).toEqual({
      environment: 'production',
      severities: {},
      url: 'http://prod',
      nested: { a: 1, b: 2, list: ['x', 'y'] },
    });
  });

  it('merges an environment over the base key by key, replacing arrays whole', () => {
    expect(configs.resolve('staging')).toEqual({
      environment: 'staging',
      severities: {},
      url: 'http://staging',
      nested: { a: 1, b: 3, list: ['z'] },
    });
  });

  it('lists its environments, default first', () => {
    expect(configs.environments).toEqual(['production', 'staging']);
  });

  it('refuses an unknown environment, naming the known ones', () => {
    expect(() => configs.resolve('prod')).toThrow(UsageError);
    expect(() => configs.resolve('prod')).toThrow(/production, staging/);
  });

  it('returns a frozen Config', () => {
    expect(Object.isFrozen(configs.resolve().nested)).toBe(true);
  });
});

describe('ruleEngines in a Config', () => {
  it('names a namespace, labels or a tenant the engines would refuse', () => {
    const problems = checkBaseConfig(
      {
        environment: 'x',
        severities: {},
        ruleEngines: {
          kubernetes: { namespace: 'Monitoring_NS', labels: { release: 1 } },
          mimir: { tenant: 'a/b' },
          loki: { tenant: '..' },
        },
      },
      '',
    );
    expect(problems.map((p) => p.path)).toEqual([
      'ruleEngines.kubernetes.namespace',
      'ruleEngines.kubernetes.labels',
      'ruleEngines.mimir.tenant',
      'ruleEngines.loki.tenant',
    ]);
  });
});
