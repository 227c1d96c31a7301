/** `npm run render` as a user runs it, on a project written to disk: where it writes and what it says. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderMain } from '../../src/cli/render-main.ts';
import type { Output } from '../../src/cli/run.ts';
import { runCommand } from '../../src/cli/run.ts';
import { filesUnder } from '../../src/core/files.ts';
import { minimalFiles, writeProject } from '../fixtures/disk-project.ts';

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});
function project(): string {
  const root = writeProject(minimalFiles());
  roots.push(root);
  return root;
}

function snapshot(root: string): Record<string, string> {
  return Object.fromEntries(filesUnder(root).map((p) => [p, readFileSync(join(root, p), 'utf8')]));
}

async function render(
  root: string,
  argv: readonly string[],
): Promise<{ code: number; lines: string[]; errors: string[] }> {
  const output = capture();
  const code = await runCommand('render', (o) => renderMain(root, argv, o), output);
  return { code, lines: output.lines, errors: output.errors };
}

describe('render --out', () => {
  it('refuses the repository root and leaves every file of it in place', async () => {
    const root = project();
    const before = snapshot(root);
    const result = await render(root, ['--out', '.']);
    expect(result.code).toBe(1);
    expect(result.lines).toEqual([]);
    expect(result.errors).toEqual([
      './ is not a render output folder: it is not empty (alerts, dashboards, datasources, slos, stack.config.ts) ' +
        'and holds none of alertmanager/, grafana/, kubernetes/, loki/, mimir/, prometheus/. Nothing was written. Pass --out a new or ' +
        'empty folder, or one render wrote before.',
    ]);
    expect(snapshot(root)).toEqual(before);
  });

  it('names the folder it wrote and checked, relative to the root', async () => {
    const root = project();
    const first = await render(root, ['--out', 'out/staging']);
    expect(first).toEqual({
      code: 0,
      lines: [
        'created grafana/datasources/prom.json',
        'created grafana/folders/services.json',
        '2 files rendered into out/staging/, 2 changed.',
      ],
      errors: [],
    });
    expect(await render(root, ['--out', 'out/staging'])).toEqual({
      code: 0,
      lines: ['2 files rendered into out/staging/, all already up to date.'],
      errors: [],
    });
    expect(await render(root, ['--check', '--out', 'out/staging'])).toEqual({
      code: 0,
      lines: ['out/staging/ is up to date (2 files).'],
      errors: [],
    });
    writeFileSync(join(root, 'out/staging/grafana/folders/services.json'), '{}\n');
    const stale = await render(root, ['--check', '--out', 'out/staging']);
    expect(stale.code).toBe(1);
    expect(stale.errors.join('\n')).toMatch(/^out\/staging\/ is not up to date \(1 file\)\./);
  });

  it('still names rendered/ for the default folder', async () => {
    const root = project();
    expect((await render(root, [])).lines.at(-1)).toBe('2 files rendered into rendered/, 2 changed.');
    expect((await render(root, ['--check'])).lines).toEqual(['rendered/ is up to date (2 files).']);
  });
});
