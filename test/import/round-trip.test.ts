/**
 * The measure of the import: the repository's own dashboards and folders, published into the simulator, imported
 * into a copy of the repository whose dashboard files were deleted, make the same resources (publish would change
 * nothing) and render the same files (but for the `source` field, which names the new files).
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderProject } from '../../src/commands/render.ts';
import { filesUnder } from '../../src/core/files.ts';
import { buildValidated } from '../../src/commands/render.ts';
import { desiredOf } from '../../src/core/desired.ts';
import { HANDLERS } from '../../src/handlers/index.ts';
import { candidateFromFile, importCandidates, readCandidates } from '../../src/import/run.ts';
import { loadProject } from '../../src/project/load.ts';
import { probeAndReadLive } from '../../src/publish/live-state.ts';
import { compareResource } from '../../src/publish/plan.ts';
import { publishProject } from '../../src/publish/publish.ts';
import type { ProfileName } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';
import {
  CANARIES,
  REPOSITORY_OWNERSHIP,
  ROOT,
  connection,
  fastClient,
  repository,
} from '../fixtures/grafana.ts';

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the repository without any content: every content folder holds an empty index only. */
function withoutContent(): string {
  const root = mkdtempSync(join(tmpdir(), 'gsac-import-'));
  scratch.push(root);
  for (const entry of [
    'stack.config.ts',
    'package.json',
    '.prettierrc.json',
    '.env.example',
    'configs',
    'rendered',
  ])
    cpSync(join(ROOT, entry), join(root, entry), { recursive: true });
  symlinkSync(join(ROOT, 'src'), join(root, 'src'));
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  for (const dir of ['dashboards', 'alerts', 'slos', 'datasources']) {
    mkdirSync(join(root, dir));
    writeFileSync(join(root, dir, 'index.ts'), 'export default [];\n');
  }
  return root;
}

/**
 * The repository published into a new simulator of the profile, an empty copy to import into, and what Grafana
 * holds, read as the import reads it. The project as it was is loaded from a twin copy: Node keeps a module once
 * loaded, so `root` must be loaded for the first time after the import wrote into it.
 */
async function published(profile: ProfileName) {
  const sim = await startSimulator({ profile });
  await publishProject(await repository(), connection(sim), CANARIES, {}, {}, undefined, fastClient);
  const root = withoutContent();
  const before = await loadProject(withoutContent());
  const read = await readCandidates(fastClient(connection(sim)), before, { preference: 'auto' });
  return { sim, root, before, ...read };
}

describe.each<ProfileName>(['11.6', '13.x'])('import round trip on %s', (profile) => {
  it('imports everything so that publish changes nothing and render writes the same files', async () => {
    const { sim, root, before, candidates, skipped } = await published(profile);
    try {
      const result = await importCandidates(root, before, candidates, { all: true }, skipped);
      const original = buildValidated(await repository());
      const expected = original.registry.resources.map((r) => `${r.kind}/${r.uid}`).sort();
      expect(result.imported.map((r) => r.ref).sort()).toEqual(expected);
      // Every panel of the repository is written with a kit helper.
      expect(result.imported.reduce((n, r) => n + r.raw, 0)).toBe(0);

      const reloaded = await loadProject(root);
      const after = buildValidated(reloaded);
      const { live } = await probeAndReadLive(
        HANDLERS,
        {
          client: fastClient(connection(sim)),
          editable: false,
          resendSecrets: false,
          secrets: new Map(),
          ownership: REPOSITORY_OWNERSHIP,
          dashboardSchema: 'v1',
        },
        desiredOf(after.registry.resources),
      );
      const changes = after.registry.resources.flatMap((resource) => {
        const c = compareResource(resource, live, HANDLERS);
        return c.state === 'present' && c.changes.length === 0
          ? []
          : [`${resource.kind}/${resource.uid}: ${c.state}`];
      });
      expect(changes).toEqual([]);

      const out = join(root, 'rendered-out');
      renderProject(reloaded, { outDir: out });
      // Every rendered file is the same but for the files it names as its source.
      const withoutSource = (text: string): string =>
        text
          .split('\n')
          .filter((line) => !/^\s*"source": |Generated by `npm run render` from /.test(line))
          .join('\n');
      const files = filesUnder(join(ROOT, 'rendered'));
      expect(filesUnder(out)).toEqual(files);
      for (const file of files)
        expect(withoutSource(readFileSync(join(out, file), 'utf8')), file).toBe(
          withoutSource(readFileSync(join(ROOT, 'rendered', file), 'utf8')),
        );
    } finally {
      await sim.close();
    }
  }, 120_000);
});

describe('imported files', () => {
  it('pass the strict type check and the format check as written: the repository and every fixture dashboard', async () => {
    const { sim, root, before, candidates, skipped } = await published('13.x');
    try {
      const fixtures = join(ROOT, 'test/import/fixtures/dashboards');
      const files = readdirSync(fixtures)
        .filter((f) => f.endsWith('.json') && f !== 'loki-mixin-deletion.json')
        .map((f) => candidateFromFile(f, readFileSync(join(fixtures, f), 'utf8')));
      const result = await importCandidates(root, before, [...candidates, ...files], { all: true }, skipped);
      expect(result.imported.length).toBe(candidates.length + files.length);
      writeFileSync(
        join(root, 'tsconfig.json'),
        JSON.stringify({
          extends: join(ROOT, 'tsconfig.json'),
          compilerOptions: { typeRoots: [join(ROOT, 'node_modules/@types')] },
          include: ['dashboards', 'alerts', 'datasources', 'slos', 'stack.config.ts'],
        }),
      );
      const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', root], {
        encoding: 'utf8',
      });
      expect(tsc.stdout + tsc.stderr, 'tsc on the imported files').toBe('');
      expect(tsc.status).toBe(0);
      const prettier = spawnSync(
        process.execPath,
        [
          join(ROOT, 'node_modules/prettier/bin/prettier.cjs'),
          '--check',
          'dashboards',
          'alerts',
          'datasources',
        ],
        { cwd: root, encoding: 'utf8' },
      );
      expect(prettier.status, prettier.stdout + prettier.stderr).toBe(0);
    } finally {
      await sim.close();
    }
  }, 120_000);
});
