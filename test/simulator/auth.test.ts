import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { basic, client, obj, simulator, TOKEN } from './helpers.ts';

let sim: Simulator;
afterEach(async () => sim.close());

describe('authentication', () => {
  it('answers /api/health without credentials', async () => {
    sim = await simulator();
    const r = await client(sim, null).get('/api/health');
    expect(r.status).toBe(200);
  });

  it('rejects a request without credentials with the errutil 401 body', async () => {
    sim = await simulator();
    const r = await client(sim, null).get('/api/folders');
    expect(r.status).toBe(401);
    expect(r.json).toEqual({
      extra: null,
      message: 'Unauthorized',
      messageId: 'auth.unauthorized',
      statusCode: 401,
      traceID: '',
    });
  });

  it('accepts any non-empty Bearer token and Basic admin:admin by default', async () => {
    sim = await simulator();
    expect((await client(sim, 'Bearer anything').get('/api/folders')).status).toBe(200);
    expect((await client(sim, basic('admin', 'admin')).get('/api/folders')).status).toBe(200);
    expect((await client(sim, 'Bearer ').get('/api/folders')).status).toBe(401);
  });

  it('accepts only the configured token and says "Invalid API key" for another one', async () => {
    sim = await simulator({ token: TOKEN });
    expect((await client(sim).get('/api/folders')).status).toBe(200);
    const r = await client(sim, 'Bearer glsa_wrong').get('/api/folders');
    expect(r.status).toBe(401);
    expect(r.json).toEqual({
      extra: null,
      message: 'Invalid API key',
      messageId: 'api-key.invalid',
      statusCode: 401,
      traceID: '',
    });
    expect((await client(sim, basic('admin', 'admin')).get('/api/folders')).status).toBe(200);
  });

  it('rejects a wrong password with password-auth.failed', async () => {
    sim = await simulator();
    const r = await client(sim, basic('admin', 'nope')).get('/api/folders');
    expect(r.status).toBe(401);
    expect(obj(r.json)).toMatchObject({
      messageId: 'password-auth.failed',
      message: 'Invalid username or password',
    });
  });

  it('blocks Basic auth for a login after five failures, even with the right password, with a 401', async () => {
    sim = await simulator();
    for (let i = 0; i < 5; i++) await client(sim, basic('admin', 'wrong')).get('/api/user');
    const r = await client(sim, basic('admin', 'admin')).get('/api/user');
    expect(r.status).toBe(401);
    expect(obj(r.json)).toMatchObject({ messageId: 'login-attempt.blocked' });
    expect((await client(sim).get('/api/user')).status).toBe(200);
  });

  it('gives a viewer token reads but answers its writes with the RBAC 403 body', async () => {
    sim = await simulator({ viewerToken: 'viewer-token' });
    const viewer = client(sim, 'Bearer viewer-token');
    expect((await viewer.get('/api/folders')).status).toBe(200);
    const r = await viewer.post('/api/folders', { title: 'Nope' });
    expect(r.status).toBe(403);
    const body = obj(r.json);
    expect(body['title']).toBe('Access denied');
    expect(body['message']).toBe(
      "You'll need additional permissions to perform this action. Permissions needed: folders:create",
    );
    expect(String(body['accessErrorId'])).toMatch(/^ACE\d{10}$/);
    const dash = await viewer.post('/api/dashboards/db', { dashboard: { title: 'x' } });
    expect(obj(dash.json)['message']).toContain(
      'Permissions needed: any of dashboards:create, dashboards:write',
    );
    expect(sim.state().folders).toEqual([]);
  });

  it('honours X-Grafana-Org-Id for Basic auth: an organisation admin is not a member of gets 403 everywhere', async () => {
    sim = await simulator();
    const other = client(sim, basic('admin', 'admin'));
    expect((await other.get('/api/folders', { 'x-grafana-org-id': '1' })).status).toBe(200);
    const r = await other.get('/api/folders', { 'x-grafana-org-id': '7' });
    expect(r.status).toBe(403);
    expect(obj(r.json)['message']).toContain('folders:read');
    expect(obj((await other.get('/api/user', { 'x-grafana-org-id': '7' })).json)['orgId']).toBe(-1);
  });

  it('ignores X-Grafana-Org-Id for token auth (tokens are pinned to their organisation)', async () => {
    sim = await simulator();
    const r = await client(sim).get('/api/org', { 'x-grafana-org-id': '7' });
    expect(r.status).toBe(200);
    expect(obj(r.json)['id']).toBe(1);
  });
});
