import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderProject } from '../../src/commands/render.ts';
import { ProjectLoadError, ValidationError } from '../../src/core/errors.ts';
import { loadProject } from '../../src/project/load.ts';
import { buildProject } from '../../src/project/project.ts';
import { SDK, minimalFiles, writeProject } from '../fixtures/disk-project.ts';

const roots: string[] = [];
function project(changes: Record<string, string | undefined> = {}): string {
  const files = { ...minimalFiles() };
  for (const [path, content] of Object.entries(changes)) {
    if (content === undefined) delete files[path];
    else files[path] = content;
  }
  const root = writeProject(files as Record<string, string>);
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const DASHBOARD = `import { defineDashboard, stackDashboard } from '${SDK}';
export default defineDashboard({ uid: 'extra', folderUid: 'services', dashboard: stackDashboard({ title: 'Extra', description: 'x', tags: [] }) });
`;

describe('loading a project from disk', () => {
  it('records the file each resource was defined in, relative to the root', async () => {
    const built = buildProject(await loadProject(project()));
    expect(built.registry.resources.map((r) => `${r.kind}/${r.uid} ${r.source}`)).toEqual([
      'Folder/services dashboards/folders.ts',
      'DataSource/prom datasources/prom.ts',
    ]);
    expect(built.problems).toEqual([]);
  });

  it('reports a content file that its index does not reach', async () => {
    const loaded = await loadProject(project({ 'dashboards/extra.ts': DASHBOARD }));
    expect(loaded.loadProblems).toEqual([
      {
        file: 'dashboards/extra.ts',
        problem: 'not listed in dashboards/index.ts, so nothing it defines is rendered or published',
        fix: 'Import it in dashboards/index.ts and add its definitions to the exported list (or delete the file)',
      },
    ]);
  });

  it('reports a definition that is imported but left out of the exported list', async () => {
    const loaded = await loadProject(
      project({
        'dashboards/extra.ts': DASHBOARD,
        'dashboards/index.ts': `import folders from './folders.ts';\nimport extra from './extra.ts';\nvoid extra;\nexport default [folders];\n`,
      }),
    );
    expect(loaded.loadProblems.map((p) => [p.file, p.problem])).toEqual([
      [
        'dashboards/extra.ts',
        'defines a Dashboard that no index lists, so it is never rendered or published',
      ],
    ]);
  });

  it('accepts helper modules reached through imports of listed files', async () => {
    const loaded = await loadProject(
      project({
        'dashboards/common.ts': `export const title = 'Extra';\n`,
        'dashboards/extra.ts': `import { title } from './common.ts';\n${DASHBOARD.replace("'Extra'", 'title')}`,
        'dashboards/index.ts': `import folders from './folders.ts';\nimport extra from './extra.ts';\nexport default [folders, extra];\n`,
      }),
    );
    expect(loaded.loadProblems).toEqual([]);
  });

  it('refuses an index whose default export is not a list, naming the index', async () => {
    await expect(loadProject(project({ 'alerts/index.ts': 'export default 42;\n' }))).rejects.toThrow(
      /alerts\/index\.ts: the default export must be an array of definitions/,
    );
  });

  it('refuses a list element that is not a definition, naming its position', async () => {
    await expect(loadProject(project({ 'alerts/index.ts': "export default ['oops'];\n" }))).rejects.toThrow(
      /alerts\/index\.ts: element 0 of the default export is not a definition \(got string\)/,
    );
  });

  it('refuses a content folder without index.ts', async () => {
    await expect(loadProject(project({ 'slos/index.ts': undefined }))).rejects.toThrow(ProjectLoadError);
    await expect(loadProject(project({ 'slos/index.ts': undefined }))).rejects.toThrow(
      /slos\/index\.ts: missing/,
    );
  });

  it('refuses a folder without stack.config.ts', async () => {
    await expect(loadProject(project({ 'stack.config.ts': undefined }))).rejects.toThrow(
      /stack\.config\.ts: not found/,
    );
  });

  it('renders nothing while a content file is unlisted', async () => {
    const root = project({ 'dashboards/extra.ts': DASHBOARD });
    const loaded = await loadProject(root);
    expect(() => renderProject(loaded)).toThrow(ValidationError);
    expect(existsSync(join(root, 'rendered'))).toBe(false);
  });
});

describe('a content file that cannot be loaded', () => {
  it.each([
    [
      'throws while it is loaded',
      { 'dashboards/folders.ts': `throw new Error('boom at load');\n` },
      /^dashboards\/folders\.ts:1: could not be loaded: boom at load/,
    ],
    [
      'has a TypeScript syntax error',
      { 'dashboards/folders.ts': `export default [\n  {{{\n];\n` },
      /^dashboards\/folders\.ts(:\d+)?: could not be loaded: /,
    ],
    [
      'is imported by an index but does not exist',
      { 'dashboards/index.ts': `import gone from './gone.ts';\nexport default [gone];\n` },
      /^dashboards\/index\.ts(:\d+)?: could not be loaded: .*gone\.ts/,
    ],
  ])('%s: a ProjectLoadError naming the file, not a stack trace', async (_what, files, message) => {
    const error = await loadProject(project(files)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectLoadError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(roots[roots.length - 1] ?? '/nowhere');
  });
});
