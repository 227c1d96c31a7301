import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/core/files.ts';
import { NotRenderOutputError, UsageError } from '../../src/core/errors.ts';
import type { RenderedFile } from '../../src/render/rendered-file.ts';
import { RENDERED_FOLDERS } from '../../src/render/rendered-file.ts';
import { checkRenderTarget, diffRendered, writeRendered } from '../../src/render/write.ts';

function files(entries: Record<string, string>): Map<string, RenderedFile> {
  return new Map(Object.entries(entries).map(([path, content]) => [path, { path, content, refs: [] }]));
}

function put(path: string, content: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

function snapshot(): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).map((p) => [p, readFileSync(join(dir, p), 'utf8')]));
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gsac-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writing rendered files', () => {
  it('owns exactly the folders render writes', () => {
    expect(RENDERED_FOLDERS).toEqual([
      'alertmanager',
      'grafana',
      'kubernetes',
      'loki',
      'mimir',
      'prometheus',
    ]);
  });

  it('creates what is missing, updates what is stale and deletes what is extra', () => {
    put('grafana/old/gone.json', '{}\n');
    put('grafana/folders/same.json', 'same\n');
    put('prometheus/stale.yml', 'old\n');
    put('loki/gone.yml', 'old\n');
    const wanted = files({
      'grafana/folders/same.json': 'same\n',
      'prometheus/stale.yml': 'new\n',
      'grafana/new/a.json': 'a\n',
    });
    expect(diffRendered(dir, wanted)).toEqual([
      { path: 'grafana/new/a.json', state: 'missing' },
      { path: 'grafana/old/gone.json', state: 'extra' },
      { path: 'loki/gone.yml', state: 'extra' },
      { path: 'prometheus/stale.yml', state: 'stale' },
    ]);
    const before = statSync(join(dir, 'grafana/folders/same.json')).mtimeMs;
    writeRendered(dir, wanted);
    expect(snapshot()).toEqual({
      'grafana/folders/same.json': 'same\n',
      'grafana/new/a.json': 'a\n',
      'prometheus/stale.yml': 'new\n',
    });
    expect(existsSync(join(dir, 'grafana/old'))).toBe(false);
    expect(existsSync(join(dir, 'loki'))).toBe(false);
    expect(statSync(join(dir, 'grafana/folders/same.json')).mtimeMs).toBe(before);
    expect(diffRendered(dir, wanted)).toEqual([]);
  });

  it('never reports nor deletes anything outside the folders render owns', () => {
    put('grafana/folders/a.json', 'old\n');
    put('grafana/folders/gone.json', 'old\n');
    put('README.md', 'mine\n');
    put('notes/keep.json', 'mine\n');
    put('grafana.json', 'mine\n');
    const wanted = files({ 'grafana/folders/a.json': 'a\n' });
    expect(diffRendered(dir, wanted)).toEqual([
      { path: 'grafana/folders/a.json', state: 'stale' },
      { path: 'grafana/folders/gone.json', state: 'extra' },
    ]);
    writeRendered(dir, wanted);
    expect(snapshot()).toEqual({
      'README.md': 'mine\n',
      'grafana.json': 'mine\n',
      'grafana/folders/a.json': 'a\n',
      'notes/keep.json': 'mine\n',
    });
  });

  it('deletes a symbolic link it finds, never what it points to', () => {
    const outside = mkdtempSync(join(tmpdir(), 'gsac-outside-'));
    try {
      writeFileSync(join(outside, 'keep.json'), 'keep\n');
      mkdirSync(join(dir, 'grafana'));
      symlinkSync(outside, join(dir, 'grafana/link'));
      symlinkSync(outside, join(dir, 'prometheus'));
      const wanted = files({ 'grafana/folders/a.json': 'a\n' });
      expect(diffRendered(dir, wanted)).toEqual([
        { path: 'grafana/folders/a.json', state: 'missing' },
        { path: 'grafana/link', state: 'extra' },
      ]);
      writeRendered(dir, wanted);
      expect(existsSync(join(dir, 'grafana/link'))).toBe(false);
      expect(lstatSync(join(dir, 'prometheus')).isSymbolicLink()).toBe(true);
      expect(readFileSync(join(outside, 'keep.json'), 'utf8')).toBe('keep\n');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses a non-empty folder it did not render, and writes and deletes nothing there', () => {
    put('package.json', '{}\n');
    put('src/index.ts', 'export {};\n');
    put('.git/HEAD', 'ref\n');
    const before = snapshot();
    const write = (): unknown => writeRendered(dir, files({ 'grafana/folders/a.json': 'a\n' }));
    expect(write).toThrow(NotRenderOutputError);
    expect(write).toThrow(UsageError);
    expect(snapshot()).toEqual(before);
    expect(() => checkRenderTarget(dir, 'out')).toThrow(
      'out/ is not a render output folder: it is not empty (.git, package.json, src) and holds none of ' +
        'alertmanager/, grafana/, kubernetes/, loki/, mimir/, prometheus/. Nothing was written. Pass --out a new or empty folder, ' +
        'or one render wrote before.',
    );
  });

  it('does not take a file named like a render folder for one', () => {
    put('grafana', 'not a folder\n');
    expect(() => checkRenderTarget(dir)).toThrow(NotRenderOutputError);
  });

  it('writes into a missing or empty folder', () => {
    const missing = join(dir, 'new/out');
    expect(() => checkRenderTarget(missing)).not.toThrow();
    expect(() => checkRenderTarget(dir)).not.toThrow();
    expect(writeRendered(missing, files({ 'grafana/folders/a.json': 'a\n' }))).toEqual([
      { path: 'grafana/folders/a.json', state: 'missing' },
    ]);
    expect(readFileSync(join(missing, 'grafana/folders/a.json'), 'utf8')).toBe('a\n');
  });

  it('reports everything as missing for a folder that does not exist', () => {
    expect(diffRendered(join(dir, 'nope'), files({ 'grafana/a.json': 'a' }))).toEqual([
      { path: 'grafana/a.json', state: 'missing' },
    ]);
  });
});
