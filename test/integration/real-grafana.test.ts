/**
 * The publish and drift scenarios of the simulator suites that need no fault injection, against a real Grafana:
 * `GRAFANA_URL=… GRAFANA_TOKEN=… npm run test:integration` (or GRAFANA_USER / GRAFANA_PASSWORD) on a Grafana
 * (10.4, 11.x, 12.x, 13.x) made for testing. `.github/workflows/integration.yml` runs it against the official image
 * of each supported version. It starts by removing whatever the repository owns there (prune of an empty
 * project), publishes the repository's content (secret variables default to harmless test values), and removes it
 * all again at the end. Without GRAFANA_URL the suite refuses to run rather than pretending to pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grafanaConnection, withDotEnv } from '../../src/cli/environment.ts';
import { publishMain } from '../../src/cli/publish-main.ts';
import { driftMain } from '../../src/cli/drift-main.ts';
import type { Output } from '../../src/cli/run.ts';
import { runCommand } from '../../src/cli/run.ts';
import { withSource } from '../../src/define/definition.ts';
import { driftCheck } from '../../src/drift/run.ts';
import { GrafanaClient } from '../../src/grafana/client.ts';
import { defineDashboard, defineFolder, stackDashboard } from '../../src/index.ts';
import type { Project } from '../../src/project/project.ts';
import { publishProject } from '../../src/publish/publish.ts';
import { Redactor } from '../../src/core/redact.ts';
import { redactingOutput } from '../../src/publish/redacting-output.ts';
import { CANARIES, REPOSITORY_OWNERSHIP, ROOT, repository } from '../fixtures/grafana.ts';
import { majorOf } from '../../src/grafana/app-platform.ts';

const env = withDotEnv(ROOT, process.env);
if (env.GRAFANA_URL === undefined) {
  throw new Error(
    'The integration suite needs GRAFANA_URL (and GRAFANA_TOKEN or GRAFANA_USER/GRAFANA_PASSWORD).',
  );
}
const connection = grafanaConnection(env);
const secrets: Record<string, string> = {
  ...CANARIES,
  ...Object.fromEntries(Object.keys(CANARIES).flatMap((k) => (env[k] === undefined ? [] : [[k, env[k]]]))),
};
const client = new GrafanaClient(connection);
const rendered = `${ROOT}/rendered`;

/** The repository with nothing in it: publishing it with --prune removes everything the repository owns. */
function empty(project: Project): Project {
  return { ...project, definitions: [] };
}

async function removeEverything(): Promise<void> {
  // The policy tree is never pruned: back to Grafana's default first, so that nothing references the contact
  // points and mute timings the prune removes.
  await client.delete('/api/v1/provisioning/policies', { allow: [404] });
  await publishProject(empty(await repository()), connection, secrets, { prune: true });
}

async function driftRefs(): Promise<string[]> {
  return (await driftCheck(rendered, connection)).report.entries.map((e) => `${e.type} ${e.ref}`);
}

async function publish(project?: Project): Promise<Awaited<ReturnType<typeof publishProject>>> {
  return publishProject(project ?? (await repository()), connection, secrets);
}

beforeAll(removeEverything, 300_000);
afterAll(removeEverything, 300_000);

