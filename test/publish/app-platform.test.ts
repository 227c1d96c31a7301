/**
 * Grafana 12 and 13 through the App Platform (`/apis`): which API is chosen, what publish writes (manager
 * annotations, resourceVersion), lists instead of per-object reads, Git Sync resources left alone, and a v2
 * dashboard saved from 13.x's UI.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderProject } from '../../src/commands/render.ts';
import { isDashboardV2 } from '../../src/core/dashboard-v2.ts';
import type { Project } from '../../src/project/project.ts';
import { buildProject } from '../../src/project/project.ts';
import { Registry } from '../../src/project/registry.ts';
import { validate } from '../../src/validate/validate.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.ts';
import type { JsonObject } from '../../src/core/json.ts';
import { driftCheck } from '../../src/drift/run.ts';
import type { PublishOptions } from '../../src/publish/publish.ts';
import { publishProject } from '../../src/publish/publish.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';
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

/** What a person does in 13.x's UI: the dashboard's grid moved into a tab, which only v2 can hold. */
function intoTabs(spec: JsonObject): void {
  spec['layout'] = {
    kind: 'TabsLayout',
    spec: { tabs: [{ kind: 'TabsLayoutTab', spec: { title: 'Overview', layout: spec['layout'] ?? null } }] },
  };
}

/** Publish into the running simulator, with the repository's canary secrets. */
function publish(project: Project, options: PublishOptions = {}): ReturnType<typeof publishProject> {
  if (sim === undefined) throw new Error('start the simulator first');
  return publishProject(project, connection(sim), CANARIES, options, {}, undefined, fastClient);
}

