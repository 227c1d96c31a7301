import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { arr, client, obj, simulator } from './helpers.ts';

let sim: Simulator;
afterEach(async () => sim.close());

const prometheus = {
  uid: 'prom',
  name: 'Prometheus',
  type: 'prometheus',
  access: 'proxy',
  url: 'http://prometheus:9090',
  basicAuth: true,
  basicAuthUser: 'grafana',
  isDefault: true,
  jsonData: { httpMethod: 'POST' },
  secureJsonData: { basicAuthPassword: 's3cret', emptyOne: '' },
};

describe('POST /api/datasources', () => {
  it('answers 200 with message, id, name and the DTO; secrets never come back', async () => {
    sim = await simulator();
    const r = await client(sim).post('/api/datasources', prometheus);
    expect(r.status).toBe(200);
    const body = obj(r.json);
    expect(body).toMatchObject({ message: 'Datasource added', id: 1, name: 'Prometheus' });
    expect(obj(body['datasource'])).toMatchObject({
      uid: 'prom',
      version: 1,
      secureJsonFields: { basicAuthPassword: true },
      readOnly: false,
    });
    expect(r.text).not.toContain('s3cret');
    expect(obj(body['datasource'])['secureJsonData']).toBeUndefined();
  });

  it('answers 409 for a duplicate name or uid', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/datasources', prometheus);
    const sameName = await api.post('/api/datasources', { ...prometheus, uid: 'other' });
    expect(sameName.status).toBe(409);
    expect(sameName.json).toEqual({ message: 'data source with the same name already exists' });
    const sameUid = await api.post('/api/datasources', { ...prometheus, name: 'Other' });
    expect(sameUid.status).toBe(409);
    expect(sameUid.json).toEqual({ message: 'data source with the same uid already exists' });
  });

  it('keeps isDefault on one data source only', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/datasources', prometheus);
    await api.post('/api/datasources', {
      uid: 'loki',
      name: 'Loki',
      type: 'loki',
      access: 'proxy',
      url: 'http://loki',
      isDefault: true,
    });
    const list = arr((await api.get('/api/datasources')).json).map(obj);
    expect(list.map((d) => [d['uid'], d['isDefault']])).toEqual([
      ['loki', true],
      ['prom', false],
    ]);
    expect(list[0]?.['secureJsonFields']).toBeUndefined();
    expect(list[0]?.['version']).toBeUndefined();
    expect(list[1]?.['typeName']).toBe('Prometheus');
  });
});

describe('PUT /api/datasources/uid/:uid', () => {
  it('refuses a POST or PUT without access (UpdateDataSourceCommand / AddDataSourceCommand bind it as required)', async () => {
    sim = await simulator();
    const api = client(sim);
    const { access: _access, ...noAccess } = prometheus as Record<string, unknown>;
    expect((await api.post('/api/datasources', noAccess)).json).toEqual({ message: 'bad request data' });
    await api.post('/api/datasources', prometheus);
    expect((await api.put('/api/datasources/uid/prom', { ...noAccess, version: 1 })).status).toBe(400);
  });

  it('replaces plain fields, keeps omitted secrets and replaces given ones', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/datasources', prometheus);
    const r = await api.put('/api/datasources/uid/prom', {
      name: 'Prometheus',
      type: 'prometheus',
      access: 'proxy',
      url: 'http://prom2:9090',
      version: 1,
      secureJsonData: { httpHeaderValue1: 'Bearer x' },
    });
    expect(r.status).toBe(200);
    const ds = obj(obj(r.json)['datasource']);
    expect(ds).toMatchObject({
      url: 'http://prom2:9090',
      basicAuth: false,
      basicAuthUser: '',
      isDefault: false,
      jsonData: {},
      secureJsonFields: { basicAuthPassword: true, httpHeaderValue1: true },
      version: 2,
    });
    expect(sim.state().datasources[0]?.secureJsonData['basicAuthPassword']).toBe('s3cret');
  });

  it('applies the version quirk: omitted resets to 1, stale is 409, larger is accepted as request + 1', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/datasources', prometheus);
    const base = { name: 'Prometheus', type: 'prometheus', url: 'http://p', access: 'proxy' };
    expect(
      obj(obj((await api.put('/api/datasources/uid/prom', { ...base, version: 5 })).json)['datasource'])[
        'version'
      ],
    ).toBe(6);
    const stale = await api.put('/api/datasources/uid/prom', { ...base, version: 3 });
    expect(stale.status).toBe(409);
    expect(stale.json).toEqual({
      message: 'Datasource has already been updated by someone else. Please reload and try again',
    });
    const omitted = await api.put('/api/datasources/uid/prom', base);
    expect(obj(obj(omitted.json)['datasource'])['version']).toBe(1);
  });

  it('answers 403 for a read-only data source and 404 for an unknown one', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/datasources', prometheus);
    sim.admin.mark({ kind: 'datasource', uid: 'prom', readOnly: true });
    const r = await api.put('/api/datasources/uid/prom', {
      name: 'Prometheus',
      type: 'prometheus',
      access: 'proxy',
    });
    expect(r.status).toBe(403);
    expect(r.json).toEqual({ message: 'Cannot update read-only data source' });
    expect((await api.del('/api/datasources/uid/prom')).json).toEqual({
      message: 'Cannot delete read-only data source',
    });
    const missing = await api.put('/api/datasources/uid/nope', {
      name: 'x',
      type: 'prometheus',
      access: 'proxy',
    });
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ message: 'Data source not found' });
  });

  it('answers 409 when renaming onto another data source name', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/datasources', prometheus);
    await api.post('/api/datasources', { uid: 'loki', name: 'Loki', type: 'loki', access: 'proxy' });
    const r = await api.put('/api/datasources/uid/loki', {
      name: 'Prometheus',
      type: 'loki',
      access: 'proxy',
    });
    expect(r.status).toBe(409);
  });
});

describe('GET and DELETE /api/datasources/uid/:uid', () => {
  it('answers 404 for unknown uids and deletes with 200 {"message","id"}', async () => {
    sim = await simulator();
    const api = client(sim);
    expect((await api.get('/api/datasources/uid/nope')).json).toEqual({ message: 'Data source not found' });
    await api.post('/api/datasources', prometheus);
    expect((await api.del('/api/datasources/uid/prom')).json).toEqual({
      message: 'Data source deleted',
      id: 1,
    });
    expect((await api.del('/api/datasources/uid/prom')).status).toBe(404);
  });
});
