import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_DIRS, unlistedContentFiles } from '../../src/project/content-files.ts';
import { loadProject } from '../../src/project/load.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the repository content', () => {
  it.each(CONTENT_DIRS)('lists every *.ts file of %s/ in its index', (dir) => {
    expect(unlistedContentFiles(root, dir)).toEqual([]);
  });

  it('loads with no content written but left unlisted', async () => {
    expect((await loadProject(root)).loadProblems).toEqual([]);
  });
});
