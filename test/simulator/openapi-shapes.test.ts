/**
 * Every 2xx body the simulator gives publish and drift fits the OpenAPI description of that Grafana release
 * (src/simulator/openapi-shapes.ts): no property outside it, none of its required ones missing. The scenario
 * goes through every endpoint in the table: cold publish, hand edits and the publish that restores them, prune
 * of a folder, a dashboard and a data source, and drift.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withSource } from '../../src/define/definition.ts';
import { driftCheck } from '../../src/drift/run.ts';
import type { GrafanaConnection } from '../../src/grafana/client.ts';
import { GrafanaClient } from '../../src/grafana/client.ts';
import type { Transport } from '../../src/grafana/http-transport.ts';
import { createHttpTransport } from '../../src/grafana/http-transport.ts';
import { defineDashboard, defineDataSource, defineFolder, stackDashboard } from '../../src/index.ts';
import type { Project } from '../../src/project/project.ts';
import { publishProject } from '../../src/publish/publish.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { PROFILE_NAMES, startSimulator } from '../../src/simulator/index.ts';
import { ENDPOINTS, shapeProblems } from '../../src/simulator/openapi-shapes.ts';
import { CANARIES, ROOT, connection, repository } from '../fixtures/grafana.ts';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

interface Seen {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly body: unknown;
}

/** A client whose transport keeps every answer. */
function recording(seen: Seen[]): (c: GrafanaConnection) => GrafanaClient {
  const http = createHttpTransport();
  const fetch: Transport = async (url, init) => {
    const response = await http(url, init);
    const text = await response.text();
    const path = new URL(url).pathname;
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    seen.push({ method: init.method, path, status: response.status, body });
    return { status: response.status, headers: response.headers, text: () => Promise.resolve(text) };
  };
  return (c) => new GrafanaClient(c, { fetch, sleep: () => Promise.resolve(), random: () => 0 });
}

function withExtras(project: Project): Project {
  const file = join(ROOT, 'dashboards/extras.ts');
  const extras = [
    withSource(defineFolder({ uid: 'stack-extra', title: 'Extra' }), file),
    withSource(
      defineDashboard({
        uid: 'extra-board',
        folderUid: 'stack-extra',
        dashboard: stackDashboard({ title: 'Extra board', description: 'Pruned next.', tags: [] }),
      }),
      file,
    ),
    withSource(
      defineDataSource({
        uid: 'extra-prom',
        name: 'Extra Prometheus',
        type: 'prometheus',
        url: 'http://x:9090',
      }),
      join(ROOT, 'datasources/extras.ts'),
    ),
  ];
  return {
    ...project,
    definitions: [
      ...project.definitions,
      ...extras.map((definition) => ({ definition, index: 'dashboards/index.ts' })),
    ],
  };
}

describe.each(PROFILE_NAMES)('responses of Grafana %s', (profile) => {
  // The legacy API, forced on 12.x and 13.x (which publish through /apis by default): the OpenAPI description
  // covers /api only.
  it('fit its OpenAPI description on every endpoint publish and drift use', async () => {
    sim = await startSimulator({ profile });
    const seen: Seen[] = [];
    const client = recording(seen);
    const project = await repository();
    const legacy = { api: 'legacy' } as const;
    await publishProject(withExtras(project), connection(sim), CANARIES, legacy, {}, undefined, client);
    sim.ui.editDashboard('service-red', (d) => {
      d['title'] = 'Changed by hand';
    });
    sim.ui.editFolder('stack-services', { title: 'Changed by hand' });
    sim.ui.editDataSource('prometheus', (ds) => {
      ds['url'] = 'http://elsewhere:9090';
    });
    sim.ui.editContactPointSettings('stack-email-info', { singleEmail: false });
    sim.ui.editMuteTiming('stack-maintenance-window', (intervals) => {
      intervals[0] = { ...intervals[0], weekdays: ['monday'] };
    });
    sim.ui.editTemplate('stack-notifications', '{{ define "x" }}changed{{ end }}');
    // Moved by hand under another folder: publish moves it back (POST …/move).
    await fetch(`${sim.url}/api/folders/stack-edge/move`, {
      method: 'POST',
      headers: { Authorization: 'Bearer hand', 'Content-Type': 'application/json' },
      body: JSON.stringify({ parentUid: 'stack-extra' }),
    });
    sim.ui.editRuleGroup('stack-services', 'services', (group) => {
      group.interval = 120;
    });
    await publishProject(withExtras(project), connection(sim), CANARIES, legacy, {}, undefined, client);
    await publishProject(
      project,
      connection(sim),
      CANARIES,
      { ...legacy, prune: true },
      {},
      undefined,
      client,
    );
    await driftCheck(join(ROOT, 'rendered'), connection(sim), undefined, client, { preference: 'legacy' });

    const ok = seen.filter((s) => s.status >= 200 && s.status < 300);
    const covered = new Set(
      ok.flatMap((s) =>
        ENDPOINTS.filter((e) => e.method === s.method && e.pattern.test(s.path)).map(
          (e) => `${e.method} ${e.pattern.source}`,
        ),
      ),
    );
    const missed = ENDPOINTS.filter((e) => !covered.has(`${e.method} ${e.pattern.source}`)).map(
      (e) => `${e.method} ${e.pattern.source}`,
    );
    expect(missed).toEqual([]);
    expect(ok.flatMap((s) => shapeProblems(profile, s.method, s.path, s.body))).toEqual([]);
  });

  it('catches a body outside the description', () => {
    expect(
      shapeProblems(profile, 'GET', '/api/folders/x', { uid: 'x', title: 'X', description: 'no such field' }),
    ).toEqual(['GET /api/folders/x: Folder has no property description']);
    expect(
      shapeProblems(profile, 'GET', '/api/v1/provisioning/contact-points', [{ uid: 'x', name: 'n' }]),
    ).toEqual([
      'GET /api/v1/provisioning/contact-points [0]: EmbeddedContactPoint lacks required settings',
      'GET /api/v1/provisioning/contact-points [0]: EmbeddedContactPoint lacks required type',
    ]);
  });
});
