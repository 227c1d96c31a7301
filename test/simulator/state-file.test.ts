import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';
import { client, obj } from './helpers.ts';

let dir = '';
let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('state file', () => {
  it('survives a restart: objects, versions, secrets and id sequences', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sim-state-'));
    const file = join(dir, 'state.json');
    sim = await startSimulator({ stateFile: file });
    const api = client(sim);
    await api.post('/api/folders', { uid: 'f', title: 'F' });
    await api.post('/api/dashboards/db', { dashboard: { uid: 'd', title: 'D' }, folderUid: 'f' });
    await api.post('/api/dashboards/db', { dashboard: { uid: 'd', title: 'D', version: 1 }, folderUid: 'f' });
    await api.post('/api/datasources', {
      uid: 'p',
      name: 'P',
      type: 'prometheus',
      access: 'proxy',
      secureJsonData: { password: 'x' },
    });
    await api.post('/api/v1/provisioning/contact-points', {
      uid: 'pd',
      name: 'pd',
      type: 'pagerduty',
      settings: { integrationKey: 'k' },
    });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ formatVersion: 1 });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    await sim.close();

    sim = await startSimulator({ stateFile: file });
    const again = client(sim);
    expect(obj(obj((await again.get('/api/dashboards/uid/d')).json)['dashboard'])['version']).toBe(2);
    expect(obj(obj((await again.get('/api/datasources/uid/p')).json))['secureJsonFields']).toEqual({
      password: true,
    });
    expect(sim.state().integrations.find((i) => i.uid === 'pd')?.settings['integrationKey']).toBe('k');
    const next = await again.post('/api/dashboards/db', { dashboard: { title: 'New' } });
    expect(obj(next.json)['id']).toBe(3);
  });

  it('narrows the permissions of an existing state file and of a leftover temporary file to 0600', async () => {
    if (process.platform === 'win32') return;
    dir = mkdtempSync(join(tmpdir(), 'sim-state-'));
    const file = join(dir, 'state.json');
    const leftover = `${file}.${process.pid}.tmp`;
    writeFileSync(leftover, 'stale', { mode: 0o644 });
    sim = await startSimulator({ stateFile: file });
    await client(sim).post('/api/folders', { uid: 'f', title: 'F' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(leftover)).toBe(false);
    await sim.close();
    chmodSync(file, 0o644);
    sim = await startSimulator({ stateFile: file });
    await client(sim).post('/api/folders', { uid: 'g', title: 'G' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a file that is not a simulator state', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sim-state-'));
    const file = join(dir, 'state.json');
    writeFileSync(file, '{"hello":1}');
    await expect(startSimulator({ stateFile: file })).rejects.toThrow(/not a simulator state file/);
  });
});
