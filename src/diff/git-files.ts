import { spawnSync } from 'node:child_process';
import { UsageError } from '../core/errors.ts';

function git(root: string, args: readonly string[], input?: string): string {
  const result = spawnSync('git', [...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    maxBuffer: 512 * 1024 * 1024,
  });
  if (result.error !== undefined)
    throw new UsageError(`git could not run: ${result.error.message}. Install git.`);
  if (result.status !== 0) throw new UsageError(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout;
}

/**
 * The files under `folder` at a git revision, by path relative to that folder, read in one `git cat-file --batch`
 * call (fast for thousands of files).
 */
export function filesAtRevision(root: string, revision: string, folder: string): Map<string, string> {
  git(root, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  const paths = git(root, ['ls-tree', '-r', '--name-only', revision, '--', folder])
    .split('\n')
    .filter((p) => p !== '');
  const files = new Map<string, string>();
  if (paths.length === 0) return files;
  const out = git(root, ['cat-file', '--batch'], paths.map((p) => `${revision}:${p}\n`).join(''));
  let offset = 0;
  for (const path of paths) {
    const header = out.slice(offset, out.indexOf('\n', offset));
    const size = Number(header.split(' ')[2]);
    const start = offset + header.length + 1;
    const body = Buffer.from(out.slice(start), 'utf8').subarray(0, size).toString('utf8');
    files.set(path.slice(folder.length + 1), body);
    offset = start + body.length + 1;
  }
  return files;
}
