import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RenderedFile } from '../../src/render/rendered-file.ts';
import { diffRendered, writeRendered } from '../../src/render/write.ts';

function files(entries: Record<string, string>): Map<string, RenderedFile> {
  return new Map(Object.entries(entries).map(([path, content]) => [path, { path, content, refs: [] }]));
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gsac-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writing rendered files', () => {
  it('creates what is missing, updates what is stale and deletes what is extra', () => {
    mkdirSync(join(dir, 'grafana/old'), { recursive: true });
    writeFileSync(join(dir, 'grafana/old/gone.json'), '{}\n');
    writeFileSync(join(dir, 'same.json'), 'same\n');
    writeFileSync(join(dir, 'stale.json'), 'old\n');
    const wanted = files({ 'same.json': 'same\n', 'stale.json': 'new\n', 'grafana/new/a.json': 'a\n' });
    expect(diffRendered(dir, wanted)).toEqual([
      { path: 'grafana/new/a.json', state: 'missing' },
      { path: 'grafana/old/gone.json', state: 'extra' },
      { path: 'stale.json', state: 'stale' },
    ]);
    const before = statSync(join(dir, 'same.json')).mtimeMs;
    writeRendered(dir, wanted);
    expect(readFileSync(join(dir, 'stale.json'), 'utf8')).toBe('new\n');
    expect(readFileSync(join(dir, 'grafana/new/a.json'), 'utf8')).toBe('a\n');
    expect(existsSync(join(dir, 'grafana/old'))).toBe(false);
    expect(statSync(join(dir, 'same.json')).mtimeMs).toBe(before);
    expect(diffRendered(dir, wanted)).toEqual([]);
  });

  it('reports everything as missing for a folder that does not exist', () => {
    expect(diffRendered(join(dir, 'nope'), files({ 'a.json': 'a' }))).toEqual([
      { path: 'a.json', state: 'missing' },
    ]);
  });
});
