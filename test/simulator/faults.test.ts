import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { client, obj, simulator, TOKEN } from './helpers.ts';

let sim: Simulator;
afterEach(async () => sim.close());

const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

function postFolder(sim: Simulator, title: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${sim.url}/api/folders`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ title }),
    signal,
  });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

describe('latency', () => {
  it('delays every API request by at least the configured time, and is changeable at runtime', async () => {
    sim = await simulator({ faults: { latencyMs: 300 } });
    const timed = async (): Promise<{ status: number; ms: number }> => {
      const started = performance.now();
      const status = (await client(sim).get('/api/health')).status;
      return { status, ms: performance.now() - started };
    };
    const slow = await timed();
    expect(slow.status).toBe(200);
    expect(slow.ms).toBeGreaterThanOrEqual(290);
    sim.setFaults({});
    expect(sim.faults).toEqual({});
    const fast = await timed();
    expect(fast.status).toBe(200);
    expect(fast.ms).toBeLessThan(150);
    sim.setFaults({ faults: [{ type: 'status', status: 503 }] });
    expect((await timed()).status).toBe(503);
    sim.setFaults({});
    expect((await timed()).status).toBe(200);
  });
});

describe('database-locked errors', () => {
  it('fail every Nth write with the endpoint 500 body, leaving reads and state alone', async () => {
    sim = await simulator({ faults: { faults: [{ type: 'dbLocked', everyNth: 2 }] } });
    const api = client(sim);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      await api.get('/api/search');
      statuses.push((await api.post('/api/dashboards/db', { dashboard: { title: `D${i}` } })).status);
    }
    expect(statuses).toEqual([200, 500, 200, 500]);
    const locked = await api.post('/api/dashboards/db', { dashboard: { title: 'x' } });
    expect(locked.status).toBe(200);
    const again = await api.post('/api/dashboards/db', { dashboard: { title: 'y' } });
    expect(again.json).toEqual({ message: 'Failed to save dashboard' });
    expect(sim.state().dashboards).toHaveLength(3);
    expect(sim.requests.entries.filter((e) => e.fault === 'dbLocked')).toHaveLength(3);
  });

  it('use the alerting error text on provisioning endpoints', async () => {
    sim = await simulator({
      faults: { faults: [{ type: 'dbLocked', always: true, pathPrefix: '/api/v1/provisioning' }] },
    });
    const r = await client(sim).put('/api/v1/provisioning/policies', { receiver: 'grafana-default-email' });
    expect(r.status).toBe(500);
    expect(r.json).toEqual({ message: 'database is locked' });
  });

  it('can be permanent for one path only', async () => {
    sim = await simulator({
      faults: { faults: [{ type: 'dbLocked', pathPrefix: '/api/datasources', always: true }] },
    });
    const api = client(sim);
    for (let i = 0; i < 3; i++)
      expect((await api.post('/api/datasources', { name: `ds${i}`, type: 'prometheus' })).json).toEqual({
        message: 'Failed to add datasource',
      });
    expect((await api.post('/api/folders', { title: 'fine' })).status).toBe(200);
  });

  it('happen naturally when more writes are in flight than the SQLite-like limit', async () => {
    sim = await simulator({ faults: { latencyMs: 300, maxConcurrentWrites: 2 } });
    const statuses = (await Promise.all([1, 2, 3, 4, 5].map((i) => postFolder(sim, `F${i}`)))).map(
      (r) => r.status,
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(statuses.filter((s) => s === 500)).toHaveLength(3);
    expect(sim.state().folders).toHaveLength(2);
  });

  it('count only writes that got past edge faults and authentication: a held timeout takes no slot', async () => {
    sim = await simulator({
      faults: {
        maxConcurrentWrites: 1,
        faults: [{ type: 'timeout', method: 'POST', pathPrefix: '/api/folders' }],
      },
    });
    const held = new AbortController();
    const pending = failure(postFolder(sim, 'Held', held.signal));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const unrelated = await client(sim).post('/api/datasources', {
      name: 'P',
      type: 'prometheus',
      access: 'proxy',
    });
    expect(unrelated.status).toBe(200);
    held.abort();
    expect(await pending).toBeInstanceOf(DOMException);
    expect(sim.state().folders).toEqual([]);
  });

  it('leave the slot free for proxy status faults and refused credentials during the latency', async () => {
    sim = await simulator({
      faults: {
        latencyMs: 300,
        maxConcurrentWrites: 1,
        faults: [{ type: 'status', status: 503, pathPrefix: '/api/dashboards' }],
      },
    });
    const proxied = client(sim).post('/api/dashboards/db', { dashboard: { title: 'D' } });
    const unauthenticated = client(sim, null).post('/api/folders', { title: 'Nobody' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const real = await postFolder(sim, 'Real');
    expect(real.status).toBe(200);
    expect((await proxied).status).toBe(503);
    expect((await unauthenticated).status).toBe(401);
    expect(sim.state().folders.map((f) => f.title)).toEqual(['Real']);
    expect(sim.requests.entries.filter((e) => e.fault === 'contention')).toEqual([]);
  });

  it('do not happen for writes one after another', async () => {
    sim = await simulator({ faults: { latencyMs: 5, maxConcurrentWrites: 1 } });
    for (let i = 0; i < 4; i++) expect((await postFolder(sim, `F${i}`)).status).toBe(200);
  });
});

describe('proxy status faults', () => {
  it('answer 503 with Retry-After in seconds, scoped by path', async () => {
    sim = await simulator({
      faults: {
        faults: [{ type: 'status', status: 503, pathPrefix: '/api/dashboards', retryAfterSeconds: 7 }],
      },
    });
    const r = await client(sim).post('/api/dashboards/db', { dashboard: { title: 'x' } });
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('7');
    expect((await client(sim).get('/api/folders')).status).toBe(200);
    expect(sim.state().dashboards).toEqual([]);
  });

  it.each([429, 502, 503])('default to Retry-After: 1 for %d', async (status) => {
    sim = await simulator({ faults: { faults: [{ type: 'status', status }] } });
    const r = await client(sim).get('/api/health');
    expect(r.status).toBe(status);
    expect(r.headers.get('retry-after')).toBe('1');
  });

  it('omit Retry-After when told to, and can be scoped by method and limited in count', async () => {
    sim = await simulator({
      faults: { faults: [{ type: 'status', status: 502, method: 'PUT', times: 2, retryAfterSeconds: null }] },
    });
    const api = client(sim);
    await api.post('/api/folders', { uid: 'f', title: 'F' });
    const first = await api.put('/api/folders/f', { title: 'G', overwrite: true });
    expect(first.status).toBe(502);
    expect(first.headers.get('retry-after')).toBeNull();
    expect((await api.put('/api/folders/f', { title: 'G', overwrite: true })).status).toBe(502);
    expect((await api.put('/api/folders/f', { title: 'G', overwrite: true })).status).toBe(200);
  });

  it('fire with a seeded probability, the same sequence for the same seed', async () => {
    sim = await simulator();
    const sequence = async (): Promise<number[]> => {
      sim.setFaults({ seed: 42, faults: [{ type: 'status', status: 429, probability: 0.5 }] });
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await client(sim).get('/api/health')).status);
      return out;
    };
    const first = await sequence();
    expect(await sequence()).toEqual(first);
    expect(first).toContain(429);
    expect(first).toContain(200);
  });
});

describe('connection resets', () => {
  it('destroy the socket without a response; the client sees a network error', async () => {
    sim = await simulator({ faults: { faults: [{ type: 'reset', everyNth: 1, times: 1 }] } });
    const error = await failure(fetch(`${sim.url}/api/health`));
    expect(error).toBeInstanceOf(TypeError);
    expect((await client(sim).get('/api/health')).status).toBe(200);
    expect(sim.requests.entries[0]).toMatchObject({ status: 0, fault: 'reset' });
  });

  it('after the handler ran, the change is applied although no answer arrives', async () => {
    sim = await simulator({
      faults: { faults: [{ type: 'reset', phase: 'after', method: 'POST', times: 1 }] },
    });
    await failure(postFolder(sim, 'Applied'));
    expect(sim.state().folders.map((f) => f.title)).toEqual(['Applied']);
  });
});

describe('timeouts', () => {
  it('hold the request until the client gives up, without applying it', async () => {
    sim = await simulator({ faults: { faults: [{ type: 'timeout', method: 'POST' }] } });
    const error = await failure(postFolder(sim, 'Never', AbortSignal.timeout(100)));
    expect(error).toBeInstanceOf(DOMException);
    expect(sim.state().folders).toEqual([]);
  });

  it('hold the request until the simulator closes', async () => {
    sim = await simulator({ faults: { faults: [{ type: 'timeout' }] } });
    const pending = failure(fetch(`${sim.url}/api/health`));
    await new Promise((resolve) => setTimeout(resolve, 30));
    await sim.close();
    expect(await pending).toBeInstanceOf(TypeError);
  });

  it('can answer late instead', async () => {
    sim = await simulator({ faults: { faults: [{ type: 'timeout', holdMs: 30, afterHold: 'respond' }] } });
    expect((await postFolder(sim, 'Late')).status).toBe(200);
  });
});

describe('races', () => {
  it('two saves of the same dashboard version: one wins, the other gets 412', async () => {
    sim = await simulator();
    await client(sim).post('/api/dashboards/db', { dashboard: { uid: 'd', title: 'D' } });
    sim.setFaults({ latencyMs: 100 });
    const save = (): Promise<Response> =>
      fetch(`${sim.url}/api/dashboards/db`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ dashboard: { uid: 'd', title: 'D', version: 1 } }),
      });
    const statuses = (await Promise.all([save(), save()])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 412]);
  });

  it('concurrent Alertmanager-configuration writes lose the race with 409 (11.6) when enabled', async () => {
    sim = await simulator({ faults: { latencyMs: 300, alertmanagerConflicts: true } });
    const post = (name: string): Promise<Response> =>
      fetch(`${sim.url}/api/v1/provisioning/contact-points`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ name, type: 'email', settings: { addresses: 'a@x' } }),
      });
    const replies = await Promise.all([post('a'), post('b')]);
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([202, 409]);
    const loser = replies.find((r) => r.status === 409);
    expect(obj(await loser?.json())['messageId']).toBe('alerting.notifications.conflict');
  });
});

describe('fault configuration over HTTP', () => {
  it('is set, read back and validated through /__sim/faults', async () => {
    sim = await simulator();
    const set = await fetch(`${sim.url}/__sim/faults`, {
      method: 'POST',
      body: JSON.stringify({
        latencyMs: 0,
        faults: [{ type: 'status', status: 503, pathPrefix: '/api/search' }],
      }),
    });
    expect(set.status).toBe(200);
    expect((await client(sim).get('/api/search')).status).toBe(503);
    expect(await (await fetch(`${sim.url}/__sim/faults`)).json()).toEqual({
      latencyMs: 0,
      faults: [{ type: 'status', status: 503, pathPrefix: '/api/search' }],
    });
    const bad = await fetch(`${sim.url}/__sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ faults: [{ type: 'explode', probability: 2 }] }),
    });
    expect(bad.status).toBe(400);
    expect(obj(await bad.json())['problems']).toEqual([
      'faults[0].type must be one of dbLocked, status, reset, timeout',
      'faults[0].probability must be a number between 0 and 1',
    ]);
  });
});
