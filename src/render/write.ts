import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { StaleState } from '../core/errors.ts';
import type { RenderedFile } from './rendered-file.ts';

/** Every file under a folder, as forward-slash paths relative to it. */
function existingFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export interface StaleEntry {
  readonly path: string;
  readonly state: StaleState;
}

/** What differs between the folder and what should be there; reads only. */
export function diffRendered(outDir: string, files: ReadonlyMap<string, RenderedFile>): StaleEntry[] {
  const entries: StaleEntry[] = [];
  const onDisk = new Set(existingFiles(outDir));
  for (const [path, file] of files) {
    if (!onDisk.has(path)) entries.push({ path, state: 'missing' });
    else if (readFileSync(join(outDir, path), 'utf8') !== file.content)
      entries.push({ path, state: 'stale' });
  }
  for (const path of onDisk) if (!files.has(path)) entries.push({ path, state: 'extra' });
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function removeEmptyDirs(dir: string, root: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
  for (const name of readdirSync(dir)) removeEmptyDirs(join(dir, name), root);
  if (dir !== root && readdirSync(dir).length === 0) rmdirSync(dir);
}

/**
 * Makes the folder hold exactly `files`: writes what is missing or stale (untouched files keep their bytes and
 * times), deletes what is no longer rendered. Returns what changed.
 */
export function writeRendered(outDir: string, files: ReadonlyMap<string, RenderedFile>): StaleEntry[] {
  const changes = diffRendered(outDir, files);
  for (const change of changes) {
    const path = join(outDir, change.path);
    if (change.state === 'extra') {
      unlinkSync(path);
      continue;
    }
    const file = files.get(change.path);
    if (file === undefined) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  removeEmptyDirs(outDir, outDir);
  return changes;
}
