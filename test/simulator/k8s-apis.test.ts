import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { arr, client, obj, simulator, str } from './helpers.ts';

let sim: Simulator;
afterEach(async () => sim.close());

const DASH = '/apis/dashboard.grafana.app/v1beta1/namespaces/default/dashboards';
const FOLDERS = '/apis/folder.grafana.app/v1beta1/namespaces/default/folders';

describe('Kubernetes-style APIs (12.x)', () => {
  it('are absent before 12', async () => {
    sim = await simulator({ profile: '11.6' });
    expect((await client(sim).get(DASH)).status).toBe(404);
  });

  it('create a dashboard with 201, visible through the legacy API too', async () => {
    sim = await simulator({ profile: '12.x' });
    const api = client(sim);
    await api.post(FOLDERS, { metadata: { name: 'ops' }, spec: { title: 'Ops' } });
    const r = await api.post(DASH, {
      metadata: { name: 'svc', annotations: { 'grafana.app/folder': 'ops' } },
      spec: { title: 'Service', panels: [] },
    });
    expect(r.status).toBe(201);
    const meta = obj(obj(r.json)['metadata']);
    expect(meta).toMatchObject({ name: 'svc', namespace: 'default', generation: 1 });
    expect(obj(meta['annotations'])['grafana.app/folder']).toBe('ops');
    expect(str(meta['uid'])).not.toBe('svc');
    const legacy = obj((await api.get('/api/dashboards/uid/svc')).json);
    expect(obj(legacy['meta'])['folderUid']).toBe('ops');
    expect(obj(legacy['dashboard'])['title']).toBe('Service');
  });

  it('answer AlreadyExists, NotFound and Conflict with Status objects', async () => {
    sim = await simulator({ profile: '12.x' });
    const api = client(sim);
    const created = obj((await api.post(DASH, { metadata: { name: 'd' }, spec: { title: 'D' } })).json);
    const again = await api.post(DASH, { metadata: { name: 'd' }, spec: { title: 'D' } });
    expect(again.status).toBe(409);
    expect(obj(again.json)).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'AlreadyExists',
      code: 409,
    });
    const missing = await api.get(`${DASH}/nope`);
    expect(missing.json).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'dashboards.dashboard.grafana.app "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', group: 'dashboard.grafana.app', kind: 'dashboards' },
      code: 404,
    });
    const rv = obj(created['metadata'])['resourceVersion'];
    const updated = await api.put(`${DASH}/d`, {
      metadata: { name: 'd', resourceVersion: rv },
      spec: { title: 'D2' },
    });
    expect(updated.status).toBe(200);
    const meta = obj(obj(updated.json)['metadata']);
    expect(meta['generation']).toBe(2);
    expect(meta['resourceVersion']).not.toBe(rv);
    const stale = await api.put(`${DASH}/d`, {
      metadata: { name: 'd', resourceVersion: rv },
      spec: { title: 'D3' },
    });
    expect(stale.status).toBe(409);
    expect(obj(stale.json)['reason']).toBe('Conflict');
    const unconditional = await api.put(`${DASH}/d`, { metadata: { name: 'd' }, spec: { title: 'D3' } });
    expect(unconditional.status).toBe(200);
  });

  it('keep generation when only metadata changes and bump resourceVersion on legacy saves', async () => {
    sim = await simulator({ profile: '12.x' });
    const api = client(sim);
    await api.post('/api/dashboards/db', { dashboard: { uid: 'd', title: 'D' } });
    const first = obj(obj((await api.get(`${DASH}/d`)).json)['metadata']);
    await api.post('/api/dashboards/db', { dashboard: { uid: 'd', title: 'D' }, overwrite: true });
    const second = obj(obj((await api.get(`${DASH}/d`)).json)['metadata']);
    expect(second['generation']).toBe(first['generation']);
    expect(Number(second['resourceVersion'])).toBeGreaterThan(Number(first['resourceVersion']));
  });

  it('paginate lists with continue tokens', async () => {
    sim = await simulator({ profile: '12.x' });
    const api = client(sim);
    for (const name of ['a', 'b', 'c']) await api.post(DASH, { metadata: { name }, spec: { title: name } });
    const first = obj((await api.get(`${DASH}?limit=2`)).json);
    expect(first['kind']).toBe('DashboardList');
    expect(arr(first['items']).map((i) => obj(obj(i)['metadata'])['name'])).toEqual(['a', 'b']);
    const token = str(obj(first['metadata'])['continue']);
    const second = obj((await api.get(`${DASH}?limit=2&continue=${token}`)).json);
    expect(arr(second['items']).map((i) => obj(obj(i)['metadata'])['name'])).toEqual(['c']);
    expect(obj(second['metadata'])['continue']).toBeUndefined();
  });

  it('delete with a Success status, then NotFound', async () => {
    sim = await simulator({ profile: '12.x' });
    const api = client(sim);
    await api.post(DASH, { metadata: { name: 'd' }, spec: { title: 'D' } });
    const r = await api.del(`${DASH}/d`);
    expect(obj(r.json)).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'd', kind: 'dashboards' },
    });
    expect((await api.del(`${DASH}/d`)).status).toBe(404);
    expect((await api.get('/api/dashboards/uid/d')).status).toBe(404);
  });

  it('serve the same objects under v1 from 13.x only, and refuse the other namespaces', async () => {
    sim = await simulator({ profile: '12.x' });
    let api = client(sim);
    await api.post('/api/dashboards/db', { dashboard: { uid: 'd', title: 'D' } });
    expect((await api.get('/apis/dashboard.grafana.app/v1/namespaces/default/dashboards/d')).status).toBe(
      404,
    );
    await sim.close();
    sim = await simulator({ profile: '13.x' });
    api = client(sim);
    await api.post('/api/dashboards/db', { dashboard: { uid: 'd', title: 'D' } });
    const v1 = obj((await api.get('/apis/dashboard.grafana.app/v1/namespaces/default/dashboards/d')).json);
    expect(v1['apiVersion']).toBe('dashboard.grafana.app/v1');
    expect(obj(v1['spec'])).toEqual({ title: 'D', uid: 'd' });
    expect((await api.get('/apis/dashboard.grafana.app/v1beta1/namespaces/org-2/dashboards')).status).toBe(
      403,
    );
  });

  it('save dashboards through the legacy save path: empty titles refused, refresh raised, id in the spec ignored', async () => {
    sim = await simulator({ profile: '12.x' });
    const api = client(sim);
    const empty = await api.post(DASH, { metadata: { name: 'e' }, spec: { title: '  ' } });
    expect(empty.json).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Dashboard title cannot be empty',
      reason: 'BadRequest',
      details: { name: 'e', group: 'dashboard.grafana.app', kind: 'dashboards' },
      code: 400,
    });
    expect(sim.state().dashboards).toEqual([]);
    await api.post('/api/dashboards/db', { dashboard: { uid: 'other', title: 'Other' } });
    const created = await api.post(DASH, {
      metadata: { name: 'd' },
      spec: { id: 1, version: 7, title: 'D', refresh: '1s' },
    });
    expect(created.status).toBe(201);
    expect(obj(obj(created.json)['spec'])['refresh']).toBe('5s');
    const legacy = obj(obj((await api.get('/api/dashboards/uid/d')).json)['dashboard']);
    expect(legacy).toMatchObject({ uid: 'd', title: 'D', refresh: '5s', version: 1 });
    expect(obj(obj((await api.get('/api/dashboards/uid/other')).json)['dashboard'])['title']).toBe('Other');
    const blank = await api.put(`${DASH}/d`, { metadata: { name: 'd' }, spec: { title: '' } });
    expect(blank.status).toBe(400);
    expect(obj(blank.json)).toMatchObject({
      reason: 'BadRequest',
      message: 'Dashboard title cannot be empty',
    });
    const updated = await api.put(`${DASH}/d`, {
      metadata: { name: 'd' },
      spec: { title: 'D2', refresh: '2s' },
    });
    expect(updated.status).toBe(200);
    expect(obj(obj(updated.json)['spec'])['refresh']).toBe('5s');
    const versions = arr((await api.get('/api/dashboards/uid/d/versions')).json).map(
      (v) => obj(v)['version'],
    );
    expect(versions).toEqual([2, 1]);
  });

  it('refuse to update or delete a file-provisioned dashboard, as the legacy API does', async () => {
    sim = await simulator({ profile: '12.x' });
    const api = client(sim);
    await api.post('/api/dashboards/db', { dashboard: { uid: 'p', title: 'P' } });
    sim.admin.mark({ kind: 'dashboard', uid: 'p', provisioned: true });
    const put = await api.put(`${DASH}/p`, { metadata: { name: 'p' }, spec: { title: 'Changed' } });
    expect(put.status).toBe(400);
    expect(obj(put.json)).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'BadRequest',
      message: 'Cannot save provisioned dashboard',
      code: 400,
    });
    const del = await api.del(`${DASH}/p`);
    expect(del.status).toBe(400);
    expect(obj(del.json)).toMatchObject({
      kind: 'Status',
      reason: 'BadRequest',
      message: 'provisioned dashboard cannot be deleted',
    });
    const stored = obj(obj((await api.get('/api/dashboards/uid/p')).json)['dashboard']);
    expect(stored).toMatchObject({ title: 'P', version: 1 });
  });

  it('refuse a folder move that would push the moved subtree below the maximum depth, like the legacy move', async () => {
    sim = await simulator({ profile: '12.x' });
    const api = client(sim);
    let parent = '';
    for (let depth = 1; depth <= 3; depth++) {
      await api.post('/api/folders', { uid: `l${depth}`, title: `L${depth}`, parentUid: parent });
      parent = `l${depth}`;
    }
    await api.post('/api/folders', { uid: 'a', title: 'A' });
    await api.post('/api/folders', { uid: 'b', title: 'B', parentUid: 'a' });
    await api.post('/api/folders', { uid: 'c', title: 'C', parentUid: 'b' });
    // a's subtree has height 2; l3 has 2 ancestors: 2 + 2 + 1 > 4.
    const legacy = await api.post('/api/folders/a/move', { parentUid: 'l3' });
    expect(legacy.status).toBe(400);
    expect(legacy.json).toMatchObject({
      messageId: 'folder.maximum-depth-reached',
      message: 'Maximum nested folder depth reached',
    });
    const rv = obj(obj((await api.get(`${FOLDERS}/a`)).json)['metadata'])['resourceVersion'];
    const moved = await api.put(`${FOLDERS}/a`, {
      metadata: { name: 'a', resourceVersion: rv, annotations: { 'grafana.app/folder': 'l3' } },
      spec: { title: 'A' },
    });
    expect(moved.status).toBe(400);
    expect(obj(moved.json)).toMatchObject({
      kind: 'Status',
      reason: 'BadRequest',
      message: 'Maximum nested folder depth reached',
    });
    expect(sim.state().folders.find((f) => f.uid === 'a')?.parentUid).toBe('');
    const circular = await api.put(`${FOLDERS}/a`, {
      metadata: { name: 'a', annotations: { 'grafana.app/folder': 'c' } },
      spec: { title: 'A' },
    });
    expect(obj(circular.json)).toMatchObject({
      reason: 'BadRequest',
      message: 'Circular reference detected',
    });
    const fits = await api.put(`${FOLDERS}/a`, {
      metadata: { name: 'a', annotations: { 'grafana.app/folder': 'l1' } },
      spec: { title: 'A' },
    });
    expect(fits.status).toBe(200);
    expect((await api.post('/api/folders/a/move', { parentUid: 'l1' })).status).toBe(200);
  });

  it('manage folders with the parent in the grafana.app/folder annotation', async () => {
    sim = await simulator({ profile: '12.x' });
    const api = client(sim);
    await api.post(FOLDERS, { metadata: { name: 'a' }, spec: { title: 'A' } });
    await api.post(FOLDERS, {
      metadata: { name: 'b', annotations: { 'grafana.app/folder': 'a' } },
      spec: { title: 'B' },
    });
    expect(obj((await api.get('/api/folders/b')).json)['parentUid']).toBe('a');
    expect((await api.get(`${FOLDERS}/zz`)).status).toBe(404);
  });
});

