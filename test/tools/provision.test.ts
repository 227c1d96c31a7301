import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MissingToolError, onPath, provisionTools } from '../../src/tools/provision.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function binDir(commands: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'gsac-bin-'));
  dirs.push(dir);
  for (const c of commands) writeFileSync(join(dir, c), '#!/bin/sh\n', { mode: 0o755 });
  return dir;
}

const tool = { command: 'promtool', debianPackage: 'prometheus', why: 'checks rules' };

describe('provisioning the tools npm test needs', () => {
  it('does nothing when every tool is on the PATH', () => {
    const lines: string[] = [];
    provisionTools({ path: binDir(['promtool']), isRoot: false, env: {}, log: (l) => lines.push(l) }, [tool]);
    expect(lines).toEqual([]);
  });

  it('stops with the install command where it cannot install (no apt-get, no sudo)', () => {
    const run = (): void =>
      provisionTools({ path: binDir([]), isRoot: false, env: {}, log: () => {} }, [tool]);
    expect(run).toThrow(MissingToolError);
    expect(run).toThrow(
      'missing: promtool (checks rules). Install them and run again: on Debian or Ubuntu, sudo apt-get install -y prometheus.',
    );
  });

  it('looks commands up in every PATH entry', () => {
    const path = [binDir([]), binDir(['amtool'])].join(':');
    expect(onPath('amtool', path)).toBe(true);
    expect(onPath('promtool', path)).toBe(false);
  });
});
