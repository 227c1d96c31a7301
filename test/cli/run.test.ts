import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT, exitCodeFor } from '../../src/cli/exit-codes.ts';
import { renderMain } from '../../src/cli/render-main.ts';
import type { Output } from '../../src/cli/run.ts';
import { parseFlags, runCommand } from '../../src/cli/run.ts';
import { validateMain } from '../../src/cli/validate-main.ts';
import { ProjectLoadError, StaleRenderError, UsageError, ValidationError } from '../../src/core/errors.ts';
import { AlloyConfigError, AlloySyntaxError } from '../../src/alloy/problem.ts';
import {
  GrafanaApiError,
  GrafanaAuthError,
  GrafanaUnreachableError,
  GrafanaUrlError,
  MissingSecretError,
  PartialApplyError,
} from '../../src/grafana/errors.ts';
import { SDK, minimalFiles, writeProject } from '../fixtures/disk-project.ts';

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});
function project(extra: Record<string, string> = {}): string {
  const root = writeProject({ ...minimalFiles(), ...extra });
  roots.push(root);
  return root;
}

describe('exit codes', () => {
  it.each([
    [new ValidationError([]), EXIT.error],
    [new StaleRenderError('rendered', []), EXIT.error],
    [new UsageError('x'), EXIT.error],
    [new ProjectLoadError('f', 'x'), EXIT.error],
    [new AlloySyntaxError([]), EXIT.error],
    [new AlloyConfigError([]), EXIT.error],
    [new MissingSecretError([{ env: 'X', refs: ['ContactPoint/a'] }]), EXIT.error],
    [new GrafanaApiError('GET', '/api/x', 500, '', ''), EXIT.error],
    [new GrafanaUrlError('x'), EXIT.error],
    [new GrafanaUnreachableError('x'), EXIT.auth],
    [new GrafanaAuthError('x'), EXIT.auth],
    [new PartialApplyError([{ ref: 'Dashboard/a', error: 'x' }]), EXIT.partial],
    [new Error('bug'), EXIT.error],
  ])('maps %o to %i', (error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });

  it('answers 3 for an unreachable or refusing Grafana whatever the command, drift included', () => {
    expect(exitCodeFor(new GrafanaUnreachableError('x'))).toBe(EXIT.auth);
    expect(exitCodeFor(new GrafanaAuthError('x'))).toBe(EXIT.auth);
  });
});

describe('commands', () => {
  it('render writes, reports each file, then finds everything up to date', async () => {
    const root = project();
    const first = capture();
    expect(await runCommand('render', (o) => renderMain(root, [], o), first)).toBe(0);
    expect(first.lines).toContain('created grafana/folders/services.json');
    const check = capture();
    expect(await runCommand('render', (o) => renderMain(root, ['--check'], o), check)).toBe(0);
    expect(check.lines).toEqual(['rendered/ is up to date (2 files).']);
  });

  it('render --check exits 1 listing the stale file', async () => {
    const root = project();
    await runCommand('render', (o) => renderMain(root, [], o), capture());
    writeFileSync(join(root, 'rendered/grafana/datasources/prom.json'), '{}\n');
    const out = capture();
    expect(await runCommand('render', (o) => renderMain(root, ['--check'], o), out)).toBe(1);
    expect(out.errors.join('\n')).toMatch(
      /stale\s+grafana\/datasources\/prom\.json: differs from what the code renders/,
    );
  });

  it('validate exits 1 and prints every problem as file, ref, path, problem and fix', async () => {
    const root = project({
      'dashboards/folders.ts': `import { defineFolder } from '${SDK}';\nexport default defineFolder({ uid: 'bad uid', title: '' });\n`,
    });
    const out = capture();
    expect(await runCommand('validate', (o) => validateMain(root, [], o), out)).toBe(1);
    expect(out.errors.join('\n')).toContain(
      'dashboards/folders.ts Folder/bad uid uid: uid contains characters Grafana rejects: " ". Use only letters, digits, - and _.',
    );
  });

  it('an unknown flag exits 1 and names the known flags', async () => {
    const out = capture();
    expect(await runCommand('render', (o) => renderMain(project(), ['--chek'], o), out)).toBe(1);
    expect(out.errors.join('\n')).toMatch(/Known flags: --check, --env, --out/);
  });

  it('an unexpected error exits 1 with its stack', async () => {
    const out = capture();
    expect(
      await runCommand(
        'render',
        () => {
          throw new Error('boom');
        },
        out,
      ),
    ).toBe(1);
    expect(out.errors.join('\n')).toMatch(/unexpected error: Error: boom/);
  });

  it('parses known flags', () => {
    expect(
      parseFlags(['--check', '--env', 'staging'], { check: { type: 'boolean' }, env: { type: 'string' } }),
    ).toEqual({
      check: true,
      env: 'staging',
    });
  });
});
