/** Every workflow parses, and every command it runs exists: npm scripts in package.json, files in the repository. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.ts';
import { buildProject } from '../../src/project/project.ts';
import { secretsNeeded } from '../../src/publish/secrets.ts';
import { ROOT } from '../fixtures/grafana.ts';

const scripts = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;
const dir = join(ROOT, '.github/workflows');
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

interface Workflow {
  name: string;
  on: unknown;
  jobs: Record<string, { if?: string; steps: Step[] }>;
}

const workflow = (file: string): Workflow => parse(readFileSync(join(dir, file), 'utf8')) as Workflow;

/** Every step of every workflow whose command runs the npm script. */
function stepsRunning(script: string): { file: string; step: Step }[] {
  const pattern = new RegExp(`npm run (?:--silent )?${script}\\b`);
  return files.flatMap((file) =>
    Object.values(workflow(file).jobs).flatMap((job) =>
      job.steps.filter((step) => pattern.test(step.run ?? '')).map((step) => ({ file, step })),
    ),
  );
}

/** The environment variables the content reads secrets from, in every environment of the Config. */
async function secretVariables(): Promise<string[]> {
  const project = await loadProject(ROOT);
  const names = new Set<string>();
  for (const environment of project.configSet.environments) {
    for (const name of secretsNeeded(buildProject(project, environment).registry.resources).keys())
      names.add(name);
  }
  return [...names].sort();
}

function runs(workflow: Workflow): string[] {
  return Object.values(workflow.jobs).flatMap((job) =>
    job.steps.flatMap((s) => (s.run === undefined ? [] : [s.run])),
  );
}

describe('GitHub workflows', () => {
  it('are ci, publish, drift and integration', () => {
    expect(files.sort()).toEqual(['ci.yml', 'drift.yml', 'integration.yml', 'publish.yml']);
  });

  it.each(files)(
    '%s is a valid GitHub workflow (the workflow JSON schema, through action-validator)',
    (file) => {
      const state = validateWorkflow(readFileSync(join(dir, file), 'utf8'));
      expect(state.errors).toEqual([]);
    },
  );

  it('the schema check catches a broken workflow', () => {
    const broken = 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz: []\n';
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it('runs the integration suite against the official Grafana image of every supported version', () => {
    const workflow = parse(readFileSync(join(dir, 'integration.yml'), 'utf8')) as {
      on: Record<string, unknown>;
      jobs: Record<
        string,
        {
          strategy: { matrix: { grafana: string[] } };
          services: Record<string, { image: string }>;
          steps: Step[];
        }
      >;
    };
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'schedule', 'workflow_dispatch']);
    const job = Object.values(workflow.jobs)[0];
    expect(job?.strategy.matrix.grafana.map((v) => v.split('.').slice(0, 1)[0])).toEqual([
      '10',
      '11',
      '12',
      '13',
    ]);
    expect(job?.services['grafana']?.image).toBe('grafana/grafana:${{ matrix.grafana }}');
    const step = job?.steps.find((s) => s.run === 'npm run test:integration');
    expect(step?.env?.['GRAFANA_URL']).toBe('http://localhost:3000');
  });

  it.each(files)('%s parses and runs only commands that exist', (file) => {
    const workflow = parse(readFileSync(join(dir, file), 'utf8')) as Workflow;
    expect(workflow.on).toBeDefined();
    const commands = runs(workflow);
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      for (const match of command.matchAll(/npm run (?:--silent )?([\w:-]+)/g)) {
        expect(scripts, `${file}: npm run ${match[1]}`).toHaveProperty(match[1] ?? '');
      }
      for (const match of command.matchAll(/(?:^|\s)(\.ci\/\w+|scripts\/[\w.-]+)/g)) {
        expect(existsSync(join(ROOT, match[1] ?? '')), `${file}: ${match[1]}`).toBe(true);
      }
    }
  });

  it('runs the test suite through .ci/run on pull requests and posts the semantic diff', () => {
    const commands = runs(parse(readFileSync(join(dir, 'ci.yml'), 'utf8')) as Workflow).join('\n');
    expect(commands).toContain('.ci/run');
    expect(commands).toMatch(/npm run --silent diff -- --base/);
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toMatch(/\nnpm test\n/);
  });

  it('publishes only the commit CI passed on, after a push to main', () => {
    const publish = workflow('publish.yml');
    expect(publish.on).toEqual({
      workflow_run: { workflows: [workflow('ci.yml').name], types: ['completed'], branches: ['main'] },
      workflow_dispatch: null,
    });
    const job = publish.jobs['publish'];
    expect(job?.if?.replace(/\s+/g, ' ')).toBe(
      "github.event_name == 'workflow_dispatch' || (github.event.workflow_run.conclusion == 'success' && " +
        "github.event.workflow_run.event == 'push' && github.event.workflow_run.head_sha == github.sha)",
    );
    expect(job?.steps[0]).toEqual({
      uses: 'actions/checkout@v4',
      with: { ref: '${{ github.event.workflow_run.head_sha || github.sha }}' },
    });
  });

  it('hands every secret the content needs to every publish and drift step, and .env.example lists it', async () => {
    const needed = await secretVariables();
    expect(needed).toEqual(expect.arrayContaining(['HEARTBEAT_TOKEN', 'LOKI_TENANT', 'TEMPO_TENANT']));
    const example = [
      ...readFileSync(join(ROOT, '.env.example'), 'utf8').matchAll(/^([A-Z_][A-Z0-9_]*)=/gm),
    ].map((m) => m[1]);
    expect(needed.filter((name) => !example.includes(name))).toEqual([]);
    const publishSteps = stepsRunning('publish');
    expect(publishSteps.map((s) => s.file)).toEqual(['publish.yml', 'publish.yml']);
    const driftSteps = stepsRunning('drift');
    expect(driftSteps.map((s) => s.file)).toEqual(['drift.yml']);
    for (const { file, step } of [...publishSteps, ...driftSteps]) {
      const missing = needed.filter((name) => step.env?.[name] !== `\${{ secrets.${name} }}`);
      expect(missing, `${file}: ${step.run ?? ''}`).toEqual([]);
    }
  });

  it('gives every publish and drift step the Grafana connection', () => {
    const steps = [...stepsRunning('publish'), ...stepsRunning('drift')];
    expect(steps.map((s) => s.file)).toEqual(['publish.yml', 'publish.yml', 'drift.yml']);
    for (const { file, step } of steps) {
      expect(step.env, `${file}: ${step.run ?? ''}`).toMatchObject({
        GRAFANA_URL: '${{ vars.GRAFANA_URL }}',
        GRAFANA_TOKEN: '${{ secrets.GRAFANA_TOKEN }}',
        GRAFANA_ORG_ID: '${{ vars.GRAFANA_ORG_ID }}',
      });
    }
  });

  it('publishes one run at a time and acts on drift exit codes', () => {
    const publish = parse(readFileSync(join(dir, 'publish.yml'), 'utf8')) as {
      concurrency: { 'cancel-in-progress': boolean };
    };
    expect(publish.concurrency['cancel-in-progress']).toBe(false);
    const drift = readFileSync(join(dir, 'drift.yml'), 'utf8');
    expect(drift).toContain("DRIFT_CODE === '2'");
    expect(drift).toContain("DRIFT_CODE === '0'");
  });
});
