import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderLabel, renderProject, validateProject } from '../../src/commands/render.ts';
import { NotRenderOutputError, StaleRenderError, UsageError } from '../../src/core/errors.ts';
import { fixtureProject } from '../fixtures/project.ts';

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'gsac-render-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string, prefix: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name), `${prefix}${entry.name}/`);
      else files[`${prefix}${entry.name}`] = readFileSync(join(d, entry.name), 'utf8');
    }
  };
  walk(dir, '');
  return files;
}

describe('render', () => {
  it('writes one file per resource at a path from kind and uid, rule files and the Alertmanager twin', () => {
    const result = renderProject(fixtureProject(), { outDir: out });
    expect(Object.keys(snapshot(out)).sort()).toEqual([
      'alertmanager/alertmanager.yml',
      'alertmanager/templates/stack.tmpl',
      'grafana/alert-rule-groups/api.json',
      'grafana/contact-points/chat.json',
      'grafana/contact-points/mail.json',
      'grafana/contact-points/pager.json',
      'grafana/dashboards/red.json',
      'grafana/datasources/logs.json',
      'grafana/datasources/prom.json',
      'grafana/datasources/traces.json',
      'grafana/folders/services.json',
      'grafana/mute-timings/maintenance.json',
      'grafana/notification-policies/root.json',
      'grafana/notification-templates/stack.json',
      'prometheus/api.yml',
    ]);
    expect(result.changes).toHaveLength(15);
  });

  it('is idempotent: a second run changes nothing and leaves the same bytes', () => {
    renderProject(fixtureProject(), { outDir: out });
    const first = snapshot(out);
    const again = renderProject(fixtureProject(), { outDir: out });
    expect(again.changes).toEqual([]);
    expect(snapshot(out)).toEqual(first);
  });

  it('renders secrets as ${ENV} placeholders only', () => {
    renderProject(fixtureProject(), { outDir: out });
    const ds = JSON.parse(readFileSync(join(out, 'grafana/datasources/prom.json'), 'utf8')) as {
      spec: { secureJsonData: Record<string, string> };
    };
    expect(ds.spec.secureJsonData).toEqual({ basicAuthPassword: '${PROM_PASSWORD}' });
  });

  it('--check passes on a fresh render and writes nothing', () => {
    renderProject(fixtureProject(), { outDir: out });
    const before = snapshot(out);
    expect(renderProject(fixtureProject(), { outDir: out, check: true }).files).toBe(15);
    expect(snapshot(out)).toEqual(before);
  });

  it('--check lists every stale, missing and extra file, and writes nothing', () => {
    renderProject(fixtureProject(), { outDir: out });
    writeFileSync(join(out, 'grafana/dashboards/red.json'), '{}\n');
    unlinkSync(join(out, 'grafana/folders/services.json'));
    writeFileSync(join(out, 'grafana/dashboards/hand-made.json'), '{}\n');
    const before = snapshot(out);
    let caught: unknown;
    try {
      renderProject(fixtureProject(), { outDir: out, check: true });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StaleRenderError);
    expect((caught as StaleRenderError).entries).toEqual([
      { path: 'grafana/dashboards/hand-made.json', state: 'extra' },
      { path: 'grafana/dashboards/red.json', state: 'stale' },
      { path: 'grafana/folders/services.json', state: 'missing' },
    ]);
    expect((caught as StaleRenderError).message).toMatch(/Run `npm run render`/);
    expect((caught as StaleRenderError).message.startsWith(`${out}/ is not up to date (3 files).`)).toBe(
      true,
    );
    expect(snapshot(out)).toEqual(before);
  });

  it('refuses a non-empty folder it did not render, before writing or deleting anything', () => {
    writeFileSync(join(out, 'package.json'), '{}\n');
    mkdirSync(join(out, 'src'));
    writeFileSync(join(out, 'src/index.ts'), 'export {};\n');
    const before = snapshot(out);
    let caught: unknown;
    try {
      renderProject(fixtureProject(), { outDir: out });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NotRenderOutputError);
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as NotRenderOutputError).dir).toBe(out);
    expect(snapshot(out)).toEqual(before);
  });

  it('keeps what is not its own in a folder it rendered before', () => {
    renderProject(fixtureProject(), { outDir: out });
    writeFileSync(join(out, 'README.md'), 'mine\n');
    writeFileSync(join(out, 'grafana/dashboards/hand-made.json'), '{}\n');
    const result = renderProject(fixtureProject(), { outDir: out });
    expect(result.changes).toEqual([{ path: 'grafana/dashboards/hand-made.json', state: 'extra' }]);
    expect(result.folder).toBe(out);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe('mine\n');
    expect(renderProject(fixtureProject(), { outDir: out, check: true }).files).toBe(15);
  });

  it('names folders relative to the root when inside it, else absolutely', () => {
    expect(folderLabel('/repo', '/repo/rendered')).toBe('rendered');
    expect(folderLabel('/repo', '/repo/out/staging')).toBe('out/staging');
    expect(folderLabel('/repo', '/repo')).toBe('.');
    expect(folderLabel('/repo', '/repo/..x')).toBe('..x');
    expect(folderLabel('/repo', '/tmp/out')).toBe('/tmp/out');
    expect(folderLabel('/repo', '/')).toBe('/');
  });

  it('keeps rendered/ for the default environment and asks for --out for another', () => {
    expect(() => renderProject(fixtureProject(), { environment: 'staging' })).toThrow(UsageError);
    expect(renderProject(fixtureProject(), { environment: 'staging', outDir: out }).files).toBe(15);
  });
});

describe('validate', () => {
  it('counts the resources of a valid project', () => {
    expect(validateProject(fixtureProject())).toEqual({
      resources: 12,
      environment: 'production',
      warnings: [],
    });
  });
});
