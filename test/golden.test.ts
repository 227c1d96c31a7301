/**
 * The committed rendered/ is exactly what the code renders: same bytes, nothing missing, nothing extra.
 * Rendering happens in memory; the files on disk are only read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { secureSettingsOf } from '../src/alerting/secure-settings.ts';
import { RENDERED_DIR, buildValidated } from '../src/commands/render.ts';
import { filesUnder } from '../src/core/files.ts';
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

  it('holds nothing that depends on the machine: no absolute path', async () => {
    const built = buildValidated(await loadProject(root));
    for (const file of renderAll(built.registry, built.config).values()) {
      const text = readFileSync(join(root, RENDERED_DIR, file.path), 'utf8');
      expect(text).not.toContain(root);
      expect(text).not.toContain('file://');
    }
  });

  it('holds every secure field as a ${ENV} placeholder, never a value', () => {
    const placeholder = /^\$\{[A-Z_][A-Z0-9_]*\}$/;
    const read = (folder: string): [string, { spec: Record<string, unknown> }][] =>
      filesUnder(join(root, RENDERED_DIR, 'grafana', folder)).map((path) => [
        `${folder}/${path}`,
        JSON.parse(readFileSync(join(root, RENDERED_DIR, 'grafana', folder, path), 'utf8')) as {
          spec: Record<string, unknown>;
        },
      ]);
    const checked: string[] = [];
    const notPlaceholders: string[] = [];
    const check = (where: string, value: unknown): void => {
      checked.push(where);
      if (typeof value !== 'string' || !placeholder.test(value)) notPlaceholders.push(where);
    };
    for (const [path, { spec }] of read('datasources')) {
      const secure = spec['secureJsonData'] ?? {};
      for (const [key, value] of Object.entries(secure)) check(`${path} secureJsonData.${key}`, value);
    }
    const dataSourceFields = checked.length;
    for (const [path, { spec }] of read('contact-points')) {
      const settings = (spec['settings'] ?? {}) as Record<string, unknown>;
      for (const key of secureSettingsOf(String(spec['type']))) {
        if (key in settings) check(`${path} settings.${key}`, settings[key]);
      }
    }
    expect(notPlaceholders).toEqual([]);
    expect(dataSourceFields).toBeGreaterThan(0);
    expect(checked.length - dataSourceFields).toBeGreaterThan(0);
  });
});
