import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { arr, client, obj, simulator } from './helpers.ts';

let sim: Simulator;
afterEach(async () => sim.close());

const save = (sim: Simulator, body: object) => client(sim).post('/api/dashboards/db', body);

describe('POST /api/dashboards/db', () => {
  it('creates with version 1, owns id/uid/version and answers the success body (folderUid from 11)', async () => {
    sim = await simulator();
    await client(sim).post('/api/folders', { uid: 'f', title: 'F' });
    const r = await save(sim, {
      dashboard: { uid: 'svc', title: 'Service RED', id: null, version: 7 },
      folderUid: 'f',
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      folderUid: 'f',
      id: 2,
      slug: 'service-red',
      status: 'success',
      uid: 'svc',
      url: '/d/svc/service-red',
      version: 1,
    });
  });

  it('answers folderUid on 10.4 too (postDashboard; in the spec since 2024-01)', async () => {
    sim = await simulator({ profile: '10.4' });
    const r = await save(sim, { dashboard: { title: 'X' } });
    expect(obj(r.json)['folderUid']).toBe('');
  });

  it('generates a uid when none is given and validates given ones', async () => {
    sim = await simulator();
    const r = await save(sim, { dashboard: { title: 'No uid' } });
    expect(String(obj(r.json)['uid'])).toMatch(/^[a-z0-9]{14}$/);
    expect((await save(sim, { dashboard: { uid: 'a/b', title: 'x' } })).json).toEqual({
      message: 'uid contains illegal characters',
    });
    expect((await save(sim, { dashboard: { uid: 'x'.repeat(41), title: 'x' } })).json).toEqual({
      message: 'uid too long, max 40 characters',
    });
  });

  it('answers 412 version-mismatch for a stale version, and adopts the stored version with overwrite', async () => {
    sim = await simulator();
    await save(sim, { dashboard: { uid: 'd', title: 'D' } });
    await save(sim, { dashboard: { uid: 'd', title: 'D', version: 1 } });
    const stale = await save(sim, { dashboard: { uid: 'd', title: 'D', version: 1 } });
    expect(stale.status).toBe(412);
    expect(stale.json).toEqual({
      status: 'version-mismatch',
      message: 'The dashboard has been changed by someone else',
    });
    const noVersion = await save(sim, { dashboard: { uid: 'd', title: 'D' } });
    expect(noVersion.status).toBe(412);
    const forced = await save(sim, { dashboard: { uid: 'd', title: 'D', version: 99 }, overwrite: true });
    expect(obj(forced.json)['version']).toBe(3);
  });

  it('reads the version only when id or uid is present', async () => {
    sim = await simulator();
    const r = await save(sim, { dashboard: { title: 'Fresh', version: 42 } });
    expect(obj(r.json)['version']).toBe(1);
  });

  it('answers 404 not-found for an id that points nowhere', async () => {
    sim = await simulator();
    const r = await save(sim, { dashboard: { id: 999, title: 'X' } });
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ status: 'not-found', message: 'Dashboard not found' });
  });

  it('answers 400 "folder not found" for an unknown folderUid', async () => {
    sim = await simulator();
    const r = await save(sim, { dashboard: { title: 'X' }, folderUid: 'nope' });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ message: 'folder not found' });
  });

  it('moves an existing dashboard to the root when the update has no folderUid', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/folders', { uid: 'f', title: 'F' });
    await save(sim, { dashboard: { uid: 'd', title: 'D' }, folderUid: 'f' });
    await save(sim, { dashboard: { uid: 'd', title: 'D' }, overwrite: true });
    const meta = obj(obj((await api.get('/api/dashboards/uid/d')).json)['meta']);
    expect(meta['folderUid']).toBeUndefined();
    expect(meta['folderTitle']).toBe('General');
  });

  it('rejects an empty title with empty-name and malformed bodies with "bad request data"', async () => {
    sim = await simulator();
    expect((await save(sim, { dashboard: { title: '  ' } })).json).toEqual({
      status: 'empty-name',
      message: 'Dashboard title cannot be empty',
    });
    expect((await save(sim, {})).json).toEqual({ message: 'bad request data' });
    expect((await client(sim).post('/api/dashboards/db', '{not json')).json).toEqual({
      message: 'bad request data',
    });
  });

  it('increments the version and records history on every save, even without a change', async () => {
    sim = await simulator();
    const api = client(sim);
    for (let i = 0; i < 3; i++) await save(sim, { dashboard: { uid: 'd', title: 'D' }, overwrite: true });
    expect(obj(obj((await api.get('/api/dashboards/uid/d')).json)['dashboard'])['version']).toBe(3);
    expect(arr((await api.get('/api/dashboards/uid/d/versions')).json)).toHaveLength(3);
    expect(sim.state().dashboards[0]?.history.map((h) => h.version)).toEqual([1, 2, 3]);
  });

  it('raises a refresh below min_refresh_interval to the minimum instead of rejecting it', async () => {
    sim = await simulator();
    await save(sim, { dashboard: { uid: 'd', title: 'D', refresh: '1s' } });
    await save(sim, { dashboard: { uid: 'e', title: 'E', refresh: 'auto' } });
    const get = async (uid: string) =>
      obj(obj((await client(sim).get(`/api/dashboards/uid/${uid}`)).json)['dashboard']);
    expect((await get('d'))['refresh']).toBe('5s');
    expect((await get('e'))['refresh']).toBe('auto');
  });

  it('refuses to save or delete a file-provisioned dashboard and needs overwrite for a plugin dashboard', async () => {
    sim = await simulator();
    await save(sim, { dashboard: { uid: 'p', title: 'P' } });
    await save(sim, { dashboard: { uid: 'g', title: 'G' } });
    sim.admin.mark({ kind: 'dashboard', uid: 'p', provisioned: true });
    sim.admin.mark({ kind: 'dashboard', uid: 'g', pluginId: 'grafana-k8s-app' });
    expect((await save(sim, { dashboard: { uid: 'p', title: 'P', version: 1 } })).json).toEqual({
      message: 'Cannot save provisioned dashboard',
    });
    expect((await client(sim).del('/api/dashboards/uid/p')).json).toEqual({
      message: 'provisioned dashboard cannot be deleted',
    });
    const plugin = await save(sim, { dashboard: { uid: 'g', title: 'G', version: 1 } });
    expect(plugin.status).toBe(412);
    expect(plugin.json).toEqual({
      status: 'plugin-dashboard',
      message: 'The dashboard belongs to plugin grafana-k8s-app.',
    });
    expect(
      (await save(sim, { dashboard: { uid: 'g', title: 'G', version: 1 }, overwrite: true })).status,
    ).toBe(200);
    expect(obj(obj((await client(sim).get('/api/dashboards/uid/p')).json)['meta'])['provisioned']).toBe(true);
  });

  it('refuses a folder uid as dashboard uid and isFolder bodies', async () => {
    sim = await simulator();
    await client(sim).post('/api/folders', { uid: 'f', title: 'F' });
    expect((await save(sim, { dashboard: { uid: 'f', title: 'X' } })).json).toEqual({
      message: 'Dashboard cannot be changed to a folder',
    });
    expect((await save(sim, { dashboard: { title: 'X', isFolder: true } })).json).toEqual({
      message: 'Use folders endpoint for saving folders.',
    });
  });
});

