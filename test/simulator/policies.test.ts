import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { client, NO_PROVENANCE, obj, simulator } from './helpers.ts';

let sim: Simulator;
afterEach(async () => sim.close());

const POLICIES = '/api/v1/provisioning/policies';
const DEFAULT_TREE = { receiver: 'grafana-default-email', group_by: ['grafana_folder', 'alertname'] };

describe('notification policies', () => {
  it('start with the default tree without provenance', async () => {
    sim = await simulator();
    expect((await client(sim).get(POLICIES)).json).toEqual(DEFAULT_TREE);
  });

  it('PUT answers 202 and GET returns the canonical tree with provenance', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/v1/provisioning/mute-timings', {
      name: 'weekends',
      time_intervals: [{ weekdays: ['saturday', 'sunday'] }],
    });
    const r = await api.put(POLICIES, {
      receiver: 'grafana-default-email',
      group_by: ['alertname'],
      group_wait: '30s',
      repeat_interval: '240m',
      routes: [
        {
          receiver: 'grafana-default-email',
          matchers: ['severity=critical'],
          continue: false,
          routes: [],
          mute_time_intervals: ['weekends'],
        },
        { object_matchers: [['team', '=~', 'a|b']], group_interval: '60s', continue: true },
      ],
    });
    expect(r.status).toBe(202);
    expect(r.json).toEqual({ message: 'policies updated' });
    expect((await api.get(POLICIES)).json).toEqual({
      receiver: 'grafana-default-email',
      group_by: ['alertname'],
      routes: [
        {
          receiver: 'grafana-default-email',
          matchers: ['severity="critical"'],
          mute_time_intervals: ['weekends'],
        },
        { object_matchers: [['team', '=~', 'a|b']], continue: true, group_interval: '1m' },
      ],
      group_wait: '30s',
      repeat_interval: '4h',
      provenance: 'api',
    });
  });

  it.each([
    [
      'an unknown receiver',
      { receiver: 'grafana-default-email', routes: [{ receiver: 'nobody' }] },
      "receiver 'nobody' does not exist",
    ],
    ['no root receiver', { routes: [] }, 'root route must specify a default receiver'],
    [
      'root matchers',
      { receiver: 'grafana-default-email', object_matchers: [['a', '=', 'b']] },
      'root route must not have any matchers',
    ],
    [
      'an unknown mute timing',
      { receiver: 'grafana-default-email', routes: [{ mute_time_intervals: ['never'] }] },
      "mute time interval 'never' does not exist",
    ],
  ])('rejects a tree with %s (errutil from 11.6)', async (_what, tree, reason) => {
    sim = await simulator();
    const r = await client(sim).put(POLICIES, tree);
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      statusCode: 400,
      messageId: 'alerting.notifications.routes.invalidFormat',
      message: `Invalid format of the submitted route: ${reason}. Correct the payload and try again.`,
      extra: { Error: reason },
    });
  });

  it('uses "invalid object specification" on 11.2', async () => {
    sim = await simulator({ profile: '11.2' });
    const r = await client(sim).put(POLICIES, { receiver: 'nobody' });
    expect(r.json).toEqual({ message: "invalid object specification: receiver 'nobody' does not exist" });
  });

  it('DELETE answers 202 with the default tree and clears provenance', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.put(POLICIES, { receiver: 'grafana-default-email', group_by: ['x'] });
    const r = await api.del(POLICIES);
    expect(r.status).toBe(202);
    expect(r.json).toEqual(DEFAULT_TREE);
    expect((await api.get(POLICIES)).json).toEqual(DEFAULT_TREE);
  });

  it('DELETE re-creates the default receiver when it was deleted', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/v1/provisioning/contact-points', {
      uid: 'ops',
      name: 'ops',
      type: 'email',
      settings: { addresses: 'o@x' },
    });
    await api.put(POLICIES, { receiver: 'ops' });
    sim.ui.deleteContactPoint('');
    expect(sim.state().integrations.map((i) => i.name)).toEqual(['ops']);
    await api.del(POLICIES);
    expect(
      sim
        .state()
        .integrations.map((i) => i.name)
        .sort(),
    ).toEqual(['grafana-default-email', 'ops']);
  });

  it('refuses to move an api tree to none (403), but a none tree may become api', async () => {
    sim = await simulator();
    const api = client(sim);
    expect((await api.put(POLICIES, DEFAULT_TREE, NO_PROVENANCE)).status).toBe(202);
    expect((await api.put(POLICIES, DEFAULT_TREE)).status).toBe(202);
    const r = await api.put(POLICIES, DEFAULT_TREE, NO_PROVENANCE);
    expect(r.status).toBe(403);
    expect(obj(r.json)['messageId']).toBe('alerting.notifications.invalidProvenance');
  });

  it('uses the 12.x wording of the provenance error', async () => {
    sim = await simulator({ profile: '12.x' });
    const api = client(sim);
    await api.put(POLICIES, DEFAULT_TREE);
    const r = await api.put(POLICIES, DEFAULT_TREE, NO_PROVENANCE);
    expect(obj(r.json)['message']).toBe(
      "Resource with provenance status 'api' cannot be changed to 'none'. You must use appropriate API and permissions to manage this resource",
    );
  });

  it('does not check provenance on 10.4', async () => {
    sim = await simulator({ profile: '10.4' });
    const api = client(sim);
    await api.put(POLICIES, DEFAULT_TREE);
    expect((await api.put(POLICIES, DEFAULT_TREE, NO_PROVENANCE)).status).toBe(202);
  });
});
