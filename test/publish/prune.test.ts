/**
 * --prune deletes what the repository owns and no longer defines, and nothing else: not an unowned dashboard in
 * Grafana's root, not a contact point made by hand in the UI. Without --prune nothing is ever deleted.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withSource } from '../../src/define/definition.ts';
import { defineDashboard, stackDashboard } from '../../src/index.ts';
import type { Project } from '../../src/project/project.ts';
import { publishProject } from '../../src/publish/publish.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';
import { CANARIES, ROOT, connection, fastClient, repository } from '../fixtures/grafana.ts';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** The repository plus a dashboard in an owned folder, which the next publish will no longer define. */
function withExtraDashboard(project: Project): Project {
  const dashboard = withSource(
    defineDashboard({
      uid: 'soon-gone',
      folderUid: 'stack-services',
      dashboard: stackDashboard({ title: 'Soon gone', description: 'Deleted from code next.', tags: [] }),
    }),
    join(ROOT, 'dashboards/soon-gone.ts'),
  );
  return {
    ...project,
    definitions: [...project.definitions, { definition: dashboard, index: 'dashboards/index.ts' }],
  };
}

const headers = { Authorization: 'Bearer hand', 'Content-Type': 'application/json' };

/** A contact point provisioned through the API (provenance "api"), as an earlier publish would have left it. */
async function provisionedEarlier(s: Simulator): Promise<void> {
  await fetch(`${s.url}/api/v1/provisioning/contact-points`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      uid: 'old-email',
      name: 'old-email',
      type: 'email',
      settings: { addresses: 'old@example.com' },
    }),
  });
}

/** What people made by hand: a dashboard at the root, a contact point made editable in the UI. */
async function handMade(s: Simulator): Promise<void> {
  await fetch(`${s.url}/api/dashboards/db`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ dashboard: { uid: 'by-hand', title: 'By hand', panels: [] } }),
  });
  await fetch(`${s.url}/api/v1/provisioning/contact-points`, {
    method: 'POST',
    headers: { ...headers, 'X-Disable-Provenance': 'true' },
    body: JSON.stringify({
      uid: 'ui-made',
      name: 'ui-made',
      type: 'email',
      settings: { addresses: 'ui@example.com' },
    }),
  });
}

describe('prune', () => {
  it('removes owned resources deleted from code and leaves unowned ones alone; without --prune deletes nothing', async () => {
    sim = await startSimulator({ profile: '11.6' });
    const project = await repository();
    await publishProject(
      withExtraDashboard(project),
      connection(sim),
      CANARIES,
      {},
      {},
      undefined,
      fastClient,
    );
    await provisionedEarlier(sim);
    await handMade(sim);

    const names = (): { dashboards: string[]; contactPoints: string[] } => {
      const state = sim?.state();
      return {
        dashboards: (state?.dashboards ?? []).map((d) => d.uid).sort(),
        contactPoints: (state?.integrations ?? []).map((c) => c.name).sort(),
      };
    };
    expect(names().dashboards).toContain('soon-gone');

    const without = await publishProject(
      project,
      connection(sim),
      CANARIES,
      { dryRun: true },
      {},
      undefined,
      fastClient,
    );
    expect(without.plan.counts.delete).toBe(0);

    const pruned = await publishProject(
      project,
      connection(sim),
      CANARIES,
      { prune: true },
      {},
      undefined,
      fastClient,
    );
    expect(
      pruned.events
        .filter((e) => e.status === 'deleted')
        .map((e) => e.ref)
        .sort(),
    ).toEqual(['ContactPoint/old-email', 'Dashboard/soon-gone']);
    expect(names().dashboards).toContain('by-hand');
    expect(names().dashboards).not.toContain('soon-gone');
    expect(names().contactPoints).toContain('ui-made');
    expect(names().contactPoints).toContain('grafana-default-email');
    expect(names().contactPoints).not.toContain('old-email');
  });
});
