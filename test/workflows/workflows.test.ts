/** Every workflow parses, and every command it runs exists: npm scripts in package.json, files in the repository. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../fixtures/grafana.ts';

const scripts = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;
const dir = join(ROOT, '.github/workflows');
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));

interface Workflow {
  on: unknown;
  jobs: Record<string, { steps: { run?: string; uses?: string }[] }>;
}

function runs(workflow: Workflow): string[] {
  return Object.values(workflow.jobs).flatMap((job) =>
    job.steps.flatMap((s) => (s.run === undefined ? [] : [s.run])),
  );
}

describe('GitHub workflows', () => {
  it('are ci, publish and drift', () => {
    expect(files.sort()).toEqual(['ci.yml', 'drift.yml', 'publish.yml']);
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