describe(`a real Grafana at ${connection.url}`, () => {
  it('takes the repository cold, then shows no drift, and a second publish writes nothing', async () => {
    const first = await publish();
    expect(first.events.filter((e) => e.status === 'failed')).toEqual([]);
    expect(first.plan.counts.create).toBeGreaterThan(30);
    expect(await driftRefs()).toEqual([]);
    const second = await publish();
    expect(second.requests.writes).toBe(0);
  });

  it('on Grafana 12 and later, publishes through /apis with our manager annotations', async (context) => {
    const result = await publish();
    const major = majorOf(result.grafanaVersion) ?? 0;
    if (major < 12) context.skip();
    const version = major >= 13 ? 'v1' : 'v1beta1';
    const read = await client.get(
      `/apis/dashboard.grafana.app/${version}/namespaces/default/dashboards/service-red`,
    );
    const metadata = (read.body as { metadata: { annotations?: Record<string, string> } }).metadata;
    expect(metadata.annotations).toMatchObject({
      'grafana.app/managedBy': 'kubectl',
      'grafana.app/managerId': `grafana-stack-as-code/${REPOSITORY_OWNERSHIP.owner}`,
      'grafana.app/folder': 'stack-services',
    });
    expect(result.requests.writes).toBe(0);
  });

  it('names each kind edited through the API, and publish restores every one', async () => {
    const dashboard = (await client.get('/api/dashboards/uid/service-red')).body as {
      dashboard: Record<string, unknown>;
      meta: { folderUid?: string };
    };
    await client.post('/api/dashboards/db', {
      dashboard: { ...dashboard.dashboard, title: 'Changed by hand' },
      folderUid: dashboard.meta.folderUid,
      overwrite: true,
    });
    const folder = (await client.get('/api/folders/stack-edge')).body as { version: number };
    await client.put('/api/folders/stack-edge', { title: 'Edge, by hand', version: folder.version });
    const ds = (await client.get('/api/datasources/uid/loki')).body as Record<string, unknown>;
    await client.put('/api/datasources/uid/loki', { ...ds, url: 'http://elsewhere:3100' });
    const group = (await client.get('/api/v1/provisioning/folder/stack-services/rule-groups/services'))
      .body as {
      interval: number;
    };
    await client.put('/api/v1/provisioning/folder/stack-services/rule-groups/services', {
      ...group,
      interval: group.interval * 2,
    });
    const cps = (await client.get('/api/v1/provisioning/contact-points')).body as Record<string, unknown>[];
    const email = cps.find((c) => c.uid === 'stack-email-info') ?? {};
    await client.put('/api/v1/provisioning/contact-points/stack-email-info', {
      ...email,
      settings: { ...(email.settings as object), singleEmail: false },
    });
    const tree = (await client.get('/api/v1/provisioning/policies')).body as Record<string, unknown>;
    await client.put('/api/v1/provisioning/policies', { ...tree, group_wait: '45s' });
    const timing = (await client.get('/api/v1/provisioning/mute-timings/stack-maintenance-window'))
      .body as Record<string, unknown>;
    await client.put('/api/v1/provisioning/mute-timings/stack-maintenance-window', {
      ...timing,
      time_intervals: [{ weekdays: ['monday'] }],
    });
    const template = (await client.get('/api/v1/provisioning/templates/stack-notifications')).body as Record<
      string,
      unknown
    >;
    await client.put('/api/v1/provisioning/templates/stack-notifications', {
      ...template,
      template: '{{ define "stack.title" }}by hand{{ end }}',
    });

    expect((await driftRefs()).sort()).toEqual(
      [
        'changed AlertRuleGroup/services',
        'changed ContactPoint/stack-email-info',
        'changed Dashboard/service-red',
        'changed DataSource/loki',
        'changed Folder/stack-edge',
        'changed MuteTiming/stack-maintenance-window',
        'changed NotificationPolicyTree/root',
        'changed NotificationTemplate/stack-notifications',
      ].sort(),
    );
    const restored = await publish();
    expect(restored.events.filter((e) => e.status === 'failed')).toEqual([]);
    expect(await driftRefs()).toEqual([]);
  });

  it('prunes a folder removed from code with its dashboard, and leaves what is not ours', async () => {
    const project = await repository();
    const file = `${ROOT}/dashboards/retired.ts`;
    const withRetired: Project = {
      ...project,
      definitions: [
        ...project.definitions,
        {
          definition: withSource(defineFolder({ uid: 'stack-it-retired', title: 'Retired' }), file),
          index: 'x',
        },
        {
          definition: withSource(
            defineDashboard({
              uid: 'stack-it-retired-board',
              folderUid: 'stack-it-retired',
              dashboard: stackDashboard({ title: 'Retired board', description: 'Pruned next.', tags: [] }),
            }),
            file,
          ),
          index: 'x',
        },
      ],
    };
    await publish(withRetired);
    // Someone else's folder, titled like one of ours, with a dashboard.
    await client.post('/api/folders', { uid: 'it-theirs', title: 'Services copy' });
    await client.post('/api/dashboards/db', {
      dashboard: { uid: 'it-theirs-board', title: 'Theirs', panels: [] },
      folderUid: 'it-theirs',
    });
    try {
      const pruned = await publishProject(project, connection, secrets, { prune: true });
      expect(
        pruned.events
          .filter((e) => e.status === 'deleted')
          .map((e) => e.ref)
          .sort(),
      ).toEqual(['Dashboard/stack-it-retired-board', 'Folder/stack-it-retired']);
      expect((await client.get('/api/folders/it-theirs', { allow: [404] })).status).toBe(200);
      expect((await client.get('/api/dashboards/uid/it-theirs-board', { allow: [404] })).status).toBe(200);
    } finally {
      await client.delete('/api/folders/it-theirs', { allow: [404] });
    }
  });

  it('publishes alerting objects locked by default (provenance api) and editable with --editable', async () => {
    const cps = (await client.get('/api/v1/provisioning/contact-points')).body as Record<string, unknown>[];
    expect(cps.find((c) => c.uid === 'stack-email-info')?.provenance).toBe('api');
    await removeEverything();
    const editable = await publishProject(await repository(), connection, secrets, { editable: true });
    expect(editable.events.filter((e) => e.status === 'failed')).toEqual([]);
    const after = (await client.get('/api/v1/provisioning/contact-points')).body as Record<string, unknown>[];
    expect(after.find((c) => c.uid === 'stack-email-info')?.provenance ?? '').toBe('');
    await removeEverything();
    await publish();
  });

  it('prints no secret: publish, its plan and drift in every format', async () => {
    const lines: string[] = [];
    const capture: Output = { out: (l) => lines.push(l), err: (l) => lines.push(l) };
    const redactor = new Redactor();
    const cliEnv = { ...env, ...secrets };
    await runCommand(
      'publish',
      (o) => publishMain(ROOT, ['--verbose', '--rotate-secrets'], cliEnv, o, redactor),
      redactingOutput(capture, redactor),
    );
    for (const format of ['text', 'markdown', 'json'])
      await runCommand('drift', (o) => driftMain(ROOT, ['--format', format], cliEnv, o), capture);
    const text = lines.join('\n');
    for (const value of Object.values(CANARIES)) expect(text).not.toContain(value);
    if (env.GRAFANA_TOKEN !== undefined) expect(text).not.toContain(env.GRAFANA_TOKEN);
  });
});
