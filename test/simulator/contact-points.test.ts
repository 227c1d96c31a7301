import { PROFILE_NAMES } from '../../src/simulator/profiles.ts';
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { alertRule, arr, client, NO_PROVENANCE, obj, simulator, str } from './helpers.ts';

let sim: Simulator;
afterEach(async () => sim.close());

const CP = '/api/v1/provisioning/contact-points';
const pagerduty = {
  uid: 'pd',
  name: 'critical',
  type: 'pagerduty',
  settings: { integrationKey: 'pd-secret', severity: 'critical' },
};

describe('contact points', () => {
  it('start with the default grafana-default-email receiver', async () => {
    sim = await simulator();
    expect((await client(sim).get(CP)).json).toEqual([
      {
        uid: '',
        name: 'grafana-default-email',
        type: 'email',
        settings: { addresses: '<example@email.com>' },
        disableResolveMessage: false,
      },
    ]);
  });

  it('POST answers 202 with the created object, secrets redacted and provenance api', async () => {
    sim = await simulator();
    const r = await client(sim).post(CP, pagerduty);
    expect(r.status).toBe(202);
    expect(r.json).toEqual({
      uid: 'pd',
      name: 'critical',
      type: 'pagerduty',
      settings: { integrationKey: '[REDACTED]', severity: 'critical' },
      disableResolveMessage: false,
      provenance: 'api',
    });
  });

  it('GET is sorted by name, redacts set secrets and hides empty ones', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post(CP, {
      name: 'zz-slack',
      type: 'slack',
      settings: { url: 'https://hooks/x', token: '', recipient: '#ops' },
    });
    await api.post(CP, pagerduty);
    const list = arr((await api.get(CP)).json).map(obj);
    expect(list.map((c) => c['name'])).toEqual(['critical', 'grafana-default-email', 'zz-slack']);
    expect(list[2]?.['settings']).toEqual({ url: '[REDACTED]', recipient: '#ops' });
    expect(arr((await api.get(`${CP}?name=critical`)).json)).toHaveLength(1);
  });

  it('POST with an existing name appends another integration (not idempotent)', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post(CP, { name: 'team', type: 'email', settings: { addresses: 'a@x' } });
    await api.post(CP, { name: 'team', type: 'email', settings: { addresses: 'a@x' } });
    expect(arr((await api.get(`${CP}?name=team`)).json)).toHaveLength(2);
  });

  it('PUT answers 202 {"message":"contactpoint updated"} and restores "[REDACTED]" values', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post(CP, pagerduty);
    const read = obj(arr((await api.get(`${CP}?name=critical`)).json)[0]);
    const settings = { ...obj(read['settings']), severity: 'error' };
    const r = await api.put(`${CP}/pd`, { ...read, settings });
    expect(r.status).toBe(202);
    expect(r.json).toEqual({ message: 'contactpoint updated' });
    const stored = sim.state().integrations.find((i) => i.uid === 'pd');
    expect(stored?.settings).toEqual({ integrationKey: 'pd-secret', severity: 'error' });
    await api.put(`${CP}/pd`, { ...read, settings: { integrationKey: 'new-secret' } });
    expect(sim.state().integrations.find((i) => i.uid === 'pd')?.settings['integrationKey']).toBe(
      'new-secret',
    );
  });

  it('validates the integration', async () => {
    sim = await simulator();
    const r = await client(sim).post(CP, { name: 'x', type: 'pagerduty', settings: {} });
    expect(r.status).toBe(400);
    expect(str(obj(r.json)['message'])).toMatch(/^invalid object specification: /);
    expect((await client(sim).post(CP, { name: 'x', type: 'carrier-pigeon', settings: {} })).status).toBe(
      400,
    );
  });

  it('knows types by the names Grafana gives them, prometheus-alertmanager and LINE, whatever their case; not alertmanager', async () => {
    sim = await simulator();
    const api = client(sim);
    const am = await api.post(CP, {
      name: 'am',
      type: 'prometheus-alertmanager',
      settings: { url: 'http://am:9093', basicAuthPassword: 'pw-canary' },
    });
    expect(am.status).toBe(202);
    expect(obj(obj(am.json)['settings'])['basicAuthPassword']).toBe('[REDACTED]');
    const line = await api.post(CP, { name: 'line', type: 'line', settings: { token: 'tok-canary' } });
    expect(line.status).toBe(202);
    expect(obj(obj(line.json)['settings'])['token']).toBe('[REDACTED]');
    const wrong = await api.post(CP, {
      name: 'x',
      type: 'alertmanager',
      settings: { url: 'http://am:9093' },
    });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.json)).toContain('notifier alertmanager is not supported');
  });

  it.each([
    ['10.4', 'sns', 400],
    ['11.2', 'sns', 202],
    ['11.2', 'mqtt', 400],
    ['11.6', 'jira', 202],
  ] as const)(
    'on %s, type %s answers %i (types grafana/alerting added later)',
    async (profile, type, status) => {
      sim = await simulator({ profile });
      const r = await client(sim).post(CP, { name: 'later', type, settings: {} });
      expect(r.status).toBe(status);
    },
  );

  it('PUT of an unknown uid is 404 from 11.2 and 500 on 10.4', async () => {
    sim = await simulator();
    expect((await client(sim).put(`${CP}/nope`, pagerduty)).status).toBe(404);
    await sim.close();
    sim = await simulator({ profile: '10.4' });
    const legacy = await client(sim).put(`${CP}/nope`, pagerduty);
    expect(legacy.status).toBe(500);
    expect(legacy.json).toEqual({ message: "contact point with uid 'nope' not found" });
  });

  it('DELETE answers 202 and refuses receivers a policy or rule references with 409', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post(CP, pagerduty);
    await api.post(CP, { uid: 'mail', name: 'mail', type: 'email', settings: { addresses: 'a@x' } });
    await api.put('/api/v1/provisioning/policies', {
      receiver: 'grafana-default-email',
      routes: [{ receiver: 'critical', object_matchers: [['severity', '=', 'critical']] }],
    });
    const referenced = await api.del(`${CP}/pd`);
    expect(referenced.status).toBe(409);
    expect(obj(referenced.json)['messageId']).toBe('alerting.notifications.contact-points.referenced');
    await api.post('/api/folders', { uid: 'f', title: 'F' });
    await api.post(
      '/api/v1/provisioning/alert-rules',
      alertRule({ folderUID: 'f', ruleGroup: 'g', notification_settings: { receiver: 'mail' } }),
    );
    expect(obj((await api.del(`${CP}/mail`)).json)['messageId']).toBe(
      'alerting.notifications.contact-points.used-by-rule',
    );
    const other = await api.post(CP, { name: 'spare', type: 'email', settings: { addresses: 'b@x' } });
    const del = await api.del(`${CP}/${str(obj(other.json)['uid'])}`);
    expect(del.status).toBe(202);
    expect(del.json).toEqual({ message: 'contactpoint deleted' });
  });

  it('a referenced receiver can lose one of several integrations', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post(CP, {
      uid: 'extra',
      name: 'grafana-default-email',
      type: 'email',
      settings: { addresses: 'b@x' },
    });
    expect((await api.del(`${CP}/extra`)).status).toBe(202);
  });

  it('renaming the only integration of a receiver renames the policy references too', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post(CP, pagerduty);
    await api.put('/api/v1/provisioning/policies', {
      receiver: 'grafana-default-email',
      routes: [{ receiver: 'critical' }],
    });
    await api.put(`${CP}/pd`, { ...pagerduty, name: 'pager' });
    const tree = obj((await api.get('/api/v1/provisioning/policies')).json);
    expect(obj(arr(tree['routes'])[0])['receiver']).toBe('pager');
  });

  it('a receiver rename reaches nested routes and rule notification settings, and nothing else', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post(CP, pagerduty);
    await api.post('/api/folders', { uid: 'f', title: 'F' });
    await api.put('/api/v1/provisioning/policies', {
      receiver: 'grafana-default-email',
      routes: [{ receiver: 'grafana-default-email', routes: [{ receiver: 'critical' }] }],
    });
    const rule = alertRule({
      uid: 'r',
      folderUID: 'f',
      ruleGroup: 'g',
      notification_settings: { receiver: 'critical' },
    });
    expect((await api.post('/api/v1/provisioning/alert-rules', rule)).status).toBe(201);
    await api.put(`${CP}/pd`, { ...pagerduty, name: 'pager' });
    const tree = obj((await api.get('/api/v1/provisioning/policies')).json);
    const child = obj(arr(tree['routes'])[0]);
    expect(tree['receiver']).toBe('grafana-default-email');
    expect(child['receiver']).toBe('grafana-default-email');
    expect(obj(arr(child['routes'])[0])['receiver']).toBe('pager');
    const stored = obj((await api.get('/api/v1/provisioning/alert-rules/r')).json);
    expect(obj(stored['notification_settings'])['receiver']).toBe('pager');
    expect((await api.del(`${CP}/pd`)).status).toBe(409);
  });
});

