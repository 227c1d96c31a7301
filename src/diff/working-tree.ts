import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from '../core/files.ts';

/** Every file under a folder of the working tree, by path relative to it. */
export function filesInFolder(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}
