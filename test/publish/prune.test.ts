/**
 * --prune deletes what the repository owns and no longer defines, and nothing else: not an unowned dashboard in
 * Grafana's root, not a contact point made by hand in the UI. Without --prune nothing is ever deleted.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Kind } from '../../src/core/kinds.ts';
import { withSource } from '../../src/define/definition.ts';
import { MARKER_KEY } from '../../src/handlers/data-source.ts';
import { HANDLERS } from '../../src/handlers/index.ts';
import type { HandlerContext, KindHandler, LiveObject } from '../../src/handlers/types.ts';
import { dataSourceMarker } from '../../src/core/ownership.ts';
import { defineDashboard, stackDashboard } from '../../src/index.ts';
import type { Project } from '../../src/project/project.ts';
import { publishProject } from '../../src/publish/publish.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';
import {
  CANARIES,
  ROOT,
  connection,
  fastClient,
  repository,
  REPOSITORY_OWNERSHIP,
} from '../fixtures/grafana.ts';
import { LEGACY_API } from '../../src/grafana/app-platform.ts';

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

/** A rule group made through the API in a folder the repository owns, as someone else's script would. */
async function handMadeRuleGroup(s: Simulator, folderUid: string, title: string): Promise<void> {
  const existing = (await (
    await fetch(`${s.url}/api/v1/provisioning/folder/${folderUid}/rule-groups/services`, { headers })
  ).json()) as { rules: Record<string, unknown>[] };
  const { uid: _uid, id: _id, ...rule } = existing.rules[0] ?? {};
  const response = await fetch(`${s.url}/api/v1/provisioning/folder/${folderUid}/rule-groups/${title}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({
      title,
      folderUid,
      interval: 60,
      rules: [{ ...rule, title: 'ByHand', ruleGroup: title }],
    }),
  });
  if (!response.ok) throw new Error(`rule group not made: ${response.status} ${await response.text()}`);
}

/** A contact point with our prefix, provisioned through the API, as an earlier publish would have left it. */
async function provisionedEarlier(s: Simulator): Promise<void> {
  await fetch(`${s.url}/api/v1/provisioning/contact-points`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      uid: 'stack-old-email',
      name: 'old-email',
      type: 'email',
      settings: { addresses: 'old@example.com' },
    }),
  });
}

/**
 * What others made: a dashboard at the root, a contact point made editable in the UI, and one provisioned
 * through the API by another tool (provenance "api", as Terraform provisions).
 */
async function handMade(s: Simulator): Promise<void> {
  await fetch(`${s.url}/api/v1/provisioning/contact-points`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      uid: 'terraform-pager',
      name: 'terraform-pager',
      type: 'email',
      settings: { addresses: 'tf@example.com' },
    }),
  });
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
  it.each(['11.6', '12.x', '13.x'] as const)(
    'on %s removes owned resources deleted from code and leaves unowned ones alone; without --prune deletes nothing',
    async (profile) => {
      sim = await startSimulator({ profile });
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
      ).toEqual(['ContactPoint/stack-old-email', 'Dashboard/soon-gone']);
      expect(names().dashboards).toContain('by-hand');
      expect(names().dashboards).not.toContain('soon-gone');
      expect(names().contactPoints).toContain('ui-made');
      expect(names().contactPoints).toContain('terraform-pager');
      expect(names().contactPoints).toContain('grafana-default-email');
      expect(names().contactPoints).not.toContain('old-email');
    },
  );

  it('--prune --only never plans deleting what the code defines, and still deletes owned objects it matches', async () => {
    sim = await startSimulator({ profile: '11.6' });
    const project = await repository();
    await publishProject(project, connection(sim), CANARIES, {}, {}, undefined, fastClient);
    await handMadeRuleGroup(sim, 'stack-services', 'by-hand');

    const planned = await publishProject(
      project,
      connection(sim),
      CANARIES,
      { dryRun: true, prune: true, only: ['AlertRuleGroup/stack-*'] },
      {},
      undefined,
      fastClient,
    );
    // Every rule group the code defines sits in a folder named stack-*; only the hand-made one is to go.
    expect(planned.plan.actions.map((a) => `${a.type} ${a.ref}`)).toEqual([
      'delete AlertRuleGroup/stack-services:by-hand',
      'noop AlertRuleGroup/stack-components',
    ]);
    expect(sim.requests.countWrites({ pathPrefix: '/api/v1/provisioning/alert-rules' })).toBe(0);
  });

  it('counts a DELETE answered 404 on its retry (the first one was applied, its answer lost) as deleted', async () => {
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
    // A data source an earlier publish left (it carries the marker), since removed from code.
    await fetch(`${sim.url}/api/datasources`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        uid: 'old-prom',
        name: 'Old Prometheus',
        type: 'prometheus',
        access: 'proxy',
        url: 'http://old-prometheus:9090',
        jsonData: { [MARKER_KEY]: dataSourceMarker(REPOSITORY_OWNERSHIP) },
      }),
    });
    // Each DELETE is applied, then its connection drops; the client sends it again and meets a 404.
    sim.setFaults({
      faults: ['/api/dashboards/uid/soon-gone', '/api/datasources/uid/old-prom'].map(
        (pathPrefix) => ({ type: 'reset', phase: 'after', method: 'DELETE', pathPrefix, times: 1 }) as const,
      ),
    });
    const pruned = await publishProject(
      project,
      connection(sim),
      CANARIES,
      { prune: true },
      {},
      undefined,
      fastClient,
    );
    expect(pruned.events.filter((e) => e.status !== 'unchanged').map((e) => `${e.status} ${e.ref}`)).toEqual([
      'deleted Dashboard/soon-gone',
      'deleted DataSource/old-prom',
    ]);
    expect(
      sim.requests
        .api()
        .filter((e) => e.method === 'DELETE')
        .map((e) => `${e.status} ${e.path}`),
    ).toEqual([
      '0 /api/dashboards/uid/soon-gone',
      '404 /api/dashboards/uid/soon-gone',
      '0 /api/datasources/uid/old-prom',
      '404 /api/datasources/uid/old-prom',
    ]);
  });
});

describe('removing what is already gone', () => {
  const absent: readonly LiveObject[] = [
    {
      kind: 'Dashboard',
      uid: 'gone',
      ref: 'Dashboard/gone',
      folderUid: 'stack-services',
      body: {},
      owned: true,
    },
    { kind: 'Folder', uid: 'gone', ref: 'Folder/gone', body: {}, owned: true },
    { kind: 'DataSource', uid: 'gone', ref: 'DataSource/gone', body: {}, owned: true },
    { kind: 'ContactPoint', uid: 'gone', ref: 'ContactPoint/gone', body: {}, owned: true },
    { kind: 'MuteTiming', uid: 'gone', ref: 'MuteTiming/gone', body: {}, owned: true },
    { kind: 'NotificationTemplate', uid: 'gone', ref: 'NotificationTemplate/gone', body: {}, owned: true },
    {
      kind: 'AlertRuleGroup',
      uid: 'gone',
      ref: 'AlertRuleGroup/gone',
      folderUid: 'stack-services',
      body: { rules: [{ uid: 'gone-rule' }] },
      owned: true,
    },
  ];

  it.each(absent.map((o) => [o.kind, o] as const))('succeeds for a %s', async (kind, object) => {
    sim = await startSimulator({ profile: '11.6' });
    const context: HandlerContext = {
      client: fastClient(connection(sim)),
      editable: false,
      ownedFolders: new Set(),
      ownership: REPOSITORY_OWNERSHIP,
      resendSecrets: false,
      api: LEGACY_API,
      dashboardSchema: 'v1',
      secrets: new Map(),
    };
    const handler = HANDLERS[kind] as KindHandler<Kind>;
    await expect(handler.remove(context, object)).resolves.toBeUndefined();
  });
});
