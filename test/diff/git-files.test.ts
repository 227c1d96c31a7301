/** Files read from a git revision come back exactly, whatever their names and contents. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesAtRevision } from '../../src/diff/git-files.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
}

function repository(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gsac-git-files-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'base');
  return dir;
}

describe('filesAtRevision', () => {
  it('reads paths with spaces and non-ASCII characters, and multi-byte contents, exactly', () => {
    const files = {
      'rendered/grafana/dashboards/plain.json': '{"title": "plain"}\n',
      'rendered/grafana/dashboards/with space.json': '{"title": "with space"}\n',
      'rendered/grafana/dashboards/café-überblick.json': '{"title": "Café — Überblick ✓"}\n',
      'rendered/prometheus/日本語.yml': 'groups: []\n',
      'rendered/empty.txt': '',
      'rendered/no-newline.txt': 'ends here',
      'outside/ignored.json': '{}\n',
    };
    const dir = repository(files);
    const read = filesAtRevision(dir, 'HEAD', 'rendered');
    expect(Object.fromEntries([...read].sort(([a], [b]) => (a < b ? -1 : 1)))).toEqual(
      Object.fromEntries(
        Object.entries(files)
          .filter(([path]) => path.startsWith('rendered/'))
          .map(([path, text]) => [path.slice('rendered/'.length), text] as const)
          .sort(([a], [b]) => (a < b ? -1 : 1)),
      ),
    );
  });

  it('reads hundreds of files in one batch', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 600; i += 1)
      files[`rendered/f${i}.json`] = `{"n": ${i}, "ü": "${'é'.repeat(i % 7)}"}\n`;
    const read = filesAtRevision(repository(files), 'HEAD', 'rendered');
    expect(read.size).toBe(600);
    expect(read.get('f599.json')).toBe(files['rendered/f599.json']);
  });

  it('finds nothing in a folder the revision lacks', () => {
    expect(filesAtRevision(repository({ 'a.txt': 'a' }), 'HEAD', 'rendered').size).toBe(0);
  });
});
