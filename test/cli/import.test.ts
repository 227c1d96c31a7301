/**
 * `npm run import` as a user runs it: its help, its refusals (nothing written), a file import, a dry run, and an
 * import from a Grafana holding secrets.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPORT_USAGE, importMain } from '../../src/cli/import-main.ts';
import type { Output } from '../../src/cli/run.ts';
import { runCommand } from '../../src/cli/run.ts';
import { publishProject } from '../../src/publish/publish.ts';
import { startSimulator } from '../../src/simulator/index.ts';
import { SDK, minimalFiles, writeProject } from '../fixtures/disk-project.ts';
import { CANARIES, TOKEN, connection, fastClient, repository } from '../fixtures/grafana.ts';

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function project(): string {
  const files = minimalFiles();
  files['.env.example'] = 'GRAFANA_URL=\n';
  // A name of its own, so that the stack's data sources can be imported beside it.
  files['datasources/prom.ts'] = (files['datasources/prom.ts'] ?? '').replace(
    "name: 'Prometheus'",
    "name: 'Team Prometheus'",
  );
  const root = writeProject(files);
  roots.push(root);
  return root;
}

/** Every file of the project, with its text: what must not change when an import is refused. */
function snapshot(root: string): string {
  return ['dashboards/index.ts', 'alerts/index.ts', 'datasources/index.ts', '.env.example']
    .map((f) => `${f}\n${readFileSync(join(root, f), 'utf8')}`)
    .join('\n');
}

async function run(root: string, argv: string[], env: Record<string, string> = {}) {
  const output = capture();
  const code = await runCommand('import', (o) => importMain(root, argv, env, o), output);
  return { code, ...output };
}

const DASHBOARD = {
  uid: 'checkout',
  title: 'Checkout',
  schemaVersion: 39,
  panels: [
    {
      id: 1,
      type: 'timeseries',
      title: 'Orders',
      gridPos: { x: 0, y: 0, w: 12, h: 8 },
      targets: [
        { refId: 'A', datasource: { type: 'prometheus', uid: 'prom' }, expr: 'sum(rate(orders_total[5m]))' },
      ],
    },
  ],
};