describe('App Platform rules of 12.x and 13.x', () => {
  const MANAGED = { 'grafana.app/managedBy': 'kubectl', 'grafana.app/managerId': 'team-a' };

  it('keep the annotations a client writes, and enforce managers as enforceManagerProperties does', async () => {
    sim = await simulator({ profile: '12.x' });
    const api = client(sim);
    const created = obj(
      (await api.post(DASH, { metadata: { name: 'm', annotations: MANAGED }, spec: { title: 'M' } })).json,
    );
    expect(obj(obj(created['metadata'])['annotations'])).toMatchObject(MANAGED);
    const repo = await api.post(DASH, {
      metadata: { name: 'r', annotations: { 'grafana.app/managedBy': 'repo', 'grafana.app/managerId': 'x' } },
      spec: { title: 'R' },
    });
    expect(repo.status).toBe(403);
    expect(obj(repo.json)['message']).toBe('this resource is managed by a repository');
    const otherId = await api.put(`${DASH}/m`, {
      metadata: { name: 'm', annotations: { ...MANAGED, 'grafana.app/managerId': 'team-b' } },
      spec: { title: 'M' },
    });
    expect(obj(otherId.json)['message']).toBe(
      'Cannot change resource manager identity; remove the existing manager first, then add the new one',
    );
    const dropped = await api.put(`${DASH}/m`, { metadata: { name: 'm' }, spec: { title: 'M' } });
    expect(obj(dropped.json)['message']).toBe('Can not remove resource manager from resource');
    sim.ui.gitSyncFolder({ repository: 'team-repo', uid: 'synced', title: 'Synced' });
    const inside = await api.post(DASH, {
      metadata: { name: 'x', annotations: { 'grafana.app/folder': 'synced' } },
      spec: { title: 'X' },
    });
    expect(inside.status).toBe(403);
    expect(obj(inside.json)['message']).toBe(
      'folder is managed by repo:team-repo, but the resource is not managed',
    );
    sim.ui.gitSyncDashboard({ repository: 'team-repo', uid: 'g', title: 'G' });
    expect((await api.del(`${DASH}/g`)).status).toBe(403);
    expect(
      (await api.post('/api/dashboards/db', { dashboard: { uid: 'g', title: 'G2' }, overwrite: true }))
        .status,
    ).toBe(403);
  });

  it('list 500 objects a page when no limit is given, with an opaque continue token', async () => {
    sim = await simulator({ profile: '13.x' });
    const api = client(sim);
    for (let i = 0; i < 3; i += 1)
      await api.post(DASH, { metadata: { name: `d${i}` }, spec: { title: `D${i}` } });
    const first = obj((await api.get(`${DASH}?limit=2`)).json);
    expect(arr(first['items']).length).toBe(2);
    const token = str(obj(first['metadata'])['continue']);
    const second = obj((await api.get(`${DASH}?limit=2&continue=${token}`)).json);
    expect(arr(second['items']).map((d) => obj(obj(d)['metadata'])['name'])).toEqual(['d2']);
    expect(obj(second['metadata'])['continue']).toBeUndefined();
    expect((await api.get(`${DASH}?continue=%%%`)).status).toBe(400);
    expect(arr(obj((await api.get(DASH)).json)['items']).length).toBe(3);
  });

  it('refuse to delete a folder that is not empty', async () => {
    sim = await simulator({ profile: '13.x' });
    const api = client(sim);
    const folders = '/apis/folder.grafana.app/v1/namespaces/default/folders';
    await api.post(folders, { metadata: { name: 'f' }, spec: { title: 'F', description: 'Kept' } });
    expect(obj(obj((await api.get(`${folders}/f`)).json)['spec'])).toEqual({
      title: 'F',
      description: 'Kept',
    });
    await api.post(DASH, {
      metadata: { name: 'in', annotations: { 'grafana.app/folder': 'f' } },
      spec: { title: 'In' },
    });
    const refused = await api.del(`${folders}/f`);
    expect(refused.status).toBe(400);
    expect(obj(refused.json)['message']).toBe('Folder cannot be deleted: folder is not empty');
    await api.del(`${DASH}/in`);
    expect((await api.del(`${folders}/f`)).status).toBe(200);
  });

  it('keep a v2 dashboard as v2, convert it when read through v1, and refuse it on the legacy GET', async () => {
    sim = await simulator({ profile: '13.x' });
    const api = client(sim);
    await api.post('/api/dashboards/db', {
      dashboard: {
        uid: 'c',
        title: 'C',
        panels: [{ id: 1, type: 'stat', title: 'S', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [] }],
      },
    });
    sim.ui.saveDashboardAsV2('c');
    const v2 = obj((await api.get('/apis/dashboard.grafana.app/v2/namespaces/default/dashboards/c')).json);
    expect(Object.keys(obj(obj(v2['spec'])['elements']))).toEqual(['panel-1']);
    expect(v2['status']).toEqual({});
    const v1 = obj((await api.get('/apis/dashboard.grafana.app/v1/namespaces/default/dashboards/c')).json);
    expect(obj(v1['status'])).toEqual({ conversion: { failed: false, storedVersion: 'v2' } });
    expect(arr(obj(v1['spec'])['panels']).map((p) => obj(p)['title'])).toEqual(['S']);
    const legacy = await api.get('/api/dashboards/uid/c');
    expect(legacy.status).toBe(406);
    expect(str(obj(legacy.json)['message'])).toContain(
      '/apis/dashboard.grafana.app/v2/namespaces/default/dashboards/c',
    );
    const classic = await api.put('/apis/dashboard.grafana.app/v2/namespaces/default/dashboards/c', {
      metadata: { name: 'c' },
      spec: { title: 'C', panels: [] },
    });
    expect(classic.status).toBe(422);
  });
});