describe('contact point provenance', () => {
  it('PUT of an api contact point with X-Disable-Provenance is a 500', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post(CP, pagerduty);
    const r = await api.put(`${CP}/pd`, pagerduty, NO_PROVENANCE);
    expect(r.status).toBe(500);
    expect(r.json).toEqual({ message: "cannot change provenance from 'api' to ''" });
  });

  it('an unlocked contact point can later be managed with or without the header', async () => {
    sim = await simulator();
    const api = client(sim);
    const created = await api.post(CP, pagerduty, NO_PROVENANCE);
    expect(obj(created.json)['provenance']).toBeUndefined();
    expect((await api.put(`${CP}/pd`, pagerduty)).status).toBe(202);
    expect(obj(arr((await api.get(`${CP}?name=critical`)).json)[0])['provenance']).toBe('api');
  });

  it.each(PROFILE_NAMES)(
    '%s: DELETE takes no provenance (DeleteContactPoint has no such parameter): an api contact point goes with the header too',
    async (profile) => {
      sim = await simulator({ profile });
      await client(sim).post(CP, pagerduty);
      const r = await client(sim).del(`${CP}/pd`, NO_PROVENANCE);
      expect(r.status).toBe(202);
      expect(sim.state().integrations.map((i) => i.uid)).not.toContain('pd');
    },
  );
});
