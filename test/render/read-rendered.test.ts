/**
 * Reading `rendered/` back (src/render/read-rendered.ts): all at once for tests and the diff, or file by file as
 * drift asks for them (desiredFromRendered), with the same resources either way.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProjectLoadError } from '../../src/core/errors.ts';
import { desiredFromRendered, readRenderedResources } from '../../src/render/read-rendered.ts';
import { ROOT } from '../fixtures/grafana.ts';

let scratch: string | undefined;
afterEach(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

function copyOfRendered(): string {
  scratch = mkdtempSync(join(tmpdir(), 'rendered-'));
  const dir = join(scratch, 'rendered');
  cpSync(join(ROOT, 'rendered'), dir, { recursive: true });
  return dir;
}

describe('desiredFromRendered', () => {
  it('answers the same resources as readRenderedResources, in the same order', async () => {
    const all = readRenderedResources(join(ROOT, 'rendered'));
    const lazy = desiredFromRendered(join(ROOT, 'rendered'));
    expect(await lazy.all()).toEqual(all);
    const dashboards = all.filter((r) => r.kind === 'Dashboard');
    expect([...lazy.uids('Dashboard')]).toEqual(dashboards.map((d) => d.uid));
    expect(await lazy.ofKind('Dashboard')).toEqual(dashboards);
    const first = dashboards[0];
    expect(await lazy.find(`Dashboard/${first?.uid ?? ''}`)).toEqual(first);
    expect(await lazy.find('Dashboard/no-such-dashboard')).toBeUndefined();
  });

  it('knows the uids without reading a file, and names a broken file when it is read', async () => {
    const dir = copyOfRendered();
    writeFileSync(
      join(dir, 'grafana/dashboards/service-red.json'),
      '{"kind":"Dashboard","uid":"other","spec":{}}',
    );
    const lazy = desiredFromRendered(dir);
    expect(lazy.uids('Dashboard').has('service-red')).toBe(true);
    const error = await lazy.find('Dashboard/service-red').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectLoadError);
    expect(String((error as Error).message)).toContain('rendered/grafana/dashboards/service-red.json');
    expect(String((error as Error).message)).toContain('not the uid its file name says');
    await expect(lazy.all()).rejects.toThrow(ProjectLoadError);
    // Another dashboard still reads.
    const other = [...lazy.uids('Dashboard')].find((uid) => uid !== 'service-red') ?? '';
    expect((await lazy.find(`Dashboard/${other}`))?.uid).toBe(other);
  });
});
