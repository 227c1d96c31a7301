import { DEFAULT_OWNERSHIP } from '../../src/core/ownership.ts';
import { LEGACY_API } from '../../src/grafana/app-platform.ts';
/**
 * Resources are immutable by contract, not by freezing (freezing costs a fifth of the render time): nothing in
 * the SDK may change one. Here every resource is deep-frozen, down to every node of its spec and origin, and the
 * whole pipeline runs over it (validate, render, and publish, re-plan and drift against the simulator); in
 * strict-mode modules any write to a frozen object throws.
 */
import { fileURLToPath } from 'node:url';
import { desiredOf } from '../../src/core/desired.ts';
import { describe, expect, it } from 'vitest';
import { freezeDeep } from '../../src/define/definition.ts';
import { detectDrift } from '../../src/drift/drift.ts';
import { GrafanaClient } from '../../src/grafana/client.ts';
import { HANDLERS } from '../../src/handlers/index.ts';
import { loadProject } from '../../src/project/load.ts';
import { buildProject } from '../../src/project/project.ts';
import { applyPlan } from '../../src/publish/apply.ts';
import { readLive } from '../../src/publish/live-state.ts';
import { planActions } from '../../src/publish/plan.ts';
import { resolveSecrets } from '../../src/publish/secrets.ts';
import { renderAll } from '../../src/render/render.ts';
import { startSimulator } from '../../src/simulator/index.ts';
import { validate } from '../../src/validate/validate.ts';
import { CANARIES, connection } from '../fixtures/grafana.ts';
import { baseDefinitions, fixtureProject } from '../fixtures/project.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every object reachable from a value, each once. */
function objectsIn(value: unknown, seen = new Set<object>()): Set<object> {
  if (typeof value !== 'object' || value === null || seen.has(value)) return seen;
  seen.add(value);
  for (const inner of Object.values(value)) objectsIn(inner, seen);
  return seen;
}

describe('the pipeline never changes a resource', () => {
  it.each([
    ['the repository', async () => buildProject(await loadProject(root))],
    ['the fixture project', async () => buildProject(fixtureProject(baseDefinitions()))],
  ])('validates and renders %s with every resource deep-frozen', async (_name, build) => {
    const built = await build();
    const specs = built.registry.resources.map((resource) => resource.spec);
    // Sealed resources are frozen at the top only: their specs are not (immutable by contract).
    expect(specs.some((spec) => Object.isFrozen(spec))).toBe(false);
    for (const resource of built.registry.resources) freezeDeep(resource);
    const nodes = built.registry.resources.flatMap((resource) => [...objectsIn(resource)]);
    expect(nodes.length).toBeGreaterThan(built.registry.size * 3);
    expect(nodes.filter((node) => !Object.isFrozen(node))).toEqual([]);
    const before = JSON.stringify(built.registry.resources);
    expect(validate(built.registry, built.config)).toEqual([]);
    expect(renderAll(built.registry, built.config).size).toBeGreaterThanOrEqual(built.registry.size);
    expect(JSON.stringify(built.registry.resources)).toBe(before);
  });

  it('publishes, re-plans and drift-checks the repository with every resource deep-frozen', async () => {
    const built = buildProject(await loadProject(root));
    const desired = built.registry.resources;
    for (const resource of desired) freezeDeep(resource);
    const before = JSON.stringify(desired);
    const secrets = resolveSecrets(desired, CANARIES);
    const sim = await startSimulator({ profile: '12.x' });
    try {
      const client = new GrafanaClient(connection(sim));
      const first = await readLive(
        HANDLERS,
        {
          client,
          editable: false,
          resendSecrets: false,
          api: LEGACY_API,
          dashboardSchema: 'v1',
          secrets,
          ownership: DEFAULT_OWNERSHIP,
        },
        desiredOf(desired),
      );
      const plan = planActions({ desired, live: first.live, handlers: HANDLERS, prune: false });
      const events = await applyPlan(plan.actions, HANDLERS, first.context);
      expect(events.filter((e) => e.status === 'failed')).toEqual([]);
      expect(events.filter((e) => e.status === 'created').length).toBeGreaterThan(desired.length / 2);
      const again = await readLive(
        HANDLERS,
        {
          client,
          editable: false,
          resendSecrets: false,
          api: LEGACY_API,
          dashboardSchema: 'v1',
          secrets,
          ownership: DEFAULT_OWNERSHIP,
        },
        desiredOf(desired),
      );
      const second = planActions({ desired, live: again.live, handlers: HANDLERS, prune: false });
      expect(second.actions.filter((a) => a.type !== 'noop').map((a) => a.ref)).toEqual([]);
      expect(detectDrift(desired, again.live, HANDLERS).entries).toEqual([]);
    } finally {
      await sim.close();
    }
    expect(JSON.stringify(desired)).toBe(before);
  });
});
