import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under a folder, as forward-slash paths relative to it, depth first with each folder's names sorted
 * (the same order on every machine). Symbolic links are listed as they are, never followed, so that nothing
 * walking (or deleting) what this returns leaves the folder. A folder that does not exist holds nothing.
 */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string, prefix: string): void => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      if (entry.isDirectory()) walk(join(d, entry.name), `${prefix}${entry.name}/`);
      else out.push(`${prefix}${entry.name}`);
    }
  };
  walk(dir, '');
  return out;
}