describe('dashboard title rules', () => {
  it.each(['10.4', '11.2'] as const)(
    'on %s rejects a same-titled dashboard in the same folder with 412 name-exists',
    async (profile) => {
      sim = await simulator({ profile });
      await save(sim, { dashboard: { uid: 'a', title: 'Same' } });
      const r = await save(sim, { dashboard: { uid: 'b', title: 'Same' } });
      expect(r.status).toBe(412);
      expect(r.json).toEqual({
        status: 'name-exists',
        message: 'A dashboard with the same name in the folder already exists',
      });
    },
  );

  it('on 11.2 with overwrite silently takes the other same-titled dashboard over', async () => {
    sim = await simulator({ profile: '11.2' });
    await save(sim, { dashboard: { uid: 'a', title: 'Same', marker: 'first' } });
    const r = await save(sim, { dashboard: { uid: 'b', title: 'Same', marker: 'second' }, overwrite: true });
    expect(obj(r.json)).toMatchObject({ uid: 'a', version: 2 });
    expect((await client(sim).get('/api/dashboards/uid/b')).status).toBe(404);
    const a = obj(obj((await client(sim).get('/api/dashboards/uid/a')).json)['dashboard']);
    expect(a['marker']).toBe('second');
  });

  it('on 11.2 rejects a dashboard titled like any folder with 400', async () => {
    sim = await simulator({ profile: '11.2' });
    await client(sim).post('/api/folders', { uid: 'f', title: 'Platform' });
    const r = await save(sim, { dashboard: { title: 'Platform' } });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ status: 'name-exists', message: 'Dashboard name cannot be the same as folder' });
  });

  it.each(['11.6', '12.x'] as const)(
    'on %s allows duplicate titles (only the uid is unique)',
    async (profile) => {
      sim = await simulator({ profile });
      await client(sim).post('/api/folders', { uid: 'f', title: 'Same' });
      await save(sim, { dashboard: { uid: 'a', title: 'Same' } });
      expect((await save(sim, { dashboard: { uid: 'b', title: 'Same' } })).status).toBe(200);
    },
  );
});

describe('GET /api/dashboards/uid/:uid', () => {
  it('returns the stored JSON with id, uid and version injected, and meta with the folder', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/folders', { uid: 'f', title: 'Platform' });
    await save(sim, {
      dashboard: { uid: 'd', title: 'D', panels: [], custom: { kept: true } },
      folderUid: 'f',
    });
    const body = obj((await api.get('/api/dashboards/uid/d')).json);
    expect(body['dashboard']).toEqual({
      uid: 'd',
      title: 'D',
      panels: [],
      custom: { kept: true },
      id: 2,
      version: 1,
    });
    expect(obj(body['meta'])).toMatchObject({
      type: 'db',
      slug: 'd',
      url: '/d/d/d',
      version: 1,
      isFolder: false,
      folderId: 1,
      folderUid: 'f',
      folderTitle: 'Platform',
      folderUrl: '/dashboards/f/f/platform',
      provisioned: false,
    });
  });

  it('answers 404 {"message":"Dashboard not found"} for an unknown uid', async () => {
    sim = await simulator();
    const r = await client(sim).get('/api/dashboards/uid/nope');
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ message: 'Dashboard not found' });
  });
});

describe('DELETE /api/dashboards/uid/:uid', () => {
  it('answers 200 with title, message and uid, then 404 (not idempotent)', async () => {
    sim = await simulator();
    await save(sim, { dashboard: { uid: 'd', title: 'Gone' } });
    const r = await client(sim).del('/api/dashboards/uid/d');
    expect(r.json).toEqual({ message: 'Dashboard Gone deleted', title: 'Gone', uid: 'd' });
    const again = await client(sim).del('/api/dashboards/uid/d');
    expect(again.status).toBe(404);
    expect(again.json).toEqual({ message: 'Dashboard not found' });
  });
});
