import { PROFILE_NAMES } from '../../src/simulator/profiles.ts';
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { alertRule, arr, client, obj, simulator } from './helpers.ts';

let sim: Simulator;
afterEach(async () => sim.close());

describe('POST /api/folders', () => {
  it('answers 200 (not 201) with the full folder DTO, which has no description (dtos.Folder)', async () => {
    sim = await simulator();
    const r = await client(sim).post('/api/folders', {
      uid: 'platform',
      title: 'Platform',
      description: 'Ours',
    });
    expect(r.status).toBe(200);
    expect(obj(r.json)).toMatchObject({
      id: 1,
      uid: 'platform',
      orgId: 1,
      title: 'Platform',
      url: '/dashboards/f/platform/platform',
      hasAcl: false,
      canSave: true,
      canEdit: true,
      canAdmin: true,
      canDelete: true,
      version: 1,
    });
    expect(obj(r.json)['parentUid']).toBeUndefined();
    expect(obj(r.json)['description']).toBeUndefined();
    expect(obj((await client(sim).get('/api/folders/platform')).json)['description']).toBeUndefined();
    // Stored all the same: the App Platform view shows it.
    expect(sim.state().folders[0]?.description).toBe('Ours');
  });

  it.each([
    ['10.4', 0],
    ['11.2', 0],
    ['11.6', 1],
    ['12.x', 1],
  ] as const)('answers orgId %s → %i (0 until PR #99724 filled it in)', async (profile, orgId) => {
    sim = await simulator({ profile });
    const r = await client(sim).post('/api/folders', { uid: 'p', title: 'P' });
    expect(obj(r.json)['orgId']).toBe(orgId);
  });

  it('generates a uid when none is given', async () => {
    sim = await simulator();
    const r = await client(sim).post('/api/folders', { title: 'No uid' });
    expect(String(obj(r.json)['uid'])).toMatch(/^[a-z0-9]{14}$/);
  });

  it('answers 409 when the uid is already used by a folder or a dashboard, so the POST is not idempotent', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/folders', { uid: 'f', title: 'F' });
    const again = await api.post('/api/folders', { uid: 'f', title: 'F' });
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ message: 'a folder/dashboard with the same uid already exists' });
    await api.post('/api/dashboards/db', { dashboard: { uid: 'd', title: 'D' } });
    expect((await api.post('/api/folders', { uid: 'd', title: 'X' })).status).toBe(409);
  });

  it('rejects an empty title and invalid uids with 400', async () => {
    sim = await simulator();
    const api = client(sim);
    expect((await api.post('/api/folders', { title: '' })).json).toEqual({
      message: 'folder title cannot be empty',
    });
    expect((await api.post('/api/folders', { uid: 'a b', title: 'x' })).json).toEqual({
      message: 'uid contains illegal characters',
    });
    expect((await api.post('/api/folders', { uid: 'a'.repeat(41), title: 'x' })).json).toEqual({
      message: 'uid too long, max 40 characters',
    });
  });

  it.each(['10.4', '11.2'] as const)(
    'refuses a duplicate title under the same parent with 409 on %s',
    async (profile) => {
      sim = await simulator({ profile });
      const api = client(sim);
      await api.post('/api/folders', { title: 'Team' });
      const r = await api.post('/api/folders', { title: 'Team' });
      expect(r.status).toBe(409);
      expect(r.json).toEqual({
        message: 'a folder with the same name already exists in the current location',
      });
    },
  );

  it.each(['11.6', '12.x'] as const)(
    'allows duplicate titles on %s, so a uid-less POST creates a second folder',
    async (profile) => {
      sim = await simulator({ profile });
      const api = client(sim);
      await api.post('/api/folders', { title: 'Team' });
      expect((await api.post('/api/folders', { title: 'Team' })).status).toBe(200);
      expect(arr((await api.get('/api/folders')).json)).toHaveLength(2);
    },
  );
});

describe('GET /api/folders/:uid', () => {
  it('uses the legacy not-found body until 11.2', async () => {
    sim = await simulator({ profile: '11.2' });
    const r = await client(sim).get('/api/folders/missing');
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ status: 'not-found', message: 'folder not found' });
  });

  it('uses the errutil folder.notFound body from 11.6', async () => {
    sim = await simulator({ profile: '11.6' });
    const r = await client(sim).get('/api/folders/missing');
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ statusCode: 404, messageId: 'folder.notFound', message: 'folder not found' });
  });
});

