import type { ProfileName } from '../../src/simulator/profiles.ts';
import type { JsonObject } from '../../src/core/json.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { alertRule, arr, client, NO_PROVENANCE, obj, simulator } from './helpers.ts';

let sim: Simulator;
beforeEach(async () => {
  sim = await simulator();
  await client(sim).post('/api/folders', { uid: 'alerts', title: 'Alerts' });
  await client(sim).post('/api/folders', { uid: 'other', title: 'Other' });
});
afterEach(async () => sim.close());

const GROUP = '/api/v1/provisioning/folder/alerts/rule-groups/api';

async function group(): Promise<JsonObject> {
  return obj((await client(sim).get(GROUP)).json);
}

async function titles(): Promise<unknown[]> {
  return arr((await group())['rules']).map((r) => obj(r)['title']);
}

describe('GET rule group', () => {
  it('answers 404 alerting.alert-rule.notFound for a group without rules', async () => {
    const r = await client(sim).get(GROUP);
    expect(r.status).toBe(404);
    expect(r.json).toEqual({
      statusCode: 404,
      messageId: 'alerting.alert-rule.notFound',
      message: 'Not found',
    });
  });
});

describe('PUT rule group', () => {
  it('answers 200 with an echo of the request (no uids, ids or provenance, title/folder from the path)', async () => {
    const r = await client(sim).put(GROUP, {
      title: 'ignored',
      folderUid: 'ignored',
      interval: 60,
      rules: [alertRule({ for: '60s' })],
    });
    expect(r.status).toBe(200);
    const echo = obj(r.json);
    expect(echo['title']).toBe('api');
    expect(echo['folderUid']).toBe('alerts');
    expect(echo['interval']).toBe(60);
    const rule = obj(arr(echo['rules'])[0]);
    expect(rule).toMatchObject({
      id: 0,
      uid: '',
      orgID: 0,
      folderUID: '',
      ruleGroup: '',
      for: '1m',
      updated: '0001-01-01T00:00:00Z',
    });
    expect(rule['provenance']).toBeUndefined();
    expect(obj(arr(rule['data'])[0])['model']).toEqual({
      expr: 'sum(rate(errors_total[5m])) > 0',
      refId: 'A',
    });
    const stored = obj(arr((await group())['rules'])[0]);
    expect(String(stored['uid'])).toMatch(/^[a-z0-9]{14}$/);
    expect(stored['provenance']).toBe('api');
    expect(obj(obj(arr(stored['data'])[0])['model'])['maxDataPoints']).toBe(43200);
  });

  it('refuses the whole group when one rule links a dashboard without a panel (SetDashboardAndPanelFromAnnotations)', async () => {
    const r = await client(sim).put(GROUP, {
      interval: 60,
      rules: [
        alertRule({ title: 'linked', annotations: { __dashboardUid__: 'red', __panelId__: '4' } }),
        alertRule({ title: 'half', annotations: { __dashboardUid__: 'red' } }),
      ],
    });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      message: 'invalid alert rule: both annotations __dashboardUid__ and __panelId__ must be specified',
    });
    expect((await client(sim).get(GROUP)).status).toBe(404);
  });

  it('replaces: deletes rules missing from the payload, creates uid-less ones, keeps order', async () => {
    const api = client(sim);
    await api.put(GROUP, {
      interval: 60,
      rules: [alertRule({ uid: 'a', title: 'A' }), alertRule({ uid: 'b', title: 'B' })],
    });
    await api.put(GROUP, {
      interval: 60,
      rules: [alertRule({ uid: 'b', title: 'B' }), alertRule({ title: 'C' })],
    });
    expect(await titles()).toEqual(['B', 'C']);
    expect((await api.get('/api/v1/provisioning/alert-rules/a')).status).toBe(404);
  });

  it('moves a rule whose uid lives in another group', async () => {
    const api = client(sim);
    await api.put('/api/v1/provisioning/folder/other/rule-groups/old', {
      interval: 60,
      rules: [alertRule({ uid: 'm', title: 'Moved' })],
    });
    await api.put(GROUP, { interval: 120, rules: [alertRule({ uid: 'm', title: 'Moved' })] });
    const moved = obj((await api.get('/api/v1/provisioning/alert-rules/m')).json);
    expect(moved).toMatchObject({ folderUID: 'alerts', ruleGroup: 'api' });
    expect((await api.get('/api/v1/provisioning/folder/other/rule-groups/old')).status).toBe(404);
    expect((await group())['interval']).toBe(120);
  });

  it('changes only the interval when rules is absent, and deletes every rule for rules: []', async () => {
    const api = client(sim);
    await api.put(GROUP, { interval: 60, rules: [alertRule({ title: 'A' })] });
    const r = await api.put(GROUP, { interval: 300 });
    expect(obj(r.json)['rules']).toBeNull();
    expect(await group()).toMatchObject({ interval: 300 });
    expect(await titles()).toEqual(['A']);
    await api.put(GROUP, { interval: 300, rules: [] });
    expect((await api.get(GROUP)).status).toBe(404);
  });

  it('does nothing when the delta is empty (no rewrite, no provenance change)', async () => {
    const api = client(sim);
    await api.put(GROUP, { interval: 60, rules: [alertRule({ uid: 'a', title: 'A', for: '1m' })] });
    const before = sim.state().rules[0];
    await api.put(
      GROUP,
      { interval: 60, rules: [alertRule({ uid: 'a', title: 'A', for: '60s' })] },
      NO_PROVENANCE,
    );
    expect(sim.state().rules[0]).toEqual(before);
  });

  it.each([0, 15, -10])('rejects interval %d (multiples of 10 s only)', async (interval) => {
    const r = await client(sim).put(GROUP, { interval, rules: [alertRule()] });
    expect(r.status).toBe(400);
    expect(String(obj(r.json)['message'])).toMatch(
      /^invalid alert rule: interval \(-?\d+s\) should be non-zero and divided exactly by scheduler interval: 10$/,
    );
  });

  it('validates every rule of the payload', async () => {
    const r = await client(sim).put(GROUP, { interval: 60, rules: [alertRule(), alertRule({ title: '' })] });
    expect(r.json).toEqual({ message: 'invalid alert rule: title is empty' });
    expect((await client(sim).get(GROUP)).status).toBe(404);
  });

  it('allows an api group to be taken over with X-Disable-Provenance (group rule), unlike a single rule', async () => {
    const api = client(sim);
    await api.put(GROUP, { interval: 60, rules: [alertRule({ uid: 'a', title: 'A' })] });
    const r = await api.put(
      GROUP,
      { interval: 60, rules: [alertRule({ uid: 'a', title: 'A2' })] },
      NO_PROVENANCE,
    );
    expect(r.status).toBe(200);
    expect(obj(arr((await group())['rules'])[0])['provenance']).toBeUndefined();
  });
});

