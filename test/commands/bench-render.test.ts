/** The benchmark times the render command without ever writing the repository's rendered/ or README. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { repositoryRender } from '../../bench/repository-render.ts';
import { filesUnder } from '../../src/core/files.ts';
import { RENDERED_FOLDERS } from '../../src/render/rendered-file.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
let scratch: string | undefined;
afterEach(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
});

function mtimes(): Record<string, number> {
  const paths = [...filesUnder(join(root, 'rendered')).map((p) => `rendered/${p}`), 'README.md'];
  return Object.fromEntries(paths.map((p) => [p, statSync(join(root, p)).mtimeMs]));
}

describe('bench: the render command over the repository', () => {
  it('renders into a scratch folder and leaves rendered/ and the README alone', () => {
    scratch = mkdtempSync(join(tmpdir(), 'gsac-bench-test-'));
    const before = mtimes();
    const result = repositoryRender(root, scratch, 1);
    expect(result.command).toBe('npm run render -- --out <new scratch folder>');
    expect(result.medianMs).toBeGreaterThan(0);
    const written = filesUnder(join(scratch, 'render-0'));
    expect(written.length).toBeGreaterThan(10);
    expect(written.filter((p) => !RENDERED_FOLDERS.some((f) => p.startsWith(`${f}/`)))).toEqual([]);
    expect(mtimes()).toEqual(before);
  });
});