describe('PUT /api/folders/:uid', () => {
  it('answers 412 version-mismatch for a stale version and increments the version on success', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/folders', { uid: 'f', title: 'F' });
    const stale = await api.put('/api/folders/f', { title: 'G', version: 0 });
    expect(stale.status).toBe(412);
    expect(stale.json).toEqual({
      status: 'version-mismatch',
      message: 'the folder has been changed by someone else',
    });
    const ok = await api.put('/api/folders/f', { title: 'G', version: 1 });
    expect(obj(ok.json)).toMatchObject({ title: 'G', version: 2 });
    const forced = await api.put('/api/folders/f', { title: 'H', overwrite: true });
    expect(obj(forced.json)).toMatchObject({ title: 'H', version: 3 });
  });

  it('keeps the description when the body omits it, changes it only when sent, and bumps generation only on change', async () => {
    sim = await simulator({ profile: '12.x' });
    const api = client(sim);
    await api.post('/api/folders', { uid: 'f', title: 'F', description: 'Ours' });
    const generation = async (): Promise<unknown> =>
      obj(
        obj((await api.get('/apis/folder.grafana.app/v1beta1/namespaces/default/folders/f')).json)[
          'metadata'
        ],
      )['generation'];
    expect(await generation()).toBe(1);
    const stored = (): string | undefined => sim.state().folders[0]?.description;
    const same = await api.put('/api/folders/f', { title: 'F', version: 1 });
    expect(obj(same.json)).toMatchObject({ title: 'F', version: 2 });
    expect(stored()).toBe('Ours');
    expect(await generation()).toBe(1);
    await api.put('/api/folders/f', { title: 'F', description: null, overwrite: true });
    expect(stored()).toBe('Ours');
    expect(await generation()).toBe(1);
    await api.put('/api/folders/f', { title: 'F', description: 'Theirs', overwrite: true });
    expect(stored()).toBe('Theirs');
    expect(await generation()).toBe(2);
    await api.put('/api/folders/f', { title: 'F', description: '', overwrite: true });
    expect(stored()).toBe('');
    expect(await generation()).toBe(3);
  });

  it('answers 404 for an unknown folder', async () => {
    sim = await simulator();
    expect((await client(sim).put('/api/folders/nope', { title: 'x', version: 1 })).status).toBe(404);
  });
});

