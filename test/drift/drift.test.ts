/**
 * Drift against the simulator: none after a publish (on every version profile, after the simulator's own
 * normalisations), exactly the refs and fields a person changed by hand, missing and unmanaged dashboards, and
 * publish restoring the state.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { driftMain } from '../../src/cli/drift-main.ts';
import { ProjectLoadError } from '../../src/core/errors.ts';
import { driftCheck } from '../../src/drift/run.ts';
import type { Output } from '../../src/cli/run.ts';
import { runCommand } from '../../src/cli/run.ts';
import { MARKER_KEY } from '../../src/handlers/data-source.ts';
import { dataSourceMarker } from '../../src/core/ownership.ts';
import { publishProject } from '../../src/publish/publish.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { PROFILE_NAMES, startSimulator } from '../../src/simulator/index.ts';
import {
  CANARIES,
  ROOT,
  TOKEN,
  connection,
  fastClient,
  repository,
  REPOSITORY_OWNERSHIP,
} from '../fixtures/grafana.ts';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function drift(s: Simulator, format = 'json'): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const out: Output = { out: (l) => lines.push(l), err: (l) => lines.push(l) };
  const code = await runCommand(
    'drift',
    (o) => driftMain(ROOT, ['--format', format], { GRAFANA_URL: s.url, GRAFANA_TOKEN: TOKEN }, o),
    out,
  );
  return { code, text: lines.join('\n') };
}

interface JsonReport {
  drift: boolean;
  entries: { type: string; ref: string; changes: { field: string; code: unknown; grafana: unknown }[] }[];
}

async function published(profile: (typeof PROFILE_NAMES)[number]): Promise<Simulator> {
  const s = await startSimulator({ profile });
  await publishProject(await repository(), connection(s), CANARIES, {}, {}, undefined, fastClient);
  return s;
}

describe.each(PROFILE_NAMES)('drift on Grafana %s', (profile) => {
  it('finds none right after a publish, with redacted secrets and server defaults in place', async () => {
    sim = await published(profile);
    const writesBefore = sim.requests.countWrites();
    const run = await drift(sim);
    expect(run.code, run.text).toBe(0);
    expect((JSON.parse(run.text) as JsonReport).entries).toEqual([]);
    // Drift only reads.
    expect(sim.requests.countWrites()).toBe(writesBefore);
  });
});

describe('drift after hand edits', () => {
  it('names exactly the four edited refs and fields, and publish restores them', async () => {
    sim = await published('11.6');
    sim.ui.editDashboard('service-red', (d) => {
      const panels = d.panels as { targets?: { expr?: string }[] }[];
      const target = panels[1]?.targets?.[0];
      if (target !== undefined) target.expr = 'sum(rate(http_server_request_duration_seconds_count[1m]))';
    });
    sim.ui.editRuleGroup('stack-services', 'services', (group) => {
      const rule = group.rules.find((r) => r.title === 'BackendLatencyP95High');
      const data = rule?.data as { model: { expr: string } }[] | undefined;
      const query = data?.[0];
      if (query !== undefined) query.model.expr = query.model.expr.replace('> 0.5', '> 0.9');
    });
    sim.ui.editPolicyTree((tree) => {
      const routes = tree.routes as { receiver?: string; group_wait?: string }[];
      const critical = routes.find((r) => r.receiver === 'pagerduty-critical');
      if (critical !== undefined) critical.group_wait = '5m';
    });
    sim.ui.editContactPointSettings('stack-email-info', { singleEmail: false });
    const writesBefore = sim.requests.countWrites();

    const run = await drift(sim);
    expect(run.code).toBe(2);
    expect(sim.requests.countWrites()).toBe(writesBefore);
    const report = JSON.parse(run.text) as JsonReport;
    expect(report.entries.map((e) => [e.type, e.ref, e.changes.map((c) => c.field)])).toEqual([
      ['changed', 'ContactPoint/stack-email-info', ['spec.settings.singleEmail']],
      ['changed', 'NotificationPolicyTree/root', ['spec.routes[1].group_wait']],
      ['changed', 'AlertRuleGroup/services', ['rule BackendLatencyP95High › data[0].model.expr']],
      ['changed', 'Dashboard/service-red', ['panel "Request rate" › query A › expr']],
    ]);
    const text = await drift(sim, 'text');
    expect(text.text).toContain('restore: npm run publish -- --only Dashboard/service-red');
    expect(text.text).toContain('"5m" in Grafana');
    const markdown = await drift(sim, 'markdown');
    expect(markdown.text).toMatch(/^### Drift: 4 resources changed by hand/);

    await publishProject(await repository(), connection(sim), CANARIES, {}, {}, undefined, fastClient);
    expect((await drift(sim)).code).toBe(0);
  });

  it('converges after a secure header is added to a data source by hand: the header name is restored, the secret left alone', async () => {
    sim = await published('11.6');
    sim.ui.editDataSource('prometheus', (ds) => {
      ds['jsonData'] = { ...(ds['jsonData'] as object), httpHeaderName1: 'X-Extra' };
      ds['secureJsonData'] = { httpHeaderValue1: 'added-by-hand-3f3f' };
    });
    const before = JSON.parse((await drift(sim)).text) as JsonReport;
    expect(before.entries.map((e) => [e.ref, e.changes.map((c) => c.field)])).toEqual([
      ['DataSource/prometheus', ['spec.jsonData.httpHeaderName1']],
    ]);
    await publishProject(await repository(), connection(sim), CANARIES, {}, {}, undefined, fastClient);
    expect((await drift(sim)).code).toBe(0);
    const again = await publishProject(
      await repository(),
      connection(sim),
      CANARIES,
      {},
      {},
      undefined,
      fastClient,
    );
    expect(again.requests.writes).toBe(0);
  });

  it.each(['text', 'markdown', 'json'])(
    'masks a content secret Grafana shows in a plain field, as publish does (%s)',
    async (format) => {
      sim = await published('11.6');
      // The Loki tenant pasted into a plain jsonData field, and a dashboard title holding the Tempo tenant.
      sim.ui.editDataSource('loki', (ds) => {
        ds['jsonData'] = {
          ...(ds['jsonData'] as object),
          derivedFields: [],
          httpHeaderName1: CANARIES.LOKI_TENANT,
        };
      });
      sim.ui.editDashboard('service-red', (d) => {
        d['title'] = `Tenant ${CANARIES.TEMPO_TENANT}`;
      });
      const lines: string[] = [];
      const code = await runCommand(
        'drift',
        (o) =>
          driftMain(
            ROOT,
            ['--format', format],
            { GRAFANA_URL: sim?.url ?? '', GRAFANA_TOKEN: TOKEN, ...CANARIES },
            o,
          ),
        { out: (l) => lines.push(l), err: (l) => lines.push(l) },
      );
      expect(code).toBe(2);
      const text = lines.join('\n');
      expect(text).toContain('DataSource/loki');
      expect(text).toContain('***');
      for (const value of Object.values(CANARIES)) expect(text).not.toContain(value);
    },
  );

  it.each(PROFILE_NAMES)(
    '%s: reports a contact point setting added by hand, which the code does not define, and publish removes it',
    async (profile) => {
      sim = await published(profile);
      sim.ui.editContactPointSettings('stack-email-info', { replyTo: 'someone@example.com' });
      const report = JSON.parse((await drift(sim)).text) as JsonReport;
      expect(report.entries.map((e) => [e.ref, e.changes.map((c) => [c.field, c.code, c.grafana])])).toEqual([
        ['ContactPoint/stack-email-info', [['spec.settings.replyTo', undefined, 'someone@example.com']]],
      ]);
      await publishProject(await repository(), connection(sim), CANARIES, {}, {}, undefined, fastClient);
      expect((await drift(sim)).code).toBe(0);
    },
  );

  it('reports a deleted dashboard as missing and a hand-made one in an owned folder as unmanaged, nothing outside', async () => {
    sim = await published('12.x');
    sim.ui.deleteDashboard('service-red');
    const headers = { Authorization: 'Bearer hand', 'Content-Type': 'application/json' };
    const post = (dashboard: object, folderUid?: string): Promise<Response> =>
      fetch(`${sim?.url ?? ''}/api/dashboards/db`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ dashboard, ...(folderUid === undefined ? {} : { folderUid }) }),
      });
    await post({ uid: 'scratch', title: 'Scratch', panels: [] }, 'stack-services');
    await post({ uid: 'elsewhere', title: 'Elsewhere', panels: [] });
    await fetch(`${sim.url}/api/folders`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ uid: 'team-x', title: 'Team X' }),
    });
    await post({ uid: 'team-x-board', title: 'Team X board', panels: [] }, 'team-x');

    const run = await drift(sim);
    expect(run.code).toBe(2);
    expect((JSON.parse(run.text) as JsonReport).entries.map((e) => `${e.type} ${e.ref}`)).toEqual([
      'unmanaged Dashboard/scratch',
      'missing Dashboard/service-red',
    ]);
  });

  it('reports what the repository owns outside folders (marked data source, contact point with our prefix) as unmanaged, as prune sees it, and not a contact point another tool made through the API', async () => {
    sim = await published('11.6');
    const headers = { Authorization: 'Bearer hand', 'Content-Type': 'application/json' };
    const send = (path: string, body: object, extra: Record<string, string> = {}): Promise<Response> =>
      fetch(`${sim?.url ?? ''}${path}`, {
        method: 'POST',
        headers: { ...headers, ...extra },
        body: JSON.stringify(body),
      });
    // Left by an earlier publish: our marker, provenance "api".
    await send('/api/datasources', {
      uid: 'old-prom',
      name: 'Old Prometheus',
      type: 'prometheus',
      access: 'proxy',
      url: 'http://old:9090',
      jsonData: { [MARKER_KEY]: dataSourceMarker(REPOSITORY_OWNERSHIP) },
    });
    await send('/api/v1/provisioning/contact-points', {
      uid: 'stack-old-email',
      name: 'old-email',
      type: 'email',
      settings: { addresses: 'old@example.com' },
    });
    // Made by another tool through the API (provenance "api", as Terraform makes them): not ours.
    await send('/api/v1/provisioning/contact-points', {
      uid: 'terraform-pager',
      name: 'terraform-pager',
      type: 'email',
      settings: { addresses: 'tf@example.com' },
    });
    // Made by hand: not ours, not reported.
    await send('/api/datasources', {
      uid: 'by-hand',
      name: 'By hand',
      type: 'prometheus',
      access: 'proxy',
      url: 'http://hand:9090',
    });
    await send(
      '/api/v1/provisioning/contact-points',
      { uid: 'ui-made', name: 'ui-made', type: 'email', settings: { addresses: 'ui@example.com' } },
      { 'X-Disable-Provenance': 'true' },
    );

    const run = await drift(sim);
    expect(run.code).toBe(2);
    expect((JSON.parse(run.text) as JsonReport).entries.map((e) => `${e.type} ${e.ref}`)).toEqual([
      'unmanaged DataSource/old-prom',
      'unmanaged ContactPoint/stack-old-email',
    ]);
    const planned = await publishProject(
      await repository(),
      connection(sim),
      CANARIES,
      { dryRun: true, prune: true },
      {},
      undefined,
      fastClient,
    );
    expect(planned.plan.actions.filter((a) => a.type === 'delete').map((a) => a.ref)).toEqual([
      'ContactPoint/stack-old-email',
      'DataSource/old-prom',
    ]);
  });

  it('names a rendered file that does not hold what its name says, whatever Grafana answered', async () => {
    sim = await published('11.6');
    const scratch = mkdtempSync(join(tmpdir(), 'drift-'));
    try {
      const dir = join(scratch, 'rendered');
      cpSync(join(ROOT, 'rendered'), dir, { recursive: true });
      writeFileSync(join(dir, 'grafana/dashboards/service-red.json'), '{"kind":"Dashboard"}');
      const error = await driftCheck(dir, connection(sim)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProjectLoadError);
      expect(String((error as Error).message)).toContain('rendered/grafana/dashboards/service-red.json');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('exits 3 when Grafana cannot be reached, like publish', async () => {
    const lines: string[] = [];
    const code = await runCommand(
      'drift',
      (o) => driftMain(ROOT, [], { GRAFANA_URL: 'http://127.0.0.1:9', GRAFANA_TOKEN: TOKEN }, o),
      { out: (l) => lines.push(l), err: (l) => lines.push(l) },
    );
    expect(code).toBe(3);
    expect(lines.join('\n')).toContain('unreachable');
  });
});
