/**
 * Canary secret values (and the Grafana token) never appear in stdout, stderr, the plan JSON or thrown messages,
 * whatever happens: success, dry run, a missing variable, an API error whose body echoes a secret.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publishMain } from '../../src/cli/publish-main.ts';
import type { Output } from '../../src/cli/run.ts';
import { runCommand } from '../../src/cli/run.ts';
import { MissingSecretError } from '../../src/grafana/errors.ts';
import { publishProject } from '../../src/publish/publish.ts';
import { Redactor } from '../../src/core/redact.ts';
import { redactingOutput } from '../../src/publish/redacting-output.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';
import { driftMain } from '../../src/cli/drift-main.ts';
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
const dirs: string[] = [];
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const SECRETS = [...Object.values(CANARIES), TOKEN];

function leaks(text: string): string[] {
  return SECRETS.filter((s) => text.includes(s) || text.includes(JSON.stringify(s).slice(1, -1)));
}

async function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; text: string; plan: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'gsac-plan-'));
  dirs.push(dir);
  const planFile = join(dir, 'plan.json');
  const lines: string[] = [];
  const capture: Output = { out: (l) => lines.push(l), err: (l) => lines.push(l) };
  const redactor = new Redactor();
  const code = await runCommand(
    'publish',
    (o) => publishMain(ROOT, [...args, '--json', planFile], env, o, redactor),
    redactingOutput(capture, redactor),
  );
  let plan = '';
  try {
    plan = readFileSync(planFile, 'utf8');
  } catch {
    plan = '';
  }
  return { code, text: lines.join('\n'), plan };
}

function grafanaEnv(s: Simulator): Record<string, string> {
  return { GRAFANA_URL: s.url, GRAFANA_TOKEN: TOKEN, ...CANARIES };
}

describe('--json into a folder that does not exist', () => {
  it('is refused before anything is sent, exit 1', async () => {
    sim = await startSimulator();
    const lines: string[] = [];
    const code = await runCommand(
      'publish',
      (o) =>
        publishMain(
          ROOT,
          ['--dry-run', '--json', join(tmpdir(), 'gsac-no-such-folder', 'plan.json')],
          grafanaEnv(sim as Simulator),
          o,
          new Redactor(),
        ),
      { out: (l) => lines.push(l), err: (l) => lines.push(l) },
    );
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain('its folder does not exist');
    expect(lines.join('\n')).not.toContain('    at ');
    expect(sim.requests.api()).toEqual([]);
  });
});

describe('secrets in outputs', () => {
  it.each(['11.6', '13.x'] as const)(
    'a publish, a dry run and a republish on %s print no secret, nor does the plan JSON',
    async (profile) => {
      sim = await startSimulator({ profile });
      for (const args of [['--dry-run'], [], ['--verbose', '--rotate-secrets']]) {
        const run = await cli(args, grafanaEnv(sim));
        expect(run.code).toBe(0);
        expect(run.text).toMatch(/Plan: /);
        expect(run.plan).toMatch(/"counts"/);
        expect(leaks(run.text)).toEqual([]);
        expect(leaks(run.plan)).toEqual([]);
      }
      // The secrets did reach Grafana: it holds them, encrypted on its side.
      const state = JSON.stringify(sim.state());
      expect(state).toContain(CANARIES.PAGERDUTY_INTEGRATION_KEY);
    },
  );

  it('a missing variable is named before anything is sent, and the others are not shown', async () => {
    sim = await startSimulator();
    const { SLACK_WEBHOOK_URL: _missing, ...rest } = CANARIES;
    const run = await cli([], { GRAFANA_URL: sim.url, GRAFANA_TOKEN: TOKEN, ...rest });
    expect(run.code).toBe(1);
    expect(run.text).toContain('SLACK_WEBHOOK_URL (used by ContactPoint/stack-slack-warnings)');
    expect(sim.requests.api()).toEqual([]);
    expect(leaks(run.text)).toEqual([]);
    await expect(publishProject(await repository(), connection(sim), rest)).rejects.toThrow(
      MissingSecretError,
    );
  });

  it('a secret too short to be masked is refused before anything is sent, without showing it', async () => {
    sim = await startSimulator();
    const run = await cli([], {
      GRAFANA_URL: sim.url,
      GRAFANA_TOKEN: TOKEN,
      ...CANARIES,
      LOKI_TENANT: 'q7z',
    });
    expect(run.code).toBe(1);
    expect(run.text).toContain('LOKI_TENANT (used by DataSource/loki): its value is under 4 characters');
    expect(run.text).not.toContain('q7z');
    expect(sim.requests.api()).toEqual([]);
    expect(leaks(run.text)).toEqual([]);
  });

  it('an error body that echoes a secret is masked in stderr', async () => {
    sim = await startSimulator({
      faults: {
        faults: [
          {
            type: 'status',
            status: 400,
            always: true,
            method: 'POST',
            pathPrefix: '/api/v1/provisioning/contact-points',
            body: `bad settings: integrationKey ${CANARIES.PAGERDUTY_INTEGRATION_KEY} and token ${TOKEN}`,
          },
        ],
      },
    });
    const run = await cli([], grafanaEnv(sim));
    expect(run.code).toBe(4);
    expect(run.text).toMatch(
      /ContactPoint\/stack-pagerduty-critical: POST \/api\/v1\/provisioning\/contact-points answered 400/,
    );
    expect(run.text).toContain('***');
    expect(leaks(run.text)).toEqual([]);
  });

  it('wrong credentials exit 3 and name the URL, not the token', async () => {
    sim = await startSimulator({ token: 'the-only-valid-token' });
    const run = await cli([], grafanaEnv(sim));
    expect(run.code).toBe(3);
    expect(run.text).toContain(`Grafana at ${sim.url} refused the credentials (401)`);
    expect(leaks(run.text)).toEqual([]);
  });

  it('an unreachable Grafana exits 3 and names the URL', async () => {
    const run = await cli([], { GRAFANA_URL: 'http://127.0.0.1:9', GRAFANA_TOKEN: TOKEN, ...CANARIES });
    expect(run.code).toBe(3);
    expect(run.text).toContain('Grafana at http://127.0.0.1:9 is unreachable');
    expect(leaks(run.text)).toEqual([]);
  });
});

describe('secret rotation', () => {
  const ROTATED = {
    ...CANARIES,
    PAGERDUTY_INTEGRATION_KEY: 'canary-pagerduty-key-rotated-a11a',
    PROMETHEUS_PASSWORD: 'canary-prometheus-password-rotated-b22b',
  };

  it('keeps the secrets Grafana holds without --rotate-secrets, and replaces them all with it', async () => {
    sim = await startSimulator({ profile: '11.6' });
    const project = await repository();
    await publishProject(project, connection(sim), CANARIES, {}, {}, undefined, fastClient);

    const kept = await publishProject(project, connection(sim), ROTATED, {}, {}, undefined, fastClient);
    expect(kept.plan.counts).toMatchObject({ create: 0, update: 0, delete: 0 });
    const before = JSON.stringify(sim.state());
    expect(before).toContain(CANARIES.PAGERDUTY_INTEGRATION_KEY);
    expect(before).toContain(CANARIES.PROMETHEUS_PASSWORD);
    expect(before).not.toContain(ROTATED.PAGERDUTY_INTEGRATION_KEY);
    expect(before).not.toContain(ROTATED.PROMETHEUS_PASSWORD);

    const rotated = await publishProject(
      project,
      connection(sim),
      ROTATED,
      { resendSecrets: true },
      {},
      undefined,
      fastClient,
    );
    const updates = rotated.plan.actions.filter((a) => a.type === 'update');
    expect(updates.map((a) => `${a.ref}: ${a.reason}`)).toEqual([
      'DataSource/loki: rotating secrets',
      'DataSource/prometheus: rotating secrets',
      'DataSource/tempo: rotating secrets',
      'ContactPoint/stack-heartbeat: rotating secrets',
      'ContactPoint/stack-pagerduty-critical: rotating secrets',
      'ContactPoint/stack-slack-warnings: rotating secrets',
    ]);
    expect(rotated.events.filter((e) => e.status === 'failed')).toEqual([]);
    const after = JSON.stringify(sim.state());
    expect(after).toContain(ROTATED.PAGERDUTY_INTEGRATION_KEY);
    expect(after).toContain(ROTATED.PROMETHEUS_PASSWORD);
    expect(after).not.toContain(CANARIES.PAGERDUTY_INTEGRATION_KEY);
    expect(after).not.toContain(CANARIES.PROMETHEUS_PASSWORD);
    expect(await differencesFromRendered(sim)).toEqual([]);
  });
});

describe('a secret in a setting Grafana does not redact', () => {
  it('compares as set: never shown by the plan or drift, and publish converges', async () => {
    // This Grafana keeps Slack's webhook URL in clear and answers it as it is.
    sim = await startSimulator({ profile: '11.6', secureSettings: { slack: ['token'] } });
    const env = grafanaEnv(sim);
    const first = await cli([], env);
    expect(first.code, first.text).toBe(0);
    const slack = sim.state().integrations.find((i) => i.name === 'slack-warnings');
    expect(JSON.stringify(slack)).toContain(CANARIES.SLACK_WEBHOOK_URL);

    sim.requests.clear();
    const again = await cli(['--verbose'], env);
    expect(again.code, again.text).toBe(0);
    expect(again.text).toContain('Plan: 0 to create, 0 to update, 0 to delete');
    expect(sim.requests.countWrites()).toBe(0);
    expect(leaks(again.text)).toEqual([]);
    expect(leaks(again.plan)).toEqual([]);

    const lines: string[] = [];
    const code = await runCommand('drift', (o) => driftMain(ROOT, ['--format', 'json'], env, o), {
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
    });
    expect(code, lines.join('\n')).toBe(0);
    expect(leaks(lines.join('\n'))).toEqual([]);
  });
});

describe('the address of Grafana', () => {
  const PASSWORD = 'canary-url-password-6d6d';

  it('is refused with credentials in it, by publish and drift alike, without showing them', async () => {
    sim = await startSimulator();
    const url = sim.url.replace('http://', `http://admin:${PASSWORD}@`);
    const env = { ...grafanaEnv(sim), GRAFANA_URL: url };
    const published = await cli([], env);
    expect(published.code).toBe(1);
    expect(published.text).toContain('GRAFANA_URL must not contain credentials');
    expect(published.text).not.toContain(PASSWORD);
    const lines: string[] = [];
    const code = await runCommand('drift', (o) => driftMain(ROOT, ['--format', 'json'], env, o), {
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
    });
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain('GRAFANA_URL must not contain credentials');
    expect(lines.join('\n')).not.toContain(PASSWORD);
    expect(sim.requests.api()).toEqual([]);
  });

  it('is refused when it is no http(s) URL, without repeating it', async () => {
    sim = await startSimulator();
    const run = await cli([], { ...grafanaEnv(sim), GRAFANA_URL: `admin:${PASSWORD}@localhost:3000` });
    expect(run.code).toBe(1);
    expect(run.text).toContain('GRAFANA_URL must start with http:// or https://');
    expect(run.text).not.toContain(PASSWORD);
  });

  it('is shown as given otherwise, without a trailing slash', async () => {
    sim = await startSimulator();
    const run = await cli(['--dry-run'], { ...grafanaEnv(sim), GRAFANA_URL: `${sim.url}/` });
    expect(run.code, run.text).toBe(0);
    expect(run.text).toMatch(new RegExp(`^Grafana [^ ]+ at ${sim.url} \\(dry run`, 'm'));
  });
});

describe('the plan JSON', () => {
  it('of a first publish lists creations without their bodies', async () => {
    sim = await startSimulator();
    const run = await cli(['--dry-run'], grafanaEnv(sim));
    expect(run.code, run.text).toBe(0);
    const plan = JSON.parse(run.plan) as { actions: { type: string; ref: string; changes?: unknown }[] };
    const creations = plan.actions.filter((a) => a.type === 'create');
    expect(creations.map((a) => a.ref)).toContain('Dashboard/service-red');
    expect(creations.filter((a) => a.changes !== undefined)).toEqual([]);
    // Nothing of a dashboard's content: no panels, queries or layout.
    for (const text of ['"panels"', 'gridPos', 'targets', 'rate(', 'Request rate'])
      expect(run.plan).not.toContain(text);
  });
});