describe('nested folders', () => {
  it('returns parentUid and the ancestor chain, and lists only direct children', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/folders', { uid: 'a', title: 'A' });
    await api.post('/api/folders', { uid: 'b', title: 'B', parentUid: 'a' });
    const c = await api.post('/api/folders', { uid: 'c', title: 'C', parentUid: 'b' });
    expect(obj(c.json)['parentUid']).toBe('b');
    expect(arr(obj(c.json)['parents']).map((p) => obj(p)['uid'])).toEqual(['a', 'b']);
    expect(arr((await api.get('/api/folders')).json).map((f) => obj(f)['uid'])).toEqual(['a']);
    expect((await api.get('/api/folders?parentUid=a')).json).toEqual([
      { id: 2, uid: 'b', title: 'B', parentUid: 'a' },
    ]);
  });

  it.each(PROFILE_NAMES)(
    '%s: allows four levels of subfolders below a top-level folder and refuses a fifth (MaxNestedFolderDepth = 4)',
    async (profile) => {
      sim = await simulator({ profile });
      const api = client(sim);
      let parent = '';
      for (let depth = 1; depth <= 5; depth++) {
        const r = await api.post('/api/folders', { uid: `l${depth}`, title: `L${depth}`, parentUid: parent });
        expect(r.status).toBe(200);
        parent = `l${depth}`;
      }
      const r = await api.post('/api/folders', { uid: 'l6', title: 'L6', parentUid: parent });
      expect(r.status).toBe(400);
      expect(r.json).toEqual({
        messageId: 'folder.maximum-depth-reached',
        message: 'Maximum nested folder depth reached',
      });
    },
  );

  it('refuses a move by height + ancestors of the new parent + 1 > 4, with the errutil body of MoveFolder', async () => {
    sim = await simulator();
    const api = client(sim);
    // a > b > c (height 2) and x > y (y has one ancestor).
    for (const [uid, parentUid] of [
      ['a', ''],
      ['b', 'a'],
      ['c', 'b'],
      ['x', ''],
      ['y', 'x'],
      ['z', 'y'],
    ])
      await api.post('/api/folders', { uid, title: String(uid).toUpperCase(), parentUid });
    // Under y: 2 + 1 + 1 = 4, allowed; under z: 2 + 2 + 1 = 5, refused.
    expect((await api.post('/api/folders/a/move', { parentUid: 'y' })).status).toBe(200);
    await api.post('/api/folders/a/move', { parentUid: '' });
    const refused = await api.post('/api/folders/a/move', { parentUid: 'z' });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({
      statusCode: 400,
      messageId: 'folder.maximum-depth-reached',
      message: 'Maximum nested folder depth reached',
    });
  });

  it('13.x-style setting: the limit is configurable only where the profile reads it', async () => {
    sim = await simulator();
    await expect(simulator({ maxNestedFolderDepth: 6 })).rejects.toThrow(/no such setting/);
    await sim.close();
    // 13.x reads [folder] max_nested_folder_depth: 6 levels of subfolders, clamped to 7 above.
    sim = await simulator({ profile: '13.x', maxNestedFolderDepth: 6 });
    const api = client(sim);
    let parent = '';
    for (let depth = 1; depth <= 7; depth++) {
      expect(
        (await api.post('/api/folders', { uid: `d${depth}`, title: `D${depth}`, parentUid: parent })).status,
      ).toBe(200);
      parent = `d${depth}`;
    }
    expect((await api.post('/api/folders', { uid: 'd8', title: 'D8', parentUid: parent })).status).toBe(400);
  });

  it('moves a folder with POST /move and refuses a circular move', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/folders', { uid: 'a', title: 'A' });
    await api.post('/api/folders', { uid: 'b', title: 'B' });
    const moved = await api.post('/api/folders/b/move', { parentUid: 'a' });
    expect(obj(moved.json)['parentUid']).toBe('a');
    const circular = await api.post('/api/folders/a/move', { parentUid: 'b' });
    expect(circular.status).toBe(400);
    expect(obj(circular.json)['message']).toBe('Circular reference detected');
    const root = await api.post('/api/folders/b/move', { parentUid: '' });
    expect(obj(root.json)['parentUid']).toBeUndefined();
  });
});

describe('DELETE /api/folders/:uid', () => {
  it('cascades to sub-folders and dashboards', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/folders', { uid: 'a', title: 'A' });
    await api.post('/api/folders', { uid: 'b', title: 'B', parentUid: 'a' });
    await api.post('/api/dashboards/db', { dashboard: { uid: 'd', title: 'D' }, folderUid: 'b' });
    const r = await api.del('/api/folders/a');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ message: 'Folder deleted' });
    expect((await api.get('/api/folders/b')).status).toBe(404);
    expect((await api.get('/api/dashboards/uid/d')).status).toBe(404);
    expect((await api.del('/api/folders/a')).status).toBe(404);
  });

  it('answers {"message":"Folder deleted"} on 10.4 too (DeleteFolder in every release; {id,title} is only in its swagger comment)', async () => {
    sim = await simulator({ profile: '10.4' });
    const api = client(sim);
    await api.post('/api/folders', { uid: 'a', title: 'A' });
    expect((await api.del('/api/folders/a')).json).toEqual({ message: 'Folder deleted' });
  });

  it('refuses to delete a folder holding alert rules unless forceDeleteRules=true', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/folders', { uid: 'a', title: 'A' });
    await api.post('/api/folders', { uid: 'b', title: 'B', parentUid: 'a' });
    await api.post('/api/v1/provisioning/alert-rules', alertRule({ folderUID: 'b', ruleGroup: 'g' }));
    const refused = await api.del('/api/folders/a');
    expect(refused.status).toBe(400);
    expect((await api.del('/api/folders/a?forceDeleteRules=true')).status).toBe(200);
    expect(arr((await api.get('/api/v1/provisioning/alert-rules')).json)).toEqual([]);
  });
});
