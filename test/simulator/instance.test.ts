import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { client, obj, simulator } from './helpers.ts';

let sim: Simulator;
afterEach(async () => sim.close());

describe('instance endpoints', () => {
  it.each([
    ['10.4', '10.4.18'],
    ['11.2', '11.2.10'],
    ['11.6', '11.6.4'],
    ['12.x', '12.1.1'],
    ['13.x', '13.0.1'],
  ] as const)('reports Grafana %s as version %s in /api/health and buildInfo', async (profile, version) => {
    sim = await simulator({ profile });
    const health = await client(sim, null).get('/api/health');
    expect(health.json).toEqual({ commit: sim.profile.commit, database: 'ok', version });
    const settings = await client(sim).get('/api/frontend/settings');
    expect(obj(obj(settings.json)['buildInfo'])['version']).toBe(version);
  });

  it('answers /api/health pretty-printed, database first, with charset (apiHealthHandler)', async () => {
    sim = await simulator();
    const response = await fetch(`${sim.url}/api/health`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(await response.text()).toBe(
      `{\n  "database": "ok",\n  "version": "11.6.4",\n  "commit": "${sim.profile.commit}"\n}`,
    );
  });

  it('reports a configured version string', async () => {
    sim = await simulator({ version: '11.5.0-pre' });
    expect(obj((await client(sim).get('/api/health')).json)['version']).toBe('11.5.0-pre');
  });

  it('requires authentication for frontend settings', async () => {
    sim = await simulator();
    expect((await client(sim, null).get('/api/frontend/settings')).status).toBe(401);
  });

  it('returns the signed-in user and the organisation', async () => {
    sim = await simulator();
    const user = obj((await client(sim).get('/api/user')).json);
    expect(user).toMatchObject({ orgId: 1, login: 'sa-1-publisher', isGrafanaAdmin: false });
    expect(user['createdAt']).toBeTypeOf('string');
    const org = await client(sim).get('/api/org');
    expect(org.json).toEqual({
      id: 1,
      name: 'Main Org.',
      address: { address1: '', address2: '', city: '', zipCode: '', state: '', country: '' },
    });
  });

  it('gives service accounts a minimal /api/user profile on 12.x', async () => {
    sim = await simulator({ profile: '12.x' });
    const user = obj((await client(sim).get('/api/user')).json);
    expect(Object.keys(user).sort()).toEqual(['email', 'isGrafanaAdmin', 'login', 'name', 'orgId', 'uid']);
  });

  it('answers an unknown API path with 404 {"message":"Not found"}', async () => {
    sim = await simulator();
    const r = await client(sim).get('/api/nothing-here');
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ message: 'Not found' });
  });
});
