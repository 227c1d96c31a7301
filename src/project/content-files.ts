import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { filesUnder } from '../core/files.ts';
import type { Problem } from '../validate/problem.ts';
import { repoRelative } from '../core/source.ts';

/** The content folders, in the order their indexes are loaded. */
export const CONTENT_DIRS = ['datasources', 'dashboards', 'alerts', 'slos'] as const;

/** Every `*.ts` file under a folder (declaration files left out), in `filesUnder` order, as absolute paths. */
export function listTsFiles(dir: string): string[] {
  return filesUnder(dir)
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))
    .map((path) => join(dir, path));
}

const IMPORT_SPECIFIERS = [
  /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g,
  /\bimport\s*['"](\.{1,2}\/[^'"]+)['"]/g,
  /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
];

/** Relative modules a file imports, resolved to absolute paths. */
export function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out = new Set<string>();
  for (const pattern of IMPORT_SPECIFIERS) {
    for (const match of text.matchAll(pattern)) {
      const spec = match[1];
      if (spec !== undefined) out.add(resolve(dirname(file), spec));
    }
  }
  return [...out];
}

/**
 * Content files that no chain of imports starting at the folder's `index.ts` reaches: whatever they define
 * would silently never be rendered or published.
 */
export function unlistedContentFiles(root: string, dir: string): Problem[] {
  const folder = join(root, dir);
  const index = join(folder, 'index.ts');
  const files = listTsFiles(folder);
  const reached = new Set<string>([index]);
  const queue = [index];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const target of relativeImports(file)) {
      if (!reached.has(target) && target.startsWith(folder)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  const indexRel = repoRelative(root, index);
  return files
    .filter((f) => !reached.has(f))
    .map((f) => ({
      file: repoRelative(root, f),
      problem: `not listed in ${indexRel}, so nothing it defines is rendered or published`,
      fix: `Import it in ${indexRel} and add its definitions to the exported list (or delete the file)`,
    }));
}