describe('DELETE rule group', () => {
  it('answers 204, then 404 once the group is gone', async () => {
    const api = client(sim);
    await api.put(GROUP, { interval: 60, rules: [alertRule()] });
    expect((await api.del(GROUP)).status).toBe(204);
    expect((await api.del(GROUP)).status).toBe(404);
  });

  it('does not exist on 10.4', async () => {
    await sim.close();
    sim = await simulator({ profile: '10.4' });
    expect((await client(sim).del(GROUP)).json).toEqual({ message: 'Not found' });
  });
});

/**
 * On a fresh simulator of `profile`: a group of one rule whose provenance is then set to `stored` (as file
 * provisioning or the Prometheus conversion would leave it), replaced with a change and no provenance.
 */
async function replaceWithoutProvenance(
  profile: ProfileName,
  stored: string,
): Promise<{ status: number; json: unknown }> {
  await sim.close();
  sim = await simulator({ profile });
  await client(sim).post('/api/folders', { uid: 'alerts', title: 'Alerts' });
  await client(sim).put(GROUP, { interval: 60, rules: [alertRule({ uid: 'a', title: 'A' })] });
  sim.admin.mark({ kind: 'rule', uid: 'a', provenance: stored });
  return client(sim).put(
    GROUP,
    { interval: 60, rules: [alertRule({ uid: 'a', title: 'A', for: '15m' })] },
    NO_PROVENANCE,
  );
}

describe('rule-group provenance mismatch', () => {
  it.each([
    ['10.4', 500],
    ['11.2', 500],
    ['11.6', 409],
    ['12.x', 409],
    ['13.x', 409],
  ] as const)(
    '%s: replacing a file-provisioned group without provenance answers %i (409 alerting.provenanceMismatch in newer releases)',
    async (profile, status) => {
      const r = await replaceWithoutProvenance(profile, 'file');
      expect(r.status).toBe(status);
      const message = "cannot update with provided provenance '', needs 'file'";
      expect(r.json).toEqual(
        status === 500
          ? { message }
          : {
              statusCode: 409,
              messageId: 'alerting.provenanceMismatch',
              message,
              extra: { Operation: 'update', ProvidedProvenance: '', StoredProvenance: 'file' },
            },
      );
    },
  );
});

describe('converted_prometheus provenance', () => {
  it.each([
    ['11.2', 500],
    ['11.6', 200],
  ] as const)('%s: resetting a converted group to none answers %i', async (profile, status) => {
    expect((await replaceWithoutProvenance(profile, 'converted_prometheus')).status).toBe(status);
  });
});
