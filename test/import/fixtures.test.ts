/**
 * Real-world dashboards (test/import/fixtures/dashboards, sources in SOURCES.md): each imports from its exported
 * file, builds (what the house style finds being warnings), publishes into the simulator, and then reads back
 * equal to what publishing the original JSON gives: a dry run of the original finds nothing to change.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildValidated } from '../../src/commands/render.ts';
import { asDashboard, defineDashboard } from '../../src/index.ts';
import { candidateFromFile, importCandidates } from '../../src/import/run.ts';
import { loadProject } from '../../src/project/load.ts';
import { publishProject } from '../../src/publish/publish.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';
import { minimalFiles, writeProject } from '../fixtures/disk-project.ts';
import { connection, fastClient } from '../fixtures/grafana.ts';

const DIR = fileURLToPath(new URL('./fixtures/dashboards', import.meta.url));
/** Dashboards of the pre-16 `rows` layout, which Grafana migrates on load only: refused with a message. */
const ROWS_LAYOUT = ['loki-mixin-deletion.json'];
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && !ROWS_LAYOUT.includes(f))
  .sort();

let sim: Simulator | undefined;
const roots: string[] = [];
beforeAll(async () => {
  sim = await startSimulator({ profile: '13.x' });
});
afterAll(async () => {
  await sim?.close();
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function emptyProject(): string {
  const files = minimalFiles();
  // A project without folders, so that the dashboards sit at the root as exported files do.
  files['dashboards/index.ts'] = 'export default [];\n';
  delete files['dashboards/folders.ts'];
  const root = writeProject(files);
  roots.push(root);
  return root;
}

describe('real-world dashboards', () => {
  it('are at least 15, of different eras', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(15);
    const versions = FIXTURES.map(
      (f) =>
        (JSON.parse(readFileSync(join(DIR, f), 'utf8')) as { schemaVersion?: number }).schemaVersion ?? 0,
    );
    expect(Math.min(...versions)).toBeLessThan(20);
    expect(Math.max(...versions)).toBeGreaterThan(38);
  });

  it.each(FIXTURES)(
    '%s: imports, publishes, and reads back as the original JSON publishes',
    async (file) => {
      const s = sim as Simulator;
      const root = emptyProject();
      const text = readFileSync(join(DIR, file), 'utf8');
      const candidate = candidateFromFile(`test/import/fixtures/dashboards/${file}`, text);
      // Node keeps a module once loaded: the project before the import is loaded from a twin.
      const project = await loadProject(emptyProject());
      const result = await importCandidates(root, project, [candidate], { all: true });
      expect(result.imported).toHaveLength(1);
      const imported = await loadProject(root);
      // Builds: everything the house style would ask of it is a warning.
      const built = buildValidated(imported);
      expect(built.registry.resources.map((r) => `${r.kind}/${r.uid}`)).toContain(
        `Dashboard/${candidate.uid}`,
      );
      await publishProject(imported, connection(s), {}, {}, {}, undefined, fastClient);
      // The original JSON, published as it is, finds Grafana holding exactly it.
      const original = {
        ...project,
        definitions: [
          ...project.definitions,
          {
            definition: defineDashboard({
              uid: candidate.uid,
              imported: true,
              dashboard: asDashboard(candidate.model),
            }),
            index: 'dashboards/index.ts',
          },
        ],
      };
      const plan = await publishProject(
        original,
        connection(s),
        {},
        { dryRun: true, only: [`Dashboard/${candidate.uid}`] },
        {},
        undefined,
        fastClient,
      );
      expect(plan.plan.actions.filter((a) => a.type !== 'noop').map((a) => `${a.type} ${a.ref}`)).toEqual([]);
    },
    60_000,
  );

  it('refuses the pre-16 rows layout, and what is not a dashboard, naming the file', () => {
    for (const file of ROWS_LAYOUT)
      expect(() => candidateFromFile(file, readFileSync(join(DIR, file), 'utf8'))).toThrow(
        /with rows of panels, which Grafana migrates on load only: open it in Grafana, save it, and import it from there/,
      );
    expect(() => candidateFromFile('x.json', '{"title": "x", "panels": [')).toThrow(/^x\.json: is not JSON/);
    expect(() => candidateFromFile('y.json', '{"apiVersion": "v1", "kind": "ConfigMap"}')).toThrow(
      /^y\.json: is not a dashboard/,
    );
  });
});
