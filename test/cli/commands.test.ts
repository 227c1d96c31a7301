/**
 * The command line as a user meets it, run as processes where the behaviour is the process's: help and its exit
 * code, a reader that goes away, JSON on stdout, a simulator stopped through npm, a suite without its Grafana.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderProject } from '../../src/commands/render.ts';
import { validateMain } from '../../src/cli/validate-main.ts';
import { runCommand } from '../../src/cli/run.ts';
import type { Output } from '../../src/cli/run.ts';
import { loadProject } from '../../src/project/load.ts';
import { publishProject } from '../../src/publish/publish.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';
import { writeProject, minimalFiles } from '../fixtures/disk-project.ts';
import { CANARIES, TOKEN, connection, fastClient, repository } from '../fixtures/grafana.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The environment of a command without this machine's Grafana settings. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const key of ['GRAFANA_URL', 'GRAFANA_TOKEN', 'GRAFANA_USER', 'GRAFANA_PASSWORD'])
    if (!(key in extra)) delete env[key];
  return env;
}

/** A script run without blocking this process (which may be serving the simulator it talks to). */
function scriptAsync(
  name: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', name, ...args], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

function script(name: string, args: readonly string[], env: NodeJS.ProcessEnv = cleanEnv()) {
  return spawnSync(process.execPath, ['--import', 'tsx', name, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
  });
}

describe('--help', () => {
  it.each([
    ['scripts/render.ts', 'npm run render'],
    ['scripts/validate.ts', 'npm run validate'],
    ['scripts/publish.ts', 'npm run publish'],
    ['scripts/drift.ts', 'npm run drift'],
    ['scripts/diff.ts', 'npm run diff'],
    ['scripts/sim.ts', 'npm run sim --'],
    ['scripts/import.ts', 'npm run import'],
    ['bench/run.ts', 'npm run --silent bench'],
  ])(
    '%s prints its usage, flags and exit codes, and exits 0',
    (file, usage) => {
      for (const flag of file.endsWith('import.ts') || file.endsWith('render.ts')
        ? ['--help', '-h']
        : ['--help']) {
        const run = script(file, [flag]);
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout).toContain(`Usage: ${usage}`);
        expect(run.stdout).toMatch(/-h, --help/);
        expect(run.stdout).toMatch(/Exit codes: /);
        expect(run.stderr).toBe('');
      }
    },
    60_000,
  );

  it('refuses an unknown argument to bench instead of ignoring it', () => {
    const run = script('bench/run.ts', ['--nope']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('bench takes publish or nothing, not --nope.');
  }, 30_000);
});

describe('a command that talks to Grafana, as a process', () => {
  let sim: Simulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ profile: '13.x', token: TOKEN });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('ends quietly with its own exit code when its reader goes away (drift | head -1)', async () => {
    const s = sim as Simulator;
    // Nothing published: every resource is missing, many lines of report.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/drift.ts'], {
      cwd: ROOT,
      env: cleanEnv({ GRAFANA_URL: s.url, GRAFANA_TOKEN: TOKEN }),
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error:/);
    expect(code).toBe(2);
  }, 60_000);

  it('writes the plan as JSON to stdout with --json -, and what is for people to stderr', async () => {
    const s = sim as Simulator;
    const run = await scriptAsync(
      'scripts/publish.ts',
      ['--dry-run', '--json', '-'],
      cleanEnv({ GRAFANA_URL: s.url, GRAFANA_TOKEN: TOKEN, ...CANARIES }),
    );
    expect(run.status, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as { actions?: unknown[] };
    expect(Array.isArray(plan.actions)).toBe(true);
    expect(run.stderr).toContain('(dry run: nothing will be written)');
  }, 60_000);

  it('refuses an --only that matches nothing, naming the closest refs, and writes nothing', async () => {
    const s = sim as Simulator;
    const writes = s.requests.countWrites();
    await expect(
      publishProject(
        await repository(),
        connection(s),
        {},
        { only: ['Dashboard/service-rde'], dryRun: false },
        {},
        undefined,
        fastClient,
      ),
    ).rejects.toThrow(
      /--only Dashboard\/service-rde matches nothing in code or in Grafana; closest: Dashboard\/service-red/,
    );
    expect(s.requests.countWrites()).toBe(writes);
  });
});

describe('npm run sim', () => {
  it('prints the credentials it accepts, and stops when npm is stopped with SIGTERM', async () => {
    const npm = spawn('npm', ['run', '-s', 'sim', '--', '--port', '0', '--token', 'sim-token'], {
      cwd: ROOT,
      env: cleanEnv(),
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
      npm.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match?.[1] !== undefined && out.includes('Credentials it accepts')) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    expect(out).toContain('Credentials it accepts: the Bearer token sim-token and Basic admin:admin.');
    npm.kill('SIGTERM');
    const deadline = Date.now() + 10_000;
    let up = true;
    while (up && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      up = await fetch(`${url}/api/health`).then(
        () => true,
        () => false,
      );
    }
    expect(up).toBe(false);
  }, 60_000);
});

describe('smaller things', () => {
  it('test:integration without GRAFANA_URL says why in one line, without a stack trace', () => {
    const run = script('scripts/test-integration.ts', []);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^test:integration needs a Grafana: set GRAFANA_URL/),
    ]);
  }, 30_000);

  it('git ignores what the commands and workflows write into the repository root', () => {
    const run = spawnSync(
      'git',
      ['check-ignore', 'plan.json', 'drift.md', 'drift.json', 'sim-state.json', '.env'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(run.stdout.trim().split('\n')).toEqual([
      'plan.json',
      'drift.md',
      'drift.json',
      'sim-state.json',
      '.env',
    ]);
  });

  it('render names an unknown environment as such', async () => {
    const project = await loadProject(writeProject(minimalFiles()));
    expect(() => renderProject(project, { environment: 'prod' })).toThrow(
      /unknown environment "prod". Use one of: production/,
    );
  });

  it('validate never says it wrote nothing: it never writes', async () => {
    const files = minimalFiles();
    files['dashboards/folders.ts'] = (files['dashboards/folders.ts'] ?? '').replace(
      "uid: 'services'",
      "uid: 'Bad uid!'",
    );
    const root = writeProject(files);
    const errors: string[] = [];
    const output: Output = { out: () => undefined, err: (l) => errors.push(l) };
    const code = await runCommand('validate', (o) => validateMain(root, [], o), output);
    expect(code).toBe(1);
    expect(errors.join('\n')).toMatch(/^1 problem found\.\n/);
    expect(errors.join('\n')).not.toContain('nothing was written');
  });
});