describe('npm run import', () => {
  it('documents every flag, the environment and the exit codes under --help', async () => {
    const { code, lines } = await run(project(), ['--help']);
    expect(code).toBe(0);
    expect(lines.join('\n')).toBe(IMPORT_USAGE);
    for (const flag of ['--all', '--only', '--folder', '--file', '--dry-run', '--api', '--help'])
      expect(IMPORT_USAGE).toContain(flag);
    expect(IMPORT_USAGE).toContain('GRAFANA_URL');
    expect(IMPORT_USAGE).toMatch(/Exit codes: 0 .* 1 .* 3 /s);
  });

  it('says where to import from when neither GRAFANA_URL nor --file is given', async () => {
    const { code, errors } = await run(project(), ['--all']);
    expect(code).toBe(1);
    expect(errors.join('\n')).toContain(
      'Set GRAFANA_URL (and GRAFANA_TOKEN) to import from Grafana, or give --file',
    );
  });

  it('refuses a file that is not JSON, or not a dashboard, naming it, and writes nothing', async () => {
    const root = project();
    const before = snapshot(root);
    writeFileSync(join(root, 'broken.json'), '{"title": "x", "panels": [');
    writeFileSync(join(root, 'configmap.json'), '{"apiVersion": "v1", "kind": "ConfigMap"}');
    const broken = await run(root, ['--file', join(root, 'broken.json')]);
    expect(broken.code).toBe(1);
    expect(broken.errors.join('\n')).toMatch(/broken\.json: is not JSON/);
    const configmap = await run(root, ['--file', join(root, 'configmap.json')]);
    expect(configmap.errors.join('\n')).toMatch(/configmap\.json: is not a dashboard/);
    expect(snapshot(root)).toBe(before);
  });

  it('refuses a dashboard Grafana could not show as written (a repeat by no variable), and writes nothing', async () => {
    const root = project();
    const before = snapshot(root);
    const file = join(root, 'repeat.json');
    writeFileSync(
      file,
      JSON.stringify({ ...DASHBOARD, panels: [{ ...DASHBOARD.panels[0], repeat: 'host' }] }),
    );
    const { code, errors } = await run(root, ['--file', file]);
    expect(code).toBe(1);
    expect(errors.join('\n')).toContain(
      'dashboards/checkout.ts Dashboard/checkout panels[0].repeat: panel "Orders" repeats by $host, which is not a variable of this dashboard',
    );
    expect(existsSync(join(root, 'dashboards/checkout.ts'))).toBe(false);
    expect(snapshot(root)).toBe(before);
  });

  it('imports a dashboard file into dashboards/ and its index; a dry run writes nothing', async () => {
    const root = project();
    const file = join(root, 'checkout.json');
    writeFileSync(file, JSON.stringify(DASHBOARD));
    const before = snapshot(root);
    const dry = await run(root, ['--file', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.lines.join('\n')).toContain(
      'would write dashboards/checkout.ts: Dashboard/checkout (no kit helper, 1 panels as JSON)',
    );
    expect(snapshot(root)).toBe(before);
    const real = await run(root, ['--file', file]);
    expect(real.code).toBe(0);
    expect(real.lines.join('\n')).toContain('wrote dashboards/checkout.ts: Dashboard/checkout');
    const written = readFileSync(join(root, 'dashboards/checkout.ts'), 'utf8');
    expect(written).toMatch(new RegExp(`from ['"]${SDK.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}['"]`));
    expect(written).toContain('imported: true');
    expect(readFileSync(join(root, 'dashboards/index.ts'), 'utf8')).toMatch(
      /import checkout from ['"]\.\/checkout\.ts['"];/,
    );
    // A second import (a new process: here a copy, whose modules were never loaded) leaves it alone.
    const twin = `${root}-again`;
    roots.push(twin);
    cpSync(root, twin, { recursive: true });
    const again = await run(twin, ['--file', file]);
    expect(again.lines.join('\n')).toContain('left Dashboard/checkout: already defined in code');
  });

  it('imports from Grafana: secrets become secret() references, listed and added to .env.example, never shown', async () => {
    const sim = await startSimulator({ profile: '13.x' });
    try {
      await publishProject(await repository(), connection(sim), CANARIES, {}, {}, undefined, fastClient);
      const root = project();
      const env = { GRAFANA_URL: sim.url, GRAFANA_TOKEN: TOKEN };
      const none = await run(root, ['--only', 'ContactPoint/stack-slack'], env);
      expect(none.code).toBe(1);
      expect(none.errors.join('\n')).toContain(
        'matches nothing Grafana holds; closest: ContactPoint/stack-slack-warnings',
      );
      const { code, lines, errors } = await run(
        root,
        ['--only', 'ContactPoint/stack-slack-*', '--only', 'DataSource/*'],
        env,
      );
      const text = lines.join('\n');
      expect(code, `${text}\n${errors.join('\n')}`).toBe(0);
      expect(text).toContain(
        'wrote alerts/contact-point-stack-slack-warnings.ts: ContactPoint/stack-slack-warnings',
      );
      expect(text).toContain(
        'CONTACT_POINT_SLACK_WARNINGS_URL  (ContactPoint/stack-slack-warnings settings.url)',
      );
      expect(text).toContain(
        'DATASOURCE_PROMETHEUS_BASIC_AUTH_PASSWORD  (DataSource/prometheus secureJsonData.basicAuthPassword)',
      );
      expect(readFileSync(join(root, 'datasources/prometheus.ts'), 'utf8')).toMatch(
        /basicAuthPassword: secret\(['"]DATASOURCE_PROMETHEUS_BASIC_AUTH_PASSWORD['"]\)/,
      );
      const written = readFileSync(join(root, 'alerts/contact-point-stack-slack-warnings.ts'), 'utf8');
      expect(written).toMatch(/url: secret\(['"]CONTACT_POINT_SLACK_WARNINGS_URL['"]\)/);
      expect(readFileSync(join(root, '.env.example'), 'utf8')).toMatch(
        /^CONTACT_POINT_SLACK_WARNINGS_URL=$/m,
      );
      for (const canary of Object.values(CANARIES)) {
        expect(text).not.toContain(canary);
        expect(written).not.toContain(canary);
      }
    } finally {
      await sim.close();
    }
  });
});
