import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { TEST_DOUBLE_NOTICE } from '../../src/simulator/index.ts';
import { alertRule, arr, client, obj, simulator } from './helpers.ts';

let sim: Simulator;
afterEach(async () => sim.close());

const admin = (sim: Simulator, method: string, path: string, body?: unknown): Promise<Response> =>
  fetch(`${sim.url}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

describe('admin endpoints', () => {
  it('say that this is a test double, without authentication', async () => {
    sim = await simulator({ token: 'only-this' });
    const r = await admin(sim, 'GET', '/__sim');
    expect(await r.json()).toEqual({ notice: TEST_DOUBLE_NOTICE, profile: '11.6', version: '11.6.4' });
  });

  it('need the configured token for everything but the notice, since the state holds secrets', async () => {
    sim = await simulator({ token: 'only-this', viewerToken: 'viewer' });
    await client(sim, 'Bearer only-this').post('/api/datasources', {
      uid: 'p',
      name: 'P',
      type: 'prometheus',
      access: 'proxy',
      secureJsonData: { password: 'hunter2' },
    });
    const call = (method: string, path: string, authorization?: string): Promise<Response> =>
      fetch(`${sim.url}${path}`, {
        method,
        headers: authorization === undefined ? {} : { authorization },
      });
    const anonymous = await call('GET', '/__sim/state');
    expect(anonymous.status).toBe(401);
    const anonymousText = await anonymous.text();
    expect(JSON.parse(anonymousText)).toMatchObject({ messageId: 'auth.unauthorized' });
    expect(anonymousText).not.toContain('hunter2');
    for (const wrong of ['Bearer viewer', 'Bearer only-thi', 'Basic YWRtaW46YWRtaW4='])
      expect((await call('GET', '/__sim/state', wrong)).status).toBe(401);
    expect((await call('POST', '/__sim/reset')).status).toBe(401);
    expect((await call('POST', '/__sim/faults')).status).toBe(401);
    expect(sim.state().datasources).toHaveLength(1);
    const state = await call('GET', '/__sim/state', 'Bearer only-this');
    expect(state.status).toBe(200);
    expect(await state.text()).toContain('hunter2');
    expect((await call('GET', '/__sim')).status).toBe(200);
  });

  it('log every request with its status and count only API writes', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.get('/api/folders');
    await api.post('/api/folders', { title: 'A' });
    await api.post('/api/folders', { title: '' });
    await admin(sim, 'POST', '/__sim/faults', {});
    expect(sim.requests.countWrites()).toBe(2);
    expect(sim.requests.countWrites({ successfulOnly: true })).toBe(1);
    expect(sim.requests.countWrites({ pathPrefix: '/api/dashboards' })).toBe(0);
    const log = obj(await (await admin(sim, 'GET', '/__sim/requests')).json());
    expect(log['writes']).toBe(2);
    expect(
      arr(log['entries']).map((e) => [obj(e)['method'], obj(e)['path'], obj(e)['status'], obj(e)['admin']]),
    ).toEqual([
      ['GET', '/api/folders', 200, false],
      ['POST', '/api/folders', 200, false],
      ['POST', '/api/folders', 400, false],
      ['POST', '/__sim/faults', 200, true],
      ['GET', '/__sim/requests', 0, true],
    ]);
    await admin(sim, 'DELETE', '/__sim/requests');
    expect(sim.requests.entries).toHaveLength(0);
  });

  it('reset the organisation to its initial state', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/folders', { title: 'A' });
    await api.put('/api/v1/provisioning/policies', { receiver: 'grafana-default-email', group_by: ['x'] });
    expect((await admin(sim, 'POST', '/__sim/reset')).status).toBe(200);
    const state = obj(await (await admin(sim, 'GET', '/__sim/state')).json());
    expect(state['folders']).toEqual([]);
    expect(obj(state['policy'])).toEqual({
      tree: { receiver: 'grafana-default-email', group_by: ['grafana_folder', 'alertname'] },
      provenance: '',
    });
    expect(sim.requests.countWrites()).toBe(0);
  });

  it('mark dashboards as provisioned and data sources as read-only', async () => {
    sim = await simulator();
    await client(sim).post('/api/datasources', { uid: 'p', name: 'P', type: 'prometheus', access: 'proxy' });
    expect(
      (await admin(sim, 'POST', '/__sim/mark', { kind: 'datasource', uid: 'p', readOnly: true })).status,
    ).toBe(200);
    expect((await client(sim).del('/api/datasources/uid/p')).status).toBe(403);
    expect((await admin(sim, 'POST', '/__sim/mark', { kind: 'dashboard', uid: 'nope' })).status).toBe(404);
  });

  it('make UI edits over HTTP for tests in another process', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/folders', { uid: 'f', title: 'F' });
    await api.post('/api/dashboards/db', { dashboard: { uid: 'd', title: 'D', panels: [{ id: 1 }] } });
    const saved = await admin(sim, 'POST', '/__sim/ui/dashboards/d', {
      patch: { title: 'Edited', panels: null },
    });
    expect(await saved.json()).toEqual({ message: 'dashboard saved', version: 2 });
    const dash = obj(obj((await api.get('/api/dashboards/uid/d')).json)['dashboard']);
    expect(dash['title']).toBe('Edited');
    expect(dash['panels']).toBeUndefined();

    await api.put('/api/v1/provisioning/folder/f/rule-groups/g', {
      interval: 60,
      rules: [alertRule({ uid: 'r' })],
    });
    const group = obj((await api.get('/api/v1/provisioning/folder/f/rule-groups/g')).json);
    const rules = arr(group['rules']).map(obj);
    const edited = await admin(sim, 'PUT', '/__sim/ui/rule-groups/f/g', {
      interval: 120,
      rules: rules.map((r) => ({ ...r, labels: { severity: 'warning' } })),
    });
    expect(edited.status).toBe(200);
    const after = obj(
      arr(obj((await api.get('/api/v1/provisioning/folder/f/rule-groups/g')).json)['rules'])[0],
    );
    expect(after).toMatchObject({ labels: { severity: 'warning' }, provenance: 'api' });

    await admin(sim, 'PUT', '/__sim/ui/policies', { receiver: 'grafana-default-email', group_by: ['team'] });
    expect(obj((await api.get('/api/v1/provisioning/policies')).json)['group_by']).toEqual(['team']);
    expect((await admin(sim, 'POST', '/__sim/ui/dashboards/nope', { patch: {} })).status).toBe(400);
    expect(sim.requests.countWrites()).toBe(3);
  });

  it('answer unknown admin paths with 404', async () => {
    sim = await simulator();
    expect((await admin(sim, 'GET', '/__sim/nothing')).status).toBe(404);
  });
});
