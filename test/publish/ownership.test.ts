/**
 * Ownership as every Grafana profile returns it (src/core/ownership.ts): a folder removed from code goes with
 * --prune, with the dashboards in it; a hand-made folder imitating ours (its title, the old description marker)
 * stays; drift reports a hand-made dashboard inside an owned folder and nothing the repository does not own.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { driftCheck } from '../../src/drift/run.ts';
import { withSource } from '../../src/define/definition.ts';
import { defineDashboard, defineFolder, stackDashboard } from '../../src/index.ts';
import type { Project } from '../../src/project/project.ts';
import { UsageError } from '../../src/core/errors.ts';
import { publishProject } from '../../src/publish/publish.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { PROFILE_NAMES, startSimulator } from '../../src/simulator/index.ts';
import { CANARIES, ROOT, connection, fastClient, repository } from '../fixtures/grafana.ts';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** The repository plus a folder of its own holding one dashboard: what a later commit deletes. */
function withRetiredFolder(project: Project): Project {
  const folder = withSource(
    defineFolder({ uid: 'stack-retired', title: 'Retired' }),
    join(ROOT, 'dashboards/retired.ts'),
  );
  const dashboard = withSource(
    defineDashboard({
      uid: 'retired-board',
      folderUid: 'stack-retired',
      dashboard: stackDashboard({ title: 'Retired board', description: 'Goes with its folder.', tags: [] }),
    }),
    join(ROOT, 'dashboards/retired.ts'),
  );
  return {
    ...project,
    definitions: [
      ...project.definitions,
      { definition: folder, index: 'dashboards/index.ts' },
      { definition: dashboard, index: 'dashboards/index.ts' },
    ],
  };
}

const headers = { Authorization: 'Bearer hand', 'Content-Type': 'application/json' };

async function post(s: Simulator, path: string, body: object): Promise<void> {
  const response = await fetch(`${s.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

describe.each(PROFILE_NAMES)('ownership on Grafana %s', (profile) => {
  it('prunes a folder removed from code with its dashboard, leaves an imitation alone, and drift agrees', async () => {
    sim = await startSimulator({ profile });
    const project = await repository();
    const publish = (p: Project, prune = false) =>
      publishProject(p, connection(sim as Simulator), CANARIES, { prune }, {}, undefined, fastClient);
    await publish(withRetiredFolder(project));
    // A person's folder that looks like ours (the title of one of ours, the description marker earlier
    // versions of this tool wrote), with a dashboard; and a scratch dashboard inside a folder we own.
    // (Under a folder of their own: Grafana up to 11.2 wants titles unique under one parent.)
    await post(sim, '/api/folders', { uid: 'team', title: 'Team' });
    await post(sim, '/api/folders', {
      uid: 'services-copy',
      parentUid: 'team',
      title: 'Services',
      description: 'Copied. Managed as code by grafana-stack-as-code.',
    });
    await post(sim, '/api/dashboards/db', {
      dashboard: { uid: 'their-board', title: 'Their board', panels: [] },
      folderUid: 'services-copy',
    });
    await post(sim, '/api/dashboards/db', {
      dashboard: { uid: 'scratch', title: 'Scratch', panels: [] },
      folderUid: 'stack-services',
    });

    const drift = await driftCheck(join(ROOT, 'rendered'), connection(sim), undefined, fastClient);
    expect(drift.report.entries.map((e) => `${e.type} ${e.ref}`)).toEqual([
      'unmanaged Folder/stack-retired',
      'unmanaged Dashboard/retired-board',
      'unmanaged Dashboard/scratch',
    ]);

    const pruned = await publish(project, true);
    expect(
      pruned.events
        .filter((e) => e.status === 'deleted')
        .map((e) => e.ref)
        .sort(),
    ).toEqual(['Dashboard/retired-board', 'Dashboard/scratch', 'Folder/stack-retired']);
    const state = sim.state();
    expect(state.folders.map((f) => f.uid)).toContain('services-copy');
    expect(state.folders.map((f) => f.uid)).not.toContain('stack-retired');
    expect(state.dashboards.map((d) => d.uid)).toContain('their-board');
    expect(state.dashboards.map((d) => d.uid)).not.toContain('retired-board');
    expect((await publish(project, true)).requests.writes).toBe(0);
  });
});

describe('prune of a folder holding what is not ours', () => {
  // On 13.x /apis refuses a non-empty folder: the allowed cascade goes through the legacy delete.
  it.each(['11.6', '13.x'] as const)(
    'on %s refuses, naming what the deletion would take with it, and deletes it all only with --prune-nested',
    async (profile) => {
      sim = await startSimulator({ profile });
      const project = await repository();
      const publish = (p: Project, options: { prune?: boolean; pruneNested?: boolean } = {}) =>
        publishProject(p, connection(sim as Simulator), CANARIES, options, {}, undefined, fastClient);
      await publish(withRetiredFolder(project));
      // A person's subfolder inside our folder, with a dashboard of theirs.
      await post(sim, '/api/folders', { uid: 'their-sub', title: 'Theirs', parentUid: 'stack-retired' });
      await post(sim, '/api/dashboards/db', {
        dashboard: { uid: 'their-sub-board', title: 'Their board', panels: [] },
        folderUid: 'their-sub',
      });
      const writes = sim.requests.countWrites();
      const refused = await publish(project, { prune: true }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(UsageError);
      expect(String((refused as Error).message)).toContain(
        'Folder/stack-retired would also delete Dashboard/their-sub-board, Folder/their-sub',
      );
      expect(sim.requests.countWrites()).toBe(writes);
      expect(sim.state().folders.map((f) => f.uid)).toContain('their-sub');

      const allowed = await publish(project, { prune: true, pruneNested: true });
      expect(allowed.plan.cascades).toEqual([
        { folder: 'Folder/stack-retired', takes: ['Dashboard/their-sub-board', 'Folder/their-sub'] },
      ]);
      expect(sim.state().folders.map((f) => f.uid)).not.toContain('their-sub');
    },
  );
});
