/**
 * Resources are immutable by contract, not by freezing (freezing costs a fifth of the render time): nothing in
 * the SDK may change one. Here every resource is deep-frozen and the whole pipeline runs over it; in strict-mode
 * modules any write to a frozen object throws.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freezeDeep } from '../../src/define/definition.ts';
import { loadProject } from '../../src/project/load.ts';
import { buildProject } from '../../src/project/project.ts';
import { renderAll } from '../../src/render/render.ts';
import { validate } from '../../src/validate/validate.ts';
import { baseDefinitions, fixtureProject } from '../fixtures/project.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the pipeline never changes a resource', () => {
  it.each([
    ['the repository', async () => buildProject(await loadProject(root))],
    ['the fixture project', async () => buildProject(fixtureProject(baseDefinitions()))],
  ])('validates and renders %s with every resource deep-frozen', async (_name, build) => {
    const built = await build();
    for (const resource of built.registry.resources) freezeDeep(resource);
    const before = JSON.stringify(built.registry.resources);
    expect(validate(built.registry, built.config)).toEqual([]);
    expect(renderAll(built.registry, built.config).size).toBeGreaterThanOrEqual(built.registry.size);
    expect(JSON.stringify(built.registry.resources)).toBe(before);
  });
});
