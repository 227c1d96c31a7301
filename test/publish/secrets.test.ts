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
import { Redactor } from '../../src/publish/redact.ts';
import { redactingOutput } from '../../src/publish/redacting-output.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';
import { CANARIES, ROOT, TOKEN, connection, repository } from '../fixtures/grafana.ts';

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

describe('secrets in outputs', () => {
  it('a publish, a dry run and a republish print no secret, nor does the plan JSON', async () => {
    sim = await startSimulator();
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
  });

  it('a missing variable is named before anything is sent, and the others are not shown', async () => {
    sim = await startSimulator();
    const { SLACK_WEBHOOK_URL: _missing, ...rest } = CANARIES;
    const run = await cli([], { GRAFANA_URL: sim.url, GRAFANA_TOKEN: TOKEN, ...rest });
    expect(run.code).toBe(1);
    expect(run.text).toContain('SLACK_WEBHOOK_URL (used by ContactPoint/slack-warnings)');
    expect(sim.requests.api()).toEqual([]);
    expect(leaks(run.text)).toEqual([]);
    await expect(publishProject(await repository(), connection(sim), rest)).rejects.toThrow(
      MissingSecretError,
    );
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
      /ContactPoint\/pagerduty-critical: POST \/api\/v1\/provisioning\/contact-points answered 400/,
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
