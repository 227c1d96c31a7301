import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { arr, client, obj, simulator } from './helpers.ts';

let sim: Simulator;
beforeEach(async () => {
  sim = await simulator();
  const api = client(sim);
  await api.post('/api/folders', { uid: 'ops', title: 'Ops' });
  await api.post('/api/folders', { uid: 'sub', title: 'Sub', parentUid: 'ops' });
  await api.post('/api/dashboards/db', {
    dashboard: { uid: 'api', title: 'API latency', tags: ['api', 'red'] },
    folderUid: 'ops',
  });
  await api.post('/api/dashboards/db', {
    dashboard: { uid: 'db', title: 'Database', tags: ['red'] },
    folderUid: 'sub',
  });
  await api.post('/api/dashboards/db', { dashboard: { uid: 'home', title: 'home' } });
});
afterEach(async () => sim.close());

const uids = async (query: string): Promise<unknown[]> =>
  arr((await client(sim).get(`/api/search${query}`)).json).map((h) => obj(h)['uid']);

describe('GET /api/search', () => {
  it('lists folders first, then dashboards by title', async () => {
    expect(await uids('')).toEqual(['ops', 'sub', 'api', 'db', 'home']);
  });

  it('filters by type, dashboardUIDs, direct parent folder, tags (all), and title substring', async () => {
    expect(await uids('?type=dash-db')).toEqual(['api', 'db', 'home']);
    expect(await uids('?type=dash-folder')).toEqual(['ops', 'sub']);
    expect(await uids('?dashboardUIDs=db&dashboardUIDs=home')).toEqual(['db', 'home']);
    expect(await uids('?folderUIDs=ops&type=dash-db')).toEqual(['api']);
    expect(await uids('?folderUIDs=general&type=dash-db')).toEqual(['home']);
    expect(await uids('?tag=red&tag=api')).toEqual(['api']);
    expect(await uids('?query=LAT')).toEqual(['api']);
  });

  it('pages with limit and page', async () => {
    expect(await uids('?type=dash-db&limit=2&page=2')).toEqual(['home']);
  });

  it('returns the hit shape with folder fields only inside a folder', async () => {
    const hits = arr((await client(sim).get('/api/search?dashboardUIDs=api&dashboardUIDs=home')).json).map(
      obj,
    );
    // The default profile (11.6): no orgId yet (12.x), isDeleted present; tags sorted (sortedHits).
    expect(hits[0]).toEqual({
      id: 3,
      uid: 'api',
      isDeleted: false,
      title: 'API latency',
      uri: 'db/api-latency',
      url: '/d/api/api-latency',
      slug: '',
      type: 'dash-db',
      tags: ['api', 'red'],
      isStarred: false,
      folderId: 1,
      folderUid: 'ops',
      folderTitle: 'Ops',
      folderUrl: '/dashboards/f/ops/ops',
      sortMeta: 0,
    });
    expect(hits[1]?.['folderUid']).toBeUndefined();
    expect(hits[1]?.['tags']).toEqual([]);
  });

  it('answers 422 above limit 5000 and 400 when ids and uids are mixed', async () => {
    const big = await client(sim).get('/api/search?limit=5001');
    expect(big.status).toBe(422);
    expect(big.json).toEqual({
      message: 'Limit is above maximum allowed (5000), use page parameter to access hits beyond limit',
    });
    const mixed = await client(sim).get('/api/search?dashboardIds=1&dashboardUIDs=api');
    expect(mixed.status).toBe(400);
    expect(mixed.json).toEqual({ message: 'search supports UIDs or IDs, not both' });
  });
});
