import { afterEach, describe, expect, it } from 'vitest';
import { GrafanaClient, NetworkError, retryAfterMs } from '../../src/grafana/client.ts';
import { GrafanaApiError } from '../../src/grafana/errors.ts';
import { mapLimited } from '../../src/grafana/semaphore.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

function client(s: Simulator, sleeps: number[] = [], extra = {}): GrafanaClient {
  return new GrafanaClient(
    {
      url: `${s.url}/`,
      auth: { kind: 'token', token: 'secret-token-123' },
      retries: 3,
      timeoutMs: 2_000,
      ...extra,
    },
    { sleep: (ms) => (sleeps.push(ms), Promise.resolve()), random: () => 0.5 },
  );
}

describe('the Grafana client', () => {
  it('waits as long as Retry-After says on 429 and 503, then succeeds', async () => {
    sim = await startSimulator({
      faults: {
        faults: [
          { type: 'status', status: 429, retryAfterSeconds: 3, times: 1 },
          { type: 'status', status: 503, retryAfterSeconds: 1, times: 1 },
        ],
      },
    });
    const sleeps: number[] = [];
    const c = client(sim, sleeps);
    const response = await c.get('/api/folders');
    expect(response.status).toBe(200);
    expect(sleeps).toEqual([3000, 1000]);
    expect(c.sent.retries).toBe(2);
  });

  it('backs off exponentially without Retry-After, and gives up with a typed error after its retries', async () => {
    sim = await startSimulator({
      faults: { faults: [{ type: 'status', status: 502, retryAfterSeconds: null, always: true }] },
    });
    const sleeps: number[] = [];
    const error = await client(sim, sleeps)
      .get('/api/folders')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrafanaApiError);
    expect((error as GrafanaApiError).status).toBe(502);
    expect(sleeps).toEqual([150, 300, 600]);
  });

  it('retries dropped connections and reports a NetworkError when they keep dropping', async () => {
    sim = await startSimulator({ faults: { faults: [{ type: 'reset', always: true }] } });
    const error = await client(sim)
      .get('/api/folders')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(sim.requests.api()).toHaveLength(4);
  });

  it('returns allowed statuses instead of throwing, and never puts the token in an error', async () => {
    sim = await startSimulator();
    const c = client(sim);
    expect((await c.get('/api/dashboards/uid/nope', { allow: [404] })).status).toBe(404);
    const error = await c.get('/api/dashboards/uid/nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrafanaApiError);
    expect(String(error)).toContain('GET /api/dashboards/uid/nope answered 404');
    expect(String(error)).not.toContain('secret-token-123');
  });

  it('authenticates with basic auth and selects the organisation', async () => {
    sim = await startSimulator();
    const c = new GrafanaClient({
      url: sim.url,
      auth: { kind: 'basic', user: 'admin', password: 'admin' },
      orgId: 1,
    });
    expect((await c.get('/api/org')).status).toBe(200);
  });

  it('keeps writes within its limit, so that an SQLite Grafana does not lock', async () => {
    sim = await startSimulator({ faults: { latencyMs: 20, maxConcurrentWrites: 2 } });
    const c = client(sim, [], { writeConcurrency: 2 });
    await mapLimited(
      Array.from({ length: 12 }, (_, i) => i),
      12,
      (i) => c.post('/api/folders', { uid: `f${i}`, title: `F${i}` }),
    );
    expect(sim.requests.api().filter((e) => e.fault !== undefined)).toEqual([]);
    expect(sim.requests.countWrites({ successfulOnly: true })).toBe(12);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('Wed, 25 Nov 2026 10:00:05 GMT', Date.parse('Wed, 25 Nov 2026 10:00:00 GMT'))).toBe(
      5000,
    );
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs('100000')).toBe(60_000);
  });
});
