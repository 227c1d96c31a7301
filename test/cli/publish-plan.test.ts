/**
 * Terraform's safety habits: a saved plan is applied exactly, or not at all when Grafana or the code moved since;
 * deletions are shown and asked about on a terminal, refused without one unless --yes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Terminal } from '../../src/cli/publish-main.ts';
import { publishMain } from '../../src/cli/publish-main.ts';
import type { Output } from '../../src/cli/run.ts';
import { runCommand } from '../../src/cli/run.ts';
import { Redactor } from '../../src/core/redact.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';
import { CANARIES, ROOT, TOKEN } from '../fixtures/grafana.ts';

const dir = mkdtempSync(join(tmpdir(), 'gsac-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ profile: '13.x', token: TOKEN });
});
afterEach(async () => {
  await sim.close();
});

const noTerminal: Terminal = { isTTY: false, ask: () => Promise.reject(new Error('no terminal')) };

async function publish(argv: string[], terminal: Terminal = noTerminal) {
  const lines: string[] = [];
  const errors: string[] = [];
  const output: Output = { out: (l) => lines.push(l), err: (l) => errors.push(l) };
  const env = { GRAFANA_URL: sim.url, GRAFANA_TOKEN: TOKEN, ...CANARIES };
  const code = await runCommand(
    'publish',
    (o) => publishMain(ROOT, argv, env, o, new Redactor(), terminal),
    output,
  );
  return { code, out: lines.join('\n'), err: errors.join('\n') };
}

/** A dashboard that is ours by the uid prefix but defined nowhere: what --prune deletes. */
async function strayDashboard(): Promise<void> {
  const response = await fetch(`${sim.url}/api/dashboards/db`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ dashboard: { uid: 'stack-stray', title: 'Stray', panels: [] }, overwrite: true }),
  });
  expect(response.status).toBe(200);
}

describe('saved plans', () => {
  it('applies exactly the plan a dry run saved, and a second publish has nothing to do', async () => {
    const file = join(dir, 'plan-a.json');
    const dry = await publish(['--dry-run', '--json', file]);
    expect(dry.code, dry.err).toBe(0);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { format: string; fingerprints: unknown[] };
    expect(saved.format).toBe('grafana-stack-as-code/plan@1');
    expect(saved.fingerprints.length).toBeGreaterThan(10);
    const writesBefore = sim.requests.countWrites();
    const applied = await publish(['--plan', file]);
    expect(applied.code, applied.err).toBe(0);
    expect(sim.requests.countWrites()).toBeGreaterThan(writesBefore);
    const again = await publish(['--dry-run']);
    expect(again.out).toMatch(/0 to create, 0 to update, 0 to delete/);
  });

  it('stops, writing nothing, when Grafana moved since the plan was made, and names what moved', async () => {
    expect((await publish([])).code).toBe(0);
    // A change in the code-defined dashboard, made by hand after the plan: the plan no longer holds.
    const file = join(dir, 'plan-b.json');
    sim.ui.editDashboard('edge', (d) => {
      d.title = 'Edge (edited)';
    });
    expect((await publish(['--dry-run', '--json', file])).code).toBe(0);
    sim.ui.editDashboard('service-red', (d) => {
      d.title = 'Services (edited after the plan)';
    });
    const writes = sim.requests.countWrites();
    const refused = await publish(['--plan', file]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('nothing was written: the plan no longer holds');
    expect(refused.err).toContain('Dashboard/service-red: planned noop, now update');
    expect(sim.requests.countWrites()).toBe(writes);
  });

  it('refuses a file that is no plan, and --plan with --dry-run', async () => {
    const notPlan = join(dir, 'not-a-plan.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(notPlan, '{"actions": []}');
    expect((await publish(['--plan', notPlan])).err).toContain(
      '--plan: it is not a plan written by publish --dry-run --json',
    );
    expect((await publish(['--plan', notPlan, '--dry-run'])).err).toContain(
      '--plan applies a saved plan; --dry-run makes one',
    );
  });
});

describe('deletions', () => {
  it('are refused without a terminal unless --yes, and nothing is written', async () => {
    expect((await publish([])).code).toBe(0);
    await strayDashboard();
    const writes = sim.requests.countWrites();
    const refused = await publish(['--prune']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      'nothing was written: the plan deletes Dashboard/stack-stray, and there is no terminal to ask',
    );
    expect(sim.requests.countWrites()).toBe(writes);
    const allowed = await publish(['--prune', '--yes']);
    expect(allowed.code, allowed.err).toBe(0);
    expect(allowed.out).toContain('deleted  Dashboard/stack-stray');
  });

  it('are shown and asked about on a terminal: only "yes" goes ahead', async () => {
    expect((await publish([])).code).toBe(0);
    await strayDashboard();
    const questions: string[] = [];
    const answering = (answer: string): Terminal => ({
      isTTY: true,
      ask: (q) => {
        questions.push(q);
        return Promise.resolve(answer);
      },
    });
    const writes = sim.requests.countWrites();
    const no = await publish(['--prune'], answering('y'));
    expect(no.code).toBe(1);
    expect(no.err).toContain('The plan deletes 1 object:\n  - Dashboard/stack-stray');
    expect(sim.requests.countWrites()).toBe(writes);
    const yes = await publish(['--prune'], answering('yes'));
    expect(yes.code, yes.err).toBe(0);
    // On a terminal, progress (done/total, time so far) and the time taken.
    expect(yes.out).toMatch(/✓ deleted +Dashboard\/stack-stray \[1\/1, \d+\.\d s\]/);
    expect(yes.out).toMatch(
      /Applied: 0 created, 0 updated, 1 deleted, \d+ unchanged, 0 failed\. Took \d+\.\d s\./,
    );
    expect(questions).toEqual([
      'Delete them? Only "yes" goes ahead: ',
      'Delete them? Only "yes" goes ahead: ',
    ]);
  });
});
