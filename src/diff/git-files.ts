import { spawnSync } from 'node:child_process';
import { UsageError } from '../core/errors.ts';

function git(root: string, args: readonly string[], input?: string): Buffer {
  const result = spawnSync('git', [...args], {
    cwd: root,
    input,
    maxBuffer: 512 * 1024 * 1024,
  });
  if (result.error !== undefined)
    throw new UsageError(`git could not run: ${result.error.message}. Install git.`);
  if (result.status !== 0)
    throw new UsageError(`git ${args.join(' ')} failed: ${result.stderr.toString('utf8').trim()}`);
  return result.stdout;
}

const NEWLINE = 0x0a;

/**
 * The files under `folder` at a git revision, by path relative to that folder, read in one `git cat-file --batch`
 * call (fast for thousands of files). Paths are listed NUL-separated (`ls-tree -z`), so that spaces and non-ASCII
 * characters come through unquoted; the batch output is read by byte offsets, never copied.
 */
export function filesAtRevision(root: string, revision: string, folder: string): Map<string, string> {
  const known = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { cwd: root });
  if (known.error === undefined && known.status !== 0)
    throw new UsageError(
      `--base ${revision}: no commit, branch or tag of that name in this clone. Fetch it (git fetch origin ${revision}) or give a commit it has (git log --oneline).`,
    );
  const paths = git(root, ['ls-tree', '-r', '-z', '--name-only', revision, '--', folder])
    .toString('utf8')
    .split('\0')
    .filter((p) => p !== '');
  const files = new Map<string, string>();
  if (paths.length === 0) return files;
  // A newline in a path would end its batch line early: such a file cannot be asked for this way.
  const readable = paths.filter((p) => !p.includes('\n'));
  const out = git(root, ['cat-file', '--batch'], readable.map((p) => `${revision}:${p}\n`).join(''));
  let offset = 0;
  for (const path of readable) {
    const end = out.indexOf(NEWLINE, offset);
    if (end < 0) throw new UsageError(`git cat-file --batch ended early, before ${path}`);
    // `<oid> <type> <size>`, or `<object> missing`.
    const header = out.toString('utf8', offset, end).split(' ');
    const size = Number(header[2]);
    if (header.length !== 3 || !Number.isInteger(size))
      throw new UsageError(`git cat-file --batch could not read ${path} at ${revision}`);
    const start = end + 1;
    files.set(path.slice(folder.length + 1), out.toString('utf8', start, start + size));
    offset = start + size + 1;
  }
  return files;
}
