/**
 * The publish and drift scenarios of the simulator suites, against a real Grafana: run with
 * `GRAFANA_URL=… GRAFANA_TOKEN=… npm run test:integration` on a Grafana (10.4+, 11.x, 12.x) you can write to. It
 * publishes the repository's content there (the secret variables default to harmless test values), so use a
 * Grafana made for testing. Without GRAFANA_URL the suite refuses to run rather than pretending to pass.
 */
import { describe, expect, it } from 'vitest';
import { grafanaConnection, withDotEnv } from '../../src/cli/environment.ts';
import { driftCheck } from '../../src/drift/run.ts';
import { GrafanaClient } from '../../src/grafana/client.ts';
import { publishProject } from '../../src/publish/publish.ts';
import { CANARIES, ROOT, repository } from '../fixtures/grafana.ts';

const env = withDotEnv(ROOT, process.env);
if (env.GRAFANA_URL === undefined) {
  throw new Error(
    'The integration suite needs GRAFANA_URL (and GRAFANA_TOKEN or GRAFANA_USER/GRAFANA_PASSWORD).',
  );
}
const connection = grafanaConnection(env);
const secrets = {
  ...CANARIES,
  ...Object.fromEntries(Object.keys(CANARIES).flatMap((k) => (env[k] === undefined ? [] : [[k, env[k]]]))),
};

describe(`a real Grafana at ${connection.url}`, () => {
  it('takes the repository, then shows no drift, and a second publish writes nothing', async () => {
    const project = await repository();
    const first = await publishProject(project, connection, secrets);
    expect(first.events.filter((e) => e.status === 'failed')).toEqual([]);
    const drift = await driftCheck(`${ROOT}/rendered`, connection);
    expect(drift.report.entries).toEqual([]);
    const second = await publishProject(project, connection, secrets);
    expect(second.requests.writes).toBe(0);
  });

  it('reports a dashboard changed through the API as drift, and publish restores it', async () => {
    const client = new GrafanaClient(connection);
    const current = (await client.get('/api/dashboards/uid/service-red')).body as {
      dashboard: { title: string };
      meta: { folderUid?: string };
    };
    await client.post('/api/dashboards/db', {
      dashboard: { ...current.dashboard, title: 'Changed by hand' },
      folderUid: current.meta.folderUid,
      overwrite: true,
    });
    const drift = await driftCheck(`${ROOT}/rendered`, connection);
    expect(drift.report.entries.map((e) => e.ref)).toEqual(['Dashboard/service-red']);
    await publishProject(await repository(), connection, secrets);
    expect((await driftCheck(`${ROOT}/rendered`, connection)).report.entries).toEqual([]);
  });
});
