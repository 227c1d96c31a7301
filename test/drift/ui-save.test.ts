/**
 * A person opens each shipped dashboard, makes it editable (they are published read-only) and saves it without
 * changing anything, in the UI of each Grafana profile (the simulator's model of that frontend's save path,
 * src/simulator/ui-save.ts): drift then reports that the dashboard was made editable, and nothing else, whichever
 * panels had rendered before the save.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { driftCheck } from '../../src/drift/run.ts';
import type { JsonObject } from '../../src/core/json.ts';
import { publishProject } from '../../src/publish/publish.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { PROFILE_NAMES, startSimulator } from '../../src/simulator/index.ts';
import { readRenderedResources } from '../../src/render/read-rendered.ts';
import { CANARIES, ROOT, connection, fastClient, repository } from '../fixtures/grafana.ts';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const DASHBOARDS = readRenderedResources(join(ROOT, 'rendered'))
  .filter((r) => r.kind === 'Dashboard')
  .map((r) => r.uid);

const LOADED = {
  all: 'all',
  none: 'none',
  // A person who scrolled half-way: panels with an even id rendered.
  some: (panel: JsonObject) => typeof panel['id'] === 'number' && panel['id'] % 2 === 0,
} as const;

describe.each(PROFILE_NAMES)('an unchanged UI save on Grafana %s', (profile) => {
  it.each(Object.keys(LOADED) as (keyof typeof LOADED)[])(
    'with %s panels rendered, drift names only "editable" on each shipped dashboard',
    async (loaded) => {
      expect(DASHBOARDS.length).toBeGreaterThanOrEqual(12);
      sim = await startSimulator({ profile });
      await publishProject(await repository(), connection(sim), CANARIES, {}, {}, undefined, fastClient);
      for (const uid of DASHBOARDS)
        sim.ui.editDashboard(uid, () => undefined, { uiSave: { loaded: LOADED[loaded] } });
      const drift = await driftCheck(join(ROOT, 'rendered'), connection(sim), undefined, fastClient);
      expect(drift.report.entries.map((e) => [e.ref, e.changes.map((c) => c.field)])).toEqual(
        DASHBOARDS.map((uid) => [`Dashboard/${uid}`, ['editable']]).sort(),
      );
    },
  );
});

describe('a UI save that does change something', () => {
  it.each(PROFILE_NAMES)('%s: still shows the change, beside "editable"', async (profile) => {
    sim = await startSimulator({ profile });
    await publishProject(await repository(), connection(sim), CANARIES, {}, {}, undefined, fastClient);
    sim.ui.editDashboard(
      'service-red',
      (d) => {
        const panel = (d['panels'] as JsonObject[]).find((p) => p['title'] === 'Request rate by service');
        if (panel !== undefined) panel['title'] = 'Requests per second';
      },
      { uiSave: true },
    );
    const drift = await driftCheck(join(ROOT, 'rendered'), connection(sim), undefined, fastClient);
    expect(drift.report.entries.map((e) => [e.ref, e.changes.map((c) => c.field)])).toEqual([
      ['Dashboard/service-red', ['editable', expect.stringContaining('title')]],
    ]);
  });
});
