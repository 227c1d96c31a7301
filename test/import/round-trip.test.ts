/**
 * The measure of the import: the repository's own dashboards and folders, published into the simulator, imported
 * into a copy of the repository whose dashboard files were deleted, make the same resources (publish would change
 * nothing) and render the same files (but for the `source` field, which names the new files).
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderProject } from '../../src/commands/render.ts';
import { buildValidated } from '../../src/commands/render.ts';
import { desiredOf } from '../../src/core/desired.ts';
import { HANDLERS } from '../../src/handlers/index.ts';
import { importCandidates, readCandidates } from '../../src/import/run.ts';
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

/** A copy of the repository without its dashboards: the dashboards index empty, the SLO dashboards unlisted. */
function withoutDashboards(): string {
  const root = mkdtempSync(join(tmpdir(), 'gsac-import-'));
  scratch.push(root);
  for (const entry of [
    'stack.config.ts',
    'package.json',
    '.prettierrc.json',
    'alerts',
    'slos',
    'datasources',
    'configs',
    'dashboards',
  ])
    cpSync(join(ROOT, entry), join(root, entry), { recursive: true });
  symlinkSync(join(ROOT, 'src'), join(root, 'src'));
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  for (const file of readdirSync(join(root, 'dashboards')))
    if (file !== 'index.ts') rmSync(join(root, 'dashboards', file));
  writeFileSync(join(root, 'dashboards/index.ts'), '// Folders and dashboards.\nexport default [];\n');
  const slos = readFileSync(join(root, 'slos/index.ts'), 'utf8')
    .replace("import dashboards from './dashboards.ts';\n", '')
    .replace(', dashboards]', ']');
  writeFileSync(join(root, 'slos/index.ts'), slos);
  rmSync(join(root, 'slos/dashboards.ts'));
  return root;
}

describe.each<ProfileName>(['11.6', '13.x'])('import round trip on %s', (profile) => {
  it('imports every dashboard and folder so that publish changes nothing and render writes the same files', async () => {
    const sim = await startSimulator({ profile });
    try {
      await publishProject(await repository(), connection(sim), CANARIES, {}, {}, undefined, fastClient);
      const root = withoutDashboards();
      // Node keeps a module once loaded: the project as it was is loaded from a twin, so that `root` is loaded
      // for the first time after the import wrote into it.
      const before = await loadProject(withoutDashboards());
      const { candidates, skipped } = await readCandidates(fastClient(connection(sim)), before, {
        preference: 'auto',
      });
      const result = await importCandidates(root, before, candidates, { all: true }, skipped);
      const original = buildValidated(await repository());
      const expected = original.registry.resources
        .filter((r) => r.kind === 'Dashboard' || r.kind === 'Folder')
        .map((r) => `${r.kind}/${r.uid}`)
        .sort();
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
      for (const kind of ['dashboards', 'folders']) {
        const dir = join(ROOT, 'rendered/grafana', kind);
        for (const file of readdirSync(dir)) {
          const strip = (text: string): unknown => {
            const { source: _source, ...rest } = JSON.parse(text) as Record<string, unknown>;
            return rest;
          };
          expect(strip(readFileSync(join(out, 'grafana', kind, file), 'utf8')), `${kind}/${file}`).toEqual(
            strip(readFileSync(join(dir, file), 'utf8')),
          );
        }
      }
      if (process.env.KEEP_IMPORT !== undefined)
        cpSync(join(root, 'dashboards'), process.env.KEEP_IMPORT, { recursive: true });
    } finally {
      await sim.close();
    }
  }, 120_000);
});
