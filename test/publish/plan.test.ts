/** The planner is pure: these tests need no Grafana. */
import { describe, expect, it } from 'vitest';
import type { Kind } from '../../src/core/kinds.ts';
import type { ResourceRef } from '../../src/core/resource.ts';
import { HANDLERS } from '../../src/handlers/index.ts';
import type { LiveObject } from '../../src/handlers/types.ts';
import { planActions, refMatcher } from '../../src/publish/plan.ts';
import { buildProject } from '../../src/project/project.ts';
import { fixtureProject } from '../fixtures/project.ts';

const desired = buildProject(fixtureProject()).registry.resources;

function folderLive(uid: string, owned: boolean): LiveObject<'Folder'> {
  return { kind: 'Folder', uid, ref: `Folder/${uid}`, body: { uid, title: uid }, owned };
}

function liveOf(objects: readonly LiveObject[]): Map<Kind, LiveObject[]> {
  const map = new Map<Kind, LiveObject[]>();
  for (const o of objects) map.set(o.kind, [...(map.get(o.kind) ?? []), o]);
  return map;
}

describe('planActions', () => {
  it('creates everything in dependency order when Grafana is empty', () => {
    const plan = planActions({ desired, live: new Map(), handlers: HANDLERS, prune: false });
    expect(plan.counts).toEqual({ create: desired.length, update: 0, delete: 0, noop: 0 });
    const kinds = plan.actions.map((a) => a.kind);
    expect(kinds.indexOf('Folder')).toBeLessThan(kinds.indexOf('DataSource'));
    expect(kinds.indexOf('ContactPoint')).toBeLessThan(kinds.indexOf('NotificationPolicyTree'));
    expect(kinds.lastIndexOf('AlertRuleGroup')).toBeLessThan(kinds.indexOf('Dashboard'));
  });

  it('deletes nothing without prune, and with prune only owned objects, listed first', () => {
    const live = liveOf([
      folderLive('services', true),
      folderLive('old-owned', true),
      folderLive('someone-elses', false),
    ]);
    expect(planActions({ desired, live, handlers: HANDLERS, prune: false }).counts.delete).toBe(0);
    const plan = planActions({ desired, live, handlers: HANDLERS, prune: true });
    expect(plan.actions.filter((a) => a.type === 'delete').map((a) => a.ref)).toEqual(['Folder/old-owned']);
    expect(plan.actions[0]?.type).toBe('delete');
  });

  it('reports field-level changes of an object that differs, and no-ops for equal ones', () => {
    const services = folderLive('services', true);
    const plan = planActions({ desired, live: liveOf([services]), handlers: HANDLERS, prune: false });
    const action = plan.actions.find((a) => a.ref === 'Folder/services');
    expect(action?.type).toBe('update');
    expect(action?.changes).toEqual([{ path: 'spec.title', before: 'services', after: 'Services' }]);
    const same = { ...services, body: { uid: 'services', title: 'Services' } };
    expect(
      planActions({ desired, live: liveOf([same]), handlers: HANDLERS, prune: false }).actions.find(
        (a) => a.ref === 'Folder/services',
      )?.type,
    ).toBe('noop');
  });

  it('limits the run to --only globs, for creations and deletions alike', () => {
    const only = refMatcher(['Dashboard/*', 'Folder/old-*']);
    const live = liveOf([folderLive('old-owned', true), folderLive('other', true)]);
    const plan = planActions({ desired, live, handlers: HANDLERS, prune: true, only });
    expect(plan.actions.map((a) => `${a.type} ${a.ref}`)).toEqual([
      'delete Folder/old-owned',
      'create Dashboard/red',
    ]);
  });

  it('matches globs on whole refs', () => {
    const match = refMatcher(['AlertRuleGroup/api?', 'Dashboard/red']);
    expect(
      ['AlertRuleGroup/api1', 'AlertRuleGroup/api', 'Dashboard/red', 'Dashboard/reddish'].map((r) =>
        match(r as ResourceRef),
      ),
    ).toEqual([true, false, true, false]);
  });
});
