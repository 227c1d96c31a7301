import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  lstatSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { NotRenderOutputError } from '../core/errors.ts';
import type { StaleState } from '../core/errors.ts';
import { filesUnder } from '../core/files.ts';
import type { RenderedFile } from './rendered-file.ts';
import { RENDERED_FOLDERS } from './rendered-file.ts';

/** A real folder: not a file, not a symbolic link (render never deletes through a link). */
const isDirectory = (path: string): boolean => existsSync(path) && lstatSync(path).isDirectory();

/** The files of the folder that render owns (those under RENDERED_FOLDERS), relative to it, sorted. */
function ownedFiles(outDir: string): string[] {
  return RENDERED_FOLDERS.flatMap((folder) =>
    isDirectory(join(outDir, folder)) ? filesUnder(join(outDir, folder)).map((p) => `${folder}/${p}`) : [],
  ).sort();
}

/**
 * Throws NotRenderOutputError unless render may write into the folder: it does not exist, is empty, or holds one
 * of the folders render owns (it was rendered before). `label` names the folder in the message.
 */
export function checkRenderTarget(outDir: string, label: string = outDir): void {
  if (!existsSync(outDir)) return;
  const entries = readdirSync(outDir).sort();
  if (entries.length === 0) return;
  if (RENDERED_FOLDERS.some((folder) => isDirectory(join(outDir, folder)))) return;
  throw new NotRenderOutputError(label, RENDERED_FOLDERS, entries);
}

export interface StaleEntry {
  readonly path: string;
  readonly state: StaleState;
}

/**
 * What differs between the folder and what should be there; reads only. Only the folders render owns count:
 * anything else in the folder is neither compared nor reported.
 */
export function diffRendered(outDir: string, files: ReadonlyMap<string, RenderedFile>): StaleEntry[] {
  const entries: StaleEntry[] = [];
  const onDisk = new Set(ownedFiles(outDir));
  for (const [path, file] of files) {
    if (!onDisk.has(path)) entries.push({ path, state: 'missing' });
    else if (readFileSync(join(outDir, path), 'utf8') !== file.content)
      entries.push({ path, state: 'stale' });
  }
  for (const path of onDisk) if (!files.has(path)) entries.push({ path, state: 'extra' });
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Removes the empty folders under `dir`, and `dir` itself when it ends up empty. */
function removeEmptyDirs(dir: string): void {
  if (!isDirectory(dir)) return;
  for (const name of readdirSync(dir)) removeEmptyDirs(join(dir, name));
  if (readdirSync(dir).length === 0) rmdirSync(dir);
}

/**
 * Makes the folders render owns hold exactly `files`: writes what is missing or stale (untouched files keep their
 * bytes and times), deletes what is no longer rendered there. Nothing outside RENDERED_FOLDERS is ever deleted,
 * and a non-empty folder render did not write before is refused (checkRenderTarget). Returns what changed.
 */
export function writeRendered(outDir: string, files: ReadonlyMap<string, RenderedFile>): StaleEntry[] {
  checkRenderTarget(outDir);
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
  for (const folder of RENDERED_FOLDERS) removeEmptyDirs(join(outDir, folder));
  return changes;
}
