import { BUILT_IN_ANNOTATION } from '../../src/define/dashboard-saved-form.ts';
import { fileURLToPath } from 'node:url';
import { isDashboardV2 } from '../../src/core/dashboard-v2.ts';
import { describe, expect, it } from 'vitest';
import { callerFile } from '../../src/core/source.ts';
import { freezeDeep, fromConfig, isDefinition, withSource } from '../../src/define/definition.ts';
import {
  defineDashboard,
  defineFolder,
  promQuery,
  secret,
  stackDashboard,
  timeseriesPanel,
} from '../../src/index.ts';
import { configSet } from '../fixtures/project.ts';

const here = fileURLToPath(import.meta.url);
const context = { config: configSet.resolve(), source: 'dashboards/x.ts', relative: (p: string) => p };

describe('definitions', () => {
  it('record the file that called define*()', () => {
    expect(defineFolder({ uid: 'f', title: 'F' }).sourcePath).toBe(here);
    expect(callerFile()).toBe(here);
  });

  it('can be attributed to another file', () => {
    const moved = withSource(defineFolder({ uid: 'f', title: 'F' }), '/repo/dashboards/f.ts');
    expect(isDefinition(moved)).toBe(true);
    expect(moved.sourcePath).toBe('/repo/dashboards/f.ts');
  });

  it('build frozen resources with the given source and a canonical spec', () => {
    const [folder] = defineFolder({ uid: 'f', title: 'F', parentUid: 'p' }).build(context);
    expect(folder).toEqual({
      kind: 'Folder',
      uid: 'f',
      title: 'F',
      spec: { uid: 'f', title: 'F', parentUid: 'p' },
      source: 'dashboards/x.ts',
    });
    expect(Object.isFrozen(folder)).toBe(true);
    expect(Object.keys(folder?.spec ?? {})).toEqual(['parentUid', 'title', 'uid']);
  });

  it('run functions of the Config of the chosen environment', () => {
    const def = defineFolder((cfg: { environment: string }) => ({ uid: 'f', title: `F ${cfg.environment}` }));
    expect(def.build({ ...context, config: configSet.resolve('staging') })[0]?.title).toBe('F staging');
  });

  it('group several definitions computed from the Config', () => {
    const group = fromConfig(() => [
      defineFolder({ uid: 'a', title: 'A' }),
      defineFolder({ uid: 'b', title: 'B' }),
    ]);
    expect(group.build(context).map((r) => r.uid)).toEqual(['a', 'b']);
  });
});

describe('freezeDeep', () => {
  it('freezes what an already frozen object holds, and survives cycles', () => {
    const inner = { list: [{ leaf: 1 }] };
    const outer = Object.freeze({ inner });
    const cyclic: { self?: unknown; n: number } = { n: 1 };
    cyclic.self = cyclic;
    const value = { outer, cyclic };
    expect(freezeDeep(value)).toBe(value);
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(inner)).toBe(true);
    expect(Object.isFrozen(inner.list)).toBe(true);
    expect(Object.isFrozen(inner.list[0])).toBe(true);
    expect(Object.isFrozen(cyclic)).toBe(true);
  });

  it('reaches the spec of a sealed resource, which sealing leaves unfrozen', () => {
    const [folder] = defineFolder({ uid: 'f', title: 'F' }).build(context);
    expect(Object.isFrozen(folder)).toBe(true);
    expect(Object.isFrozen(folder?.spec)).toBe(false);
    freezeDeep(folder);
    expect(Object.isFrozen(folder?.spec)).toBe(true);
  });
});

describe('dashboards', () => {
  const dashboard = defineDashboard({
    uid: 'd',
    dashboard: stackDashboard({ title: 'D', description: 'd', tags: [] })
      .id(42)
      .version(7)
      .withPanel(
        timeseriesPanel({
          title: 'A',
          description: 'a',
          unit: 's',
          queries: [promQuery('up'), promQuery('up', { refId: 'A' })],
        }),
      )
      .withPanel(
        timeseriesPanel({ title: 'B', description: 'b', unit: 's', queries: [promQuery('up')] }).id(1),
      ),
  }).build(context)[0];

  it('leave id and version to Grafana and own the uid', () => {
    expect(dashboard?.kind).toBe('Dashboard');
    if (dashboard?.kind !== 'Dashboard' || isDashboardV2(dashboard.spec))
      throw new Error('a classic dashboard');
    expect(dashboard.spec.id).toBeUndefined();
    expect(dashboard.spec.version).toBeUndefined();
    expect(dashboard.spec.uid).toBe('d');
    expect(dashboard.spec.templating.list).toEqual([]);
    // Only the built-in annotation Grafana's UI would add on its first save.
    expect(dashboard.spec.annotations.list).toEqual([BUILT_IN_ANNOTATION]);
  });

  it('number panels in reading order, keeping ids set by hand, and name targets A, B…', () => {
    if (dashboard?.kind !== 'Dashboard' || isDashboardV2(dashboard.spec))
      throw new Error('not a classic dashboard');
    const panels = dashboard.spec.panels ?? [];
    expect(panels.map((p) => p.id)).toEqual([2, 1]);
    const refIds = (panels[0] as { targets?: { refId?: string }[] }).targets?.map((t) => t.refId);
    expect(refIds).toEqual(['B', 'A']);
  });
});

describe('secrets', () => {
  it('only accept environment variable names', () => {
    expect(secret('SLACK_URL').toString()).toBe('${SLACK_URL}');
    expect(() => secret('slack-url')).toThrow(/environment variable names/);
  });
});
