import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { StackError, StaleRenderError, UsageError } from '../core/errors.ts';
import { CONFIG_FILE, loadProject } from '../project/load.ts';
import { filesAtRevision } from '../diff/git-files.ts';
import { semanticDiff, semanticMarkdown } from '../diff/semantic.ts';
import { filesInFolder } from '../diff/working-tree.ts';
import { RENDERED_DIR, renderProject } from '../commands/render.ts';
import { resourcesFromFiles } from '../render/read-rendered.ts';
import type { Output } from './run.ts';
import { parseFlags } from './run.ts';
import { USAGE, wantsHelp } from './usage.ts';

/**
 * Whether the working tree's rendered/ is what its sources render: the diff reads rendered/, so a stale one would
 * describe a change the code does not make. Undefined when it is up to date (or there is no project to render).
 */
async function staleness(root: string): Promise<string | undefined> {
  if (!existsSync(join(root, CONFIG_FILE))) return undefined;
  try {
    renderProject(await loadProject(root), { check: true });
    return undefined;
  } catch (error) {
    if (error instanceof StaleRenderError)
      return `rendered/ is stale against its sources (${error.entries.length} file${error.entries.length === 1 ? '' : 's'}: ${error.entries
        .slice(0, 3)
        .map((e) => e.path)
        .join(
          ', ',
        )}${error.entries.length > 3 ? ', …' : ''}): this diff describes the rendered/ on disk, not what the code renders. Run npm run render and commit it.`;
    if (error instanceof StackError)
      return `rendered/ could not be checked against its sources (${error.message.split('\n').slice(0, 2).join(' ').replace(/\s+/g, ' ')}): this diff describes the rendered/ on disk.`;
    throw error;
  }
}

/** `npm run diff -- --base <git ref>`: what the change does, from rendered/ at the base and in the working tree. */
export async function diffMain(root: string, argv: readonly string[], output: Output): Promise<number> {
  if (wantsHelp(argv)) {
    output.out(USAGE.diff);
    return 0;
  }
  const flags = parseFlags(argv, { base: { type: 'string' } });
  if (flags.base === undefined || flags.base === '') {
    throw new UsageError('--base <git ref> is required, e.g. npm run diff -- --base origin/main.');
  }
  const before = filesAtRevision(root, flags.base, RENDERED_DIR);
  const after = filesInFolder(join(root, RENDERED_DIR));
  const changes = semanticDiff(
    { resources: resourcesFromFiles(before), files: before },
    { resources: resourcesFromFiles(after), files: after },
  );
  const stale = await staleness(root);
  if (stale !== undefined) output.out(`> ⚠️ ${stale}\n`);
  output.out(semanticMarkdown(changes, flags.base).trimEnd());
  return 0;
}
