/**
 * The committed rendered/ is exactly what the code renders: same bytes, nothing missing, nothing extra.
 * Rendering happens in memory; the files on disk are only read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RENDERED_DIR, buildValidated } from '../src/commands/render.ts';
import { loadProject } from '../src/project/load.ts';
import { renderAll } from '../src/render/render.ts';
import { diffRendered } from '../src/render/write.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('golden: rendered/', () => {
  it('matches what the repository renders, byte for byte', async () => {
    const built = buildValidated(await loadProject(root));
    const files = renderAll(built.registry, built.config);
    expect(files.size).toBeGreaterThan(0);
    expect(diffRendered(join(root, RENDERED_DIR), files)).toEqual([]);
  });

  it('renders the same bytes twice', async () => {
    const project = await loadProject(root);
    const first = renderAll(buildValidated(project).registry, buildValidated(project).config);
    const second = renderAll(buildValidated(project).registry, buildValidated(project).config);
    expect([...second.values()].map((f) => f.content)).toEqual([...first.values()].map((f) => f.content));
  });

  it('holds nothing that depends on the machine: no absolute path, no secret value', async () => {
    const built = buildValidated(await loadProject(root));
    for (const file of renderAll(built.registry, built.config).values()) {
      const text = readFileSync(join(root, RENDERED_DIR, file.path), 'utf8');
      expect(text).not.toContain(root);
      expect(text).not.toContain('file://');
      for (const [name, value] of Object.entries(process.env)) {
        if (value !== undefined && value.length >= 12 && /(TOKEN|PASSWORD|SECRET|KEY)/.test(name)) {
          expect(text).not.toContain(value);
        }
      }
    }
  });
});
