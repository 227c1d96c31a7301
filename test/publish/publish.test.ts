/**
 * Publishing the repository into the Grafana API simulator, on every version profile: everything is created,
 * Grafana then holds exactly the rendered state, and publishing again writes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PROFILE_NAMES, startSimulator } from '../../src/simulator/index.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { publishProject } from '../../src/publish/publish.ts';
import { join } from 'node:path';
import { ValidationError } from '../../src/core/errors.ts';
import { withSource } from '../../src/define/definition.ts';
import { defineDashboard, promQuery, stackDashboard, timeseriesPanel } from '../../src/index.ts';
import type { Project } from '../../src/project/project.ts';
import {
  CANARIES,
  ROOT,
  TOKEN,
  connection,
  differencesFromRendered,
  fastClient,
  repository,
} from '../fixtures/grafana.ts';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe.each(PROFILE_NAMES)('publish on Grafana %s', (profile) => {
  it('creates every resource, reads back as the rendered state, and a second publish sends zero writes', async () => {
    sim = await startSimulator({ profile });
    const project = await repository();
    const first = await publishProject(project, connection(sim), CANARIES, {}, {}, undefined, fastClient);
    expect(first.plan.counts.delete).toBe(0);
    expect(first.events.filter((e) => e.status === 'failed')).toEqual([]);
    expect(first.events.filter((e) => e.status === 'created').length).toBeGreaterThanOrEqual(25);
    expect(await differencesFromRendered(sim)).toEqual([]);

    sim.requests.clear();
    const second = await publishProject(project, connection(sim), CANARIES, {}, {}, undefined, fastClient);
    expect(second.plan.counts).toMatchObject({ create: 0, update: 0, delete: 0 });
    expect(sim.requests.countWrites()).toBe(0);
    expect(second.requests.writes).toBe(0);
  });
});

describe('publish with invalid content', () => {
  async function invalidRepository(): Promise<Project> {
    const project = await repository();
    const broken = withSource(
      defineDashboard({
        uid: 'broken',
        folderUid: 'services',
        dashboard: stackDashboard({ title: 'Broken', description: 'x', tags: [] }).withPanel(
          timeseriesPanel({
            title: 'Bad',
            description: 'x',
            unit: 'short',
            queries: [promQuery('sum(rate(up[5m])')],
          }),
        ),
      }),
      join(ROOT, 'dashboards/broken.ts'),
    );
    return { ...project, definitions: [...project.definitions, { definition: broken, index: 'index.ts' }] };
  }

  it('writes nothing, though Grafana was read while it validated', async () => {
    sim = await startSimulator({ faults: { latencyMs: 30 } });
    const error = await publishProject(
      await invalidRepository(),
      connection(sim),
      CANARIES,
      {},
      {},
      undefined,
      fastClient,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(String((error as ValidationError).message)).toContain('dashboards/broken.ts Dashboard/broken');
    expect(sim.requests.countWrites()).toBe(0);
  });

  it('reports the validation problems, not an unreachable Grafana', async () => {
    const closed = await startSimulator({});
    const url = closed.url;
    await closed.close();
    const error = await publishProject(
      await invalidRepository(),
      { url, auth: { kind: 'token', token: TOKEN }, timeoutMs: 1_000 },
      CANARIES,
      {},
      {},
      undefined,
      fastClient,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
  });
});

describe('publish against hand edits', () => {
  it('shows a UI edit in --dry-run without writing, and the next publish reverts it', async () => {
    sim = await startSimulator({ profile: '11.6' });
    const project = await repository();
    await publishProject(project, connection(sim), CANARIES, {}, {}, undefined, fastClient);
    sim.ui.editDashboard('service-red', (d) => {
      const panels = d.panels as { title?: string }[];
      const first = panels[0];
      if (first !== undefined) first.title = 'Renamed by hand';
    });
    sim.ui.editContactPointSettings('stack-slack-warnings', { recipient: '#somewhere-else' });
    sim.requests.clear();

    const dry = await publishProject(
      project,
      connection(sim),
      CANARIES,
      { dryRun: true },
      {},
      undefined,
      fastClient,
    );
    expect(sim.requests.countWrites()).toBe(0);
    const updates = dry.plan.actions.filter((a) => a.type === 'update');
    expect(updates.map((a) => a.ref).sort()).toEqual([
      'ContactPoint/stack-slack-warnings',
      'Dashboard/service-red',
    ]);
    expect(updates.flatMap((a) => a.changes.map((c) => c.path)).sort()).toEqual([
      'spec.panels[0].title',
      'spec.settings.recipient',
    ]);

    const fixed = await publishProject(project, connection(sim), CANARIES, {}, {}, undefined, fastClient);
    expect(
      fixed.events
        .filter((e) => e.status === 'updated')
        .map((e) => e.ref)
        .sort(),
    ).toEqual(['ContactPoint/stack-slack-warnings', 'Dashboard/service-red']);
    expect(await differencesFromRendered(sim)).toEqual([]);
  });
});
