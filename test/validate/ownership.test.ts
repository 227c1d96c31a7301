import { describe, expect, it } from 'vitest';
import { defineConfig } from '../../src/config/define-config.ts';
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