async function getJson(s: Simulator, path: string): Promise<JsonObject> {
  const response = await fetch(`${s.url}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  return (await response.json()) as JsonObject;
}

function annotations(object: JsonObject): Record<string, unknown> {
  const metadata = object['metadata'] as JsonObject;
  return (metadata['annotations'] ?? {}) as Record<string, unknown>;
}

const VERSIONS = {
  '12.x': { dashboards: 'v1beta1', folders: 'v1beta1' },
  '13.x': { dashboards: 'v1', folders: 'v1' },
};

describe.each(['12.x', '13.x'] as const)('Grafana %s through /apis', (profile) => {
  const versions = VERSIONS[profile];
  const dashboardPath = (uid: string) =>
    `/apis/dashboard.grafana.app/${versions.dashboards}/namespaces/default/dashboards/${uid}`;
  const folderPath = (uid: string) =>
    `/apis/folder.grafana.app/${versions.folders}/namespaces/default/folders/${uid}`;

  it('writes dashboards and folders through /apis with our manager annotations, and reads them back as lists', async () => {
    sim = await startSimulator({ profile });
    const project = await repository();
    await publish(project);
    const legacy = sim.requests.entries.filter((e) => /^\/api\/(dashboards|folders|search)/.test(e.path));
    expect(legacy.map((e) => `${e.method} ${e.path}`)).toEqual([]);
    const dashboard = await getJson(sim, dashboardPath('service-red'));
    expect(annotations(dashboard)).toMatchObject({
      'grafana.app/managedBy': 'kubectl',
      'grafana.app/managerId': 'grafana-stack-as-code/platform-stack',
      'grafana.app/managerAllowsEdits': 'false',
      'grafana.app/folder': 'stack-services',
    });
    const folder = await getJson(sim, folderPath('stack-services'));
    expect(annotations(folder)).toMatchObject({ 'grafana.app/managedBy': 'kubectl' });
    expect(await differencesFromRendered(sim)).toEqual([]);

    // A no-op publish and drift read each kind with one list request: no dashboard or folder is read alone.
    sim.requests.clear();
    const again = await publish(project);
    expect(again.requests.writes).toBe(0);
    const reads = sim.requests.entries.filter((e) => e.path.startsWith('/apis/'));
    expect(reads.map((e) => e.path).sort()).toEqual([
      `/apis/dashboard.grafana.app/${versions.dashboards}/namespaces/default/dashboards`,
      `/apis/folder.grafana.app/${versions.folders}/namespaces/default/folders`,
    ]);
    sim.requests.clear();
    const drift = await driftCheck(join(ROOT, 'rendered'), connection(sim), undefined, fastClient);
    expect(drift.report.entries).toEqual([]);
    expect(sim.requests.entries.filter((e) => e.path.startsWith('/apis/')).length).toBe(2);
  });

  it('refuses to take over a dashboard a Git Sync repository manages, names it, and never prunes it', async () => {
    sim = await startSimulator({ profile });
    const project = await repository();
    sim.ui.gitSyncDashboard({ repository: 'team-dashboards', uid: 'service-red', title: 'Theirs' });
    sim.requests.clear();
    const refused = publish(project);
    await expect(refused).rejects.toThrow(UsageError);
    await expect(refused).rejects.toThrow(
      /Dashboard\/service-red is managed in Grafana by repo "team-dashboards" \(a Git Sync/,
    );
    expect(sim.requests.countWrites()).toBe(0);
    const plan = await publish(project, { dryRun: true });
    expect(plan.plan.refusals).toEqual([
      {
        ref: 'Dashboard/service-red',
        manager: expect.stringContaining('repo "team-dashboards"'),
        reason: expect.stringContaining('is managed in Grafana by repo "team-dashboards"'),
      },
    ]);

    // In a folder we own, with a uid carrying our prefix: still theirs, so prune leaves it.
    await sim.close();
    sim = await startSimulator({ profile });
    await publish(project);
    sim.ui.gitSyncDashboard({
      repository: 'team-dashboards',
      uid: 'stack-synced',
      title: 'Synced',
      folderUid: 'stack-services',
    });
    const pruned = await publish(project, { prune: true });
    expect(pruned.plan.actions.filter((a) => a.type === 'delete')).toEqual([]);
    expect(annotations(await getJson(sim, dashboardPath('stack-synced')))).toMatchObject({
      'grafana.app/managedBy': 'repo',
    });
    const drift = await driftCheck(join(ROOT, 'rendered'), connection(sim), undefined, fastClient);
    expect(drift.report.entries).toEqual([]);
  });

  it('refuses to write into a folder a Git Sync repository manages, naming it', async () => {
    sim = await startSimulator({ profile });
    const project = await repository();
    sim.ui.gitSyncFolder({ repository: 'team-dashboards', uid: 'stack-services', title: 'Services' });
    const dry = await publish(project, { dryRun: true });
    expect(dry.plan.refusals.map((r) => r.ref)).toEqual(
      expect.arrayContaining(['Folder/stack-services', 'Dashboard/service-red']),
    );
    expect(dry.plan.refusals.find((r) => r.ref === 'Dashboard/service-red')?.reason).toMatch(
      /would go into Folder\/stack-services, which repo "team-dashboards" .* manages/,
    );
    await expect(publish(project)).rejects.toThrow(
      /nothing was written: .*Dashboard\/service-red would go into Folder\/stack-services/,
    );
    expect(sim.requests.countWrites()).toBe(0);
  });

  it('adopts what the legacy API published (adding our annotations), and --api legacy still works', async () => {
    sim = await startSimulator({ profile });
    const project = await repository();
    await publish(project, { api: 'legacy' });
    expect(
      annotations(await getJson(sim, dashboardPath('service-red')))['grafana.app/managedBy'],
    ).toBeUndefined();
    const again = await publish(project, { api: 'legacy' });
    expect(again.requests.writes).toBe(0);
    const adopt = await publish(project);
    const updated = adopt.plan.actions.filter((a) => a.type === 'update');
    expect(updated.length).toBeGreaterThan(0);
    expect(updated.every((a) => a.changes.some((c) => c.path === 'manager'))).toBe(true);
    expect(annotations(await getJson(sim, dashboardPath('service-red')))['grafana.app/managedBy']).toBe(
      'kubectl',
    );
    const settled = await publish(project);
    expect(settled.requests.writes).toBe(0);
  });

  it('--editable allows edits in the UI (managerAllowsEdits), which drift does not count as a change', async () => {
    sim = await startSimulator({ profile });
    const project = await repository();
    await publish(project, { editable: true });
    expect(
      annotations(await getJson(sim, dashboardPath('service-red')))['grafana.app/managerAllowsEdits'],
    ).toBe('true');
    const drift = await driftCheck(join(ROOT, 'rendered'), connection(sim), undefined, fastClient);
    expect(drift.report.entries).toEqual([]);
  });

  it('compares folder descriptions, which /apis returns', async () => {
    sim = await startSimulator({ profile });
    const project = await repository();
    await publish(project);
    sim.ui.editFolder('stack-services', { description: 'Changed by hand' });
    const drift = await driftCheck(join(ROOT, 'rendered'), connection(sim), undefined, fastClient);
    expect(drift.report.entries.map((e) => [e.ref, e.changes.map((c) => c.path)])).toEqual([
      ['Folder/stack-services', ['spec.description']],
    ]);
    await publish(project);
    expect(await differencesFromRendered(sim)).toEqual([]);
  });
});

describe('an early 12.x whose dashboards and folders are not in unified storage yet', () => {
  it('ignores the manager annotations publish writes: publish warns once and says to use --api legacy', async () => {
    sim = await startSimulator({ profile: '12.x', legacyStorage: true });
    const project = await repository();
    const first = await publish(project);
    expect(first.warnings).toEqual([
      expect.stringMatching(
        /^(Dashboard|Folder)\/[a-z-]+: Grafana did not keep the grafana\.app\/managedBy annotation .* Publish this Grafana with --api legacy\.$/,
      ),
    ]);
    const legacy = await publish(project, { api: 'legacy' });
    expect(legacy.requests.writes).toBe(0);
    expect(legacy.warnings).toEqual([]);
  });

  it('and a Grafana that keeps them gives no warning', async () => {
    sim = await startSimulator({ profile: '12.x' });
    expect((await publish(await repository())).warnings).toEqual([]);
  });
});

describe('dashboard v2 on Grafana 13.x', () => {
  it('a dashboard saved as v2 from the UI shows as changed in drift, publish warns and restores ours', async () => {
    sim = await startSimulator({ profile: '13.x' });
    const project = await repository();
    await publish(project);
    // The UI's dynamic dashboards: the grid moved into a tab, which only v2 can hold.
    sim.ui.saveDashboardAsV2('service-red', intoTabs);
    const legacyGet = await fetch(`${sim.url}/api/dashboards/uid/service-red`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(legacyGet.status).toBe(406);
    const drift = await driftCheck(join(ROOT, 'rendered'), connection(sim), undefined, fastClient);
    expect(drift.report.entries.map((e) => [e.ref, e.type])).toEqual([['Dashboard/service-red', 'changed']]);
    expect(drift.report.entries[0]?.changes).toContainEqual(
      // Drift reads from the repository (before) to Grafana (after).
      expect.objectContaining({ path: 'schema', before: 'v1', after: 'v2' }),
    );
    const dry = await publish(project, { dryRun: true });
    expect(dry.plan.warnings).toEqual([
      expect.stringContaining('Dashboard/service-red is stored in Grafana in the v2 dashboard schema'),
    ]);
    await publish(project);
    expect(await differencesFromRendered(sim)).toEqual([]);
    const restored = await getJson(
      sim,
      '/apis/dashboard.grafana.app/v1/namespaces/default/dashboards/service-red',
    );
    expect(restored['status']).toEqual({});
  });

  it('--api legacy sees a v2 dashboard as stored as v2, never as missing', async () => {
    sim = await startSimulator({ profile: '13.x' });
    const project = await repository();
    await publish(project);
    sim.ui.saveDashboardAsV2('service-red');
    const drift = await driftCheck(join(ROOT, 'rendered'), connection(sim), undefined, fastClient, {
      preference: 'legacy',
    });
    expect(drift.report.entries.map((e) => [e.ref, e.type])).toEqual([['Dashboard/service-red', 'changed']]);
  });
});

describe('choosing the API', () => {
  it('uses the legacy API before 12 and refuses --api apis there', async () => {
    sim = await startSimulator({ profile: '11.6' });
    const project = await repository();
    await publish(project);
    expect(sim.requests.entries.some((e) => e.path.startsWith('/apis/'))).toBe(false);
    await expect(publish(project, { api: 'apis' })).rejects.toThrow(/--api apis needs Grafana 12 or later/);
  });
});

/** The repository with `grafana.dashboardSchema: 'v2'` in every environment. */
function withV2(project: Project): Project {
  const set = project.configSet;
  return {
    ...project,
    configSet: {
      defaultEnvironment: set.defaultEnvironment,
      environments: set.environments,
      problems: (environment) => set.problems(environment),
      resolve: (environment) => {
        const config = set.resolve(environment);
        return { ...config, grafana: { ...config.grafana, dashboardSchema: 'v2' } };
      },
    },
  };
}

describe("grafana.dashboardSchema: 'v2'", () => {
  it('renders every dashboard in the v2 schema, validated, deterministic', async () => {
    const project = withV2(await repository());
    const out = mkdtempSync(join(tmpdir(), 'gsac-v2-'));
    try {
      renderProject(project, { outDir: out });
      const first = readFileSync(join(out, 'grafana/dashboards/service-red.json'), 'utf8');
      const spec = (JSON.parse(first) as { spec: JsonObject }).spec;
      expect(Object.keys(spec)).toEqual(
        expect.arrayContaining(['elements', 'layout', 'timeSettings', 'variables']),
      );
      expect(spec['panels']).toBeUndefined();
      expect(JSON.parse(readFileSync(join(out, 'grafana/ownership.json'), 'utf8'))).toMatchObject({
        dashboardSchema: 'v2',
      });
      renderProject(project, { outDir: out });
      expect(readFileSync(join(out, 'grafana/dashboards/service-red.json'), 'utf8')).toBe(first);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('validates v2 dashboards with the v2 paths: a bad query is found where it sits', async () => {
    const project = withV2(await repository());
    const built = buildProject(project);
    const dashboard = built.registry.resources.find((r) => r.kind === 'Dashboard' && r.uid === 'service-red');
    if (dashboard?.kind !== 'Dashboard' || !isDashboardV2(dashboard.spec)) throw new Error('a v2 dashboard');
    expect(validate(built.registry, built.config)).toEqual([]);
    const broken = JSON.parse(JSON.stringify(dashboard.spec)) as JsonObject;
    const element = Object.values(broken['elements'] as JsonObject)[0] as JsonObject;
    const query = (
      (
        (((element['spec'] as JsonObject)['data'] as JsonObject)['spec'] as JsonObject)[
          'queries'
        ] as JsonObject[]
      )[0]?.['spec'] as JsonObject
    )['query'] as JsonObject;
    (query['spec'] as JsonObject)['expr'] = 'sum(rate(http_server_request_duration_seconds_count[5m]';
    const registry = new Registry(
      built.registry.resources.map((r) =>
        r === dashboard ? { ...dashboard, spec: broken as unknown as typeof dashboard.spec } : r,
      ),
    );
    const problems = validate(registry, built.config);
    expect(problems.map((p) => p.path)).toContainEqual(
      expect.stringMatching(/^elements\.panel-\d+\.spec\.data\.spec\.queries\[0\]\.spec\.query\.spec\.expr$/),
    );
  });

  it('publishes the repository on 13.x through dashboard.grafana.app/v2, with zero writes on re-publish and no drift', async () => {
    sim = await startSimulator({ profile: '13.x' });
    const project = withV2(await repository());
    const first = await publish(project);
    expect(first.events.filter((e) => e.status === 'failed')).toEqual([]);
    const stored = await getJson(
      sim,
      '/apis/dashboard.grafana.app/v2/namespaces/default/dashboards/service-red',
    );
    expect(stored['status']).toEqual({});
    expect(Object.keys(stored['spec'] as JsonObject)).toContain('elements');
    sim.requests.clear();
    const again = await publish(project);
    expect(again.plan.actions.filter((a) => a.type !== 'noop').map((a) => a.ref)).toEqual([]);
    expect(sim.requests.countWrites()).toBe(0);
    const out = mkdtempSync(join(tmpdir(), 'gsac-v2-'));
    try {
      renderProject(project, { outDir: out });
      const drift = await driftCheck(out, connection(sim), undefined, fastClient);
      expect(drift.report.entries).toEqual([]);
      // A dashboard moved into tabs by hand: drift compares v2 with v2.
      sim.ui.saveDashboardAsV2('service-red', intoTabs);
      const moved = await driftCheck(out, connection(sim), undefined, fastClient);
      expect(moved.report.entries.map((e) => [e.ref, e.changes.map((c) => c.path)])).toEqual([
        ['Dashboard/service-red', ['spec.layout.kind', 'spec.layout.spec.rows', 'spec.layout.spec.tabs']],
      ]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('is refused on 12.x, which serves no dashboard.grafana.app/v2', async () => {
    sim = await startSimulator({ profile: '12.x' });
    const project = withV2(await repository());
    await expect(publish(project)).rejects.toThrow(/needs Grafana 13 or later/);
    expect(sim.requests.countWrites()).toBe(0);
  });
});
