import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/project/project.ts';
import { loadProject } from '../../src/project/load.ts';
import { promQuery, stackDashboard, timeseriesPanel } from '../../src/index.ts';
import { defineDashboard } from '../../src/index.ts';
import { validate, validateAsync } from '../../src/validate/validate.ts';
import { at, baseDefinitions, fixtureProject } from '../fixtures/project.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('validateAsync', () => {
  it('finds exactly the problems validate finds, in the same order', async () => {
    const broken = (uid: string) =>
      at(
        `dashboards/${uid}.ts`,
        defineDashboard({
          uid,
          folderUid: 'services',
          dashboard: stackDashboard({ title: uid, description: 'x', tags: [] }).withPanel(
            timeseriesPanel({
              title: 'No description',
              description: '',
              unit: 'short',
              queries: [promQuery('sum(rate(http_requests_total{job="$nope"}[5m])')],
            }),
          ),
        }),
      );
    const built = buildProject(
      fixtureProject({ ...baseDefinitions(), a: broken('broken-a'), b: broken('broken-b') }),
    );
    const expected = validate(built.registry, built.config);
    expect(expected.map((p) => p.problem)).toHaveLength(8);
    expect(await validateAsync(built.registry, built.config)).toEqual(expected);
  });

  it('gives pending I/O turns while it validates the repository', async () => {
    const built = buildProject(await loadProject(ROOT));
    let turns = 0;
    let stop = false;
    const tick = (): void => {
      turns += 1;
      if (!stop) setImmediate(tick);
    };
    setImmediate(tick);
    const problems = await validateAsync(built.registry, built.config);
    stop = true;
    expect(problems).toEqual(validate(built.registry, built.config));
    expect(problems).toEqual([]);
    expect(turns).toBeGreaterThan(1);
  });
});
