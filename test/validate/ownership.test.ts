import { describe, expect, it } from 'vitest';
import type { ConfigProblem } from '../../src/config/check-config.ts';
import { defineConfig } from '../../src/config/define-config.ts';
import { schema } from '../../src/config/schema.ts';
import stack, { STACK_CONFIG_SCHEMA } from '../../stack.config.ts';
import { buildProject } from '../../src/project/project.ts';
import { formatProblem } from '../../src/validate/problem.ts';
import { validate } from '../../src/validate/validate.ts';
import type { FixtureConfig } from '../fixtures/project.ts';
import { SEVERITIES, fixtureProject } from '../fixtures/project.ts';

/** The fixture with an ownership prefix in its Config. */
function withOwnership(uidPrefix: string): ReturnType<typeof fixtureProject> {
  return {
    ...fixtureProject(),
    configSet: defineConfig<FixtureConfig>({
      defaultEnvironment: 'production',
      base: { severities: SEVERITIES, ownership: { owner: 'fixture', uidPrefix } },
      environments: {},
    }),
  };
}

describe('the ownership prefix', () => {
  it('is required of every folder, contact point, mute timing and template the repository defines', () => {
    const built = buildProject(withOwnership('ours-'));
    const problems = validate(built.registry, built.config).map(formatProblem);
    // The fixture's folder, its contact points, its mute timing and its template: none carries the prefix.
    expect(problems.filter((p) => p.includes('ownership prefix "ours-"'))).toEqual([
      expect.stringMatching(/^alerts\/contact-points\.ts ContactPoint\/chat uid: "chat" does not start/),
      expect.stringMatching(/^alerts\/contact-points\.ts ContactPoint\/mail uid: "mail" does not start/),
      expect.stringMatching(/^alerts\/contact-points\.ts ContactPoint\/pager uid: "pager" does not start/),
      expect.stringMatching(/MuteTiming\/maintenance name: "maintenance" does not start/),
      expect.stringMatching(/NotificationTemplate\/\S+ name: .* does not start/),
      expect.stringMatching(/^dashboards\/folders\.ts Folder\/services uid: "services" does not start/),
    ]);
    expect(problems.every((p) => p.includes('Rename it to "ours-'))).toBe(true);
  });

  it('is not asked for without one in the Config', () => {
    const built = buildProject(fixtureProject());
    expect(validate(built.registry, built.config)).toEqual([]);
  });
});

describe('the Config, checked at run time', () => {
  function withConfig(
    base: Record<string, unknown>,
    staging: Record<string, unknown> = {},
  ): ReturnType<typeof fixtureProject> {
    return {
      ...fixtureProject(),
      configSet: defineConfig<FixtureConfig>({
        defaultEnvironment: 'production',
        base: base as unknown as FixtureConfig,
        environments: { staging: staging as never },
      }),
    };
  }

  it('names stack.config.ts and the field of a value of the wrong type in the severity table', () => {
    const severities = {
      ...SEVERITIES,
      warning: { ...SEVERITIES['warning'], groupBy: 'alertname', groupWait: 'soon' },
    };
    const built = buildProject(withConfig({ severities }));
    expect(built.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^stack\.config\.ts severities\.warning\.groupBy: must be a list of strings, not "alertname"/,
      ),
      expect.stringMatching(/^stack\.config\.ts severities\.warning\.groupWait: "soon" is not a duration/),
    ]);
  });

  it('names an environment override whose value is not of the type the base has', () => {
    const built = buildProject(
      withConfig({ severities: SEVERITIES, grafanaUrl: 'https://grafana.example.com' }, { grafanaUrl: 9090 }),
      'staging',
    );
    expect(built.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^stack\.config\.ts environments\.staging\.grafanaUrl: is number 9090 where the base Config has a string/,
      ),
    ]);
  });
});

describe("the project's own Config fields, by its schema", () => {
  it('names stack.config.ts and the field of each typo: a string for a list, a number for a URL, a misspelt field', () => {
    const config = stack.resolve() as unknown as Record<string, unknown>;
    const {
      severities: _severities,
      ownership: _ownership,
      grafana: _grafana,
      alertmanager: _alertmanager,
      ruleEngines: _ruleEngines,
      environment: _environment,
      ...own
    } = config;
    const datasources = own['datasources'] as Record<string, Record<string, unknown>>;
    const broken = {
      ...own,
      maintenance: { ...(own['maintenance'] as object), weekdays: 'sunday', startTime: '2am' },
      datasources: { ...datasources, loki: { ...datasources['loki'], url: 9090 } },
      grafanaURL: 'https://typo.example.com',
    };
    const problems: ConfigProblem[] = [];
    STACK_CONFIG_SCHEMA(broken, '', problems);
    expect(problems.map((p) => `${p.path}: ${p.problem}`)).toEqual([
      'datasources.loki.url: must be text, not 9090',
      'maintenance.weekdays: must be a list, not "sunday"',
      'maintenance.startTime: must be a time of day HH:MM, not "2am"',
      'grafanaURL: is not a field of the Config',
    ]);
  });

  it('names a weekday typo in the Config at its field', () => {
    const config = stack.resolve();
    const problems: ConfigProblem[] = [];
    STACK_CONFIG_SCHEMA(
      { ...config, maintenance: { ...config.maintenance, weekdays: ['sundy'] } },
      '',
      problems,
    );
    expect(
      problems.filter((p) => p.path.startsWith('maintenance')).map((p) => `${p.path}: ${p.problem}`),
    ).toEqual([
      'maintenance.weekdays[0]: must be one of sunday, monday, tuesday, wednesday, thursday, friday, saturday, not "sundy"',
    ]);
  });

  it('reports them through the project, as stack.config.ts problems that stop render and publish', () => {
    const project = {
      ...fixtureProject(),
      configSet: defineConfig<FixtureConfig & { window: { days: string[] } }>({
        defaultEnvironment: 'production',
        base: { severities: SEVERITIES, window: { days: 'sunday' as unknown as string[] } },
        schema: schema.object({ window: schema.object({ days: schema.list(schema.string()) }) }),
      }),
    };
    expect(buildProject(project as never).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^stack\.config\.ts window\.days: must be a list, not "sunday"/),
    ]);
  });
});
