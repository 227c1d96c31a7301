import { join } from 'node:path';
import { UsageError } from '../core/errors.ts';
import { filesAtRevision } from '../diff/git-files.ts';
import { semanticDiff, semanticMarkdown } from '../diff/semantic.ts';
import { filesInFolder } from '../diff/working-tree.ts';
import { RENDERED_DIR } from '../commands/render.ts';
import { resourcesFromFiles } from '../render/read-rendered.ts';
import type { Output } from './run.ts';
import { parseFlags } from './run.ts';
import { USAGE, wantsHelp } from './usage.ts';

/** `npm run diff -- --base <git ref>`: what the change does, from rendered/ at the base and in the working tree. */
export function diffMain(root: string, argv: readonly string[], output: Output): number {
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
  output.out(semanticMarkdown(changes, flags.base).trimEnd());
  return 0;
}
