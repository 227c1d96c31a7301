import { DEFAULT_OWNERSHIP } from '../../src/core/ownership.ts';
import { LEGACY_API } from '../../src/grafana/app-platform.ts';
/**
 * Reading Grafana (src/publish/live-state.ts): every kind at once, and dashboards compared as soon as they are
 * read: an unchanged one comes back without its body (`sameAs`), a changed one keeps it, and the plan reads both
 * exactly as it would have read the full bodies.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { desiredOf } from '../../src/core/desired.ts';
import { GrafanaClient } from '../../src/grafana/client.ts';
import { HANDLERS } from '../../src/handlers/index.ts';
import { buildProject } from '../../src/project/project.ts';
import { readLive } from '../../src/publish/live-state.ts';
import { compareResource } from '../../src/publish/plan.ts';
import { publishProject } from '../../src/publish/publish.ts';
import { resolveSecrets } from '../../src/publish/secrets.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';
import { CANARIES, connection, fastClient, repository } from '../fixtures/grafana.ts';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('reading Grafana', () => {
  it('drops the body of a dashboard that is the same as the code and keeps the body of one edited by hand', async () => {
    sim = await startSimulator({ profile: '11.6' });
    const project = await repository();
    await publishProject(project, connection(sim), CANARIES, {}, {}, undefined, fastClient);
    sim.ui.editDashboard('service-red', (d) => {
      d.title = 'Renamed by hand';
    });
    const desired = buildProject(project).registry.resources;
    const { live } = await readLive(
      HANDLERS,
      {
        client: new GrafanaClient(connection(sim)),
        editable: false,
        resendSecrets: false,
        api: LEGACY_API,
        dashboardSchema: 'v1',
        ownership: DEFAULT_OWNERSHIP,
        secrets: resolveSecrets(desired, CANARIES),
      },
      desiredOf(desired),
    );
    const dashboards = live.get('Dashboard') ?? [];
    const edited = dashboards.find((d) => d.uid === 'service-red');
    const unchanged = dashboards.filter((d) => d.uid !== 'service-red');
    expect(unchanged.length).toBeGreaterThan(5);
    expect(unchanged.every((d) => d.body === undefined && d.sameAs !== undefined)).toBe(true);
    expect(edited?.sameAs).toBeUndefined();
    expect(edited?.body).toMatchObject({ dashboard: { title: 'Renamed by hand' } });

    // The plan reads a dropped body as what it was compared with, also through another (equal or changed) copy.
    const sample = unchanged[0];
    const resource = desired.find((r) => r.kind === 'Dashboard' && r.uid === sample?.uid);
    if (resource === undefined || resource.kind !== 'Dashboard') throw new Error('no dashboard');
    expect(compareResource(resource, live, HANDLERS)).toMatchObject({ state: 'present', changes: [] });
    const copy = { ...resource, spec: structuredClone(resource.spec) };
    expect(compareResource(copy, live, HANDLERS)).toMatchObject({ state: 'present', changes: [] });
    const retitled = { ...resource, spec: { ...structuredClone(resource.spec), title: 'New title' } };
    const comparison = compareResource(retitled, live, HANDLERS);
    expect(comparison.state === 'present' ? comparison.changes.map((c) => c.path) : []).toEqual([
      'spec.title',
    ]);
    const editedResource = desired.find((r) => r.kind === 'Dashboard' && r.uid === 'service-red');
    if (editedResource === undefined) throw new Error('no service-red');
    const back = compareResource(editedResource, live, HANDLERS);
    expect(back.state === 'present' ? back.changes.map((c) => c.path) : []).toEqual(['spec.title']);
  });
});
