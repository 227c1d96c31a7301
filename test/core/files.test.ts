import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/core/files.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gsac-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('filesUnder', () => {
  it('lists every file, depth first with names sorted, as forward-slash relative paths', () => {
    for (const path of ['b.ts', 'a/z.ts', 'a/b/c.ts', 'a-b.ts', 'empty/.keep']) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), '');
    }
    mkdirSync(join(dir, 'nothing'));
    expect(filesUnder(dir)).toEqual(['a/b/c.ts', 'a/z.ts', 'a-b.ts', 'b.ts', 'empty/.keep']);
    expect(filesUnder(join(dir, 'a'))).toEqual(['b/c.ts', 'z.ts']);
  });

  it('lists symbolic links as they are and never follows them', () => {
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(dir, 'outside/secret.txt'), '');
    mkdirSync(join(dir, 'walked'));
    symlinkSync(join(dir, 'outside'), join(dir, 'walked/link'));
    expect(filesUnder(join(dir, 'walked'))).toEqual(['link']);
  });

  it('finds nothing in a folder that does not exist', () => {
    expect(filesUnder(join(dir, 'missing'))).toEqual([]);
  });
});
